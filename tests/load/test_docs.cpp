// The documentation keeps up with the loader: every diagnostic code has a row
// in docs/errors.md, and every top-level section is described in docs/format.md.
#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace {

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("Every diagnostic code the loader can emit is documented in docs/errors.md", "[load][docs]") {
    const std::string codes = read(jadwal::test::source_dir() / "src/load/codes.hpp");
    const std::string doc = read(jadwal::test::source_dir() / "docs/errors.md");
    REQUIRE_FALSE(codes.empty());
    REQUIRE_FALSE(doc.empty());
    const std::regex literal{R"re("([EWN]-[A-Z0-9-]+)")re"};
    std::set<std::string> seen;
    for (auto it = std::sregex_iterator(codes.begin(), codes.end(), literal); it != std::sregex_iterator(); ++it) {
        const std::string code = (*it)[1];
        INFO(code);
        CHECK(seen.insert(code).second);  // no two constants share a code
        CHECK(doc.find("| `" + code + "` |") != std::string::npos);
    }
    CHECK(seen.size() >= 60);
}

TEST_CASE("Every top-level section is described in docs/format.md", "[load][docs]") {
    const std::string doc = read(jadwal::test::source_dir() / "docs/format.md");
    for (const char* section : {"jadwal", "scenario", "holidays", "seasons", "work_patterns", "locations",
                                "duty_templates", "units", "employees", "venues", "platforms", "instructors",
                                "programs", "demand", "policies", "budget", "attendance", "history"}) {
        INFO(section);
        CHECK(doc.find(std::string{"## `"} + section + "`") != std::string::npos);
    }
}
