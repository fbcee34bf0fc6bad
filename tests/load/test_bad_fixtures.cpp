// Every fixture in tests/data/bad states the diagnostics it must produce in
// comments at its top:
//   # expect: E-REF-UNIT 12:11              (in the fixture itself)
//   # expect: E-ENUM employees.csv:3:41     (in a file it refers to)
// and this test checks that exactly those errors and warnings come out, at
// exactly those positions.
#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <regex>

using namespace jadwal;

namespace {

struct expectation {
    std::string code, file;
    int line = 0, column = 0;
    friend bool operator<(const expectation& a, const expectation& b) {
        return std::tie(a.code, a.file, a.line, a.column) < std::tie(b.code, b.file, b.line, b.column);
    }
    friend bool operator==(const expectation& a, const expectation& b) {
        return std::tie(a.code, a.file, a.line, a.column) == std::tie(b.code, b.file, b.line, b.column);
    }
};

std::ostream& operator<<(std::ostream& os, const expectation& e) {
    return os << e.code << " " << e.file << ":" << e.line << ":" << e.column;
}

std::vector<expectation> expectations(const std::filesystem::path& fixture) {
    static const std::regex line{R"(^# expect: (\S+) (?:(\S+):)?(\d+):(\d+)\s*$)"};
    std::vector<expectation> out;
    std::ifstream in(fixture);
    std::string text;
    while (std::getline(in, text)) {
        std::smatch m;
        if (std::regex_match(text, m, line))
            out.push_back({m[1], m[2].matched ? std::string{m[2]} : fixture.filename().string(), std::stoi(m[3]),
                           std::stoi(m[4])});
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<expectation> actual(const load::load_result& r) {
    std::vector<expectation> out;
    for (const auto& d : r.diags.items())
        if (d.level != load::severity::note)
            out.push_back({d.code, std::filesystem::path{d.file}.filename().string(), d.line, d.column});
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::filesystem::path> fixtures() {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(test::data_dir() / "bad"))
        if (e.path().extension() == ".yaml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("There is a bad fixture for each kind of problem", "[load][bad]") {
    CHECK(fixtures().size() >= 25);
}

TEST_CASE("Each bad fixture produces exactly the diagnostics it expects, at their line and column", "[load][bad]") {
    for (const auto& f : fixtures()) {
        const auto want = expectations(f);
        const auto r = load::load_scenario_file(f);
        const auto got = actual(r);
        INFO("fixture " << f.filename().string() << "\n" << test::dump(r));
        CHECK(got == want);
        const bool expects_error =
            std::any_of(want.begin(), want.end(), [](const expectation& e) { return e.code.front() == 'E'; });
        CHECK(r.scenario.has_value() == !expects_error);
    }
}

TEST_CASE("A file with several errors reports all of them in one run, sorted by position", "[load][bad]") {
    const auto r = load::load_scenario_file(test::data_dir() / "bad/many_errors.yaml");
    INFO(test::dump(r));
    CHECK_FALSE(r.scenario.has_value());
    CHECK(r.diags.error_count() == 6);
    const auto& items = r.diags.items();
    CHECK(std::is_sorted(items.begin(), items.end(), [](const auto& a, const auto& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    }));
    CHECK(test::codes(r) == std::vector<std::string>{"E-NUMBER", "E-REF-PATTERN", "E-NUMBER", "E-DATE",
                                                     "E-KEY-UNKNOWN", "E-ENUM"});
}

TEST_CASE("Diagnostics carry the node path and a did-you-mean", "[load][bad]") {
    const auto r = load::load_scenario_file(test::data_dir() / "bad/ref_unit.yaml");
    REQUIRE(r.diags.items().size() == 1);
    const auto& d = r.diags.items()[0];
    CHECK(d.path == "employees[0].unit");
    CHECK(d.message == "unknown unit 'bpkda' (did you mean 'bpkad'?)");
    const std::string text = load::format(d);
    CHECK(text.find("ref_unit.yaml:12:50: error: unknown unit 'bpkda' (did you mean 'bpkad'?) [E-REF-UNIT] at "
                    "employees[0].unit") != std::string::npos);
}

TEST_CASE("A bad employees CSV reports each problem at its CSV line and column", "[load][bad][csv]") {
    const auto r = load::load_scenario_file(test::data_dir() / "bad/csv_bad_rows.yaml");
    INFO(test::dump(r));
    CHECK_FALSE(r.scenario.has_value());
    std::vector<std::string> where;
    for (const auto& d : r.diags.items()) {
        CHECK(std::filesystem::path{d.file}.filename() == "csv_bad_rows.csv");
        where.push_back(d.code + " " + std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.path);
    }
    CHECK(where == std::vector<std::string>{"E-ENUM 3:41 status", "E-DATE 4:43 leave", "E-REF-UNIT 5:33 unit",
                                            "E-CSV-SYNTAX 6:20 "});
}
