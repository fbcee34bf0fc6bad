// explain_employee: rebuilds the plan from the solution (the same import that
// re-planning uses, with nothing locked), then asks the explanation engine
// about each unmet demand of the person.
#include <jadwal/solve/explain.hpp>
#include <jadwal/solve/solver.hpp>

#include "compiled_model.hpp"
#include "explain.hpp"
#include "plan.hpp"
#include "replan.hpp"

#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/text/messages.hpp>

#include <algorithm>
#include <set>

namespace jadwal::solve {

employee_explanation explain_employee(const model::scenario& s, const solution& sol, model::employee_index employee,
                                      std::optional<model::program_index> program,
                                      std::optional<text::language> language) {
    const text::messages m(text::choose_language(language, s.locale));
    const detail::compiled_model cm(s, model::policy_or_builtin(plan_policy(s, sol)));
    const detail::replan_context rc(m, cm, sol, std::nullopt, /*keep_pins=*/false);
    detail::plan pl(cm);
    pl.set_previous(&rc);
    detail::import_previous(m, pl, rc);
    detail::import_previous_top_up(m, pl, rc);

    employee_explanation out;
    out.employee = employee;
    const auto& emp = s.employees[employee.value];
    out.jp_target = emp.jp_target;
    out.jp_cap = emp.jp_cap;
    const detail::employee_id e = employee;
    out.placed_jp = pl.placed_jp[e];
    out.jp_earned = cm.employees[e].jp_earned;
    // Placements the file holds: cohort seats, and people with study blocks per programme.
    std::int64_t in_file = 0;
    for (const auto& c : sol.cohorts) in_file += static_cast<std::int64_t>(c.participants.size());
    std::set<std::pair<std::uint32_t, std::uint32_t>> studying;
    for (const auto& b : sol.study_blocks) studying.insert({b.employee.value, b.program.value});
    in_file += static_cast<std::int64_t>(studying.size());
    if (pl.placed_count() != in_file)
        out.notes.push_back(
            m.format("the plan rebuilds with {} of its {} placements under this scenario; run "
                     "`jadwal verify` to see what no longer holds",
                     m.number(pl.placed_count()), m.number(in_file)));

    auto minutes_of = [&](instant a, instant b, explained_training& t) {
        const auto ta = static_cast<detail::tmin>((a - cm.t0).count());
        const auto tb = static_cast<detail::tmin>((b - cm.t0).count());
        t.working_minutes = cm.work_minutes(e, ta, tb);
        t.after_hours_minutes = cm.after_hours_minutes(e, ta, tb);  // break minutes are neither
    };
    auto wanted = [&](model::program_index p) { return !program || *program == p; };
    for (const auto& c : sol.cohorts) {
        if (!wanted(c.program) || !std::binary_search(c.participants.begin(), c.participants.end(), employee)) continue;
        for (const auto& ses : c.sessions) {
            explained_training t;
            t.program = c.program;
            t.cohort = c.id;
            t.mode = c.mode;
            t.module = ses.module;
            t.start = ses.start;
            t.end = ses.end;
            minutes_of(ses.start, ses.end, t);
            out.trainings.push_back(std::move(t));
        }
    }
    for (const auto& b : sol.study_blocks) {
        if (b.employee != employee || !wanted(b.program)) continue;
        explained_training t;
        t.program = b.program;
        t.mode = model::delivery_mode::self_paced;
        t.recording = b.recording;
        t.top_up = b.top_up;
        t.module = b.module;
        t.start = b.start;
        t.end = b.end;
        minutes_of(b.start, b.end, t);
        out.trainings.push_back(std::move(t));
    }
    std::stable_sort(out.trainings.begin(), out.trainings.end(),
                     [](const explained_training& a, const explained_training& b) { return a.start < b.start; });

    // What the plan misses of the person's preferences, per programme placed
    // (declared demand and catalogue top-up alike; docs/model.md "Preferences").
    auto note_misses = [&](detail::demand_id d) {
        const detail::placement& p = pl.place[d];
        if (p.kind == detail::place_kind::none || !cm.employees[e].prefers) return;
        const bool seated = p.kind == detail::place_kind::cohort;
        const detail::delivery_c& pm = cm.deliveries[seated ? pl.cohorts[p.cohort].pm : p.pm];
        int days = 0, times = 0;
        auto count = [&](detail::tmin a, detail::tmin b) {
            days += cm.day_missed(e, a) ? 1 : 0;
            times += cm.clock_missed(e, a, b) ? 1 : 0;
        };
        if (seated)
            for (const auto& x : pl.cohorts[p.cohort].sessions) count(x.a, x.b);
        else
            for (const auto& x : p.blocks) count(x.a, x.b);
        const int mode = cm.mode_miss(e, pm);
        if (mode + days + times == 0) return;
        out.notes.push_back(m.format(
            "{}: the plan misses {} of {}'s preferences ({} in a mode not preferred, {} on a day not preferred or "
            "avoided, {} outside the preferred times)",
            s.programs[cm.demand[d].program].id, m.number(mode + days + times), emp.name.empty() ? emp.id : emp.name,
            m.number(mode), m.number(days), m.number(times)));
    };
    for (const detail::demand_id d : cm.declared_of(e)) {
        const model::program_index p{cm.demand[d].program};
        if (!wanted(p)) continue;
        if (pl.place[d].kind != detail::place_kind::none) {
            note_misses(d);
            out.placed.push_back(p);
            continue;
        }
        detail::rng r(detail::explain_seed(sol.seed, d));
        const auto ex = detail::explain_unplaced(m, pl, r, d);
        out.unplaced.push_back({employee, p, ex.reasons, ex.alternatives});
    }
    for (const detail::demand_id d : cm.topups_of(e))
        if (wanted(model::program_index{cm.demand[d].program})) note_misses(d);

    // Make-ups (docs/attendance.md "Make-ups"): what was missed, where the
    // re-plan placed the programme again, and why there.
    const auto& zone = s.zone_of(emp);
    const auto day_of = [&](instant t) { return m.day(calendar::local_day(t, zone), text::date_style::medium); };
    const auto mode_text = [&](model::delivery_mode mode) {
        if (m.lang() == text::language::en) return std::string(model::to_string(mode));
        switch (mode) {
            case model::delivery_mode::classroom: return std::string(m.tr_in("mode", "classroom"));
            case model::delivery_mode::online_live: return std::string(m.tr_in("mode", "live online"));
            case model::delivery_mode::self_paced: return std::string(m.tr_in("mode", "self-paced"));
        }
        return std::string(model::to_string(mode));
    };
    for (const auto& x : sol.makeups) {
        if (x.employee != employee || !wanted(x.program) || x.program.value >= s.programs.size()) continue;
        const auto& prog = s.programs[x.program.value];
        const std::string module = x.module < prog.modules.size() ? prog.modules[x.module].id : std::string{};
        const std::string missed =
            x.cohort.empty()
                ? m.format("{}: a make-up for the study of module {} skipped (its first block on {})", prog.id,
                           module, day_of(x.missed))
                : m.format("{}: a make-up for {} missed session(s) of module {} in cohort {}, the first on {}",
                           prog.id, m.number(x.sessions_missed), module, x.cohort, day_of(x.missed));
        std::optional<instant> first;
        const model::cohort* now = nullptr;
        for (const auto& c : sol.cohorts)
            if (c.program == x.program && std::binary_search(c.participants.begin(), c.participants.end(), employee))
                now = &c;
        bool recording = false;
        if (now)
            for (const auto& ses : now->sessions) first = first ? std::min(*first, ses.start) : ses.start;
        for (const auto& b : sol.study_blocks)
            if (b.employee == employee && b.program == x.program) {
                first = first ? std::min(*first, b.start) : b.start;
                recording = recording || b.recording;
            }
        std::string placed;
        if (now)
            placed = m.format("placed in cohort {} ({}) from {}: the cohort missed had already met, so the programme "
                              "is placed again, whole, after the re-plan instant, and of the cohorts, recordings and "
                              "self-paced study open to them then this one ranks best in the objective",
                              now->id, mode_text(now->mode), day_of(*first));
        else if (first && recording)
            placed = m.format("placed as the recording of the session, watched on {}: the live session has passed, "
                              "and the recording is still open to them after the re-plan instant",
                              day_of(*first));
        else if (first)
            placed = m.format("placed as self-paced study from {}: of the cohorts and self-paced study open to them "
                              "after the re-plan instant, this ranks best in the objective",
                              day_of(*first));
        else
            placed = std::string(m.tr("not placed again: nothing after the re-plan instant fits (the reasons are "
                                      "below)"));
        out.notes.push_back(missed + "; " + placed);
    }
    return out;
}

}  // namespace jadwal::solve
