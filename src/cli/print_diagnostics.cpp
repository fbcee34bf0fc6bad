#include "print_diagnostics.hpp"

#include "commands.hpp"

#include <fmt/format.h>

namespace jadwal::cli {

void add_load_options(CLI::App& cmd, load::load_options& opts) {
    cmd.add_flag("--confine-files", opts.confine_to_scenario_dir,
                 "Refuse files the scenario names (an employees CSV) outside the scenario's folder, symbolic links "
                 "followed (E-FILE-OUTSIDE): for scenarios from people who should not read this machine's files");
}

int failure_code(const load::diagnostics& diags) {
    return diags.has_io_failure() ? static_cast<int>(io_error) : static_cast<int>(input_error);
}

load::load_result load_and_report(const run_context& ctx, const std::string& path, const load::load_options& opts) {
    auto result = load::load_scenario_file(path, opts);
    // The scenario's locale counts even when it failed to load: its author
    // reads the diagnostics (load_result::locale is kept for that).
    const auto lang = ctx.asked ? *ctx.asked : result.locale ? *result.locale : ctx.language();
    for (const auto& d : result.diags.items()) fmt::print(stderr, "{}\n", load::format(d, lang));
    return result;
}

}  // namespace jadwal::cli
