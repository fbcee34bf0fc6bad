#include "commands.hpp"
#include "print_diagnostics.hpp"

#include <fmt/format.h>

#include <memory>

namespace jadwal::cli {

action add_check(CLI::App& app) {
    auto* cmd = app.add_subcommand("check", "Validate a scenario and print every diagnostic");
    auto path = std::make_shared<std::string>();
    auto opts = std::make_shared<load::load_options>();
    cmd->add_option("scenario", *path, "Scenario file (YAML)")->required();
    add_load_options(*cmd, *opts);
    return [path, opts]() {
        const auto result = load_and_report(*path, *opts);
        const auto errors = result.diags.error_count();
        const auto warnings = result.diags.warning_count();
        if (!result.scenario) {
            fmt::print("{}: {} error(s), {} warning(s)\n", load::printable(*path), errors, warnings);
            return failure_code(result.diags);
        }
        const auto& s = *result.scenario;
        fmt::print("{}: {} employees, {} units, {} programmes, {} demand items, {} policies; "
                   "{} error(s), {} warning(s)\n",
                   load::printable(*path), s.employees.size(), s.units.size(), s.programs.size(), s.demand.size(),
                   s.policies.size(), errors, warnings);
        return static_cast<int>(success);
    };
}

}  // namespace jadwal::cli
