// Recordings of fixed sessions and catalogue top-up (docs/model.md
// "Recordings", "Top-up"): a valid plan for each, then one planted violation
// per rule, each reported under its own code.
#include "fixture.hpp"

namespace jadwal::test {
namespace {

using strings = std::vector<std::string>;

/// base.yaml with a recorded webinar, two catalogue courses and a self-paced
/// course outside the catalogue; a policy that refuses recordings.
model::scenario levers_scenario() {
    return load_yaml(edited({
        {"fixed: [{module: w, date: 2026-04-15, time: 09:00-10:30, capacity: 100}]",
         "fixed: [{module: w, date: 2026-04-15, time: 09:00-10:30, capacity: 100,\n"
         "                  recording: {days: 14, post_test_minutes: 30}}]"},
        {"demand:\n",
         "  - {id: mooc, modules: [{id: m, jp: 2}], modes: [{mode: self_paced}]}\n"
         "  - {id: mooc4, modules: [{id: m, jp: 4}], modes: [{mode: self_paced}]}\n"
         "  - {id: extra, modules: [{id: m, jp: 2}], modes: [{mode: self_paced}]}\n"
         "catalogue: {programs: [mooc, mooc4], eligible: {status: [pns]}, max_jp_per_person: 4}\n"
         "demand:\n"},
        {"  classroom_only:", "  no_recordings:\n"
                              "    recordings: false\n"
                              "    after_hours: {max_minutes_per_week: 180, max_minutes_per_day: 135}\n"
                              "  classroom_only:"},
    }));
}

solve::study_block marked(solve::study_block b, bool recording, bool top_up) {
    b.recording = recording;
    b.top_up = top_up;
    return b;
}

/// The base plan with Dewi watching the webinar's recording instead of live.
solve::solution recording_plan(const model::scenario& s) {
    auto p = base_plan(s);
    p.cohorts[2].participants = people(s, {"n1"});
    p.study_blocks.push_back(marked(block(s, "e4", "webinar", "2026-04-16 17:00", "18:00"), true, false));
    p.study_blocks.push_back(marked(block(s, "e4", "webinar", "2026-04-17 17:00", "18:00"), true, false));
    return p;
}

std::int64_t metric(const verify::report& r, std::string_view name) {
    std::int64_t out = -1;
    solve::for_each_metric(r.metrics, [&](const char* n, auto v) {
        if (n == name) out = static_cast<std::int64_t>(v);
    });
    return out;
}

}  // namespace

TEST_CASE("watching a recording inside its window places the demand", "[verify][recording]") {
    const auto s = levers_scenario();
    const auto r = check(s, recording_plan(s));
    INFO(listing(r));
    CHECK(r.violations.empty());
    CHECK(metric(r, "recording_placed") == 1);
    CHECK(metric(r, "demand_placed") == 7);
}

TEST_CASE("a recording watched after its window closes is reported", "[verify][recording]") {
    const auto s = levers_scenario();
    auto p = recording_plan(s);
    p.study_blocks.back() = marked(block(s, "e4", "webinar", "2026-04-30 17:00", "18:00"), true, false);
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-RECORDING-WINDOW"});
}

TEST_CASE("a recording watched before the live session ends is reported", "[verify][recording]") {
    const auto s = levers_scenario();
    auto p = recording_plan(s);
    p.study_blocks.back() = marked(block(s, "e4", "webinar", "2026-04-14 17:00", "18:00"), true, false);
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-RECORDING-WINDOW"});
}

TEST_CASE("someone seated live who also watches the recording is reported", "[verify][recording]") {
    const auto s = levers_scenario();
    auto p = recording_plan(s);
    p.cohorts[2].participants = people(s, {"e4", "n1"});
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-RECORDING-LIVE"});
}

TEST_CASE("a recording under a policy that refuses recordings is reported", "[verify][recording]") {
    const auto s = levers_scenario();
    auto p = recording_plan(s);
    p.policy = "no_recordings";
    const auto r = check(s, p, "no_recordings");
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-RECORDING-REFUSED"});
}

TEST_CASE("a recording without the post-test minutes is incomplete", "[verify][recording]") {
    const auto s = levers_scenario();
    auto p = recording_plan(s);
    p.study_blocks.back() = marked(block(s, "e4", "webinar", "2026-04-17 17:00", "17:30"), true, false);
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(count(r, "S-STUDY-INCOMPLETE") == 1);
}

TEST_CASE("a catalogue course for someone short of their target counts towards it", "[verify][top-up]") {
    const auto s = levers_scenario();
    auto p = base_plan(s);
    p.study_blocks.push_back(marked(block(s, "e4", "mooc", "2026-04-20 17:00", "18:30"), false, true));
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(r.violations.empty());
    CHECK(metric(r, "top_up_placed") == 1);
    CHECK(metric(r, "top_up_jp") == 2);
    CHECK(metric(r, "demand_total") == 11);  // top-up is not demand
}

TEST_CASE("top-up for someone the catalogue is not open to is reported", "[verify][top-up]") {
    const auto s = levers_scenario();
    auto p = base_plan(s);
    p.study_blocks.push_back(marked(block(s, "e3", "mooc", "2026-04-28 17:00", "18:30"), false, true));
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-TOP-UP-INELIGIBLE"});
}

TEST_CASE("top-up with a programme outside the catalogue is reported", "[verify][top-up]") {
    const auto s = levers_scenario();
    auto p = base_plan(s);
    p.study_blocks.push_back(marked(block(s, "e4", "extra", "2026-04-20 17:00", "18:30"), false, true));
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-TOP-UP-NOT-CATALOGUE"});
}

TEST_CASE("top-up above the catalogue's JP per person is reported", "[verify][top-up]") {
    const auto s = levers_scenario();
    auto p = base_plan(s);
    p.study_blocks.push_back(marked(block(s, "e4", "mooc", "2026-04-20 17:00", "18:30"), false, true));
    p.study_blocks.push_back(marked(block(s, "e4", "mooc4", "2026-04-28 17:00", "18:30"), false, true));
    p.study_blocks.push_back(marked(block(s, "e4", "mooc4", "2026-04-29 17:00", "18:30"), false, true));
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-TOP-UP-LIMIT"});
}

TEST_CASE("top-up for someone already at their target is reported", "[verify][top-up]") {
    const auto s = levers_scenario();
    auto p = base_plan(s);  // Siti: keuda 8 JP + etika 2 JP = her target of 10
    p.study_blocks.push_back(marked(block(s, "e1", "mooc", "2026-04-28 17:00", "18:30"), false, true));
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-TOP-UP-EXCESS"});
}

TEST_CASE("declared demand marked as top-up is reported", "[verify][top-up]") {
    const auto s = levers_scenario();
    auto p = base_plan(s);
    for (auto& b : p.study_blocks) b.top_up = true;  // Nur's prima is declared demand
    const auto r = check(s, p);
    INFO(listing(r));
    CHECK(codes(r) == strings{"S-TOP-UP-DECLARED", "S-TOP-UP-NOT-CATALOGUE"});
}

}  // namespace jadwal::test
