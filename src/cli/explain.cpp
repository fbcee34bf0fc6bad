// `jadwal explain`: one person's plan in words: what they were given and when,
// how much of it lands in their working time, and for every demand left unmet
// why (reason codes and sentences) and what it would take (alternatives with
// their cost).
#include "commands.hpp"
#include "print_diagnostics.hpp"
#include "solution_file.hpp"

#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/io/explanation_json.hpp>
#include <jadwal/solve/explain.hpp>
#include <jadwal/solve/solver.hpp>

#include <date/tz.h>
#include <fmt/format.h>

#include <memory>

namespace jadwal::cli {
namespace {

using load::printable;

std::string local_span(const date::time_zone& z, calendar::instant a, calendar::instant b) {
    return date::format("%a %d %b %Y %H:%M", date::make_zoned(&z, a)) +
           date::format("\u2013%H:%M", date::make_zoned(&z, b));
}

std::string status_name(model::employment_status s) { return s == model::employment_status::pppk ? "PPPK" : "PNS"; }

void print_text(const model::scenario& s, const solve::employee_explanation& x) {
    const auto& e = s.employees[x.employee.value];
    const auto& unit = s.units[e.unit.value];
    const auto& zone = s.zone_of(e);
    fmt::print("{} ({}), {}, {}\n", printable(e.name.empty() ? e.id : e.name), printable(e.id),
               printable(unit.name.empty() ? unit.id : unit.name), status_name(e.status));
    std::string jp = fmt::format("{} JP planned", x.placed_jp);
    if (x.jp_target > 0)
        jp += x.placed_jp >= x.jp_target ? fmt::format(", target of {} JP met", x.jp_target)
                                         : fmt::format(", {} short of the target of {} JP", x.jp_target - x.placed_jp,
                                                       x.jp_target);
    if (x.jp_cap) jp += fmt::format(", cap {} JP", *x.jp_cap);
    fmt::print("{}\n", jp);
    for (const auto& n : x.notes) fmt::print("note: {}\n", printable(n));

    fmt::print("\nPlanned training ({} item{}):\n", x.trainings.size(), x.trainings.size() == 1 ? "" : "s");
    if (x.trainings.empty()) fmt::print("  none\n");
    std::int64_t work = 0, after = 0;
    for (const auto& t : x.trainings) {
        const auto& prog = s.programs[t.program.value];
        fmt::print("  {:<32} {:<12} {:<18} {:<8} {:>4} min at work, {:>4} after hours\n",
                   local_span(zone, t.start, t.end), model::to_string(t.mode),
                   t.cohort.empty() ? std::string(t.recording ? "(recording)" : t.top_up ? "(top-up study)" : "(study block)")
                                    : printable(t.cohort),
                   printable(prog.modules[t.module].id),
                   t.working_minutes, t.after_hours_minutes);
        work += t.working_minutes;
        after += t.after_hours_minutes;
    }
    if (!x.trainings.empty()) fmt::print("  in all: {} min in working time, {} min after hours\n", work, after);

    fmt::print("\nNot placed ({}):\n", x.unplaced.size());
    if (x.unplaced.empty()) fmt::print("  nothing: every demand of this person is placed\n");
    for (const auto& u : x.unplaced) {
        const auto& prog = s.programs[u.program.value];
        fmt::print("  {} ({}, {} JP)\n", printable(prog.id), printable(prog.title), prog.jp);
        for (const auto& r : u.reasons) fmt::print("    {:<20} {}\n", printable(r.code), printable(r.message));
        if (u.alternatives.empty()) {
            fmt::print("    no alternative found by relaxing one or two rules\n");
            continue;
        }
        fmt::print("    alternatives:\n");
        for (std::size_t i = 0; i < u.alternatives.size(); ++i)
            fmt::print("      {}. {} [burden +{:.0f}]\n", i + 1, printable(u.alternatives[i].description),
                       u.alternatives[i].cost);
    }
}

}  // namespace

action add_explain(CLI::App& app) {
    auto* cmd = app.add_subcommand("explain", "Explain one employee's plan: what, when, and why not");
    struct args {
        std::string scenario, solution, employee, program, format = "text";
        load::load_options load;
    };
    auto a = std::make_shared<args>();
    cmd->add_option("scenario", a->scenario, "Scenario file (YAML)")->required();
    cmd->add_option("solution", a->solution, "Solution file (solution.json)")->required();
    cmd->add_option("--employee", a->employee, "Employee id (NIP)")->required();
    cmd->add_option("--program", a->program, "Only this programme");
    cmd->add_option("--format", a->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    add_load_options(*cmd, a->load);
    return [a]() {
        const auto loaded = load_and_report(a->scenario, a->load);
        if (!loaded.scenario) return failure_code(loaded.diags);
        const auto& s = *loaded.scenario;
        const auto e = s.find_employee(a->employee);
        if (!e) {
            fmt::print(stderr, "jadwal explain: no employee '{}' in {}\n", printable(a->employee),
                       printable(a->scenario));
            return static_cast<int>(usage_error);
        }
        std::optional<model::program_index> program;
        if (!a->program.empty()) {
            program = s.find_program(a->program);
            if (!program) {
                fmt::print(stderr, "jadwal explain: no programme '{}' in {}\n", printable(a->program),
                           printable(a->scenario));
                return static_cast<int>(usage_error);
            }
        }
        int failed = 0;
        const auto sol = read_solution_reporting(s, a->solution, failed);
        if (!sol) return failed;
        solve::employee_explanation x;
        try {
            x = solve::explain_employee(s, *sol, *e, program);
        } catch (const solve::solve_error& err) {
            fmt::print(stderr, "{}: error: {}\n", printable(a->solution), printable(err.what()));
            return static_cast<int>(input_error);
        }
        if (a->format == "json") fmt::print("{}\n", io::explanation_to_json(s, x));
        else print_text(s, x);
        return static_cast<int>(success);
    };
}

}  // namespace jadwal::cli
