// The lexical layer of RFC 5545: content lines folded at 75 octets and ended
// by CRLF, TEXT and parameter values that no input can break out of, URIs and
// ids encoded so that they hold only safe characters, and date-time values.
// Everything appends into a caller's string, so a calendar of thousands of
// events is built without an allocation per value.
#pragma once

#include <jadwal/time/civil.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace jadwal::output::detail {

inline constexpr std::string_view crlf = "\r\n";
/// RFC 5545 3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break."
inline constexpr std::size_t max_line_octets = 75;

/// Appends `line` (one content line without its line break) folded so that
/// no physical line exceeds 75 octets: each continuation line starts with one
/// space and the break never falls inside a UTF-8 sequence. Ends with CRLF.
void append_folded(std::string& out, std::string_view line);

/// Ends the content line that starts at out[start] and runs to the end of
/// `out`: folds it in place as append_folded does and appends CRLF. Lets a
/// caller write a line straight into the file text.
void end_line(std::string& out, std::size_t start);

/// Appends a TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma
/// escaped, a line break (LF, CR or CRLF) as `\n`; any other control
/// character but tab becomes a space and invalid UTF-8 becomes U+FFFD, so the
/// value can never end the content line or start a property of its own.
void append_text(std::string& out, std::string_view value);

/// Appends a parameter value (RFC 5545 3.1, `param-value`), quoted when it
/// holds `;`, `:` or `,`. A double quote cannot appear in either form, so it
/// becomes `'`; control characters become spaces, invalid UTF-8 U+FFFD.
void append_param_value(std::string& out, std::string_view value);

/// Appends `id` with every byte outside [A-Za-z0-9_-] written as %XX
/// (uppercase hex). Injective, so encoded ids joined by `.` stay unique, and
/// the result is safe in a UID, a URN, and a file name.
void append_id_component(std::string& out, std::string_view id);

/// Appends a URI, percent-encoding every byte RFC 3986 does not allow
/// (spaces, quotes, controls, non-ASCII) and a `%` not followed by two hex digits.
void append_uri(std::string& out, std::string_view uri);

/// Appends `mailto:` and the address with every byte outside the characters
/// of a plain addr-spec percent-encoded, so that `,`, `?` or `&` in it cannot
/// add recipients or header fields (RFC 6068).
void append_mailto(std::string& out, std::string_view address);

/// `20260316T010000Z`
void append_utc(std::string& out, calendar::instant t);
void append_utc(std::string& out, date::sys_seconds t);
/// `20260316T080000` (a local time, its zone given by a TZID parameter).
void append_local(std::string& out, date::local_seconds t);
/// `+0700`, `-0330`, or `+053328` for an offset with seconds (RFC 5545 3.3.14).
void append_utc_offset(std::string& out, std::chrono::seconds offset);

/// A file name stem for an entity id: the id encoded as by
/// append_id_component (so never `.`, `..`, a `/` or a control character),
/// a name Windows reserves (`con`, `nul`, `com1`, ...) with its first
/// letter encoded, and an id whose encoding exceeds 120 bytes cut at 100
/// bytes and followed by `~` and a 64-bit hash of the whole id.
[[nodiscard]] std::string file_stem(std::string_view id);

}  // namespace jadwal::output::detail
