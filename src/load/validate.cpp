// Checks across sections, once everything is read: the Ramadan season for
// years without dates, years without holidays, shift staffing that cannot be
// met, demand that no delivery mode could ever serve, entities nobody uses;
// then the look-up maps.
#include "sections.hpp"
#include "values.hpp"

#include <jadwal/calendar/holidays.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace jadwal::load::detail {
namespace {

/// A delivery mode as the scenario writes it ("online_live"), in every language.
phrase mode_name(model::delivery_mode m) {
    return phrase{model::to_string(m)};
}

int year_of(calendar::local_date d) { return static_cast<int>(date::year_month_day{d}.year()); }

bool overlaps(calendar::date_range a, calendar::date_range b) { return a.first <= b.last && b.first <= a.last; }

void complete_ramadan(load_context& c) {
    auto& s = c.s;
    const bool used = std::any_of(s.patterns.begin(), s.patterns.end(), [](const model::work_pattern& p) {
        return std::any_of(p.seasonal.begin(), p.seasonal.end(), [](const auto& v) { return v.first == "ramadan"; });
    });
    if (!c.horizon_ok || (!used && !c.ramadan_auto)) return;
    auto it = std::find_if(s.seasons.begin(), s.seasons.end(), [](const model::season& x) { return x.id == "ramadan"; });
    const loc at = c.ramadan_used_at ? *c.ramadan_used_at : (c.ramadan_auto ? *c.ramadan_auto : c.root_at);
    if (it == s.seasons.end()) {
        model::season r;
        r.id = "ramadan";
        r.mark = (c.ramadan_auto ? *c.ramadan_auto : at).mark();
        s.seasons.push_back(std::move(r));
        it = std::prev(s.seasons.end());
    }
    model::season& season = *it;
    // The year before the horizon too: a Ramadan that starts in December runs into January.
    for (int y = year_of(s.horizon.first) - 1; y <= year_of(s.horizon.last); ++y) {
        const bool given = std::any_of(season.ranges.begin(), season.ranges.end(),
                                       [&](const calendar::date_range& r) { return year_of(r.first) == y; });
        if (given) continue;
        const calendar::season_dates dates = calendar::ramadan(y);
        if (!overlaps(dates.days, s.horizon)) continue;
        season.ranges.push_back(dates.days);
        season.estimated.push_back(dates.estimated);
        if (dates.estimated)
            c.rep.warning(code::season_estimated,
                          say("Ramadan {} is estimated as {} to {} from the arithmetic Islamic calendar; give "
                              "the official dates in seasons.ramadan when they are decided",
                              y, calendar::format_date(dates.days.first), calendar::format_date(dates.days.last)),
                          at);
    }
    // Keep ranges sorted, estimates alongside.
    std::vector<std::size_t> order(season.ranges.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](auto a, auto b) { return season.ranges[a].first < season.ranges[b].first; });
    std::vector<calendar::date_range> ranges;
    std::vector<bool> estimated;
    for (const auto i : order) {
        ranges.push_back(season.ranges[i]);
        estimated.push_back(season.estimated[i]);
    }
    season.ranges = std::move(ranges);
    season.estimated = std::move(estimated);
}

void check_holiday_years(load_context& c) {
    if (!c.horizon_ok) return;
    const auto& s = c.s;
    for (int y = year_of(s.horizon.first); y <= year_of(s.horizon.last); ++y) {
        const bool covered = std::any_of(s.holidays.begin(), s.holidays.end(), [&](const calendar::holiday& h) {
            return year_of(h.date) == y && h.kind != calendar::holiday_kind::regional;
        });
        if (covered) continue;
        std::string known;
        for (const auto n : calendar::builtin_holiday_set_names())
            known += fmt::format("{}{}", known.empty() ? "" : ", ", n);
        c.rep.warning(code::holidays_missing,
                      say("no holidays are given for {}: national holidays and collective leave of that year "
                          "are not known (built-in sets: {})",
                          y, known),
                      c.holidays_at, "holidays");
    }
}

/// Staff of each unit (by employee index).
std::vector<std::vector<std::uint32_t>> unit_members(const model::scenario& s) {
    std::vector<std::vector<std::uint32_t>> members(s.units.size());
    for (std::uint32_t i = 0; i < s.employees.size(); ++i)
        if (s.employees[i].unit.valid()) members[s.employees[i].unit.value].push_back(i);
    return members;
}

void check_min_on_duty(load_context& c, const std::vector<std::vector<std::uint32_t>>& members, bool clean) {
    const auto& s = c.s;
    for (std::uint32_t u = 0; u < s.units.size(); ++u) {
        const model::unit& unit = s.units[u];
        if (unit.min_on_duty.empty() || !unit.pattern.valid()) continue;
        const model::work_pattern& pat = s.patterns[unit.pattern.value];
        // Staff on their own rotation must know the same shift codes.
        for (const auto e : members[u]) {
            const model::employee& emp = s.employees[e];
            if (!emp.pattern.valid() || emp.pattern == unit.pattern) continue;
            const model::work_pattern& own = s.patterns[emp.pattern.value];
            if (!own.rotation) continue;
            for (std::size_t k = 0; k < unit.min_on_duty.size(); ++k)
                if (own.rotation->find(unit.min_on_duty[k].first) == nullptr)
                    c.rep.error(code::ref_shift,
                                say("min_on_duty names the shift {}, which pattern {} of employee {} does not "
                                    "define",
                                    in_quotes(unit.min_on_duty[k].first), in_quotes(own.id), in_quotes(emp.id)),
                                c.unit_info[u].min_on_duty_at[k], c.unit_info[u].path + ".min_on_duty");
        }
        if (!clean || !pat.rotation || pat.rotation->cycle.empty() || !c.employees_known) continue;
        const auto& cycle = pat.rotation->cycle;
        const auto len = static_cast<std::int64_t>(cycle.size());
        // Staff per offset residue, then head count per shift on each day of the cycle.
        std::vector<int> per_residue(cycle.size(), 0);
        for (const auto e : members[u]) {
            const model::employee& emp = s.employees[e];
            if (emp.pattern.valid() && emp.pattern != unit.pattern) continue;
            const std::int64_t r = ((emp.rotation_offset % len) + len) % len;
            ++per_residue[static_cast<std::size_t>(r)];
        }
        for (std::size_t k = 0; k < unit.min_on_duty.size(); ++k) {
            const auto& [shift, need] = unit.min_on_duty[k];
            if (need == 0) continue;
            int lo = std::numeric_limits<int>::max(), hi = 0;
            for (std::int64_t d = 0; d < len; ++d) {
                int on = 0;
                for (std::int64_t r = 0; r < len; ++r)
                    if (per_residue[static_cast<std::size_t>(r)] > 0 &&
                        cycle[static_cast<std::size_t>((d + r) % len)] == shift)
                        on += per_residue[static_cast<std::size_t>(r)];
                lo = std::min(lo, on);
                hi = std::max(hi, on);
            }
            const loc at = c.unit_info[u].min_on_duty_at[k];
            const std::string path = c.unit_info[u].path + ".min_on_duty." + shift;
            if (hi < need)
                c.rep.warning(code::min_on_duty,
                              say("min_on_duty {} is {} but at most {} of the unit's staff are ever on that "
                                  "shift: nobody on it can be trained in working time",
                                  in_quotes(shift), need, hi),
                              at, path);
            else if (lo < need)
                c.rep.warning(code::min_on_duty,
                              say("min_on_duty {} is {} but on some days of the rotation only {} of the unit's "
                                  "staff are on that shift (check the rotation offsets)",
                                  in_quotes(shift), need, lo),
                              at, path);
        }
    }
}

void check_unit_staff(load_context& c, const std::vector<std::vector<std::uint32_t>>& members) {
    if (!c.employees_known) return;
    const auto& s = c.s;
    std::vector<bool> in_demand(s.employees.size(), false);
    for (const auto& d : s.demand) in_demand[d.employee.value] = true;
    for (std::uint32_t u = 0; u < s.units.size(); ++u) {
        const loc at{s.units[u].mark.file, s.units[u].mark.line, s.units[u].mark.column};
        if (members[u].empty()) {
            c.rep.warning(code::unit_empty, say("unit {} has no employees", in_quotes(s.units[u].id)), at,
                          c.unit_info[u].path);
            continue;
        }
        std::vector<std::string> without;
        std::size_t count = 0;
        for (const auto e : members[u])
            if (!in_demand[e]) {
                if (without.size() < 3) without.push_back(s.employees[e].id);
                ++count;
            }
        if (count > 0)
            c.rep.warning(code::employee_no_demand,
                          say("{} of the {} employees of unit {} are in no demand entry ({})", count, members[u].size(),
                              in_quotes(s.units[u].id), list_of(without, count)),
                          at, c.unit_info[u].path);
    }
}

/// Why a mode can never run, for anyone; empty when it can.
phrase mode_problem(const load_context& c, const model::program& pr, const model::mode_offer& mo) {
    const auto& s = c.s;
    switch (mo.mode) {
        case model::delivery_mode::classroom:
            if (mo.venues.empty()) return say("it has no venue");
            if (std::none_of(mo.venues.begin(), mo.venues.end(),
                             [&](auto v) { return s.venues[v.value].capacity >= pr.cohort_min; }))
                return say("none of its venues seats the smallest cohort ({})", pr.cohort_min);
            break;
        case model::delivery_mode::online_live:
            if (!mo.platform.valid()) return say("it has no platform");
            if (s.platforms[mo.platform.value].capacity < pr.cohort_min)
                return say("its platform takes fewer than the smallest cohort ({})", pr.cohort_min);
            break;
        case model::delivery_mode::self_paced: break;
    }
    if (mo.windows.empty()) return say("it has no window");
    const bool only_explicit = std::all_of(mo.windows.begin(), mo.windows.end(),
                                           [](auto w) { return w == model::window_kind::explicit_hours; });
    if (only_explicit) {
        calendar::minutes longest{0};
        for (const auto& w : mo.explicit_windows)
            for (const auto& h : w.hours) longest = std::max(longest, h.length());
        if (longest.count() < s.jp_minutes)
            return say("its windows are shorter than one JP ({} minutes)", s.jp_minutes);
    }
    // Modules that only run at fixed times need one inside the horizon.
    if (!mo.fixed.empty() && c.horizon_ok) {
        for (std::uint32_t m = 0; m < pr.modules.size(); ++m) {
            bool has = false, inside = false;
            for (const auto& f : mo.fixed)
                if (f.module == m) {
                    has = true;
                    const calendar::local_date d = date::floor<date::days>(f.start);
                    inside = inside || s.horizon.contains(d);
                }
            if (has && !inside)
                return say("its fixed sessions of module {} all lie outside the horizon", in_quotes(pr.modules[m].id));
        }
    }
    return {};
}

/// Why an employee can never take a mode (a mode they refuse, windows they refuse); empty when they can.
phrase refusal(const model::employee& e, const model::mode_offer& mo) {
    const auto& refused = e.prefs.refused_modes;
    if (std::find(refused.begin(), refused.end(), mo.mode) != refused.end()) return say("they refuse this mode");
    for (std::size_t i = 0, x = 0; i < mo.windows.size(); ++i) {
        switch (mo.windows[i]) {
            case model::window_kind::working_hours: return {};
            case model::window_kind::after_hours:
                if (e.accepts.after_hours) return {};
                break;
            case model::window_kind::weekend:
                if (e.accepts.weekend) return {};
                break;
            case model::window_kind::explicit_hours: {
                const auto& w = mo.explicit_windows[std::min(x, mo.explicit_windows.size() - 1)];
                ++x;
                // Sunday is bit 0, Saturday bit 6; any weekday makes it more than a weekend window.
                if ((w.weekdays & 0x3e) != 0 || e.accepts.weekend) return {};
                break;
            }
        }
    }
    return say(
        "its windows are all outside working hours, and they accept neither after-hours nor weekend "
        "training");
}

void check_demand(load_context& c, bool clean) {
    const auto& s = c.s;
    // Mode-level problems, once per mode. A mode read with errors, or using a
    // venue or platform read with errors, is given the benefit of the doubt.
    std::vector<std::vector<phrase>> problems(s.programs.size());
    std::vector<std::vector<bool>> doubt(s.programs.size());
    for (std::size_t p = 0; p < s.programs.size(); ++p) {
        const model::program& pr = s.programs[p];
        for (std::size_t k = 0; k < pr.modes.size(); ++k) {
            const model::mode_offer& mo = pr.modes[k];
            const bool doubtful =
                c.mode_broken[p][k] ||
                std::any_of(mo.venues.begin(), mo.venues.end(), [&](auto v) { return c.venue_broken[v.value]; }) ||
                (mo.platform.valid() && c.platform_broken[mo.platform.value]);
            problems[p].push_back(doubtful ? phrase{} : mode_problem(c, pr, mo));
            doubt[p].push_back(doubtful);
            if (clean && !problems[p].back().empty()) {
                const auto& mk = pr.modes[k].mark;
                c.rep.warning(code::mode_unusable,
                              say("the {} mode of programme {} can never run: {}", mode_name(pr.modes[k].mode),
                                  in_quotes(pr.id), problems[p].back()),
                              {mk.file, mk.line, mk.column}, fmt::format("{}.modes[{}]", c.program_paths[p], k));
            }
        }
    }
    if (!c.employees_known) return;
    for (const auto& g : c.demand) {
        if (g.members.empty()) continue;
        const model::program& pr = s.programs[g.program];
        if (pr.modes.empty()) continue;  // already an error
        std::vector<std::string> refused;
        std::size_t unservable = 0;
        phrase first_reason;
        for (const auto e : g.members) {
            if (c.employee_broken[e]) continue;
            const model::employee& emp = s.employees[e];
            phrase reason;
            bool ok = false;
            if (emp.jp_cap && *emp.jp_cap < pr.jp) {
                reason = say("the programme's {} JP exceed the JP cap of {}", pr.jp, *emp.jp_cap);
            } else {
                for (std::size_t k = 0; k < pr.modes.size() && !ok; ++k) {
                    const phrase& mp = problems[g.program][k];
                    const phrase why = doubt[g.program][k] ? phrase{} : (mp.empty() ? refusal(emp, pr.modes[k]) : mp);
                    if (why.empty())
                        ok = true;
                    else if (reason.empty())
                        reason = say("{}: {}", mode_name(pr.modes[k].mode), why);
                    else
                        reason = say("{}; {}: {}", reason, mode_name(pr.modes[k].mode), why);
                }
            }
            if (ok) continue;
            if (refused.size() < 3) refused.push_back(emp.id);
            if (first_reason.empty()) first_reason = reason;
            ++unservable;
        }
        if (unservable == 0) continue;
        if (unservable == g.members.size() &&
            std::none_of(g.members.begin(), g.members.end(), [&](auto e) { return c.employee_broken[e]; }))
            c.rep.error(
                code::demand_unservable,
                say("no employee of this demand can ever take programme {} ({})", in_quotes(pr.id), first_reason), g.at,
                g.path);
        else if (clean)
            c.rep.warning(code::demand_partly,
                          say("{} of the {} employees of this demand can never take programme {}: {} ({})", unservable,
                              g.members.size(), in_quotes(pr.id), list_of(refused, unservable), first_reason),
                          g.at, g.path);
    }
}

void check_unused(load_context& c) {
    auto report = [&](name_index& names, std::string_view what, std::string_view by) {
        for (std::uint32_t i = 0; i < names.size(); ++i)
            if (!names.used(i))
                c.rep.warning(code::unused,
                              say("{} {} is not used by any {}", term(what), in_quotes(names.ids()[i]), term(by)),
                              names.where(i));
    };
    report(c.venues, "venue", "programme mode");
    report(c.platforms, "platform", "programme mode");
    report(c.instructors, "instructor", "programme");
    report(c.locations, "location", "unit, venue or instructor");
    report(c.duty_templates, "duty template", "employee");
    report(c.patterns, "work pattern", "unit, employee, venue or instructor");
    for (std::uint32_t i = 0; i < c.seasons.size(); ++i)
        if (!c.seasons.used(i) && c.seasons.ids()[i] != "ramadan")
            c.rep.warning(code::unused, say("season {} is not used by any work pattern", in_quotes(c.seasons.ids()[i])),
                          c.seasons.where(i));
}

void fill_lookups(load_context& c) {
    auto fill = [](const name_index& names, std::unordered_map<std::string, std::uint32_t>& out, std::size_t n) {
        out.clear();
        out.reserve(n);
        for (std::uint32_t i = 0; i < n && i < names.size(); ++i) out.emplace(names.ids()[i], i);
    };
    fill(c.employees, c.s.employee_by_id, c.s.employees.size());
    fill(c.units, c.s.unit_by_id, c.s.units.size());
    fill(c.programs, c.s.program_by_id, c.s.programs.size());
    fill(c.patterns, c.s.pattern_by_id, c.s.patterns.size());
    fill(c.policies, c.s.policy_by_id, c.s.policies.size());
}

}  // namespace

void validate_scenario(load_context& c) {
    // Warnings that an error elsewhere could cause (a unit left empty by a
    // misspelt unit id, a venue unused because its reference was misspelt) are
    // only worth reading once the errors are fixed.
    const bool clean = !c.rep.has_errors();
    complete_ramadan(c);
    if (clean) check_holiday_years(c);
    const auto members = unit_members(c.s);
    check_min_on_duty(c, members, clean);
    if (clean) check_unit_staff(c, members);
    check_demand(c, clean);
    if (clean) check_unused(c);
    fill_lookups(c);
    c.s.source_files = c.rep.files();
}

}  // namespace jadwal::load::detail
