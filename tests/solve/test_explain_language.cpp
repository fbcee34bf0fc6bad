// The explanations of unmet demand speak the language asked for (the solve
// option, else the scenario's `locale`, else English): the sentences and the
// alternatives change, the reason codes do not.
#include <fmt/format.h>

#include <fstream>
#include <jadwal/io/solution_json.hpp>
#include <jadwal/solve/bound.hpp>
#include <jadwal/solve/explain.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "support.hpp"

using namespace jadwal;

namespace {

// One week of office days (2026-06-01 is a Monday); the only window is
// Wednesday 09:00-10:30 on one online meeting at a time, so one cohort at most,
// and the unit lets only two of its three people train at once.
std::string unit_limit(std::string_view locale = "") {
    return fmt::format(R"(
jadwal: 1
scenario: {{name: t, from: 2026-06-01, to: 2026-06-05{}}}
work_patterns:
  office: {{week: {{mon-fri: [08:00-16:00]}}}}
units: [{{id: u, name: Bagian Umum, pattern: office, max_absent: 2}}]
employees:
  - {{id: a, name: Ani, unit: u, status: pns, jp_target: 0}}
  - {{id: b, name: Budi, unit: u, status: pns, jp_target: 0}}
  - {{id: c, name: Citra, unit: u, status: pns, jp_target: 0}}
platforms: [{{id: z, capacity: 10, concurrent: 1}}]
programs:
  - id: p
    title: Pelayanan Prima
    modules: [{{id: m1, jp: 2}}]
    modes: [{{mode: online_live, platform: z, windows: [{{days: wed, hours: [09:00-10:30]}}]}}]
    cohort: {{min: 1, max: 10}}
demand: [{{program: p, where: {{unit: u}}, priority: mandatory}}]
policies: {{only: {{after_hours: {{weekday: 16:00-21:00}}}}}}
)",
                       locale.empty() ? std::string() : fmt::format(", locale: {}", locale));
}

solve::solution solve_in(const model::scenario& s, std::string policy, std::int64_t moves,
                         std::optional<text::language> language, std::uint64_t seed = 1) {
    solve::solve_options o;
    o.policy = std::move(policy);
    o.max_moves = moves;
    o.seed = seed;
    o.threads = 1;
    o.language = language;
    return solve::solve(s, o);
}

bool mentions(const std::string& text, std::string_view what) {
    return text.find(what) != std::string::npos;
}

/// English words that have no place in an Indonesian sentence of the solver.
std::string english_in(const std::string& text) {
    for (const std::string_view w : {" because ", " cohort ", " cohorts ", " the ", " of ", " would ", " and ",
                                     " is not ", " training ", " after hours", " working time", " sampled ", " e.g. "})
        if (mentions(" " + text + " ", w)) return std::string(w);
    return "";
}

const solve::unplaced_demand& only_unplaced(const solve::solution& sol) {
    REQUIRE(sol.unplaced.size() == 1);
    return sol.unplaced.front();
}

/// The same demand is unplaced in both, for the same reasons by code, with as
/// many alternatives at the same costs.
void same_codes(const solve::unplaced_demand& a, const solve::unplaced_demand& b) {
    CHECK(a.employee == b.employee);
    CHECK(a.program == b.program);
    REQUIRE(a.reasons.size() == b.reasons.size());
    for (std::size_t k = 0; k < a.reasons.size(); ++k) CHECK(a.reasons[k].code == b.reasons[k].code);
    REQUIRE(a.alternatives.size() == b.alternatives.size());
    for (std::size_t k = 0; k < a.alternatives.size(); ++k) CHECK(a.alternatives[k].cost == b.alternatives[k].cost);
}

}  // namespace

TEST_CASE("asked for Indonesian, the solver gives its reasons and alternatives in Indonesian",
          "[solve][explain][language]") {
    const auto s = test::scenario_from(unit_limit());
    const auto sol = solve_in(*s, "only", 3000, text::language::id);
    const auto& u = only_unplaced(sol);
    REQUIRE_FALSE(u.reasons.empty());
    const std::string& why = u.reasons[0].message;
    INFO(why);
    CHECK(u.reasons[0].code == "R-UNIT-LIMIT");
    CHECK(mentions(why, "daring: "));
    CHECK(mentions(why,
                   "Bagian Umum akan memiliki lebih dari 2 dari 3 pegawainya yang mengikuti pelatihan pada waktu "
                   "yang sama"));
    CHECK(mentions(why, "satu-satunya angkatan p tidak sesuai"));
    // The date and clock as Indonesian write them.
    CHECK(mentions(why, "Rab, 3 Jun 2026 09.00\u201310.30"));
    CHECK(english_in(why).empty());
    REQUIRE_FALSE(u.alternatives.empty());
    const std::string& alt = u.alternatives[0].description;
    INFO(alt);
    CHECK(mentions(alt, "bergabung dengan angkatan p (daring) yang dimulai Rab, 3 Jun 2026 09.00"));
    CHECK(mentions(alt,
                   "Bagian Umum mengizinkan satu pegawai lagi mengikuti pelatihan pada waktu yang sama (2 \u2192 3)"));
    CHECK(mentions(alt, "90 menit pada jam kerja"));
    CHECK(english_in(alt).empty());
}

TEST_CASE("the calendar entry that keeps a person away is named in Indonesian", "[solve][explain][language]") {
    // Citra is on leave on the only Wednesday; the unit lets all three train.
    std::string yaml = unit_limit();
    const std::string limit = "max_absent: 2";
    const std::string citra = "{id: c, name: Citra, unit: u, status: pns, jp_target: 0}";
    yaml.replace(yaml.find(limit), limit.size(), "max_absent: 3");
    yaml.replace(yaml.find(citra), citra.size(),
                 "{id: c, name: Citra, unit: u, status: pns, jp_target: 0, leave: [{from: 2026-06-03, to: "
                 "2026-06-03}]}");
    const auto s = test::scenario_from(yaml);
    const auto id = solve_in(*s, "only", 3000, text::language::id);
    const auto en = solve_in(*s, "only", 3000, text::language::en);
    const auto& u = only_unplaced(id);
    CHECK(s->employees[u.employee.value].id == "c");
    INFO(u.reasons[0].message);
    CHECK(u.reasons[0].code == "R-UNAVAILABLE");
    CHECK(mentions(u.reasons[0].message, "Citra tidak tersedia (cuti)"));
    CHECK(english_in(u.reasons[0].message).empty());
    CHECK(mentions(only_unplaced(en).reasons[0].message, "Citra is not available (leave)"));
    same_codes(u, only_unplaced(en));
}

TEST_CASE("asked for English, the solver's sentences are the English ones, with the same codes as in Indonesian",
          "[solve][explain][language]") {
    const auto s = test::scenario_from(unit_limit());
    const auto en = solve_in(*s, "only", 3000, text::language::en);
    const auto none = solve_in(*s, "only", 3000, std::nullopt);
    const auto id = solve_in(*s, "only", 3000, text::language::id);
    const auto& e = only_unplaced(en);
    const auto& i = only_unplaced(id);
    same_codes(e, i);
    CHECK(e.reasons[0].message ==
          "live online: the only cohort of p does not fit, at its session of Wed 3 Jun 2026 09:00\u201310:30: Bagian "
          "Umum would have more than 2 of its 3 staff in training at once");
    REQUIRE_FALSE(e.alternatives.empty());
    CHECK(mentions(e.alternatives[0].description,
                   "join a live online cohort of p starting Wed 3 Jun 2026 09:00\u201310:30 if Bagian Umum lets one "
                   "more of its staff train at once (2 \u2192 3) (90 min in working time)"));
    // No language asked for and no locale: English.
    const auto& n = only_unplaced(none);
    CHECK(n.reasons[0].message == e.reasons[0].message);
    CHECK(n.alternatives[0].description == e.alternatives[0].description);
    CHECK(i.reasons[0].message != e.reasons[0].message);
    // The plan itself does not depend on the language.
    CHECK(test::json_without_elapsed(*s, en) == test::json_without_elapsed(*s, none));
}

TEST_CASE("a scenario with locale id is explained in Indonesian unless English is asked for",
          "[solve][explain][language]") {
    const auto s = test::scenario_from(unit_limit("id"));
    REQUIRE(s->locale == text::language::id);
    const auto by_locale = solve_in(*s, "only", 3000, std::nullopt);
    const auto asked_en = solve_in(*s, "only", 3000, text::language::en);
    const auto& u = only_unplaced(by_locale);
    INFO(u.reasons[0].message);
    CHECK(mentions(u.reasons[0].message, "akan memiliki lebih dari 2 dari 3 pegawainya"));
    const auto& e = only_unplaced(asked_en);
    CHECK(mentions(e.reasons[0].message, "would have more than 2 of its 3 staff in training at once"));
    same_codes(u, e);
}

TEST_CASE("explain_employee speaks the language asked for, else the scenario's, and keeps the codes",
          "[solve][explain][language]") {
    const auto s = test::scenario_from(unit_limit());
    const auto sol = solve_in(*s, "only", 3000, std::nullopt);
    const auto read = io::solution_from_json(*s, io::solution_to_json(*s, sol));
    REQUIRE(read.solution);
    const auto& u = only_unplaced(sol);
    const auto en = solve::explain_employee(*s, *read.solution, u.employee);
    const auto id = solve::explain_employee(*s, *read.solution, u.employee, std::nullopt, text::language::id);
    REQUIRE(en.unplaced.size() == 1);
    REQUIRE(id.unplaced.size() == 1);
    // Without a language: English, the sentences the solver wrote.
    CHECK(en.unplaced[0].reasons[0].message == u.reasons[0].message);
    same_codes(en.unplaced[0], id.unplaced[0]);
    const std::string& why = id.unplaced[0].reasons[0].message;
    INFO(why);
    CHECK(mentions(why, "Bagian Umum akan memiliki lebih dari 2 dari 3 pegawainya"));
    CHECK(english_in(why).empty());
    // The same as the solver gives in Indonesian.
    const auto sol_id = solve_in(*s, "only", 3000, text::language::id);
    CHECK(why == only_unplaced(sol_id).reasons[0].message);
    // A scenario in Indonesian is explained in Indonesian by default.
    auto s_id = *s;
    s_id.locale = text::language::id;
    const auto by_locale = solve::explain_employee(s_id, *read.solution, u.employee);
    REQUIRE(by_locale.unplaced.size() == 1);
    CHECK(by_locale.unplaced[0].reasons[0].message == why);
}

TEST_CASE("every reason and alternative of a generated population reads as Indonesian, with the English codes",
          "[solve][explain][language]") {
    const auto s = test::batanghari(300, 5);
    const auto en = solve_in(*s, "flexible", 4000, text::language::en, 3);
    const auto id = solve_in(*s, "flexible", 4000, text::language::id, 3);
    REQUIRE(en.unplaced.size() > 10);
    REQUIRE(id.unplaced.size() == en.unplaced.size());
    std::set<std::string> codes;
    for (std::size_t k = 0; k < id.unplaced.size(); ++k) {
        same_codes(en.unplaced[k], id.unplaced[k]);
        for (const auto& r : id.unplaced[k].reasons) {
            INFO(r.code << ": " << r.message);
            codes.insert(r.code);
            CHECK(r.code.rfind("R-", 0) == 0);
            CHECK(english_in(r.message).empty());
        }
        for (const auto& a : id.unplaced[k].alternatives) {
            INFO(a.description);
            CHECK(english_in(a.description).empty());
        }
    }
    INFO(codes.size() << " reason codes");
    CHECK(codes.size() >= 2);  // more than one kind of sentence was checked
}

TEST_CASE("demand no plan can place is given its reason in the scenario's language", "[solve][bound][language]") {
    // A cohort minimum of 3 where the unit lets only 2 train at once in working hours.
    const std::string rest = R"(
units: [{id: u, pattern: office, max_absent: 2}]
employees:
  - {id: a, name: A, unit: u, status: pns, jp_target: 2, accepts: {after_hours: false}}
  - {id: b, name: B, unit: u, status: pns, jp_target: 2, accepts: {after_hours: false}}
  - {id: c, name: C, unit: u, status: pns, jp_target: 2, accepts: {after_hours: false}}
platforms: [{id: z, capacity: 10}]
programs:
  - id: p
    modules: [{id: m1, jp: 2}]
    modes: [{mode: online_live, platform: z, windows: [working_hours]}]
    cohort: {min: 3, max: 10}
demand: [{program: p, where: {unit: u}, priority: mandatory}]
policies: {only: {}}
)";
    const auto en = test::scenario_from(test::office_week(rest));
    auto id = *en;
    id.locale = text::language::id;
    const auto b_en = solve::compute_bounds(*en, test::policy_of(*en, "only"));
    const auto b_id = solve::compute_bounds(id, test::policy_of(id, "only"));
    REQUIRE(b_en.unplaceable.size() == 3);
    REQUIRE(b_id.unplaceable.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
        CHECK(b_en.unplaceable[k].code == "U-COHORT-MIN");
        CHECK(b_id.unplaceable[k].code == b_en.unplaceable[k].code);
        CHECK(b_en.unplaceable[k].reason ==
              "a cohort in online_live could hold at most 2 of the people who need it (unit limits during working "
              "time included), fewer than its minimum of 3");
        CHECK(b_id.unplaceable[k].reason ==
              "satu angkatan online_live paling banyak dapat menampung 2 dari pegawai yang membutuhkannya (termasuk "
              "batas unit kerja selama jam kerja), kurang dari jumlah minimumnya 3");
    }
}

TEST_CASE("the notes of a re-plan are in the language asked for", "[solve][replan][language]") {
    // The small example planned to December, then re-planned from 1 December
    // with the horizon ending in September: study of November begun before the
    // re-plan date can be neither kept nor left outside the horizon.
    std::ifstream in{std::string(JADWAL_SOURCE_DIR) + "/examples/small/scenario.yaml"};
    std::stringstream text;
    text << in.rdbuf();
    const std::string full_yaml = text.str();
    std::string short_yaml = full_yaml;
    const std::string was = "\n  to: 2026-12-18\n";
    const auto at = short_yaml.find(was);
    REQUIRE(at != std::string::npos);
    short_yaml.replace(at, was.size(), "\n  to: 2026-09-30\n");
    const auto full = test::scenario_from(full_yaml);
    const auto shorter = test::scenario_from(short_yaml);
    auto read = io::solution_from_json(*shorter, io::solution_to_json(*full, test::solve_with(*full, "flexible", 3000)),
                                       "previous.json");
    REQUIRE(read.solution);
    const solve::solution old = std::move(*read.solution);
    const auto december = date::floor<calendar::minutes>(
        date::locate_zone("Asia/Jakarta")->to_sys(date::local_days{date::year{2026} / 12 / 1}));
    auto replan_in = [&](std::optional<text::language> language) {
        solve::solve_options o;
        o.policy = "flexible";
        o.max_moves = 3000;
        o.previous = &old;
        o.replan_from = december;
        o.language = language;
        return solve::solve(*shorter, o);
    };
    const auto en = replan_in(text::language::en);
    const auto id = replan_in(text::language::id);
    std::string notes_en, notes_id;
    for (const auto& n : en.notes) notes_en += n + "\n";
    for (const auto& n : id.notes) notes_id += n + "\n";
    INFO(notes_en << notes_id);
    CHECK(en.notes.size() == 2);
    CHECK(id.notes.size() == en.notes.size());
    CHECK(mentions(notes_en,
                   "198701012011012008's study of pelayanan_prima began before the re-plan instant, but its "
                   "block on Tue 20 Oct 2026 18:15 lies outside the horizon, which is now 2026-01-05 to "
                   "2026-09-30; the study is planned again"));
    CHECK(mentions(notes_id,
                   "belajar mandiri pelayanan_prima oleh 198701012011012008 dimulai sebelum saat "
                   "perencanaan ulang, tetapi bloknya pada Sel, 20 Okt 2026 18.15 berada di luar periode "
                   "perencanaan, yang kini 05/01/2026 sampai 30/09/2026; belajar mandiri ini direncanakan "
                   "ulang"));
    for (const auto& n : id.notes) CHECK(english_in(n).empty());
}
