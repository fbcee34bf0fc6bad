// Planted violations of the assigned-duty rules (docs/model.md "Assigned
// duty"): a valid plan of tests/data/duty/ward.yaml, broken in one place at a
// time; `verify` and the solver's own evaluation must both refuse it.
#include <jadwal/calendar/assigned_duty.hpp>
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>

#include "../../src/solve/compiled_model.hpp"
#include "../../src/solve/evaluate.hpp"
#include "../support/load_or_fail.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace jadwal;

namespace {

struct fixture {
    std::shared_ptr<model::scenario> s;
    solve::solution plan;
};

const model::policy& duty_policy(const model::scenario& s) {
    return *std::find_if(s.policies.begin(), s.policies.end(), [](const model::policy& p) { return p.id == "duty"; });
}

fixture valid_plan() {
    fixture f;
    f.s = std::make_shared<model::scenario>(
        *test::load_or_fail(load::load_scenario_file(std::string(JADWAL_TEST_DATA) + "/duty/ward.yaml")));
    solve::solve_options o;
    o.policy = "duty";
    o.max_moves = 20000;
    o.seed = 1;
    f.plan = solve::solve(*f.s, o);
    return f;
}

std::set<std::string> codes(const model::scenario& s, const solve::solution& p) {
    std::set<std::string> out;
    for (const auto& v : verify::verify(s, p, duty_policy(s)).violations) out.insert(v.code);
    return out;
}

std::set<std::string> own_codes(const model::scenario& s, const solve::solution& p) {
    const solve::detail::compiled_model cm(s, duty_policy(s));
    std::set<std::string> out;
    for (const auto& v : solve::detail::evaluate(cm, p).violations) out.insert(v.code);
    return out;
}

}  // namespace

TEST_CASE("the valid plan with assigned duty and days in lieu passes both checkers", "[verify][duty]") {
    const auto f = valid_plan();
    REQUIRE(!f.plan.days_in_lieu.empty());
    CHECK(codes(*f.s, f.plan).empty());
    CHECK(own_codes(*f.s, f.plan).empty());
}

TEST_CASE("a nurse's duty day without a day in lieu is a violation", "[verify][duty]") {
    auto f = valid_plan();
    f.plan.days_in_lieu.erase(f.plan.days_in_lieu.begin());
    CHECK(codes(*f.s, f.plan) == std::set<std::string>{"H7-LIEU-MISSING"});
    CHECK(own_codes(*f.s, f.plan) == std::set<std::string>{"V-LIEU-MISSING"});
}

TEST_CASE("a day in lieu on a rostered day off is a violation", "[verify][duty]") {
    auto f = valid_plan();
    auto& l = f.plan.days_in_lieu.front();
    // The next date after the one earned on which the rotation rosters no shift.
    calendar::local_date d = l.earned + date::days{1};
    while (calendar::rostered_shift(*f.s, l.employee, d) != nullptr) d += date::days{1};
    l.date = d;
    CHECK(codes(*f.s, f.plan).count("H7-LIEU-DATE") == 1);
    CHECK(own_codes(*f.s, f.plan).count("V-LIEU") == 1);
}

TEST_CASE("a day in lieu after the policy's window is a violation", "[verify][duty]") {
    auto f = valid_plan();
    auto& l = f.plan.days_in_lieu.front();
    calendar::local_date d = l.earned + date::days{duty_policy(*f.s).assigned_duty->lieu_window_days + 1};
    while (calendar::rostered_shift(*f.s, l.employee, d) == nullptr) d += date::days{1};
    l.date = d;
    l.shift = calendar::rostered_shift(*f.s, l.employee, d)->code;
    CHECK(codes(*f.s, f.plan) == std::set<std::string>{"H7-LIEU-DATE"});
    CHECK(own_codes(*f.s, f.plan).count("V-LIEU") == 1);
}

TEST_CASE("more duty days in a month than the policy allows is a violation", "[verify][duty]") {
    auto f = valid_plan();
    // A stricter policy under the same plan: the teachers' two holiday days fall in one month for someone.
    for (auto& p : f.s->policies)
        if (p.assigned_duty) p.assigned_duty->max_days_per_month = 1;
    bool two_in_a_month = false;
    const auto rep = verify::verify(*f.s, f.plan, duty_policy(*f.s));
    for (const auto& v : rep.violations) two_in_a_month = two_in_a_month || v.code == "H7-DUTY-DAYS";
    const auto own = own_codes(*f.s, f.plan);
    CHECK(two_in_a_month == (own.count("V-DUTY-DAYS") == 1));
    CHECK(two_in_a_month);
}

TEST_CASE("a day in lieu that leaves its shift below the minimum is a violation", "[verify][duty]") {
    auto f = valid_plan();
    const auto l = f.plan.days_in_lieu.front();
    const auto& unit = f.s->units[f.s->employees[l.employee.value].unit.value];
    // Everyone else rostered on that shift takes leave that day except one: with the
    // day in lieu, fewer than the minimum of 2 stay on duty.
    int kept = 0;
    for (std::uint32_t e = 0; e < f.s->employees.size(); ++e) {
        if (e == l.employee.value || f.s->employees[e].unit.value != f.s->employees[l.employee.value].unit.value) continue;
        const model::shift* sh = calendar::rostered_shift(*f.s, model::employee_index{e}, l.date);
        if (!sh || sh->code != l.shift) continue;
        if (kept++ == 0) continue;
        f.s->employees[e].leaves.push_back({{l.date, l.date}, "cuti"});
    }
    REQUIRE(kept >= 1);
    REQUIRE(unit.min_on_duty.size() == 3);
    CHECK(codes(*f.s, f.plan).count("H6-SHIFT-MINIMUM") == 1);
}

TEST_CASE("a day in lieu under a policy without assigned duty is a violation", "[verify][duty]") {
    auto f = valid_plan();
    const model::policy* no_duty = nullptr;
    for (const auto& p : f.s->policies)
        if (p.id == "no_duty") no_duty = &p;
    REQUIRE(no_duty != nullptr);
    std::set<std::string> got;
    for (const auto& v : verify::verify(*f.s, f.plan, *no_duty).violations) got.insert(v.code);
    CHECK(got.count("H7-LIEU-DATE") == 1);
    CHECK(got.count("H7-AFTER-HOURS-DAY") == 1);  // the duty days are evenings and days off again
}

TEST_CASE("a day in lieu on a night shift, which runs past its date, is accepted by both checkers", "[verify][duty]") {
    const auto f = valid_plan();
    const auto& rule = *duty_policy(*f.s).assigned_duty;
    // Move one day in lieu to a night shift within its window on which a third nurse is
    // rostered (the minimum is 2), trying candidates until one leaves no violation: before
    // verify looked at the night's second date, every night shift read as not worked.
    bool accepted = false;
    int tried = 0;
    for (std::size_t k = 0; k < f.plan.days_in_lieu.size() && !accepted; ++k) {
        const auto l = f.plan.days_in_lieu[k];
        for (int off = 1; off <= rule.lieu_window_days && !accepted; ++off) {
            const calendar::local_date d = l.earned + date::days{off};
            if (!f.s->horizon.contains(d)) break;
            const model::shift* sh = calendar::rostered_shift(*f.s, l.employee, d);
            if (!sh || !sh->night) continue;
            int rostered = 0, taken = 0;
            for (std::uint32_t e = 0; e < f.s->employees.size(); ++e) {
                const model::shift* other = calendar::rostered_shift(*f.s, model::employee_index{e}, d);
                rostered += other && other->code == sh->code ? 1 : 0;
            }
            for (const auto& o : f.plan.days_in_lieu) taken += o.date == d && o.shift == sh->code ? 1 : 0;
            if (rostered - taken < 3) continue;
            auto p = f.plan;
            p.days_in_lieu[k].date = d;
            p.days_in_lieu[k].shift = sh->code;
            ++tried;
            accepted = codes(*f.s, p).empty() && own_codes(*f.s, p).empty();
        }
    }
    INFO(tried << " night shifts tried");
    CHECK(accepted);
}
