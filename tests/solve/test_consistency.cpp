// Properties on generated populations: plans satisfy every hard constraint,
// incremental bookkeeping equals a full evaluation after many moves, runs are
// reproducible, more threads are never worse than one, and the baseline is feasible.
#include "support.hpp"

#include "../../src/solve/construct.hpp"
#include "../../src/solve/extract.hpp"
#include "../../src/solve/local_search.hpp"
#include "../../src/solve/plan.hpp"

#include <array>

using namespace jadwal;
namespace sd = jadwal::solve::detail;

namespace {

constexpr std::array<std::string_view, 5> all_policies{"flexible", "classroom_only", "modular", "after_hours_only",
                                                       "flexible_duty"};

void require_same_metrics(const solve::solution_metrics& a, const solve::solution_metrics& b) {
    CHECK(a.demand_total == b.demand_total);
    CHECK(a.demand_placed == b.demand_placed);
    CHECK(a.participation_rate == Approx(b.participation_rate));
    CHECK(a.jp_target_employees == b.jp_target_employees);
    CHECK(a.jp_target_met == b.jp_target_met);
    CHECK(a.disruption_minutes == b.disruption_minutes);
    CHECK(a.disruption_weighted == Approx(b.disruption_weighted));
    CHECK(a.after_hours_minutes == b.after_hours_minutes);
    CHECK(a.max_after_hours_minutes_per_person_week == b.max_after_hours_minutes_per_person_week);
    CHECK(a.max_unit_absence_ratio == Approx(b.max_unit_absence_ratio));
    CHECK(a.cohorts == b.cohorts);
    CHECK(a.sessions == b.sessions);
    CHECK(a.study_blocks == b.study_blocks);
    CHECK(a.instructor_minutes == b.instructor_minutes);
}

}  // namespace

TEST_CASE("plans of generated populations satisfy every hard constraint", "[solve]") {
    for (const auto& [employees, seed] : {std::pair{60, 1ULL}, std::pair{120, 2ULL}, std::pair{200, 3ULL}}) {
        const auto s = test::batanghari(employees, seed);
        for (const auto policy : all_policies) {
            INFO("employees " << employees << ", seed " << seed << ", policy " << policy);
            const auto sol = test::solve_with(*s, std::string(policy), 20000, seed);
            CHECK(sol.status == solve::solve_status::feasible);
            CHECK(sol.metrics.hard_violations == 0);
            CHECK(test::own_violations(*s, sol, policy).empty());
            // verify recomputes the same metrics and objective.
            const auto rep = verify::verify(*s, sol, test::policy_of(*s, policy));
            require_same_metrics(sol.metrics, rep.metrics);
            CHECK(sol.objective.participation == Approx(rep.objective.participation));
            CHECK(sol.objective.burden == Approx(rep.objective.burden));
            CHECK(sol.objective.cost == Approx(rep.objective.cost));
            CHECK(test::verify_violations(*s, sol, policy).empty());
        }
    }
}

TEST_CASE("incremental bookkeeping equals a full evaluation after many moves", "[solve]") {
    auto s = test::batanghari(150, 5);
    // A tight budget makes cohorts close and open (and ids get reused) during the search.
    auto tight = std::make_shared<model::scenario>(*s);
    tight->budget.max_classroom_cohorts = 2;
    tight->budget.max_cost = 40'000'000;
    for (const auto& [sc, policy] : {std::pair{s, std::string_view{"flexible"}}, std::pair{s, std::string_view{"modular"}},
                                     std::pair{tight, std::string_view{"classroom_only"}},
                                     std::pair{tight, std::string_view{"flexible"}},
                                     std::pair{s, std::string_view{"flexible_duty"}}}) {
        INFO("policy " << policy << (sc == tight ? " with a tight budget" : ""));
        const sd::compiled_model cm(*sc, test::policy_of(*sc, policy));
        sd::plan pl(cm);
        sd::rng r(11);
        sd::refusal_log log;
        sd::construct(pl, r, log, [] { return false; });
        auto check = [&](int round) {
            INFO("after round " << round);
            const auto sol = sd::extract(pl, log);
            const auto ev = sd::evaluate(cm, sol);
            CHECK(ev.violations.empty());
            CHECK(ev.raw == pl.tot);
            CHECK(ev.levels == pl.objective());
            CHECK(pl.self_check() == "");
            CHECK(pl.budget_ok());
        };
        check(0);
        for (int round = 1; round <= 6; ++round) {
            sd::search_params sp;
            sp.max_moves = 4000;
            sp.history = round % 2 ? 1 : 2000;  // also accept worse plans, and roll back often
            const auto st = sd::local_search(pl, r, log, sp);
            CHECK(st.moves == 4000);
            check(round);
        }
    }
}

TEST_CASE("every kind of move is tried and the common ones find feasible changes", "[solve]") {
    // Under `flexible` a small regency whose trainers also teach in the evening
    // has no classroom cohort left (evenings weigh less than working time), so
    // venue changes and swaps between cohorts are counted under classroom_only too.
    const auto s = test::batanghari(400, 8);
    std::array<std::int64_t, sd::move_kinds> tried{}, feasible{};
    for (const std::string_view policy : {"flexible", "classroom_only"}) {
        const sd::compiled_model cm(*s, test::policy_of(*s, policy));
        sd::plan pl(cm);
        sd::rng r(1);
        sd::refusal_log log;
        sd::construct(pl, r, log, [] { return false; });
        sd::search_params sp;
        sp.max_moves = 60000;
        sp.stall_moves = 0;  // the stall moves (pair_retime) from the start, so every kind is drawn
        const auto st = sd::local_search(pl, r, log, sp);
        for (std::size_t k = 0; k < sd::move_kinds; ++k) {
            tried[k] += st.tried[k];
            feasible[k] += st.feasible[k];
        }
        INFO(policy);
        CHECK(st.improved > 0);
        CHECK(pl.self_check() == "");
    }
    for (std::size_t k = 0; k < sd::move_kinds; ++k) {
        const auto kind = static_cast<sd::move_kind>(k);
        INFO(sd::to_string(kind));
        CHECK(tried[k] > 0);
        // The others depend on the population: moving a self-paced person into a
        // cohort needs cohorts of programmes that also run self-paced, inserting or
        // opening needs waiting demand that something can take.
        using mk = sd::move_kind;
        for (const auto common : {mk::block_random, mk::block_best, mk::session_shift, mk::cohort_shift,
                                  mk::venue_change, mk::member_move, mk::member_swap, mk::cohort_close,
                                  mk::ruin_person, mk::ruin_unit, mk::pair_retime})
            if (kind == common) CHECK(feasible[k] > 0);
    }
}

TEST_CASE("the same seed and move limit give the same solution file", "[solve]") {
    const auto s = test::batanghari(120, 4);
    for (const int threads : {1, 2}) {
        INFO("threads " << threads);
        const auto a = test::solve_with(*s, "flexible", 15000, 9, threads);
        const auto b = test::solve_with(*s, "flexible", 15000, 9, threads);
        CHECK(test::json_without_elapsed(*s, a) == test::json_without_elapsed(*s, b));
    }
    const auto c = test::solve_with(*s, "flexible", 15000, 10);
    const auto d = test::solve_with(*s, "flexible", 15000, 9);
    CHECK(test::json_without_elapsed(*s, c) != test::json_without_elapsed(*s, d));
}

TEST_CASE("two threads are never worse than one", "[solve]") {
    for (const std::uint64_t seed : {1, 2, 3}) {
        const auto s = test::batanghari(100, seed);
        const auto one = test::solve_with(*s, "flexible", 10000, seed, 1);
        const auto two = test::solve_with(*s, "flexible", 10000, seed, 2);
        INFO("seed " << seed);
        const sd::objective3 o1{one.objective.participation, one.objective.burden, one.objective.cost};
        const sd::objective3 o2{two.objective.participation, two.objective.burden, two.objective.cost};
        CHECK(sd::not_worse(o2, o1));
    }
}

TEST_CASE("the local search improves on the first plan", "[solve]") {
    const auto s = test::batanghari(200, 6);
    const auto first = test::solve_with(*s, "flexible", 0, 6);
    const auto searched = test::solve_with(*s, "flexible", 40000, 6);
    const sd::objective3 a{first.objective.participation, first.objective.burden, first.objective.cost};
    const sd::objective3 b{searched.objective.participation, searched.objective.burden, searched.objective.cost};
    CHECK(sd::better(b, a));
}

TEST_CASE("the baseline plans classroom cohorts by hand and breaks no hard constraint", "[solve]") {
    const auto s = test::batanghari(200, 2);
    for (const auto policy : all_policies) {
        INFO("policy " << policy);
        const auto sol = test::solve_with(*s, std::string(policy), 0, 1, 1, solve::solve_strategy::baseline);
        CHECK(sol.strategy == "baseline");
        CHECK(sol.moves == 0);
        CHECK(sol.study_blocks.empty());
        for (const auto& c : sol.cohorts) {
            CHECK(c.mode == model::delivery_mode::classroom);
            for (const auto& x : c.sessions) {
                const auto wd = date::weekday{date::floor<date::days>(x.start + std::chrono::hours{7})};
                CHECK((wd == date::Tuesday || wd == date::Wednesday || wd == date::Thursday));
            }
        }
        CHECK(test::own_violations(*s, sol, policy).empty());
        CHECK(test::verify_violations(*s, sol, policy).empty());
    }
    // Under a policy with classroom delivery it places someone.
    const auto sol = test::solve_with(*s, "classroom_only", 0, 1, 1, solve::solve_strategy::baseline);
    CHECK(sol.metrics.demand_placed > 0);
}

TEST_CASE("the 7,200-person Batanghari scenario is planned within every rule", "[solve][.slow]") {
    const auto s = test::batanghari(7200, 7);
    for (const auto policy : all_policies) {
        INFO("policy " << policy);
        const auto sol = test::solve_with(*s, std::string(policy), 300000, 7);
        CHECK(sol.metrics.hard_violations == 0);
        const auto rep = verify::verify(*s, sol, test::policy_of(*s, policy));
        CHECK(test::verify_violations(*s, sol, policy).empty());
        require_same_metrics(sol.metrics, rep.metrics);
        CHECK(sol.objective.participation == Approx(rep.objective.participation));
        CHECK(sol.objective.burden == Approx(rep.objective.burden));
        CHECK(sol.objective.cost == Approx(rep.objective.cost));
    }
}
