#include "progress.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace jadwal::cli {
namespace {

std::string phase_name(const text::messages& m, std::string_view phase) {
    if (phase == "compile") return std::string(m.tr_in("progress", "preparing"));
    if (phase == "construct") return std::string(m.tr_in("progress", "first plan"));
    if (phase == "search") return std::string(m.tr_in("progress", "searching"));
    if (phase == "neighbourhoods") return std::string(m.tr_in("progress", "exact neighbourhoods"));
    if (phase == "explain") return std::string(m.tr_in("progress", "explaining"));
    if (phase == "done") return std::string(m.tr_in("progress", "done"));
    return std::string(phase);
}

/// Display width of UTF-8 text: code points, not bytes.
std::size_t width(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

/// `s` cut to at most `columns` code points: a line longer than the terminal
/// wraps, and \r then redraws only its last part.
std::string fit(std::string s, std::size_t columns) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (seen++ == columns) {
            s.resize(i);
            break;
        }
    }
    return s;
}

std::size_t terminal_columns() {
    winsize w{};
    if (::ioctl(::fileno(stderr), TIOCGWINSZ, &w) == 0 && w.ws_col > 1) return w.ws_col;
    return 100;
}

}  // namespace

std::string clock_seconds(double seconds) {
    const auto total = static_cast<std::int64_t>(std::max(0.0, std::round(seconds)));
    if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
    return fmt::format("{}:{:02}", total / 60, total % 60);
}

progress_display::progress_display(const text::messages& m, bool terminal, std::string label)
    : m_(&m), terminal_(terminal), label_(std::move(label)) {}

bool progress_display::stderr_is_terminal() {
    return ::isatty(::fileno(stderr)) != 0;
}

void progress_display::set_limits(std::optional<double> seconds, std::optional<std::int64_t> moves) {
    seconds_ = seconds && *seconds > 0 ? seconds : std::nullopt;
    moves_ = moves && *moves > 0 ? moves : std::nullopt;
}

void progress_display::attach(solve::solve_options& opts) {
    // Without either limit the solver stops after default_max_moves per thread.
    std::optional<std::int64_t> moves = opts.max_moves;
    if (!moves && !opts.time_limit_seconds) moves = solve::default_max_moves;
    if (moves) moves = *moves * std::max(1, opts.threads);
    set_limits(opts.time_limit_seconds, moves);
    opts.progress_interval_seconds = terminal_ ? 0.25 : 3.0;
    opts.on_progress = [this](const solve::solve_progress& p) { show(p); };
}

std::optional<double> progress_display::fraction(const solve::solve_progress& p) const {
    if (p.phase == "done") return 1.0;
    if (!seconds_ && !moves_) return std::nullopt;
    double f = 0;
    if (seconds_) f = std::max(f, p.elapsed_seconds / *seconds_);
    if (moves_) f = std::max(f, static_cast<double>(p.moves) / static_cast<double>(*moves_));
    return std::clamp(f, 0.0, 1.0);
}

std::string progress_display::line(const solve::solve_progress& p) const {
    const auto& m = *m_;
    std::string out;
    if (!label_.empty()) out += label_ + "  ";
    const auto f = fraction(p);
    if (terminal_ && f) {
        constexpr int bar = 24;
        const int filled = static_cast<int>(std::floor(*f * bar));
        out += '[';
        for (int i = 0; i < bar; ++i) out += i < filled ? "\u2588" : "\u00b7";
        out += "] ";
    }
    if (f) out += fmt::format("{:>4}  ", m.percent(*f, 0));
    out += clock_seconds(p.elapsed_seconds);
    if (f && *f < 1.0 && p.phase != "done") {
        // What is left: until the time limit, or at the pace of the moves so far, whichever comes first.
        std::optional<double> left;
        if (seconds_) left = *seconds_ - p.elapsed_seconds;
        if (moves_ && p.moves > 0 && p.elapsed_seconds > 0) {
            const double share = static_cast<double>(p.moves) / static_cast<double>(*moves_);
            const double by_pace = p.elapsed_seconds * (1 - share) / share;
            left = left ? std::min(*left, by_pace) : by_pace;
        }
        if (left) out += ", " + m.format("about {} left", clock_seconds(*left));
    }
    out += "  " + phase_name(m, p.phase);
    if (p.demand_total > 0 && p.phase != "compile" && p.phase != "construct")
        out += "  " + m.format("placed {}/{}  participation {}  burden {}  cost {}  moves {}",
                               m.number(p.demand_placed), m.number(p.demand_total), m.number(p.participation, 1),
                               m.number(p.burden, 1), m.number(p.cost, 1), m.number(p.moves));
    return out;
}

void progress_display::show(const solve::solve_progress& p) {
    auto text = line(p);
    if (terminal_) {
        text = fit(std::move(text), terminal_columns() - 1);
        const auto w = width(text);
        fmt::print(stderr, "\r{}{}", text, std::string(drawn_ > w ? drawn_ - w : 0, ' '));
        drawn_ = std::max<std::size_t>(w, 1);
    } else {
        fmt::print(stderr, "{}\n", text);
    }
    std::fflush(stderr);
}

void progress_display::finish() {
    if (drawn_ > 0) fmt::print(stderr, "\n");
    drawn_ = 0;
}

}  // namespace jadwal::cli
