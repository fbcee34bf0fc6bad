// Attendance records against a plan (docs/attendance.md "Records"): records
// drawn from the attendance model for a plan's past, matched back to the
// plan, read back from their CSV, and what they tell used in place of
// probabilities, in the completions, the JP prospects and the outlook by
// staff group.
#include <jadwal/compare/at_risk.hpp>
#include <jadwal/compare/records.hpp>

#include <jadwal/io/solution_json.hpp>

#include "../solve/support.hpp"
#include "../support/cli.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include "../support/error_code.hpp"

using namespace jadwal;

namespace {

/// A generated regency of 120 people planned under the flexible policy:
/// live sessions and self-paced study through the year.
struct fixture {
    std::shared_ptr<model::scenario> s = test::batanghari(120, 4);
    solve::solution plan = test::solve_with(*s, "flexible", 20'000, 2);
    compare::exposure x = compare::compute_exposure(*s, plan);
    calendar::instant july = date::floor<calendar::minutes>(
        s->zone->to_sys(date::local_days{date::year{2026} / 7 / 1}, date::choose::earliest));
};

}  // namespace

TEST_CASE("records drawn for a plan's past cover every session before the day and every study finished by then",
          "[compare][records]") {
    const fixture f;
    REQUIRE_FALSE(f.x.live.empty());
    REQUIRE_FALSE(f.x.self_paced.empty());
    const auto records = compare::simulate_records(*f.s, f.plan, f.x, f.s->attendance, f.july, 7);
    const auto live_before = std::count_if(f.x.live.begin(), f.x.live.end(),
                                           [&](const compare::live_seat& seat) { return seat.start < f.july; });
    // A self-paced module is finished by the day when its last block ends by then.
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, calendar::instant> study_end;
    for (const auto& b : f.plan.study_blocks) {
        auto& end = study_end[{b.employee.value, b.program.value, b.module}];
        end = std::max(end, b.end);
    }
    std::int64_t finished = 0, in_progress = 0;
    for (const auto& m : f.x.self_paced) {
        const auto end = study_end.at({m.employee.value, m.program.value, m.module});
        (end <= f.july ? finished : in_progress) += 1;
    }
    REQUIRE(live_before > 0);
    REQUIRE(finished > 0);
    const auto live_records =
        std::count_if(records.begin(), records.end(), [](const auto& r) { return !r.self_paced; });
    CHECK(live_records == live_before);
    CHECK(static_cast<std::int64_t>(records.size()) - live_records == finished);
    for (const auto& r : records)
        if (!r.self_paced) CHECK(r.start < f.july);

    // Every record names a part of the plan, and what it says is what matching finds.
    const auto known = compare::match_records(*f.s, f.x, records);
    CHECK(known.matched == static_cast<std::int64_t>(records.size()));
    CHECK(known.unmatched == 0);
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto part = static_cast<std::size_t>(known.part_of_record[i]);
        const auto told = records[i].self_paced ? known.self_paced[part] : known.live[part];
        CHECK(told == (records[i].attended ? 1 : 0));
    }
    // Parts after the day stay unknown.
    for (std::size_t i = 0; i < f.x.live.size(); ++i)
        if (f.x.live[i].start >= f.july) CHECK(known.live[i] == -1);
}

TEST_CASE("drawn records read back from their CSV as written, and a seed repeats them", "[compare][records]") {
    const fixture f;
    const auto records = compare::simulate_records(*f.s, f.plan, f.x, f.s->attendance, f.july, 11);
    const auto csv = compare::attendance_records_csv(*f.s, records);
    CHECK(csv.rfind("nip,program,module,start,attended\r\n", 0) == 0);  // RFC 4180 line ends
    std::vector<load::diagnostic> problems;
    const auto read = compare::parse_attendance_records(csv, "records.csv", problems);
    CHECK(problems.empty());
    REQUIRE(read.size() == records.size());
    for (std::size_t i = 0; i < read.size(); ++i) {
        CHECK(read[i].employee == records[i].employee);
        CHECK(read[i].program == records[i].program);
        CHECK(read[i].module == records[i].module);
        CHECK(read[i].self_paced == records[i].self_paced);
        if (!read[i].self_paced) CHECK(read[i].start == records[i].start);
        CHECK(read[i].attended == records[i].attended);
        CHECK(read[i].line == records[i].line);
    }
    const auto again = compare::simulate_records(*f.s, f.plan, f.x, f.s->attendance, f.july, 11);
    CHECK(compare::attendance_records_csv(*f.s, again) == csv);
}

TEST_CASE("drawn attendance follows the model: all at a certain model, none at an impossible one, and the expected "
          "share in between",
          "[compare][records]") {
    const fixture f;
    const auto attended_share = [&](const model::attendance_model& a) {
        const auto r = compare::simulate_records(*f.s, f.plan, f.x, a, f.july, 3);
        const auto yes = std::count_if(r.begin(), r.end(), [](const auto& x) { return x.attended; });
        return static_cast<double>(yes) / static_cast<double>(r.size());
    };
    model::attendance_model sure = f.s->attendance;
    sure.live_base = 1;
    sure.working_time_penalty = 0;
    sure.overload_penalty = 0;
    sure.self_paced_min = sure.self_paced_max = 1;
    // Preference misses still lower the chance: take them out of the plan's people.
    bool misses = std::any_of(f.x.live.begin(), f.x.live.end(), [](const auto& s) { return s.preference_misses > 0; }) ||
                  std::any_of(f.x.self_paced.begin(), f.x.self_paced.end(),
                              [](const auto& m) { return m.preference_misses > 0; });
    if (!misses) CHECK(attended_share(sure) == 1.0);
    model::attendance_model never = sure;
    never.live_base = 0;
    never.self_paced_min = never.self_paced_max = 0;
    CHECK(attended_share(never) == 0.0);

    // Under the scenario's own model the drawn share is near the mean probability.
    const auto records = compare::simulate_records(*f.s, f.plan, f.x, f.s->attendance, f.july, 3);
    REQUIRE(records.size() >= 200);
    double expected = 0;
    for (const auto& seat : f.x.live)
        if (seat.start < f.july) expected += compare::attend_probability(seat, f.s->attendance);
    const auto known = compare::match_records(*f.s, f.x, records);
    for (std::size_t i = 0; i < f.x.self_paced.size(); ++i)
        if (known.self_paced[i] >= 0) expected += compare::complete_probability(f.x.self_paced[i], f.s->attendance);
    expected /= static_cast<double>(records.size());
    CHECK(attended_share(f.s->attendance) == Approx(expected).margin(0.06));
}

TEST_CASE("what records tell replaces the probability: a missed module fails its programme, an attended one "
          "completes it",
          "[compare][records]") {
    const fixture f;
    // An enrolment with live sessions only, and every session of it in the records.
    const compare::enrolment* live_only = nullptr;
    for (const auto& e : f.x.enrolments) {
        const bool live = std::all_of(e.modules.begin(), e.modules.end(), [](const auto& m) {
            return m.self_paced < 0 && m.live_last > m.live_first;
        });
        if (live) {
            live_only = &e;
            break;
        }
    }
    REQUIRE(live_only != nullptr);
    const double p = compare::enrolment_probability(f.x, *live_only, f.s->attendance);
    REQUIRE(p > 0);
    REQUIRE(p < 1);
    compare::known_outcomes known;
    known.live.assign(f.x.live.size(), -1);
    known.self_paced.assign(f.x.self_paced.size(), -1);
    for (const auto& m : live_only->modules)
        for (auto i = m.live_first; i < m.live_last; ++i) known.live[i] = 1;
    CHECK(compare::enrolment_probability(f.x, *live_only, f.s->attendance, known) == 1.0);
    // Missing more sessions of its first module than allowed: certain failure.
    const auto& first = live_only->modules.front();
    const auto sessions = static_cast<int>(first.live_last - first.live_first);
    if (sessions > f.s->attendance.missed_sessions_allowed) {
        for (auto i = first.live_first; i < first.live_last; ++i) known.live[i] = 0;
        CHECK(compare::enrolment_probability(f.x, *live_only, f.s->attendance, known) == 0.0);
    }
    // Nothing told: the model's probability.
    known.live.assign(f.x.live.size(), -1);
    CHECK(compare::enrolment_probability(f.x, *live_only, f.s->attendance, known) == Approx(p));
}

TEST_CASE("the JP outlook sums each staff group's prospects and the total sums the groups", "[compare][records]") {
    const fixture f;
    const auto records = compare::simulate_records(*f.s, f.plan, f.x, f.s->attendance, f.july, 5);
    const auto known = compare::match_records(*f.s, f.x, records);
    const auto prospects = compare::jp_prospects(*f.s, f.x, f.s->attendance, &known);
    const auto outlook = compare::jp_outlook(*f.s, prospects, 0.5);
    REQUIRE(outlook.size() >= 2);
    const auto& all = outlook.back();
    CHECK_FALSE(all.group.has_value());
    CHECK(all.people == static_cast<std::int64_t>(prospects.size()));
    std::int64_t people = 0, earned = 0, planned = 0, at_risk = 0;
    double expected = 0, reaching = 0;
    for (std::size_t g = 0; g + 1 < outlook.size(); ++g) {
        REQUIRE(outlook[g].group.has_value());
        CHECK(outlook[g].people > 0);
        people += outlook[g].people;
        earned += outlook[g].jp_earned;
        planned += outlook[g].jp_planned;
        at_risk += outlook[g].at_risk;
        expected += outlook[g].expected_jp;
        reaching += outlook[g].expected_reaching;
    }
    CHECK(people == all.people);
    CHECK(earned == all.jp_earned);
    CHECK(planned == all.jp_planned);
    CHECK(at_risk == all.at_risk);
    CHECK(expected == Approx(all.expected_jp));
    CHECK(reaching == Approx(all.expected_reaching));
    // The at-risk count is the at-risk list's, which uses the model alone; with
    // no records both agree.
    const auto plain = compare::jp_outlook(*f.s, compare::jp_prospects(*f.s, f.x, f.s->attendance), 0.5);
    CHECK(plain.back().at_risk ==
          static_cast<std::int64_t>(compare::at_risk_list(*f.s, f.x, f.s->attendance, 0.5).size()));
    CHECK(jadwal::test::error_code_of([&] { (void)compare::jp_outlook(*f.s, prospects, 1.5); }) ==
          jadwal::errc::invalid_argument);
}

#ifdef JADWAL_CLI
TEST_CASE("jadwal attendance simulate writes the library's records, refuses a bad day, and simulate --records "
          "locates a bad row",
          "[compare][records][cli]") {
    const fixture f;
    const auto dir = test::scratch_dir("records-cli");
    const auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir / name, std::ios::binary) << text;
        return (dir / name).string();
    };
    const auto scenario = write("s.yaml", test::batanghari_yaml(120, 4));
    const auto plan = write("plan.json", io::solution_to_json(*f.s, f.plan));
    const auto records = (dir / "records.csv").string();
    const auto drawn = test::run_cli("attendance simulate '" + scenario + "' '" + plan +
                                     "' --before 2026-07-01 --seed 9 --out '" + records + "'");
    INFO(drawn.all());
    REQUIRE(drawn.exit_code == 0);
    const auto expected = compare::simulate_records(*f.s, f.plan, f.x, f.s->attendance, f.july, 9);
    CHECK(test::read_file_text(records) == compare::attendance_records_csv(*f.s, expected));
    CHECK(drawn.out.find(std::to_string(expected.size()) + " records written to") != std::string::npos);

    const auto bad_day = test::run_cli("attendance simulate '" + scenario + "' '" + plan + "' --before 2026-13-01");
    CHECK(bad_day.exit_code == 2);
    CHECK(bad_day.err.find("--before '2026-13-01' is not a date") != std::string::npos);
    CHECK(bad_day.out.empty());

    const auto told = test::run_cli("simulate '" + scenario + "' '" + plan + "' --records '" + records + "'");
    INFO(told.all());
    REQUIRE(told.exit_code == 0);
    CHECK(told.out.find(std::to_string(expected.size()) + " records tell what happened (0 name nothing") !=
          std::string::npos);
    CHECK(told.out.find("JP outlook by staff group") != std::string::npos);

    const auto bad = write("bad.csv", "nip,program,module,start,attended\n" + f.s->employees.front().id +
                                          ",x,m1,2026-02-02T08:00:00+07:00,maybe\n");
    const auto refused = test::run_cli("simulate '" + scenario + "' '" + plan + "' --records '" + bad + "'");
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("bad.csv:2:") != std::string::npos);
    CHECK(refused.err.find("[E-ENUM]") != std::string::npos);
    CHECK(refused.out.empty());
}
#endif
