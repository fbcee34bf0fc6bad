// The change-requests CSV (docs/requests.md): columns by name in English or
// Indonesian, every problem located with a stable code, nothing kept when any
// error exists.
#include <date/tz.h>

#include <catch2/catch.hpp>
#include <jadwal/load/requests.hpp>
#include <string>
#include <vector>

#include "helpers.hpp"

using namespace jadwal;

namespace {

const char* const scenario_yaml = R"(
jadwal: 1
scenario: {name: requests, timezone: Asia/Jakarta, from: 2026-06-01, to: 2026-06-26}
holidays: [id-2026]
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units: [{id: u, pattern: office, max_absent: 100%}]
employees:
  - {id: "199001012020011001", name: Ani, unit: u, status: pns}
  - {id: "199001012020011002", name: Budi, unit: u, status: pns}
  - {id: "199001012020011003", name: Citra, unit: u, status: pns}
platforms: [{id: z, capacity: 100, concurrent: 4}]
programs:
  - id: kursus
    modules: [{id: m1, jp: 2}]
    modes: [{mode: online_live, platform: z, windows: [working_hours]}]
    cohort: {min: 1, max: 2}
  - id: lain
    modules: [{id: l1, jp: 2}]
    modes: [{mode: online_live, platform: z, windows: [working_hours]}]
demand:
  - {program: kursus, employees: ["199001012020011001", "199001012020011002"], priority: mandatory}
policies: {only: {}}
)";

const model::scenario& scenario() {
    static const model::scenario s = [] {
        auto r = test::load_text(scenario_yaml);
        REQUIRE(r.scenario);
        return std::move(*r.scenario);
    }();
    return s;
}

/// A published plan with Ani in cohort kursus-01.
model::solution published() {
    const auto& s = scenario();
    model::solution p;
    model::cohort c;
    c.id = "kursus-01";
    c.program = *s.find_program("kursus");
    c.mode = model::delivery_mode::online_live;
    c.participants = {*s.find_employee("199001012020011001")};
    model::session x;
    const auto* jakarta = date::locate_zone("Asia/Jakarta");
    x.start = date::floor<calendar::minutes>(
        jakarta->to_sys(date::local_days{date::year{2026} / 6 / 17} + std::chrono::hours{9}));
    x.end = x.start + calendar::minutes{90};
    c.sessions = {x};
    p.cohorts.push_back(c);
    return p;
}

std::vector<std::string> located(const load::requests_read& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diags.items())
        out.push_back(d.code + " " + std::to_string(d.line) + ":" + std::to_string(d.column));
    return out;
}

}  // namespace

TEST_CASE("a requests file of every kind reads into requests resolved against the scenario", "[load][requests]") {
    const auto prev = published();
    const std::string csv =
        "nip,program,request,value,reason\n"
        "199001012020011001,kursus,not_on,2026-06-17,rapat dinas\n"
        "199001012020011002,kursus,not_before,09:30,antar anak\n"
        "199001012020011002,kursus,not_after,14.00,kuliah sore\n"
        "199001012020011001,kursus,move,,\n";
    const auto r = load::read_requests(scenario(), csv, "requests.csv", {&prev, std::nullopt});
    INFO(located(r).size());
    CHECK(r.diags.items().empty());
    REQUIRE(r.requests.size() == 4);
    CHECK(r.requests[0].kind == load::request_kind::not_on);
    CHECK(r.requests[0].date == date::local_days{date::year{2026} / 6 / 17});
    CHECK(r.requests[0].reason == "rapat dinas");
    CHECK(r.requests[0].employee == *scenario().find_employee("199001012020011001"));
    CHECK(r.requests[1].kind == load::request_kind::not_before);
    CHECK(r.requests[1].time == calendar::minutes{9 * 60 + 30});
    CHECK(r.requests[2].kind == load::request_kind::not_after);
    CHECK(r.requests[2].time == calendar::minutes{14 * 60});
    CHECK(r.requests[3].kind == load::request_kind::move);
    CHECK(r.requests[3].line == 5);
}

TEST_CASE("the Indonesian column names and request names read the same, with a byte order mark and semicolons",
          "[load][requests]") {
    const auto prev = published();
    const std::string csv =
        "\xEF\xBB\xBF"
        "alasan;nilai;permintaan;program_pelatihan;nip\n"
        "posyandu;2026-06-10;tidak_pada;kursus;199001012020011002\n"
        "jemput anak;15:00;Tidak_Setelah;kursus;199001012020011002\n"
        ";;pindah;kursus;199001012020011001\n"
        "pagi;08:00;tidak_sebelum;kursus;199001012020011001\n";
    const auto r = load::read_requests(scenario(), csv, "permintaan.csv", {&prev, std::nullopt});
    CHECK(r.diags.items().empty());
    REQUIRE(r.requests.size() == 4);
    CHECK(r.requests[0].kind == load::request_kind::not_on);
    CHECK(r.requests[0].reason == "posyandu");
    CHECK(r.requests[1].kind == load::request_kind::not_after);
    CHECK(r.requests[2].kind == load::request_kind::move);
    CHECK(r.requests[3].kind == load::request_kind::not_before);
    CHECK(load::to_string(r.requests[1].kind) == "not_after");
}

TEST_CASE("every problem of a requests file is reported at once with its line, column and code, and nothing is kept",
          "[load][requests]") {
    const auto prev = published();
    const auto* jakarta = date::locate_zone("Asia/Jakarta");
    const calendar::instant replan =
        date::floor<calendar::minutes>(jakarta->to_sys(date::local_days{date::year{2026} / 6 / 8}));
    const std::string csv =
        "nip,program,request,value,reason\n"
        "199001012020011001,kursus,not_on,2026-06-17,fine\n"  // 2: good
        "199999999999999999,kursus,not_on,2026-06-17,x\n"     // 3: unknown NIP
        "199001012020011001,kursu,not_on,2026-06-17,x\n"      // 4: unknown programme
        "199001012020011003,kursus,not_on,2026-06-17,x\n"     // 5: no demand
        "199001012020011001,kursus,some_day,2026-06-17,x\n"   // 6: unknown request
        "199001012020011001,kursus,not_on,17/06/2026,x\n"     // 7: bad date
        "199001012020011001,kursus,not_before,9 pagi,x\n"     // 8: bad time
        "199001012020011001,kursus,move,2026-06-17,x\n"       // 9: value for a move
        "199001012020011002,kursus,move,,x\n"                 // 10: no cohort to move from
        "199001012020011001,kursus,not_on,2026-07-01,x\n"     // 11: outside the horizon
        "199001012020011001,kursus,not_on,2026-06-03,x\n";    // 12: before the re-plan date
    const auto r = load::read_requests(scenario(), csv, "requests.csv", {&prev, replan});
    CHECK(r.requests.empty());
    CHECK(r.diags.error_count() == 10);
    const std::vector<std::string> expected{
        "E-REQUEST-NIP 3:1",       "E-REQUEST-PROGRAM 4:20", "E-REQUEST-NO-DEMAND 5:20", "E-REQUEST-KIND 6:27",
        "E-REQUEST-DATE 7:34",     "E-REQUEST-TIME 8:38",    "E-REQUEST-VALUE 9:32",     "E-REQUEST-MOVE 10:27",
        "E-REQUEST-HORIZON 11:34", "E-REQUEST-PAST 12:34"};
    CHECK(located(r) == expected);
    for (const auto& d : r.diags.items()) {
        CHECK(d.file == "requests.csv");
        CHECK_FALSE(d.message.empty());
        CHECK_FALSE(d.message_id.empty());  // an Indonesian sentence for every one
    }
    // The programme typo gets a suggestion.
    CHECK_THAT(r.diags.items()[1].message, Catch::Contains("did you mean 'kursus'"));
}

TEST_CASE("a requests file without a request column, or empty, is E-REQUEST-FILE", "[load][requests]") {
    const auto a = load::read_requests(scenario(), "nip,program,value\n199001012020011001,kursus,x\n", "r.csv");
    REQUIRE(a.diags.error_count() == 1);
    CHECK(a.diags.items()[0].code == "E-REQUEST-FILE");
    CHECK(a.diags.items()[0].line == 1);
    CHECK_THAT(a.diags.items()[0].message, Catch::Contains("request"));
    const auto b = load::read_requests(scenario(), "", "r.csv");
    REQUIRE(b.diags.error_count() == 1);
    CHECK(b.diags.items()[0].code == "E-REQUEST-FILE");
}

TEST_CASE("a repeated request is a warning and is kept once", "[load][requests]") {
    const std::string csv =
        "nip,program,request,value\n"
        "199001012020011001,kursus,not_on,2026-06-17\n"
        "199001012020011001,kursus,tidak_pada,2026-06-17\n";
    const auto r = load::read_requests(scenario(), csv, "r.csv");
    CHECK_FALSE(r.diags.has_errors());
    REQUIRE(r.diags.items().size() == 1);
    CHECK(r.diags.items()[0].code == "W-REQUEST-DUPLICATE");
    CHECK(r.diags.items()[0].line == 3);
    CHECK(r.requests.size() == 1);
}

TEST_CASE("a requests.csv written by solve reads back with its refused rows marked", "[load][requests]") {
    const std::string csv =
        "nip,program,request,value,reason,answer,code,explanation,alternative\n"
        "199001012020011001,kursus,not_on,2026-06-17,a,granted,,\"in cohort kursus-01, Wed 17 Jun 2026\",\n"
        "199001012020011002,kursus,not_on,2026-06-18,b,refused,R-REPLAN,x,y\n";
    const auto r = load::read_requests(scenario(), csv, "requests.csv");
    CHECK(r.diags.items().empty());
    REQUIRE(r.requests.size() == 2);
    CHECK_FALSE(r.requests[0].refused);
    CHECK(r.requests[1].refused);
}
