#include "values.hpp"

#include <jadwal/time/civil.hpp>
#include <jadwal/load/diagnostic.hpp>

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace jadwal::load::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::array<std::string_view, 7> day_names{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

// Other names people write for the same days, Sunday first: English in full,
// and Indonesian in full and abbreviated (docs/languages.md).
constexpr std::array<std::array<std::string_view, 4>, 7> day_aliases{{
    {"sunday", "minggu", "min", "ahad"},
    {"monday", "senin", "sen", ""},
    {"tuesday", "selasa", "sel", ""},
    {"wednesday", "rabu", "rab", ""},
    {"thursday", "kamis", "kam", ""},
    {"friday", "jumat", "jum", "jum'at"},
    {"saturday", "sabtu", "sab", ""},
}};

std::optional<unsigned> day_index(std::string_view s) {
    const std::string l = lower(trim(s));
    if (l.empty()) return std::nullopt;
    for (unsigned i = 0; i < day_names.size(); ++i) {
        if (l == day_names[i]) return i;
        for (const std::string_view alias : day_aliases[i])
            if (l == alias) return i;
    }
    return std::nullopt;
}

}  // namespace

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out{s};
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

int_result parse_integer(std::string_view s) {
    s = trim(s);
    if (s.empty()) return {};
    std::size_t pos = 0;
    if (s[0] == '+' || s[0] == '-') pos = 1;
    if (pos == s.size()) return {};
    for (std::size_t i = pos; i < s.size(); ++i)
        if (!is_digit(s[i])) return {};
    std::int64_t v = 0;
    const char* first = s.data() + (s[0] == '+' ? 1 : 0);
    const auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), v);
    if (ec == std::errc::result_out_of_range) return {num_status::range, 0};
    if (ec != std::errc{} || ptr != s.data() + s.size()) return {};
    return {num_status::ok, v};
}

real_result parse_real(std::string_view s) {
    s = trim(s);
    if (s.empty()) return {};
    // Only plain decimal notation: digits, one dot, an optional exponent.
    std::size_t i = 0;
    if (s[i] == '+' || s[i] == '-') ++i;
    bool digits = false;
    while (i < s.size() && is_digit(s[i])) ++i, digits = true;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i, digits = true;
    }
    if (!digits) return {};
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        bool exp_digits = false;
        while (i < s.size() && is_digit(s[i])) ++i, exp_digits = true;
        if (!exp_digits) return {};
    }
    if (i != s.size()) return {};
    double v = 0;
    const char* first = s.data() + (s[0] == '+' ? 1 : 0);
    const auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), v);
    if (ec == std::errc::result_out_of_range) return {num_status::range, 0};
    if (ec != std::errc{} || ptr != s.data() + s.size() || !std::isfinite(v)) return {};
    return {num_status::ok, v};
}

std::optional<bool> parse_bool(std::string_view s, bool lenient) {
    const std::string l = lower(trim(s));
    if (l == "true" || l == "yes") return true;
    if (l == "false" || l == "no") return false;
    if (lenient) {
        if (l == "1" || l == "ya" || l == "y") return true;
        if (l == "0" || l == "tidak" || l == "n") return false;
    }
    return std::nullopt;
}

std::optional<std::uint8_t> parse_weekdays(std::string_view s, phrase& problem) {
    const std::string whole = lower(trim(s));
    if (whole == "daily" || whole == "setiap hari") return std::uint8_t{0x7f};
    if (whole == "weekdays" || whole == "hari kerja") return std::uint8_t{0x3e};  // mon..fri
    if (whole == "weekend" || whole == "akhir pekan") return std::uint8_t{0x41};  // sat, sun
    std::uint8_t mask = 0;
    std::string_view rest = whole;
    if (rest.empty()) {
        problem = say("an empty weekday spec");
        return std::nullopt;
    }
    while (true) {
        const auto comma = rest.find(',');
        const std::string_view part = trim(rest.substr(0, comma));
        const auto dash = part.find('-');
        const auto a = day_index(part.substr(0, dash));
        const auto b = dash == std::string_view::npos ? a : day_index(part.substr(dash + 1));
        if (!a || !b) {
            problem =
                say("{} is not a weekday or a range of weekdays (write mon..sun, mon-thu or mon,wed)", in_quotes(part));
            return std::nullopt;
        }
        // A range runs forward through the week and may wrap (sat-mon).
        for (unsigned d = *a;; d = (d + 1) % 7) {
            const auto bit = static_cast<std::uint8_t>(1u << d);
            if (mask & bit) {
                problem = say("{} names {} twice", in_quotes(s), day_names[d]);
                return std::nullopt;
            }
            mask = static_cast<std::uint8_t>(mask | bit);
            if (d == *b) break;
        }
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
    }
    return mask;
}

std::string format_weekdays(std::uint8_t mask) {
    std::string out;
    // Monday first, as people read a week.
    for (unsigned k = 0; k < 7; ++k) {
        const unsigned d = (k + 1) % 7;
        if (mask & (1u << d)) {
            if (!out.empty()) out += ',';
            out += day_names[d];
        }
    }
    return out;
}

std::optional<model::staffing_limit> parse_staffing_limit(std::string_view s, phrase& problem, bool& is_type) {
    s = trim(s);
    model::staffing_limit limit;
    if (!s.empty() && s.back() == '%') {
        const auto r = parse_real(s.substr(0, s.size() - 1));
        if (r.status == num_status::syntax) {
            is_type = true;
            problem = say("expected a share such as 10% or a head count such as 2, got {}", in_quotes(s));
            return std::nullopt;
        }
        if (r.status == num_status::range || !(r.value > 0) || r.value > 100) {
            is_type = false;
            problem = say("a share must be above 0% and at most 100%, got {}", in_quotes(s));
            return std::nullopt;
        }
        limit.type = model::staffing_limit::kind::share;
        limit.share = r.value / 100.0;
        return limit;
    }
    const auto r = parse_integer(s);
    if (r.status == num_status::syntax) {
        is_type = true;
        problem = say("expected a share such as 10% or a head count such as 2, got {}", in_quotes(s));
        return std::nullopt;
    }
    if (r.status == num_status::range || r.value < 1 || r.value > 1'000'000) {
        is_type = false;
        problem = say("a head count must be between 1 and {}, got {}", grouped(1'000'000), in_quotes(s));
        return std::nullopt;
    }
    limit.type = model::staffing_limit::kind::count;
    limit.count = static_cast<int>(r.value);
    return limit;
}

phrase date_problem(std::string_view s) {
    const std::string_view t = trim(s);
    const bool shaped = t.size() == 10 && t[4] == '-' && t[7] == '-' && is_digit(t[0]) && is_digit(t[1]) &&
                        is_digit(t[2]) && is_digit(t[3]) && is_digit(t[5]) && is_digit(t[6]) && is_digit(t[8]) &&
                        is_digit(t[9]);
    if (shaped) return say("{} is not a date that exists", in_quotes(t));
    return say("expected a date as YYYY-MM-DD, got {}", in_quotes(t));
}

phrase clock_range_problem(std::string_view s) {
    const std::string_view t = trim(s);
    const auto dash = t.find('-');
    if (dash == std::string_view::npos) return say("expected a clock range as HH:MM-HH:MM, got {}", in_quotes(t));
    for (const std::string_view part : {t.substr(0, dash), t.substr(dash + 1)}) {
        const std::string_view p = trim(part);
        const auto colon = p.find_first_of(":.");
        const bool shaped = colon != std::string_view::npos && colon >= 1 && colon <= 2 && p.size() == colon + 3 &&
                            is_digit(p[0]) && is_digit(p[colon - 1]) && is_digit(p[colon + 1]) &&
                            is_digit(p[colon + 2]);
        if (!shaped) return say("expected a clock range as HH:MM-HH:MM, got {}", in_quotes(t));
        if (!calendar::parse_time_of_day(p)) return say("{} is not a time of day (00:00 to 24:00)", in_quotes(p));
    }
    return say("{} cannot start at 24:00", in_quotes(t));
}

phrase id_problem(std::string_view id) {
    if (id.empty()) return say("an id must not be empty");
    if (id.size() > 128) return say("an id must be at most 128 characters long");
    if (trim(id).size() != id.size()) return say("the id {} has spaces at its start or end", in_quotes(id));
    for (const char c : id) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) return say("the id {} contains a control character", in_quotes(id));
    }
    return {};
}

phrase email_problem(std::string_view s) {
    // Made only when refused: this runs for every address read.
    const auto why = [s] { return say("{} is not one e-mail address such as nama@instansi.go.id", in_quotes(s)); };
    if (s.empty() || s.size() > 254) return why();
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f || std::string_view{"\"\\,;:<>()[]"}.find(c) != std::string_view::npos) return why();
    }
    const auto at = s.find('@');
    if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return why();
    const std::string_view domain = s.substr(at + 1);
    const auto dot = domain.find('.');
    if (dot == 0 || dot == std::string_view::npos || domain.back() == '.') return why();
    return {};
}

phrase url_problem(std::string_view s) {
    const auto why = [s] {
        return say("{} is not an http:// or https:// URL (such as https://zoom.us/j/123)", in_quotes(s));
    };
    const bool http = s.starts_with("http://");
    if (!http && !s.starts_with("https://")) return why();
    const std::string_view rest = s.substr(http ? 7 : 8);
    if (rest.empty() || rest.front() == '/' || s.size() > 2000) return why();
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f || std::string_view{"\"<>\\"}.find(c) != std::string_view::npos) return why();
    }
    return {};
}

bool is_nip(std::string_view s) {
    if (s.size() != 18) return false;
    for (const char c : s)
        if (!is_digit(c)) return false;
    return true;
}

phrase nip_hint(std::string_view s) {
    if (s.find_first_of("eE") != std::string_view::npos && parse_real(s).status == num_status::ok)
        return say(" (a spreadsheet seems to have turned it into a number: format the NIP column as text)");
    return {};
}

std::string in_quotes(std::string_view s) {
    constexpr std::size_t max_shown = 60;
    std::size_t shown = 0, end = 0;
    for (; end < s.size(); ++end) {
        const auto u = static_cast<unsigned char>(s[end]);
        if ((u & 0xC0) == 0x80) continue;  // keep UTF-8 sequences whole
        if (shown == max_shown) break;
        ++shown;
    }
    std::string out{"'"};
    out += printable(s.substr(0, end));
    out += end < s.size() ? "...'" : "'";
    return out;
}

phrase list_of(const std::vector<std::string>& ids, std::size_t total, std::size_t max) {
    const text::messages id(text::language::id);
    std::string en, in_id;
    const std::size_t n = std::min(ids.size(), max);
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) {
            const bool last = i + 1 == n && total == n;
            en += last ? " and " : ", ";
            in_id += last ? id.tr_in("list", " and ") : ", ";
        }
        en += in_quotes(ids[i]);
        in_id += in_quotes(ids[i]);
    }
    if (total > n) {
        const auto more = say(" and {} more", grouped(total - n));
        en += more.en;
        in_id += more.in(text::language::id);
    }
    return phrase{std::move(en), std::move(in_id)};
}

}  // namespace jadwal::load::detail
