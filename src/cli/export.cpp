// `jadwal export`: writes the published forms of a saved plan (calendars,
// CSVs, the HTML report, solution.json) without solving again.
#include "commands.hpp"
#include "outputs.hpp"
#include "print_diagnostics.hpp"
#include "solution_file.hpp"

#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>

#include <fmt/format.h>

#include <memory>

namespace jadwal::cli {

action add_export(CLI::App& app) {
    auto* cmd = app.add_subcommand("export", "Write calendars, CSVs and the HTML report of a saved plan");
    struct args {
        std::string scenario, solution, out, formats = "all", previous, baseline;
        load::load_options load;
        output_request request;  ///< the calendar options; formats are parsed later
        std::string reminders;   ///< --reminders as given
    };
    auto a = std::make_shared<args>();
    cmd->add_option("scenario", a->scenario, "Scenario file (YAML)")->required();
    cmd->add_option("solution", a->solution, "Solution file (solution.json)")->required();
    cmd->add_option("--out", a->out, "Directory to write into (created if missing)")->required();
    cmd->add_option("--format", a->formats, "all, or a comma-separated list of ics, csv, html, json")
        ->capture_default_str();
    cmd->add_option("--previous", a->previous,
                    "The plan this one replaces: calendars carry updates (SEQUENCE) and cancellations");
    cmd->add_option("--baseline", a->baseline, "Another plan of the same scenario to compare with in the report");
    add_calendar_options(*cmd, a->request, a->reminders);
    add_load_options(*cmd, a->load);
    return [a, cmd](const run_context& ctx) {
        const auto early = ctx.messages();
        output_request req = a->request;
        if (!parse_formats(a->formats, req)) {
            fmt::print(stderr, "jadwal export: {}\n",
                       early.format("--format '{}' is not 'all' or a list of json, csv, html, ics",
                                    load::printable(a->formats)));
            return static_cast<int>(usage_error);
        }
        if (const int rc = apply_output_options(early, "export", a->reminders, req); rc != success) return rc;
        const auto loaded = load_and_report(ctx, a->scenario, a->load);
        if (!loaded.scenario) return failure_code(loaded.diags);
        const auto& s = *loaded.scenario;
        apply_scenario_outputs(*cmd, s, req);
        const text::messages m = ctx.messages(s);
        req.language = m.lang();
        int failed = 0;
        auto sol = read_solution_reporting(s, a->solution, failed, m.lang());
        if (!sol) return failed;
        std::optional<solve::solution> previous, baseline;
        if (!a->previous.empty() && !(previous = read_solution_reporting(s, a->previous, failed, m.lang()))) return failed;
        if (!a->baseline.empty() && !(baseline = read_solution_reporting(s, a->baseline, failed, m.lang()))) return failed;
        // solution.json's figures are not read back: the plan's metrics and
        // objective are recomputed, as the C API and Python do, so the file
        // written says what the plan is (a re-plan's change costs need --previous).
        // The same check, in the report's language, is what report.html and
        // the at-risk list show: the plan is checked once.
        verify::report check;
        try {
            verify::options against;
            against.previous.plan = previous ? &*previous : nullptr;
            against.language = m.lang();
            check = verify::recompute_metrics(s, *sol, against);
            if (baseline) (void)verify::recompute_metrics(s, *baseline);
        } catch (const solve::solve_error& e) {
            fmt::print(stderr, "{}: error: {}\n", load::printable(a->solution), load::printable(e.what()));
            return static_cast<int>(input_error);
        }
        req.previous = previous ? &*previous : nullptr;
        req.baseline = baseline ? &*baseline : nullptr;
        if (const int rc = write_plan_outputs(m, s, *sol, a->out, req, &check); rc != success) return rc;
        fmt::print("{}\n", m.format("wrote {}", load::printable(a->out)));
        return static_cast<int>(success);
    };
}

}  // namespace jadwal::cli
