// Preferences in the attendance model and in `compare` (docs/attendance.md
// "Preferences", docs/model.md "Preferences"): a session or study block that
// misses what its participant asked for is less likely attended, by
// preference_miss_factor per kind of miss; and the comparison shows the
// checker's preference misses as a metric where lower is better.
#include <cmath>
#include <jadwal/compare/compare.hpp>
#include <jadwal/verify/verify.hpp>
#include <nlohmann/json.hpp>

#include "attendance_fixture.hpp"

using namespace jadwal;
using jadwal::test::attendance_scenario;
using jadwal::test::live_cohort;

namespace {

constexpr std::uint32_t etika = 0;
constexpr std::uint32_t dua = 1;
constexpr std::uint8_t monday = 1U << 1U, tuesday = 1U << 2U;
constexpr double f = compare::preference_miss_factor;

solve::solution plan_of(std::vector<solve::cohort> cohorts) {
    solve::solution p;
    p.policy = "default";
    p.cohorts = std::move(cohorts);
    return p;
}

/// Everyone of the tiny scenario's ten in etika on Monday 6 April 18:00-19:30
/// (after hours, so only preferences lower attendance below live_base).
solve::solution evening_plan() {
    return plan_of({live_cohort("a", etika, 0, 10, {{0, "2026-04-06 18:00", 90}})});
}

calendar::clock_range hours(int from_hour, int to_hour) {
    return {calendar::minutes{from_hour * 60}, calendar::minutes{to_hour * 60}};
}

}  // namespace

TEST_CASE("the same plan is expected to be attended less when it misses what people asked for",
          "[compare][attendance][preferences]") {
    const auto plain = attendance_scenario(10);
    auto asking = attendance_scenario(10);
    // Five of the ten want Tuesday mornings: the Monday evening misses the day and the time.
    for (std::uint32_t e = 0; e < 5; ++e) {
        asking.employees[e].prefs.days = tuesday;
        asking.employees[e].prefs.times = {hours(8, 12)};
    }
    const auto x0 = compare::compute_exposure(plain, evening_plan());
    const auto x1 = compare::compute_exposure(asking, evening_plan());
    REQUIRE(x1.live.size() == 10);
    for (std::uint32_t i = 0; i < 10; ++i) {
        INFO(i);
        CHECK(x0.live[i].preference_misses == 0);
        CHECK(x1.live[i].preference_misses == (x1.live[i].employee.value < 5 ? 2 : 0));
    }
    const auto r0 = compare::simulate_attendance(x0, plain.attendance, {200, 3});
    const auto r1 = compare::simulate_attendance(x1, asking.attendance, {200, 3});
    CHECK(r0.expected_completions == Approx(10 * 0.92));
    CHECK(r1.expected_completions == Approx(5 * 0.92 + 5 * 0.92 * f * f));
    CHECK(r1.expected_seat_attendance < r0.expected_seat_attendance);
    CHECK(r1.completions.mean < r0.completions.mean);
}

TEST_CASE("a session that fits what people asked for is attended as if they had asked nothing",
          "[compare][attendance][preferences]") {
    auto s = attendance_scenario(1);
    s.employees[0].prefs.days = monday;
    s.employees[0].prefs.times = {hours(17, 20)};
    s.employees[0].prefs.modes = {model::delivery_mode::online_live};
    const auto x =
        compare::compute_exposure(s, plan_of({live_cohort("a", etika, 0, 1, {{0, "2026-04-06 18:00", 90}})}));
    REQUIRE(x.live.size() == 1);
    CHECK(x.live[0].preference_misses == 0);
    CHECK(compare::attend_probability(x.live[0], s.attendance) == Approx(0.92));
}

TEST_CASE("each kind of miss of a live session multiplies its attendance by the factor",
          "[compare][attendance][preferences]") {
    auto s = attendance_scenario(1);
    const auto plan = plan_of({live_cohort("a", etika, 0, 1, {{0, "2026-04-06 18:00", 90}})});
    auto& p = s.employees[0].prefs;
    SECTION("the mode: etika is online, the person prefers the classroom") {
        p.modes = {model::delivery_mode::classroom};
        const auto x = compare::compute_exposure(s, plan);
        CHECK(x.live[0].preference_misses == 1);
        CHECK(compare::attend_probability(x.live[0], s.attendance) == Approx(0.92 * f));
    }
    SECTION("the day, from the unit's preferred days") {
        s.units[0].preferred_days = tuesday;
        const auto x = compare::compute_exposure(s, plan);
        CHECK(x.live[0].preference_misses == 1);
    }
    SECTION("an avoided date, the time and the mode together") {
        p.avoid_dates = {*calendar::parse_date("2026-04-06")};
        p.times = {hours(8, 12)};
        p.modes = {model::delivery_mode::classroom};
        const auto x = compare::compute_exposure(s, plan);
        CHECK(x.live[0].preference_misses == 3);
        CHECK(compare::attend_probability(x.live[0], s.attendance) == Approx(0.92 * f * f * f));
    }
}

TEST_CASE("a self-paced module's completion falls by the factor for each kind of miss among its blocks",
          "[compare][attendance][preferences]") {
    auto s = attendance_scenario(1);
    solve::solution p = plan_of({});
    const auto blk = [](std::uint32_t module, std::string_view start) {
        const auto t = jadwal::test::jakarta(start);
        return solve::study_block{
            model::employee_index{0}, model::program_index{dua}, module, t, t + calendar::minutes{90}, 0};
    };
    // m1 on Tuesday 2 June 18:00, m2 on Monday 1 June and Tuesday 2 June 18:00: 28 days of slack.
    p.study_blocks = {blk(0, "2026-06-02 18:00"), blk(1, "2026-06-01 18:00"), blk(1, "2026-06-02 18:00")};
    const auto& a = s.attendance;
    const auto before = compare::compute_exposure(s, p);
    REQUIRE(before.self_paced.size() == 2);
    CHECK(compare::complete_probability(before.self_paced[1], a) == Approx(0.95));
    auto& pr = s.employees[0].prefs;
    pr.days = tuesday;                               // m2's Monday block misses the day (once for the module)
    pr.times = {hours(18, 20)};                      // every block fits
    pr.modes = {model::delivery_mode::online_live};  // self-paced study misses the mode
    const auto x = compare::compute_exposure(s, p);
    REQUIRE(x.self_paced.size() == 2);
    CHECK(x.self_paced[0].preference_misses == 1);
    CHECK(x.self_paced[1].preference_misses == 2);
    CHECK(compare::complete_probability(x.self_paced[0], a) == Approx(0.95 * f));
    CHECK(compare::complete_probability(x.self_paced[1], a) == Approx(0.95 * f * f));
    CHECK(compare::enrolment_probability(x, x.enrolments[0], a) == Approx(0.95 * f * 0.95 * f * f));
}

TEST_CASE("the fit holds the preference factor and still recovers the base rate",
          "[compare][attendance][preferences]") {
    auto s = attendance_scenario(40);
    for (std::uint32_t e = 0; e < 20; ++e) s.employees[e].prefs.times = {hours(8, 12)};  // half miss the time
    const auto x =
        compare::compute_exposure(s, plan_of({live_cohort("a", etika, 0, 40, {{0, "2026-04-06 18:00", 90}})}));
    // Records as the model expects them with live_base 0.8: 16 of the 20 who
    // asked nothing attend, and 15 of the 20 who asked for mornings (0.8 x 0.9 x 20 = 14.4).
    std::vector<compare::attendance_record> records;
    for (std::uint32_t e = 0; e < 40; ++e) {
        compare::attendance_record r;
        r.employee = s.employees[e].id;
        r.program = "etika";
        r.module = "m1";
        r.start = jadwal::test::jakarta("2026-04-06 18:00");
        r.attended = e < 20 ? e < 15 : e < 36;
        records.push_back(r);
    }
    const auto fit = compare::fit_attendance(s, x, records, s.attendance);
    REQUIRE(fit.records_live == 40);
    CHECK(fit.fitted_live);
    // The likelihood's maximum with the factor held: 16 ln b + 4 ln(1 - b) +
    // 15 ln 0.9b + 5 ln(1 - 0.9b) peaks at b = 0.813; pooling the 31 of 40 as
    // if nobody had asked anything would give 0.775.
    CHECK(fit.fitted.live_base == Approx(0.813).margin(0.003));
}

TEST_CASE("compare shows the checker's preference misses as a metric where lower is better", "[compare][preferences]") {
    auto s = attendance_scenario(4);
    for (std::uint32_t e = 0; e < 2; ++e) s.employees[e].prefs.days = tuesday;  // two miss the Monday
    compare::comparison c;
    for (const char* label : {"monday", "tuesday"}) {
        compare::policy_result r;
        r.policy = label;
        const std::string day = label == std::string("monday") ? "2026-04-06 18:00" : "2026-04-07 18:00";
        r.plan = plan_of({live_cohort("a", etika, 0, 4, {{0, day, 90}})});
        r.check = verify::recompute_metrics(s, r.plan);
        r.attendance = compare::simulate_attendance(compare::compute_exposure(s, r.plan), s.attendance, {50, 1});
        c.results.push_back(std::move(r));
    }
    REQUIRE(c.results[0].check.metrics.preference_misses == 2);
    REQUIRE(c.results[1].check.metrics.preference_misses == 0);
    const auto rows = compare::comparison_rows(c);
    const auto row = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.key == "preference_misses"; });
    REQUIRE(row != rows.end());
    CHECK(row->values == std::vector<double>{2, 0});
    CHECK_FALSE(row->higher_is_better);
    CHECK(row->label == "preference misses");

    const auto doc = nlohmann::json::parse(compare::comparison_json(s, c));
    CHECK(doc["policies"][0]["metrics"]["preference_misses"] == 2);
    CHECK(doc["policies"][1]["metrics"]["preference_misses"] == 0);
    CHECK(doc["attendance_model"]["preference_miss_factor"] == Approx(0.9));
    bool listed = false;
    for (const auto& r : doc["rows"])
        if (r["key"] == "preference_misses") listed = r["shown"] == nlohmann::json::array({"2", "0"});
    CHECK(listed);

    const auto html = compare::comparison_html(s, c, text::messages(text::language::id));
    CHECK(html.find("ketidaksesuaian preferensi") != std::string::npos);
    const auto en = compare::comparison_html(s, c, text::messages(text::language::en));
    CHECK(en.find("preference misses (lower is better)") != std::string::npos);
}
