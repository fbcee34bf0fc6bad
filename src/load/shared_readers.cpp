// Readers for value shapes that several sections share: date ranges, holiday
// rules, staffing limits, weekday specs, e-mail addresses and URLs.
#include "sections.hpp"
#include "values.hpp"

#include <fmt/format.h>

#include <array>

namespace jadwal::load::detail {

bool in_horizon(const load_context& c, calendar::local_date d) { return !c.horizon_ok || c.s.horizon.contains(d); }

std::optional<dated_range> read_date_range(load_context& c, const yval& v, std::string_view what,
                                           std::span<const std::string_view> extra_keys, ymap* out_map) {
    std::vector<std::string_view> keys{"from", "to", "why"};
    keys.insert(keys.end(), extra_keys.begin(), extra_keys.end());
    auto m = c.yr.map(v, what, keys);
    if (!m) return std::nullopt;
    const ypath& p = *v.path;
    dated_range r;
    r.at = c.yr.where(v);
    const yentry* from = c.yr.need(*m, p, "from", what);
    const yentry* to = m->find("to");
    const ypath pf = p.key("from");
    const ypath pt = p.key("to");
    std::optional<calendar::local_date> a, b;
    if (from) a = c.yr.date(yval{*from, pf}, "from");
    if (to)
        b = c.yr.date(yval{*to, pt}, "to");
    else
        b = a;
    if (const yentry* why = m->find("why")) {
        const ypath pw = p.key("why");
        if (auto t = c.yr.text(yval{*why, pw}, "why")) r.why = std::move(*t);
    }
    if (out_map) *out_map = *m;
    if (!a || !b) return std::nullopt;
    if (*b < *a) {
        c.yr.error(code::range_order,
                   say("{} ends ({}) before it starts ({})", subject(what), calendar::format_date(*b),
                       calendar::format_date(*a)),
                   yval{*to, pt});
        return std::nullopt;
    }
    r.days = {*a, *b};
    return r;
}

std::vector<dated_range> read_date_ranges(load_context& c, const yval& v, std::string_view what) {
    std::vector<dated_range> out;
    const auto items = c.yr.list(v, what, 10000);
    if (!items) return out;
    out.reserve(items->size());
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath pi = v.path->at(i);
        if (auto r = read_date_range(c, yval{(*items)[i], pi}, what)) out.push_back(std::move(*r));
    }
    return out;
}

std::optional<model::holiday_rule> read_holiday_rule(load_context& c, const yval& v) {
    static constexpr std::array<std::string_view, 3> names{"all", "national_only", "none"};
    const auto i = c.yr.choice(v, "holiday rule", names);
    if (!i) return std::nullopt;
    switch (*i) {
        case 0: return model::holiday_rule::all;
        case 1: return model::holiday_rule::national_only;
        default: return model::holiday_rule::none;
    }
}

std::optional<calendar::clock_range> read_day_hours(load_context& c, const yval& v, std::string_view what) {
    const auto r = c.yr.clock_range(v, what);
    if (r && r->crosses_midnight()) {
        c.yr.error(code::range_order,
                   say("{} {} ends before it starts; it must lie within one day", subject(what),
                       calendar::format_clock_range(*r)),
                   v);
        return std::nullopt;
    }
    return r;
}

std::optional<model::staffing_limit> read_staffing_limit(load_context& c, const yval& v) {
    const auto t = c.yr.text(v, "max_absent");
    if (!t) return std::nullopt;
    phrase problem;
    bool is_type = false;
    auto limit = parse_staffing_limit(*t, problem, is_type);
    if (!limit) c.yr.error(is_type ? code::type : code::number, say("max_absent: {}", problem), v);
    return limit;
}

std::optional<std::uint8_t> read_weekdays(load_context& c, const yval& v) {
    const auto t = c.yr.text(v, "weekdays");
    if (!t) return std::nullopt;
    phrase problem;
    const auto mask = parse_weekdays(*t, problem);
    if (!mask) c.yr.error(code::weekday, problem, v);
    return mask;
}

void read_address(load_context& c, const ymap& m, const ypath& p, std::string_view key,
                  phrase (*problem)(std::string_view), std::string& out) {
    const yentry* f = m.find(key);
    if (f == nullptr) return;
    const ypath q = p.key(key);
    const yval v{*f, q};
    auto text = c.yr.text(v, key);
    if (!text) return;
    if (const phrase why = problem(*text); !why.empty())
        c.yr.error(code::address, say("{}: {}", key, why), v);
    else
        out = std::move(*text);
}

}  // namespace jadwal::load::detail
