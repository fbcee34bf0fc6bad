#include "ics_text.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <iterator>

namespace jadwal::output::detail {
namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view hex_digits = "0123456789ABCDEF";

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool in_range(std::string_view s, std::size_t i, unsigned char lo, unsigned char hi) {
    if (i >= s.size()) return false;
    const auto c = static_cast<unsigned char>(s[i]);
    return lo <= c && c <= hi;
}

/// Length of the well-formed UTF-8 sequence (RFC 3629) starting at s[i], 0 if
/// there is none: overlong forms, surrogates and code points above U+10FFFF
/// are refused, since TEXT allows only well-formed NON-US-ASCII.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return in_range(s, i + 1, 0x80, 0xBF) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
        const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
        return in_range(s, i + 1, lo, hi) && in_range(s, i + 2, 0x80, 0xBF) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
        return in_range(s, i + 1, lo, hi) && in_range(s, i + 2, 0x80, 0xBF) && in_range(s, i + 3, 0x80, 0xBF) ? 4
                                                                                                              : 0;
    }
    return 0;
}

/// Copies the well-formed UTF-8 sequence at s[i] (or U+FFFD for a malformed
/// byte) and returns the index after what it consumed.
std::size_t copy_non_ascii(std::string& out, std::string_view s, std::size_t i) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) {
        out += replacement_character;
        return i + 1;
    }
    out.append(s.substr(i, n));
    return i + n;
}

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7F; }

void append_percent(std::string& out, unsigned char c) {
    out += '%';
    out += hex_digits[c >> 4];
    out += hex_digits[c & 0x0F];
}

bool is_alnum(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

template <class Keep>
void append_encoded(std::string& out, std::string_view s, Keep keep) {
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (keep(c))
            out += ch;
        else
            append_percent(out, c);
    }
}

/// FNV-1a, 64 bits: a stable hash (std::hash may differ between builds).
std::uint64_t stable_hash(std::string_view s) {
    std::uint64_t h = 14695981039346656037ULL;
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

bool windows_reserved(std::string_view stem) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    std::string l;
    for (const char c : stem) l += lower(c);
    if (l == "con" || l == "prn" || l == "aux" || l == "nul") return true;
    return l.size() == 4 && (l.starts_with("com") || l.starts_with("lpt")) && l[3] >= '0' && l[3] <= '9';
}

void append_date_time(std::string& out, date::sys_seconds t) {
    const auto day = date::floor<date::days>(t);
    const date::year_month_day ymd{day};
    const auto tod = (t - day).count();
    fmt::format_to(std::back_inserter(out), "{:04}{:02}{:02}T{:02}{:02}{:02}", static_cast<int>(ymd.year()),
                   static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), tod / 3600, tod / 60 % 60,
                   tod % 60);
}

}  // namespace

void append_folded(std::string& out, std::string_view line) {
    std::size_t limit = max_line_octets;
    while (line.size() > limit) {
        // line[cut] opens the next physical line: step back while it would
        // continue a UTF-8 sequence begun on this one.
        std::size_t cut = limit;
        while (cut > 0 && is_continuation(line[cut])) --cut;
        if (cut == 0) cut = limit;  // not UTF-8 at all; callers never pass such a line
        out.append(line.substr(0, cut));
        out += crlf;
        out += ' ';
        line.remove_prefix(cut);
        limit = max_line_octets - 1;  // the leading space counts
    }
    out.append(line);
    out += crlf;
}

void end_line(std::string& out, std::size_t start) {
    if (out.size() - start <= max_line_octets) {
        out += crlf;
        return;
    }
    const std::string line = out.substr(start);  // long lines are rare: copying them is cheap overall
    out.resize(start);
    append_folded(out, line);
}

void append_text(std::string& out, std::string_view value) {
    for (std::size_t i = 0; i < value.size();) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c >= 0x80) {
            i = copy_non_ascii(out, value, i);
            continue;
        }
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            case '\r':
                out += "\\n";
                if (i + 1 < value.size() && value[i + 1] == '\n') ++i;
                break;
            case '\t': out += '\t'; break;
            default: out += is_control(c) ? ' ' : static_cast<char>(c);
        }
        ++i;
    }
}

void append_param_value(std::string& out, std::string_view value) {
    const bool quote = value.find_first_of(";:,") != std::string_view::npos;
    if (quote) out += '"';
    for (std::size_t i = 0; i < value.size();) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c >= 0x80) {
            i = copy_non_ascii(out, value, i);
            continue;
        }
        out += c == '"' ? '\'' : (is_control(c) ? ' ' : static_cast<char>(c));
        ++i;
    }
    if (quote) out += '"';
}

void append_id_component(std::string& out, std::string_view id) {
    append_encoded(out, id, [](unsigned char c) { return is_alnum(c) || c == '-' || c == '_'; });
}

void append_uri(std::string& out, std::string_view uri) {
    static constexpr std::string_view allowed = "-._~:/?#[]@!$&'()*+,;=";
    for (std::size_t i = 0; i < uri.size(); ++i) {
        const auto c = static_cast<unsigned char>(uri[i]);
        const bool escape_kept = c == '%' && i + 2 < uri.size() && is_hex(uri[i + 1]) && is_hex(uri[i + 2]);
        if (is_alnum(c) || allowed.find(static_cast<char>(c)) != std::string_view::npos || escape_kept)
            out += static_cast<char>(c);
        else
            append_percent(out, c);
    }
}

void append_mailto(std::string& out, std::string_view address) {
    static constexpr std::string_view allowed = "-._~!$'*+@";
    out += "mailto:";
    append_encoded(out, address, [](unsigned char c) {
        return is_alnum(c) || allowed.find(static_cast<char>(c)) != std::string_view::npos;
    });
}

void append_utc(std::string& out, calendar::instant t) { append_utc(out, date::sys_seconds{t}); }

void append_utc(std::string& out, date::sys_seconds t) {
    append_date_time(out, t);
    out += 'Z';
}

void append_local(std::string& out, date::local_seconds t) {
    append_date_time(out, date::sys_seconds{t.time_since_epoch()});
}

void append_utc_offset(std::string& out, std::chrono::seconds offset) {
    auto s = offset.count();
    out += s < 0 ? '-' : '+';
    if (s < 0) s = -s;
    fmt::format_to(std::back_inserter(out), "{:02}{:02}", s / 3600, s / 60 % 60);
    if (s % 60 != 0) fmt::format_to(std::back_inserter(out), "{:02}", s % 60);
}

std::string file_stem(std::string_view id) {
    constexpr std::size_t longest = 120;
    constexpr std::size_t cut_at = 100;
    std::string stem;
    append_id_component(stem, id);
    if (stem.empty()) stem = "%";  // an empty id still needs a name; '%' alone is no encoding of anything
    if (windows_reserved(stem)) {
        const auto first = static_cast<unsigned char>(stem[0]);
        stem.erase(0, 1);
        std::string head;
        append_percent(head, first);
        stem.insert(0, head);
    }
    if (stem.size() > longest) {
        std::size_t cut = cut_at;
        // Do not cut inside a %XX escape.
        if (stem[cut - 1] == '%') cut -= 1;
        else if (stem[cut - 2] == '%') cut -= 2;
        stem.resize(cut);
        fmt::format_to(std::back_inserter(stem), "~{:016x}", stable_hash(id));
    }
    return stem;
}

}  // namespace jadwal::output::detail
