// Make-ups from attendance records (docs/attendance.md "Make-ups"): a re-plan
// with the records re-opens what people missed before the re-plan instant and
// places it again after it (a later cohort, a recording), everything else of
// the past stays, `verify` checks the make-ups against the records, and the
// same seed gives the same plan.
#include <algorithm>
#include <jadwal/compare/makeups.hpp>
#include <jadwal/output/ics.hpp>
#include <jadwal/output/report.hpp>
#include <jadwal/solve/explain.hpp>
#include <jadwal/text/messages.hpp>

#include "../solve/support.hpp"
#include "../support/cli.hpp"

#include <filesystem>
#include <fstream>

using namespace jadwal;

namespace {

// Four office workers; a two-session course in cohorts of one or two; a
// webinar fixed on 3 June whose recording may be watched for 14 days.
const std::string scenario_yaml = test::four_office_workers(
    "makeups", "date: 2026-06-03, time: 09:00-10:30, recording: {days: 14}", R"("199001012020011001", "199001012020011002")");

const date::time_zone* jakarta() { return date::locate_zone("Asia/Jakarta"); }

calendar::instant midnight(unsigned month, unsigned day) {
    return date::floor<calendar::minutes>(jakarta()->to_sys(date::local_days{date::year{2026} / month / day}));
}

struct fixture {
    explicit fixture(const std::string& yaml = scenario_yaml) : s(test::scenario_from(yaml)) {}

    std::shared_ptr<model::scenario> s;
    solve::solution published = test::solve_with(*s, "only", 5000);
    calendar::instant from = midnight(6, 8);
    text::messages m{text::language::en};

    model::program_index program(const char* id) const { return *s->find_program(id); }
    const std::string& nip(model::employee_index e) const { return s->employees[e.value].id; }

    /// A person whose kursus cohort met before the re-plan instant, and that session.
    std::pair<model::employee_index, const model::session*> kursus_met_before() const {
        for (const auto& c : published.cohorts)
            if (c.program == program("kursus") && !c.participants.empty() && c.sessions.front().start < from)
                return {c.participants.front(), &c.sessions.front()};
        FAIL("no kursus cohort met before the re-plan instant");
        return {};
    }
    /// A person seated live in the webinar (3 June, before the re-plan instant).
    model::employee_index webinar_live() const {
        for (const auto& c : published.cohorts)
            if (c.program == program("webinar") && !c.participants.empty()) return c.participants.front();
        FAIL("nobody watches the webinar live");
        return {};
    }

    compare::makeup_reopening reopen(const std::string& rows, calendar::instant at) const {
        std::vector<std::string> errors;
        auto r = compare::reopen_makeups_csv(*s, published, "nip,program,module,start,attended\n" + rows, at,
                                             "records.csv", m, errors);
        std::string all;
        for (const auto& e : errors) all += e + "\n";
        INFO(all);
        REQUIRE(errors.empty());
        return r;
    }

    solve::solution replan(const compare::makeup_reopening& r, calendar::instant at, std::uint64_t seed = 1) const {
        solve::solve_options o;
        o.policy = "only";
        o.max_moves = 5000;
        o.seed = seed;
        o.previous = &r.previous;
        o.replan_from = at;
        o.makeups = &r.makeups;
        return solve::solve(*s, o);
    }

    verify::report check(const solve::solution& plan, const compare::makeup_reopening* r, calendar::instant at) const {
        verify::options vo;
        vo.previous.plan = r ? &r->previous : &published;
        vo.previous.replan_from = at;
        vo.previous.makeups = r ? &r->makeups : nullptr;
        return verify::verify(*s, plan, test::policy_of(*s, "only"), vo);
    }
};

std::string row(const std::string& nip, const char* program, const char* module, const std::string& start,
                bool attended) {
    return nip + "," + program + "," + module + "," + start + "," + (attended ? "1" : "0") + "\n";
}

std::string at_text(calendar::instant t) { return calendar::format_instant(t, *jakarta()); }

}  // namespace

TEST_CASE("a missed live session re-opens the item and the make-up is a later cohort after the re-plan date",
          "[solve][makeups]") {
    const fixture f;
    const auto [who, missed] = f.kursus_met_before();
    const auto r = f.reopen(row(f.nip(who), "kursus", "m1", at_text(missed->start), false), f.from);
    REQUIRE(r.makeups.size() == 1);
    CHECK(r.makeups[0].employee == who);
    CHECK(r.makeups[0].missed == missed->start);
    CHECK(r.records_missed == 1);
    // The published plan without the item: the person has left the cohort they missed.
    CHECK(test::cohort_of(r.previous, who, f.program("kursus")) == nullptr);

    const auto plan = f.replan(r, f.from);
    CHECK(plan.makeups == r.makeups);
    const auto* c = test::cohort_of(plan, who, f.program("kursus"));
    REQUIRE(c != nullptr);
    CHECK(c->id != r.makeups[0].cohort);
    for (const auto& x : c->sessions) CHECK(x.start >= f.from);
    // Everyone else of the past stays: every cohort that met keeps its sessions and its other people.
    for (const auto& was : f.published.cohorts) {
        if (was.sessions.front().start >= f.from) continue;
        const auto it = std::find_if(plan.cohorts.begin(), plan.cohorts.end(),
                                     [&](const model::cohort& x) { return x.id == was.id; });
        REQUIRE(it != plan.cohorts.end());
        auto others = was.participants;
        if (was.program == f.program("kursus"))
            others.erase(std::remove(others.begin(), others.end(), who), others.end());
        CHECK(it->participants == others);
    }
    const auto rep = f.check(plan, &r, f.from);
    INFO(test::violations_of(rep));
    CHECK(rep.feasible());
    CHECK(plan.metrics.hard_violations == 0);
    // explain says what was missed and where the make-up went.
    const auto ex = solve::explain_employee(*f.s, plan, who, f.program("kursus"), text::language::en);
    const auto note = std::find_if(ex.notes.begin(), ex.notes.end(),
                                   [](const std::string& n) { return n.find("make-up") != std::string::npos; });
    REQUIRE(note != ex.notes.end());
    CHECK(note->find("in cohort " + r.makeups[0].cohort) != std::string::npos);
    CHECK(note->find("placed in cohort " + c->id + " (online_live)") != std::string::npos);
}

TEST_CASE("the report lists the make-ups per programme and where each went, in Indonesian too",
          "[solve][makeups][report]") {
    const fixture f;
    const auto [who, missed] = f.kursus_met_before();
    const auto r = f.reopen(row(f.nip(who), "kursus", "m1", at_text(missed->start), false), f.from);
    const auto plan = f.replan(r, f.from);
    const auto* c = test::cohort_of(plan, who, f.program("kursus"));
    REQUIRE(c != nullptr);
    const auto& pol = test::policy_of(*f.s, "only");
    output::report_options o;
    o.language = text::language::en;
    const auto html = output::html_report(*f.s, plan, pol, o).content;
    CHECK(html.find("<a href=\"#makeups\">Make-ups</a>") != std::string::npos);
    const auto section = html.substr(html.find("<section id=\"makeups\">"));
    // One programme re-opened, made up in a later cohort.
    CHECK(section.find("<td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">0</td>"
                       "<td class=\"n\">0</td>") != std::string::npos);
    CHECK(section.find("of cohort " + r.makeups[0].cohort + " (1 missed)") != std::string::npos);
    CHECK(section.find("cohort " + c->id + " from ") != std::string::npos);
    o.language = text::language::id;
    const auto id = output::html_report(*f.s, plan, pol, o).content;
    CHECK(id.find("<h2>Susulan</h2>") != std::string::npos);
    CHECK(id.find("angkatan " + c->id + " mulai ") != std::string::npos);
    // A plan without make-ups has no such section.
    CHECK(output::html_report(*f.s, f.published, pol, o).content.find("id=\"makeups\"") == std::string::npos);
}

TEST_CASE("the make-up person's calendar keeps the sessions of the left cohort that were before the re-plan date",
          "[solve][makeups][ics]") {
    const fixture f;
    const auto [who, missed] = f.kursus_met_before();
    const auto r = f.reopen(row(f.nip(who), "kursus", "m1", at_text(missed->start), false), f.from);
    const auto plan = f.replan(r, f.from);
    const auto& left = *std::find_if(f.published.cohorts.begin(), f.published.cohorts.end(),
                                     [&](const model::cohort& c) { return c.id == r.makeups[0].cohort; });
    const auto past = std::count_if(left.sessions.begin(), left.sessions.end(),
                                    [&](const model::session& x) { return x.start < f.from; });
    REQUIRE(past >= 1);
    const auto count = [](const std::string& text, const std::string& what) {
        std::int64_t n = 0;
        for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
        return n;
    };
    output::ics_options o;
    o.previous = &f.published;
    const auto cancelling = output::employee_calendar(*f.s, plan, who, o);
    o.past_until = f.from;
    const auto keeping = output::employee_calendar(*f.s, plan, who, o);
    // Without the re-plan date every session of the left cohort is cancelled;
    // with it, those before it stay as they were published.
    CHECK(count(cancelling.cancel, "BEGIN:VEVENT") - count(keeping.cancel, "BEGIN:VEVENT") == past);
    CHECK(count(cancelling.publish, "STATUS:CANCELLED") - count(keeping.publish, "STATUS:CANCELLED") == past);
    CHECK(count(keeping.publish, "BEGIN:VEVENT") == count(cancelling.publish, "BEGIN:VEVENT"));
}

TEST_CASE("a missed webinar is made up by watching its recording after the re-plan date", "[solve][makeups]") {
    const fixture f;
    const auto who = f.webinar_live();
    const auto r = f.reopen(row(f.nip(who), "webinar", "w1", "2026-06-03T09:00:00+07:00", false), f.from);
    REQUIRE(r.makeups.size() == 1);
    const auto plan = f.replan(r, f.from);
    CHECK(test::cohort_of(plan, who, f.program("webinar")) == nullptr);
    int blocks = 0;
    for (const auto& b : plan.study_blocks)
        if (b.employee == who && b.program == f.program("webinar")) {
            ++blocks;
            CHECK(b.recording);
            CHECK(b.start >= f.from);
        }
    CHECK(blocks == 1);
    const auto rep = f.check(plan, &r, f.from);
    INFO(test::violations_of(rep));
    CHECK(rep.feasible());
    const auto ex = solve::explain_employee(*f.s, plan, who, f.program("webinar"), text::language::en);
    CHECK(std::any_of(ex.notes.begin(), ex.notes.end(), [](const std::string& n) {
        return n.find("make-up") != std::string::npos && n.find("placed as the recording") != std::string::npos;
    }));
}

TEST_CASE("attended sessions, misses within missed_sessions_allowed and sessions after the re-plan date re-open "
          "nothing",
          "[solve][makeups]") {
    fixture f;
    const auto [who, missed] = f.kursus_met_before();
    const std::string later = "2026-06-24T15:00:00+07:00";
    SECTION("attended") {
        const auto r = f.reopen(row(f.nip(who), "kursus", "m1", at_text(missed->start), true), f.from);
        CHECK(r.makeups.empty());
        CHECK(r.records_unmatched == 0);
    }
    SECTION("one miss allowed") {
        f.s->attendance.missed_sessions_allowed = 1;
        const auto r = f.reopen(row(f.nip(who), "kursus", "m1", at_text(missed->start), false), f.from);
        CHECK(r.makeups.empty());
        CHECK(r.records_missed == 1);
    }
    SECTION("a row of no past session") {
        const auto r = f.reopen(row(f.nip(who), "kursus", "m2", later, false), f.from);
        CHECK(r.makeups.empty());
        CHECK(r.records_unmatched == 1);
    }
}

TEST_CASE("skipped study of a recording re-opens the item, and verify accepts it unplaced once the recording is gone",
          "[solve][makeups]") {
    // Ani is on leave on the webinar's day: the published plan has her watch the recording.
    std::string yaml = scenario_yaml;
    const std::string ani = "name: Ani, unit: u, status: pns";
    yaml.replace(yaml.find(ani), ani.size(), ani + ", leave: [{from: 2026-06-03, to: 2026-06-03}]");
    const fixture f(yaml);
    // Whoever the published plan has watching the recording, re-planned after their block.
    const model::study_block* watched = nullptr;
    for (const auto& b : f.published.study_blocks)
        if (b.program == f.program("webinar") && b.recording) watched = &b;
    REQUIRE(watched != nullptr);
    const auto after = midnight(6, 25);
    REQUIRE(watched->end <= after);
    const auto r = f.reopen(row(f.nip(watched->employee), "webinar", "w1", "", false), after);
    REQUIRE(r.makeups.size() == 1);
    CHECK(r.makeups[0].cohort.empty());
    CHECK(r.makeups[0].missed == watched->start);
    const auto plan = f.replan(r, after);
    // The recording may be watched until 17 June: nothing after 25 June can make it up.
    for (const auto& b : plan.study_blocks)
        CHECK_FALSE((b.employee == watched->employee && b.program == watched->program));
    const auto rep = f.check(plan, &r, after);
    INFO(test::violations_of(rep));
    CHECK(rep.feasible());
    CHECK(plan.makeups == r.makeups);
}

TEST_CASE("verify finds a make-up placed before the re-plan date and make-ups the records do not call for",
          "[solve][makeups][verify]") {
    const fixture f;
    const auto who = f.webinar_live();
    const auto r = f.reopen(row(f.nip(who), "webinar", "w1", "2026-06-03T09:00:00+07:00", false), f.from);
    const auto plan = f.replan(r, f.from);
    REQUIRE(f.check(plan, &r, f.from).feasible());

    SECTION("the recording watched on 5 June, before the re-plan date") {
        auto planted = plan;
        for (auto& b : planted.study_blocks)
            if (b.employee == who && b.program == f.program("webinar")) {
                b.start = midnight(6, 5) + calendar::minutes{9 * 60};
                b.end = b.start + calendar::minutes{90};
            }
        const auto rep = f.check(planted, &r, f.from);
        CHECK(rep.violations_by_code.count("H8-MAKEUP") == 1);
    }
    SECTION("the plan does not list the make-up") {
        auto planted = plan;
        planted.makeups.clear();
        CHECK(f.check(planted, &r, f.from).violations_by_code.count("H8-MAKEUP") == 1);
    }
    SECTION("checked without the records, the re-opened item is a make-up nobody called for") {
        const auto rep = f.check(plan, nullptr, f.from);
        CHECK(rep.violations_by_code.count("H8-MAKEUP") == 1);
        CHECK(rep.violations_by_code.count("H8-PIN") == 1);  // the person left a cohort that met
    }
    SECTION("checked alone, as export and the C API read a plan, the plan keeps its figures") {
        const auto rep = verify::verify(*f.s, plan, test::policy_of(*f.s, "only"));
        INFO(test::violations_of(rep));
        CHECK(rep.feasible());
        CHECK(rep.metrics == plan.metrics);
    }
}

TEST_CASE("a re-plan with attendance records gives the same solution.json for the same seed", "[solve][makeups]") {
    const fixture f;
    const auto [who, missed] = f.kursus_met_before();
    const auto rows = row(f.nip(who), "kursus", "m1", at_text(missed->start), false) +
                      row(f.nip(f.webinar_live()), "webinar", "w1", "2026-06-03T09:00:00+07:00", false);
    auto a = f.replan(f.reopen(rows, f.from), f.from, 7);
    auto b = f.replan(f.reopen(rows, f.from), f.from, 7);
    REQUIRE(a.makeups.size() == 2);
    a.elapsed_seconds = b.elapsed_seconds = 0;
    CHECK(io::solution_to_json(*f.s, a) == io::solution_to_json(*f.s, b));
    // Read back, the make-ups are the same.
    const auto back = io::solution_from_json(*f.s, io::solution_to_json(*f.s, a), "solution.json");
    REQUIRE(back.solution);
    CHECK(back.solution->makeups == a.makeups);
}

TEST_CASE("a bad records file reports every error with its line and column and re-opens nothing", "[solve][makeups]") {
    const fixture f;
    std::vector<std::string> errors;
    const auto r = compare::reopen_makeups_csv(*f.s, f.published,
                                               "nip,program,module,start,attended\n"
                                               "999,kursus,m1,2026-06-05T15:00:00+07:00,0\n"
                                               "199001012020011001,kursus,zz,2026-06-05T15:00:00+07:00,0\n"
                                               "199001012020011001,kursus,m1,yesterday,0\n"
                                               "199001012020011001,nope,m1,2026-06-05T15:00:00+07:00,0\n"
                                               "199001012020011002,webinar,w1,2026-06-03T09:00:00+07:00,0\n",
                                               f.from, "records.csv", f.m, errors);
    REQUIRE(errors.size() == 4);
    CHECK(errors[0] == "records.csv:2:1: error: no employee with NIP '999' in the scenario [E-REF-EMPLOYEE]");
    CHECK(errors[1] == "records.csv:3:27: error: programme kursus has no module 'zz' [E-REF-MODULE]");
    CHECK(errors[2].rfind("records.csv:4:30: error: start 'yesterday'", 0) == 0);
    CHECK(errors[3] == "records.csv:5:20: error: no programme 'nope' in the scenario [E-REF-PROGRAM]");
    CHECK(r.makeups.empty());
    CHECK(r.previous.cohorts.size() == f.published.cohorts.size());
    for (std::size_t i = 0; i < r.previous.cohorts.size(); ++i)
        CHECK(r.previous.cohorts[i].participants == f.published.cohorts[i].participants);
}

#ifdef JADWAL_CLI
TEST_CASE("jadwal solve --attendance writes nothing when the records file has errors, and verify checks a good one",
          "[solve][makeups][cli]") {
    const fixture f;
    const auto dir = test::scratch_dir("makeups-cli");
    const auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir / name, std::ios::binary) << text;
        return (dir / name).string();
    };
    const auto scenario = write("s.yaml", scenario_yaml);
    const auto published = write("published.json", io::solution_to_json(*f.s, f.published));
    const auto bad = write("bad.csv", "nip,program,module,start,attended\n999,kursus,m1,,0\nx,y\n");
    const auto out = dir / "plan";
    const auto common = " --previous '" + published + "' --replan-from 2026-06-08 --max-moves 5000";
    const auto r = test::run_cli("solve '" + scenario + "' --out '" + out.string() + "'" + common + " --attendance '" +
                                 bad + "'");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("bad.csv:2:1: error: no employee with NIP '999'") != std::string::npos);
    CHECK(r.err.find("bad.csv:3:1: error: a record needs 5 columns") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));

    const auto good = write("good.csv", "nip,program,module,start,attended\n" +
                                            row(f.nip(f.webinar_live()), "webinar", "w1",
                                                "2026-06-03T09:00:00+07:00", false));
    const auto solved = test::run_cli("solve '" + scenario + "' --out '" + out.string() + "'" + common +
                                      " --attendance '" + good + "' --format json");
    INFO(solved.all());
    REQUIRE(solved.exit_code == 0);
    const auto plan = (out / "solution.json").string();
    CHECK(test::read_file_text(plan).find("\"makeups\"") != std::string::npos);
    const auto checked = test::run_cli("verify '" + scenario + "' '" + plan + "'" +
                                       " --previous '" + published + "' --replan-from 2026-06-08 --attendance '" +
                                       good + "' --strict-metrics");
    INFO(checked.all());
    CHECK(checked.exit_code == 0);
    const auto unchecked = test::run_cli("verify '" + scenario + "' '" + plan + "'" + " --previous '" + published +
                                         "' --replan-from 2026-06-08");
    CHECK(unchecked.exit_code == 3);
    CHECK(unchecked.all().find("H8-MAKEUP") != std::string::npos);
}
#endif
