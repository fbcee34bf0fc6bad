// The CLI in two languages (issue 14): --lang, the environment, did-you-mean
// for a mistyped verb, check --format json, the same exit code for the same
// mistake in every verb, progress lines, --reminders and --spreadsheet.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "../support/cli.hpp"

namespace fs = std::filesystem;
using jadwal::test::run_cli;

namespace {

const std::string example = std::string{JADWAL_SOURCE_DIR} + "/examples/small/scenario.yaml";
const std::string nip = "198203142006041002";

std::string scratch(const std::string& name) {
    return jadwal::test::scratch_dir("cli-lang-" + name).string();
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// Sets the locale variables for the life of the value, then puts back what was there.
class environment_language {
public:
    explicit environment_language(const char* lang) {
        for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
            if (const char* v = std::getenv(name))
                saved_[name] = v;
            else
                saved_[name] = std::nullopt;
            ::unsetenv(name);
        }
        if (lang) ::setenv("LANG", lang, 1);
    }
    ~environment_language() {
        for (const auto& [name, value] : saved_) {
            if (value)
                ::setenv(name.c_str(), value->c_str(), 1);
            else
                ::unsetenv(name.c_str());
        }
    }
    environment_language(const environment_language&) = delete;
    environment_language& operator=(const environment_language&) = delete;

private:
    std::map<std::string, std::optional<std::string>> saved_;
};

/// A plan of the small example, solved once for the tests that read one.
const std::string& small_plan() {
    static const std::string dir = [] {
        const auto d = scratch("plan");
        const auto r =
            run_cli("solve '" + example + "' --out '" + d + "/plan' --policy flexible --max-moves 2000 --lang en", d);
        if (r.exit_code != 0) FAIL("solving the small example failed: " << r.all());
        return d + "/plan";
    }();
    return dir;
}

}  // namespace

TEST_CASE("check prints its summary in Indonesian with --lang id and in English with --lang en", "[cli][lang]") {
    const environment_language env("C.UTF-8");
    const auto id = run_cli("check '" + example + "' --lang id", scratch("check-id"));
    INFO(id.all());
    CHECK(id.exit_code == 0);
    CHECK(has(id.out, "16 pegawai"));
    CHECK(has(id.out, "0 galat, 0 peringatan"));
    CHECK(has(id.out, "batas dengan kebijakan"));
    CHECK_FALSE(has(id.out, "employees"));

    const auto en = run_cli("check '" + example + "' --lang en", scratch("check-en"));
    INFO(en.all());
    CHECK(en.exit_code == 0);
    CHECK(has(en.out, "16 employees"));
    CHECK(has(en.out, "0 error(s), 0 warning(s)"));
    CHECK_FALSE(has(en.out, "pegawai"));
}

TEST_CASE("the environment's language is used when neither --lang nor the scenario says", "[cli][lang]") {
    {
        const environment_language env("id_ID.UTF-8");
        const auto r = run_cli("check '" + example + "'", scratch("env-id"));
        INFO(r.all());
        CHECK(r.exit_code == 0);
        CHECK(has(r.out, "16 pegawai"));
        // --lang wins over the environment.
        const auto en = run_cli("check '" + example + "' --lang en", scratch("env-id-en"));
        CHECK(has(en.out, "16 employees"));
    }
    {
        const environment_language env("C");
        const auto r = run_cli("check '" + example + "'", scratch("env-c"));
        CHECK(has(r.out, "16 employees"));  // no language in the environment: English
    }
}

TEST_CASE("the scenario's locale is used when --lang is not given, over the environment", "[cli][lang]") {
    const environment_language env("en_US.UTF-8");
    const auto dir = scratch("locale");
    const auto file = dir + "/s.yaml";
    {
        std::FILE* f = std::fopen(file.c_str(), "w");
        REQUIRE(f);
        std::fputs(
            "jadwal: 1\n"
            "scenario: {name: t, from: 2026-01-05, to: 2026-12-18, locale: id}\n"
            "holidays: [id-2026]\n"
            "work_patterns: {office: {week: {mon-fri: [08:00-16:00]}}}\n"
            "units: [{id: bpkad, pattern: office}]\n"
            "employees: [{id: '198203142006041002', name: Siti, unit: bpkad, status: pns}]\n"
            "programs: [{id: p1, modules: [{id: m1, jp: 2}], modes: [{mode: self_paced}]}]\n"
            "demand: [{program: p1, where: {unit: bpkad}}]\n",
            f);
        std::fclose(f);
    }
    const auto r = run_cli("check '" + file + "'", dir);
    INFO(r.all());
    REQUIRE(r.exit_code == 0);
    CHECK(has(r.out, "1 pegawai"));
    CHECK(has(run_cli("check '" + file + "' --lang en", dir).out, "1 employees"));
}

TEST_CASE("an unknown --lang value is a usage error that names id and en", "[cli][lang]") {
    const auto r = run_cli("check '" + example + "' --lang fr", scratch("lang-fr"));
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "'fr'"));
    CHECK(has(r.err, "id (Bahasa Indonesia)"));
    CHECK(has(r.err, "en (English)"));
    CHECK(r.out.empty());
}

TEST_CASE("every verb takes --lang", "[cli][lang]") {
    const auto dir = scratch("every-verb");
    for (const std::string verb : {"check", "availability", "generate", "solve", "verify", "explain", "export",
                                   "compare", "simulate", "attendance fit"}) {
        const auto r = run_cli(verb + " --help", dir);
        INFO(verb << "\n" << r.all());
        CHECK(r.exit_code == 0);
        CHECK(has(r.out, "--lang"));
    }
}

TEST_CASE("a mistyped verb says which verb was meant and exits 2, in the chosen language", "[cli][lang]") {
    const environment_language env("C.UTF-8");
    const auto en = run_cli("slove '" + example + "' --out x", scratch("slove"));
    CHECK(en.exit_code == 2);
    CHECK(has(en.err, "unknown command 'slove'; did you mean 'solve'?"));
    CHECK_FALSE(has(en.err, "A subcommand is required"));

    const auto id = run_cli("--lang id chek '" + example + "'", scratch("chek"));
    CHECK(id.exit_code == 2);
    CHECK(has(id.err, "perintah 'chek' tidak dikenal; maksud Anda 'check'?"));

    // Nothing close: the list of verbs instead of a guess.
    const auto far = run_cli("frobnicate", scratch("far"));
    CHECK(far.exit_code == 2);
    CHECK(has(far.err, "unknown command 'frobnicate'; the commands are check, "));
    CHECK_FALSE(has(far.err, "did you mean"));
}

TEST_CASE("check --format json lists every diagnostic with its code and position", "[cli][check][json]") {
    const auto dir = scratch("check-json");
    const auto file = dir + "/bad.yaml";
    {
        std::FILE* f = std::fopen(file.c_str(), "w");
        REQUIRE(f);
        std::fputs(
            "jadwal: 1\n"
            "scenario: {name: x, from: 2026-02-30, to: 2026-12-31}\n"
            "units:\n"
            "  - {id: a, pattern: ofice}\n",
            f);
        std::fclose(f);
    }
    const auto r = run_cli("check '" + file + "' --format json", dir);
    INFO(r.all());
    CHECK(r.exit_code == 1);
    const auto doc = nlohmann::json::parse(r.out);  // throws (and fails the test) unless one JSON document
    CHECK(doc.at("valid") == false);
    CHECK(doc.at("errors").get<int>() >= 2);
    std::set<int> lines;
    for (const auto& d : doc.at("diagnostics")) {
        CHECK(d.at("code").get<std::string>().rfind("E-", 0) == 0);
        CHECK(d.at("severity") == "error");
        CHECK(d.at("file") == file);
        CHECK(d.at("column").get<int>() >= 1);
        CHECK_FALSE(d.at("message").get<std::string>().empty());
        lines.insert(d.at("line").get<int>());
    }
    CHECK(lines.count(2) == 1);  // the impossible date
    CHECK(lines.count(4) == 1);  // the unknown pattern
    // The text format prints the same codes, compiler style, on stderr.
    const auto text = run_cli("check '" + file + "'", dir);
    for (const auto& d : doc.at("diagnostics")) CHECK(has(text.err, "[" + d.at("code").get<std::string>() + "]"));
}

TEST_CASE("check --format json of a good scenario has its counts and bounds", "[cli][check][json]") {
    const auto r = run_cli("check '" + example + "' --format json --lang id", scratch("check-json-ok"));
    INFO(r.all());
    REQUIRE(r.exit_code == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc.at("valid") == true);
    CHECK(doc.at("errors") == 0);
    CHECK(doc.at("counts").at("employees") == 16);
    CHECK(doc.at("bounds").at("demand_total").get<int>() > 0);
    CHECK(doc.at("diagnostics").is_array());
}

TEST_CASE("an unknown employee exits 2 (usage) in every verb that takes one", "[cli][exit]") {
    // explain exited 2 and availability 1 for the same mistake; both are a
    // name on the command line that the scenario lacks, as an unknown
    // --program or --policy is: a usage error.
    const auto dir = scratch("unknown-employee");
    const auto plan = small_plan() + "/solution.json";
    const auto explain = run_cli("explain '" + example + "' '" + plan + "' --employee 123", dir);
    const auto availability =
        run_cli("availability '" + example + "' --employee 123 --from 2026-03-16 --to 2026-03-22", dir);
    INFO(explain.all() << availability.all());
    CHECK(explain.exit_code == 2);
    CHECK(availability.exit_code == 2);
    CHECK(has(explain.err, "no employee '123'"));
    CHECK(has(availability.err, "no employee '123'"));
    // An unknown policy is the same mistake, and the same code, in every verb that takes one.
    CHECK(run_cli("check '" + example + "' --policy nope", dir).exit_code == 2);
    CHECK(run_cli("verify '" + example + "' '" + plan + "' --policy nope", dir).exit_code == 2);
    CHECK(run_cli("solve '" + example + "' --out '" + dir + "/o' --policy nope", dir).exit_code == 2);
    CHECK(run_cli("compare '" + example + "' --policy nope --max-moves 10 --runs 1", dir).exit_code == 2);
}

TEST_CASE("solve prints plain progress lines with the share done when not on a terminal", "[cli][progress]") {
    const auto dir = scratch("progress");
    const auto r = run_cli("solve '" + example + "' --out '" + dir + "/o' --max-moves 3000 --lang en", dir);
    INFO(r.all());
    REQUIRE(r.exit_code == 0);
    // Plain lines (no carriage return redraws), one at least per phase, the last one at 100%.
    CHECK_FALSE(has(r.err, "\r"));
    CHECK(has(r.err, "searching"));
    CHECK(has(r.err, "100%"));
    CHECK(has(r.err, "done  placed "));
    // stdout holds the summary only.
    CHECK_FALSE(has(r.out, "searching"));
    CHECK(has(r.out, "participation_rate"));

    const auto id = run_cli("solve '" + example + "' --out '" + dir + "/p' --max-moves 3000 --lang id", dir);
    INFO(id.all());
    REQUIRE(id.exit_code == 0);
    CHECK(has(id.err, "selesai  terjadwal "));
    CHECK(has(id.out, "langkah dalam"));
    CHECK(has(id.out, "kebijakan   "));
}

TEST_CASE("explain speaks Indonesian with --lang id", "[cli][explain][lang]") {
    const auto plan = small_plan() + "/solution.json";
    const auto id =
        run_cli("explain '" + example + "' '" + plan + "' --employee " + nip + " --lang id", scratch("explain-id"));
    INFO(id.all());
    REQUIRE(id.exit_code == 0);
    CHECK(has(id.out, "JP direncanakan"));
    CHECK(has(id.out, "Belum terjadwal ("));
    CHECK_FALSE(has(id.out, "Not placed"));
    const auto en =
        run_cli("explain '" + example + "' '" + plan + "' --employee " + nip + " --lang en", scratch("explain-en"));
    CHECK(has(en.out, "Not placed ("));
}

TEST_CASE("availability writes Indonesian days and clock times with --lang id", "[cli][availability][lang]") {
    const auto r =
        run_cli("availability '" + example + "' --employee " + nip + " --from 2026-03-16 --to 2026-03-17 --lang id",
                scratch("availability-id"));
    INFO(r.all());
    REQUIRE(r.exit_code == 0);
    CHECK(has(r.out, "Senin, 16 Maret 2026"));
    CHECK(has(r.out, "08.00-12.00  jam kerja"));
    CHECK(has(r.out, "total: jam kerja "));
}

TEST_CASE("The --reminders option sets the calendar alarms and --spreadsheet the CSV separator", "[cli][export]") {
    const auto dir = scratch("reminders");
    const auto plan = small_plan() + "/solution.json";
    const auto r =
        run_cli("export '" + example + "' '" + plan + "' --out '" + dir + "/o' --reminders 2h --spreadsheet", dir);
    INFO(r.all());
    REQUIRE(r.exit_code == 0);
    std::string calendars;
    for (const auto& e : fs::recursive_directory_iterator(dir + "/o/calendars"))
        if (e.is_regular_file()) calendars += jadwal::test::read_file_text(e.path());
    CHECK(has(calendars, "TRIGGER:-PT2H"));
    CHECK_FALSE(has(calendars, "TRIGGER:-P1D"));
    const auto csv = jadwal::test::read_file_text(dir + "/o/schedule.csv");
    CHECK(has(csv.substr(0, csv.find('\n')), ";"));

    const auto none = run_cli("export '" + example + "' '" + plan + "' --out '" + dir + "/n' --reminders none", dir);
    REQUIRE(none.exit_code == 0);
    std::string quiet;
    for (const auto& e : fs::recursive_directory_iterator(dir + "/n/calendars"))
        if (e.is_regular_file()) quiet += jadwal::test::read_file_text(e.path());
    CHECK(has(quiet, "BEGIN:VEVENT"));
    CHECK_FALSE(has(quiet, "VALARM"));

    const auto bad = run_cli("export '" + example + "' '" + plan + "' --out '" + dir + "/b' --reminders 3x", dir);
    CHECK(bad.exit_code == 2);
    CHECK(has(bad.err, "--reminders '3x'"));
}

TEST_CASE("generate --locale writes the scenario's language, which the other verbs then speak",
          "[cli][generate][lang]") {
    const environment_language env("C.UTF-8");
    const auto dir = scratch("generate-locale");
    const auto g = run_cli("generate batanghari --employees 1200 --seed 3 --locale id --out '" + dir + "/s.yaml'", dir);
    INFO(g.all());
    REQUIRE(g.exit_code == 0);
    CHECK(has(g.out, "(1200 employees, seed 3)"));  // no --lang: the environment's English
    CHECK(has(jadwal::test::read_file_text(dir + "/s.yaml"), "locale: id"));
    const auto c = run_cli("check '" + dir + "/s.yaml'", dir);
    INFO(c.all());
    CHECK(has(c.out, "1.200 pegawai"));
    CHECK(has(run_cli("check '" + dir + "/s.yaml' --lang=en", dir).out, "1200 employees"));
    CHECK(run_cli("generate batanghari --locale fr --out '" + dir + "/t.yaml'", dir).exit_code == 2);
}
