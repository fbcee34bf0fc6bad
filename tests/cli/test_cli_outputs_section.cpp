// The scenario's `outputs` section on the command line: `solve --out` and
// `export` publish with the scenario's UID domain, PRODID, reminders and CSV
// options, and a flag given on the command line wins (docs/outputs.md
// "Options in the scenario").
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "../support/cli.hpp"

namespace fs = std::filesystem;
using jadwal::test::read_file_text;
using jadwal::test::run_cli;

namespace {

const std::string minimal = std::string{JADWAL_SOURCE_DIR} + "/tests/data/good/minimal.yaml";

/// tests/data/good/minimal.yaml (one person, one self-paced programme) with `outputs` appended.
fs::path scenario_with_outputs(const fs::path& dir, const std::string& outputs) {
    const fs::path file = dir / "scenario.yaml";
    std::ofstream(file, std::ios::binary) << read_file_text(minimal) << outputs;
    return file;
}

/// The one employee's calendar under `out`.
std::string employee_ics(const fs::path& out) {
    return read_file_text(out / "calendars" / "employees" / "198203142006041002.ics");
}

const std::string outputs_section = R"(outputs:
  uid_domain: bkpsdmd.batangharikab.go.id
  product_id: "-//BKPSDMD Batanghari//jadwal//ID"
  reminders: [2h]
  default_organizer: BKPSDMD Batanghari
  csv_bom: true
)";

}  // namespace

TEST_CASE("solve publishes with the UID domain, PRODID, reminders and CSV options of the scenario's outputs",
          "[cli][outputs]") {
    const fs::path dir = jadwal::test::scratch_dir("cli-outputs-section");
    const fs::path file = scenario_with_outputs(dir, outputs_section);
    const auto r = run_cli("solve '" + file.string() + "' --out '" + (dir / "out").string() +
                               "' --format ics,csv --seed 1 --max-moves 200",
                           dir);
    INFO(r.all());
    REQUIRE(r.exit_code == 0);
    const std::string ics = employee_ics(dir / "out");
    REQUIRE(ics.find("BEGIN:VEVENT") != std::string::npos);
    CHECK(ics.find("@bkpsdmd.batangharikab.go.id\r\n") != std::string::npos);
    CHECK(ics.find("@jadwal\r\n") == std::string::npos);
    CHECK(ics.find("PRODID:-//BKPSDMD Batanghari//jadwal//ID\r\n") != std::string::npos);
    CHECK(ics.find("TRIGGER:-PT2H\r\n") != std::string::npos);
    CHECK(ics.find("TRIGGER:-P1D\r\n") == std::string::npos);
    const std::string siasn = read_file_text(dir / "out" / "siasn_courses.csv");
    CHECK(siasn.rfind("\xEF\xBB\xBF", 0) == 0);  // csv_bom
    CHECK(siasn.find("BKPSDMD Batanghari") != std::string::npos);
}

TEST_CASE("A flag given to solve or export wins over the scenario's outputs section", "[cli][outputs]") {
    const fs::path dir = jadwal::test::scratch_dir("cli-outputs-flag");
    const fs::path file = scenario_with_outputs(dir, outputs_section);
    const auto solved = run_cli("solve '" + file.string() + "' --out '" + (dir / "a").string() +
                                    "' --format json,ics --seed 1 --max-moves 200 --uid-domain flag.example.org "
                                    "--product-id '-//Flag//EN' --reminders none",
                                dir);
    INFO(solved.all());
    REQUIRE(solved.exit_code == 0);
    const std::string ics = employee_ics(dir / "a");
    REQUIRE(ics.find("BEGIN:VEVENT") != std::string::npos);
    CHECK(ics.find("@flag.example.org\r\n") != std::string::npos);
    CHECK(ics.find("@bkpsdmd.batangharikab.go.id") == std::string::npos);
    CHECK(ics.find("PRODID:-//Flag//EN\r\n") != std::string::npos);
    CHECK(ics.find("BEGIN:VALARM") == std::string::npos);

    // export: the scenario's domain without the flag, the flag's with it.
    const std::string plan = (dir / "a" / "solution.json").string();
    const auto plain =
        run_cli("export '" + file.string() + "' '" + plan + "' --out '" + (dir / "b").string() + "' --format ics", dir);
    INFO(plain.all());
    REQUIRE(plain.exit_code == 0);
    CHECK(employee_ics(dir / "b").find("@bkpsdmd.batangharikab.go.id\r\n") != std::string::npos);
    const auto flagged = run_cli("export '" + file.string() + "' '" + plan + "' --out '" + (dir / "c").string() +
                                     "' --format ics --uid-domain other.go.id",
                                 dir);
    INFO(flagged.all());
    REQUIRE(flagged.exit_code == 0);
    CHECK(employee_ics(dir / "c").find("@other.go.id\r\n") != std::string::npos);
    CHECK(employee_ics(dir / "c").find("@bkpsdmd.batangharikab.go.id") == std::string::npos);
}

TEST_CASE("The --organizer and --no-csv-bom flags win over the scenario's default_organizer and csv_bom",
          "[cli][outputs]") {
    const fs::path dir = jadwal::test::scratch_dir("cli-outputs-organizer");
    const fs::path file = scenario_with_outputs(dir, outputs_section);
    const auto r = run_cli("solve '" + file.string() + "' --out '" + (dir / "a").string() +
                               "' --format json,csv --seed 1 --max-moves 200 --organizer 'Diklat Provinsi Jambi' "
                               "--no-csv-bom",
                           dir);
    INFO(r.all());
    REQUIRE(r.exit_code == 0);
    const std::string siasn = read_file_text(dir / "a" / "siasn_courses.csv");
    CHECK(siasn.rfind("\xEF\xBB\xBF", 0) != 0);
    CHECK(siasn.find("Diklat Provinsi Jambi") != std::string::npos);
    CHECK(siasn.find("BKPSDMD Batanghari") == std::string::npos);

    // export: the scenario's without the flags, an empty organiser for none.
    const std::string plan = (dir / "a" / "solution.json").string();
    const auto plain =
        run_cli("export '" + file.string() + "' '" + plan + "' --out '" + (dir / "b").string() + "' --format csv", dir);
    INFO(plain.all());
    REQUIRE(plain.exit_code == 0);
    const std::string scenario_csv = read_file_text(dir / "b" / "siasn_courses.csv");
    CHECK(scenario_csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(scenario_csv.find("BKPSDMD Batanghari") != std::string::npos);
    const auto none = run_cli("export '" + file.string() + "' '" + plan + "' --out '" + (dir / "c").string() +
                                  "' --format csv --organizer ''",
                              dir);
    INFO(none.all());
    REQUIRE(none.exit_code == 0);
    CHECK(read_file_text(dir / "c" / "siasn_courses.csv").find("BKPSDMD Batanghari") == std::string::npos);
}

TEST_CASE("The --organizer and --csv-bom flags reach the CSVs of a scenario without an outputs section",
          "[cli][outputs]") {
    const fs::path dir = jadwal::test::scratch_dir("cli-outputs-csv-bom");
    const auto plain = run_cli("solve '" + minimal + "' --out '" + (dir / "a").string() +
                                   "' --format csv --seed 1 --max-moves 200",
                               dir);
    INFO(plain.all());
    REQUIRE(plain.exit_code == 0);
    const std::string before = read_file_text(dir / "a" / "siasn_courses.csv");
    CHECK(before.rfind("\xEF\xBB\xBF", 0) != 0);
    CHECK(before.find("Diklat Provinsi Jambi") == std::string::npos);
    const auto given = run_cli("solve '" + minimal + "' --out '" + (dir / "b").string() +
                                   "' --format csv --seed 1 --max-moves 200 --csv-bom "
                                   "--organizer 'Diklat Provinsi Jambi'",
                               dir);
    INFO(given.all());
    REQUIRE(given.exit_code == 0);
    const std::string after = read_file_text(dir / "b" / "siasn_courses.csv");
    CHECK(after.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(after.find("Diklat Provinsi Jambi") != std::string::npos);
    // An organiser that would break a CSV row apart is refused as a usage error.
    const auto broken = run_cli("solve '" + minimal + "' --out '" + (dir / "c").string() +
                                    "' --format csv --max-moves 10 --organizer \"$(printf 'A\\nB')\"",
                                dir);
    CHECK(broken.exit_code == 2);
    CHECK(broken.err.find("--organizer") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "c" / "siasn_courses.csv"));
}

TEST_CASE("A scenario whose outputs.uid_domain holds a line break is refused by solve with its position",
          "[cli][outputs]") {
    const fs::path dir = jadwal::test::scratch_dir("cli-outputs-bad");
    const fs::path file = scenario_with_outputs(dir, "outputs:\n  uid_domain: \"a.go.id\\r\\nX: 1\"\n");
    const auto r = run_cli("solve '" + file.string() + "' --out '" + (dir / "out").string() + "' --max-moves 10", dir);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(":20:15:") != std::string::npos);
    CHECK(r.err.find("E-ADDRESS") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out" / "calendars"));
}
