// Files the tool cannot read or write: a directory or a device where a file
// belongs, a folder that is not there. Each is one clear message naming the
// file and the reason (the operating system's where it has one), and exit
// code 5 (io_error); a file that does not exist, or content that is wrong, stays
// an input error (1).
#include "../support/cli.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using jadwal::test::cli_result;
using jadwal::test::run_cli;

namespace {

const fs::path example = fs::path{JADWAL_SOURCE_DIR} / "examples/small/scenario.yaml";

std::string quoted(const fs::path& p) {
    std::string q{" '"};
    q += p.string();
    q += '\'';
    return q;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a directory given as a plan is an I/O error that says so, not a JSON error", "[cli][io]") {
    const fs::path dir = jadwal::test::scratch_dir("cli-io-plan");
    const fs::path folder = dir / "plan";
    fs::create_directories(folder);
    const std::string s = quoted(example), plan = quoted(folder), out = " --out" + quoted(dir / "out");
    const std::string nip = " --employee 198203142006041002";
    for (const std::string& args :
         {"verify" + s + plan, "explain" + s + plan + nip, "export" + s + plan + out, "simulate" + s + plan,
          "solve" + s + out + " --max-moves 100 --previous" + plan,
          "verify" + s + plan + " --previous" + plan}) {
        const auto r = run_cli(args, dir);
        INFO(args << "\n" << r.all());
        CHECK(r.exit_code == 5);
        CHECK(has(r.err, folder.string() + ": error: cannot read the solution file: it is a directory"));
        CHECK_FALSE(has(r.err, "JSON"));
    }
    const fs::path records = dir / "records";
    fs::create_directories(records);
    const auto fit = run_cli("attendance fit" + quoted(records) + s + plan, dir);
    INFO(fit.all());
    CHECK(fit.exit_code == 5);
    CHECK(has(fit.err, records.string() + ": error: cannot read the records file: it is a directory"));
    fs::remove_all(dir);
}

TEST_CASE("a scenario or employees file that is a directory or a device is an I/O error", "[cli][io]") {
    const fs::path dir = jadwal::test::scratch_dir("cli-io-scenario");
    const auto dir_check = run_cli("check" + quoted(dir), dir);
    INFO(dir_check.all());
    CHECK(dir_check.exit_code == 5);
    CHECK(has(dir_check.err, "cannot read the scenario file: it is a directory"));

    const auto device = run_cli("check /dev/zero", dir);
    INFO(device.all());
    CHECK(device.exit_code == 5);
    CHECK(has(device.err, "/dev/zero: error: cannot read the scenario file: it is not a regular file"));

    fs::create_directories(dir / "staff.csv");
    std::ofstream(dir / "s.yaml") << "jadwal: 1\n"
                                     "scenario: {name: t, from: 2026-01-05, to: 2026-12-18}\n"
                                     "holidays: [id-2026]\n"
                                     "work_patterns: {office: {week: {mon-fri: [08:00-16:00]}}}\n"
                                     "units: [{id: bpkad, pattern: office}]\n"
                                     "employees: {csv: staff.csv}\n";
    const auto csv = run_cli("check" + quoted(dir / "s.yaml"), dir);
    INFO(csv.all());
    CHECK(csv.exit_code == 5);
    CHECK(has(csv.err, "s.yaml:6:18: error: cannot read the employees file"));
    CHECK(has(csv.err, "it is a directory"));
    fs::remove_all(dir);
}

TEST_CASE("a missing file and wrong content stay input errors", "[cli][io]") {
    const fs::path dir = jadwal::test::scratch_dir("cli-io-input");
    const auto missing = run_cli("verify" + quoted(example) + quoted(dir / "nope.json"), dir);
    INFO(missing.all());
    CHECK(missing.exit_code == 1);
    CHECK(has(missing.err, "nope.json: error: cannot read the solution file: no such file"));
    std::ofstream(dir / "bad.json") << "{not json";
    const auto bad = run_cli("verify" + quoted(example) + quoted(dir / "bad.json"), dir);
    INFO(bad.all());
    CHECK(bad.exit_code == 1);
    fs::remove_all(dir);
}

TEST_CASE("a file that cannot be written is an I/O error with the operating system's reason", "[cli][io]") {
    const fs::path dir = jadwal::test::scratch_dir("cli-io-write");
    const auto generate = run_cli("generate batanghari --employees 20 --out" + quoted(dir / "no" / "such" / "s.yaml"), dir);
    INFO(generate.all());
    CHECK(generate.exit_code == 5);
    CHECK(has(generate.err, "No such file or directory"));

    std::ofstream(dir / "file") << "x";
    const auto compare =
        run_cli("compare" + quoted(example) + " --policy flexible --max-moves 100 --runs 2 --out" + quoted(dir / "file"),
                dir);
    INFO(compare.all());
    CHECK(compare.exit_code == 5);
    CHECK(has(compare.err, "jadwal compare: writing outputs to"));
    CHECK(has(compare.err, "Not a directory"));
    fs::remove_all(dir);
}
