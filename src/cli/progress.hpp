// Progress of a solve on stderr (interface.md): on a terminal one line redrawn
// in place, with a bar, the time spent and the time left when a time or move
// limit is known; otherwise (a pipe, a log file) plain lines, one every few
// seconds at most and one at each phase. stdout stays for the data.
#pragma once

#include <cstdint>
#include <jadwal/solve/solver.hpp>
#include <jadwal/text/messages.hpp>
#include <optional>
#include <string>

namespace jadwal::cli {

class progress_display {
public:
    /// `label` goes before each line (compare: "[1/3] flexible"); empty for none.
    progress_display(const text::messages& m, bool terminal, std::string label = {});

    /// The limits the solve runs under, for the bar and the time left: the
    /// time limit in seconds, and the moves of all threads together.
    void set_limits(std::optional<double> seconds, std::optional<std::int64_t> moves);

    /// Sets `opts.on_progress` and its interval to draw on this display
    /// (which must outlive the solve), and the limits from `opts`.
    void attach(solve::solve_options& opts);

    /// What goes before each line from now on.
    void set_label(std::string label) { label_ = std::move(label); }

    void show(const solve::solve_progress& p);
    /// Ends a line drawn in place, so what follows starts on a new line.
    void finish();

    /// Whether stderr is a terminal.
    [[nodiscard]] static bool stderr_is_terminal();

    /// The share done, 0 to 1, when a limit is known; the line's text.
    [[nodiscard]] std::optional<double> fraction(const solve::solve_progress& p) const;
    [[nodiscard]] std::string line(const solve::solve_progress& p) const;

private:
    const text::messages* m_;
    bool terminal_;
    std::string label_;
    std::optional<double> seconds_;
    std::optional<std::int64_t> moves_;
    std::size_t drawn_ = 0;  ///< width of the line drawn in place, 0 when none
};

/// "1:05" for 65 seconds, "1:02:05" from an hour on.
[[nodiscard]] std::string clock_seconds(double seconds);

}  // namespace jadwal::cli
