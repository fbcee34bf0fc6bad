#include "plan.hpp"

#include "replan.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace jadwal::solve::detail {
namespace {

constexpr int max_week_load = 7 * 1440 + 1;

bool level_less(double a, double b) {
    const double tol = 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
    return a < b - tol;
}

/// Copies `from` into `to`, leaving room to grow: a plan's pools grow a little
/// between two snapshots, and an exact-size copy would allocate (and fault in)
/// megabytes afresh at every snapshot of the search's best plan.
template <class T>
void copy_with_room(std::vector<T>& to, const std::vector<T>& from) {
    if (to.capacity() < from.size()) {
        to.clear();
        to.reserve(from.size() + from.size() / 4);
    }
    to.assign(from.begin(), from.end());
}

}  // namespace

bool better(const objective3& a, const objective3& b) {
    if (level_less(a.published, b.published)) return true;
    if (level_less(b.published, a.published)) return false;
    if (level_less(a.participation, b.participation)) return true;
    if (level_less(b.participation, a.participation)) return false;
    if (level_less(a.stability, b.stability)) return true;
    if (level_less(b.stability, a.stability)) return false;
    if (level_less(a.burden, b.burden)) return true;
    if (level_less(b.burden, a.burden)) return false;
    return level_less(a.cost, b.cost);
}

bool not_worse(const objective3& a, const objective3& b) { return !better(b, a); }

plan::plan(const compiled_model& model) : cm(model) {
    place.resize(cm.demand.size());
    items.resize(cm.employees.size());
    placed_jp.assign(cm.employees.size(), 0);
    tot.work_by_class.assign(cm.weight_class.size(), 0);
    for (const demand_id d : cm.declared_demand()) {
        const auto& dc = cm.demand[d];
        const int jp = cm.programs[dc.program].jp;
        (dc.mandatory ? tot.unplaced_jp_mandatory : tot.unplaced_jp_elective) += jp;
        tot.unplaced_items += 1;
    }
    for (const auto& e : cm.employees) tot.shortfall_jp += std::max(0, e.jp_target - e.jp_earned);
    unit_days_.assign(cm.units.size() * static_cast<std::size_t>(cm.days), unit_day{});
    unit_pool_.assign(static_cast<std::size_t>(cm.slots_per_day), 0);  // block 0 is never used
    occ_pulled_.assign(cm.shift_occurrences.size(), 0);
    lieu_taken_.assign(cm.shift_occurrences.size(), 0);
    lieu_.resize(cm.employees.size());
    fair_hist_.assign(max_week_load, 0);
    venue_day_.resize(cm.venues.size() * static_cast<std::size_t>(cm.days));
    instr_day_.resize(cm.instructors.size() * static_cast<std::size_t>(cm.days));
    platform_day_.resize(cm.platforms.size() * static_cast<std::size_t>(cm.days));
    months_ = cm.days > 0 ? cm.day.back().month + 1 : 1;
    instr_month_days_.assign(cm.instructors.size() * static_cast<std::size_t>(months_), 0);
    instr_minutes_.assign(cm.instructors.size(), 0);
    instr_evening_minutes_.assign(cm.instructors.size(), 0);
    venue_days_.assign(cm.venues.size(), 0);
    pm_open_.assign(cm.deliveries.size(), 0);
    program_cohorts.resize(cm.programs.size());
}

void plan::assign(const plan& o) {
    assert(&cm == &o.cm);
    cohorts = o.cohorts;
    place = o.place;
    items = o.items;
    program_cohorts = o.program_cohorts;
    placed_jp = o.placed_jp;
    tot = o.tot;
    journal_ = o.journal_;
    saved_blocks_ = o.saved_blocks_;
    saved_cohorts_ = o.saved_cohorts_;
    unit_days_ = o.unit_days_;
    copy_with_room(unit_pool_, o.unit_pool_);
    occ_pulled_ = o.occ_pulled_;
    lieu_taken_ = o.lieu_taken_;
    lieu_ = o.lieu_;
    fair_hist_ = o.fair_hist_;
    venue_day_ = o.venue_day_;
    instr_day_ = o.instr_day_;
    platform_day_ = o.platform_day_;
    instr_month_days_ = o.instr_month_days_;
    months_ = o.months_;
    instr_minutes_ = o.instr_minutes_;
    instr_evening_minutes_ = o.instr_evening_minutes_;
    venue_days_ = o.venue_days_;
    pm_open_ = o.pm_open_;
    free_cohorts_ = o.free_cohorts_;
    prev_ = o.prev_;
    earliest_ = o.earliest_;
}

// ---------------------------------------------------------------- objective

objective3 plan::objective() const { return objective_of(cm, tot); }

objective3 objective_of(const compiled_model& cm, const totals& tot) {
    const auto& w = cm.weights;
    objective3 o;
    o.participation = w.unmet_mandatory * static_cast<double>(tot.unplaced_jp_mandatory) +
                      w.unmet_elective * static_cast<double>(tot.unplaced_jp_elective) +
                      w.jp_shortfall * static_cast<double>(tot.shortfall_jp);
    double weighted = 0;
    for (std::size_t k = 0; k < tot.work_by_class.size(); ++k)
        weighted += cm.weight_class[k] * static_cast<double>(tot.work_by_class[k]);
    o.burden = w.disruption * weighted + w.after_hours * static_cast<double>(tot.after_hours) +
               w.fairness * static_cast<double>(tot.fairness) +
               w.preference * static_cast<double>(tot.preference_misses);
    o.cost = w.cohort_opened * static_cast<double>(tot.live_cohorts) +
             w.cohort_underfilled * static_cast<double>(tot.underfill) +
             w.instructor_minute * static_cast<double>(tot.instructor_minutes) +
             w.duty_day * static_cast<double>(tot.duty_days);
    const double change = w.change * static_cast<double>(tot.changes);
    switch (cm.stability) {
        case model::stability_mode::strict:
            o.published = w.unmet_mandatory * static_cast<double>(tot.dropped_jp_mandatory) +
                          w.unmet_elective * static_cast<double>(tot.dropped_jp_elective);
            o.stability = change;
            break;
        case model::stability_mode::balanced: o.burden += change; break;
        case model::stability_mode::free: o.cost += change; break;
    }
    return o;
}

double plan::money() const {
    double m = 0;
    for (const delivery_id p : cm.deliveries.indices()) {
        if (pm_open_[p] == 0) continue;
        m += cm.cohort_money(cm.deliveries[p]) * pm_open_[p];
    }
    for (const venue_id v : cm.venues.indices()) m += cm.venues[v].cost_per_day * venue_days_[v];
    for (const instructor_id i : cm.instructors.indices())
        m += (cm.instructors[i].cost_per_hour * static_cast<double>(instr_minutes_[i] - instr_evening_minutes_[i]) +
              cm.instructors[i].evening_cost_per_hour * static_cast<double>(instr_evening_minutes_[i])) /
             60.0;
    return m + cm.duty_allowance * static_cast<double>(tot.duty_days);
}

bool plan::budget_ok() const {
    if (cm.budget_classroom >= 0 && tot.classroom_cohorts > cm.budget_classroom) return false;
    if (cm.budget_cost >= 0 && money() > cm.budget_cost * (1 + 1e-9)) return false;
    return true;
}

// ---------------------------------------------------------------- reads

item plan::make_item(employee_id e, demand_id d, std::uint16_t sub, tmin a, tmin b) const {
    item it;
    it.a = a;
    it.b = b;
    it.demand = d;
    it.sub = sub;
    const int ld = cm.local_day(e, a);
    it.lday = static_cast<std::int16_t>(ld);
    it.week = static_cast<std::int16_t>(cm.week_of(ld));
    it.work = static_cast<std::int16_t>(cm.work_minutes(e, a, b));
    it.brk = static_cast<std::int16_t>(cm.break_minutes(e, a, b));
    if (cm.duty_max_days >= 0) it.duty = static_cast<std::int16_t>(cm.duty_minutes(e, a, b));
    return it;
}

int plan::day_minutes(employee_id e, int lday) const {
    int m = 0;
    for (const auto& it : items[e])
        if (it.lday == lday) m += it.length();
    return m;
}

int plan::day_after_hours(employee_id e, int lday) const {
    int m = 0;
    for (const auto& it : items[e])
        if (it.lday == lday) m += it.after_hours();
    return m;
}

int plan::week_after_hours(employee_id e, int week) const {
    int m = 0;
    for (const auto& it : items[e])
        if (it.week == week) m += it.after_hours();
    return m;
}

void plan::count_unit_slots(unit_id u, int d, int s0, int s1, int sign) {
    unit_day& ud = unit_day_of(u, d);
    const auto n = static_cast<std::size_t>(cm.slots_per_day);
    if (ud.row == 0) {
        ud.row = static_cast<std::uint32_t>(unit_pool_.size() / n);
        unit_pool_.resize(unit_pool_.size() + n, 0);
    }
    std::uint16_t* c = unit_pool_.data() + static_cast<std::size_t>(ud.row) * n;
    bool peak_left = false;
    for (int sl = s0; sl < s1; ++sl) {
        peak_left = peak_left || (sign < 0 && c[sl] == ud.peak);
        c[sl] = static_cast<std::uint16_t>(c[sl] + sign);
        if (c[sl] > ud.peak) ud.peak = c[sl];
    }
    if (peak_left) ud.peak = *std::max_element(c, c + n);
}

std::uint16_t plan::unit_count(unit_id u, int d, int slot) const {
    const unit_day& ud = unit_day_of(u, d);
    if (ud.row == 0) return 0;
    return unit_pool_[static_cast<std::size_t>(ud.row) * static_cast<std::size_t>(cm.slots_per_day) +
                      static_cast<std::size_t>(slot)];
}

bool plan::item_ok(employee_id e, demand_id d, tmin a, tmin b, refusal* why) const {
    auto fail = [&](refusal r) {
        if (why) *why = r;
        return false;
    };
    if (a < 0 || b > cm.horizon_end || b <= a) return fail(refusal::horizon);
    if (a < earliest_) return fail(refusal::pinned);
    const int ld = cm.local_day(e, a);
    if (cm.local_midnight(e, ld + 1) < b) return fail(refusal::horizon);
    if (b > cm.demand[d].deadline) return fail(refusal::deadline);
    if (!cm.available(e, a, b)) return fail(refusal::unavailable);
    const auto& its = items[e];
    {
        // First item ending after a.
        auto it = std::lower_bound(its.begin(), its.end(), a, [](const item& x, tmin t) { return x.b <= t; });
        if (it != its.end() && it->a < b) return fail(refusal::overlap);
    }
    const int len = b - a;
    // Working time of the item, and whether its unit may miss one more person then.
    const unit_id u = cm.employees[e].unit;
    const int limit = cm.units[u].limit;
    int work = 0;
    bool unit_ok = true;
    cm.for_each_work_piece_on(e, a, b, [&](int dd, tmin x, tmin y) {
        work += y - x;
        if (!unit_ok) return;
        const unit_day& ud = unit_day_of(u, dd);
        if (ud.peak < limit) return;  // room in every slot of the day (also a day with no row yet)
        const tmin base = cm.day_start[static_cast<std::size_t>(dd)];
        const int s0 = (x - base) / cm.granularity;
        const int s1 = std::min(cm.slots_per_day, (y - base + cm.granularity - 1) / cm.granularity);
        const std::uint16_t* c = unit_pool_.data() + static_cast<std::size_t>(ud.row) * static_cast<std::size_t>(cm.slots_per_day);
        for (int sl = s0; sl < s1; ++sl)
            if (c[sl] >= limit) {
                unit_ok = false;
                return;
            }
    });
    const int duty = cm.duty_max_days >= 0 ? cm.duty_minutes(e, a, b) : 0;
    const int ah = len - work - cm.break_minutes(e, a, b) - duty;
    // The person's limits per day and week, in one pass over their items.
    const bool day_limit = cm.max_training_per_day >= 0 && !(relax_ & relax_day_limit);
    const bool ah_limits =
        ah > 0 && (cm.max_ah_per_day >= 0 || cm.max_ah_per_week >= 0) && !(relax_ & relax_after_hours_limit);
    if (day_limit || ah_limits) {
        const int wk = cm.week_of(ld);
        int day_m = 0, day_ah = 0, week_ah = 0;
        for (const auto& x : its) {
            if (x.lday == ld) day_m += x.length(), day_ah += x.after_hours();
            if (x.week == wk) week_ah += x.after_hours();
        }
        if (day_limit && day_m + len > cm.max_training_per_day) return fail(refusal::day_limit);
        if (ah_limits && cm.max_ah_per_day >= 0 && day_ah + ah > cm.max_ah_per_day) return fail(refusal::after_hours_day);
        if (ah_limits && cm.max_ah_per_week >= 0 && week_ah + ah > cm.max_ah_per_week)
            return fail(refusal::after_hours_week);
    }
    if (!unit_ok && !(relax_ & relax_unit_limit)) return fail(refusal::unit_limit);
    const auto& ec = cm.employees[e];
    if (ec.rostered_off >= 0 && on_day_in_lieu(e, a, b)) return fail(refusal::day_in_lieu);
    if (duty > 0 && std::none_of(its.begin(), its.end(), [&](const item& x) { return x.lday == ld && x.duty > 0; })) {
        // A new assigned-duty day: within the month's limit, and with a day in lieu to earn.
        const int month = cm.month_of(ld);
        int days_in_month = 0, last = std::numeric_limits<int>::min();
        for (const auto& x : its)  // sorted by start, so one local day's items are adjacent
            if (x.duty > 0 && x.lday != last && cm.month_of(x.lday) == month) ++days_in_month, last = x.lday;
        if (days_in_month >= cm.duty_max_days) return fail(refusal::duty_days);
        if (ec.rostered_off >= 0 && find_day_in_lieu(e, ld, span{a, b}) < 0) return fail(refusal::day_in_lieu);
        if (cm.budget_cost >= 0 && cm.duty_allowance > 0 && money() + cm.duty_allowance > cm.budget_cost * (1 + 1e-9))
            return fail(refusal::budget);
    }
    if (ec.shift_off >= 0 && !(relax_ & relax_shift_minimum)) {
        const int d0 = cm.day_of(a);
        for (int dd = std::max(0, d0 - 1); dd <= std::min(cm.days - 1, d0 + 1); ++dd) {
            const emp_shift_day& sd = cm.emp_shift[static_cast<std::size_t>(ec.shift_off) + static_cast<std::size_t>(dd)];
            if (sd.occ < 0 || !(sd.a < b && a < sd.b)) continue;
            bool already = false;
            for (const auto& x : its)
                if (x.a < sd.b && sd.a < x.b) {
                    already = true;
                    break;
                }
            if (!already && pulled(static_cast<std::uint32_t>(sd.occ)) + 1 > cm.shift_occurrences[static_cast<std::size_t>(sd.occ)].allowed_pull)
                return fail(refusal::shift_minimum);
        }
    }
    return true;
}

int plan::travel_for(const cohort_t& c, employee_id e) const {
    return cm.travel_to(e, c.venue);
}

double plan::item_burden(employee_id e, tmin a, tmin b) const {
    const auto& w = cm.weights;
    const unit_id u = cm.employees[e].unit;
    double weighted = 0;
    int work = 0;
    cm.for_each_work_piece(e, a, b, [&](tmin x, tmin y) {
        work += y - x;
        cm.for_each_class_piece(u, x, y, [&](std::uint8_t cls, int m) { weighted += cm.weight_class[cls] * m; });
    });
    return w.disruption * weighted + w.after_hours * (b - a - work);
}

int plan::instructor_day_minutes(instructor_id i, int d) const {
    int m = 0;
    for (const auto& bk : instructor_day(i, d)) m += bk.b - bk.a;
    return m;
}

bool plan::instructor_evenings_ok(instructor_id i, int d, cohort_id ignore, int ignore_day,
                                  const std::vector<int>& extra) const {
    const auto& ic = cm.instructors[i];
    if (ic.evenings_per_week < 0) return true;
    const int week = cm.week_of(d);
    int n = 1;  // day d
    int first = d;
    while (first > 0 && cm.week_of(first - 1) == week) --first;
    for (int dd = first; dd < cm.days && cm.week_of(dd) == week; ++dd) {
        if (dd == d) continue;
        bool evening = std::find(extra.begin(), extra.end(), dd) != extra.end();
        for (const auto& bk : instructor_day(i, dd)) {
            if (evening) break;
            if (bk.cohort == ignore && dd == ignore_day) continue;
            evening = cm.instructor_evening(i, dd, bk.a, bk.b);
        }
        n += evening ? 1 : 0;
    }
    return n <= ic.evenings_per_week;
}

bool plan::instructor_free(instructor_id i, int d, tmin a, tmin b, cohort_id ignore, int ignore_day) const {
    if (!cm.instructor_open(i, d, a, b)) return false;
    if (cm.instructor_evening(i, d, a, b) && !instructor_evenings_ok(i, d, ignore, ignore_day)) return false;
    int minutes = 0;
    bool busy_day = false;
    for (const auto& bk : instructor_day(i, d)) {
        if (bk.cohort == ignore) continue;
        if (bk.a < b && a < bk.b) return false;
        minutes += bk.b - bk.a;
        busy_day = true;
    }
    const auto& ic = cm.instructors[i];
    if (minutes + (b - a) > ic.max_minutes_per_day) return false;
    if (!busy_day && ic.max_days_per_month >= 0 && !(relax_ & relax_instructor_month)) {
        int month_days = instructor_month_days(i, cm.day[static_cast<std::size_t>(d)].month);
        // A day of the ignored cohort alone would be freed.
        if (ignore.valid() && !instructor_day(i, d).empty()) month_days -= 1;
        if (month_days + 1 > ic.max_days_per_month) return false;
    }
    return true;
}

bool plan::venue_free(venue_id v, int d, tmin a, tmin b, cohort_id ignore) const {
    if (!cm.venue_open(v, d, a, b)) return false;
    for (const auto& bk : venue_day(v, d))
        if (bk.cohort != ignore && bk.a < b && a < bk.b) return false;
    return true;
}

bool plan::platform_free(platform_id p, int d, tmin a, tmin b, cohort_id ignore) const {
    const int limit = cm.platforms[p].concurrent;
    const auto& bks = platform_day(p, d);
    int n = 0;
    for (const auto& bk : bks)
        if (bk.cohort != ignore && bk.a < b && a < bk.b) ++n;
    if (n + 1 <= limit) return true;
    // Several overlap the new session: the largest number at one instant inside it.
    for (const auto& x : bks) {
        if (x.cohort == ignore || !(x.a < b && a < x.b)) continue;
        const tmin t = std::max(x.a, a);
        int at = 0;
        for (const auto& y : bks)
            if (y.cohort != ignore && y.a <= t && t < y.b) ++at;
        if (at + 1 > limit) return false;
    }
    return true;
}

bool plan::order_ok(const cohort_t& c, std::uint32_t k, int d) const {
    const delivery_c& pm = cm.deliveries[c.pm];
    const auto& parts = pm.parts;
    const auto& ses = c.sessions;
    const session_t& me = ses[k];
    for (std::size_t j = 0; j < ses.size(); ++j)
        if (j != k && ses[j].day == d) return false;  // one session of a cohort a day
    const part_c& pk = parts[k];
    if (pk.prev >= 0) {
        const int pd = ses[static_cast<std::size_t>(pk.prev)].day;
        if (!(pd < d && d - pd <= 7)) return false;
    }
    if (k + 1 < parts.size() && parts[k + 1].prev == static_cast<std::int32_t>(k)) {
        const int nd = ses[k + 1].day;
        if (!(d < nd && nd - d <= 7)) return false;
    }
    auto module_bounds = [&](int module, tmin& first_a, tmin& last_b, int& first_day, int& last_day) {
        const auto [p0, n] = pm.module_parts[static_cast<std::size_t>(module)];
        first_a = INT32_MAX, last_b = INT32_MIN, first_day = INT32_MAX, last_day = INT32_MIN;
        for (std::uint32_t j = p0; j < p0 + n; ++j) {
            const session_t& s = (j == k) ? me : ses[j];
            const int sd = (j == k) ? d : s.day;
            first_a = std::min(first_a, s.a);
            last_b = std::max(last_b, s.b);
            first_day = std::min(first_day, sd);
            last_day = std::max(last_day, sd);
        }
    };
    // Every module whose prerequisite relation touches this module.
    const int mod = pk.module;
    for (std::size_t m = 0; m < pm.module_parts.size(); ++m) {
        const auto [p0, n] = pm.module_parts[m];
        if (n == 0) continue;
        const part_c& first = parts[p0];
        if (first.prereq_module < 0) continue;
        if (static_cast<int>(m) != mod && first.prereq_module != mod) continue;
        tmin fa, lb, fa2, lb2;
        int fd, ld, fd2, ld2;
        module_bounds(first.prereq_module, fa, lb, fd, ld);   // prerequisite
        module_bounds(static_cast<int>(m), fa2, lb2, fd2, ld2);  // dependent
        if (fa2 < lb) return false;
        const int gap = fd2 - ld;
        if (gap < first.gap_min) return false;
        if (first.gap_max >= 0 && gap > first.gap_max) return false;
    }
    return true;
}

bool plan::session_ok(cohort_id c, std::uint32_t k, int d, tmin a, tmin b, refusal* why) const {
    auto fail = [&](refusal r) {
        if (why) *why = r;
        return false;
    };
    const cohort_t& co = cohorts[c];
    const delivery_c& pm = cm.deliveries[co.pm];
    if (d < 0 || d >= cm.days) return fail(refusal::structure);
    if (a < earliest_) return fail(refusal::pinned);
    if ((a - cm.day_start[static_cast<std::size_t>(d)]) % cm.granularity != 0) return fail(refusal::structure);
    bool in_window = false;
    for (const window_c* w = cm.wins_begin(pm, d); w != cm.wins_end(pm, d); ++w)
        if (w->a <= a && b <= w->b) {
            in_window = true;
            break;
        }
    if (!in_window) return fail(refusal::structure);
    if (co.venue.valid() && !venue_free(co.venue, d, a, b, c)) return fail(refusal::resource);
    if (pm.platform.valid() && !platform_free(pm.platform, d, a, b, c)) return fail(refusal::resource);
    const int old_day = k < co.sessions.size() ? co.sessions[k].day : -1;
    for (const auto i : co.instructors)
        if (!instructor_free(i, d, a, b, c, old_day)) return fail(refusal::resource);
    return true;
}

bool plan::jp_cap_ok(employee_id e, std::uint32_t program) const {
    const int cap = cm.employees[e].jp_cap;
    // JP earned this year (history) use up the cap; a history already above it leaves nothing.
    return cap < 0 || placed_jp[e] + cm.programs[program].jp <= std::max(0, cap - cm.employees[e].jp_earned);
}

// ---------------------------------------------------------------- raw mutations

void plan::week_load_change(employee_id e, int week, int before, int after) {
    (void)e;
    (void)week;
    if (before == after) return;
    if (before > 0) fair_hist_[static_cast<std::size_t>(before)] -= 1;
    if (after > 0) fair_hist_[static_cast<std::size_t>(after)] += 1;
    if (after > tot.fairness) tot.fairness = after;
    while (tot.fairness > 0 && fair_hist_[static_cast<std::size_t>(tot.fairness)] == 0) --tot.fairness;
}

void plan::account_item(employee_id e, const item& it, int sign) {
    // Called with `it` absent from items[e].
    const unit_id u = cm.employees[e].unit;
    if (it.work > 0) {
        cm.for_each_work_piece_on(e, it.a, it.b, [&](int dd, tmin x, tmin y) {
            const tmin base = cm.day_start[static_cast<std::size_t>(dd)];
            const int s0 = (x - base) / cm.granularity;
            const int s1 = std::min(cm.slots_per_day, (y - base + cm.granularity - 1) / cm.granularity);
            count_unit_slots(u, dd, s0, s1, sign);
            if (cm.units[u].crit.empty()) tot.work_by_class[0] += sign * (y - x);
            else cm.for_each_class_piece(u, x, y, [&](std::uint8_t cls, int m) { tot.work_by_class[cls] += sign * m; });
        });
    }
    const int ah = it.after_hours();
    tot.after_hours += sign * ah;
    if (ah > 0) {
        const int w = week_after_hours(e, it.week);
        week_load_change(e, it.week, sign > 0 ? w : w + ah, sign > 0 ? w + ah : w);
    }
    const auto& ec = cm.employees[e];
    if (ec.shift_off >= 0) {
        const int d0 = cm.day_of(it.a);
        for (int dd = std::max(0, d0 - 1); dd <= std::min(cm.days - 1, d0 + 1); ++dd) {
            const emp_shift_day& sd = cm.emp_shift[static_cast<std::size_t>(ec.shift_off) + static_cast<std::size_t>(dd)];
            if (sd.occ < 0 || !(sd.a < it.b && it.a < sd.b)) continue;
            bool other = false;
            for (const auto& x : items[e])
                if (x.a < sd.b && sd.a < x.b) {
                    other = true;
                    break;
                }
            if (!other) occ_pulled_[static_cast<std::size_t>(sd.occ)] += sign;
        }
    }
}

void plan::account_duty(employee_id e, const item& it, int sign) {
    const bool other = std::any_of(items[e].begin(), items[e].end(),
                                   [&](const item& x) { return x.lday == it.lday && x.duty > 0; });
    if (other) return;
    tot.duty_days += sign;
    if (cm.employees[e].rostered_off < 0) return;
    auto& ls = lieu_[e];
    if (sign > 0) {
        const int day = find_day_in_lieu(e, it.lday);
        ls.push_back({it.lday, static_cast<std::int16_t>(day)});
        if (day >= 0) take_day_in_lieu(e, day, +1);
        return;
    }
    for (auto l = ls.begin(); l != ls.end(); ++l)
        if (l->duty_day == it.lday) {
            if (l->lieu_day >= 0) take_day_in_lieu(e, l->lieu_day, -1);
            ls.erase(l);
            return;
        }
}

void plan::take_day_in_lieu(employee_id e, int day, int sign) {
    const rostered_day& rd = cm.rostered[static_cast<std::size_t>(cm.employees[e].rostered_off) + static_cast<std::size_t>(day)];
    if (rd.occ >= 0) lieu_taken_[static_cast<std::size_t>(rd.occ)] += sign;
}

int plan::find_day_in_lieu(employee_id e, int ld, span also) const {
    const auto off = static_cast<std::size_t>(cm.employees[e].rostered_off);
    const auto& ls = lieu_[e];
    const auto& its = items[e];
    for (int k = std::max(0, ld + 1); k <= ld + cm.lieu_window && k < cm.days; ++k) {
        const rostered_day& rd = cm.rostered[off + static_cast<std::size_t>(k)];
        if (rd.a == rd.b) continue;
        if (std::any_of(ls.begin(), ls.end(), [k](const lieu_t& l) { return l.lieu_day == k; })) continue;
        auto it = std::lower_bound(its.begin(), its.end(), rd.a, [](const item& x, tmin t) { return x.b <= t; });
        if (it != its.end() && it->a < rd.b) continue;  // trains during that shift
        if (also.overlaps(rd.a, rd.b)) continue;
        if (rd.occ >= 0 && pulled(static_cast<std::uint32_t>(rd.occ)) + 1 > cm.shift_occurrences[static_cast<std::size_t>(rd.occ)].allowed_pull)
            continue;
        return k;
    }
    return -1;
}

bool plan::on_day_in_lieu(employee_id e, tmin a, tmin b) const {
    const auto off = static_cast<std::size_t>(cm.employees[e].rostered_off);
    for (const auto& l : lieu_[e]) {
        if (l.lieu_day < 0) continue;
        const rostered_day& rd = cm.rostered[off + static_cast<std::size_t>(l.lieu_day)];
        if (rd.a < b && a < rd.b && find_day_in_lieu(e, l.duty_day, span{a, b}) < 0) return true;
    }
    return false;
}

void plan::move_days_in_lieu_off(employee_id e, const item& it) {
    const auto off = static_cast<std::size_t>(cm.employees[e].rostered_off);
    for (auto& l : lieu_[e]) {
        if (l.lieu_day < 0) continue;
        const rostered_day& rd = cm.rostered[off + static_cast<std::size_t>(l.lieu_day)];
        if (!(rd.a < it.b && it.a < rd.b)) continue;
        take_day_in_lieu(e, l.lieu_day, -1);
        l.lieu_day = -1;
        const int day = find_day_in_lieu(e, l.duty_day);
        l.lieu_day = static_cast<std::int16_t>(day);
        if (day >= 0) take_day_in_lieu(e, day, +1);
    }
}

bool plan::complete_days_in_lieu() {
    bool all = true;
    for (const employee_id e : lieu_.indices())
        for (auto& l : lieu_[e]) {
            if (l.lieu_day >= 0) continue;
            const int day = find_day_in_lieu(e, l.duty_day);
            if (day < 0) {
                all = false;
                continue;
            }
            l.lieu_day = static_cast<std::int16_t>(day);
            take_day_in_lieu(e, day, +1);
        }
    return all;
}

void plan::add_item_raw(employee_id e, const item& it) {
    account_item(e, it, +1);
    if (it.duty > 0) account_duty(e, it, +1);
    auto& its = items[e];
    auto pos = std::lower_bound(its.begin(), its.end(), it.a, [](const item& x, tmin t) { return x.a < t; });
    its.insert(pos, it);
    // An unchecked addition (a rollback re-adding items in order, a re-plan's import)
    // may land on a day in lieu reserved meanwhile: that duty day takes its next free date.
    if (cm.employees[e].rostered_off >= 0) move_days_in_lieu_off(e, it);
}

void plan::remove_item_raw(employee_id e, demand_id demand, std::uint16_t sub) {
    auto& its = items[e];
    for (auto it = its.begin(); it != its.end(); ++it)
        if (it->demand == demand && it->sub == sub) {
            const item copy = *it;
            its.erase(it);
            account_item(e, copy, -1);
            if (copy.duty > 0) account_duty(e, copy, -1);
            return;
        }
    assert(false && "item not found");
}

void plan::set_placed(demand_id d, bool placed) {
    const auto& dc = cm.demand[d];
    const int jp = cm.programs[dc.program].jp;
    const int sign = placed ? -1 : +1;
    if (!dc.top_up) {  // top-up is not demand: unplaced, it costs only through the shortfall
        (dc.mandatory ? tot.unplaced_jp_mandatory : tot.unplaced_jp_elective) += sign * jp;
        tot.unplaced_items += sign;
        if (prev_ && prev_->published[d])
            (dc.mandatory ? tot.dropped_jp_mandatory : tot.dropped_jp_elective) += sign * jp;
    }
    const int target = cm.employees[dc.employee].jp_target - cm.employees[dc.employee].jp_earned;
    const int before = std::max(0, target - placed_jp[dc.employee]);
    placed_jp[dc.employee] += placed ? jp : -jp;
    const int after = std::max(0, target - placed_jp[dc.employee]);
    tot.shortfall_jp += after - before;
}

namespace {
int underfill_of(int half, int members) { return std::max(0, half - members); }
}  // namespace

void plan::underfill_change(const cohort_t& c, int before, int after) {
    tot.underfill += underfill_of(c.half, after) - underfill_of(c.half, before);
}

void plan::book_session(cohort_id c, std::uint32_t k, int sign) {
    const cohort_t& co = cohorts[c];
    const session_t& s = co.sessions[k];
    const delivery_c& pm = cm.deliveries[co.pm];
    const booking bk{s.a, s.b, c};
    auto insert = [&](std::vector<booking>& v) {
        if (sign > 0) {
            auto pos = std::lower_bound(v.begin(), v.end(), bk, [](const booking& x, const booking& y) {
                return x.a < y.a || (x.a == y.a && x.cohort < y.cohort);
            });
            v.insert(pos, bk);
        } else {
            for (auto it = v.begin(); it != v.end(); ++it)
                if (it->cohort == c && it->a == s.a && it->b == s.b) {
                    v.erase(it);
                    return;
                }
            assert(false && "booking not found");
        }
    };
    const auto day = static_cast<std::size_t>(s.day);
    const auto D = static_cast<std::size_t>(cm.days);
    // A previous session is a change until a cohort continuing its own has it unchanged.
    if (co.origin >= 0 && prev_->same_session(co, k)) tot.changes -= sign;
    if (co.venue.valid()) {
        auto& v = venue_day_[co.venue.value * D + day];
        const bool was_empty = v.empty();
        insert(v);
        if (sign > 0 && was_empty) venue_days_[co.venue] += 1;
        if (sign < 0 && v.empty()) venue_days_[co.venue] -= 1;
    }
    if (pm.platform.valid()) insert(platform_day_[pm.platform.value * D + day]);
    for (const auto i : co.instructors) {
        auto& v = instr_day_[i.value * D + day];
        const bool was_empty = v.empty();
        insert(v);
        const auto mi = i.value * static_cast<std::size_t>(months_) + static_cast<std::size_t>(cm.day[day].month);
        if (sign > 0 && was_empty) instr_month_days_[mi] += 1;
        if (sign < 0 && v.empty()) instr_month_days_[mi] -= 1;
        instr_minutes_[i] += sign * (s.b - s.a);
        if (cm.instructor_evening(i, s.day, s.a, s.b)) instr_evening_minutes_[i] += sign * (s.b - s.a);
        tot.instructor_minutes += sign * (s.b - s.a);
    }
}

void plan::count_cohort(const cohort_t& c, int sign) {
    auto& list = program_cohorts[cm.deliveries[c.pm].program];
    const cohort_id id{static_cast<std::uint32_t>(&c - cohorts.data())};
    const auto pos = std::lower_bound(list.begin(), list.end(), id);
    if (sign > 0) list.insert(pos, id);
    else list.erase(pos);
    tot.live_cohorts += sign;
    if (cm.deliveries[c.pm].mode == model::delivery_mode::classroom) tot.classroom_cohorts += sign;
    pm_open_[c.pm] += sign;
    tot.underfill += sign * underfill_of(c.half, static_cast<int>(c.members.size()));
}

// ---------------------------------------------------------------- cohorts

cohort_id plan::open_cohort(delivery_id pm, venue_id venue, std::int32_t fixed,
                            const std::vector<instructor_id>& instructors, const std::vector<session_t>& sessions,
                            std::int32_t origin) {
    cohort_id c;
    const bool reused = !free_cohorts_.empty();
    if (reused) {
        c = free_cohorts_.back();
        free_cohorts_.pop_back();
        // The closed cohort may come back if the close is rolled back.
        saved_cohorts_.push_back(std::move(cohorts[c]));
    } else {
        c = cohorts.next_index();
        cohorts.emplace_back();
    }
    cohort_t& co = cohorts[c];
    co.pm = pm;
    co.alive = true;
    co.venue = venue;
    co.fixed = fixed;
    co.instructors = instructors;
    co.sessions = sessions;
    co.members.clear();
    co.cap = cm.cohort_cap(cm.deliveries[pm], venue, fixed);
    co.half = (cm.scenario.programs[cm.deliveries[pm].program].cohort_max + 1) / 2;
    co.origin = prev_ ? origin : -1;
    count_cohort(co, +1);
    for (std::uint32_t k = 0; k < co.sessions.size(); ++k) book_session(c, k, +1);
    journal_.push_back({op::open, c.value, reused ? 1U : 0U, {}, {}, {}, 0});
    return c;
}

void plan::close_cohort(cohort_id c) {
    cohort_t& co = cohorts[c];
    assert(co.alive && co.members.empty());
    for (std::uint32_t k = 0; k < co.sessions.size(); ++k) book_session(c, k, -1);
    count_cohort(co, -1);
    co.alive = false;
    free_cohorts_.push_back(c);
    journal_.push_back({op::close, c.value, 0, {}, {}, {}, 0});
}

bool plan::do_join(cohort_id c, demand_id d, bool check, refusal* why, bool journal) {
    auto fail = [&](refusal r) {
        if (why) *why = r;
        return false;
    };
    cohort_t& co = cohorts[c];
    const demand_c& dc = cm.demand[d];
    const employee_id e = dc.employee;
    if (check) {
        if (!co.alive || place[d].kind != place_kind::none) return fail(refusal::structure);
        if (cm.deliveries[co.pm].program != dc.program) return fail(refusal::structure);
        if (prev_ && prev_->frozen(co)) return fail(refusal::pinned);
        const int cap = co.cap + ((relax_ & relax_capacity) ? 1 : 0);
        if (static_cast<int>(co.members.size()) >= cap) return fail(refusal::cohort_full);
        if (!jp_cap_ok(e, dc.program)) return fail(refusal::jp_cap);
        const delivery_c& pm = cm.deliveries[co.pm];
        if (cm.refuses(e, pm)) return fail(refusal::mode_refused);
        if (!(relax_ & relax_acceptance))
            for (const auto& s : co.sessions)
                if (!cm.accepts_at(e, pm, s.day, s.a, s.b)) return fail(refusal::acceptance);
    }
    const int travel = travel_for(co, e);
    for (std::uint32_t k = 0; k < co.sessions.size(); ++k) {
        const session_t& s = co.sessions[k];
        const tmin a = s.a - travel, b = s.b + travel;
        if (check && !item_ok(e, d, a, b, why)) {
            for (std::uint32_t j = 0; j < k; ++j) remove_item_raw(e, d, static_cast<std::uint16_t>(j));
            return false;
        }
        add_item_raw(e, make_item(e, d, static_cast<std::uint16_t>(k), a, b));
    }
    const int before = static_cast<int>(co.members.size());
    co.members.push_back(d);
    underfill_change(co, before, before + 1);
    if (cm.any_prefs) tot.preference_misses += cohort_misses(e, co);
    if (co.origin >= 0) tot.changes += prev_->cohort_of[d] == co.origin ? -1 : +1;
    place[d].kind = place_kind::cohort;
    place[d].cohort = c;
    set_placed(d, true);
    if (journal) journal_.push_back({op::join, c.value, d.value, {}, {}, {}, 0});
    return true;
}

bool plan::join(cohort_id c, demand_id d, refusal* why) {
    return do_join(c, d, true, why, true);
}

void plan::do_leave(demand_id d, bool journal) {
    placement& pl = place[d];
    assert(pl.kind == place_kind::cohort);
    const cohort_id c = pl.cohort;
    cohort_t& co = cohorts[c];
    const employee_id e = cm.demand[d].employee;
    for (std::uint32_t k = 0; k < co.sessions.size(); ++k) remove_item_raw(e, d, static_cast<std::uint16_t>(k));
    if (cm.any_prefs) tot.preference_misses -= cohort_misses(e, co);
    const auto it = std::find(co.members.begin(), co.members.end(), d);
    const auto pos = static_cast<std::int32_t>(it - co.members.begin());
    const int before = static_cast<int>(co.members.size());
    *it = co.members.back();
    co.members.pop_back();
    underfill_change(co, before, before - 1);
    if (co.origin >= 0) tot.changes += prev_->cohort_of[d] == co.origin ? +1 : -1;
    pl.kind = place_kind::none;
    pl.cohort = {};
    set_placed(d, false);
    if (journal) journal_.push_back({op::leave, c.value, d.value, {}, {}, {}, pos});
}

void plan::leave(demand_id d) {
    do_leave(d, true);
}

// ---------------------------------------------------------------- self-paced

namespace {
bool block_in_window(const compiled_model& cm, const delivery_c& pm, tmin a, tmin b) {
    const int d = cm.day_of(a);
    if (d < 0 || d >= cm.days) return false;
    if ((a - cm.day_start[static_cast<std::size_t>(d)]) % cm.granularity != 0) return false;
    for (const window_c* w = cm.wins_begin(pm, d); w != cm.wins_end(pm, d); ++w)
        if (w->a <= a && b <= w->b) return true;
    return false;
}
}  // namespace

bool plan::do_self_place(demand_id d, delivery_id pmi, const std::vector<span>& blocks, bool check, refusal* why,
                         bool journal) {
    auto fail = [&](refusal r) {
        if (why) *why = r;
        return false;
    };
    const delivery_c& pm = cm.deliveries[pmi];
    const demand_c& dc = cm.demand[d];
    const employee_id e = dc.employee;
    if (check) {
        if (place[d].kind != place_kind::none || pm.program != dc.program || pm.live) return fail(refusal::structure);
        if (blocks.size() != pm.parts.size()) return fail(refusal::structure);
        if (!jp_cap_ok(e, dc.program)) return fail(refusal::jp_cap);
        if (cm.refuses(e, pm)) return fail(refusal::mode_refused);
        for (std::size_t k = 0; k < blocks.size(); ++k) {
            const span& s = blocks[k];
            if (s.b - s.a != pm.parts[k].minutes) return fail(refusal::structure);
            if (!block_in_window(cm, pm, s.a, s.b)) return fail(refusal::structure);
            if (!(relax_ & relax_acceptance) && !cm.accepts_at(e, pm, cm.day_of(s.a), s.a, s.b))
                return fail(refusal::acceptance);
            const int pre = pm.parts[k].prereq_module;
            if (pre >= 0) {
                const auto [p0, n] = pm.module_parts[static_cast<std::size_t>(pre)];
                for (std::uint32_t j = p0; j < p0 + n; ++j)
                    if (blocks[j].b > s.a) return fail(refusal::structure);
            }
        }
    }
    for (std::uint32_t k = 0; k < blocks.size(); ++k) {
        const span& s = blocks[k];
        if (check && !item_ok(e, d, s.a, s.b, why)) {
            for (std::uint32_t j = 0; j < k; ++j) remove_item_raw(e, d, static_cast<std::uint16_t>(j));
            return false;
        }
        add_item_raw(e, make_item(e, d, static_cast<std::uint16_t>(k), s.a, s.b));
    }
    placement& pl = place[d];
    const int changes_before = block_changes(d);
    pl.kind = place_kind::self;
    pl.pm = pmi;
    pl.blocks = blocks;
    tot.changes += block_changes(d) - changes_before;
    if (cm.any_prefs) tot.preference_misses += self_misses(e, pm, blocks);
    set_placed(d, true);
    if (journal) journal_.push_back({op::self_place, d.value, 0, {}, {}, {}, 0});
    return true;
}

bool plan::self_place(demand_id d, delivery_id pm, const std::vector<span>& blocks, refusal* why) {
    return do_self_place(d, pm, blocks, true, why, true);
}

void plan::do_self_remove(demand_id d, bool journal) {
    placement& pl = place[d];
    assert(pl.kind == place_kind::self);
    const employee_id e = cm.demand[d].employee;
    for (std::uint32_t k = 0; k < pl.blocks.size(); ++k) remove_item_raw(e, d, static_cast<std::uint16_t>(k));
    if (cm.any_prefs) tot.preference_misses -= self_misses(e, cm.deliveries[pl.pm], pl.blocks);
    if (journal) {
        saved_blocks_.push_back(pl.blocks);
        journal_.push_back({op::self_remove, d.value, pl.pm.value, {}, {}, {}, 0});
    }
    const int changes_before = block_changes(d);
    pl.kind = place_kind::none;
    pl.blocks.clear();
    tot.changes += block_changes(d) - changes_before;
    set_placed(d, false);
}

void plan::self_remove(demand_id d) {
    do_self_remove(d, true);
}

bool plan::move_block(demand_id d, std::uint32_t k, span to, refusal* why) {
    auto fail = [&](refusal r) {
        if (why) *why = r;
        return false;
    };
    placement& pl = place[d];
    if (pl.kind != place_kind::self) return fail(refusal::structure);
    const delivery_c& pm = cm.deliveries[pl.pm];
    const employee_id e = cm.demand[d].employee;
    if (pl.blocks[k].a < earliest_) return fail(refusal::pinned);
    if (to.b - to.a != pm.parts[k].minutes) return fail(refusal::structure);
    if (!block_in_window(cm, pm, to.a, to.b)) return fail(refusal::structure);
    if (!cm.accepts_at(e, pm, cm.day_of(to.a), to.a, to.b)) return fail(refusal::acceptance);
    const part_c& pk = pm.parts[k];
    if (pk.prereq_module >= 0) {
        const auto [p0, n] = pm.module_parts[static_cast<std::size_t>(pk.prereq_module)];
        for (std::uint32_t j = p0; j < p0 + n; ++j)
            if (pl.blocks[j].b > to.a) return fail(refusal::structure);
    }
    for (std::uint32_t j = 0; j < pm.parts.size(); ++j)
        if (pm.parts[j].prereq_module == pk.module && pl.blocks[j].a < to.b) return fail(refusal::structure);
    const span old = pl.blocks[k];
    remove_item_raw(e, d, static_cast<std::uint16_t>(k));
    if (!item_ok(e, d, to.a, to.b, why)) {
        add_item_raw(e, make_item(e, d, static_cast<std::uint16_t>(k), old.a, old.b));
        return false;
    }
    add_item_raw(e, make_item(e, d, static_cast<std::uint16_t>(k), to.a, to.b));
    const int changes_before = block_changes(d);
    pl.blocks[k] = to;
    tot.changes += block_changes(d) - changes_before;
    if (cm.any_prefs) tot.preference_misses += cm.time_misses(e, to.a, to.b) - cm.time_misses(e, old.a, old.b);
    journal_.push_back({op::block, d.value, k, {}, {}, old, 0});
    return true;
}

// ---------------------------------------------------------------- sessions

bool plan::move_session(cohort_id c, std::uint32_t k, int d, tmin a, tmin b, refusal* why) {
    cohort_t& co = cohorts[c];
    if (co.fixed >= 0 || session_locked(c, k)) {
        if (why) *why = co.fixed >= 0 ? refusal::structure : refusal::pinned;
        return false;
    }
    const session_t old = co.sessions[k];
    const session_t next{a, b, d};
    book_session(c, k, -1);
    co.sessions[k] = next;
    auto restore_structure = [&]() {
        co.sessions[k] = old;
        book_session(c, k, +1);
    };
    if (!order_ok(co, k, d) || !session_ok(c, k, d, a, b, why)) {
        if (why && order_ok(co, k, d) == false) *why = refusal::structure;
        restore_structure();
        return false;
    }
    book_session(c, k, +1);
    if (co.venue.valid() && !budget_ok()) {
        book_session(c, k, -1);
        restore_structure();
        if (why) *why = refusal::budget;
        return false;
    }
    const delivery_c& cpm = cm.deliveries[co.pm];
    const auto sub = static_cast<std::uint16_t>(k);
    std::size_t done = 0;
    bool ok = true;
    for (; done < co.members.size(); ++done) {
        const demand_id dm = co.members[done];
        const employee_id e = cm.demand[dm].employee;
        if (!cm.accepts_at(e, cpm, d, a, b)) {
            if (why) *why = refusal::acceptance;
            ok = false;
            break;
        }
        const int travel = travel_for(co, e);
        remove_item_raw(e, dm, sub);
        if (!item_ok(e, dm, a - travel, b + travel, why)) {
            add_item_raw(e, make_item(e, dm, sub, old.a - travel, old.b + travel));
            ok = false;
            break;
        }
        add_item_raw(e, make_item(e, dm, sub, a - travel, b + travel));
    }
    if (!ok) {
        for (std::size_t j = 0; j < done; ++j) {
            const demand_id dm = co.members[j];
            const employee_id e = cm.demand[dm].employee;
            const int travel = travel_for(co, e);
            remove_item_raw(e, dm, sub);
            add_item_raw(e, make_item(e, dm, sub, old.a - travel, old.b + travel));
        }
        book_session(c, k, -1);
        restore_structure();
        return false;
    }
    if (cm.any_prefs)
        for (const demand_id dm : co.members) {
            const employee_id e = cm.demand[dm].employee;
            tot.preference_misses += cm.time_misses(e, a, b) - cm.time_misses(e, old.a, old.b);
        }
    entry en{op::session, c.value, k, {}, old, {}, 0};
    journal_.push_back(en);
    return true;
}

// ---------------------------------------------------------------- self check

std::string plan::self_check() const {
    plan fresh(cm);
    fresh.set_previous(prev_);
    std::string out;
    auto note = [&](const std::string& what) {
        if (out.size() < 2000) out += what + "\n";
    };
    // Rebuild from the placements alone, without checks.
    for (const cohort_id c : cohorts.indices()) {
        const cohort_t& co = cohorts[c];
        if (!co.alive) continue;
        while (fresh.cohorts.size() < c.value) {
            fresh.free_cohorts_.push_back(fresh.cohorts.next_index());
            fresh.cohorts.emplace_back();
        }
        fresh.free_cohorts_.clear();
        if (fresh.cohorts.size() == c.value) fresh.cohorts.emplace_back();
        cohort_t& fc = fresh.cohorts[c];
        fc = co;
        fc.members.clear();
        fresh.count_cohort(fc, +1);
        for (std::uint32_t k = 0; k < fc.sessions.size(); ++k) fresh.book_session(c, k, +1);
        for (const auto d : co.members) fresh.do_join(c, d, false, nullptr, false);
    }
    for (const demand_id d : place.indices())
        if (place[d].kind == place_kind::self) fresh.do_self_place(d, place[d].pm, place[d].blocks, false, nullptr, false);
    if (!(fresh.tot == tot)) note("totals differ");
    if (fresh.placed_jp != placed_jp) note("placed JP differ");
    for (const employee_id e : items.indices()) {
        if (items[e].size() != fresh.items[e].size()) {
            note("items of employee " + std::to_string(e.value) + " differ in number");
            continue;
        }
        for (std::size_t i = 0; i < items[e].size(); ++i) {
            const item& x = items[e][i];
            const item& y = fresh.items[e][i];
            if (x.a != y.a || x.b != y.b || x.demand != y.demand || x.sub != y.sub || x.work != y.work || x.brk != y.brk ||
                x.lday != y.lday || x.week != y.week || x.duty != y.duty)
                note("item " + std::to_string(i) + " of employee " + std::to_string(e.value) + " differs");
        }
    }
    for (const unit_id u : cm.units.indices())
        for (int d = 0; d < cm.days; ++d)
            for (int sl = 0; sl < cm.slots_per_day; ++sl)
                if (unit_count(u, d, sl) != fresh.unit_count(u, d, sl)) {
                    note("unit counter of " + cm.units[u].id + " differs on day " + std::to_string(d));
                    sl = cm.slots_per_day;
                }
    if (occ_pulled_ != fresh.occ_pulled_) note("shift pulls differ");
    // Days in lieu depend on the order duty days were earned: the same duty days, each with a valid day.
    for (const employee_id e : lieu_.indices())
        if (lieu_[e].size() != fresh.lieu_[e].size())
            note("duty days of employee " + std::to_string(e.value) + " differ");
    {
        std::vector<int> taken(cm.shift_occurrences.size(), 0);
        for (const employee_id e : lieu_.indices())
            for (const auto& l : lieu_[e]) {
                if (l.lieu_day < 0) continue;
                const rostered_day& rd = cm.rostered[static_cast<std::size_t>(cm.employees[e].rostered_off) +
                                                     static_cast<std::size_t>(l.lieu_day)];
                if (rd.occ >= 0) ++taken[static_cast<std::size_t>(rd.occ)];
                for (const auto& x : items[e])
                    if (x.a < rd.b && rd.a < x.b)
                        note("training on a day in lieu of employee " + std::to_string(e.value));
            }
        if (taken != lieu_taken_) note("days in lieu per shift differ");
        for (std::size_t o = 0; o < cm.shift_occurrences.size(); ++o)
            if (occ_pulled_[o] + lieu_taken_[o] > cm.shift_occurrences[o].allowed_pull) note("a shift minimum is broken");
    }
    if (fair_hist_ != fresh.fair_hist_) note("after-hours week loads differ");
    if (instr_month_days_ != fresh.instr_month_days_) note("instructor month days differ");
    if (instr_minutes_ != fresh.instr_minutes_) note("instructor minutes differ");
    if (instr_evening_minutes_ != fresh.instr_evening_minutes_) note("instructor evening minutes differ");
    if (venue_days_ != fresh.venue_days_) note("venue days differ");
    if (pm_open_ != fresh.pm_open_) note("cohorts per delivery differ");
    auto same_bookings = [&](const std::vector<std::vector<booking>>& a, const std::vector<std::vector<booking>>& b) {
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (a[i].size() != b[i].size()) return false;
            for (std::size_t j = 0; j < a[i].size(); ++j)
                if (a[i][j].a != b[i][j].a || a[i][j].b != b[i][j].b || a[i][j].cohort != b[i][j].cohort) return false;
        }
        return true;
    };
    if (!same_bookings(venue_day_, fresh.venue_day_)) note("venue bookings differ");
    if (!same_bookings(instr_day_, fresh.instr_day_)) note("instructor bookings differ");
    if (!same_bookings(platform_day_, fresh.platform_day_)) note("platform bookings differ");
    if (program_cohorts != fresh.program_cohorts) note("cohorts per programme differ");
    for (const demand_id d : place.indices()) {
        const placement& p = place[d];
        if (p.kind == place_kind::cohort) {
            const auto& mem = cohorts[p.cohort].members;
            if (std::find(mem.begin(), mem.end(), d) == mem.end())
                note("demand " + std::to_string(d.value) + " not in its cohort");
        }
    }
    return out;
}

// ---------------------------------------------------------------- venues

void plan::retravel(cohort_id c, venue_id to_venue) {
    cohort_t& co = cohorts[c];
    for (const demand_id dm : co.members) {
        const employee_id e = cm.demand[dm].employee;
        const int t_to = cm.travel_to(e, to_venue);
        for (std::uint32_t k = 0; k < co.sessions.size(); ++k) {
            const auto sub = static_cast<std::uint16_t>(k);
            remove_item_raw(e, dm, sub);
            add_item_raw(e, make_item(e, dm, sub, co.sessions[k].a - t_to, co.sessions[k].b + t_to));
        }
    }
}

bool plan::change_venue(cohort_id c, venue_id venue, refusal* why) {
    auto fail = [&](refusal r) {
        if (why) *why = r;
        return false;
    };
    cohort_t& co = cohorts[c];
    const delivery_c& pm = cm.deliveries[co.pm];
    if (!co.alive || !co.venue.valid() || !venue.valid() || venue == co.venue || co.fixed >= 0)
        return fail(refusal::structure);
    for (std::uint32_t k = 0; k < co.sessions.size(); ++k)
        if (session_locked(c, k)) return fail(refusal::pinned);
    if (std::find(pm.venues.begin(), pm.venues.end(), venue) == pm.venues.end()) return fail(refusal::structure);
    const int cap = cm.cohort_cap(pm, venue, co.fixed);
    if (static_cast<int>(co.members.size()) > cap) return fail(refusal::cohort_full);
    const venue_id old = co.venue;
    const int old_cap = co.cap;
    for (std::uint32_t k = 0; k < co.sessions.size(); ++k) book_session(c, k, -1);
    auto restore = [&]() {
        co.venue = old;
        co.cap = old_cap;
        for (std::uint32_t k = 0; k < co.sessions.size(); ++k) book_session(c, k, +1);
    };
    co.venue = venue;
    co.cap = cap;
    for (const auto& x : co.sessions)
        if (!venue_free(venue, x.day, x.a, x.b, c)) {
            restore();  // nothing is booked at either venue at this point
            return fail(refusal::resource);
        }
    for (std::uint32_t k = 0; k < co.sessions.size(); ++k) book_session(c, k, +1);
    if (!budget_ok()) {
        for (std::uint32_t k = 0; k < co.sessions.size(); ++k) book_session(c, k, -1);
        restore();
        return fail(refusal::budget);
    }
    // Members: the same sessions with the new travel, checked person by person.
    std::size_t done = 0;
    bool ok = true;
    for (; done < co.members.size() && ok; ++done) {
        const demand_id dm = co.members[done];
        const employee_id e = cm.demand[dm].employee;
        const int t_old = cm.travel_to(e, old);
        const int t_new = cm.travel_to(e, venue);
        if (t_old == t_new) continue;
        std::uint32_t k = 0;
        for (; k < co.sessions.size(); ++k) {
            const auto sub = static_cast<std::uint16_t>(k);
            remove_item_raw(e, dm, sub);
            if (!item_ok(e, dm, co.sessions[k].a - t_new, co.sessions[k].b + t_new, why)) {
                add_item_raw(e, make_item(e, dm, sub, co.sessions[k].a - t_old, co.sessions[k].b + t_old));
                ok = false;
                break;
            }
            add_item_raw(e, make_item(e, dm, sub, co.sessions[k].a - t_new, co.sessions[k].b + t_new));
        }
        if (!ok) {
            for (std::uint32_t j = 0; j < k; ++j) {
                const auto sub = static_cast<std::uint16_t>(j);
                remove_item_raw(e, dm, sub);
                add_item_raw(e, make_item(e, dm, sub, co.sessions[j].a - t_old, co.sessions[j].b + t_old));
            }
        }
    }
    if (!ok) {
        // Members before the one that failed go back to the old travel.
        for (std::size_t j = 0; j + 1 < done; ++j) {
            const demand_id dm = co.members[j];
            const employee_id e = cm.demand[dm].employee;
            const int t_old = cm.travel_to(e, old);
            for (std::uint32_t k = 0; k < co.sessions.size(); ++k) {
                const auto sub = static_cast<std::uint16_t>(k);
                remove_item_raw(e, dm, sub);
                add_item_raw(e, make_item(e, dm, sub, co.sessions[k].a - t_old, co.sessions[k].b + t_old));
            }
        }
        for (std::uint32_t k = 0; k < co.sessions.size(); ++k) book_session(c, k, -1);
        restore();
        return false;
    }
    journal_.push_back({op::venue, c.value, old.value, {}, {}, {}, old_cap});
    return true;
}

// ---------------------------------------------------------------- rollback

void plan::undo(const entry& en) {
    switch (en.kind) {
        case op::item_add:
        case op::item_remove: break;
        case op::open: {
            cohort_t& co = cohorts[cohort_id{en.a}];
            for (std::uint32_t k = 0; k < co.sessions.size(); ++k) book_session(cohort_id{en.a}, k, -1);
            count_cohort(co, -1);
            co.alive = false;
            // The id goes back where it came from, with what it held.
            if (en.b == 0) {
                cohorts.pop_back();
            } else {
                co = std::move(saved_cohorts_.back());
                saved_cohorts_.pop_back();
                free_cohorts_.push_back(cohort_id{en.a});
            }
            break;
        }
        case op::close: {
            cohort_t& co = cohorts[cohort_id{en.a}];
            assert(!free_cohorts_.empty() && free_cohorts_.back() == cohort_id{en.a});
            free_cohorts_.pop_back();
            co.alive = true;
            count_cohort(co, +1);
            for (std::uint32_t k = 0; k < co.sessions.size(); ++k) book_session(cohort_id{en.a}, k, +1);
            break;
        }
        case op::join: {
            cohort_t& co = cohorts[cohort_id{en.a}];
            assert(!co.members.empty() && co.members.back() == demand_id{en.b});
            do_leave(demand_id{en.b}, false);
            (void)co;
            break;
        }
        case op::leave: {
            do_join(cohort_id{en.a}, demand_id{en.b}, false, nullptr, false);
            cohort_t& co = cohorts[cohort_id{en.a}];
            // do_join appended; put it back where it was.
            const auto pos = static_cast<std::size_t>(en.pos);
            if (pos + 1 < co.members.size()) {
                co.members.back() = co.members[pos];
                co.members[pos] = demand_id{en.b};
            }
            break;
        }
        case op::self_place:
            do_self_remove(demand_id{en.a}, false);
            break;
        case op::self_remove: {
            std::vector<span> blocks = std::move(saved_blocks_.back());
            saved_blocks_.pop_back();
            do_self_place(demand_id{en.a}, delivery_id{en.b}, blocks, false, nullptr, false);
            break;
        }
        case op::block: {
            const demand_id d{en.a};
            placement& pl = place[d];
            const employee_id e = cm.demand[d].employee;
            const auto sub = static_cast<std::uint16_t>(en.b);
            remove_item_raw(e, d, sub);
            add_item_raw(e, make_item(e, d, sub, en.blk.a, en.blk.b));
            const int changes_before = block_changes(d);
            if (cm.any_prefs)
                tot.preference_misses +=
                    cm.time_misses(e, en.blk.a, en.blk.b) - cm.time_misses(e, pl.blocks[en.b].a, pl.blocks[en.b].b);
            pl.blocks[en.b] = en.blk;
            tot.changes += block_changes(d) - changes_before;
            break;
        }
        case op::venue: {
            cohort_t& co = cohorts[cohort_id{en.a}];
            const venue_id old{en.b};
            retravel(cohort_id{en.a}, old);
            for (std::uint32_t k = 0; k < co.sessions.size(); ++k) book_session(cohort_id{en.a}, k, -1);
            co.venue = old;
            co.cap = en.pos;
            for (std::uint32_t k = 0; k < co.sessions.size(); ++k) book_session(cohort_id{en.a}, k, +1);
            break;
        }
        case op::session: {
            cohort_t& co = cohorts[cohort_id{en.a}];
            const auto sub = static_cast<std::uint16_t>(en.b);
            const session_t cur = co.sessions[en.b];
            for (const demand_id dm : co.members) {
                const employee_id e = cm.demand[dm].employee;
                const int travel = travel_for(co, e);
                remove_item_raw(e, dm, sub);
                add_item_raw(e, make_item(e, dm, sub, en.ses.a - travel, en.ses.b + travel));
                if (cm.any_prefs)
                    tot.preference_misses += cm.time_misses(e, en.ses.a, en.ses.b) - cm.time_misses(e, cur.a, cur.b);
            }
            book_session(cohort_id{en.a}, en.b, -1);
            co.sessions[en.b] = en.ses;
            book_session(cohort_id{en.a}, en.b, +1);
            break;
        }
    }
}

void plan::rollback(std::size_t to) {
    while (journal_.size() > to) {
        const entry en = journal_.back();
        journal_.pop_back();
        undo(en);
    }
}

}  // namespace jadwal::solve::detail

namespace jadwal::solve::detail {

// ---------------------------------------------------------------- re-planning

void plan::set_previous(const replan_context* rc) {
    assert(cohorts.empty() && tot.unplaced_items == static_cast<std::int64_t>(cm.declared));
    prev_ = rc;
    earliest_ = rc ? rc->earliest : no_time;
    tot.changes = rc ? rc->items : 0;
    tot.dropped_jp_mandatory = tot.dropped_jp_elective = 0;
    if (rc)
        for (const demand_id d : cm.declared_demand())
            if (rc->published[d])
                (cm.demand[d].mandatory ? tot.dropped_jp_mandatory : tot.dropped_jp_elective) +=
                    cm.programs[cm.demand[d].program].jp;
}

bool plan::cohort_frozen(cohort_id c) const {
    return prev_ && prev_->frozen(cohorts[c]);
}

bool plan::session_locked(cohort_id c, std::uint32_t k) const {
    return prev_ && prev_->locked(cohorts[c], k);
}

bool plan::frozen(demand_id d) const {
    if (!prev_) return false;
    const placement& p = place[d];
    if (p.kind == place_kind::cohort) return cohort_frozen(p.cohort);
    if (p.kind == place_kind::self)
        for (const auto& b : p.blocks)
            if (b.a < earliest_) return true;
    return false;
}

int plan::cohort_misses(employee_id e, const cohort_t& c) const {
    if (!cm.employees[e].prefers) return 0;
    int n = cm.mode_miss(e, cm.deliveries[c.pm]);
    for (const auto& s : c.sessions) n += cm.time_misses(e, s.a, s.b);
    return n;
}

int plan::self_misses(employee_id e, const delivery_c& pm, const std::vector<span>& blocks) const {
    if (!cm.employees[e].prefers) return 0;
    int n = cm.mode_miss(e, pm);
    for (const auto& s : blocks) n += cm.time_misses(e, s.a, s.b);
    return n;
}

int plan::preference_misses(demand_id d) const {
    const placement& p = place[d];
    const employee_id e = cm.demand[d].employee;
    if (p.kind == place_kind::cohort) return cohort_misses(e, cohorts[p.cohort]);
    if (p.kind == place_kind::self) return self_misses(e, cm.deliveries[p.pm], p.blocks);
    return 0;
}

int plan::block_changes(demand_id d) const {
    if (!prev_ || prev_->blocks[d].empty()) return 0;
    return prev_->unmatched_blocks(cm, d, place[d]);
}

}  // namespace jadwal::solve::detail
