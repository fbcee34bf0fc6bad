// `jadwal solve` end to end: files written, exit codes of interface.md.
#include "support.hpp"
#include "../support/cli.hpp"

#ifdef JADWAL_CLI

#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <vector>

namespace {

/// Runs the CLI (stdout in `.out`, stderr apart in `.err`).
jadwal::test::cli_result run(const std::string& args) { return jadwal::test::run_cli(args); }

std::filesystem::path scratch() { return jadwal::test::scratch_dir("solve-cli"); }

std::string read(const std::filesystem::path& p) { return jadwal::test::read_file_text(p); }

const std::string example = std::string(JADWAL_SOURCE_DIR) + "/examples/small/scenario.yaml";

}  // namespace

TEST_CASE("jadwal solve writes every output into a new directory and prints the metrics", "[solve]") {
    const auto dir = scratch();
    const auto out = dir / "plan" / "nested";
    const auto r = run("solve '" + example + "' --out '" + out.string() + "' --policy flexible --max-moves 2000");
    CHECK(r.exit_code == 0);
    REQUIRE(std::filesystem::exists(out / "solution.json"));
    const std::string text = read(out / "solution.json");
    CHECK(text.find("\"status\": \"feasible\"") != std::string::npos);
    CHECK(text.find("\"policy\": \"flexible\"") != std::string::npos);
    CHECK(r.out.find("participation_rate") != std::string::npos);
    CHECK(r.out.find("hard_violations") != std::string::npos);
    for (const char* jp : {"jp_earned", "jp_planned", "jp_total"}) CHECK(r.out.find(jp) != std::string::npos);
    // Everything interface.md lists beside jadwal's own folder of sets, and
    // nothing else (no temporary file left behind).
    std::set<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(out)) names.insert(e.path().filename().string());
    CHECK(names == std::set<std::string>{".jadwal", "at_risk.csv", "calendars", "report.html", "schedule.csv",
                                         "siasn_courses.csv", "solution.json", "unplaced.csv"});
    std::size_t sets = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(out / ".jadwal" / "sets")) ++sets;
    CHECK(sets == 1);
    CHECK(std::filesystem::exists(out / "calendars" / "employees"));
    CHECK(read(out / "schedule.csv").rfind("nip,", 0) == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("jadwal export writes the chosen outputs of a saved plan and refuses unknown formats", "[solve]") {
    const auto dir = scratch();
    const std::string a = (dir / "a").string(), b = (dir / "b").string();
    REQUIRE(run("solve '" + example + "' --out '" + a + "' --policy flexible --max-moves 2000 --format json").exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(dir / "a" / "report.html"));
    CHECK(run("export '" + example + "' '" + a + "/solution.json' --out '" + b + "' --format csv,ics").exit_code == 0);
    CHECK(std::filesystem::exists(dir / "b" / "schedule.csv"));
    CHECK(std::filesystem::exists(dir / "b" / "calendars"));
    CHECK_FALSE(std::filesystem::exists(dir / "b" / "report.html"));
    CHECK(run("export '" + example + "' '" + a + "/solution.json' --out '" + b + "' --format pdf").exit_code == 2);
    CHECK(run("export '" + example + "' '" + b + "/missing.json' --out '" + b + "'").exit_code == 1);
    // Same plan and SOURCE_DATE_EPOCH: byte-identical calendars.
    const std::string stamp = "SOURCE_DATE_EPOCH=1780000000 ";
    const std::string c = (dir / "c").string(), d = (dir / "d").string();
    REQUIRE(std::system((stamp + "'" + JADWAL_CLI + "' export '" + example + "' '" + a + "/solution.json' --out '" + c +
                         "' --format ics >/dev/null")
                            .c_str()) == 0);
    REQUIRE(std::system((stamp + "'" + JADWAL_CLI + "' export '" + example + "' '" + a + "/solution.json' --out '" + d +
                         "' --format ics >/dev/null")
                            .c_str()) == 0);
    std::size_t compared = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "c" / "calendars")) {
        if (!e.is_regular_file()) continue;
        const auto rel = e.path().lexically_relative(dir / "c");  // relative() would resolve the calendars link
        CHECK(read(e.path()) == read(dir / "d" / rel));
        ++compared;
    }
    CHECK(compared > 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("jadwal export writes solution.json with the plan's own metrics and objective", "[solve]") {
    // Issue 11: export rewrote solution.json with every metric and the
    // objective zeroed ("demand_placed": 12 became 0).
    const auto dir = scratch();
    const std::string a = (dir / "a").string(), b = (dir / "b").string();
    REQUIRE(run("solve '" + example + "' --out '" + a + "' --policy flexible --max-moves 2000 --format json").exit_code ==
            0);
    const std::string solved = read(dir / "a" / "solution.json");
    REQUIRE(solved.find("\"demand_placed\": 0,") == std::string::npos);
    auto strip = [](const std::string& t) { return t.substr(0, t.find("\"elapsed_seconds\"")); };
    CHECK(run("export '" + example + "' '" + a + "/solution.json' --out '" + b + "' --format json").exit_code == 0);
    CHECK(strip(read(dir / "b" / "solution.json")) == strip(solved));
    // Over itself, as the probe did: the same file again.
    CHECK(run("export '" + example + "' '" + a + "/solution.json' --out '" + a + "'").exit_code == 0);
    CHECK(strip(read(dir / "a" / "solution.json")) == strip(solved));
    // And verify agrees with every figure it states.
    const auto checked = run("verify '" + example + "' '" + a + "/solution.json' --strict-metrics");
    INFO(checked.out << checked.err);
    CHECK(checked.exit_code == 0);
    CHECK(checked.out.find("(differs)") == std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("jadwal solve is reproducible with a move limit", "[solve]") {
    const auto dir = scratch();
    for (const char* sub : {"a", "b"})
        REQUIRE(run("solve '" + example + "' --out '" + (dir / sub).string() +
                    "' --policy flexible --seed 4 --max-moves 3000 --threads 2")
                    .exit_code == 0);
    auto strip = [](std::string t) { return t.substr(0, t.find("\"elapsed_seconds\"")); };
    CHECK(strip(read(dir / "a" / "solution.json")) == strip(read(dir / "b" / "solution.json")));
    std::filesystem::remove_all(dir);
}

TEST_CASE("jadwal solve keeps the set it replaced until the next run, which deletes it while it searches",
          "[solve][publish]") {
    const auto dir = scratch();
    const auto out = dir / "out";
    auto sets = [&] {
        std::set<std::string> names;
        for (const auto& e : std::filesystem::directory_iterator(out / ".jadwal" / "sets"))
            names.insert(e.path().filename().string());
        return names;
    };
    std::vector<std::set<std::string>> seen;
    for (int i = 0; i < 3; ++i) {
        REQUIRE(run("solve '" + example + "' --out '" + out.string() + "' --max-moves 500 --format json,csv").exit_code ==
                0);
        seen.push_back(sets());
    }
    CHECK(seen[0].size() == 1);
    CHECK(seen[1].size() == 2);
    // The third run removed the first set and kept the second beside its own.
    REQUIRE(seen[2].size() == 2);
    CHECK_FALSE(seen[2].count(*seen[0].begin()));
    CHECK(seen[2].count(*seen[1].rbegin()));
    std::filesystem::remove_all(dir);
}

TEST_CASE("solve and export put the calendar options into every calendar", "[solve][publish]") {
    const auto dir = scratch();
    const std::string a = (dir / "a").string(), b = (dir / "b").string();
    REQUIRE(run("solve '" + example + "' --out '" + a +
                "' --policy flexible --max-moves 2000 --format json,ics --uid-domain bkpsdmd.example.go.id "
                "--product-id '-//BKPSDMD//jadwal//ID'")
                .exit_code == 0);
    REQUIRE(run("export '" + example + "' '" + a + "/solution.json' --out '" + b +
                "' --format ics --uid-domain kab.example.go.id")
                .exit_code == 0);
    std::size_t files = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(
             dir / "a" / "calendars", std::filesystem::directory_options::follow_directory_symlink)) {
        if (e.path().extension() != ".ics") continue;
        ++files;
        const std::string text = read(e.path());
        INFO(e.path());
        CHECK(text.find("PRODID:-//BKPSDMD//jadwal//ID\r\n") != std::string::npos);
        if (text.find("BEGIN:VEVENT") != std::string::npos) CHECK(text.find("@bkpsdmd.example.go.id") != std::string::npos);
        CHECK(text.find("@jadwal\r\n") == std::string::npos);
    }
    CHECK(files > 0);
    bool exported = false;
    for (const auto& e : std::filesystem::recursive_directory_iterator(
             dir / "b" / "calendars", std::filesystem::directory_options::follow_directory_symlink))
        if (read(e.path()).find("@kab.example.go.id") != std::string::npos) exported = true;
    CHECK(exported);
    CHECK(run("solve '" + example + "' --out '" + a + "' --max-moves 10 --uid-domain ''").exit_code == 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("jadwal solve refuses what it cannot do with the documented exit codes", "[solve]") {
    const auto dir = scratch();
    const std::string out = " --out '" + (dir / "o").string() + "'";
    CHECK(run("solve '" + example + "'" + out + " --policy no_such_policy").exit_code == 2);
    CHECK(run("solve '" + example + "'" + out + " --previous old.json").exit_code == 1);  // no such file
    CHECK(run("solve '" + example + "'" + out + " --replan-from 2026-06-01").exit_code == 2);  // needs --previous
    CHECK(run("solve '" + example + "'" + out + " --strategy clever").exit_code == 2);
    CHECK(run("solve '" + example + "'").exit_code == 2);  // --out is required
    CHECK(run("solve '" + (dir / "missing.yaml").string() + "'" + out).exit_code == 1);
    CHECK_FALSE(std::filesystem::exists(dir / "o" / "solution.json"));
    CHECK(run("solve '" + example + "'" + out + " --strategy baseline --policy classroom_only").exit_code == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("jadwal solve --previous re-plans, and verify --previous checks what had to stay", "[solve][replan]") {
    const auto dir = scratch();
    const std::string a = (dir / "a").string(), b = (dir / "b").string();
    REQUIRE(run("solve '" + example + "' --out '" + a + "' --policy flexible --max-moves 3000").exit_code == 0);
    const std::string previous = " --previous '" + a + "/solution.json' --replan-from 2026-06-01";
    CHECK(run("solve '" + example + "' --out '" + b + "' --policy flexible --max-moves 3000" + previous).exit_code == 0);
    const auto checked = run("verify '" + example + "' '" + b + "/solution.json'" + previous);
    CHECK(checked.exit_code == 0);
    CHECK(checked.out.find("changes against") != std::string::npos);
    CHECK(run("solve '" + example + "' --out '" + b + "' --previous '" + a + "/solution.json' --replan-from 1 June")
              .exit_code == 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("jadwal explain tells one employee what they got and why the rest is missing", "[solve][explain]") {
    const auto dir = scratch();
    const std::string a = (dir / "a").string();
    REQUIRE(run("solve '" + example + "' --out '" + a + "' --policy flexible --max-moves 3000").exit_code == 0);
    const std::string sol = " '" + a + "/solution.json'";
    // Siti (BPKAD) cannot take keuda: her unit may miss one person at a time, a cohort needs three.
    const auto r = run("explain '" + example + "'" + sol + " --employee 198203142006041002");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Siti Rahmawati") != std::string::npos);
    CHECK(r.out.find("Not placed") != std::string::npos);
    CHECK(r.out.find("keuda") != std::string::npos);
    CHECK(r.out.find("R-") != std::string::npos);
    const auto j = run("explain '" + example + "'" + sol + " --employee 198203142006041002 --format json");
    CHECK(j.exit_code == 0);
    CHECK(j.out.find("\"unplaced\"") != std::string::npos);
    CHECK(run("explain '" + example + "'" + sol + " --employee nobody").exit_code == 2);
    CHECK(run("explain '" + example + "'" + sol + " --employee 198203142006041002 --program nothing").exit_code == 2);
    CHECK(run("explain '" + example + "' '" + (dir / "missing.json").string() + "' --employee 198203142006041002").exit_code == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("jadwal solve refuses an output folder whose calendars are a link elsewhere and keeps the files there",
          "[solve][publish]") {
    // Defect: the second solve followed the link and deleted every file of web/.
    const auto dir = scratch();
    const auto out = dir / "out";
    const auto web = dir / "web";
    std::filesystem::create_directories(web);
    { std::ofstream(web / "index.html") << "site"; }
    REQUIRE(run("solve '" + example + "' --out '" + out.string() + "' --policy flexible --max-moves 2000").exit_code == 0);
    std::filesystem::remove(out / "calendars");
    std::filesystem::create_directory_symlink("../web", out / "calendars");
    const auto r = run("solve '" + example + "' --out '" + out.string() + "' --policy flexible --max-moves 2000");
    CHECK(r.exit_code == 5);
    CHECK(r.err.find("is a link to ../web") != std::string::npos);
    CHECK(read(web / "index.html") == "site");
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(web)) ++n;
    CHECK(n == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("Ctrl-C stops the search and the best plan so far is published whole", "[solve][publish]") {
    const auto dir = scratch();
    const auto out = dir / "out";
    // A move budget that would take many minutes; SIGINT after two seconds. --foreground:
    // without it timeout signals the child and then its whole process group, and the
    // second SIGINT is the one that means "quit at once".
    const std::string cmd = "timeout --foreground --preserve-status -s INT 2 '" + std::string(JADWAL_CLI) + "' solve '" + example +
                            "' --out '" + out.string() + "' --policy flexible --max-moves 4000000000 >'" + (dir / "stdout.txt").string() +
                            "' 2>&1";
    const int status = std::system(cmd.c_str());
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(read(dir / "stdout.txt").find("stopped by a signal") != std::string::npos);
    const std::string text = read(out / "solution.json");
    CHECK(text.find("\"metrics\"") != std::string::npos);
    CHECK(text.substr(text.find_last_not_of('\n')) == "}\n");
    CHECK(std::filesystem::exists(out / "report.html"));
    CHECK(std::filesystem::exists(out / "calendars" / "employees"));
    std::filesystem::remove_all(dir);
}

#endif
