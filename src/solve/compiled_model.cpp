#include "compiled_model.hpp"

#include <jadwal/calendar/assigned_duty.hpp>
#include <jadwal/load/validate.hpp>

#include <date/tz.h>

#include <algorithm>
#include <cassert>
#include <chrono>
#include <tuple>
#include <cmath>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace jadwal::solve::detail {
namespace {

using calendar::instant;
using calendar::interval;
using calendar::interval_set;
using calendar::local_date;
using calendar::local_minute;

tmin rel(instant t, instant t0) { return static_cast<tmin>((t - t0).count()); }

std::uint32_t u32(std::size_t x) { return static_cast<std::uint32_t>(x); }

bool policy_allows(const model::policy& p, model::window_kind k) {
    return p.windows.empty() || std::find(p.windows.begin(), p.windows.end(), k) != p.windows.end();
}

bool policy_allows(const model::policy& p, model::delivery_mode m) {
    return p.modes.empty() || std::find(p.modes.begin(), p.modes.end(), m) != p.modes.end();
}

/// Splits `total` JP into n nearly equal whole parts, larger first.
std::vector<int> balanced(int total, int n) {
    std::vector<int> out(static_cast<std::size_t>(n), total / n);
    for (int i = 0; i < total % n; ++i) out[static_cast<std::size_t>(i)] += 1;
    return out;
}

/// Study block lengths for a module of `minutes` (docs/model.md "Self-paced study"):
/// each between min and max, as even as the grid allows.
std::vector<int> block_lengths(int minutes, int lo, int hi, int g) {
    if (minutes <= lo) return {minutes};
    for (int n = (minutes + hi - 1) / hi; n <= minutes / std::max(1, lo) + 1; ++n) {
        std::vector<int> out;
        if (minutes % g == 0) {
            const int units = minutes / g;
            for (int i = 0; i < n; ++i) out.push_back((units / n + (i < units % n ? 1 : 0)) * g);
        } else {
            for (int i = 0; i < n; ++i) out.push_back(minutes / n + (i < minutes % n ? 1 : 0));
        }
        bool ok = true;
        for (int x : out) ok = ok && x >= lo && x <= hi;
        if (ok) return out;
    }
    return {};
}

void fill_module_parts(delivery_c& pm, std::size_t modules) {
    pm.module_parts.assign(modules, {0, 0});
    for (std::size_t k = 0; k < pm.parts.size(); ++k) {
        auto& mp = pm.module_parts[pm.parts[k].module];
        if (mp.second == 0) mp.first = u32(k);
        mp.second += 1;
    }
}

}  // namespace

compiled_model::compiled_model(const model::scenario& s, const model::policy& p)
    : scenario(s), policy(p), calendar(s) {
    const auto started = std::chrono::steady_clock::now();
    const date::time_zone& zone = *s.zone;
    granularity = std::max(1, s.granularity_minutes);
    days = static_cast<int>((s.horizon.last - s.horizon.first).count()) + 1;
    t0 = calendar::to_instant(local_minute{s.horizon.first}, zone);
    compile_days();
    compile_zones();
    compile_travel();
    compile_units();
    compile_employees();
    compile_resources();
    compile_policy_limits();
    compile_recordings(compile_deliveries());
    compile_demand();
    compile_top_up();
    compile_preferences();
    compile_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

std::uint16_t compiled_model::zone_slot(const date::time_zone* z) const {
    for (std::size_t i = 0; i < zones.size(); ++i)
        if (zones[i].tz == z) return static_cast<std::uint16_t>(i);
    assert(false && "compile_zones() saw every employee's zone");
    return 0;
}

/// The dates of the horizon: where each starts, its weekday, month, holiday,
/// working hours and Friday prayer under the policy.
void compiled_model::compile_days() {
    const model::scenario& s = scenario;
    const model::policy& p = policy;
    const date::time_zone& zone = *scenario.zone;
    day_start.resize(static_cast<std::size_t>(days) + 1);
    day.resize(static_cast<std::size_t>(days));
    int max_len = 0;
    for (int d = 0; d <= days; ++d) {
        day_start[static_cast<std::size_t>(d)] =
            rel(calendar::to_instant(local_minute{s.horizon.first + date::days{d}}, zone), t0);
        if (d > 0) max_len = std::max(max_len, day_start[static_cast<std::size_t>(d)] - day_start[static_cast<std::size_t>(d) - 1]);
    }
    slots_per_day = (max_len + granularity - 1) / granularity;
    horizon_end = day_start[static_cast<std::size_t>(days)];
    {
        const date::year_month_day first{s.horizon.first};
        weekday0 = static_cast<int>(date::weekday{s.horizon.first}.iso_encoding()) - 1;
        for (int d = 0; d < days; ++d) {
            const local_date ld = s.horizon.first + date::days{d};
            const date::year_month_day ymd{ld};
            day_c& dc = day[static_cast<std::size_t>(d)];
            dc.weekday = static_cast<std::uint8_t>(date::weekday{ld}.c_encoding());
            dc.month = (static_cast<int>(ymd.year()) - static_cast<int>(first.year())) * 12 +
                       static_cast<int>(static_cast<unsigned>(ymd.month())) -
                       static_cast<int>(static_cast<unsigned>(first.month()));
            auto at = [&](std::chrono::minutes m) { return rel(calendar::to_instant(local_minute{ld} + m, zone), t0); };
            if (dc.weekday >= 1 && dc.weekday <= 5) {
                dc.work_a = at(p.working_hours.start);
                dc.work_b = at(p.working_hours.end);
            }
            if (dc.weekday == 5 && p.friday_prayer) {
                dc.prayer_a = at(p.friday_prayer->start);
                dc.prayer_b = at(p.friday_prayer->end);
            }
        }
        for (const auto& h : s.holidays) {
            const auto k = (h.date - s.horizon.first).count();
            if (k >= 0 && k < days) day[static_cast<std::size_t>(k)].holiday = true;
        }
    }
}

/// The time zones people work in, with their midnights over the horizon.
void compiled_model::compile_zones() {
    const model::scenario& s = scenario;
    const date::time_zone& zone = *scenario.zone;
    std::vector<const date::time_zone*> zone_list{&zone};
    auto zone_index = [&](const date::time_zone* z) -> std::uint16_t {
        for (std::size_t i = 0; i < zone_list.size(); ++i)
            if (zone_list[i] == z) return static_cast<std::uint16_t>(i);
        zone_list.push_back(z);
        return static_cast<std::uint16_t>(zone_list.size() - 1);
    };
    for (const auto& e : s.employees) zone_index(&s.zone_of(e));
    for (const auto* z : zone_list) {
        zone_days zd;
        zd.tz = z;
        for (int k = -1; k <= days + 1; ++k)
            zd.midnight.push_back(rel(calendar::to_instant(local_minute{s.horizon.first + date::days{k}}, *z), t0));
        zones.push_back(std::move(zd));
    }
}

/// Travel minutes between locations, both ways.
void compiled_model::compile_travel() {
    const model::scenario& s = scenario;
    locations = static_cast<int>(s.locations.size());
    travel.assign(static_cast<std::size_t>(locations) * static_cast<std::size_t>(locations), 0);
    for (int a = 0; a < locations; ++a)
        for (const auto& [b, m] : s.locations[static_cast<std::size_t>(a)].travel) {
            const auto ib = static_cast<std::size_t>(b.value);
            const auto ia = static_cast<std::size_t>(a);
            const int v = static_cast<int>(m.count());
            travel[ia * static_cast<std::size_t>(locations) + ib] =
                std::max(travel[ia * static_cast<std::size_t>(locations) + ib], v);
            travel[ib * static_cast<std::size_t>(locations) + ia] =
                std::max(travel[ib * static_cast<std::size_t>(locations) + ia], v);
        }
}

/// Units: head count, absence limit and critical periods by weight class.
void compiled_model::compile_units() {
    const model::scenario& s = scenario;
    const model::policy& p = policy;
    weight_class.push_back(1.0);
    auto class_of = [&](double w) -> std::uint8_t {
        for (std::size_t i = 0; i < weight_class.size(); ++i)
            if (weight_class[i] == w) return static_cast<std::uint8_t>(i);
        assert(weight_class.size() < load::max_critical_weights);  // load::validate() checked it
        weight_class.push_back(w);
        return static_cast<std::uint8_t>(weight_class.size() - 1);
    };
    units.resize(s.units.size());
    for (const auto& e : s.employees) units[e.unit].headcount += 1;
    for (const unit_id u : units.indices()) {
        const model::unit& mu = s.units[u.value];
        unit_c& uc = units[u];
        uc.id = mu.id;
        uc.location = mu.location.valid() ? static_cast<std::int32_t>(mu.location.value) : -1;
        const model::staffing_limit lim = p.max_absent ? *p.max_absent : mu.max_absent;
        if (lim.type == model::staffing_limit::kind::count) uc.limit = std::max(0, lim.count);
        else uc.limit = std::max(1, static_cast<int>(std::floor(lim.share * uc.headcount + 1e-9)));
        // Critical periods: the largest weight covering each minute.
        const auto periods = calendar.critical_periods(u);
        std::vector<tmin> cuts;
        for (const auto& [iv, w] : periods) {
            cuts.push_back(std::clamp(rel(iv.start, t0), 0, horizon_end));
            cuts.push_back(std::clamp(rel(iv.end, t0), 0, horizon_end));
        }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
            const tmin a = cuts[i], b = cuts[i + 1];
            bool covered = false;
            double w = 0;
            for (const auto& [iv, pw] : periods)
                if (rel(iv.start, t0) <= a && b <= rel(iv.end, t0)) {
                    w = covered ? std::max(w, pw) : pw;
                    covered = true;
                }
            if (!covered) continue;
            const std::uint8_t cls = class_of(w);
            if (cls == 0) continue;
            if (!uc.crit.empty() && uc.crit.back().b == a && uc.crit.back().cls == cls) uc.crit.back().b = b;
            else uc.crit.push_back({a, b, cls});
        }
    }
}

/// Employees: day profiles (working, unavailable, breaks, duty) shared between
/// people with the same days, rostered shifts with a minimum on duty, and
/// assigned-duty days.
void compiled_model::compile_employees() {
    const model::scenario& s = scenario;
    const model::policy& p = policy;
    const std::size_t n_emp = s.employees.size();
    employees.resize(n_emp);
    profile_of.assign(n_emp * static_cast<std::size_t>(days), 0);
    std::unordered_map<std::string, std::uint32_t> profile_ids;
    std::string key;
    std::vector<rel_span> work_rel, unav_rel, brk_rel, duty_rel;
    // Occurrences by (unit, scenario-zone local date index, code); std::map keeps ids deterministic.
    std::map<std::tuple<unit_id, int, std::string>, std::uint32_t> occ_ids;
    std::vector<std::pair<unit_id, std::pair<int, std::string>>> occ_keys;
    const std::vector<int> earned = s.earned_jp();
    for (const employee_id ei : employees.indices()) {
        const model::employee& me = s.employees[ei.value];
        employee_c& ec = employees[ei];
        ec.unit = me.unit;
        ec.location = units[ec.unit].location;
        ec.zone = zone_slot(&s.zone_of(me));
        ec.accepts_after_hours = me.accepts.after_hours;
        ec.accepts_weekend = me.accepts.weekend;
        ec.jp_target = me.jp_target;
        ec.jp_cap = me.jp_cap ? *me.jp_cap : -1;
        ec.jp_earned = earned[ei.value];
        const calendar::date_range range{s.horizon.first - date::days{1}, s.horizon.last + date::days{1}};
        const calendar::availability av = calendar.employee(ei, range);
        const auto& wk = av.working.items();
        const interval_set unav_set = p.protect_breaks ? av.unavailable.unite(av.breaks) : interval_set{};
        const auto& un = p.protect_breaks ? unav_set.items() : av.unavailable.items();
        const auto& bk = av.breaks.items();
        const interval_set duty_set =
            p.assigned_duty ? calendar::assigned_duty_time(s, *p.assigned_duty, ei, range, av) : interval_set{};
        const auto& dt = duty_set.items();
        std::size_t wi = 0, ui = 0, bi = 0, di = 0;
        for (int d = 0; d < days; ++d) {
            const tmin base = day_start[static_cast<std::size_t>(d)];
            const tmin end = day_start[static_cast<std::size_t>(d) + 1];
            work_rel.clear();
            unav_rel.clear();
            while (wi < wk.size() && rel(wk[wi].end, t0) <= base) ++wi;
            for (std::size_t k = wi; k < wk.size() && rel(wk[k].start, t0) < end; ++k)
                work_rel.push_back({static_cast<std::int16_t>(std::max(rel(wk[k].start, t0), base) - base),
                                    static_cast<std::int16_t>(std::min(rel(wk[k].end, t0), end) - base)});
            while (ui < un.size() && rel(un[ui].end, t0) <= base) ++ui;
            for (std::size_t k = ui; k < un.size() && rel(un[k].start, t0) < end; ++k)
                unav_rel.push_back({static_cast<std::int16_t>(std::max(rel(un[k].start, t0), base) - base),
                                    static_cast<std::int16_t>(std::min(rel(un[k].end, t0), end) - base)});
            brk_rel.clear();
            if (!p.protect_breaks) {
                while (bi < bk.size() && rel(bk[bi].end, t0) <= base) ++bi;
                for (std::size_t k = bi; k < bk.size() && rel(bk[k].start, t0) < end; ++k)
                    brk_rel.push_back({static_cast<std::int16_t>(std::max(rel(bk[k].start, t0), base) - base),
                                       static_cast<std::int16_t>(std::min(rel(bk[k].end, t0), end) - base)});
            }
            duty_rel.clear();
            while (di < dt.size() && rel(dt[di].end, t0) <= base) ++di;
            for (std::size_t k = di; k < dt.size() && rel(dt[k].start, t0) < end; ++k)
                duty_rel.push_back({static_cast<std::int16_t>(std::max(rel(dt[k].start, t0), base) - base),
                                    static_cast<std::int16_t>(std::min(rel(dt[k].end, t0), end) - base)});
            key.clear();
            auto put = [&](std::int16_t v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); };
            put(static_cast<std::int16_t>(work_rel.size()));
            for (const auto& r : work_rel) put(r.a), put(r.b);
            put(static_cast<std::int16_t>(unav_rel.size()));
            for (const auto& r : unav_rel) put(r.a), put(r.b);
            put(static_cast<std::int16_t>(brk_rel.size()));
            for (const auto& r : brk_rel) put(r.a), put(r.b);
            put(static_cast<std::int16_t>(duty_rel.size()));
            for (const auto& r : duty_rel) put(r.a), put(r.b);
            auto [it, fresh] = profile_ids.try_emplace(key, u32(profiles.size()));
            if (fresh) {
                day_profile dp;
                dp.off = u32(profile_spans.size());
                dp.work_n = static_cast<std::uint16_t>(work_rel.size());
                dp.unav_n = static_cast<std::uint16_t>(unav_rel.size());
                dp.brk_n = static_cast<std::uint16_t>(brk_rel.size());
                dp.duty_n = static_cast<std::uint16_t>(duty_rel.size());
                profile_spans.insert(profile_spans.end(), work_rel.begin(), work_rel.end());
                profile_spans.insert(profile_spans.end(), unav_rel.begin(), unav_rel.end());
                profile_spans.insert(profile_spans.end(), brk_rel.begin(), brk_rel.end());
                profile_spans.insert(profile_spans.end(), duty_rel.begin(), duty_rel.end());
                profiles.push_back(dp);
            }
            profile_of[ei.value * static_cast<std::size_t>(days) + static_cast<std::size_t>(d)] = it->second;
        }

        // Shift minimums (docs/model.md "Unit staffing").
        const model::unit& mu = s.units[ec.unit.value];
        const model::work_pattern& pat = s.pattern_of(me);
        if (!mu.min_on_duty.empty() && pat.rotation && !pat.rotation->cycle.empty()) {
            ec.shift_off = static_cast<std::int32_t>(emp_shift.size());
            emp_shift.resize(emp_shift.size() + static_cast<std::size_t>(days));
            const auto& rot = *pat.rotation;
            const auto len = static_cast<long long>(rot.cycle.size());
            const date::time_zone& ez = s.zone_of(me);
            for (int k = -1; k <= days; ++k) {
                const local_date ld = s.horizon.first + date::days{k};
                long long idx = ((ld - rot.anchor).count() + me.rotation_offset) % len;
                if (idx < 0) idx += len;
                const std::string& code = rot.cycle[static_cast<std::size_t>(idx)];
                const model::shift* sh = rot.find(code);
                if (!sh) continue;
                const auto min_it = std::find_if(mu.min_on_duty.begin(), mu.min_on_duty.end(),
                                                 [&](const auto& m) { return m.first == code; });
                if (min_it == mu.min_on_duty.end()) continue;
                const instant a = calendar::to_instant(local_minute{ld} + sh->hours.start, ez);
                const instant b = a + sh->hours.length();
                if (!av.working.covers(interval{a, b})) continue;  // not worked: holiday or leave
                const tmin ra = rel(a, t0), rb = rel(b, t0);
                const int sd = day_of(ra);
                if (rb <= 0 || ra >= horizon_end || sd < 0 || sd >= days) continue;
                const auto okey = std::make_tuple(ec.unit, k, code);
                auto [oit, ofresh] = occ_ids.try_emplace(okey, u32(shift_occurrences.size()));
                if (ofresh) {
                    shift_occurrences.push_back({ec.unit, 0, 0});
                    occ_keys.push_back({ec.unit, {min_it->second, code}});
                }
                shift_occurrences[oit->second].rostered += 1;
                emp_shift[static_cast<std::size_t>(ec.shift_off) + static_cast<std::size_t>(sd)] = {
                    static_cast<std::int32_t>(oit->second), ra, rb};
            }
        }

        // Rostered shifts of rotation staff who earn days off in lieu (docs/model.md "Assigned duty").
        if (p.assigned_duty && calendar::earns_days_in_lieu(s, *p.assigned_duty, ei)) {
            ec.rostered_off = static_cast<std::int32_t>(rostered.size());
            rostered.resize(rostered.size() + static_cast<std::size_t>(days));
            const date::time_zone& ez = s.zone_of(me);
            const auto& rot = *pat.rotation;
            for (int k = 0; k < days; ++k) {
                const local_date ld = s.horizon.first + date::days{k};
                const model::shift* sh = calendar::rostered_shift(s, ei, ld);
                if (!sh) continue;
                const instant a = calendar::to_instant(local_minute{ld} + sh->hours.start, ez);
                const instant b = a + sh->hours.length();
                if (!av.working.covers(interval{a, b})) continue;  // not worked: holiday or leave
                rostered_day& rd = rostered[static_cast<std::size_t>(ec.rostered_off) + static_cast<std::size_t>(k)];
                rd.a = rel(a, t0);
                rd.b = rel(b, t0);
                rd.shift = static_cast<std::uint16_t>(sh - rot.shifts.data());
                if (ec.shift_off >= 0) {
                    const int sd = day_of(rd.a);
                    if (sd >= 0 && sd < days) {
                        const emp_shift_day& es = emp_shift[static_cast<std::size_t>(ec.shift_off) + static_cast<std::size_t>(sd)];
                        if (es.occ >= 0 && es.a == rd.a) rd.occ = es.occ;
                    }
                }
            }
        }
    }
    for (std::size_t o = 0; o < shift_occurrences.size(); ++o)
        shift_occurrences[o].allowed_pull = std::max(0, shift_occurrences[o].rostered - occ_keys[o].second.first);
}

/// Venues, platforms and instructors: opening hours, closures, evenings.
void compiled_model::compile_resources() {
    const model::scenario& s = scenario;
    const date::time_zone& zone = *scenario.zone;
    auto open_spans = [&](model::pattern_index pi, std::vector<std::uint32_t>& off, std::vector<span>& out) {
        const model::work_pattern& pat = s.patterns[pi.value];
        const interval_set& w = calendar.pattern_working(pi, zone, 0, pat.holidays, false);
        off.assign(static_cast<std::size_t>(days) + 1, 0);
        std::size_t k = 0;
        const auto& items = w.items();
        for (int d = 0; d < days; ++d) {
            off[static_cast<std::size_t>(d)] = u32(out.size());
            const tmin base = day_start[static_cast<std::size_t>(d)], end = day_start[static_cast<std::size_t>(d) + 1];
            while (k < items.size() && rel(items[k].end, t0) <= base) ++k;
            for (std::size_t j = k; j < items.size() && rel(items[j].start, t0) < end; ++j)
                out.push_back({std::max(rel(items[j].start, t0), base - 1440), rel(items[j].end, t0)});
        }
        off[static_cast<std::size_t>(days)] = u32(out.size());
    };
    venues.resize(s.venues.size());
    for (const venue_id v : venues.indices()) {
        const auto& mv = s.venues[v.value];
        venue_c& vc = venues[v];
        vc.capacity = mv.capacity;
        vc.location = mv.location.valid() ? static_cast<std::int32_t>(mv.location.value) : -1;
        vc.cost_per_day = mv.cost_per_day;
        vc.closed.assign(static_cast<std::size_t>(days), 0);
        for (const auto& c : mv.closed)
            for (int d = 0; d < days; ++d)
                if (c.contains(s.horizon.first + date::days{d})) vc.closed[static_cast<std::size_t>(d)] = 1;
        if (mv.pattern.valid()) {
            vc.any_time = false;
            open_spans(mv.pattern, vc.open_off, vc.open);
        }
    }
    platforms.resize(s.platforms.size());
    for (const platform_id p : platforms.indices()) {
        const auto& mp = s.platforms[p.value];
        platforms[p] = {std::max(1, mp.concurrent), mp.capacity, mp.cost_per_cohort};
    }
    instructors.resize(s.instructors.size());
    for (const instructor_id i : instructors.indices()) {
        const auto& mi = s.instructors[i.value];
        instructor_c& ic = instructors[i];
        ic.max_minutes_per_day = mi.max_minutes_per_day;
        ic.max_days_per_month = mi.max_days_per_month ? *mi.max_days_per_month : -1;
        ic.cost_per_hour = mi.cost_per_hour;
        ic.unavailable.assign(static_cast<std::size_t>(days), 0);
        for (const auto& r : mi.unavailable)
            for (int d = 0; d < days; ++d)
                if (r.contains(s.horizon.first + date::days{d})) ic.unavailable[static_cast<std::size_t>(d)] = 1;
        if (mi.pattern.valid()) {
            ic.any_time = false;
            open_spans(mi.pattern, ic.open_off, ic.open);
        }
        // Evenings matter only to an instructor with a pattern (else any time is open).
        if (mi.evenings && mi.pattern.valid()) {
            ic.evenings_per_week = mi.evenings->max_per_week;
            ic.evening_cost_per_hour = mi.evening_cost_per_hour();
            ic.evening.assign(static_cast<std::size_t>(days), span{});
            for (int d = 0; d < days; ++d) {
                const day_c& dc = day[static_cast<std::size_t>(d)];
                if (dc.holiday || dc.weekday == 0 || dc.weekday == 6) continue;
                const local_date ld = s.horizon.first + date::days{d};
                ic.evening[static_cast<std::size_t>(d)] = {
                    rel(calendar::to_instant(local_minute{ld} + mi.evenings->hours.start, zone), t0),
                    rel(calendar::to_instant(local_minute{ld} + mi.evenings->hours.end, zone), t0)};
            }
        }
    }
}

/// The policy's limits and weights, and the budget.
void compiled_model::compile_policy_limits() {
    const model::scenario& s = scenario;
    const model::policy& p = policy;
    max_training_per_day = p.max_training_minutes_per_day ? *p.max_training_minutes_per_day : -1;
    max_ah_per_day = p.max_after_hours_minutes_per_day ? *p.max_after_hours_minutes_per_day : -1;
    max_ah_per_week = p.max_after_hours_minutes_per_week ? *p.max_after_hours_minutes_per_week : -1;
    if (p.assigned_duty) {
        duty_max_days = p.assigned_duty->max_days_per_month;
        duty_allowance = p.assigned_duty->allowance_per_day;
        lieu_window = p.assigned_duty->rostered_days_off ? p.assigned_duty->lieu_window_days : 0;
    }
    block_min = std::max(1, p.study_block_min_minutes);
    block_max = std::max(block_min, p.study_block_max_minutes);
    weights = p.weights;
    stability = p.stability;
    budget_classroom = s.budget.max_classroom_cohorts ? *s.budget.max_classroom_cohorts : -1;
    budget_cost = s.budget.max_cost ? *s.budget.max_cost : -1;
}

/// Programmes and the deliveries the policy allows: parts, windows, venues,
/// fixed sessions. Returns the recordings of fixed sessions, built after.
std::vector<compiled_model::pending_recording> compiled_model::compile_deliveries() {
    const model::scenario& s = scenario;
    const model::policy& p = policy;
    const date::time_zone& zone = *scenario.zone;
    const int jp_minutes = std::max(1, s.jp_minutes);
    programs.resize(s.programs.size());
    // Recordings become self-paced deliveries of their own, built after every
    // programme so that each programme's ordinary deliveries come first.
    std::vector<pending_recording> recordings;
    auto add_recording = [&](std::size_t pi, std::size_t oi, span session, const model::recording& rec) {
        recordings.push_back({pi, oi, session, rec});
    };
    for (std::size_t pi = 0; pi < s.programs.size(); ++pi) {
        const model::program& mp = s.programs[pi];
        program_c& pc = programs[pi];
        pc.id = mp.id;
        pc.jp = 0;
        for (const auto& m : mp.modules) pc.jp += m.jp;
        pc.instructors = mp.instructors;
        pc.per_session = pc.instructors.empty() ? 0 : std::max(0, mp.instructors_per_session);
        for (std::size_t oi = 0; oi < mp.modes.size(); ++oi) {
            const model::mode_offer& mo = mp.modes[oi];
            if (!policy_allows(p, mo.mode)) continue;
            delivery_c pm;
            pm.program = u32(pi);
            pm.offer = u32(oi);
            pm.mode = mo.mode;
            pm.live = mo.mode != model::delivery_mode::self_paced;
            pm.size_min = std::max(1, mp.cohort_min);
            pm.size_max = std::max(pm.size_min, mp.cohort_max);
            pm.cost_per_cohort = mo.cost_per_cohort;
            pm.label = mp.id + "/" + std::string(model::to_string(mo.mode));
            if (pm.live && pc.per_session > static_cast<int>(pc.instructors.size())) continue;
            if (mo.mode == model::delivery_mode::classroom) {
                for (const auto v : mo.venues)
                    if (s.venues[v.value].capacity >= pm.size_min) pm.venues.push_back(v);
                if (pm.venues.empty()) continue;
            }
            if (mo.mode == model::delivery_mode::online_live) {
                if (!mo.platform.valid() || s.platforms[mo.platform.value].capacity < pm.size_min) continue;
                pm.platform = mo.platform;
            }
            // Windows on each day (docs/model.md "Sessions and windows").
            pm.win_off.assign(static_cast<std::size_t>(days) + 1, 0);
            std::size_t explicit_k = 0;
            std::vector<std::pair<model::window_kind, const model::explicit_window*>> kinds;
            for (const auto k : mo.windows) {
                const model::explicit_window* ew = nullptr;
                if (k == model::window_kind::explicit_hours) {
                    if (explicit_k < mo.explicit_windows.size()) ew = &mo.explicit_windows[explicit_k];
                    ++explicit_k;
                    if (!ew) continue;
                }
                if (k == model::window_kind::explicit_hours || policy_allows(p, k)) kinds.emplace_back(k, ew);
            }
            for (int d = 0; d < days; ++d) {
                pm.win_off[static_cast<std::size_t>(d)] = u32(pm.wins.size());
                const day_c& dc = day[static_cast<std::size_t>(d)];
                if (dc.holiday) continue;
                const local_date ld = s.horizon.first + date::days{d};
                auto to_span = [&](calendar::clock_range r) {
                    return span{rel(calendar::to_instant(local_minute{ld} + r.start, zone), t0),
                                rel(calendar::to_instant(local_minute{ld} + r.end, zone), t0)};
                };
                auto add = [&](span x, std::uint8_t kind) {
                    const tmin a = x.a, b = x.b;
                    if (b <= a) return;
                    if (pm.live && dc.weekday == 5 && dc.prayer_b > dc.prayer_a && a < dc.prayer_b && dc.prayer_a < b) {
                        if (a < dc.prayer_a) pm.wins.push_back({a, dc.prayer_a, kind});
                        if (dc.prayer_b < b) pm.wins.push_back({dc.prayer_b, b, kind});
                    } else {
                        pm.wins.push_back({a, b, kind});
                    }
                };
                const bool weekday = dc.weekday >= 1 && dc.weekday <= 5;
                // The standard windows the policy allows on this day: an explicit window is
                // used, under a policy that lists windows, only inside one of them.
                std::vector<span> standard;
                if (!p.windows.empty()) {
                    if (weekday && policy_allows(p, model::window_kind::working_hours)) standard.push_back(to_span(p.working_hours));
                    if (weekday && policy_allows(p, model::window_kind::after_hours)) standard.push_back(to_span(p.after_hours));
                    if (!weekday && policy_allows(p, model::window_kind::weekend)) standard.push_back(to_span(p.weekend));
                }
                for (const auto& [k, ew] : kinds) {
                    switch (k) {
                        case model::window_kind::working_hours:
                            if (weekday) add(to_span(p.working_hours), 0);
                            break;
                        case model::window_kind::after_hours:
                            if (weekday) add(to_span(p.after_hours), 1);
                            break;
                        case model::window_kind::weekend:
                            if (!weekday) add(to_span(p.weekend), 2);
                            break;
                        case model::window_kind::explicit_hours:
                            if (ew->weekdays & (1U << dc.weekday))
                                for (const auto& r : ew->hours) {
                                    const span x = to_span(r);
                                    if (p.windows.empty()) add(x, 3);
                                    else
                                        for (const auto& st : standard)
                                            add({std::max(x.a, st.a), std::min(x.b, st.b)}, 3);
                                }
                            break;
                    }
                }
                std::sort(pm.wins.begin() + pm.win_off[static_cast<std::size_t>(d)], pm.wins.end(),
                          [](const window_c& x, const window_c& y) { return x.a < y.a || (x.a == y.a && x.b < y.b); });
            }
            pm.win_off[static_cast<std::size_t>(days)] = u32(pm.wins.size());

            // Parts.
            std::vector<std::int32_t> last_part_of(mp.modules.size(), -1);
            if (!pm.live) {
                for (std::size_t m = 0; m < mp.modules.size(); ++m) {
                    const int minutes = mp.modules[m].jp * jp_minutes;
                    const auto lens = block_lengths(minutes, block_min, block_max, granularity);
                    if (lens.empty()) break;
                    std::int32_t prev = -1;
                    for (std::size_t k = 0; k < lens.size(); ++k) {
                        part_c pt;
                        pt.module = static_cast<std::uint16_t>(m);
                        pt.part = static_cast<std::uint16_t>(k);
                        pt.minutes = lens[k];
                        pt.prev = prev;
                        if (mp.modules[m].after) {
                            pt.prereq_last = last_part_of[*mp.modules[m].after];
                            pt.prereq_module = static_cast<std::int32_t>(*mp.modules[m].after);
                        }
                        prev = static_cast<std::int32_t>(pm.parts.size());
                        pm.parts.push_back(pt);
                    }
                    last_part_of[m] = prev;
                    pm.total_minutes += minutes;
                }
                if (pm.parts.empty() || pm.wins.empty()) continue;
                fill_module_parts(pm, mp.modules.size());
                pc.deliveries.push_back(deliveries.next_index());
                deliveries.push_back(std::move(pm));
                continue;
            }
            if (!mo.fixed.empty()) {
                // Fixed sessions: option i takes the i-th fixed session (by start) of every module.
                pm.fixed = true;
                std::vector<std::vector<std::pair<span, int>>> by_module(mp.modules.size());
                for (const auto& f : mo.fixed) {
                    if (f.module >= mp.modules.size()) continue;
                    const tmin a = rel(calendar::to_instant(f.start, zone), t0);
                    const tmin b = rel(calendar::to_instant(f.end, zone), t0);
                    if (a < 0 || b > horizon_end || b <= a) continue;
                    by_module[f.module].push_back({{a, b}, f.capacity});
                    if (f.recording && p.recordings && mp.modules.size() == 1)
                        add_recording(pi, oi, span{a, b}, *f.recording);
                }
                std::size_t options = SIZE_MAX;
                for (auto& v : by_module) {
                    std::sort(v.begin(), v.end(), [](const auto& x, const auto& y) { return x.first.a < y.first.a; });
                    options = std::min(options, v.size());
                }
                if (options == 0 || options == SIZE_MAX) continue;
                for (std::size_t m = 0; m < mp.modules.size(); ++m) {
                    part_c pt;
                    pt.module = static_cast<std::uint16_t>(m);
                    pt.jp = mp.modules[m].jp;
                    pt.minutes = by_module[m][0].first.length();
                    pm.parts.push_back(pt);
                }
                for (std::size_t o = 0; o < options; ++o) {
                    std::vector<span> ses;
                    int cap = INT32_MAX;
                    bool usable = true;
                    for (std::size_t m = 0; m < mp.modules.size(); ++m) {
                        const span x = by_module[m][o].first;
                        // A fixed time still has to lie in a window the policy allows.
                        const int fd = day_of(x.a);
                        usable = usable && fd >= 0 && fd < days && in_window(pm, fd, x.a, x.b);
                        ses.push_back(x);
                        cap = std::min(cap, by_module[m][o].second);
                    }
                    // No live seat (a national session whose seats went to other agencies):
                    // the recording, added above, is all it offers.
                    if (!usable || cap <= 0) continue;
                    pm.fixed_sessions.push_back(std::move(ses));
                    pm.fixed_capacity.push_back(cap);
                }
                if (pm.fixed_sessions.empty()) continue;
                for (const auto& pt : pm.parts) pm.total_minutes += pt.minutes;
                fill_module_parts(pm, mp.modules.size());
                pc.deliveries.push_back(deliveries.next_index());
                deliveries.push_back(std::move(pm));
                continue;
            }
            if (pm.wins.empty()) continue;
            // The cohort's daily maximum (docs/model.md), then the longest part that can
            // really run: windows met by an instructor's and a venue's open hours on at
            // least a quarter of the days that have windows.
            int daily = p.max_session_minutes_per_day / jp_minutes;
            if (mo.max_jp_per_day) daily = std::min(daily, *mo.max_jp_per_day);
            if (p.max_module_jp > 0) daily = std::min(daily, p.max_module_jp);
            if (daily <= 0) continue;
            std::vector<int> longest_by_day;
            for (int d = 0; d < days; ++d) {
                int best = 0;
                for (const window_c* w = wins_begin(pm, d); w != wins_end(pm, d); ++w) {
                    std::vector<span> pieces{{w->a, w->b}};
                    auto restrict = [&](const std::vector<span>& open) {
                        std::vector<span> out;
                        for (const auto& x : pieces)
                            for (const auto& o : open) {
                                const tmin a = std::max(x.a, o.a), b = std::min(x.b, o.b);
                                if (a < b) out.push_back({a, b});
                            }
                        pieces = std::move(out);
                    };
                    if (pc.per_session > 0) {
                        std::vector<span> open;
                        for (const auto i : pc.instructors) {
                            const instructor_c& ic = instructors[i];
                            if (ic.unavailable[static_cast<std::size_t>(d)]) continue;
                            if (ic.any_time) open.push_back({w->a, w->b});
                            else
                                for (auto k = ic.open_off[static_cast<std::size_t>(d)];
                                     k < ic.open_off[static_cast<std::size_t>(d) + 1]; ++k)
                                    open.push_back(ic.open[k]);
                            // Evening teaching is open time too (instructor_open).
                            if (!ic.evening.empty() && ic.evening[static_cast<std::size_t>(d)].length() > 0)
                                open.push_back(ic.evening[static_cast<std::size_t>(d)]);
                        }
                        restrict(open);
                    }
                    if (mo.mode == model::delivery_mode::classroom) {
                        std::vector<span> open;
                        for (const auto v : pm.venues) {
                            const venue_c& vc = venues[v];
                            if (vc.closed[static_cast<std::size_t>(d)]) continue;
                            if (vc.any_time) open.push_back({w->a, w->b});
                            else
                                for (auto k = vc.open_off[static_cast<std::size_t>(d)];
                                     k < vc.open_off[static_cast<std::size_t>(d) + 1]; ++k)
                                    open.push_back(vc.open[k]);
                        }
                        restrict(open);
                    }
                    for (const auto& x : pieces) best = std::max(best, x.length());
                }
                if (wins_begin(pm, d) != wins_end(pm, d)) longest_by_day.push_back(best);
            }
            std::sort(longest_by_day.begin(), longest_by_day.end(), std::greater<>());
            const std::size_t quarter = longest_by_day.empty() ? 0 : (longest_by_day.size() - 1) / 4;
            const int longest = longest_by_day.empty() ? 0 : longest_by_day[quarter];
            pm.daily_max_jp = std::min(daily, longest / jp_minutes);
            if (pm.daily_max_jp <= 0) continue;
            for (std::size_t m = 0; m < mp.modules.size(); ++m) {
                const int jp = mp.modules[m].jp;
                const int n = (jp + pm.daily_max_jp - 1) / pm.daily_max_jp;
                std::int32_t prev = -1;
                std::int32_t prereq = mp.modules[m].after ? last_part_of[*mp.modules[m].after] : -1;
                int k = 0;
                for (const int part_jp : balanced(jp, n)) {
                    part_c pt;
                    pt.module = static_cast<std::uint16_t>(m);
                    pt.part = static_cast<std::uint16_t>(k++);
                    pt.jp = part_jp;
                    pt.minutes = part_jp * jp_minutes;
                    pt.prev = prev;
                    if (mp.modules[m].after) pt.prereq_module = static_cast<std::int32_t>(*mp.modules[m].after);
                    if (prev < 0) {
                        pt.prereq_last = prereq;
                        if (mp.modules[m].after) {
                            pt.gap_min = mp.modules[m].gap_min_days;
                            pt.gap_max = mp.modules[m].gap_max_days ? *mp.modules[m].gap_max_days : -1;
                        }
                    }
                    prev = static_cast<std::int32_t>(pm.parts.size());
                    pm.parts.push_back(pt);
                    pm.total_minutes += pt.minutes;
                }
                last_part_of[m] = prev;
            }
            fill_module_parts(pm, mp.modules.size());
            pc.deliveries.push_back(deliveries.next_index());
            deliveries.push_back(std::move(pm));
        }
    }
    return recordings;
}

/// Recordings of fixed sessions as self-paced deliveries of their own.
void compiled_model::compile_recordings(std::vector<pending_recording> recordings) {
    const model::scenario& s = scenario;
    const model::policy& p = policy;
    const date::time_zone& zone = *scenario.zone;
    // Recordings (docs/model.md "Recordings"): blocks of the session's minutes plus
    // the post-test, in the self-paced windows the policy allows, from the
    // session's end to `days` days later (never past the horizon).
    std::sort(recordings.begin(), recordings.end(), [](const pending_recording& x, const pending_recording& y) {
        return std::tie(x.program, x.session.a, x.offer) < std::tie(y.program, y.session.a, y.offer);
    });
    for (const auto& r : recordings) {
        const model::program& mp = s.programs[r.program];
        delivery_c pm;
        pm.program = u32(r.program);
        pm.offer = u32(r.offer);
        pm.mode = model::delivery_mode::self_paced;
        pm.live = false;
        pm.recording = true;
        pm.rec_window = {r.session.b, std::min<tmin>(horizon_end, r.session.b + r.rec.days * 1440)};
        pm.label = mp.id + "/recording";
        pm.win_off.assign(static_cast<std::size_t>(days) + 1, 0);
        for (int d = 0; d < days; ++d) {
            pm.win_off[static_cast<std::size_t>(d)] = u32(pm.wins.size());
            const day_c& dc = day[static_cast<std::size_t>(d)];
            if (dc.holiday) continue;
            const local_date ld = s.horizon.first + date::days{d};
            auto add = [&](calendar::clock_range cr, std::uint8_t kind) {
                const tmin a = std::max(pm.rec_window.a, rel(calendar::to_instant(local_minute{ld} + cr.start, zone), t0));
                const tmin b = std::min(pm.rec_window.b, rel(calendar::to_instant(local_minute{ld} + cr.end, zone), t0));
                if (a < b) pm.wins.push_back({a, b, kind});
            };
            const bool weekday = dc.weekday >= 1 && dc.weekday <= 5;
            if (weekday && policy_allows(p, model::window_kind::working_hours)) add(p.working_hours, 0);
            if (weekday && policy_allows(p, model::window_kind::after_hours)) add(p.after_hours, 1);
            if (!weekday && policy_allows(p, model::window_kind::weekend)) add(p.weekend, 2);
        }
        pm.win_off[static_cast<std::size_t>(days)] = u32(pm.wins.size());
        const int minutes = r.session.length() + r.rec.post_test_minutes;
        const auto lens = block_lengths(minutes, block_min, block_max, granularity);
        std::int32_t prev = -1;
        for (std::size_t k = 0; k < lens.size(); ++k) {
            part_c pt;
            pt.module = 0;
            pt.part = static_cast<std::uint16_t>(k);
            pt.minutes = lens[k];
            pt.prev = prev;
            prev = static_cast<std::int32_t>(pm.parts.size());
            pm.parts.push_back(pt);
        }
        pm.total_minutes = minutes;
        if (pm.parts.empty() || pm.wins.empty()) continue;
        fill_module_parts(pm, 1);
        programs[r.program].deliveries.push_back(deliveries.next_index());
        deliveries.push_back(std::move(pm));
    }
}

/// Declared demand, grouped by employee.
void compiled_model::compile_demand() {
    const model::scenario& s = scenario;
    const std::size_t n_emp = scenario.employees.size();
    demand.resize(s.demand.size());
    demand_off.assign(n_emp + 1, 0);
    for (const demand_id i : demand.indices()) {
        const auto& di = s.demand[i.value];
        demand_c& dc = demand[i];
        dc.employee = di.employee;
        dc.program = di.program.value;
        dc.mandatory = di.level == model::priority::mandatory;
        dc.deadline = horizon_end;
        if (di.deadline) {
            // 24:00 of the deadline date in the employee's zone (docs/model.md "Demand and placement").
            const date::time_zone& ez = *zones[employees[dc.employee].zone].tz;
            const tmin t = rel(calendar::to_instant(local_minute{*di.deadline + date::days{1}}, ez), t0);
            dc.deadline = std::min(dc.deadline, t);
        }
        demand_off[dc.employee.value + 1] += 1;
    }
    for (std::size_t e = 0; e < n_emp; ++e) demand_off[e + 1] += demand_off[e];
    demand_by_emp.resize(s.demand.size());
    {
        std::vector<std::uint32_t> fill(demand_off.begin(), demand_off.end() - 1);
        for (const demand_id i : demand.indices()) demand_by_emp[fill[demand[i].employee.value]++] = i;
    }
    declared = u32(demand.size());
}

/// Top-up candidates after declared demand.
void compiled_model::compile_top_up() {
    const model::scenario& s = scenario;
    const std::size_t n_emp = scenario.employees.size();
    // Top-up candidates (docs/model.md "Top-up"): every catalogue programme the
    // policy lets people study self-paced, for each eligible person with a target
    // who has not declared it.
    topup_off.assign(n_emp + 1, declared);
    topup_max_jp = s.catalogue.max_jp_per_person;
    std::vector<std::uint32_t> catalogue;
    for (const auto pi : s.catalogue.programs) {
        if (!pi.valid() || pi.value >= programs.size()) continue;
        const auto& list = programs[pi.value].deliveries;
        if (std::any_of(list.begin(), list.end(),
                        [&](delivery_id x) { return !deliveries[x].live && !deliveries[x].recording; }))
            catalogue.push_back(pi.value);
    }
    auto contains = [](const auto& v, const auto& x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    const auto& el = s.catalogue.eligible;
    for (std::size_t e = 0; e < n_emp; ++e) {
        topup_off[e] = u32(demand.size());
        const model::employee& me = s.employees[e];
        if (catalogue.empty() || me.jp_target <= 0 || !me.unit.valid()) continue;
        // A history that already meets the target still gets candidates: top-up a
        // re-plan must keep (begun before the re-plan instant) needs its demand
        // item; local_search's top_up adds none while the target is met.
        const model::unit& mu = s.units[me.unit.value];
        if (!el.status.empty() && !contains(el.status, me.status)) continue;
        if (!el.unit_kinds.empty() && !contains(el.unit_kinds, mu.kind)) continue;
        if (!el.units.empty() && !contains(el.units, me.unit)) continue;
        if (!el.districts.empty() && !contains(el.districts, mu.district)) continue;
        for (const auto cp : catalogue) {
            bool declared_already = false;
            for (const demand_id d : declared_of(employee_id{u32(e)}))
                declared_already = declared_already || demand[d].program == cp;
            if (declared_already) continue;
            demand_c dc;
            dc.employee = employee_id{u32(e)};
            dc.program = cp;
            dc.top_up = true;
            dc.deadline = horizon_end;
            demand.push_back(dc);
        }
    }
    topup_off[n_emp] = u32(demand.size());
}

bool compiled_model::available(employee_id e, tmin a, tmin b) const {
    if (a < 0 || b > horizon_end || b <= a) return false;
    int d = day_of(a);
    for (; d < days && day_start[static_cast<std::size_t>(d)] < b; ++d) {
        const tmin base = day_start[static_cast<std::size_t>(d)];
        const day_profile& p = profile(e, d);
        const rel_span* r = profile_spans.data() + p.off + p.work_n;
        for (std::uint16_t i = 0; i < p.unav_n; ++i)
            if (base + r[i].a < b && a < base + r[i].b) return false;
    }
    return true;
}

int compiled_model::work_minutes(employee_id e, tmin a, tmin b) const {
    int total = 0;
    for_each_work_piece(e, a, b, [&](tmin x, tmin y) { total += y - x; });
    return total;
}

int compiled_model::section_minutes(employee_id e, tmin a, tmin b, profile_section which) const {
    int total = 0;
    int d = day_of(a);
    if (d < 0) d = 0;
    for (; d < days && day_start[static_cast<std::size_t>(d)] < b; ++d) {
        const tmin base = day_start[static_cast<std::size_t>(d)];
        const day_profile& pr = profile(e, d);
        const bool duty = which == profile_section::duty;
        const std::uint16_t n = duty ? pr.duty_n : pr.brk_n;
        const rel_span* r = profile_spans.data() + pr.off + pr.work_n + pr.unav_n + (duty ? pr.brk_n : 0);
        for (std::uint16_t i = 0; i < n; ++i)
            total += std::max<tmin>(0, std::min<tmin>(b, base + r[i].b) - std::max<tmin>(a, base + r[i].a));
    }
    return total;
}

int compiled_model::duty_minutes(employee_id e, tmin a, tmin b) const {
    return duty_max_days < 0 ? 0 : section_minutes(e, a, b, profile_section::duty);
}

int compiled_model::break_minutes(employee_id e, tmin a, tmin b) const {
    return policy.protect_breaks ? 0 : section_minutes(e, a, b, profile_section::breaks);
}

bool compiled_model::venue_open(venue_id v, int d, tmin a, tmin b) const {
    const venue_c& vc = venues[v];
    if (vc.closed[static_cast<std::size_t>(d)]) return false;
    if (vc.any_time) return true;
    for (auto k = vc.open_off[static_cast<std::size_t>(d)]; k < vc.open_off[static_cast<std::size_t>(d) + 1]; ++k)
        if (vc.open[k].contains(a, b)) return true;
    return false;
}

bool compiled_model::instructor_open(instructor_id i, int d, tmin a, tmin b) const {
    const instructor_c& ic = instructors[i];
    if (ic.unavailable[static_cast<std::size_t>(d)]) return false;
    if (ic.any_time) return true;
    for (auto k = ic.open_off[static_cast<std::size_t>(d)]; k < ic.open_off[static_cast<std::size_t>(d) + 1]; ++k)
        if (ic.open[k].contains(a, b)) return true;
    return !ic.evening.empty() && ic.evening[static_cast<std::size_t>(d)].contains(a, b) &&
           ic.evening[static_cast<std::size_t>(d)].length() > 0;
}

bool compiled_model::instructor_evening(instructor_id i, int d, tmin a, tmin b) const {
    const instructor_c& ic = instructors[i];
    if (ic.evening.empty() || d < 0 || d >= days) return false;
    const span& ev = ic.evening[static_cast<std::size_t>(d)];
    if (ev.length() <= 0 || !ev.contains(a, b)) return false;
    for (auto k = ic.open_off[static_cast<std::size_t>(d)]; k < ic.open_off[static_cast<std::size_t>(d) + 1]; ++k)
        if (ic.open[k].contains(a, b)) return false;
    return true;
}

int compiled_model::cohort_cap(const delivery_c& pm, venue_id venue, std::int32_t fixed) const {
    int cap = pm.size_max;
    if (pm.mode == model::delivery_mode::classroom && venue.valid()) cap = std::min(cap, venues[venue].capacity);
    if (pm.mode == model::delivery_mode::online_live && pm.platform.valid())
        cap = std::min(cap, platforms[pm.platform].capacity);
    if (fixed >= 0) cap = std::min(cap, pm.fixed_capacity[static_cast<std::size_t>(fixed)]);
    return cap;
}

/// Refused modes per person, each delivery's mode as preferences see it, and the
/// preferences of everyone who can miss one (docs/model.md "Preferences").
void compiled_model::compile_preferences() {
    const model::scenario& s = scenario;
    for (auto& pm : deliveries) pm.mode_bit = mode_bit_of(pm.recording ? model::delivery_mode::online_live : pm.mode);
    model::index_vector<employee_id, pref_c> out(employees.size());
    for (const employee_id ei : employees.indices()) {
        const model::preferences& mp = s.employees[ei.value].prefs;
        employee_c& ec = employees[ei];
        pref_c& pc = out[ei];
        for (const auto m : mp.refused_modes) ec.refused_modes |= mode_bit_of(m);
        for (const auto m : mp.modes) pc.modes |= mode_bit_of(m);
        pc.days = mp.days != 0 ? mp.days : s.units[ec.unit.value].preferred_days;
        pc.days &= 0x7f;
        pc.avoid_weekdays = mp.avoid_weekdays & 0x7f;
        pc.times_off = u32(pref_times.size());
        for (const auto& r : mp.times)
            pref_times.push_back({static_cast<std::int16_t>(r.start.count()), static_cast<std::int16_t>(r.end.count())});
        pc.times_n = static_cast<std::uint16_t>(pref_times.size() - pc.times_off);
        pc.avoid_off = u32(pref_avoid.size());
        for (const auto& d : mp.avoid_dates) {
            // Local day indices of the person's zone run -1 .. days + 1; a date
            // outside them cannot hold any of the person's training.
            const auto k = (d - s.horizon.first).count();
            if (k >= -1 && k <= days + 1) pref_avoid.push_back(static_cast<std::int16_t>(k));
        }
        std::sort(pref_avoid.begin() + pc.avoid_off, pref_avoid.end());
        pc.avoid_n = static_cast<std::uint16_t>(pref_avoid.size() - pc.avoid_off);
        ec.prefers = pc.modes != 0 || pc.days != 0 || pc.avoid_weekdays != 0 || pc.times_n != 0 || pc.avoid_n != 0;
        any_prefs = any_prefs || ec.prefers;
    }
    if (any_prefs) {
        prefs = std::move(out);
    } else {
        pref_times.clear();
        pref_avoid.clear();
    }
}

bool compiled_model::day_missed(employee_id e, tmin a) const {
    if (!employees[e].prefers) return false;
    const pref_c& p = prefs[e];
    const int k = local_day(e, a);
    const int wd = ((weekday0 + k) % 7 + 7 + 1) % 7;  // c_encoding: weekday0 is ISO, Monday = 0
    const unsigned bit = 1U << static_cast<unsigned>(wd);
    if (p.avoid_weekdays & bit) return true;
    if (p.avoid_n != 0) {
        const auto first = pref_avoid.begin() + p.avoid_off;
        if (std::binary_search(first, first + p.avoid_n, static_cast<std::int16_t>(k))) return true;
    }
    return p.days != 0 && (p.days & bit) == 0;
}

bool compiled_model::clock_missed(employee_id e, tmin a, tmin b) const {
    if (!employees[e].prefers) return false;
    const pref_c& p = prefs[e];
    if (p.times_n == 0) return false;
    const tmin mid = local_midnight(e, local_day(e, a));
    const tmin x = a - mid, y = b - mid;
    for (std::uint32_t i = p.times_off; i < p.times_off + p.times_n; ++i)
        if (pref_times[i].a <= x && y <= pref_times[i].b) return false;
    return true;
}

std::size_t compiled_model::memory_bytes() const {
    std::size_t n = 0;
    n += profile_of.capacity() * sizeof(std::uint32_t);
    n += profiles.capacity() * sizeof(day_profile) + profile_spans.capacity() * sizeof(rel_span);
    n += employees.capacity() * sizeof(employee_c) + emp_shift.capacity() * sizeof(emp_shift_day);
    n += demand.capacity() * sizeof(demand_c) + demand_by_emp.capacity() * 4 + demand_off.capacity() * 4;
    for (const auto& pm : deliveries) n += pm.wins.capacity() * sizeof(window_c) + pm.win_off.capacity() * 4;
    n += prefs.capacity() * sizeof(pref_c) + pref_times.capacity() * sizeof(rel_span) + pref_avoid.capacity() * 2;
    return n;
}

}  // namespace jadwal::solve::detail
