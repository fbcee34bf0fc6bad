// `jadwal solve --requests` and `jadwal verify --requests` (docs/requests.md)
// on examples/small with examples/requests/requests.csv: the answers in
// requests.csv, the updates for the people affected only, every error of a bad
// file located, the same bytes twice, and verify failing a plan that ignores a
// request.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../support/cli.hpp"

namespace fs = std::filesystem;
using jadwal::test::read_file_text;
using jadwal::test::run_cli;

namespace {

const std::string example = std::string{JADWAL_SOURCE_DIR} + "/examples/small/scenario.yaml";
const std::string requests = std::string{JADWAL_SOURCE_DIR} + "/examples/requests/requests.csv";
const std::string plan_options = " --policy flexible --max-moves 20000 ";

/// A path quoted for the shell (a string built step by step: g++ 12 warns wrongly on "'" + s + "'").
std::string q(const fs::path& p) {
    std::string out = "'";
    out += p.string();
    out += '\'';
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

/// The published plan of examples/small, made once per test run.
fs::path published() {
    static const fs::path dir = [] {
        const auto d = jadwal::test::scratch_dir("requests-published");
        const auto r = run_cli("solve '" + example + "'" + plan_options + "--format json --out " + q(d / "p0"), d);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return d / "p0" / "solution.json";
    }();
    return dir;
}

std::string answer_requests(const fs::path& out, const std::string& extra = "") {
    return "solve '" + example + "'" + plan_options + "--previous " + q(published()) +
           " --replan-from 2026-06-01 --requests '" + requests + "' --out " + q(out) + extra;
}

}  // namespace

TEST_CASE("solve --requests answers each request in requests.csv and prints the counts", "[cli][requests]") {
    const auto dir = jadwal::test::scratch_dir("requests-answer");
    const auto r = run_cli(answer_requests(dir / "p1"), dir);
    INFO(r.all());
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("requests: 2 granted, 1 refused"));
    const auto rows = lines_of(read_file_text(dir / "p1" / "requests.csv"));
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == "nip,program,request,value,reason,answer,code,explanation,alternative");
    CHECK_THAT(rows[1], Catch::StartsWith(
                            "199406062020122007,pelayanan_prima,not_on,2026-06-03,hari pasar di Bajubang,granted,,"));
    // The Indonesian request name is written as its machine name.
    CHECK_THAT(rows[2], Catch::StartsWith("199002022015032011,pelayanan_prima,not_after,09:00,"));
    CHECK_THAT(rows[2], Catch::Contains(",granted,"));
    // The webinar is fixed in advance: refused, with the rule and what the person keeps.
    CHECK_THAT(rows[3], Catch::Contains(",refused,R-REPLAN,"));
    CHECK_THAT(rows[3], Catch::Contains("keep the present seat"));
    // The granted not_on holds in the plan itself: nothing of Hendra's on 27 August.
    const auto schedule = read_file_text(dir / "p1" / "schedule.csv");
    for (const auto& line : lines_of(schedule))
        if (line.rfind("199406062020122007,", 0) == 0) CHECK(line.find("2026-06-03T") == std::string::npos);
}

TEST_CASE("solve --requests writes updates only for the people whose training changed", "[cli][requests]") {
    const auto dir = jadwal::test::scratch_dir("requests-updates");
    const auto r = run_cli(answer_requests(dir / "p1"), dir);
    INFO(r.all());
    REQUIRE(r.exit_code == 0);
    const auto affected = lines_of(read_file_text(dir / "p1" / "updates" / "affected.csv"));
    REQUIRE(affected.size() == 3);
    CHECK(affected[0] == "nip,name,email");
    CHECK_THAT(affected[1] + affected[2],
               Catch::Contains("199406062020122007") && Catch::Contains("199002022015032011"));
    // Their calendars, and no one else's, are under updates/; each is the file calendars/ holds.
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir / "p1" / "updates" / "employees")) {
        files.push_back(e.path().filename().string());
        CHECK(read_file_text(e.path()) == read_file_text(dir / "p1" / "calendars" / "employees" / e.path().filename()));
    }
    std::sort(files.begin(), files.end());
    REQUIRE_FALSE(files.empty());
    for (const auto& f : files) CHECK((f.rfind("199406062020122007", 0) == 0 || f.rfind("199002022015032011", 0) == 0));
}

TEST_CASE("solve --requests gives the same files twice", "[cli][requests]") {
    const auto dir = jadwal::test::scratch_dir("requests-twice");
    const auto a = run_cli("--lang id " + answer_requests(dir / "a"), dir);
    const auto b = run_cli("--lang id " + answer_requests(dir / "b"), dir);
    REQUIRE(a.exit_code == 0);
    REQUIRE(b.exit_code == 0);
    const auto csv = read_file_text(dir / "a" / "requests.csv");
    CHECK_FALSE(csv.empty());
    CHECK(csv == read_file_text(dir / "b" / "requests.csv"));
    CHECK(read_file_text(dir / "a" / "schedule.csv") == read_file_text(dir / "b" / "schedule.csv"));
    CHECK(read_file_text(dir / "a" / "updates" / "affected.csv") ==
          read_file_text(dir / "b" / "updates" / "affected.csv"));
    // In Indonesian the explanation is Indonesian; the answer stays a machine name.
    CHECK_THAT(csv, Catch::Contains(",refused,R-REPLAN,") && Catch::Contains("angkatan"));
}

TEST_CASE("solve --requests with a bad file reports every error located and writes nothing", "[cli][requests]") {
    const auto dir = jadwal::test::scratch_dir("requests-bad");
    const auto bad = dir / "bad.csv";
    std::ofstream(bad) << "nip;program;request;value;reason\n"
                          "199406062020122007;pelayanan_prima;not_on;2026-13-01;x\n"
                          "123;pelayanan_prima;not_on;2026-06-03;x\n"
                          "199406062020122007;pelayanan_prima;pindah;;x\n";
    const auto r = run_cli("solve '" + example + "'" + plan_options + "--previous " + q(published()) +
                               " --replan-from 2026-06-01 --requests " + q(bad) + " --out " + q(dir / "out"),
                           dir);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(bad.string() + ":2:43: error:") && Catch::Contains("[E-REQUEST-DATE]"));
    CHECK_THAT(r.err, Catch::Contains(bad.string() + ":3:1: error:") && Catch::Contains("[E-REQUEST-NIP]"));
    CHECK_THAT(r.err, Catch::Contains(bad.string() + ":4:36: error:") && Catch::Contains("[E-REQUEST-MOVE]"));
    CHECK_THAT(r.err, Catch::Contains("nothing was applied"));
    CHECK_FALSE(fs::exists(dir / "out" / "solution.json"));
}

TEST_CASE("the requests option needs a previous plan and a re-plan date", "[cli][requests]") {
    const auto dir = jadwal::test::scratch_dir("requests-usage");
    CHECK(run_cli("solve '" + example + "' --requests '" + requests + "' --out " + q(dir / "o"), dir).exit_code == 2);
    CHECK(run_cli("solve '" + example + "' --previous " + q(published()) + " --requests '" + requests + "' --out " +
                      q(dir / "o"),
                  dir)
              .exit_code == 2);
    CHECK(run_cli("verify '" + example + "' " + q(published()) + " --requests '" + requests + "'", dir).exit_code == 2);
}

TEST_CASE("verify --requests fails a plan that keeps a requester in training on the day refused", "[cli][requests]") {
    const auto dir = jadwal::test::scratch_dir("requests-verify");
    const auto answered = run_cli(answer_requests(dir / "p1"), dir);
    REQUIRE(answered.exit_code == 0);
    const std::string with_requests =
        " --previous " + q(published()) + " --replan-from 2026-06-01 --requests '" + requests + "'";
    // The published plan itself still has Hendra studying on 27 August.
    const auto planted = run_cli("verify '" + example + "' " + q(published()) + with_requests, dir);
    INFO(planted.all());
    CHECK(planted.exit_code == 3);
    CHECK_THAT(planted.out, Catch::Contains("H2-UNAVAILABLE") && Catch::Contains("request: hari pasar di Bajubang"));
    // Without the requests the same plan passes.
    CHECK(run_cli("verify '" + example + "' " + q(published()), dir).exit_code == 0);
    // The answered plan keeps every granted request: checked against the requests.csv it was
    // published with (the refused request is not held against it) it passes...
    const std::string answered_with =
        " --previous " + q(published()) + " --replan-from 2026-06-01 --requests " + q(dir / "p1" / "requests.csv");
    const auto ok = run_cli("verify '" + example + "' " + q(dir / "p1" / "solution.json") + answered_with, dir);
    INFO(ok.all());
    CHECK(ok.exit_code == 0);
    // ...and against every request as asked it fails on the refused one only.
    const auto all = run_cli("verify '" + example + "' " + q(dir / "p1" / "solution.json") + with_requests, dir);
    CHECK(all.exit_code == 3);
    CHECK_THAT(all.out, Catch::Contains("1 violation(s)") && Catch::Contains("request: jaga poli pagi"));
}
