// The generator and the loader agree: a generated scenario is a valid scenario.
#include <jadwal/generate/batanghari.hpp>
#include <jadwal/load/load_scenario.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

using namespace jadwal;

TEST_CASE("generated scenario loads without errors", "[generate]") {
    generate::test::temp_dir dir;
    generate::batanghari_options opts;  // 7,200 employees, seed 1, 2026
    const auto files = generate::write_batanghari(dir.path() / "batanghari.yaml", opts);
    REQUIRE_FALSE(files.employees.empty());

    const auto result = load::load_scenario_file(files.scenario);
    for (const auto& d : result.diags.items())
        if (d.level != load::severity::error) WARN(load::format(d));
    std::string errors;
    for (const auto& d : result.diags.items())
        if (d.level == load::severity::error) errors += load::format(d) + "\n";
    INFO(errors);
    CHECK(result.diags.error_count() == 0);
    REQUIRE(result.scenario.has_value());
    CHECK(result.scenario->employees.size() == 7200);
    CHECK(result.scenario->units.size() == static_cast<std::size_t>(files.summary.units));
    // The loader resolves the demand filters to the same people the generator meant.
    CHECK(static_cast<long long>(result.scenario->demand.size()) == files.summary.demand_items);
    CHECK(result.scenario->programs.size() == static_cast<std::size_t>(files.summary.programs));
}
