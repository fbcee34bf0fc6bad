// explain_employee: rebuilds the plan from the solution (the same import that
// re-planning uses, with nothing locked), then asks the explanation engine
// about each unmet demand of the person.
#include <jadwal/solve/explain.hpp>
#include <jadwal/solve/solver.hpp>

#include "compiled_model.hpp"
#include "explain.hpp"
#include "plan.hpp"
#include "replan.hpp"

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
    const std::uint32_t e = employee.value;
    out.placed_jp = pl.placed_jp[e];
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

    for (auto i = cm.demand_off[e]; i < cm.demand_off[e + 1]; ++i) {
        const std::uint32_t d = cm.demand_by_emp[i];
        const model::program_index p{cm.demand[d].program};
        if (!wanted(p)) continue;
        if (pl.place[d].kind != detail::place_kind::none) {
            out.placed.push_back(p);
            continue;
        }
        detail::rng r(detail::explain_seed(sol.seed, d));
        const auto ex = detail::explain_unplaced(m, pl, r, d);
        out.unplaced.push_back({employee, p, ex.reasons, ex.alternatives});
    }
    return out;
}

}  // namespace jadwal::solve
