// The `holidays` section (built-in sets by name, and the scenario's own days)
// and the `seasons` section (named date ranges that patterns vary by).
#include "sections.hpp"
#include "values.hpp"

#include <jadwal/calendar/holidays.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace jadwal::load::detail {
namespace {

void read_builtin_set(load_context& c, const yval& v) {
    const auto name = c.yr.text(v, "holiday set");
    if (!name) return;
    for (const auto& used : c.holiday_sets)
        if (used.name == *name) {
            c.yr.warning(code::duplicate, say("the holiday set {} is listed twice", in_quotes(*name)), v);
            return;
        }
    auto set = calendar::builtin_holidays(*name);
    if (!set) {
        const auto names = calendar::builtin_holiday_set_names();
        const std::vector<std::string> candidates(names.begin(), names.end());
        std::string known;
        for (const auto& n : candidates) known += fmt::format("{}{}", known.empty() ? "" : ", ", n);
        const std::string hint = closest_match(*name, candidates);
        c.yr.error(code::ref_holidays,
                   say("unknown holiday set {}{}; built-in sets: {}; add other days as {{date, name, kind}}",
                       in_quotes(*name), hint.empty() ? std::string{} : say(" (did you mean '{}'?)", hint), known),
                   v);
        return;
    }
    const bool provisional = std::any_of(set->begin(), set->end(), [](const auto& h) { return h.provisional; });
    if (provisional)
        c.yr.warning(code::holidays_provisional,
                     say("the holiday set {} is provisional (from a report not yet checked against the "
                         "official decree); check its dates before publishing",
                         in_quotes(*name)),
                     v);
    c.holiday_sets.push_back({*name, c.yr.where(v)});
    c.s.holidays.insert(c.s.holidays.end(), std::make_move_iterator(set->begin()), std::make_move_iterator(set->end()));
}

void read_own_holiday(load_context& c, const yval& v) {
    static constexpr std::array<std::string_view, 3> keys{"date", "name", "kind"};
    const auto m = c.yr.map(v, "a holiday", keys);
    if (!m) return;
    const ypath& p = *v.path;
    calendar::holiday h;
    h.kind = calendar::holiday_kind::regional;
    h.name = "Hari libur";
    bool ok = true;
    if (const yentry* f = c.yr.need(*m, p, "date", "a holiday")) {
        const ypath q = p.key("date");
        if (const auto d = c.yr.date(yval{*f, q}, "date")) {
            h.date = *d;
            if (!in_horizon(c, *d))
                c.yr.warning(
                    code::outside_horizon,
                    say("the holiday on {} lies outside the horizon and has no effect", calendar::format_date(*d)),
                    yval{*f, q});
        } else {
            ok = false;
        }
    } else {
        ok = false;
    }
    if (const yentry* f = m->find("name")) {
        const ypath q = p.key("name");
        if (auto t = c.yr.text(yval{*f, q}, "name")) h.name = std::move(*t);
    }
    if (const yentry* f = m->find("kind")) {
        const ypath q = p.key("kind");
        static constexpr std::array<std::string_view, 3> kinds{"national", "collective", "regional"};
        if (const auto k = c.yr.choice(yval{*f, q}, "holiday kind", kinds))
            h.kind = *k == 0 ? calendar::holiday_kind::national
                             : (*k == 1 ? calendar::holiday_kind::collective : calendar::holiday_kind::regional);
        else
            ok = false;
    }
    if (!ok) return;
    c.s.holidays.push_back(std::move(h));
}

}  // namespace

void read_holidays(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) return;
    c.holidays_at = c.yr.where(*e);
    const ypath p = root.key("holidays");
    const auto items = c.yr.list(yval{*e, p}, "holidays", 10000);
    if (!items) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath pi = p.at(i);
        const yval v{(*items)[i], pi};
        if ((*items)[i].IsScalar())
            read_builtin_set(c, v);
        else if ((*items)[i].IsMap())
            read_own_holiday(c, v);
        else
            c.yr.error(code::type,
                       say("a holiday is a set name such as id-2026 or a map {{date, name, kind}}, got {}",
                           describe((*items)[i])),
                       v);
    }
    std::stable_sort(c.s.holidays.begin(), c.s.holidays.end(),
                     [](const calendar::holiday& a, const calendar::holiday& b) { return a.date < b.date; });
}

void read_seasons(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) return;
    const ypath p = root.key("seasons");
    const auto m = c.yr.free_map(yval{*e, p}, "seasons");
    if (!m) return;
    for (const auto& entry : m->entries) {
        const ypath q = p.key(entry.key);
        const yval v{entry, q};
        if (const auto problem = id_problem(entry.key); !problem.empty()) {
            c.yr.error_at(code::id_invalid, say("season: {}", problem), entry.key_node, q);
            continue;
        }
        model::season season;
        season.id = entry.key;
        season.mark = c.yr.where(entry).mark();
        if (entry.value.IsScalar()) {
            if (entry.value.Scalar() != "auto") {
                c.yr.error(
                    code::type,
                    say("a season is {{from, to}}, a list of them, or auto; got {}", in_quotes(entry.value.Scalar())),
                    v);
                continue;
            }
            if (entry.key != "ramadan") {
                c.yr.error(code::season_auto,
                           say("only ramadan can be computed (auto); give the dates of {}", in_quotes(entry.key)), v);
                continue;
            }
            c.ramadan_auto = c.yr.where(v);
        } else if (entry.value.IsMap()) {
            if (auto r = read_date_range(c, v, "a season range")) season.ranges.push_back(r->days);
        } else if (entry.value.IsSequence()) {
            for (auto& r : read_date_ranges(c, v, "a season range")) season.ranges.push_back(r.days);
        } else {
            c.yr.error(code::type,
                       say("a season is {{from, to}}, a list of them, or auto; got {}", describe(entry.value)), v);
            continue;
        }
        if (!c.seasons.add(season.id, c.yr.where(entry), q.str(), c.rep)) continue;
        std::sort(season.ranges.begin(), season.ranges.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        season.estimated.assign(season.ranges.size(), false);
        c.s.seasons.push_back(std::move(season));
    }
}

}  // namespace jadwal::load::detail
