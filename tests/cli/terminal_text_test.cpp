// What a scenario says reaches the terminal as text, never as control
// characters: a name with ESC [31m would recolour the terminal, one with CR
// would overwrite the line it is on with a forged one. Every verb's text
// output and every message on stderr shows them escaped (\x1b, \x0d).
#include "../support/cli.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using jadwal::test::cli_result;
using jadwal::test::run_cli;

namespace {

// YAML double-quoted text carries the ESC (\e), the CR (\r), OSC and BEL into the scenario.
constexpr std::string_view hostile = R"yaml(jadwal: 1
scenario: {name: "t\e[2J", from: 2026-01-05, to: 2026-12-18}
holidays: [id-2026]
work_patterns:
  office:
    week: {mon-fri: [08:00-16:00]}
units:
  - {id: bpkad, name: "Unit\e[31m\rFORGED", pattern: office}
employees:
  - id: "198203142006041002"
    name: "Siti\e[31m\rFORGED"
    unit: bpkad
    status: pns
    duties: [{what: "apel\e[31m\rFORGED", rrule: "FREQ=WEEKLY;BYDAY=MO", time: 07:30-08:00}]
venues:
  - {id: aula, name: "Aula\e[31m\r", capacity: 30}
programs:
  - id: p1
    title: "Modul\e]0;pwned\a\rFORGED"
    modules: [{id: m1, title: "m\e[1m\r", jp: 2}]
    modes: [{mode: self_paced}]
  - id: p2
    title: "Kelas\e[31m\rFORGED"
    modules: [{id: m1, jp: 2}]
    modes: [{mode: classroom, windows: [working_hours], venues: [aula]}]
    cohort: {min: 5, max: 20}
demand:
  - {program: p1, where: {unit: bpkad}}
  - {program: p2, where: {unit: bpkad}}
policies:
  open:
    description: "d\e[31m\r"
budget: {currency: "R\e[31m\r"}
)yaml";

void write(const fs::path& file, std::string_view text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

std::string quoted(const fs::path& p) {
    std::string out{"'"};
    out += p.string();
    out += '\'';
    return out;
}

/// No ESC, CR, BEL or other C0 control but LF anywhere in what the verb printed.
void check_clean(const std::string& what, const cli_result& r) {
    INFO(what << " (exit " << r.exit_code << ")\n" << r.all());
    for (const char c : r.all()) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n') || u == 0x7f) FAIL("a raw control character 0x" << std::hex << int{u});
    }
    SUCCEED();
}

}  // namespace

TEST_CASE("names with terminal escapes and carriage returns are printed escaped by every verb",
          "[cli][hostile]") {
    const fs::path dir = jadwal::test::scratch_dir("cli-terminal");
    const fs::path scenario = dir / "s.yaml";
    write(scenario, hostile);
    const std::string s = quoted(scenario);
    const std::string out = quoted(dir / "out");
    const std::string sol = quoted(dir / "out" / "solution.json");
    const std::string nip = " --employee 198203142006041002";

    const auto check = run_cli("check " + s, dir);
    CHECK(check.exit_code == 0);
    check_clean("check", check);

    const auto solve = run_cli("solve " + s + " --out " + out + " --max-moves 2000", dir);
    REQUIRE(solve.exit_code == 0);
    check_clean("solve", solve);

    const auto explain = run_cli("explain " + s + " " + sol + nip, dir);
    CHECK(explain.exit_code == 0);
    check_clean("explain", explain);
    // The names are there, escaped: the check above is not vacuous.
    CHECK(explain.out.find("Siti\\x1b[31m\\x0dFORGED") != std::string::npos);
    CHECK(explain.out.find("Unit\\x1b[31m\\x0dFORGED") != std::string::npos);
    CHECK(explain.out.find("Kelas\\x1b[31m\\x0dFORGED") != std::string::npos);

    const auto availability = run_cli("availability " + s + nip + " --from 2026-03-16 --to 2026-03-17", dir);
    CHECK(availability.exit_code == 0);
    check_clean("availability", availability);
    CHECK(availability.out.find("apel\\x1b[31m\\x0dFORGED") != std::string::npos);

    const auto verify = run_cli("verify " + s + " " + sol, dir);
    CHECK(verify.exit_code == 0);
    check_clean("verify", verify);
    CHECK(verify.out.find("R\\x1b[31m\\x0d") != std::string::npos);

    check_clean("compare", run_cli("compare " + s + " --policy open --max-moves 500 --runs 5", dir));
    check_clean("export", run_cli("export " + s + " " + sol + " --out " + out + " --format csv", dir));
    check_clean("simulate", run_cli("simulate " + s + " " + sol + " --runs 5", dir));

    // Arguments echoed in messages, and the names of files, are escaped too.
    const auto unknown = run_cli("explain " + s + " " + sol + " --employee \"$(printf 'x\\033[31m\\r')\"", dir);
    CHECK(unknown.exit_code == 2);
    check_clean("explain of an unknown employee", unknown);
    const fs::path odd = dir / "bad\x1b[31m\rFORGED.yaml";
    write(odd, "jadwal: 1\nsurprise: 1\n");
    const auto bad = run_cli("check " + quoted(odd), dir);
    CHECK(bad.exit_code == 1);
    check_clean("check of a file with ESC and CR in its name", bad);
    CHECK(bad.err.find("bad\\x1b[31m\\x0dFORGED.yaml:2:1: error:") != std::string::npos);
    fs::remove_all(dir);
}
