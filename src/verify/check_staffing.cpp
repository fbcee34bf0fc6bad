// Unit staffing (hard 6): at no instant more of a unit's staff in training
// during their working time than the unit's limit; and on shift units, every
// shift occurrence keeps its minimum head count on duty.
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "context.hpp"

namespace jadwal::verify::detail {
namespace {

std::int64_t limit_of(const context& c, const model::unit& u, std::int64_t headcount) {
    const model::staffing_limit& lim = c.pol.max_absent ? *c.pol.max_absent : u.max_absent;
    if (lim.type == model::staffing_limit::kind::count) return lim.count;
    // A share of headcount, rounded down (a hair of tolerance so that 10% of 30
    // is 3 in floating point too), but at least 1.
    const auto n = static_cast<std::int64_t>(std::floor(lim.share * static_cast<double>(headcount) + 1e-9));
    return std::max<std::int64_t>(1, n);
}

std::string names_at(const context& c, const std::vector<std::uint32_t>& staff, instant t) {
    std::string out;
    for (const auto e : staff)
        if (c.absent[e].contains(t)) out += (out.empty() ? "" : ", ") + c.who(model::employee_index{e});
    return out;
}

void unit_limit(context& c, std::uint32_t u, const std::vector<std::uint32_t>& staff) {
    const auto& unit = c.s.units[u];
    const auto headcount = static_cast<std::int64_t>(staff.size());
    const auto limit = limit_of(c, unit, headcount);
    c.unit_headcount[u] = headcount;
    c.unit_limit[u] = limit;
    std::vector<interval> spans;
    for (const auto e : staff) spans.insert(spans.end(), c.absent[e].begin(), c.absent[e].end());
    std::int64_t peak = 0;
    const auto crowds = over_limit(std::move(spans), limit, peak);
    c.unit_max_absent[u] = peak;
    const auto& z = c.s.zone_of(unit);
    for (const auto& crowd : crowds)
        c.add("H6-UNIT-LIMIT",
              c.m.format("{} has {} of its {} staff in training during working time on {}, above its limit of {}: {}",
                         unit.id, c.num(crowd.peak), c.num(headcount), c.span(crowd.span, z), c.num(limit),
                         names_at(c, staff, crowd.span.start)),
              crowd.span.start, {"", "", unit.id});
}

// Shift occurrences of one person: which shift they are rostered for on a
// local date, and whether they work it (not removed by a holiday or leave).
class roster {
public:
    roster(const context& c, std::uint32_t e) : emp_(c.s.employees[e]), zone_(c.s.zone_of(emp_)) {
        const auto& unit = c.s.units[emp_.unit.value];
        const model::pattern_index p = emp_.pattern.valid() ? emp_.pattern : unit.pattern;
        if (!p.valid() || p.value >= c.s.patterns.size()) return;
        const auto& pat = c.s.patterns[p.value];
        if (!pat.rotation || pat.rotation->cycle.empty()) return;
        rot_ = &*pat.rotation;
        working_ = &c.cal.pattern_working(p, zone_, emp_.rotation_offset, c.s.holiday_rule_of(emp_),
                                          emp_.works_collective_leave);
    }

    [[nodiscard]] bool rotates() const { return rot_ != nullptr; }
    [[nodiscard]] const date::time_zone& zone() const { return zone_; }

    /// The shift rostered on `d`, if any.
    [[nodiscard]] const model::shift* on(local_date d) const {
        const auto n = static_cast<std::int64_t>(rot_->cycle.size());
        auto idx = ((d - rot_->anchor).count() + emp_.rotation_offset) % n;
        if (idx < 0) idx += n;
        return rot_->find(rot_->cycle[static_cast<std::size_t>(idx)]);
    }
    [[nodiscard]] interval occurrence(local_date d, const model::shift& sh) const {
        return {calendar::to_instant(calendar::local_minute{d} + sh.hours.start, zone_),
                calendar::to_instant(calendar::local_minute{d} + sh.hours.end, zone_)};
    }
    [[nodiscard]] bool works(local_date d, interval occ) const {
        for (const auto& l : emp_.leaves)
            if (l.days.contains(d)) return false;
        return working_->covers(occ);
    }

private:
    const model::employee& emp_;
    const date::time_zone& zone_;
    const model::shift_rotation* rot_ = nullptr;
    const interval_set* working_ = nullptr;
};

void shift_minimum(context& c, std::uint32_t u, const std::vector<std::uint32_t>& staff) {
    const auto& unit = c.s.units[u];
    auto minimum_of = [&](const std::string& code) -> std::optional<int> {
        for (const auto& [k, n] : unit.min_on_duty)
            if (k == code) return n;
        return std::nullopt;
    };
    std::vector<roster> rosters;
    rosters.reserve(staff.size());
    for (const auto e : staff) rosters.emplace_back(c, e);

    // (date, shift code) -> staff in training at some time during it.
    std::map<std::pair<local_date, std::string>, std::vector<std::uint32_t>> trained;
    for (std::size_t k = 0; k < staff.size(); ++k) {
        const auto& r = rosters[k];
        if (!r.rotates() || c.training[staff[k]].empty()) continue;
        for (const auto& t : c.training[staff[k]]) {
            // A shift lasts at most a day, so one starting two days before can still reach t.
            const local_date last = local_day(t.end - minutes{1}, r.zone());
            for (local_date d = local_day(t.start, r.zone()) - date::days{2}; d <= last; d += date::days{1}) {
                const model::shift* sh = r.on(d);
                if (!sh || !minimum_of(sh->code)) continue;
                const interval occ = r.occurrence(d, *sh);
                if (!(occ.start < t.end && t.start < occ.end) || !r.works(d, occ)) continue;
                auto& list = trained[{d, sh->code}];
                if (list.empty() || list.back() != staff[k]) list.push_back(staff[k]);
            }
        }
    }
    // A day off in lieu keeps its holder off the whole shift (docs/model.md "Assigned duty").
    for (std::size_t k = 0; k < staff.size(); ++k) {
        const auto& r = rosters[k];
        if (!r.rotates()) continue;
        for (const auto d : c.lieu_dates[staff[k]]) {
            const model::shift* sh = r.on(d);
            if (!sh || !minimum_of(sh->code)) continue;
            auto& list = trained[{d, sh->code}];
            if (std::find(list.begin(), list.end(), staff[k]) == list.end()) list.push_back(staff[k]);
        }
    }
    for (const auto& [key, in_training] : trained) {
        const auto& [d, code] = key;
        const int minimum = *minimum_of(code);
        std::int64_t rostered = 0;
        std::optional<interval> when;
        for (const auto& r : rosters) {
            if (!r.rotates()) continue;
            const model::shift* sh = r.on(d);
            if (!sh || sh->code != code) continue;
            const interval occ = r.occurrence(d, *sh);
            if (!r.works(d, occ)) continue;
            ++rostered;
            if (!when) when = occ;
        }
        const auto on_duty = rostered - static_cast<std::int64_t>(in_training.size());
        if (on_duty >= minimum) continue;
        std::string names;
        for (const auto e : in_training) names += (names.empty() ? "" : ", ") + c.who(model::employee_index{e});
        c.add("H6-SHIFT-MINIMUM",
              c.m.format("shift {} of {} on {}: {} rostered, {} of them in training or on a day in lieu ({}), "
                         "leaving {} on duty; the minimum is {}",
                         code, unit.id, c.date_text(d), c.num(rostered),
                         c.num(static_cast<std::int64_t>(in_training.size())), names, c.num(on_duty), c.num(minimum)),
              when ? std::optional<instant>{when->start} : std::nullopt, {"", "", unit.id});
    }
}

}  // namespace

void check_staffing(context& c) {
    const auto n = c.s.units.size();
    c.unit_max_absent.assign(n, 0);
    c.unit_limit.assign(n, 0);
    c.unit_headcount.assign(n, 0);
    std::vector<std::vector<std::uint32_t>> staff(n);
    for (std::uint32_t e = 0; e < c.s.employees.size(); ++e) staff[c.s.employees[e].unit.value].push_back(e);
    for (std::uint32_t u = 0; u < n; ++u) {
        if (staff[u].empty()) continue;
        unit_limit(c, u, staff[u]);
        if (!c.s.units[u].min_on_duty.empty()) shift_minimum(c, u, staff[u]);
    }
}

}  // namespace jadwal::verify::detail
