#include "../support/cli.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;
using jadwal::test::run_cli;

namespace {

std::string scratch_dir(const std::string& name) { return jadwal::test::scratch_dir("cli-test-" + name).string(); }

const std::string example = std::string{JADWAL_SOURCE_DIR} + "/examples/small/scenario.yaml";

}  // namespace

TEST_CASE("check accepts the bundled example and summarises it", "[cli][check]") {
    const auto r = run_cli("check '" + example + "'", scratch_dir("check-ok"));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("16 employees") != std::string::npos);
    CHECK(r.out.find("0 error(s)") != std::string::npos);
}

TEST_CASE("check reports every error of a bad file compiler style and exits 1", "[cli][check]") {
    const auto dir = scratch_dir("check-bad");
    const auto file = dir + "/bad.yaml";
    {
        std::FILE* f = std::fopen(file.c_str(), "w");
        REQUIRE(f);
        std::fputs("jadwal: 1\n"
                   "scenario: {name: x, from: 2026-02-30, to: 2026-12-31}\n"
                   "units:\n"
                   "  - {id: a, pattern: ofice}\n",
                   f);
        std::fclose(f);
    }
    const auto r = run_cli("check '" + file + "'", dir);
    CHECK(r.exit_code == 1);
    // The impossible date and the unknown pattern are both reported, with positions.
    CHECK(r.err.find(file + ":2:") != std::string::npos);
    CHECK(r.err.find(file + ":4:") != std::string::npos);
    CHECK(r.err.find("error:") != std::string::npos);
}

TEST_CASE("check on a missing file is an input error, not a crash", "[cli][check]") {
    const auto dir = scratch_dir("check-missing");
    const auto r = run_cli("check '" + dir + "/nope.yaml'", dir);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("nope.yaml") != std::string::npos);
}

TEST_CASE("a usage error exits 2", "[cli]") {
    const auto dir = scratch_dir("usage");
    CHECK(run_cli("", dir).exit_code == 2);
    CHECK(run_cli("check", dir).exit_code == 2);
    CHECK(run_cli("availability '" + example + "' --employee x --from 2026-03-22 --to 2026-03-16", dir).exit_code == 2);
}

TEST_CASE("availability shows Ramadan hours and no work on Nyepi and Idul Fitri leave days", "[cli][availability]") {
    const auto r = run_cli("availability '" + example +
                               "' --employee 198203142006041002 --from 2026-03-16 --to 2026-03-22",
                           scratch_dir("availability"));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    // Monday the 16th: Ramadan office hours 08:00-12:00 and 12:30-15:00.
    const auto monday = r.out.find("2026-03-16");
    const auto tuesday = r.out.find("2026-03-17");
    const auto wednesday = r.out.find("2026-03-18");
    REQUIRE(monday != std::string::npos);
    REQUIRE(tuesday != std::string::npos);
    REQUIRE(wednesday != std::string::npos);
    const auto monday_text = r.out.substr(monday, tuesday - monday);
    CHECK(monday_text.find("08:00-12:00  working") != std::string::npos);
    CHECK(monday_text.find("12:30-15:00  working") != std::string::npos);
    CHECK(monday_text.find("07:30-12:00  working") == std::string::npos);  // not the normal office hours
    // The 18th, 19th and 20th have no working time at all.
    for (const char* day : {"2026-03-18", "2026-03-19", "2026-03-20"}) {
        const auto at = r.out.find(day);
        REQUIRE(at != std::string::npos);
        const auto next = r.out.find("\n2026-", at + 1);
        const auto text = r.out.substr(at, next == std::string::npos ? std::string::npos : next - at);
        INFO(day << ":\n" << text);
        CHECK(text.find("working") == std::string::npos);
        CHECK(text.find("holiday") != std::string::npos);
    }
}

TEST_CASE("availability as JSON carries offsets", "[cli][availability]") {
    const auto r = run_cli("availability '" + example +
                               "' --employee 199511112022031017 --from 2026-06-01 --to 2026-06-07 --format json",
                           scratch_dir("availability-json"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // This employee works in Asia/Makassar: times carry +08:00.
    CHECK(r.out.find("\"timezone\": \"Asia/Makassar\"") != std::string::npos);
    CHECK(r.out.find("T07:30:00+08:00") != std::string::npos);
}

// An unknown employee is a usage error (exit 2), as in explain and as an
// unknown --program or --policy is in every verb (issue 14: it was 1 here).
TEST_CASE("availability for an unknown employee is a usage error", "[cli][availability]") {
    const auto r = run_cli("availability '" + example + "' --employee 123 --from 2026-03-16 --to 2026-03-22",
                           scratch_dir("availability-unknown"));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("123") != std::string::npos);
}

TEST_CASE("a generated Batanghari scenario passes check", "[cli][generate]") {
    const auto dir = scratch_dir("generate");
    const auto g = run_cli("generate batanghari --seed 7 --out '" + dir + "/s.yaml'", dir);
    INFO(g.err);
    REQUIRE(g.exit_code == 0);
    const auto c = run_cli("check '" + dir + "/s.yaml'", dir);
    INFO(c.err);
    CHECK(c.exit_code == 0);
    CHECK(c.out.find("7200 employees") != std::string::npos);
}

TEST_CASE("generate is deterministic for a seed", "[cli][generate]") {
    const auto dir = scratch_dir("generate-twice");
    REQUIRE(run_cli("generate batanghari --employees 300 --seed 3 --out '" + dir + "/a.yaml'", dir).exit_code == 0);
    REQUIRE(run_cli("generate batanghari --employees 300 --seed 3 --out '" + dir + "/b.yaml'", dir).exit_code == 0);
    const auto a = jadwal::test::read_file_text(dir + "/a.yaml");
    CHECK_FALSE(a.empty());
    CHECK(a == jadwal::test::read_file_text(dir + "/b.yaml"));
}

TEST_CASE("every verb that loads a scenario confines its files to the scenario's folder with --confine-files",
          "[cli][confine]") {
    const fs::path dir = scratch_dir("confine");
    fs::create_directories(dir / "scenario");
    const auto write = [](const fs::path& file, const std::string& text) {
        std::FILE* f = std::fopen(file.c_str(), "wb");
        REQUIRE(f);
        std::fputs(text.c_str(), f);
        std::fclose(f);
    };
    write(dir / "outside.csv", "nip,name,unit,status\n198203142006041002,Siti,bpkad,pns\n");
    write(dir / "records.csv", "nip,program,module,start,attended\n");
    const fs::path scenario = dir / "scenario" / "s.yaml";
    write(scenario, "jadwal: 1\n"
                    "scenario: {name: t, from: 2026-01-05, to: 2026-12-18}\n"
                    "holidays: [id-2026]\n"
                    "work_patterns: {office: {week: {mon-fri: [08:00-16:00]}}}\n"
                    "units: [{id: bpkad, pattern: office}]\n"
                    "employees: {csv: ../outside.csv}\n"
                    "programs: [{id: p1, modules: [{id: m1, jp: 2}], modes: [{mode: self_paced}]}]\n"
                    "demand: [{program: p1, where: {unit: bpkad}}]\n");
    const auto quoted = [](const fs::path& p) {
        std::string q{" '"};
        q += p.string();
        q += '\'';
        return q;
    };
    const std::string s = quoted(scenario);
    const std::string sol = quoted(dir / "none.json");
    const std::string out = " --out" + quoted(dir / "out");
    const std::string where = scenario.string() + ":6:18: error: ";
    for (const std::string& verb :
         {"check" + s, "solve" + s + out, "verify" + s + sol, "explain" + s + sol + " --employee 198203142006041002",
          "availability" + s + " --employee 198203142006041002 --from 2026-03-16 --to 2026-03-17",
          "export" + s + sol + out, "compare" + s + " --policy flexible", "simulate" + s + sol,
          "attendance fit" + quoted(dir / "records.csv") + s + sol}) {
        const auto r = run_cli(verb + " --confine-files", dir.string());
        INFO(verb << "\n" << r.all());
        CHECK(r.exit_code == 1);
        CHECK(r.err.find(where) != std::string::npos);
        CHECK(r.err.find("[E-FILE-OUTSIDE]") != std::string::npos);
    }
    // Without the flag the scenario reads the file beside its folder.
    const auto plain = run_cli("check" + s, dir.string());
    INFO(plain.all());
    CHECK(plain.exit_code == 0);
    CHECK(plain.out.find("1 employees") != std::string::npos);
}
