// Change requests answered by a strict re-plan (docs/requests.md). The
// requests become duties, so the solver keeps training off that time as it
// does for any duty; whether a request is granted is read from the new plan
// itself, not from the solver's bookkeeping.
#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/solve/requests.hpp>
#include <jadwal/text/messages.hpp>
#include <map>
#include <tuple>

namespace jadwal::solve {
namespace {

using calendar::instant;
using calendar::local_date;
using calendar::minutes;
using load::change_request;
using load::request_kind;

constexpr minutes day_minutes{24 * 60};

bool is_locked(const model::session& x, std::optional<instant> from) {
    return x.pinned || (from && x.start < *from);
}

bool under_way(const model::cohort& c, std::optional<instant> from) {
    return std::any_of(c.sessions.begin(), c.sessions.end(),
                       [&](const model::session& x) { return is_locked(x, from); });
}

bool seated(const model::cohort& c, model::employee_index e) {
    return std::binary_search(c.participants.begin(), c.participants.end(), e);
}

const model::cohort* cohort_of(const solution& plan, model::employee_index e, model::program_index p) {
    for (const auto& c : plan.cohorts)
        if (c.program == p && seated(c, e)) return &c;
    return nullptr;
}

/// The first local date requests of `e` apply on.
local_date first_day(const model::scenario& s, const date::time_zone& zone, std::optional<instant> from) {
    return from ? std::max(s.horizon.first, calendar::local_day(*from, zone)) : s.horizon.first;
}

instant at(const date::time_zone& zone, local_date d, minutes m) {
    return calendar::to_instant(calendar::local_minute{d.time_since_epoch() + m}, zone);
}

/// The times a request keeps its person out of training, as instants: the
/// duties apply_requests gives it, read back the way the calendar reads duties.
struct excluded_time {
    std::vector<std::pair<instant, instant>> spans;    ///< one-off spans (not_on, move)
    std::optional<std::pair<minutes, minutes>> daily;  ///< not_before / not_after: clock range every day
    local_date from{}, to{};                           ///< the days `daily` covers
};

excluded_time excluded(const model::scenario& s, const change_request& r, const solution* previous,
                       std::optional<instant> replan_from) {
    const auto& e = s.employees[r.employee.value];
    const auto& zone = s.zone_of(e);
    excluded_time out;
    switch (r.kind) {
        case request_kind::not_on:
            out.spans.emplace_back(at(zone, r.date, minutes{0}), at(zone, r.date, day_minutes));
            break;
        case request_kind::not_before:
        case request_kind::not_after:
            out.daily =
                r.kind == request_kind::not_before ? std::pair{minutes{0}, r.time} : std::pair{r.time, day_minutes};
            out.from = first_day(s, zone, replan_from);
            out.to = s.horizon.last;
            break;
        case request_kind::move:
            if (previous)
                if (const auto* c = cohort_of(*previous, r.employee, r.program))
                    for (const auto& x : c->sessions)
                        if (!is_locked(x, replan_from)) out.spans.emplace_back(x.start, x.end);
            break;
    }
    return out;
}

/// Whether [a, b) meets the excluded time (only from the re-plan instant on).
bool meets(const excluded_time& x, const date::time_zone& zone, instant a, instant b, std::optional<instant> from) {
    if (from) a = std::max(a, *from);
    if (b <= a) return false;
    for (const auto& [p, q] : x.spans)
        if (p < b && a < q) return true;
    if (!x.daily || x.daily->second <= x.daily->first) return false;
    // The local days [a, b) touches, and the day before for safety at zone changes.
    const local_date first = calendar::local_day(a, zone) - date::days{1};
    const local_date last = calendar::local_day(b - minutes{1}, zone);
    for (local_date d = std::max(first, x.from); d <= last && d <= x.to; d += date::days{1}) {
        const instant p = at(zone, d, x.daily->first), q = at(zone, d, x.daily->second);
        if (p < b && a < q) return true;
    }
    return false;
}

std::string what_of(const change_request& r) {
    if (!r.reason.empty()) return "request: " + r.reason;
    return "request: " + std::string(load::to_string(r.kind)) + (r.value.empty() ? "" : " " + r.value);
}

/// Where `e` trains for `p` in `plan`, as a reader is told it; none when unplaced.
std::optional<std::string> placement(const model::scenario& s, const solution& plan, model::employee_index e,
                                     model::program_index p, const text::messages& m) {
    const auto& zone = s.zone_of(s.employees[e.value]);
    const model::cohort* c = cohort_of(plan, e, p);
    instant first = instant::max(), last = instant::min();
    if (c)
        for (const auto& ses : c->sessions) {
            first = std::min(first, ses.start);
            last = std::max(last, ses.end);
        }
    for (const auto& b : plan.study_blocks)
        if (b.employee == e && b.program == p) {
            first = std::min(first, b.start);
            last = std::max(last, b.end);
        }
    if (last <= first) return std::nullopt;
    const std::string from_day = m.day(calendar::local_day(first, zone), text::date_style::medium);
    const std::string to_day = m.day(calendar::local_day(last - minutes{1}, zone), text::date_style::medium);
    return c ? m.format("in cohort {}, {} to {}", c->id, from_day, to_day)
             : m.format("in self-paced study, {} to {}", from_day, to_day);
}

/// Why the people of cohort `c` cannot leave it: it met before the re-plan
/// instant, or it has a session fixed in advance.
std::string locked_because(const model::cohort& c, std::optional<instant> from, const text::messages& m) {
    const bool met = from && std::any_of(c.sessions.begin(), c.sessions.end(),
                                         [&](const model::session& x) { return x.start < *from; });
    return met ? m.format(
                     "cohort {} is under way (it met before the re-plan instant), so its participants stay as "
                     "they are",
                     c.id)
               : m.format("cohort {} has a session fixed in advance, so its participants stay as they are", c.id);
}

request_answer evaluate(const model::scenario& s, const change_request& r, const solution& plan,
                        const solution& previous, std::optional<instant> replan_from, const text::messages& m) {
    request_answer out;
    const auto& e = s.employees[r.employee.value];
    const auto& zone = s.zone_of(e);
    const excluded_time x = excluded(s, r, &previous, replan_from);
    const model::cohort* c = cohort_of(plan, r.employee, r.program);
    std::vector<const model::study_block*> blocks;
    for (const auto& b : plan.study_blocks)
        if (b.employee == r.employee && b.program == r.program) blocks.push_back(&b);

    if (!c && blocks.empty()) {
        for (const auto& u : plan.unplaced) {
            if (u.employee != r.employee || u.program != r.program) continue;
            if (!u.reasons.empty()) out.code = u.reasons.front().code;
            for (const auto& why : u.reasons) {
                if (!out.explanation.empty()) out.explanation += ' ';
                out.explanation += why.message;
            }
            if (!u.alternatives.empty()) out.alternative = u.alternatives.front().description;
            break;
        }
        if (out.code.empty()) {
            out.code = "R-NOT-REACHED";
            out.explanation =
                m.format("the re-plan leaves the {} training of {} unplaced", s.programs[r.program.value].id, e.name);
        }
        return out;
    }

    // Placed: does anything of it fall inside the excluded time?
    const model::cohort* left = r.kind == request_kind::move ? cohort_of(previous, r.employee, r.program) : nullptr;
    if (c && left && c->id == left->id) {
        out.code = "R-REPLAN";
        out.explanation =
            under_way(*c, replan_from)
                ? locked_because(*c, replan_from, m)
                : m.format("the re-plan finds no other cohort for {}: they stay in cohort {}", e.name, c->id);
        return out;
    }
    if (c)
        for (const auto& ses : c->sessions) {
            if (!meets(x, zone, ses.start, ses.end, replan_from)) continue;
            const bool locked = under_way(*c, replan_from);
            out.code = locked ? "R-REPLAN" : "R-UNAVAILABLE";
            out.explanation =
                locked ? locked_because(*c, replan_from, m)
                       : m.format("the new plan still has {} in training at a time the request excludes ({})", e.name,
                                  calendar::format_instant(ses.start, zone));
            return out;
        }
    for (const auto* b : blocks) {
        if (!meets(x, zone, b->start, b->end, replan_from)) continue;
        out.code = replan_from && b->start < *replan_from ? "R-REPLAN" : "R-UNAVAILABLE";
        out.explanation = m.format("the new plan still has {} in training at a time the request excludes ({})", e.name,
                                   calendar::format_instant(b->start, zone));
        return out;
    }

    out.granted = true;
    out.explanation = placement(s, plan, r.employee, r.program, m).value_or(std::string{});
    return out;
}

/// A person's items in a plan, as comparable text.
std::map<std::uint32_t, std::vector<std::string>> items_by_employee(const solution& plan) {
    std::map<std::uint32_t, std::vector<std::string>> out;
    for (const auto& c : plan.cohorts) {
        std::string key = "c|" + c.id + "|" + std::to_string(c.program.value) + "|" +
                          std::to_string(static_cast<int>(c.mode)) + "|" + std::to_string(c.venue.value) + "|" +
                          std::to_string(c.platform.value);
        for (const auto& x : c.sessions)
            key += "|" + std::to_string(x.start.time_since_epoch().count()) + "-" +
                   std::to_string(x.end.time_since_epoch().count());
        for (const auto e : c.participants) out[e.value].push_back(key);
    }
    for (const auto& b : plan.study_blocks)
        out[b.employee.value].push_back("b|" + std::to_string(b.program.value) + "|" + std::to_string(b.module) + "|" +
                                        std::to_string(b.start.time_since_epoch().count()) + "-" +
                                        std::to_string(b.end.time_since_epoch().count()) + "|" +
                                        (b.recording ? "r" : ""));
    for (auto& [e, items] : out) std::sort(items.begin(), items.end());
    return out;
}

}  // namespace

model::scenario apply_requests(const model::scenario& s, std::span<const change_request> requests,
                               const model::solution* previous, std::optional<instant> replan_from) {
    model::scenario out = s;
    for (const auto& r : requests) {
        auto& e = out.employees[r.employee.value];
        const auto& zone = s.zone_of(s.employees[r.employee.value]);
        model::duty d;
        d.what = what_of(r);
        switch (r.kind) {
            case request_kind::not_on:
                d.start = r.date;
                d.time = {minutes{0}, day_minutes};
                e.duties.push_back(d);
                break;
            case request_kind::not_before:
            case request_kind::not_after: {
                d.start = first_day(s, zone, replan_from);
                calendar::rrule rule;
                rule.freq = calendar::frequency::daily;
                rule.until = s.horizon.last;
                d.rule = rule;
                d.time = r.kind == request_kind::not_before ? model::clock_range{minutes{0}, r.time}
                                                            : model::clock_range{r.time, day_minutes};
                if (d.time.end > d.time.start) e.duties.push_back(d);
                break;
            }
            case request_kind::move:
                if (!previous) break;
                if (const auto* c = cohort_of(*previous, r.employee, r.program))
                    for (const auto& x : c->sessions) {
                        if (is_locked(x, replan_from)) continue;
                        const auto local = date::floor<minutes>(zone.to_local(x.start));
                        const auto day = date::floor<date::days>(local);
                        const minutes begin = local - day;
                        d.start = day;
                        d.time = {begin, begin + (x.end - x.start)};
                        e.duties.push_back(d);
                    }
                break;
        }
    }
    return out;
}

std::vector<model::employee_index> affected_employees(const model::scenario& s, const solution& before,
                                                      const solution& after) {
    const auto a = items_by_employee(before);
    const auto b = items_by_employee(after);
    static const std::vector<std::string> none;
    std::vector<model::employee_index> out;
    for (std::uint32_t e = 0; e < s.employees.size(); ++e) {
        const auto ia = a.find(e), ib = b.find(e);
        const auto& xa = ia == a.end() ? none : ia->second;
        const auto& xb = ib == b.end() ? none : ib->second;
        if (xa != xb) out.push_back(model::employee_index{e});
    }
    return out;
}

requests_outcome answer_requests(const model::scenario& s, const solution& previous,
                                 std::span<const change_request> requests, solve_options opts) {
    if (!opts.replan_from)
        throw solve_error(errc::solve, "answering change requests needs the re-plan instant (replan_from)");
    opts.previous = &previous;
    opts.stability = model::stability_mode::strict;
    const text::messages m(opts.language ? *opts.language : s.locale ? *s.locale : text::language::en);

    requests_outcome out;
    out.answers.resize(requests.size());
    std::vector<std::size_t> active(requests.size());
    for (std::size_t i = 0; i < active.size(); ++i) active[i] = i;
    constexpr int max_rounds = 3;
    // A time limit is shared by the rounds: each may take an equal part of what is left.
    const auto started = std::chrono::steady_clock::now();
    const std::optional<double> limit = opts.time_limit_seconds;
    for (int round = 1; round <= max_rounds; ++round) {
        if (limit) {
            const double used = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            opts.time_limit_seconds = std::max(0.0, *limit - used) / (max_rounds - round + 1);
        }
        std::vector<change_request> applied;
        applied.reserve(active.size());
        for (const std::size_t i : active) applied.push_back(requests[i]);
        out.asked = apply_requests(s, applied, &previous, opts.replan_from);
        out.plan = solve(out.asked, opts);
        out.rounds = round;
        std::vector<std::size_t> kept;
        for (const std::size_t i : active) {
            out.answers[i] = evaluate(s, requests[i], out.plan, previous, opts.replan_from, m);
            out.answers[i].round = round;
            if (out.answers[i].granted) kept.push_back(i);
        }
        const bool refused_any = kept.size() != active.size();
        if (!refused_any) break;
        if (round == max_rounds) {
            out.settled = false;
            for (const std::size_t i : active)
                if (!out.answers[i].granted)
                    out.answers[i].explanation +=
                        " " + std::string(m.tr("(The answers did not settle in three re-plans: this request was "
                                               "refused in the last one, whose plan is the one published.)"));
            break;
        }
        active = std::move(kept);
    }
    // A refusal whose explanation offers nothing else says what the person
    // keeps: their seat in the plan published now.
    for (std::size_t i = 0; i < requests.size(); ++i) {
        auto& a = out.answers[i];
        if (a.granted || !a.alternative.empty()) continue;
        if (const auto kept = placement(s, out.plan, requests[i].employee, requests[i].program, m))
            a.alternative = m.format("keep the present seat: {}", *kept);
    }
    out.affected = affected_employees(s, previous, out.plan);
    return out;
}

}  // namespace jadwal::solve
