// These tests link jadwal::model alone, not the compiled library (see
// tests/CMakeLists.txt): that they build and link is the proof that the
// modelling vocabulary is header-only; what they check is that it works so.
#include <catch2/catch.hpp>
#include <jadwal/model/error.hpp>
#include <jadwal/model/plan.hpp>
#include <jadwal/model/policy.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/time/civil.hpp>
#include <jadwal/time/holiday.hpp>
#include <jadwal/time/interval_set.hpp>
#include <jadwal/time/iso_week.hpp>
#include <jadwal/time/recurrence.hpp>
#include <string>

#include "../support/in_code.hpp"

namespace {

using namespace jadwal;
using calendar::minutes;

calendar::local_date day(const char* iso) {
    return *calendar::parse_date(iso);
}

calendar::instant at(const char* iso) {
    return *calendar::parse_instant(iso);
}

model::scenario two_policy_scenario() {
    model::scenario s;
    model::policy strict;
    strict.id = "strict";
    model::policy flexible;
    flexible.id = "flexible";
    s.policies = {strict, flexible};
    test::add_unit_with_one_employee(s, "keuangan", "198001012005011001");
    return s;
}

}  // namespace

TEST_CASE("civil values parse and print without the compiled library", "[model]") {
    CHECK(calendar::format_date(day("2026-03-16")) == "2026-03-16");
    CHECK_FALSE(calendar::parse_date("2026-02-29"));
    const auto night = calendar::parse_clock_range("21:00-07:00");
    REQUIRE(night);
    CHECK(night->crosses_midnight());
    CHECK(calendar::format_clock_range(*night) == "21:00-07:00");
    CHECK(calendar::format_clock_range({minutes{0}, minutes{1440}}) == "00:00-24:00");
    CHECK(at("2026-03-16T08:00+07:00") == at("2026-03-16T01:00:00Z"));
    CHECK_FALSE(calendar::parse_instant("2026-03-16T08:00:30Z"));
}

TEST_CASE("interval sets unite, subtract and measure in a header-only build", "[model]") {
    const calendar::interval morning{at("2026-03-16T08:00Z"), at("2026-03-16T12:00Z")};
    const calendar::interval lunch{at("2026-03-16T11:30Z"), at("2026-03-16T13:00Z")};
    calendar::interval_set work{morning};
    const calendar::interval_set free_time = work.subtract(calendar::interval_set{lunch});
    CHECK(free_time.total() == minutes{210});
    CHECK(work.unite(calendar::interval_set{lunch}).size() == 1);
    CHECK(work.covers({at("2026-03-16T09:00Z"), at("2026-03-16T10:00Z")}));
    CHECK_FALSE(free_time.contains(at("2026-03-16T11:45Z")));
}

TEST_CASE("ISO weeks start on Monday and are numbered across years", "[model]") {
    CHECK(calendar::week_monday(day("2026-03-19")) == day("2026-03-16"));  // a Thursday
    CHECK(calendar::week_monday(day("2026-03-22")) == day("2026-03-16"));  // the Sunday after
    CHECK(calendar::week_monday(day("2027-01-01")) == day("2026-12-28"));  // a week across New Year
    CHECK(calendar::week_number(day("1970-01-01")) == 0);
    CHECK(calendar::week_number(day("1969-12-28")) == -1);
    CHECK(calendar::week_number(day("2026-12-31")) == calendar::week_number(day("2027-01-03")));
    CHECK(calendar::week_number(day("2027-01-04")) == calendar::week_number(day("2027-01-03")) + 1);
}

TEST_CASE("a scenario built in code finds its entities by id", "[model]") {
    const model::scenario s = two_policy_scenario();
    REQUIRE(s.find_employee("198001012005011001"));
    CHECK(s.find_unit("keuangan")->value == 0);
    CHECK_FALSE(s.find_program("latsar"));
    CHECK(model::to_string(model::delivery_mode::online_live) == "online_live");
    CHECK(model::parse_window_kind("weekend") == model::window_kind::weekend);
    CHECK(calendar::to_string(calendar::holiday_kind::collective) == "collective");
}

TEST_CASE("staff groups are told from the work pattern", "[model]") {
    model::work_pattern office;
    for (int d = 1; d <= 5; ++d) office.week.by_weekday[static_cast<std::size_t>(d)] = {{minutes{450}, minutes{960}}};
    CHECK(model::staff_group_of(office) == model::staff_group::office);
    model::work_pattern puskesmas = office;
    puskesmas.week.by_weekday[6] = {{minutes{450}, minutes{720}}};
    CHECK(model::staff_group_of(puskesmas) == model::staff_group::other);
    model::work_pattern ward = office;
    ward.rotation = model::shift_rotation{};
    CHECK(model::staff_group_of(ward) == model::staff_group::shift);
}

TEST_CASE("policy lookup: by id, by default, and the built-in one", "[model]") {
    model::scenario s = two_policy_scenario();
    CHECK(model::select_policy(s, "flexible")->id == "flexible");
    CHECK(model::select_policy(s, "")->id == "strict");  // none named: the first
    s.default_policy = model::policy_index{1};
    CHECK(model::select_policy(s, "")->id == "flexible");
    CHECK(model::select_policy(s, "flexible", model::policy_index{0})->id == "strict");  // the index wins

    model::solution plan;
    plan.policy = "strict";
    CHECK(model::plan_policy(s, plan)->id == "strict");
    plan.policy = "default";  // the built-in policy's name: the scenario's default stands in
    CHECK(model::plan_policy(s, plan)->id == "flexible");

    const model::scenario none;
    CHECK(model::select_policy(none, "") == nullptr);
    CHECK(model::policy_or_builtin(nullptr).id == model::builtin_policy_name);
    CHECK(model::policy_or_builtin(nullptr).working_hours == model::policy{}.working_hours);
}

TEST_CASE("an unknown policy is a not_found error that names the known ones", "[model]") {
    const model::scenario s = two_policy_scenario();
    try {
        (void)model::select_policy(s, "lenient");
        FAIL("no error for an unknown policy");
    } catch (const jadwal::error& e) {
        CHECK(e.code() == errc::not_found);
        CHECK(std::string(e.what()) == "unknown policy 'lenient' (known: strict, flexible)");
    }
    model::solution plan;
    plan.policy = "lenient";
    CHECK_THROWS_AS(model::plan_policy(s, plan), jadwal::error);
    CHECK_THROWS_AS(model::select_policy(s, "", model::policy_index{7}), jadwal::error);
}

TEST_CASE("the plan's metrics are listed once, by name", "[model]") {
    model::solution_metrics m;
    m.instructor_minutes = 90;
    int names = 0;
    bool seen = false;
    model::for_each_metric(m, [&](std::string_view name, auto value) {
        ++names;
        if (name == "instructor_minutes") seen = static_cast<long long>(value) == 90;
    });
    CHECK(names > 10);
    CHECK(seen);
    CHECK(model::to_string(model::solve_status::time_limit_no_solution) == "time_limit_no_solution");
}
