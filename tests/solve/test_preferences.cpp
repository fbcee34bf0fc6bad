// Personal preferences in the solver (docs/model.md "Preferences"): refused
// modes are hard, misses are the objective's preference term, and the plan's
// incremental count equals a count from scratch. The scenarios set
// `employee::prefs` in C++ so that these tests do not depend on the format.
#include <algorithm>
#include <jadwal/solve/explain.hpp>

#include "../../src/solve/construct.hpp"
#include "../../src/solve/extract.hpp"
#include "../../src/solve/local_search.hpp"
#include "../../src/solve/plan.hpp"
#include "support.hpp"

using namespace jadwal;
namespace sd = jadwal::solve::detail;

namespace {

using model::delivery_mode;

constexpr std::uint8_t bit(date::weekday w) {
    return static_cast<std::uint8_t>(1U << w.c_encoding());
}

model::clock_range hours(int from_h, int to_h) {
    return {model::minutes{from_h * 60}, model::minutes{to_h * 60}};
}

model::employee& employee(model::scenario& s, std::string_view id) {
    for (auto& e : s.employees)
        if (e.id == id) return e;
    FAIL("no employee " << id);
    throw;
}

/// One office week; `p` runs only live online, `q` only self-paced.
std::shared_ptr<model::scenario> one_mode_each() {
    return test::scenario_from(R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-05}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units: [{id: u, pattern: office, max_absent: 3}]
employees:
  - {id: a, name: Ani, unit: u, status: pns, jp_target: 0}
  - {id: b, name: Budi, unit: u, status: pns, jp_target: 0}
  - {id: c, name: Citra, unit: u, status: pns, jp_target: 0}
platforms: [{id: z, capacity: 10, concurrent: 1}]
programs:
  - id: p
    modules: [{id: m1, jp: 2}]
    modes: [{mode: online_live, platform: z, windows: [working_hours]}]
    cohort: {min: 1, max: 10}
  - id: q
    modules: [{id: m1, jp: 2}]
    modes: [{mode: self_paced, windows: [working_hours]}]
demand:
  - {program: p, where: {unit: u}, priority: mandatory}
  - {program: q, where: {unit: u}, priority: mandatory}
policies: {only: {working_hours: 08:00-16:00}}
)");
}

/// Twelve people of one office, a classroom programme and a self-paced one,
/// every window in working hours: where in the day things go costs the same
/// burden, so only the preferences tell the times apart.
std::shared_ptr<model::scenario> twelve_people() {
    std::string staff;
    for (int i = 0; i < 12; ++i)
        staff += fmt::format("  - {{id: e{0}, name: E{0}, unit: u, status: pns, jp_target: 0}}\n", i);
    auto s = test::scenario_from(R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-12}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units: [{id: u, pattern: office, max_absent: 12}]
venues: [{id: hall, capacity: 20}]
employees:
)" + staff + R"(
programs:
  - id: class
    modules: [{id: m1, jp: 2}]
    modes: [{mode: classroom, venues: [hall], windows: [working_hours]}]
    cohort: {min: 1, max: 12}
  - id: study
    modules: [{id: m1, jp: 4}]
    modes: [{mode: self_paced, windows: [working_hours]}]
demand:
  - {program: class, where: {unit: u}, priority: mandatory}
  - {program: study, where: {unit: u}, priority: mandatory}
policies: {only: {working_hours: 08:00-16:00}}
)");
    for (std::size_t i = 0; i < s->employees.size(); ++i) {
        auto& p = s->employees[i].prefs;
        p.times = {hours(13, 16)};  // afternoons
        if (i % 2 == 0) p.days = bit(date::Tuesday) | bit(date::Thursday);
        if (i % 3 == 0) p.avoid_dates = {model::local_date{date::year{2026} / 6 / 4}};
    }
    return s;
}

const model::unplaced_demand* unplaced_of(const model::scenario& s, const solve::solution& sol, std::string_view who,
                                          std::string_view program) {
    for (const auto& u : sol.unplaced)
        if (s.employees[u.employee.value].id == who && s.programs[u.program.value].id == program) return &u;
    return nullptr;
}

}  // namespace

TEST_CASE("a person who refused live online training is never placed online, even when nothing else can place them",
          "[solve][preferences]") {
    auto s = one_mode_each();
    employee(*s, "b").prefs.refused_modes = {delivery_mode::online_live};
    employee(*s, "c").prefs.refused_modes = {delivery_mode::self_paced};
    const auto sol = test::solve_with(*s, "only", 3000);
    CHECK(test::own_violations(*s, sol, "only").empty());
    CHECK(sol.metrics.demand_placed == 4);  // Ani both, Budi self-paced, Citra online

    const model::employee_index b{1}, c{2};
    for (const auto& co : sol.cohorts)
        CHECK_FALSE(std::binary_search(co.participants.begin(), co.participants.end(), b));
    for (const auto& blk : sol.study_blocks) CHECK(blk.employee != c);

    const auto* budi = unplaced_of(*s, sol, "b", "p");
    REQUIRE(budi != nullptr);
    CHECK(budi->reasons.front().code == "R-MODE-REFUSED");
    CHECK(budi->reasons.front().message.find("Budi") != std::string::npos);
    const auto* citra = unplaced_of(*s, sol, "c", "q");
    REQUIRE(citra != nullptr);
    CHECK(citra->reasons.front().code == "R-MODE-REFUSED");

    // No plan can place what the people refused: the bound knows it.
    REQUIRE(sol.bounds);
    CHECK(sol.bounds->unplaceable == 2);
    CHECK(sol.bounds->demand_placed == 4);

    // `jadwal explain` gives the same reason, in Indonesian too.
    const auto ex = solve::explain_employee(*s, sol, b, model::program_index{0}, text::language::id);
    REQUIRE(ex.unplaced.size() == 1);
    CHECK(ex.unplaced.front().reasons.front().code == "R-MODE-REFUSED");
    CHECK(ex.unplaced.front().reasons.front().message.find("menolak") != std::string::npos);
}

TEST_CASE("the baseline seats no one in a classroom they refused", "[solve][preferences]") {
    auto s = test::scenario_from(R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-12}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units: [{id: u, pattern: office, max_absent: 3}]
venues: [{id: hall, capacity: 10}]
employees:
  - {id: a, name: Ani, unit: u, status: pns, jp_target: 0}
  - {id: b, name: Budi, unit: u, status: pns, jp_target: 0}
  - {id: c, name: Citra, unit: u, status: pns, jp_target: 0}
programs:
  - id: p
    modules: [{id: m1, jp: 2}]
    modes: [{mode: classroom, venues: [hall], windows: [working_hours]}]
    cohort: {min: 1, max: 10}
demand: [{program: p, where: {unit: u}, priority: mandatory}]
policies: {only: {working_hours: 08:00-16:00}}
)");
    employee(*s, "b").prefs.refused_modes = {delivery_mode::classroom};
    const auto base = test::solve_with(*s, "only", 0, 1, 1, solve::solve_strategy::baseline);
    CHECK(test::own_violations(*s, base, "only").empty());
    CHECK(base.metrics.demand_placed == 2);
    const auto* budi = unplaced_of(*s, base, "b", "p");
    REQUIRE(budi != nullptr);
    CHECK(budi->reasons.front().code == "R-MODE-REFUSED");
}

TEST_CASE("the plan refuses to seat a person in a mode they refused, and the evaluation flags such a seat",
          "[solve][preferences]") {
    auto s = one_mode_each();
    employee(*s, "b").prefs.refused_modes = {delivery_mode::online_live};
    const sd::compiled_model cm(*s, test::policy_of(*s, "only"));
    sd::plan pl(cm);
    sd::rng r(3);
    sd::refusal_log log;
    sd::construct(pl, r, log, [] { return false; });
    REQUIRE(pl.program_cohorts[0].size() == 1);
    const sd::cohort_id cohort = pl.program_cohorts[0].front();
    const sd::demand_id budi_p = cm.demand_of(sd::employee_id{1}, 0);
    REQUIRE(budi_p.valid());
    sd::refusal why = sd::refusal::none;
    CHECK_FALSE(pl.join(cohort, budi_p, &why));
    CHECK(why == sd::refusal::mode_refused);

    // Planted: Budi seated online after all.
    auto sol = sd::extract(pl, log);
    REQUIRE(sol.cohorts.size() == 1);
    auto& seats = sol.cohorts.front().participants;
    seats.push_back(model::employee_index{1});
    std::sort(seats.begin(), seats.end());
    const auto ev = sd::evaluate(cm, sol);
    const auto refused = std::count_if(ev.violations.begin(), ev.violations.end(),
                                       [](const sd::violation& v) { return v.code == "V-MODE-REFUSED"; });
    CHECK(refused == 1);
}

TEST_CASE(
    "with preferences for afternoons the plan misses fewer of them than a plan that ignores them, placing as much",
    "[solve][preferences]") {
    const auto s = twelve_people();
    auto ignoring = std::make_shared<model::scenario>(*s);
    for (auto& p : ignoring->policies) p.weights.preference = 0;
    const auto heeded = test::solve_with(*s, "only", 20000, 5);
    const auto ignored = test::solve_with(*ignoring, "only", 20000, 5);
    CHECK(heeded.metrics.demand_placed == 24);
    CHECK(ignored.metrics.demand_placed == heeded.metrics.demand_placed);
    INFO("misses heeded " << heeded.metrics.preference_misses << ", ignored " << ignored.metrics.preference_misses);
    CHECK(ignored.metrics.preference_misses > 0);
    CHECK(heeded.metrics.preference_misses < ignored.metrics.preference_misses);
    CHECK(heeded.objective.breakdown.at("preference") ==
          Approx(0.2 * static_cast<double>(heeded.metrics.preference_misses)));
    CHECK(ignored.objective.breakdown.at("preference") == 0);
}

TEST_CASE(
    "the incremental preference misses equal a count from scratch after many moves, with every kind of preference",
    "[solve][preferences]") {
    auto s = test::batanghari(150, 5);
    s->units.front().preferred_days = bit(date::Monday) | bit(date::Tuesday);
    for (std::size_t i = 0; i < s->employees.size(); ++i) {
        auto& p = s->employees[i].prefs;
        switch (i % 8) {
            case 0:
                p.modes = {delivery_mode::classroom};
                break;
            case 1:
                p.refused_modes = {delivery_mode::online_live};
                break;
            case 2:
                p.days = bit(date::Tuesday) | bit(date::Wednesday);
                break;
            case 3:
                p.times = {hours(8, 12)};
                break;
            case 4:
                p.avoid_weekdays = bit(date::Monday) | bit(date::Friday);
                break;
            case 5:
                for (int k = 3; k < 200; k += 7) p.avoid_dates.push_back(s->horizon.first + date::days{k});
                break;
            case 6:
                p.refused_modes = {delivery_mode::self_paced};
                p.modes = {delivery_mode::online_live};
                p.times = {hours(9, 11), hours(13, 15)};
                break;
            default:
                break;  // the unit's preferred days, where it has them
        }
    }
    for (const std::string_view policy : {"flexible", "modular"}) {
        INFO("policy " << policy);
        const sd::compiled_model cm(*s, test::policy_of(*s, policy));
        REQUIRE(cm.any_prefs);
        sd::plan pl(cm);
        sd::rng r(11);
        sd::refusal_log log;
        sd::construct(pl, r, log, [] { return false; });
        auto check = [&](int round) {
            INFO("after round " << round);
            const auto sol = sd::extract(pl, log);
            const auto ev = sd::evaluate(cm, sol);
            CHECK(ev.violations.empty());
            CHECK(ev.raw.preference_misses == pl.tot.preference_misses);
            CHECK(ev.metrics.preference_misses == pl.tot.preference_misses);
            CHECK(ev.raw == pl.tot);
            CHECK(ev.levels == pl.objective());
            CHECK(pl.self_check() == "");
            std::int64_t by_placement = 0;
            for (const sd::demand_id d : cm.demand.indices()) by_placement += pl.preference_misses(d);
            CHECK(by_placement == pl.tot.preference_misses);
        };
        check(0);
        CHECK(pl.tot.preference_misses > 0);
        for (int round = 1; round <= 4; ++round) {
            sd::search_params sp;
            sp.max_moves = 4000;
            sp.history = round % 2 ? 1 : 2000;  // also accept worse plans, and roll back often
            const auto st = sd::local_search(pl, r, log, sp);
            CHECK(st.moves == 4000);
            check(round);
        }
    }
}

TEST_CASE("the solver's preference misses are the ones verify counts", "[solve][preferences]") {
    auto s = test::batanghari(120, 3);
    for (std::size_t i = 0; i < s->employees.size(); ++i) {
        auto& p = s->employees[i].prefs;
        if (i % 3 == 0) p.times = {hours(8, 12)};
        if (i % 4 == 1) p.days = bit(date::Wednesday) | bit(date::Thursday);
        if (i % 5 == 2) p.modes = {delivery_mode::self_paced};
        if (i % 7 == 3) p.avoid_weekdays = bit(date::Friday);
        if (i % 9 == 4) p.refused_modes = {delivery_mode::classroom};
    }
    const auto sol = test::solve_with(*s, "flexible", 15000, 2);
    CHECK(sol.metrics.preference_misses > 0);
    const auto rep = verify::verify(*s, sol, test::policy_of(*s, "flexible"));
    CHECK(rep.metrics.preference_misses == sol.metrics.preference_misses);
    CHECK(rep.objective.burden == Approx(sol.objective.burden));
    CHECK(test::verify_violations(*s, sol, "flexible").empty());
}

TEST_CASE("an explanation of a placed person names the preferences their training misses", "[solve][preferences]") {
    auto s = one_mode_each();
    employee(*s, "a").prefs.modes = {delivery_mode::classroom};
    employee(*s, "a").prefs.avoid_weekdays = 0x7f;  // every day avoided: each session and block misses
    const auto sol = test::solve_with(*s, "only", 2000);
    REQUIRE(sol.metrics.demand_placed == 6);
    const auto ex = solve::explain_employee(*s, sol, model::employee_index{0});
    std::string notes;
    for (const auto& n : ex.notes) notes += n + "\n";
    INFO(notes);
    CHECK(notes.find("p: the plan misses 2 of Ani's preferences (1 in a mode not preferred, 1 on a day") !=
          std::string::npos);
    CHECK(notes.find("q: the plan misses ") != std::string::npos);
    const auto other = solve::explain_employee(*s, sol, model::employee_index{1});
    CHECK(other.notes.empty());
}

TEST_CASE("people who refused a mode are not counted as waiting for its cohorts, nor given as why others wait",
          "[solve][preferences]") {
    auto s = one_mode_each();
    s->programs[0].cohort_min = 3;
    employee(*s, "b").prefs.refused_modes = {delivery_mode::online_live};
    const auto sol = test::solve_with(*s, "only", 2000);
    const auto* ani = unplaced_of(*s, sol, "a", "p");
    REQUIRE(ani != nullptr);
    INFO(ani->reasons.front().message);
    CHECK(ani->reasons.front().code == "R-NO-COHORT");
    CHECK(ani->reasons.front().message.find("at best 2 of the 2 people waiting") != std::string::npos);
    CHECK(ani->reasons.front().message.find("refused") == std::string::npos);
    const auto* budi = unplaced_of(*s, sol, "b", "p");
    REQUIRE(budi != nullptr);
    CHECK(budi->reasons.front().code == "R-MODE-REFUSED");
}
