// The expected-attendance model: probabilities on hand-made plans, the
// simulation against its exact expectation, the fit against known
// parameters, and the `attendance` section of the scenario format.
#include "attendance_fixture.hpp"

#include "../../src/solve/random.hpp"

#include <jadwal/solve/solver.hpp>

#include <cmath>
#include "../support/error_code.hpp"

using namespace jadwal;
using jadwal::test::attendance_scenario;
using jadwal::test::live_cohort;
using jadwal::test::plan_of;

namespace {

constexpr std::uint32_t etika = 0;
constexpr std::uint32_t dua = 1;

}  // namespace

TEST_CASE("A live session outside working time is attended with the base probability", "[compare][attendance]") {
    const auto s = attendance_scenario(1);
    const auto x = compare::compute_exposure(s, plan_of({live_cohort("a", etika, 0, 1, {{0, "2026-04-06 18:00", 90}})}));
    REQUIRE(x.live.size() == 1);
    REQUIRE(x.enrolments.size() == 1);
    CHECK(x.live[0].working_share == 0);
    CHECK(x.live[0].critical_weight == 1);
    CHECK(x.live[0].week_after_hours_minutes == 90);
    const auto r = compare::simulate_attendance(x, s.attendance, {200, 1});
    CHECK(r.expected_completions == Approx(0.92));
    CHECK(r.expected_seat_attendance == Approx(0.92));
}

TEST_CASE("Sessions in working time lower expected attendance against the same plan after hours",
          "[compare][attendance]") {
    const auto s = attendance_scenario(10);
    const auto in_work = compare::compute_exposure(s, plan_of({live_cohort("a", etika, 0, 10, {{0, "2026-04-06 08:00", 90}})}));
    const auto after = compare::compute_exposure(s, plan_of({live_cohort("a", etika, 0, 10, {{0, "2026-04-06 18:00", 90}})}));
    // Half in, half out of working time (15:15-16:45 against office hours to 16:00).
    const auto half = compare::compute_exposure(s, plan_of({live_cohort("a", etika, 0, 10, {{0, "2026-04-06 15:15", 90}})}));
    REQUIRE(in_work.live.size() == 10);
    CHECK(in_work.live[0].working_share == 1);
    CHECK(half.live[0].working_share == Approx(0.5));
    const auto w = compare::simulate_attendance(in_work, s.attendance, {400, 7});
    const auto h = compare::simulate_attendance(half, s.attendance, {400, 7});
    const auto a = compare::simulate_attendance(after, s.attendance, {400, 7});
    CHECK(w.expected_completions == Approx(10 * 0.92 * 0.75));
    CHECK(h.expected_completions == Approx(10 * 0.92 * 0.875));
    CHECK(w.completions.mean < h.completions.mean);
    CHECK(h.completions.mean < a.completions.mean);
}

TEST_CASE("A unit's critical period deepens the working-time penalty by its weight", "[compare][attendance]") {
    const auto s = attendance_scenario(1);
    // Monday 4 May 2026 lies in the critical period (weight 3).
    const auto x = compare::compute_exposure(s, plan_of({live_cohort("a", etika, 0, 1, {{0, "2026-05-04 08:00", 90}})}));
    REQUIRE(x.live.size() == 1);
    CHECK(x.live[0].critical_weight == 3);
    CHECK(compare::attend_probability(x.live[0], s.attendance) == Approx(0.92 * (1 - 0.25 * 3)));
    // A penalty that the weight pushes past certainty is clamped at zero.
    auto harsh = s.attendance;
    harsh.working_time_penalty = 0.5;
    CHECK(compare::attend_probability(x.live[0], harsh) == 0);
}

TEST_CASE("A week heavy with after-hours training lowers live attendance", "[compare][attendance]") {
    const auto s = attendance_scenario(1);
    const auto x = compare::compute_exposure(
        s, plan_of({live_cohort("a", etika, 0, 1, {{0, "2026-04-06 18:00", 90}}),
                    live_cohort("b", dua, 0, 1, {{0, "2026-04-07 18:00", 120}, {1, "2026-04-08 18:00", 120}})}));
    REQUIRE(x.live.size() == 3);
    for (const auto& seat : x.live) CHECK(seat.week_after_hours_minutes == 330);
    auto a = s.attendance;
    a.overload_minutes_per_week = 330;  // at the threshold: no penalty
    CHECK(compare::attend_probability(x.live[0], a) == Approx(0.92));
    a.overload_minutes_per_week = 329;
    CHECK(compare::attend_probability(x.live[0], a) == Approx(0.92 * 0.85));
}

TEST_CASE("Missed live sessions allowed per module change completion as documented", "[compare][attendance]") {
    auto s = attendance_scenario(1);
    // Module m1 of `dua` in two parts, m2 in one, all after hours.
    const auto x = compare::compute_exposure(
        s, plan_of({live_cohort("b", dua, 0, 1,
                                {{0, "2026-04-06 18:00", 60}, {0, "2026-04-13 18:00", 60}, {1, "2026-04-20 18:00", 60}})}));
    REQUIRE(x.enrolments.size() == 1);
    const double p = 0.92;
    s.attendance.missed_sessions_allowed = 0;
    CHECK(compare::enrolment_probability(x, x.enrolments[0], s.attendance) == Approx(p * p * p));
    // One miss allowed per module: m1 may lose one of its two parts; m2's
    // single session may be missed outright.
    s.attendance.missed_sessions_allowed = 1;
    CHECK(compare::enrolment_probability(x, x.enrolments[0], s.attendance) == Approx(1 - (1 - p) * (1 - p)));
    s.attendance.live_base = 0.6;
    const double q = 0.6;
    CHECK(compare::enrolment_probability(x, x.enrolments[0], s.attendance) == Approx(q * q + 2 * q * (1 - q)));
}

TEST_CASE("Self-paced completion rises with the slack before the deadline", "[compare][attendance]") {
    const auto s = attendance_scenario(1);
    solve::solution p = plan_of({});
    // dua m1 and m2 self-paced; the last m2 block ends on 2 June, 28 days before the 30 June deadline.
    const auto blk = [](std::uint32_t module, std::string_view start) {
        const auto t = jadwal::test::jakarta(start);
        return solve::study_block{model::employee_index{0}, model::program_index{dua}, module, t,
                                  t + calendar::minutes{90}, 0};
    };
    p.study_blocks = {blk(0, "2026-06-23 18:00"), blk(1, "2026-06-02 18:00"), blk(1, "2026-05-20 18:00")};
    const auto x = compare::compute_exposure(s, p);
    REQUIRE(x.self_paced.size() == 2);
    CHECK(x.self_paced[0].slack_days == 7);
    CHECK(x.self_paced[1].slack_days == 28);
    const auto& a = s.attendance;
    CHECK(compare::complete_probability(x.self_paced[0], a) == Approx(0.60 + 0.35 * 7 / 28.0));
    CHECK(compare::complete_probability(x.self_paced[1], a) == Approx(0.95));
    compare::self_paced_module late = x.self_paced[0];
    late.slack_days = -3;
    CHECK(compare::complete_probability(late, a) == Approx(0.60));
    REQUIRE(x.enrolments.size() == 1);
    CHECK(compare::enrolment_probability(x, x.enrolments[0], a) == Approx((0.60 + 0.35 * 0.25) * 0.95));
}

TEST_CASE("The simulated mean converges to the exact expectation", "[compare][attendance]") {
    const auto s = attendance_scenario(1);
    const auto x = compare::compute_exposure(s, plan_of({live_cohort("a", etika, 0, 1, {{0, "2026-04-06 08:00", 90}})}));
    const auto r = compare::simulate_attendance(x, s.attendance, {40000, 11});
    const double p = 0.92 * 0.75;
    CHECK(r.expected_completions == Approx(p));
    // The standard error of the mean is sqrt(p(1-p)/40000) ~ 0.0023; allow 4.
    CHECK(std::abs(r.completions.mean - p) < 0.01);
    CHECK(r.completions.stddev == Approx(std::sqrt(p * (1 - p))).margin(0.01));
    CHECK(r.completions.p05 == 0);
    CHECK(r.completions.p95 == 1);
    // Completing the 2 JP programme leaves the person short of their 4 JP target.
    CHECK(r.jp_target_employees == 1);
    CHECK(r.jp_target_share.mean == 0);
}

TEST_CASE("The simulation is deterministic for a seed", "[compare][attendance]") {
    const auto s = attendance_scenario(30);
    const auto x = compare::compute_exposure(
        s, plan_of({live_cohort("a", etika, 0, 30, {{0, "2026-04-06 08:00", 90}}),
                    live_cohort("b", dua, 0, 30, {{0, "2026-04-07 18:00", 120}, {1, "2026-04-14 10:00", 120}})}));
    const auto a = compare::simulate_attendance(x, s.attendance, {300, 5});
    const auto b = compare::simulate_attendance(x, s.attendance, {300, 5});
    const auto c = compare::simulate_attendance(x, s.attendance, {300, 6});
    CHECK(a.completions.mean == b.completions.mean);
    CHECK(a.completions.stddev == b.completions.stddev);
    CHECK(a.completions.p05 == b.completions.p05);
    CHECK(a.jp_target_share.mean == b.jp_target_share.mean);
    CHECK(a.jp_target_share.p95 == b.jp_target_share.p95);
    // Another seed draws differently (the means of 300 runs of 60 draws agree
    // to every bit only by a fluke).
    CHECK(a.completions.mean != c.completions.mean);
}

TEST_CASE("The fit recovers known parameters from records drawn with them", "[compare][attendance]") {
    const auto s = attendance_scenario(40);
    // Employees 0-19 meet in working time, 20-39 after hours.
    const auto plan = plan_of({live_cohort("a", etika, 0, 20, {{0, "2026-04-06 08:00", 90}}),
                               live_cohort("b", etika, 20, 40, {{0, "2026-04-06 18:00", 90}})});
    const auto x = compare::compute_exposure(s, plan);
    REQUIRE(x.live.size() == 40);
    model::attendance_model truth = s.attendance;
    truth.live_base = 0.85;
    truth.working_time_penalty = 0.40;
    solve::detail::rng g(2026);
    std::vector<compare::attendance_record> records;
    for (int round = 0; round < 150; ++round)
        for (const auto& seat : x.live) {
            compare::attendance_record r;
            r.employee = s.employees[seat.employee.value].id;
            r.program = s.programs[seat.program.value].id;
            r.module = "m1";
            r.start = seat.start;
            r.attended = g.unit() < compare::attend_probability(seat, truth);
            records.push_back(std::move(r));
        }
    compare::attendance_record stray = records.front();
    stray.start += calendar::minutes{60};  // no session starts then
    records.push_back(stray);

    const auto fit = compare::fit_attendance(s, x, records, s.attendance);
    CHECK(fit.records_used == 6000);
    CHECK(fit.records_unmatched == 1);
    CHECK(fit.fitted.live_base == Approx(0.85).margin(0.02));
    CHECK(fit.fitted.working_time_penalty == Approx(0.40).margin(0.05));
    CHECK(fit.log_likelihood > fit.log_likelihood_start);
    CHECK(fit.fitted.self_paced_min == s.attendance.self_paced_min);  // untouched
    const auto yaml = compare::attendance_yaml(fit.fitted);
    CHECK(yaml.rfind("attendance:\n", 0) == 0);
    // The printed section loads back into the same parameters.
    const auto back = attendance_scenario(1, yaml);
    CHECK(back.attendance.live_base == fit.fitted.live_base);
    CHECK(back.attendance.working_time_penalty == fit.fitted.working_time_penalty);
}

TEST_CASE("The fit recovers the overload penalty from sessions in light and in heavy weeks", "[compare][attendance]") {
    const auto s = attendance_scenario(60);
    // 0-19 after hours in a light week, 20-39 after hours in a week of 300
    // minutes (over the 240-minute threshold), 40-59 in working time.
    const auto plan = plan_of({live_cohort("a", etika, 0, 20, {{0, "2026-04-06 18:00", 90}}),
                               live_cohort("b", etika, 20, 40, {{0, "2026-04-06 18:00", 300}}),
                               live_cohort("c", etika, 40, 60, {{0, "2026-04-06 08:00", 90}})});
    const auto x = compare::compute_exposure(s, plan);
    REQUIRE(x.live.size() == 60);
    model::attendance_model truth = s.attendance;
    truth.live_base = 0.85;
    truth.working_time_penalty = 0.40;
    truth.overload_penalty = 0.30;
    solve::detail::rng g(77);
    std::vector<compare::attendance_record> records;
    for (int round = 0; round < 200; ++round)
        for (const auto& seat : x.live)
            records.push_back({s.employees[seat.employee.value].id, s.programs[seat.program.value].id, "m1",
                               seat.start, false, g.unit() < compare::attend_probability(seat, truth), 0});

    const auto fit = compare::fit_attendance(s, x, records, s.attendance);
    CHECK(fit.records_live == 12000);
    CHECK(fit.fitted_live);
    CHECK(fit.fitted_overload);
    CHECK_FALSE(fit.fitted_self_paced_min);
    CHECK(fit.fitted.live_base == Approx(0.85).margin(0.02));
    CHECK(fit.fitted.working_time_penalty == Approx(0.40).margin(0.05));
    CHECK(fit.fitted.overload_penalty == Approx(0.30).margin(0.05));
    CHECK(fit.fitted.overload_minutes_per_week == s.attendance.overload_minutes_per_week);  // held
    CHECK(fit.log_likelihood > fit.log_likelihood_start);
}

TEST_CASE("Without sessions in heavy weeks the overload penalty is left as it was", "[compare][attendance]") {
    const auto s = attendance_scenario(20);
    const auto x = compare::compute_exposure(s, plan_of({live_cohort("a", etika, 0, 20, {{0, "2026-04-06 18:00", 90}})}));
    std::vector<compare::attendance_record> records;
    for (const auto& seat : x.live)
        records.push_back({s.employees[seat.employee.value].id, "etika", "m1", seat.start, false, true, 0});
    const auto fit = compare::fit_attendance(s, x, records, s.attendance);
    CHECK(fit.fitted_live);
    CHECK_FALSE(fit.fitted_overload);
    CHECK(fit.fitted.overload_penalty == s.attendance.overload_penalty);
}

TEST_CASE("The fit recovers self-paced completion from modules done late and done early", "[compare][attendance]") {
    const auto s = attendance_scenario(40);
    // Everyone has dua m1 ending on the 30 June deadline (no slack) and m2
    // ending 41 days before it (full slack).
    solve::solution p = plan_of({});
    for (std::uint32_t e = 0; e < 40; ++e) {
        const auto blk = [&](std::uint32_t module, std::string_view start) {
            const auto t = jadwal::test::jakarta(start);
            return solve::study_block{model::employee_index{e}, model::program_index{dua}, module, t,
                                      t + calendar::minutes{90}, 0};
        };
        p.study_blocks.push_back(blk(0, "2026-06-30 18:00"));
        p.study_blocks.push_back(blk(1, "2026-05-20 18:00"));
    }
    const auto x = compare::compute_exposure(s, p);
    REQUIRE(x.self_paced.size() == 80);
    model::attendance_model truth = s.attendance;
    truth.self_paced_min = 0.50;
    truth.self_paced_max = 0.90;
    solve::detail::rng g(5);
    std::vector<compare::attendance_record> records;
    for (int round = 0; round < 150; ++round)
        for (const auto& m : x.self_paced)
            records.push_back({s.employees[m.employee.value].id, "dua", m.module == 0 ? "m1" : "m2", {}, true,
                               g.unit() < compare::complete_probability(m, truth), 0});
    const auto fit = compare::fit_attendance(s, x, records, s.attendance);
    CHECK(fit.records_self_paced == 12000);
    CHECK(fit.records_live == 0);
    CHECK_FALSE(fit.fitted_live);
    CHECK(fit.fitted_self_paced_min);
    CHECK(fit.fitted_self_paced_max);
    CHECK(fit.fitted.self_paced_min == Approx(0.50).margin(0.03));
    CHECK(fit.fitted.self_paced_max == Approx(0.90).margin(0.03));
    CHECK(fit.fitted.live_base == s.attendance.live_base);  // no live record: held

    // Only modules with full slack: self_paced_max alone can be told.
    std::vector<compare::attendance_record> early;
    for (const auto& r : records)
        if (r.module == "m2") early.push_back(r);
    const auto only_max = compare::fit_attendance(s, x, early, s.attendance);
    CHECK_FALSE(only_max.fitted_self_paced_min);
    CHECK(only_max.fitted_self_paced_max);
    CHECK(only_max.fitted.self_paced_min == s.attendance.self_paced_min);
    CHECK(only_max.fitted.self_paced_max == Approx(0.90).margin(0.03));
}

TEST_CASE("A record with an empty start is a self-paced module's completion", "[compare][attendance]") {
    std::vector<std::string> errors;
    const auto records = compare::parse_attendance_records(
        "nip,program,module,start,attended\n198001012005011000,dua,m2,,1\n", "r.csv", errors);
    REQUIRE(errors.empty());
    REQUIRE(records.size() == 1);
    CHECK(records[0].self_paced);
    CHECK(records[0].attended);
}

TEST_CASE("Attendance records are read by header name and bad cells name their place", "[compare][attendance]") {
    std::vector<std::string> errors;
    const auto ok = compare::parse_attendance_records(
        "attended,nip,program,module,start,note\n1,198001012005011000,etika,m1,2026-04-06T08:00:00+07:00,x\n"
        "0,198001012005011001,etika,m1,2026-04-06T18:00:00+07:00,\n",
        "r.csv", errors);
    CHECK(errors.empty());
    REQUIRE(ok.size() == 2);
    CHECK(ok[0].attended);
    CHECK_FALSE(ok[1].attended);
    CHECK(ok[1].employee == "198001012005011001");
    CHECK(ok[0].start == jadwal::test::jakarta("2026-04-06 08:00"));

    errors.clear();
    (void)compare::parse_attendance_records(
        "nip,program,module,start,attended\n1,etika,m1,2026-04-06T08:00:00+07:00,yes\n1,etika,m1,monday,1\n",
        "r.csv", errors);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0] == "r.csv:2:38: error: attended 'yes' is not 0 or 1 [E-ENUM]");
    CHECK(errors[1].rfind("r.csv:3:12: error: start 'monday'", 0) == 0);
    CHECK(errors[1].find("[E-DATE]") != std::string::npos);

    errors.clear();
    (void)compare::parse_attendance_records("nip,program,start,attended\n", "r.csv", errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("no column 'module'") != std::string::npos);
    CHECK(errors[0].find("[E-CSV-HEADER]") != std::string::npos);

    errors.clear();
    (void)compare::parse_attendance_records("nip,program,module,start,attended\n1,etika,m1,,ya\n", "r.csv", errors,
                                            text::messages(text::language::id));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == "r.csv:2:13: galat: attended 'ya' bukan 0 atau 1 [E-ENUM]");
}

TEST_CASE("The attendance section is read, and its errors give file, line, column and a code",
          "[compare][attendance][load]") {
    const auto good = attendance_scenario(1, "attendance: {live_base: 0.8, missed_sessions_allowed: 1}\n");
    CHECK(good.attendance.live_base == 0.8);
    CHECK(good.attendance.missed_sessions_allowed == 1);
    CHECK(good.attendance.working_time_penalty == 0.25);  // defaults stay

    struct bad_case {
        std::string text;
        std::string expected;  // the start of the formatted diagnostic
        std::string code;
    };
    const auto c = GENERATE(values<bad_case>({
        {"attendance:\n  live_base: 1.5\n", ":29:14: error: live_base must be between 0 and 1", "[E-NUMBER]"},
        {"attendance:\n  full_slack_days: -1\n", ":29:20: error: full_slack_days must be between 0 and 366",
         "[E-NUMBER]"},
        {"attendance:\n  self_paced_min: 0.9\n  self_paced_max: 0.5\n", ":29:19: error: self_paced_min (0.9) is above",
         "[E-RANGE-ORDER]"},
        {"attendance:\n  live_bse: 0.9\n", ":29:3: error: unknown key 'live_bse'", "[E-KEY-UNKNOWN]"},
        {"attendance:\n  working_time_penalty: 0.5\n", ":29:25: warning: working_time_penalty 0.5 times the largest",
         "[W-ATTENDANCE-CLAMPED]"},
        {"attendance: [0.9]\n", ":28:13: error:", "[E-TYPE]"},
    }));
    auto r = load::load_scenario_text(jadwal::test::attendance_yaml_text(1, c.text), "kecil.yaml");
    std::string found;
    for (const auto& d : r.diags.items()) {
        const auto line = load::format(d);
        if (line.find(c.code) != std::string::npos) found = line;
    }
    INFO(found);
    CHECK(found.rfind("kecil.yaml" + c.expected, 0) == 0);
}

TEST_CASE("A plan naming people or programmes the scenario lacks is refused", "[compare][attendance]") {
    const auto s = attendance_scenario(2);
    CHECK(
        jadwal::test::error_code_of([&] {
            (void)compare::compute_exposure(s, plan_of({live_cohort("a", etika, 0, 3, {{0, "2026-04-06 18:00", 90}})}));
        }) == jadwal::errc::parse);
    CHECK(jadwal::test::error_code_of([&] {
              (void)compare::compute_exposure(s, plan_of({live_cohort("a", 7, 0, 1, {})}));
          }) == jadwal::errc::parse);
    CHECK(
        jadwal::test::error_code_of([&] {
            (void)compare::compute_exposure(s, plan_of({live_cohort("a", etika, 0, 1, {{4, "2026-04-06 18:00", 90}})}));
        }) == jadwal::errc::parse);
}

TEST_CASE("a teacher sent to training in the school holiday attends it like a day of work with nothing competing",
          "[attendance][duty]") {
    auto r = jadwal::load::load_scenario_file(std::string(JADWAL_TEST_DATA) + "/duty/ward.yaml");
    REQUIRE(r.scenario);
    auto& s = *r.scenario;
    jadwal::solve::solve_options o;
    o.policy = "duty";
    o.max_moves = 20000;
    auto plan = jadwal::solve::solve(s, o);
    const auto with_duty = jadwal::compare::compute_exposure(s, plan);
    // The same plan read as one made under a policy without the rule.
    plan.policy = "no_duty";
    const auto without = jadwal::compare::compute_exposure(s, plan);
    REQUIRE(with_duty.live.size() == without.live.size());
    int teachers = 0;
    for (std::size_t i = 0; i < with_duty.live.size(); ++i) {
        const auto& seat = with_duty.live[i];
        if (s.units[s.employees[seat.employee.value].unit.value].id != "sdn1") continue;
        ++teachers;
        CHECK(seat.working_share == 0);
        CHECK(seat.week_after_hours_minutes == 0);
        CHECK(without.live[i].week_after_hours_minutes > 0);  // without the rule the holiday day is after hours
    }
    CHECK(teachers == 8);  // four teachers, two days each
}
