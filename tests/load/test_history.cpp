// The `history` section: a SIASN-shaped course export read into
// scenario::history, its problems reported at the CSV's line and column, and
// demand the history shows completed moved to scenario::completed.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "helpers.hpp"

namespace {

using jadwal::test::data_dir;
using jadwal::test::dump;
using jadwal::test::first_with;
using jadwal::test::summary;
namespace load = jadwal::load;
namespace model = jadwal::model;

std::filesystem::path folder() {
    return data_dir() / "history";
}

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// tests/data/history/scenario.yaml with `history:` replaced by `history_line`
/// (empty: no history section).
std::string scenario_with(std::string_view history_line) {
    std::string text = read(folder() / "scenario.yaml");
    const auto at = text.find("history: {csv: riwayat.csv}");
    REQUIRE(at != std::string::npos);
    text.replace(at, text.find('\n', at) - at, history_line);
    return text;
}

load::load_result load_history(std::string_view file, load::load_options opts = {}) {
    if (opts.base_dir.empty()) opts.base_dir = folder();
    return load::load_scenario_text(scenario_with("history: {csv: " + std::string{file} + "}"), "scenario.yaml", opts);
}

std::string date_of(model::local_date d) {
    return jadwal::calendar::format_date(d);
}

std::size_t count_code(const load::load_result& r, std::string_view code) {
    std::size_t n = 0;
    for (const auto& d : r.diags.items()) n += d.code == code ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("A SIASN history file with Indonesian headers and both date styles is read in file order",
          "[load][history]") {
    const auto r = load::load_scenario_file(folder() / "scenario.yaml");
    INFO(dump(r));
    REQUIRE(r.scenario);
    CHECK(summary(r).empty());
    const auto& s = *r.scenario;
    REQUIRE(s.history.size() == 3);

    const auto& a = s.history[0];
    CHECK(s.employees[a.employee.value].id == "198203142006041002");
    CHECK(a.course == "Webinar Smart ASN");
    CHECK(a.organizer == "LAN RI");
    CHECK(a.jp == 2);
    CHECK(date_of(a.start) == "2026-03-14");
    CHECK(date_of(a.end) == "2026-03-14");
    CHECK_FALSE(a.program.valid());

    const auto& b = s.history[1];  // day-first dates, a quoted organiser holding the separator
    CHECK(s.employees[b.employee.value].id == "199001012020121001");
    CHECK(b.organizer == "BPSDM; Jambi");
    CHECK(b.jp == 8);
    CHECK(date_of(b.start) == "2026-02-10");
    CHECK(date_of(b.end) == "2026-02-12");

    const auto& c = s.history[2];  // no start: the end
    CHECK(date_of(c.start) == "2025-11-20");
    CHECK(date_of(c.end) == "2025-11-20");

    // Marks: the CSV (a source file of its own), line by line.
    for (std::size_t i = 0; i < 3; ++i) {
        REQUIRE(s.history[i].mark.file < s.source_files.size());
        CHECK(std::filesystem::path{s.source_files[s.history[i].mark.file]}.filename() == "riwayat.csv");
        CHECK(s.history[i].mark.line == static_cast<std::int32_t>(i) + 2);
    }
    // JP earned in the plan year (2026): the 2025 course does not count.
    CHECK(s.earned_jp() == std::vector<int>{2, 8});
    // No programme named: no demand is dropped.
    CHECK(s.completed.empty());
    CHECK(s.demand.size() == 4);
}

TEST_CASE("A history row of someone outside the scenario is warned at its NIP cell and skipped", "[load][history]") {
    const auto r = load_history("unknown_nip.csv");
    INFO(dump(r));
    REQUIRE(r.scenario);
    CHECK(summary(r) == std::vector<std::string>{"W-HISTORY-EMPLOYEE 2:13", "W-HISTORY-EMPLOYEE 4:11"});
    const auto* d = first_with(r, "W-HISTORY-EMPLOYEE");
    REQUIRE(d != nullptr);
    CHECK(std::filesystem::path{d->file}.filename() == "unknown_nip.csv");
    CHECK(d->message.find("'196501011990031001'") != std::string::npos);
    CHECK(d->path == "nip");
    // A NIP a spreadsheet turned into a number is said to be one.
    const auto& mangled = r.diags.items().back();
    CHECK(mangled.line == 4);
    CHECK(mangled.message.find("a spreadsheet seems to have turned it into a number") != std::string::npos);
    REQUIRE(r.scenario->history.size() == 1);
    CHECK(r.scenario->history[0].course == "Webinar");
    CHECK(r.scenario->history[0].mark.line == 3);
}

TEST_CASE("Every problem of a history file is reported in one run with its line and column", "[load][history]") {
    const auto r = load_history("bad.csv");
    INFO(dump(r));
    CHECK_FALSE(r.scenario);
    CHECK(summary(r) == std::vector<std::string>{"E-NUMBER 2:22", "E-DATE 3:35", "E-RANGE-ORDER 4:35",
                                                 "E-REF-PROGRAM 5:46", "E-KEY-MISSING 6:20", "E-NUMBER 7:22"});
    for (const auto& d : r.diags.items()) CHECK(std::filesystem::path{d.file}.filename() == "bad.csv");
    const auto* ref = first_with(r, "E-REF-PROGRAM");
    REQUIRE(ref != nullptr);
    CHECK(ref->message.find("did you mean 'p1'") != std::string::npos);
    const auto* date = first_with(r, "E-DATE");
    REQUIRE(date != nullptr);
    CHECK(date->message == "end: '31-02-2026' is not a date that exists");
    CHECK(date->path == "end");
    const auto* order = first_with(r, "E-RANGE-ORDER");
    REQUIRE(order != nullptr);
    CHECK(order->message == "the course ends (2026-03-01) before it starts (2026-03-10)");
    CHECK(order->message_id == "diklat berakhir (2026-03-01) sebelum dimulai (2026-03-10)");
}

TEST_CASE("A history header without a required column or with one column twice is refused", "[load][history]") {
    const auto r = load_history("header.csv");
    INFO(dump(r));
    CHECK_FALSE(r.scenario);
    // Names in any case; `course` is a second name of `nama_diklat`; no JP column.
    CHECK(summary(r) == std::vector<std::string>{"E-CSV-HEADER 1:1", "E-CSV-HEADER 1:17"});
    CHECK(r.diags.items()[0].message ==
          "the header has no column 'jumlah_jam' (required: nip, nama_kursus, jumlah_jam, tanggal_selesai)");
    CHECK(r.diags.items()[1].message == "the columns 'nama_diklat' and 'course' are the same column; give only one");
}

TEST_CASE("Demand the history shows completed is dropped with a note and the rest keeps its order", "[load][history]") {
    const auto r = load_history("completed.csv");
    INFO(dump(r));
    REQUIRE(r.scenario);
    CHECK(summary(r).empty());
    const auto& s = *r.scenario;
    REQUIRE(s.history.size() == 3);
    const auto emp = [&](const model::demand_item& d) { return s.employees[d.employee.value].id; };
    const auto prog = [&](const model::demand_item& d) { return s.programs[d.program.value].id; };

    // Budi completed p1 in February; Siti's keuda ends after the horizon (not done by then).
    REQUIRE(s.completed.size() == 1);
    CHECK(emp(s.completed[0].demand) == "199001012020121001");
    CHECK(prog(s.completed[0].demand) == "p1");
    CHECK(s.completed[0].history == 0);

    // As written: (Siti, p1), (Budi, p1), (Siti, keuda), (Budi, keuda); one taken out.
    REQUIRE(s.demand.size() == 3);
    CHECK(emp(s.demand[0]) == "198203142006041002");
    CHECK(prog(s.demand[0]) == "p1");
    CHECK(emp(s.demand[1]) == "198203142006041002");
    CHECK(prog(s.demand[1]) == "keuda");
    CHECK(emp(s.demand[2]) == "199001012020121001");
    CHECK(prog(s.demand[2]) == "keuda");

    CHECK(count_code(r, "N-DEMAND-COMPLETED") == 1);
    const auto* note = first_with(r, "N-DEMAND-COMPLETED");
    REQUIRE(note != nullptr);
    CHECK(note->level == load::severity::note);
    CHECK(std::filesystem::path{note->file}.filename() == "completed.csv");
    CHECK(note->line == 2);
    CHECK(note->message == "'199001012020121001' already completed 'p1' on 2026-02-03; its demand is dropped");
    CHECK(note->message_id == "'199001012020121001' telah menyelesaikan 'p1' pada 2026-02-03; kebutuhannya dihapus");
}

TEST_CASE("Someone whose JP earned this year reach their cap is warned at the row that reaches it", "[load][history]") {
    const auto r = load_history("cap.csv");
    INFO(dump(r));
    REQUIRE(r.scenario);
    // Budi (PPPK, cap 24): 16 + 8 in 2026 reach it at line 4; the 2025 course does not count.
    // Siti (PNS) has no cap, whatever she earned.
    CHECK(summary(r) == std::vector<std::string>{"W-HISTORY-CAP 4:1"});
    const auto* d = first_with(r, "W-HISTORY-CAP");
    REQUIRE(d != nullptr);
    CHECK(d->message ==
          "'199001012020121001' has already earned 28 JP in 2026, which reaches their cap of 24 JP: no training "
          "can be planned for them");
    CHECK(r.scenario->earned_jp() == std::vector<int>{40, 28});
}

TEST_CASE("A repeated history row is warned and its JP counted once", "[load][history]") {
    const auto r = load_history("duplicate.csv");
    INFO(dump(r));
    REQUIRE(r.scenario);
    CHECK(summary(r) == std::vector<std::string>{"W-HISTORY-DUPLICATE 3:1"});
    CHECK(first_with(r, "W-HISTORY-DUPLICATE")->message.find("repeats line 2") != std::string::npos);
    CHECK(r.scenario->history.size() == 2);
    CHECK(r.scenario->earned_jp() == std::vector<int>{0, 12});
}

TEST_CASE("A scenario without history has an empty history and keeps all its demand", "[load][history]") {
    load::load_options opts;
    opts.base_dir = folder();
    const auto r = load::load_scenario_text(scenario_with(""), "scenario.yaml", opts);
    INFO(dump(r));
    REQUIRE(r.scenario);
    CHECK(r.scenario->history.empty());
    CHECK(r.scenario->completed.empty());
    CHECK(r.scenario->demand.size() == 4);
    CHECK(r.scenario->earned_jp() == std::vector<int>{0, 0});
}

TEST_CASE("A history file is refused where the employees CSV would be", "[load][history]") {
    SECTION("leading outside the scenario's folder when files are confined") {
        load::load_options opts;
        opts.confine_to_scenario_dir = true;
        const auto r = load_history("../good/employees.csv", opts);
        INFO(dump(r));
        CHECK_FALSE(r.scenario);
        REQUIRE(summary(r) == std::vector<std::string>{"E-FILE-OUTSIDE 25:16"});
        CHECK(first_with(r, "E-FILE-OUTSIDE")->path == "history.csv");
        // The employees CSV is refused by the same rule.
        load::load_options same = opts;
        same.base_dir = folder();
        std::string text = scenario_with("");
        const auto from = text.find("employees:");
        const auto to = text.find("programs:");
        text.replace(from, to - from, "employees: {csv: ../good/employees.csv}\n");
        const auto e = load::load_scenario_text(text, "scenario.yaml", same);
        CHECK(jadwal::test::has_code(e, "E-FILE-OUTSIDE"));
    }
    SECTION("confined but inside: read") {
        load::load_options opts;
        opts.confine_to_scenario_dir = true;
        const auto r = load_history("./riwayat.csv", opts);
        INFO(dump(r));
        REQUIRE(r.scenario);
        CHECK(r.scenario->history.size() == 3);
    }
    SECTION("not read when referenced files are not read") {
        load::load_options opts;
        opts.read_referenced_files = false;
        const auto r = load_history("riwayat.csv", opts);
        INFO(dump(r));
        REQUIRE(r.scenario);
        CHECK(r.scenario->history.empty());
        CHECK(jadwal::test::has_code(r, "N-CSV-SKIPPED"));
    }
    SECTION("missing") {
        const auto r = load_history("nowhere.csv");
        CHECK(summary(r) == std::vector<std::string>{"E-FILE 25:16"});
    }
    SECTION("not a history file: nothing of it is shown") {
        const auto r = load_history("scenario.yaml");
        INFO(dump(r));
        REQUIRE(summary(r) == std::vector<std::string>{"E-CSV-HEADER 1:1"});
        CHECK(first_with(r, "E-CSV-HEADER")->message.find("tiny scenario") == std::string::npos);
    }
}

TEST_CASE("docs/format.md describes the history section, its columns and its codes", "[load][history][docs]") {
    const std::string doc = read(jadwal::test::source_dir() / "docs/format.md");
    const auto from = doc.find("## `history`");
    REQUIRE(from != std::string::npos);
    const std::string section = doc.substr(from, doc.find("\n## ", from + 1) - from);
    for (const char* word : {"`nip`",
                             "`nama_kursus`",
                             "`nama_diklat`",
                             "`course`",
                             "`institusi_penyelenggara`",
                             "`penyelenggara`",
                             "`organizer`",
                             "`jumlah_jam`",
                             "`jp`",
                             "`tanggal_mulai`",
                             "`tanggal_kursus`",
                             "`start`",
                             "`tanggal_selesai`",
                             "`end`",
                             "`program`",
                             "`program_id`",
                             "W-HISTORY-EMPLOYEE",
                             "W-HISTORY-DUPLICATE",
                             "W-HISTORY-CAP",
                             "N-DEMAND-COMPLETED",
                             "E-FILE-OUTSIDE"}) {
        INFO(word);
        CHECK(section.find(word) != std::string::npos);
    }
}
