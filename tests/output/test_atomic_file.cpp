// The one single-file writer (io/atomic_file.hpp): readers see the old file or
// the new one, a file never committed leaves nothing behind, and a failure
// names the file with errc::io.
#include <catch2/catch.hpp>
#include <fstream>
#include <jadwal/io/atomic_file.hpp>
#include <jadwal/model/error.hpp>
#include <sstream>
#include <string>

#include "../support/temp_dir.hpp"

namespace {

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t entries(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a file written atomically replaces the old one and leaves no temporary", "[atomic]") {
    jadwal::test::temp_dir dir;
    const auto file = dir.path() / "solution.json";
    jadwal::io::write_file_atomically(file, "old\n");
    jadwal::io::write_file_atomically(file, "new\n");
    CHECK(read_all(file) == "new\n");
    CHECK(entries(dir.path()) == 1);
}

TEST_CASE("a staged file is not in place until committed, and gone if never committed", "[atomic]") {
    jadwal::test::temp_dir dir;
    const auto file = dir.path() / "scenario.yaml";
    jadwal::io::write_file_atomically(file, "before\n");
    {
        jadwal::io::staged_file staged(file, "after\n");
        CHECK(read_all(file) == "before\n");
        CHECK(entries(dir.path()) == 2);  // the target and the staged temporary
    }
    CHECK(read_all(file) == "before\n");
    CHECK(entries(dir.path()) == 1);
    jadwal::io::staged_file staged(file, "after\n");
    staged.commit();
    CHECK(read_all(file) == "after\n");
    CHECK(entries(dir.path()) == 1);
}

TEST_CASE("a file that cannot be written is an io error that names it", "[atomic]") {
    jadwal::test::temp_dir dir;
    const auto file = dir.path() / "missing-folder" / "plan.json";
    try {
        jadwal::io::write_file_atomically(file, "x");
        FAIL("wrote into a folder that does not exist");
    } catch (const jadwal::error& e) {
        CHECK(e.code() == jadwal::errc::io);
        CHECK(std::string(e.what()).find("missing-folder") != std::string::npos);
    }
    CHECK(entries(dir.path()) == 0);
}
