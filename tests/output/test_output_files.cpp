// Publishing a set of outputs: all of it replaces what was there, or none of it.
#include <jadwal/output/output_files.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using jadwal::output::output_files;
using jadwal::output::write_outputs;

namespace {

fs::path scratch(const std::string& name) {
    const fs::path p = fs::temp_directory_path() / ("jadwal-output-files-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(p);
    return p;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::size_t entries(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a new set of outputs replaces the old one, calendars directory included", "[output]") {
    const auto dir = scratch("replace");
    write_outputs(dir, {{"schedule.csv", "old\r\n"}, {"calendars/employees/a.ics", "A"}, {"calendars/employees/gone.ics", "G"}});
    write_outputs(dir, {{"schedule.csv", "new\r\n"}, {"calendars/employees/a.ics", "A2"}});
    CHECK(read(dir / "schedule.csv") == "new\r\n");
    CHECK(read(dir / "calendars/employees/a.ics") == "A2");
    // A calendar of the earlier run that the new plan does not have is gone with its directory.
    CHECK_FALSE(fs::exists(dir / "calendars/employees/gone.ics"));
    // Nothing of the staging is left behind.
    CHECK(entries(dir) == 2);
    fs::remove_all(dir);
}

TEST_CASE("entries the new set does not mention are left alone", "[output]") {
    const auto dir = scratch("alone");
    write_outputs(dir, {{"report.html", "r"}});
    write_outputs(dir, {{"schedule.csv", "s"}});
    CHECK(read(dir / "report.html") == "r");
    CHECK(read(dir / "schedule.csv") == "s");
    fs::remove_all(dir);
}

TEST_CASE("a set that cannot be published completely replaces nothing", "[output]") {
    const auto dir = scratch("fail");
    write_outputs(dir, {{"schedule.csv", "good\r\n"}});
    // A plain file sits where the calendars directory must go.
    { std::ofstream(dir / "calendars") << "in the way"; }
    CHECK_THROWS_WITH(write_outputs(dir, {{"schedule.csv", "new\r\n"}, {"calendars/a.ics", "A"}}),
                      Catch::Contains("nothing replaced") && Catch::Contains("in the way"));
    CHECK(read(dir / "schedule.csv") == "good\r\n");
    CHECK(read(dir / "calendars") == "in the way");
    CHECK(entries(dir) == 2);
    fs::remove_all(dir);
}

TEST_CASE("paths that leave the output directory are refused before anything is written", "[output]") {
    const auto dir = scratch("escape");
    for (const char* bad : {"../x.csv", "/tmp/x.csv", "a/../../x.csv"}) {
        INFO(bad);
        CHECK_THROWS_WITH(write_outputs(dir, {{"ok.csv", "1"}, {bad, "2"}}), Catch::Contains("nothing replaced"));
        CHECK_FALSE(fs::exists(dir / "ok.csv"));
    }
    fs::remove_all(dir);
}

TEST_CASE("many files are written in parallel and all arrive intact", "[output]") {
    const auto dir = scratch("many");
    output_files files;
    for (int i = 0; i < 2000; ++i)
        files.push_back({"calendars/employees/e" + std::to_string(i) + ".ics", std::string(100 + i % 37, 'x') + std::to_string(i)});
    write_outputs(dir, files);
    std::size_t n = 0;
    for (const auto& f : files) n += read(dir / f.relative) == f.content ? 1 : 0;
    CHECK(n == files.size());
    fs::remove_all(dir);
}
