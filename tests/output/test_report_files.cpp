// Writes the outputs of the bundled example and of the hostile-name scenario
// for tests/output/check_report.py, which opens each report.html in headless
// Chromium. Hidden: CTest runs it through that script, with
// JADWAL_REPORT_DIR naming the directory to write into.
#include <jadwal/output/csv.hpp>
#include <jadwal/output/report.hpp>

#include <cstdlib>
#include <filesystem>

#include "output_fixtures.hpp"

using namespace jadwal;
using namespace jadwal::test;

TEST_CASE("write the example and hostile reports for the browser check", "[.write-reports]") {
    const char* dir = std::getenv("JADWAL_REPORT_DIR");
    REQUIRE(dir != nullptr);
    const std::filesystem::path root{dir};
    for (const auto& [name, plan, baseline] : {std::tuple{"example", &example_plan(), &example_baseline()},
                                               std::tuple{"hostile", &hostile_plan(), &hostile_plan()}}) {
        const auto checked = verify::verify(*plan->scenario, plan->plan, *plan->policy);
        output::report_options o;
        o.checked = &checked;
        o.baseline = &baseline->plan;
        output::write_outputs(root / name, {output::html_report(*plan->scenario, plan->plan, *plan->policy, o),
                                            output::schedule_csv(*plan->scenario, plan->plan),
                                            output::siasn_courses_csv(*plan->scenario, plan->plan)});
        CHECK(std::filesystem::file_size(root / name / "report.html") > 0);
    }
}
