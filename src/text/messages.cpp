#include <array>
#include <cmath>
#include <cstdlib>
#include <jadwal/text/messages.hpp>

namespace jadwal::text {

namespace {

struct number_style {
    char group;
    char decimal;
};

number_style style_of(language l) {
    return l == language::id ? number_style{'.', ','} : number_style{',', '.'};
}

std::string group_digits(std::string digits, char group) {
    std::string out;
    const std::size_t n = digits.size();
    out.reserve(n + n / 3);
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out.push_back(group);
        out.push_back(digits[i]);
    }
    return out;
}

constexpr std::array<std::string_view, 7> weekday_names{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                        "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 7> weekday_abbreviations{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> month_names{"January",   "February", "March",    "April",
                                                       "May",       "June",     "July",     "August",
                                                       "September", "October",  "November", "December"};
constexpr std::array<std::string_view, 12> month_abbreviations{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string messages::number(std::int64_t n) const {
    const std::string digits = std::to_string(n < 0 ? -static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n));
    std::string out = group_digits(digits, style_of(lang()).group);
    if (n < 0) out.insert(out.begin(), '-');
    return out;
}

std::string messages::number(double x, int decimals) const {
    if (!std::isfinite(x)) return x != x ? "-" : (x < 0 ? "-\u221e" : "\u221e");
    decimals = std::max(0, std::min(decimals, 9));
    const std::string plain = fmt::format("{:.{}f}", std::abs(x), decimals);
    const std::size_t dot = plain.find('.');
    const number_style st = style_of(lang());
    std::string out = group_digits(plain.substr(0, dot), st.group);
    if (dot != std::string::npos) {
        out.push_back(st.decimal);
        out.append(plain, dot + 1);
    }
    // "-0,0" reads as a mistake: a value that rounds to zero has no sign.
    const bool zero = out.find_first_of("123456789") == std::string::npos;
    if (x < 0 && !zero) out.insert(out.begin(), '-');
    return out;
}

std::string messages::percent(double ratio, int decimals) const {
    return number(ratio * 100.0, decimals) + "%";
}

std::string messages::money(double amount, std::string_view currency) const {
    const std::string n = number(amount, 0);
    if (currency == "IDR" && lang() == language::id) return "Rp " + n;
    return std::string(currency) + (currency.empty() ? "" : " ") + n;
}

std::string messages::weekday_name(::date::weekday wd, bool abbreviated) const {
    const unsigned i = wd.c_encoding() % 7;
    return abbreviated ? std::string(tr_in("weekday, abbreviated", weekday_abbreviations[i]))
                       : std::string(tr_in("weekday", weekday_names[i]));
}

std::string messages::month_name(::date::month m, bool abbreviated) const {
    const unsigned i = (static_cast<unsigned>(m) + 11) % 12;
    return abbreviated ? std::string(tr_in("month, abbreviated", month_abbreviations[i]))
                       : std::string(tr_in("month", month_names[i]));
}

std::string messages::day(calendar::local_date d, date_style style) const {
    const ::date::year_month_day ymd{d};
    const ::date::weekday wd{d};
    const unsigned dd = static_cast<unsigned>(ymd.day());
    const int year = static_cast<int>(ymd.year());
    const bool id = lang() == language::id;
    switch (style) {
        case date_style::full:
            return fmt::format("{}, {} {} {}", weekday_name(wd), dd, month_name(ymd.month()), year);
        case date_style::medium:
            return fmt::format(id ? fmt::runtime("{}, {} {} {}") : fmt::runtime("{} {} {} {}"), weekday_name(wd, true),
                               dd, month_name(ymd.month(), true), year);
        case date_style::short_:
            return fmt::format("{} {} {}", dd, month_name(ymd.month(), true), year);
        case date_style::numeric:
            return id ? fmt::format("{:02}/{:02}/{:04}", dd, static_cast<unsigned>(ymd.month()), year)
                      : fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(ymd.month()), dd);
    }
    return {};
}

std::string messages::clock(std::chrono::minutes since_midnight) const {
    const long long m = ((since_midnight.count() % 1440) + 1440) % 1440;
    return fmt::format("{:02}{}{:02}", m / 60, lang() == language::id ? '.' : ':', m % 60);
}

std::string messages::clock_range(std::chrono::minutes start, std::chrono::minutes end) const {
    return clock(start) + "\u2013" + clock(end);
}

std::string messages::when(calendar::local_minute start, calendar::local_minute end) const {
    const auto d0 = ::date::floor<::date::days>(start);
    return day(d0, date_style::medium) + " " + clock_range(start - d0, end - d0);
}

std::string messages::duration(std::chrono::minutes m) const {
    const long long total = m.count();
    const long long h = total / 60;
    const long long rest = total % 60;
    if (h == 0) return format("{} min", rest);
    if (rest == 0) return format("{} h", h);
    return format("{} h {} min", h, rest);
}

}  // namespace jadwal::text
