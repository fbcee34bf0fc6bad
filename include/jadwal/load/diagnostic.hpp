// Problems found in input, each with a stable code and the place it points at.
// Message and position are kept apart and formatted once, compiler style:
//   scenario.yaml:42:7: error: unknown unit 'bpkda' (did you mean 'bpkad'?) [E-REF-UNIT]
#pragma once

#include <jadwal/text/language.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::load {

enum class severity { note, warning, error };

struct diagnostic {
    severity level = severity::error;
    std::string code;     ///< stable, listed in docs/errors.md, e.g. "E-REF-UNIT"
    std::string message;  ///< one sentence, no position
    std::string file;
    std::int32_t line = 0;    ///< 1-based; 0 when the whole file is meant
    std::int32_t column = 0;  ///< 1-based
    std::string path;         ///< node path, e.g. "units[3].max_absent" (may be empty)
    /// The file is there but could not be read, for a reason outside its
    /// content: no permission, a directory or device where a file belongs, a
    /// read error. Tools report these apart from input errors (jadwal exits 5).
    bool io_failure = false;
    /// The same sentence in Indonesian; empty when it reads the same as
    /// `message` (no translation, or nothing to translate). Last, so that
    /// aggregate initialisers written before it still fit.
    std::string message_id{};

    /// The sentence in `l`: message_id for Indonesian when there is one, else message.
    [[nodiscard]] const std::string& message_in(text::language l) const {
        return l == text::language::id && !message_id.empty() ? message_id : message;
    }
};

[[nodiscard]] std::string_view to_string(severity s);
/// The level as people read it in `l`: "error" / "galat", "warning" /
/// "peringatan", "note" / "catatan". to_string() stays the English word
/// (JSON output and bindings use it).
[[nodiscard]] std::string_view to_string(severity s, text::language l);
/// "file:line:col: error: message [CODE]" (+ " at path" when a path is known),
/// through printable(): one line, whatever the file name, message or path hold.
/// In Indonesian: "file:line:col: galat: pesan [CODE] di path". Codes and
/// paths stay as they are in every language.
[[nodiscard]] std::string format(const diagnostic& d, text::language l = text::language::en);

/// Collects diagnostics; a loader reports everything it finds, not just the first.
class diagnostics {
public:
    void add(diagnostic d) { items_.push_back(std::move(d)); }
    [[nodiscard]] bool has_errors() const;
    [[nodiscard]] std::size_t error_count() const;
    [[nodiscard]] std::size_t warning_count() const;
    /// True when a file could not be read at all (see diagnostic::io_failure).
    [[nodiscard]] bool has_io_failure() const;
    [[nodiscard]] const std::vector<diagnostic>& items() const { return items_; }
    [[nodiscard]] bool empty() const { return items_.empty(); }
    /// Stable order: by file, line, column, then insertion.
    void sort();

private:
    std::vector<diagnostic> items_;
};

/// `text` made safe to print on a terminal: every C0 control character (tab
/// and line feed too), DEL and every byte that is not part of valid UTF-8 is
/// written as `\xNN`; C1 controls, the line and paragraph separators and the
/// bidirectional overrides and isolates as `\uNNNN`. Everything else is kept as
/// it is, backslashes included, so escaping twice changes nothing. Scenario
/// text (names, titles, ids, messages built from them) goes through this
/// before it reaches stdout or stderr; format() applies it to the whole line.
[[nodiscard]] std::string printable(std::string_view text);

/// The closest candidate by edit distance, for "did you mean"; empty when none is close.
[[nodiscard]] std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace jadwal::load
