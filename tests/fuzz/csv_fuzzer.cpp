// libFuzzer entry for the employees CSV path: the input is written as the CSV
// of a fixed scenario and loaded. Any bytes must give diagnostics, not a crash.
#include <jadwal/load/load_scenario.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace {

const std::filesystem::path& dir() {
    static const std::filesystem::path d = [] {
        auto p = std::filesystem::temp_directory_path() / ("jadwal-csv-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(p);
        return p;
    }();
    return d;
}

constexpr std::string_view scenario = R"(jadwal: 1
scenario: {name: fuzz, from: 2026-01-05, to: 2026-12-18}
holidays: [id-2026]
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
  ward: {rotation: {cycle: [P, S, off], shifts: {P: 07:00-14:00, S: 14:00-21:00}}}
duty_templates:
  apel: {rrule: "FREQ=WEEKLY;BYDAY=MO", time: 07:30-08:00}
units:
  - {id: bpkad, pattern: office}
  - {id: igd, pattern: ward, min_on_duty: {P: 1}}
employees: {csv: staff.csv}
programs:
  - {id: p1, modules: [{id: m1, jp: 2}], modes: [{mode: self_paced}]}
demand:
  - {program: p1, where: {}}
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::FILE* f = std::fopen((dir() / "staff.csv").c_str(), "wb");
    if (f == nullptr) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
    std::fclose(f);
    jadwal::load::load_options opts;
    opts.base_dir = dir();
    const auto r = jadwal::load::load_scenario_text(scenario, "fuzz.yaml", opts);
    if (r.scenario.has_value() == r.diags.has_errors()) std::abort();
    for (const auto& d : r.diags.items()) {
        if (d.code == "E-INTERNAL") std::abort();  // an exception escaped a reader: a bug
        (void)jadwal::load::format(d);
    }
    if (r.scenario)
        for (const auto& e : r.scenario->employees)
            if (!e.unit.valid() || e.unit.value >= r.scenario->units.size()) std::abort();
    return 0;
}
