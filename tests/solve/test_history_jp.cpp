// JP earned this year (the training history) count toward the JP target and
// the PPPK cap in the solver, its metrics and its explanations, and `verify`
// agrees (docs/model.md "JP target", "Metrics").
#include <jadwal/solve/explain.hpp>
#include <map>
#include <set>
#include <string>

#include "support.hpp"

using namespace jadwal;

namespace {

model::history_entry earned(const model::scenario& s, const std::string& employee, int jp, calendar::local_date end) {
    model::history_entry h;
    h.employee = *s.find_employee(employee);
    h.course = "Pelatihan " + std::to_string(jp) + " JP";
    h.organizer = "BPSDM";
    h.jp = jp;
    h.start = end - date::days{2};
    h.end = end;
    return h;
}

const calendar::local_date this_year = date::local_days{date::year{2026} / 3 / 20};
const calendar::local_date last_year = date::local_days{date::year{2025} / 12 / 18};

// Three people with a target of 8 JP and the 2 JP course each; a catalogue of
// self-paced courses tops up whoever is still short.
const char* const target_yaml = R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-19}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units:
  - {id: u, kind: office, pattern: office, max_absent: 10}
employees:
  - {id: half, name: Half, unit: u, status: pns, jp_target: 8}
  - {id: none, name: None, unit: u, status: pns, jp_target: 8}
  - {id: old, name: Old, unit: u, status: pns, jp_target: 8}
programs:
  - {id: dasar, modules: [{id: m, jp: 2}], modes: [{mode: self_paced}]}
  - {id: c2, modules: [{id: m, jp: 2}], modes: [{mode: self_paced}]}
  - {id: c6, modules: [{id: m, jp: 6}], modes: [{mode: self_paced}]}
demand: [{program: dasar, where: {}}]
catalogue: {programs: [c2, c6], eligible: {status: [pns]}, max_jp_per_person: 6}
policies: {flexible: {}}
)";

// A PPPK person (cap 24 by default) who wants an 8 JP and a 4 JP programme.
const char* const cap_yaml = R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-19}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units:
  - {id: u, kind: office, pattern: office, max_absent: 10}
employees:
  - {id: p, name: Kontrak, unit: u, status: pppk}
programs:
  - {id: c8, modules: [{id: m, jp: 8}], modes: [{mode: self_paced}]}
  - {id: c4, modules: [{id: m, jp: 4}], modes: [{mode: self_paced}]}
demand: [{program: c8, where: {}}, {program: c4, where: {}}]
policies: {flexible: {}}
)";

std::map<std::string, std::set<std::string>> top_up_of(const model::scenario& s, const solve::solution& sol) {
    std::map<std::string, std::set<std::string>> out;
    for (const auto& b : sol.study_blocks)
        if (b.top_up) out[s.employees[b.employee.value].id].insert(s.programs[b.program.value].id);
    return out;
}

bool placed(const model::scenario& s, const solve::solution& sol, const std::string& program) {
    const auto p = *s.find_program(program);
    for (const auto& b : sol.study_blocks)
        if (b.program == p) return true;
    return false;
}

}  // namespace

TEST_CASE("JP earned this year meet a target with fewer placed JP and need no top-up", "[solve][history]") {
    const auto s = test::scenario_from(target_yaml);
    s->history.push_back(earned(*s, "half", 6, this_year));
    s->history.push_back(earned(*s, "old", 6, last_year));  // last year's: does not count
    const auto sol = test::solve_with(*s, "flexible", 3000);
    CHECK(test::verify_violations(*s, sol, "flexible").empty());
    CHECK(test::own_violations(*s, sol, "flexible").empty());
    CHECK(sol.unplaced.empty());
    const auto top_up = top_up_of(*s, sol);
    CHECK(top_up.count("half") == 0);  // 6 earned + 2 placed = 8
    CHECK(top_up.at("none") == std::set<std::string>{"c6"});
    CHECK(top_up.at("old") == std::set<std::string>{"c6"});  // the 2025 course does not count
    CHECK(test::metric(sol, "jp_target_employees") == 3);
    CHECK(test::metric(sol, "jp_target_met") == 3);
    CHECK(test::metric(sol, "jp_earned") == 6);
    CHECK(test::metric(sol, "jp_planned") == 3 * 2 + 6 + 6);
    CHECK(test::metric(sol, "jp_total") == 6 + 18);
    CHECK(test::metric(sol, "top_up_jp") == 12);
    const auto rep = verify::verify(*s, sol, test::policy_of(*s, "flexible"));
    CHECK(test::metric_differences(sol.metrics, rep.metrics).empty());
    CHECK(rep.earned_jp == std::vector<std::int64_t>{6, 0, 0});
}

TEST_CASE("without top-up, earned JP decide whose target the plan meets", "[solve][history]") {
    // The same people without a catalogue: only "half" reaches 8 JP (6 earned + 2).
    std::string yaml = target_yaml;
    yaml.erase(yaml.find("catalogue:"), yaml.find("policies:") - yaml.find("catalogue:"));
    const auto s = test::scenario_from(yaml);
    s->history.push_back(earned(*s, "half", 6, this_year));
    s->history.push_back(earned(*s, "old", 6, last_year));
    const auto sol = test::solve_with(*s, "flexible", 2000);
    CHECK(test::verify_violations(*s, sol, "flexible").empty());
    CHECK(test::metric(sol, "jp_target_met") == 1);
    CHECK(test::metric(sol, "jp_earned") == 6);
    CHECK(test::metric(sol, "jp_planned") == 6);
    CHECK(test::metric(sol, "jp_total") == 12);
    const auto rep = verify::verify(*s, sol, test::policy_of(*s, "flexible"));
    CHECK(test::metric_differences(sol.metrics, rep.metrics).empty());
    CHECK(rep.metrics.jp_target_met == 1);
    // The bound counts the earned JP too: no plan meets more than the one target.
    REQUIRE(sol.bounds);
    CHECK(sol.bounds->jp_target_met == 1);
}

TEST_CASE("a PPPK person with 20 JP earned gets the 4 JP programme but not the 8 JP one", "[solve][history]") {
    const auto s = test::scenario_from(cap_yaml);
    REQUIRE(s->employees[0].jp_cap == 24);
    s->history.push_back(earned(*s, "p", 20, this_year));
    const auto sol = test::solve_with(*s, "flexible", 2000);
    CHECK(test::verify_violations(*s, sol, "flexible").empty());
    CHECK(test::own_violations(*s, sol, "flexible").empty());
    CHECK(placed(*s, sol, "c4"));
    CHECK_FALSE(placed(*s, sol, "c8"));
    REQUIRE(sol.unplaced.size() == 1);
    CHECK(sol.unplaced[0].program == *s->find_program("c8"));
    REQUIRE_FALSE(sol.unplaced[0].reasons.empty());
    CHECK(sol.unplaced[0].reasons[0].code == "R-JP-CAP");
    CHECK_THAT(sol.unplaced[0].reasons[0].message, Catch::Contains("20 JP already earned this year"));
    CHECK(test::metric(sol, "jp_earned") == 20);
    CHECK(test::metric(sol, "jp_planned") == 4);
    CHECK(test::metric(sol, "jp_total") == 24);
    const auto rep = verify::verify(*s, sol, test::policy_of(*s, "flexible"));
    CHECK(test::metric_differences(sol.metrics, rep.metrics).empty());

    const auto x = solve::explain_employee(*s, sol, *s->find_employee("p"));
    CHECK(x.jp_earned == 20);
    CHECK(x.placed_jp == 4);
}

TEST_CASE("the bound says an 8 JP programme cannot fit under a cap 20 earned JP use up", "[solve][history]") {
    const auto s = test::scenario_from(cap_yaml);
    s->history.push_back(earned(*s, "p", 20, this_year));
    const auto sol = test::solve_with(*s, "flexible", 500);
    REQUIRE(sol.bounds);
    CHECK(sol.bounds->demand_placed == 1);
}

TEST_CASE("without the history, or with last year's, the PPPK person gets both programmes", "[solve][history]") {
    const auto s = test::scenario_from(cap_yaml);
    SECTION("no history") {}
    SECTION("last year's history") {
        s->history.push_back(earned(*s, "p", 20, last_year));
    }
    const auto sol = test::solve_with(*s, "flexible", 2000);
    CHECK(test::verify_violations(*s, sol, "flexible").empty());
    CHECK(placed(*s, sol, "c4"));
    CHECK(placed(*s, sol, "c8"));
    CHECK(sol.unplaced.empty());
    CHECK(test::metric(sol, "jp_earned") == 0);
    CHECK(test::metric(sol, "jp_planned") == 12);
    CHECK(test::metric(sol, "jp_total") == 12);
}

TEST_CASE("a plan placing the 8 JP programme over the earned JP breaks the cap in both checkers", "[solve][history]") {
    const auto s = test::scenario_from(cap_yaml);
    const auto sol = test::solve_with(*s, "flexible", 2000);  // both programmes, 12 JP
    REQUIRE(placed(*s, sol, "c8"));
    REQUIRE(test::verify_violations(*s, sol, "flexible").empty());
    s->history.push_back(earned(*s, "p", 20, this_year));  // the same plan, now over 24
    CHECK_THAT(test::verify_violations(*s, sol, "flexible"), Catch::Contains("H7-JP-CAP"));
    CHECK_THAT(test::own_violations(*s, sol, "flexible"), Catch::Contains("V-JP-CAP"));
    // 12 earned + 12 placed is exactly the cap.
    s->history.back().jp = 12;
    CHECK(test::verify_violations(*s, sol, "flexible").empty());
    CHECK(test::own_violations(*s, sol, "flexible").empty());
}

TEST_CASE("the solver notes demand the history shows completed", "[solve][history]") {
    const auto s = test::scenario_from(cap_yaml);
    auto note_of = [](const solve::solution& sol) {
        std::string all;
        for (const auto& n : sol.notes) all += n + "\n";
        return all;
    };
    CHECK_THAT(note_of(test::solve_with(*s, "flexible", 200)), !Catch::Contains("history"));
    s->history.push_back(earned(*s, "p", 4, this_year));
    s->completed.push_back({s->demand[1], 0});
    s->demand.pop_back();
    const auto sol = test::solve_with(*s, "flexible", 200);
    CHECK(test::verify_violations(*s, sol, "flexible").empty());
    CHECK_THAT(note_of(sol), Catch::Contains("1 demand item dropped: the training history shows it completed"));
}

TEST_CASE("the exact model holds the cap the earned JP leave and proves the 4 JP programme optimal",
          "[solve][history][exact-model]") {
    std::string yaml = cap_yaml;
    // Working hours only: the exact model's block schedules are complete there (exact.hpp).
    for (const char* from : {"{id: c8, modules: [{id: m, jp: 8}], modes: [{mode: self_paced}]}",
                             "{id: c4, modules: [{id: m, jp: 4}], modes: [{mode: self_paced}]}"}) {
        std::string to = from;
        to.replace(to.find("{mode: self_paced}"), 18, "{mode: self_paced, windows: [working_hours]}");
        yaml.replace(yaml.find(from), std::string(from).size(), to);
    }
    const auto s = test::scenario_from(yaml);
    s->history.push_back(earned(*s, "p", 20, this_year));
    const auto sol = test::solve_exact(*s, "flexible");
    CHECK(sol.status == solve::solve_status::optimal);
    CHECK(placed(*s, sol, "c4"));
    CHECK_FALSE(placed(*s, sol, "c8"));
    CHECK(test::metric(sol, "jp_total") == 24);
    CHECK(test::verify_violations(*s, sol, "flexible").empty());
}

TEST_CASE("on a generated scenario with history the plan passes verify, the metrics agree and a seed repeats",
          "[solve][history]") {
    const auto s = test::batanghari(60, 3);
    // Every third person earned 4 to 22 JP this year, every fifth 30 JP last year.
    for (std::uint32_t e = 0; e < s->employees.size(); ++e) {
        const auto& id = s->employees[e].id;
        if (e % 3 == 0) s->history.push_back(earned(*s, id, 4 + static_cast<int>(e % 19), this_year));
        if (e % 5 == 0) s->history.push_back(earned(*s, id, 30, last_year));
    }
    std::int64_t earned_total = 0;
    for (const int jp : s->earned_jp()) earned_total += jp;
    REQUIRE(earned_total > 0);
    const auto& policy = s->policies.front().id;
    const auto sol = test::solve_with(*s, policy, 4000, 5);
    CHECK(test::verify_violations(*s, sol, policy).empty());
    CHECK(test::own_violations(*s, sol, policy).empty());
    CHECK(test::metric(sol, "jp_earned") == earned_total);
    CHECK(test::metric(sol, "jp_total") == test::metric(sol, "jp_earned") + test::metric(sol, "jp_planned"));
    const auto rep = verify::verify(*s, sol, test::policy_of(*s, policy));
    CHECK(test::metric_differences(sol.metrics, rep.metrics).empty());
    // Nobody with a cap is above it, counting what they earned.
    const auto earned_jp = s->earned_jp();
    for (std::uint32_t e = 0; e < s->employees.size(); ++e)
        if (s->employees[e].jp_cap && rep.placed_jp[e] > 0)
            CHECK(earned_jp[e] + rep.placed_jp[e] <= *s->employees[e].jp_cap);
    const auto again = test::solve_with(*s, policy, 4000, 5);
    CHECK(test::json_without_elapsed(*s, sol) == test::json_without_elapsed(*s, again));
}

namespace {

/// A re-plan of `published` from `from` under `s` as it is now, and verify's
/// violations of it against `published` (one per line).
struct replanned {
    solve::solution plan;
    std::string violations;
};
replanned replan(const model::scenario& s, const solve::solution& published, calendar::instant from) {
    solve::solve_options o;
    o.policy = "flexible";
    o.max_moves = 3000;
    o.previous = &published;
    o.replan_from = from;
    replanned r{solve::solve(s, o), {}};
    verify::options vo;
    vo.previous.plan = &published;
    vo.previous.replan_from = from;
    for (const auto& v : verify::verify(s, r.plan, test::policy_of(s, "flexible"), vo).violations)
        r.violations += v.code + " " + v.message + "\n";
    return r;
}

/// Verify's violations of `plan` as a re-plan of itself from `from`.
std::string verify_as_kept(const model::scenario& s, const solve::solution& plan, calendar::instant from) {
    verify::options vo;
    vo.previous.plan = &plan;
    vo.previous.replan_from = from;
    std::string out;
    for (const auto& v : verify::verify(s, plan, test::policy_of(s, "flexible"), vo).violations)
        out += v.code + " " + v.message + "\n";
    return out;
}

/// One minute after the latest first block of any programme: every
/// programme of the plan has begun.
calendar::instant after_every_start(const solve::solution& sol) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, calendar::instant> first;
    for (const auto& b : sol.study_blocks) {
        auto [it, fresh] = first.emplace(std::pair{b.employee.value, b.program.value}, b.start);
        if (!fresh) it->second = std::min(it->second, b.start);
    }
    calendar::instant latest{};
    for (const auto& [k, t] : first) latest = std::max(latest, t);
    return latest + calendar::minutes{1};
}

calendar::instant before_every_start(const solve::solution& sol) {
    calendar::instant earliest = sol.study_blocks.front().start;
    for (const auto& b : sol.study_blocks) earliest = std::min(earliest, b.start);
    return earliest;
}

}  // namespace

TEST_CASE("training a re-plan must keep that the history takes over the cap is no violation, in both checkers",
          "[solve][history][replan]") {
    const auto s = test::scenario_from(cap_yaml);
    const auto published = test::solve_with(*s, "flexible", 2000);  // c8 and c4: 12 JP
    REQUIRE(placed(*s, published, "c8"));
    REQUIRE(placed(*s, published, "c4"));
    s->history.push_back(earned(*s, "p", 20, this_year));  // learnt of later: 32 JP, over 24

    const auto from = after_every_start(published);  // both programmes have begun
    CHECK_THAT(verify_as_kept(*s, published, from), !Catch::Contains("H7-JP-CAP"));
    const auto r = replan(*s, published, from);
    CHECK(placed(*s, r.plan, "c8"));  // kept: it began
    CHECK(placed(*s, r.plan, "c4"));
    CHECK(r.violations.empty());
    CHECK(test::metric(r.plan, "hard_violations") == 0);
}

TEST_CASE("training not yet begun at the re-plan instant is held to the cap the history leaves, in both checkers",
          "[solve][history][replan]") {
    const auto s = test::scenario_from(cap_yaml);
    const auto published = test::solve_with(*s, "flexible", 2000);
    REQUIRE(placed(*s, published, "c8"));
    s->history.push_back(earned(*s, "p", 20, this_year));

    const auto from = before_every_start(published);  // nothing has begun: nothing is a fact yet
    CHECK_THAT(verify_as_kept(*s, published, from), Catch::Contains("H7-JP-CAP"));
    const auto r = replan(*s, published, from);
    CHECK(placed(*s, r.plan, "c4"));  // 20 + 4 = 24, the cap
    CHECK_FALSE(placed(*s, r.plan, "c8"));
    CHECK_THAT(r.violations, !Catch::Contains("H7-JP-CAP"));
    CHECK(test::metric(r.plan, "hard_violations") == 0);
}

TEST_CASE("top-up begun before a re-plan stays when the history now meets the target", "[solve][history][replan]") {
    const auto s = test::scenario_from(target_yaml);
    const auto published = test::solve_with(*s, "flexible", 3000);
    REQUIRE(top_up_of(*s, published).at("half") == std::set<std::string>{"c6"});
    s->history.push_back(earned(*s, "half", 8, this_year));  // the target, met elsewhere

    const auto from = after_every_start(published);
    const auto r = replan(*s, published, from);
    CHECK(r.violations.empty());  // no H8-PIN: the begun top-up is kept
    CHECK(top_up_of(*s, r.plan).at("half") == std::set<std::string>{"c6"});
    CHECK(test::metric(r.plan, "hard_violations") == 0);
}

TEST_CASE("a person's demand for a programme is found among their declared demand and their top-up candidates",
          "[solve][history]") {
    const auto s = test::scenario_from(target_yaml);
    const solve::detail::compiled_model cm(*s, test::policy_of(*s, "flexible"));
    const auto none = *s->find_employee("none");
    const auto dasar = s->find_program("dasar")->value;
    const auto c6 = s->find_program("c6")->value;

    const auto declared = cm.demand_of(none, dasar);
    REQUIRE(declared.valid());
    CHECK(cm.demand[declared].employee == none);
    CHECK(cm.demand[declared].program == dasar);
    CHECK_FALSE(cm.demand[declared].top_up);

    const auto candidate = cm.demand_of(none, c6);
    REQUIRE(candidate.valid());
    CHECK(cm.demand[candidate].employee == none);
    CHECK(cm.demand[candidate].program == c6);
    CHECK(cm.demand[candidate].top_up);

    // Every demand item is found from its own person and programme, and only there.
    for (const auto d : cm.demand.indices()) CHECK(cm.demand_of(cm.demand[d].employee, cm.demand[d].program) == d);
    CHECK_FALSE(cm.demand_of(none, static_cast<std::uint32_t>(s->programs.size())).valid());
    CHECK_FALSE(cm.demand_of(model::employee_index{static_cast<std::uint32_t>(s->employees.size())}, dasar).valid());
}
