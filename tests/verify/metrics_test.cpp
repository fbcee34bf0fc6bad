// The valid plan of fixture.hpp verifies clean, and its metrics and objective
// match numbers worked out by hand from base.yaml.
#include <jadwal/io/solution_json.hpp>

#include "fixture.hpp"

using namespace jadwal;
using namespace jadwal::test;
using Catch::Matchers::WithinAbs;

TEST_CASE("a valid hand-made plan verifies with no violation and no warning", "[verify]") {
    const auto s = base_scenario();
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(r.violations.empty());
    CHECK(r.warnings.empty());
    CHECK(r.feasible());
    CHECK(r.metrics.hard_violations == 0);
    CHECK(r.violations_by_code.empty());
}

TEST_CASE("the metrics of the valid plan are the hand-computed ones", "[verify]") {
    const auto s = base_scenario();
    const auto r = check(s, base_plan(s));
    const auto& m = r.metrics;
    // 11 demand items: keuda x4, etika x3, prima x2, webinar x2; placed: Siti and
    // Ahmad in keuda, Siti and Rudi in etika, Nur in prima, Dewi and Nur in the webinar.
    CHECK(m.demand_total == 11);
    CHECK(m.demand_placed == 7);
    CHECK_THAT(m.participation_rate, WithinAbs(7.0 / 11.0, 1e-12));
    // Targets: Siti 10 (placed 8 + 2: met), Ahmad, Dewi and the four nurses 20; Rudi (PPPK) none.
    CHECK(m.jp_target_employees == 7);
    CHECK(m.jp_target_met == 1);
    CHECK_THAT(m.jp_target_attainment, WithinAbs(1.0 / 7.0, 1e-12));
    // In working time: Siti and Ahmad 180 + 180 in keuda, Dewi 90 in the webinar.
    CHECK(m.disruption_minutes == 810);
    // 8 April lies in BPKAD's critical period (weight 3): 180 + 3 x 180 for each
    // of Siti and Ahmad, plus Dewi's 90.
    CHECK_THAT(m.disruption_weighted, WithinAbs(1530.0, 1e-9));
    // Outside working time: Siti and Rudi 90 each in etika; Nur 90 of study and
    // 90 of webinar (on her evening shift's day, before it starts).
    CHECK(m.after_hours_minutes == 360);
    CHECK(m.max_after_hours_minutes_per_person_week == 180);      // Nur, week of 13 April
    CHECK_THAT(m.max_unit_absence_ratio, WithinAbs(0.5, 1e-12));  // Siti and Ahmad of BPKAD's 4
    CHECK(m.cohorts == 3);
    CHECK(m.sessions == 4);
    CHECK(m.study_blocks == 2);
    CHECK(m.instructor_minutes == 360);
    CHECK(m.hard_violations == 0);
}

TEST_CASE("the objective of the valid plan has the hand-computed levels and terms", "[verify]") {
    const auto s = base_scenario();
    const auto r = check(s, base_plan(s));
    const auto& b = r.objective.breakdown;
    // Unmet: Rudi and Dewi in keuda (8 JP mandatory each), Ahmad in etika and Nia in prima (2 JP elective each).
    CHECK_THAT(b.at("unmet_mandatory"), WithinAbs(10.0 * 16, 1e-9));
    CHECK_THAT(b.at("unmet_elective"), WithinAbs(3.0 * 4, 1e-9));
    // Short of target: Ahmad 12, Dewi 18, Nur 16, Nia, Nanda and Novi 20 each.
    CHECK_THAT(b.at("jp_shortfall"), WithinAbs(106.0, 1e-9));
    CHECK_THAT(r.objective.participation, WithinAbs(278.0, 1e-9));
    CHECK_THAT(b.at("disruption"), WithinAbs(1530.0, 1e-9));
    CHECK_THAT(b.at("after_hours"), WithinAbs(0.5 * 360, 1e-9));
    CHECK_THAT(b.at("fairness"), WithinAbs(2.0 * 180, 1e-9));
    CHECK_THAT(b.at("preference"), WithinAbs(0.0, 1e-9));
    CHECK_THAT(r.objective.burden, WithinAbs(2070.0, 1e-9));
    // 3 cohorts; etika-01 has 2 of ceil(6 / 2) = 3; 360 instructor minutes.
    CHECK_THAT(b.at("cohort_opened"), WithinAbs(300.0, 1e-9));
    CHECK_THAT(b.at("cohort_underfilled"), WithinAbs(20.0, 1e-9));
    CHECK_THAT(b.at("instructor_minute"), WithinAbs(36.0, 1e-9));
    CHECK_THAT(b.at("change"), WithinAbs(0.0, 1e-9));
    CHECK_THAT(r.objective.cost, WithinAbs(356.0, 1e-9));
}

TEST_CASE("the objective and the absence peaks are broken down per unit", "[verify]") {
    const auto s = base_scenario();
    const auto r = check(s, base_plan(s));
    const auto& bpkad = r.objective.per_unit.at("bpkad");
    CHECK_THAT(bpkad.at("unmet_mandatory"), WithinAbs(160.0, 1e-9));
    CHECK_THAT(bpkad.at("unmet_elective"), WithinAbs(6.0, 1e-9));
    CHECK_THAT(bpkad.at("jp_shortfall"), WithinAbs(30.0, 1e-9));
    CHECK_THAT(bpkad.at("disruption"), WithinAbs(1530.0, 1e-9));
    CHECK_THAT(bpkad.at("after_hours"), WithinAbs(90.0, 1e-9));
    const auto& rsud = r.objective.per_unit.at("rsud");
    CHECK_THAT(rsud.at("unmet_elective"), WithinAbs(6.0, 1e-9));
    CHECK_THAT(rsud.at("jp_shortfall"), WithinAbs(76.0, 1e-9));
    CHECK_THAT(rsud.at("disruption"), WithinAbs(0.0, 1e-9));
    CHECK_THAT(rsud.at("after_hours"), WithinAbs(90.0, 1e-9));

    REQUIRE(r.units.size() == 2);
    CHECK(r.units[0].unit == "bpkad");
    CHECK(r.units[0].headcount == 4);
    CHECK(r.units[0].absence_limit == 2);  // 50% of 4
    CHECK(r.units[0].max_absent == 2);
    CHECK(r.units[0].demand_total == 8);  // keuda x4, etika x3, Dewi in the webinar
    CHECK(r.units[0].demand_placed == 5);
    CHECK(r.units[0].disruption_minutes == 810);
    CHECK(r.units[0].after_hours_minutes == 180);
    CHECK(r.units[1].unit == "rsud");
    CHECK(r.units[1].absence_limit == 1);  // 25% of 4
    CHECK(r.units[1].max_absent == 0);     // the nurses train off shift only
    CHECK(r.units[1].after_hours_minutes == 180);
}

TEST_CASE("travel to a venue elsewhere counts as training time in every rule", "[verify]") {
    // In Jambi, 60 minutes away: Siti and Ahmad travel 07:00-08:00 and 11:00-12:00
    // on 7 April, 12:00-13:00 and 16:00-17:00 on 8 April. 07:00-07:30, the lunch
    // hour and 16:00-17:00 fall outside their working time.
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[0].venue = venue(s, "bpsdm_jambi");
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(r.metrics.disruption_minutes == 990);  // (270 + 180) x 2 + 90
    CHECK_THAT(r.metrics.disruption_weighted, WithinAbs(2.0 * (270 + 3 * 180) + 90, 1e-9));
    CHECK(r.metrics.after_hours_minutes == 660);                      // Siti 30 + 120 + 90, Ahmad 150, Rudi 90, Nur 180
    CHECK(r.metrics.max_after_hours_minutes_per_person_week == 240);  // Siti
    // Which takes Siti above the weekly after-hours maximum of 180 minutes.
    CHECK(codes(r) == std::vector<std::string>{"H7-AFTER-HOURS-WEEK"});
    CHECK(first(r, "H7-AFTER-HOURS-WEEK").employee == "e1");
    CHECK(first(r, "H7-AFTER-HOURS-WEEK").message.find("240 min") != std::string::npos);
}

TEST_CASE("solution.json round trip keeps the plan and its verification", "[verify][json]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    const auto before = check(s, p);
    p.metrics = before.metrics;
    p.objective = before.objective;
    const std::string text = io::solution_to_json(s, p);
    const auto read = io::solution_from_json(s, text, "solution.json");
    for (const auto& d : read.diags.items()) INFO(load::format(d));
    REQUIRE(read.solution);
    const auto& q = *read.solution;
    REQUIRE(q.cohorts.size() == p.cohorts.size());
    for (std::size_t i = 0; i < p.cohorts.size(); ++i) {
        const auto& a = p.cohorts[i];
        const auto& b = q.cohorts[i];
        CHECK(a.id == b.id);
        CHECK(a.program == b.program);
        CHECK(a.mode == b.mode);
        CHECK(a.venue == b.venue);
        CHECK(a.platform == b.platform);
        CHECK(a.instructors == b.instructors);
        CHECK(a.participants == b.participants);
        REQUIRE(a.sessions.size() == b.sessions.size());
        for (std::size_t k = 0; k < a.sessions.size(); ++k) {
            CHECK(a.sessions[k].module == b.sessions[k].module);
            CHECK(a.sessions[k].part == b.sessions[k].part);
            CHECK(a.sessions[k].start == b.sessions[k].start);
            CHECK(a.sessions[k].end == b.sessions[k].end);
            CHECK(a.sessions[k].pinned == b.sessions[k].pinned);
        }
    }
    REQUIRE(q.study_blocks.size() == p.study_blocks.size());
    for (std::size_t k = 0; k < p.study_blocks.size(); ++k) {
        CHECK(q.study_blocks[k].employee == p.study_blocks[k].employee);
        CHECK(q.study_blocks[k].program == p.study_blocks[k].program);
        CHECK(q.study_blocks[k].module == p.study_blocks[k].module);
        CHECK(q.study_blocks[k].start == p.study_blocks[k].start);
        CHECK(q.study_blocks[k].end == p.study_blocks[k].end);
    }
    CHECK(q.unplaced.size() == p.unplaced.size());
    CHECK(q.policy == p.policy);

    const auto after = check(s, q);
    CHECK(after.metrics == before.metrics);
    CHECK(after.objective.breakdown == before.objective.breakdown);
    CHECK(after.objective.per_unit == before.objective.per_unit);
    CHECK(after.violations.empty());
    // And writing the read plan gives the same text again (the reader leaves
    // metrics and objective to be recomputed, so they are copied over).
    auto again = q;
    again.metrics = p.metrics;
    again.objective = p.objective;
    CHECK(io::solution_to_json(s, again) == text);
}

TEST_CASE("verification is deterministic", "[verify]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[1].sessions[0] = session(0, "2026-05-14 17:00", "18:30");  // a holiday: several findings
    const auto a = check(s, p);
    const auto b = check(s, p);
    REQUIRE(a.violations.size() == b.violations.size());
    REQUIRE(!a.violations.empty());
    for (std::size_t i = 0; i < a.violations.size(); ++i) {
        CHECK(a.violations[i].code == b.violations[i].code);
        CHECK(a.violations[i].message == b.violations[i].message);
    }
}

TEST_CASE("a participant in another time zone is measured against their own working hours", "[verify]") {
    // Siti works from Makassar (UTC+8): the keuda session of 8 April, 13:00-16:00
    // in Jakarta, is 14:00-17:00 for her, and her office closes at 16:00.
    const auto s = load_yaml(edited({{"{id: e1, name: Siti, unit: bpkad, status: pns,",
                                      "{id: e1, name: Siti, unit: bpkad, status: pns, timezone: Asia/Makassar,"}}));
    const auto r = check(s, base_plan(s));
    INFO(listing(r));
    CHECK(r.violations.empty());
    CHECK(r.metrics.disruption_minutes == 810 - 360 + 300);
    // 8 April is still critical for BPKAD (in Jakarta time): 180 + 3 x 120 for Siti.
    CHECK_THAT(r.metrics.disruption_weighted, WithinAbs(1530.0 - 720 + 540, 1e-9));
    CHECK(r.metrics.after_hours_minutes == 360 + 60);
}

TEST_CASE("the JP target is counted per staff group, and the groups add up to the metrics", "[verify][groups]") {
    const auto s = base_scenario();
    const auto r = check(s, base_plan(s));
    const auto& office = r.staff_groups[static_cast<std::size_t>(model::staff_group::office)];
    const auto& shift = r.staff_groups[static_cast<std::size_t>(model::staff_group::shift)];
    // BPKAD works Monday to Friday: Siti, Ahmad, Rudi and Dewi; Rudi (PPPK) has
    // no target; only Siti (10 JP) meets hers.
    CHECK(office.headcount == 4);
    CHECK(office.jp_target_employees == 3);
    CHECK(office.jp_target_met == 1);
    CHECK_THAT(office.attainment(), WithinAbs(1.0 / 3.0, 1e-12));
    // The four nurses of the ward rotate; none reaches 20 JP.
    CHECK(shift.headcount == 4);
    CHECK(shift.jp_target_employees == 4);
    CHECK(shift.jp_target_met == 0);
    for (const auto g : {model::staff_group::teachers, model::staff_group::other}) {
        CHECK(r.staff_groups[static_cast<std::size_t>(g)].headcount == 0);
        CHECK(r.staff_groups[static_cast<std::size_t>(g)].attainment() == 1.0);
    }
    std::int64_t met = 0, with_target = 0;
    for (const auto& g : r.staff_groups) met += g.jp_target_met, with_target += g.jp_target_employees;
    CHECK(met == r.metrics.jp_target_met);
    CHECK(with_target == r.metrics.jp_target_employees);
}

TEST_CASE("staff groups are told from the work pattern: rotation, school holidays, weekdays only, the rest",
          "[verify][groups]") {
    model::work_pattern office;
    for (unsigned d = 1; d <= 5; ++d) office.week.by_weekday[d] = {{calendar::minutes{450}, calendar::minutes{960}}};
    CHECK(model::staff_group_of(office) == model::staff_group::office);
    model::work_pattern six_days = office;  // a puskesmas open on Saturday morning
    six_days.week.by_weekday[6] = {{calendar::minutes{450}, calendar::minutes{780}}};
    CHECK(model::staff_group_of(six_days) == model::staff_group::other);
    model::work_pattern school = six_days;  // a school week, and nothing in the holidays
    school.seasonal.push_back({"school_holiday", model::weekly_hours{}});
    CHECK(model::staff_group_of(school) == model::staff_group::teachers);
    model::work_pattern ramadan_only = office;  // shorter hours in a season are still office hours
    ramadan_only.seasonal.push_back({"ramadan", office.week});
    CHECK(model::staff_group_of(ramadan_only) == model::staff_group::office);
    model::work_pattern ward;
    ward.rotation.emplace();
    CHECK(model::staff_group_of(ward) == model::staff_group::shift);
    model::work_pattern never;  // no hours at all
    CHECK(model::staff_group_of(never) == model::staff_group::other);
    CHECK(model::to_string(model::staff_group::teachers) == "teachers");
}
