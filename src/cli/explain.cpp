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


std::string local_span(const text::messages& m, const date::time_zone& z, calendar::instant a, calendar::instant b) {
    if (m.lang() == text::language::en)
        return date::format("%a %d %b %Y %H:%M", date::make_zoned(&z, a)) +
               date::format("\u2013%H:%M", date::make_zoned(&z, b));
    return m.when(date::floor<calendar::minutes>(z.to_local(a)), date::floor<calendar::minutes>(z.to_local(b)));
}

std::string status_name(model::employment_status s) { return s == model::employment_status::pppk ? "PPPK" : "PNS"; }

/// `text` left-aligned in `width` columns (code points, not bytes).
std::string pad(std::string text, std::size_t width) {
    std::size_t w = 0;
    for (const char c : text) w += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (w < width) text.append(width - w, ' ');
    return text;
}

void print_text(const text::messages& m, const model::scenario& s, const solve::employee_explanation& x) {
    const auto& e = s.employees[x.employee.value];
    const auto& unit = s.units[e.unit.value];
    const auto& zone = s.zone_of(e);
    fmt::print("{} ({}), {}, {}\n", printable(e.name.empty() ? e.id : e.name), printable(e.id),
               printable(unit.name.empty() ? unit.id : unit.name), status_name(e.status));
    std::string jp = m.format("{} JP planned", x.placed_jp);
    // JP earned this year (the training history) count toward the target and the cap.
    if (x.jp_earned > 0) jp += m.format(", earned {} JP this year (history)", x.jp_earned);
    const int total = x.jp_earned + x.placed_jp;
    if (x.jp_target > 0)
        jp += total >= x.jp_target ? m.format(", target of {} JP met", x.jp_target)
                                   : m.format(", {} short of the target of {} JP", x.jp_target - total, x.jp_target);
    if (x.jp_cap) jp += m.format(", cap {} JP", *x.jp_cap);
    fmt::print("{}\n", jp);
    std::string completed;  // demand the history shows done (dropped by the loader)
    for (const auto& c : s.completed)
        if (c.demand.employee == x.employee && c.demand.program.valid() && c.demand.program.value < s.programs.size())
            completed += (completed.empty() ? "" : ", ") + printable(s.programs[c.demand.program.value].id);
    if (!completed.empty())
        fmt::print("{}\n", m.format("completed before the plan (history), demand dropped: {}", completed));
    for (const auto& n : x.notes) fmt::print("{}\n", m.format("note: {}", printable(n)));

    const auto items = static_cast<std::int64_t>(x.trainings.size());
    fmt::print("\n{}\n", m.plural("Planned training ({} item):", "Planned training ({} items):", items, count(m, items)));
    if (x.trainings.empty()) fmt::print("  {}\n", m.tr_in("cli", "none"));
    std::int64_t work = 0, after = 0;
    for (const auto& t : x.trainings) {
        const auto& prog = s.programs[t.program.value];
        const std::string what = t.cohort.empty() ? std::string(t.recording ? m.tr("(recording)")
                                                                : t.top_up  ? m.tr("(top-up study)")
                                                                            : m.tr("(study block)"))
                                                  : printable(t.cohort);
        fmt::print("  {:<32} {} {} {:<8} {}\n", local_span(m, zone, t.start, t.end), pad(solve::mode_label(m, t.mode), 12),
                   pad(what, 18), printable(prog.modules[t.module].id),
                   m.format("{:>4} min at work, {:>4} after hours", t.working_minutes, t.after_hours_minutes));
        work += t.working_minutes;
        after += t.after_hours_minutes;
    }
    if (!x.trainings.empty())
        fmt::print("  {}\n", m.format("in all: {} min in working time, {} min after hours", count(m, work),
                                      count(m, after)));

    fmt::print("\n{}\n", m.format("Not placed ({}):", count(m, static_cast<std::int64_t>(x.unplaced.size()))));
    if (x.unplaced.empty()) fmt::print("  {}\n", m.tr("nothing: every demand of this person is placed"));
    for (const auto& u : x.unplaced) {
        const auto& prog = s.programs[u.program.value];
        fmt::print("  {} ({}, {} JP)\n", printable(prog.id), printable(prog.title), prog.jp);
        for (const auto& r : u.reasons) fmt::print("    {:<20} {}\n", printable(r.code), printable(r.message));
        if (u.alternatives.empty()) {
            fmt::print("    {}\n", m.tr("no alternative found by relaxing one or two rules"));
            continue;
        }
        fmt::print("    {}\n", m.tr("alternatives:"));
        for (std::size_t i = 0; i < u.alternatives.size(); ++i)
            fmt::print("      {}. {} {}\n", i + 1, printable(u.alternatives[i].description),
                       m.format("[burden +{}]", figure(m, u.alternatives[i].cost, 0)));
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
    return [a](const run_context& ctx) {
        const auto loaded = load_and_report(ctx, a->scenario, a->load);
        if (!loaded.scenario) return failure_code(loaded.diags);
        const auto& s = *loaded.scenario;
        const text::messages m = ctx.messages(s);
        const auto e = s.find_employee(a->employee);
        if (!e) {
            fmt::print(stderr, "jadwal explain: {}\n",
                       m.format("no employee '{}' in {}", printable(a->employee), printable(a->scenario)));
            return static_cast<int>(usage_error);
        }
        std::optional<model::program_index> program;
        if (!a->program.empty()) {
            program = s.find_program(a->program);
            if (!program) {
                fmt::print(stderr, "jadwal explain: {}\n",
                           m.format("no programme '{}' in {}", printable(a->program), printable(a->scenario)));
                return static_cast<int>(usage_error);
            }
        }
        int failed = 0;
        const auto sol = read_solution_reporting(s, a->solution, failed, m.lang());
        if (!sol) return failed;
        solve::employee_explanation x;
        try {
            x = solve::explain_employee(s, *sol, *e, program, m.lang());
        } catch (const solve::solve_error& err) {
            fmt::print(stderr, "{}: error: {}\n", printable(a->solution), printable(err.what()));
            return static_cast<int>(input_error);
        }
        if (a->format == "json") fmt::print("{}\n", io::explanation_to_json(s, x));
        else print_text(m, s, x);
        return static_cast<int>(success);
    };
}

}  // namespace jadwal::cli
