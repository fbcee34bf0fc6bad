#include "context.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>

namespace jadwal::verify::detail {

context::context(const model::scenario& sc, const model::solution& so, const model::policy& po, text::messages msg)
    : s(sc), sol(so), pol(po), cal(sc), zone(*sc.zone), horizon(cal.horizon()), m(msg) {
    for (const auto& h : s.holidays) holiday_dates_.push_back(h.date);
    std::sort(holiday_dates_.begin(), holiday_dates_.end());
    holiday_dates_.erase(std::unique(holiday_dates_.begin(), holiday_dates_.end()), holiday_dates_.end());

    const auto n = s.employees.size();
    items.resize(n);
    training.resize(n);
    absent.resize(n);
    disruption_minutes.assign(n, 0);
    after_hours_minutes.assign(n, 0);
    disruption_weighted.assign(n, 0.0);
    preference_misses.assign(n, 0);
    placed.assign(s.demand.size(), false);
    top_up_jp.assign(s.employees.size(), 0);
    top_up_smallest.assign(s.employees.size(), 0);
    top_up_droppable.assign(s.employees.size(), 0);
    earned_jp.assign(n, 0);
    const auto plan_year = date::year_month_day{s.horizon.first}.year();
    for (const auto& h : s.history) {
        if (!h.employee.valid() || h.employee.value >= n) continue;
        if (date::year_month_day{h.end}.year() != plan_year) continue;
        earned_jp[h.employee.value] += h.jp;
    }
    demand_of.reserve(s.demand.size());
    for (std::uint32_t i = 0; i < s.demand.size(); ++i)
        demand_of.emplace(key(s.demand[i].employee, s.demand[i].program), i);
}

void context::add(std::string code, std::string message, std::optional<instant> when, about who) {
    violations.push_back({std::move(code), std::move(message), when, std::move(who.employee), std::move(who.cohort),
                          std::move(who.resource)});
}

void context::warn(std::string code, std::string message, std::optional<instant> when, about who) {
    warnings.push_back({std::move(code), std::move(message), when, std::move(who.employee), std::move(who.cohort),
                        std::move(who.resource)});
}

std::optional<std::uint32_t> context::demand(model::employee_index e, model::program_index p) const {
    const auto it = demand_of.find(key(e, p));
    if (it == demand_of.end()) return std::nullopt;
    return it->second;
}

instant context::deadline_end(model::employee_index e, model::program_index p) const {
    const auto d = demand(e, p);
    if (d && s.demand[*d].deadline)
        return calendar::to_instant(calendar::local_minute{*s.demand[*d].deadline + date::days{1}}, zone_of(e));
    return horizon.end;
}

std::string context::who(model::employee_index e) const {
    if (!valid(e)) return m.format("employee #{}", e.value);
    const auto& emp = s.employees[e.value];
    return emp.name.empty() ? emp.id : fmt::format("{} ({})", emp.name, emp.id);
}

const date::time_zone& context::zone_of(model::employee_index e) const {
    return valid(e) ? s.zone_of(s.employees[e.value]) : zone;
}


std::int64_t context::local_minute_of_day(instant t, const date::time_zone& z) {
    const auto local = z.to_local(t);
    return std::chrono::duration_cast<minutes>(local - date::floor<date::days>(local)).count();
}

// English keeps the ISO dates and 24-hour clock times the messages always had
// (tests and scripts read them); Indonesian reads as HR staff write it.
std::string context::at(instant t, const date::time_zone& z) const {
    const auto local = z.to_local(t);
    const auto day = date::floor<date::days>(local);
    const auto mm = std::chrono::duration_cast<minutes>(local - day).count();
    if (m.lang() == text::language::en)
        return fmt::format("{} {:02}:{:02}", calendar::format_date(day), mm / 60, mm % 60);
    return fmt::format("{} {}", m.day(day, text::date_style::medium), m.clock(minutes{mm}));
}

std::string context::span(interval i, const date::time_zone& z) const {
    const auto a = z.to_local(i.start);
    const auto b = z.to_local(i.end);
    const auto da = date::floor<date::days>(a);
    const auto db = date::floor<date::days>(b);
    const auto mb = std::chrono::duration_cast<minutes>(b - db).count();
    if (da == db || (db == da + date::days{1} && mb == 0)) {
        const auto me = mb == 0 && db != da ? 1440 : mb;
        if (m.lang() == text::language::en) return fmt::format("{}-{:02}:{:02}", at(i.start, z), me / 60, me % 60);
        // 24.00 rather than 00.00 for a stretch that ends at midnight.
        const std::string end = me == 1440 ? std::string{"24.00"} : m.clock(minutes{me});
        return fmt::format("{}\u2013{}", at(i.start, z), end);
    }
    return m.format("{} to {}", at(i.start, z), at(i.end, z));
}

std::string context::date_text(local_date d) const {
    return m.lang() == text::language::en ? calendar::format_date(d) : m.day(d, text::date_style::short_);
}

std::string context::num(std::int64_t n) const {
    return m.lang() == text::language::en ? std::to_string(n) : m.number(n);
}

std::string context::month_text(int year, unsigned month) const {
    if (m.lang() == text::language::en) return fmt::format("{:04}-{:02}", year, month);
    return fmt::format("{} {}", m.month_name(date::month{month}), year);
}

std::string context::clock_range(const calendar::clock_range& r) const {
    return m.lang() == text::language::en ? calendar::format_clock_range(r) : m.clock_range(r.start, r.end);
}

std::string context::policy_name() const {
    return pol.id.empty() ? std::string(m.tr("the policy")) : m.format("policy '{}'", pol.id);
}

std::string context::mode_name(model::delivery_mode mode) const {
    if (m.lang() == text::language::en) return std::string(model::to_string(mode));
    switch (mode) {
        case model::delivery_mode::classroom:
            return std::string(m.tr_in("mode", "classroom"));
        case model::delivery_mode::online_live:
            return std::string(m.tr_in("mode", "live online"));
        case model::delivery_mode::self_paced:
            return std::string(m.tr_in("mode", "self-paced"));
    }
    return std::string(model::to_string(mode));
}

std::string context::window_name(model::window_kind w) const {
    if (m.lang() == text::language::en) return std::string(model::to_string(w));
    switch (w) {
        case model::window_kind::working_hours:
            return std::string(m.tr_in("window", "working hours"));
        case model::window_kind::after_hours:
            return std::string(m.tr_in("window", "after hours"));
        case model::window_kind::weekend:
            return std::string(m.tr_in("window", "weekend"));
        case model::window_kind::explicit_hours:
            return std::string(m.tr_in("window", "set hours"));
    }
    return std::string(model::to_string(w));
}

std::string context::label_words(const std::string& label) const { return calendar::label_words(m, label); }

std::string context::describe_session(std::uint32_t cohort, std::uint32_t session) const {
    const auto& c = sol.cohorts[cohort];
    const auto& ses = c.sessions[session];
    std::string module = m.format("module #{}", ses.module);
    if (valid(c.program) && ses.module < s.programs[c.program.value].modules.size())
        module = m.format("module {}", s.programs[c.program.value].modules[ses.module].id);
    const std::string part = ses.part > 0 ? m.format(" (part {})", ses.part + 1) : std::string{};
    return m.format("{}{} of cohort {} on {}", module, part, c.id, span({ses.start, ses.end}, zone));
}

std::string context::describe_block(std::uint32_t block) const {
    const auto& b = sol.study_blocks[block];
    std::string what(m.tr("a study block"));
    if (valid(b.program)) {
        const auto& p = s.programs[b.program.value];
        what = b.module < p.modules.size() ? m.format("a study block of {} module {}", p.id, p.modules[b.module].id)
                                           : m.format("a study block of {}", p.id);
    }
    return m.format("{} on {}", what, span({b.start, b.end}, zone_of(b.employee)));
}

std::string context::describe(const item& it) const {
    std::string out = it.cohort == none ? describe_block(it.index) : describe_session(it.cohort, it.index);
    if (it.span.start != it.core.start || it.span.end != it.core.end)
        out += m.format(" (with {} min travel each way)", num((it.core.start - it.span.start).count()));
    return out;
}

bool context::is_holiday(local_date d) const {
    return std::binary_search(holiday_dates_.begin(), holiday_dates_.end(), d);
}

bool context::policy_allows(model::delivery_mode mode) const {
    return pol.modes.empty() || std::find(pol.modes.begin(), pol.modes.end(), mode) != pol.modes.end();
}

window_fit context::fit(const model::mode_offer& mo, interval i) const {
    window_fit out;
    if (i.end <= i.start) return out;
    const local_date d = local_day(i.start, zone);
    if (is_holiday(d)) return out;  // no window exists on a holiday
    const auto local_start = zone.to_local(i.start);
    const auto local_end = zone.to_local(i.end);
    const minutes sm = std::chrono::duration_cast<minutes>(local_start - date::local_seconds{d});
    const minutes em = std::chrono::duration_cast<minutes>(local_end - date::local_seconds{d});
    const unsigned wd = date::weekday{d}.c_encoding();  // 0 = Sunday
    const bool weekday = wd >= 1 && wd <= 5;
    auto inside = [&](const calendar::clock_range& r) { return r.start <= sm && em <= r.end; };
    auto allowed = [&](model::window_kind k) {
        return pol.windows.empty() || std::find(pol.windows.begin(), pol.windows.end(), k) != pol.windows.end();
    };
    const bool in_working = weekday && inside(pol.working_hours);
    const bool in_after = weekday && inside(pol.after_hours);
    const bool in_weekend = !weekday && inside(pol.weekend);
    // An explicit window is used under a policy that lists windows only where it
    // also lies in a standard window that the policy allows (docs/model.md).
    const bool policy_covers = pol.windows.empty() || (allowed(model::window_kind::working_hours) && in_working) ||
                               (allowed(model::window_kind::after_hours) && in_after) ||
                               (allowed(model::window_kind::weekend) && in_weekend);
    std::size_t explicit_index = 0;
    for (const auto kind : mo.windows) {
        switch (kind) {
            case model::window_kind::working_hours:
                if (in_working && allowed(kind)) out.open = true;
                break;
            case model::window_kind::after_hours:
                if (in_after && allowed(kind)) out.after_hours = true;
                break;
            case model::window_kind::weekend:
                if (in_weekend && allowed(kind)) out.weekend = true;
                break;
            case model::window_kind::explicit_hours: {
                const std::size_t k = explicit_index++;
                if (k >= mo.explicit_windows.size() || !policy_covers) break;
                const auto& w = mo.explicit_windows[k];
                if (!(w.weekdays & (1U << wd))) break;
                if (std::none_of(w.hours.begin(), w.hours.end(), inside)) break;
                // What an explicit window asks of a person follows the clock:
                // weekend days need weekend acceptance, weekday office hours
                // nothing, any other weekday time after-hours acceptance.
                if (!weekday)
                    out.weekend = true;
                else if (inside(pol.working_hours))
                    out.open = true;
                else
                    out.after_hours = true;
                break;
            }
        }
    }
    return out;
}

bool context::instructor_evening(const model::instructor& ins, interval i) const {
    if (!ins.evenings || !ins.pattern.valid() || ins.pattern.value >= s.patterns.size() || i.end <= i.start)
        return false;
    const auto& hours = cal.pattern_working(ins.pattern, zone, 0, s.patterns[ins.pattern.value].holidays, false);
    if (hours.covers(i)) return false;
    const local_date d = local_day(i.start, zone);
    const unsigned wd = date::weekday{d}.c_encoding();
    if (wd == 0 || wd == 6 || is_holiday(d)) return false;
    const instant a = calendar::to_instant(calendar::local_minute{d} + ins.evenings->hours.start, zone);
    const instant b = calendar::to_instant(calendar::local_minute{d} + ins.evenings->hours.end, zone);
    return a <= i.start && i.end <= b;
}

minutes context::travel(model::employee_index e, model::venue_index v) const {
    if (!valid(e) || !v.valid() || v.value >= s.venues.size()) return minutes{0};
    const auto from = s.units[s.employees[e.value].unit.value].location;
    const auto to = s.venues[v.value].location;
    if (!from.valid() || !to.valid() || from == to || from.value >= s.locations.size()) return minutes{0};
    const auto& table = s.locations[from.value].travel;
    const auto it = table.find(to);
    return it == table.end() ? minutes{0} : it->second;
}

std::vector<crowding> over_limit(std::vector<interval> items, std::int64_t limit, std::int64_t& peak) {
    std::vector<std::pair<instant, int>> events;
    events.reserve(items.size() * 2);
    for (const auto& i : items)
        if (i.start < i.end) {
            events.emplace_back(i.start, +1);
            events.emplace_back(i.end, -1);
        }
    // Ends before starts at the same instant: intervals are half-open.
    std::sort(events.begin(), events.end());
    std::vector<crowding> out;
    std::int64_t count = 0;
    peak = 0;
    std::optional<crowding> open;
    for (std::size_t k = 0; k < events.size();) {
        const instant t = events[k].first;
        for (; k < events.size() && events[k].first == t; ++k) count += events[k].second;
        peak = std::max(peak, count);
        if (count > limit) {
            if (!open) open = crowding{{t, t}, count};
            open->peak = std::max(open->peak, count);
        } else if (open) {
            open->span.end = t;
            out.push_back(*open);
            open.reset();
        }
    }
    return out;
}

}  // namespace jadwal::verify::detail
