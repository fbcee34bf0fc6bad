// The `scenario` section (name, time zone, horizon, grid, JP length) and the
// `budget` section.
#include "sections.hpp"
#include "values.hpp"

#include <jadwal/text/language.hpp>

#include <date/tz.h>
#include <fmt/format.h>

#include <array>

namespace jadwal::load::detail {
namespace {

// Horizons are budget years; five years is far more than any plan needs and
// keeps the calendar expansion bounded.
constexpr int max_horizon_days = 1830;
constexpr int min_year = 1970;
constexpr int max_year = 2199;

bool year_supported(calendar::local_date d) {
    const int y = static_cast<int>(date::year_month_day{d}.year());
    return y >= min_year && y <= max_year;
}

}  // namespace

void read_scenario_header(load_context& c, const yentry* e, const ypath& root) {
    auto& s = c.s;
    try {
        s.zone = date::locate_zone("Asia/Jakarta");
    } catch (const std::exception& ex) {
        c.rep.error(code::tz_unknown, say("the time zone database is not usable: {}", ex.what()), c.root_at);
    }
    if (e == nullptr) {
        c.rep.error(code::key_missing, say("the scenario needs the section 'scenario' (name, from, to, ...)"),
                    c.root_at);
        return;
    }
    const ypath p = root.key("scenario");
    c.holidays_at = c.yr.where(*e);
    static constexpr std::array<std::string_view, 9> keys{
        "name",       "timezone",   "from", "to", "granularity_minutes", "jp_minutes", "rest_after_night_shift_hours",
        "policy",     "locale"};
    const auto m = c.yr.map(yval{*e, p}, "the scenario section", keys);
    if (!m) return;
    auto& yr = c.yr;

    if (const yentry* f = m->find("name")) {
        const ypath q = p.key("name");
        if (auto t = yr.text(yval{*f, q}, "name")) s.name = std::move(*t);
    }
    if (const yentry* f = m->find("timezone")) {
        const ypath q = p.key("timezone");
        if (auto t = yr.text(yval{*f, q}, "timezone"))
            if (const auto* z = c.zone(*t, yr.where(yval{*f, q}), q.str())) s.zone = z;
    }
    const yentry* from = yr.need(*m, p, "from", "the scenario section");
    const yentry* to = yr.need(*m, p, "to", "the scenario section");
    const ypath pf = p.key("from");
    const ypath pt = p.key("to");
    std::optional<calendar::local_date> a, b;
    if (from) a = yr.date(yval{*from, pf}, "from");
    if (to) b = yr.date(yval{*to, pt}, "to");
    if (a && !year_supported(*a)) {
        yr.error(code::date, say("the horizon must lie between {} and {}", min_year, max_year), yval{*from, pf});
        a.reset();
    }
    if (b && !year_supported(*b)) {
        yr.error(code::date, say("the horizon must lie between {} and {}", min_year, max_year), yval{*to, pt});
        b.reset();
    }
    if (a && b) {
        if (*b < *a) {
            yr.error(code::range_order,
                     say("the horizon ends ({}) before it starts ({})", calendar::format_date(*b),
                         calendar::format_date(*a)),
                     yval{*to, pt});
        } else if ((*b - *a).count() >= max_horizon_days) {
            yr.error(code::limit,
                     say("the horizon spans {} days; at most {} (five years) are supported", (*b - *a).count() + 1,
                         max_horizon_days),
                     yval{*to, pt});
        } else {
            s.horizon = {*a, *b};
            c.horizon_ok = true;
        }
    }
    if (const yentry* f = m->find("granularity_minutes")) {
        const ypath q = p.key("granularity_minutes");
        if (const auto g = yr.small_int(yval{*f, q}, "granularity_minutes", 1, 60)) {
            if (60 % *g != 0)
                yr.error(code::number,
                         say("granularity_minutes must divide 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or "
                             "60), got {}",
                             *g),
                         yval{*f, q});
            else
                s.granularity_minutes = *g;
        }
    }
    if (const yentry* f = m->find("jp_minutes")) {
        const ypath q = p.key("jp_minutes");
        if (const auto v = yr.small_int(yval{*f, q}, "jp_minutes", 1, 240)) s.jp_minutes = *v;
    }
    if (const yentry* f = m->find("rest_after_night_shift_hours")) {
        const ypath q = p.key("rest_after_night_shift_hours");
        if (const auto v = yr.small_int(yval{*f, q}, "rest_after_night_shift_hours", 0, 48))
            s.rest_after_night_shift_minutes = *v * 60;
    }
    if (const yentry* f = m->find("locale")) {
        const ypath q = p.key("locale");
        if (auto t = yr.text(yval{*f, q}, "locale")) {
            if (const auto l = text::parse_language(*t))
                s.locale = *l;
            else
                yr.error(code::enum_value,
                         say("locale '{}' is not a language jadwal speaks: use id (Bahasa Indonesia) or en", *t),
                         yval{*f, q});
        }
    }
    if (const yentry* f = m->find("policy")) {
        const ypath q = p.key("policy");
        if (auto t = yr.text(yval{*f, q}, "policy")) c.default_policy.emplace(std::move(*t), yr.where(yval{*f, q}));
    }
}

void read_budget(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) return;
    const ypath p = root.key("budget");
    static constexpr std::array<std::string_view, 3> keys{"max_classroom_cohorts", "max_cost", "currency"};
    const auto m = c.yr.map(yval{*e, p}, "the budget", keys);
    if (!m) return;
    auto& b = c.s.budget;
    if (const yentry* f = m->find("max_classroom_cohorts")) {
        const ypath q = p.key("max_classroom_cohorts");
        if (const auto v = c.yr.small_int(yval{*f, q}, "max_classroom_cohorts", 0, 100000)) b.max_classroom_cohorts = *v;
    }
    if (const yentry* f = m->find("max_cost")) {
        const ypath q = p.key("max_cost");
        if (const auto v = c.yr.real(yval{*f, q}, "max_cost", 0, 1e18)) b.max_cost = *v;
    }
    if (const yentry* f = m->find("currency")) {
        const ypath q = p.key("currency");
        if (auto t = c.yr.text(yval{*f, q}, "currency")) {
            if (t->empty() || t->size() > 8)
                c.yr.error(code::type, say("currency must be a short code such as IDR, got {}", in_quotes(*t)),
                           yval{*f, q});
            else
                b.currency = std::move(*t);
        }
    }
}

}  // namespace jadwal::load::detail
