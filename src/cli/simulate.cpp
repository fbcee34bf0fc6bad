// `jadwal simulate` and `jadwal attendance fit`: expected attendance of a plan
// under the scenario's attendance model, and calibrating that model from
// records of past attendance (docs/attendance.md).
#include "commands.hpp"
#include "print_diagnostics.hpp"
#include "solution_file.hpp"

#include <jadwal/compare/at_risk.hpp>
#include <jadwal/compare/attendance.hpp>
#include <jadwal/compare/records.hpp>
#include <jadwal/io/atomic_file.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace jadwal::cli {
namespace {

struct simulate_args {
    std::string scenario;
    std::string solution;
    int runs = 200;
    std::uint64_t seed = 1;
    std::string format = "text";
    std::string records;
    double at_risk_below = 0.5;
    load::load_options load;
};

struct records_args {
    std::string scenario;
    std::string solution;
    std::string before;
    std::uint64_t seed = 1;
    std::string out;
    load::load_options load;
};

struct fit_args {
    std::string records;
    std::string scenario;
    std::string solution;
    load::load_options load;
};

/// A scenario and what a plan of it asks of people; nothing (the problems
/// printed) when either file does not read.
struct plan_exposure {
    load::load_result loaded;
    model::solution sol;
    compare::exposure x;
    [[nodiscard]] const model::scenario& scenario() const { return *loaded.scenario; }
};
std::optional<plan_exposure> read_plan_exposure(const run_context& ctx, const std::string& scenario,
                                                const std::string& solution, const load::load_options& opts,
                                                int& failure) {
    auto loaded = load_and_report(ctx, scenario, opts);
    if (!loaded.scenario) {
        failure = failure_code(loaded.diags);
        return std::nullopt;
    }
    const auto sol = read_solution_reporting(*loaded.scenario, solution, failure, ctx.language(*loaded.scenario));
    if (!sol) return std::nullopt;
    auto x = compare::compute_exposure(*loaded.scenario, *sol);
    return plan_exposure{std::move(loaded), std::move(*sol), std::move(x)};
}

/// The records file read and matched to the plan; nothing (the problems
/// printed) when it does not read.
std::optional<std::vector<compare::attendance_record>> read_records(const std::string& file, const text::messages& m,
                                                                    int& failure) {
    const auto text = read_input_reporting(file, m.tr("the records file"), failure, m.lang());
    if (!text) return std::nullopt;
    std::vector<std::string> errors;
    auto records = compare::parse_attendance_records(*text, file, errors, m);
    for (const auto& e : errors) fmt::print(stderr, "{}\n", load::printable(e));
    if (!errors.empty()) {
        failure = static_cast<int>(input_error);
        return std::nullopt;
    }
    return records;
}

/// A share as the summaries print it: "12.5%" in English, the catalogue's form otherwise.
std::string percent_text(const text::messages& m, double ratio) {
    return m.lang() == text::language::en ? fmt::format("{:.1f}%", 100 * ratio) : m.percent(ratio, 1);
}

/// Code points in UTF-8 `text`.
std::size_t width_of(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

/// Pads `text` with spaces to `width` code points (left-aligned).
std::string padded(std::string_view text, std::size_t width) {
    std::string out(text);
    if (const auto n = width_of(out); n < width) out.append(width - n, ' ');
    return out;
}

/// `text` right-aligned in `width` code points.
std::string right(std::string_view text, std::size_t width) {
    const auto n = width_of(text);
    std::string out(n < width ? width - n : 0, ' ');
    out.append(text);
    return out;
}

void print_outlook(const text::messages& m, std::span<const compare::jp_outlook_group> groups, double threshold) {
    fmt::print("\n{}\n\n", m.format("JP outlook by staff group (per person with a JP target; at risk: probability "
                                     "below {})",
                                     figure(m, threshold, 2)));
    const std::array<std::string_view, model::staff_group_count> labels{m.tr("office staff"), m.tr("teachers"),
                                                                        m.tr("shift staff"), m.tr("other staff")};
    // Rows of cells, the header first; each column as wide as its widest cell.
    std::vector<std::array<std::string, 7>> rows;
    rows.push_back({std::string(m.tr("staff group")), std::string(m.tr("people")), std::string(m.tr("earned")),
                    std::string(m.tr("planned")), std::string(m.tr("expected")), std::string(m.tr("reaching")),
                    std::string(m.tr("at risk"))});
    for (const auto& g : groups) {
        const double n = g.people > 0 ? static_cast<double>(g.people) : 1.0;
        rows.push_back({std::string(g.group ? labels[static_cast<std::size_t>(*g.group)] : m.tr("all")),
                        count(m, g.people), figure(m, static_cast<double>(g.jp_earned) / n, 1),
                        figure(m, static_cast<double>(g.jp_planned) / n, 1), figure(m, g.expected_jp / n, 1),
                        percent_text(m, g.expected_reaching / n), count(m, g.at_risk)});
    }
    std::array<std::size_t, 7> width{};
    for (const auto& r : rows)
        for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max({width[c], width_of(r[c]), std::size_t{8}});
    for (const auto& r : rows) {
        fmt::print("  {}", padded(r[0], width[0]));
        for (std::size_t c = 1; c < r.size(); ++c) fmt::print(" {}", right(r[c], width[c]));
        fmt::print("\n");
    }
}

void print_summary(const text::messages& m, const compare::attendance_summary& r) {
    const auto row = [](std::string_view name, const std::string& value) {
        fmt::print("  {} {:>12}\n", padded(name, 40), value);
    };
    fmt::print("{}\n\n", m.format("expected attendance over {} runs (seed {})", count(m, r.runs), r.seed));
    row(m.tr("placed programmes"), count(m, r.enrolments));
    row(m.tr("live seats"), count(m, r.live_seats));
    row(m.tr("expected live-seat attendance"), percent_text(m, r.expected_seat_attendance));
    row(m.tr("expected completions (exact)"), figure(m, r.expected_completions, 1));
    row(m.tr("completions: mean"), figure(m, r.completions.mean, 1));
    row(m.tr("completions: standard deviation"), figure(m, r.completions.stddev, 1));
    row(m.tr("completions: 5th-95th percentile"),
        fmt::format("{}-{}", figure(m, r.completions.p05, 0), figure(m, r.completions.p95, 0)));
    row(m.tr("employees with a JP target"), count(m, r.jp_target_employees));
    row(m.tr("share reaching the JP target: mean"), percent_text(m, r.jp_target_share.mean));
    row(m.tr("... standard deviation"), percent_text(m, r.jp_target_share.stddev));
    row(m.tr("... 5th-95th percentile"),
        fmt::format("{}-{}", percent_text(m, r.jp_target_share.p05), percent_text(m, r.jp_target_share.p95)));
}

}  // namespace

action add_simulate(CLI::App& app) {
    auto* cmd = app.add_subcommand("simulate", "Expected attendance of a plan under the scenario's attendance model");
    auto a = std::make_shared<simulate_args>();
    cmd->add_option("scenario", a->scenario, "Scenario file (YAML)")->required();
    cmd->add_option("solution", a->solution, "The plan (solution.json)")->required();
    cmd->add_option("--runs", a->runs, "Simulation runs")->check(CLI::Range(1, 1000000))->capture_default_str();
    cmd->add_option("--seed", a->seed, "Random seed")->capture_default_str();
    cmd->add_option("--format", a->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    cmd->add_option("--records", a->records,
                    "Attendance records of the plan's past (CSV, docs/attendance.md): what they tell is certain, "
                    "the rest is drawn");
    cmd->add_option("--at-risk-below", a->at_risk_below, "The probability of reaching the JP target below which a person is at risk")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    add_load_options(*cmd, a->load);
    return [a](const run_context& ctx) {
        int failed = 0;
        const auto plan = read_plan_exposure(ctx, a->scenario, a->solution, a->load, failed);
        if (!plan) return failed;
        const auto& s = plan->scenario();
        const text::messages m = ctx.messages(s);
        std::optional<compare::known_outcomes> known;
        if (!a->records.empty()) {
            const auto records = read_records(a->records, m, failed);
            if (!records) return failed;
            known = compare::match_records(s, plan->x, *records);
        }
        const compare::known_outcomes* told = known ? &*known : nullptr;
        const auto r = compare::simulate_attendance(plan->x, s.attendance, {a->runs, a->seed, told});
        const auto prospects = compare::jp_prospects(s, plan->x, s.attendance, told);
        const auto outlook = compare::jp_outlook(s, prospects, a->at_risk_below);
        if (a->format == "json") {
            const auto sp = [](const compare::spread& v) {
                return nlohmann::json{{"mean", v.mean}, {"stddev", v.stddev}, {"p05", v.p05}, {"p95", v.p95}};
            };
            nlohmann::json doc{{"runs", r.runs},
                                     {"seed", r.seed},
                                     {"enrolments", r.enrolments},
                                     {"live_seats", r.live_seats},
                                     {"expected_seat_attendance", r.expected_seat_attendance},
                                     {"expected_completions", r.expected_completions},
                                     {"completions", sp(r.completions)},
                                     {"jp_target_employees", r.jp_target_employees},
                                     {"jp_target_share", sp(r.jp_target_share)}};
            if (known) {
                doc["records_matched"] = known->matched;
                doc["records_unmatched"] = known->unmatched;
            }
            auto& rows = doc["jp_outlook"] = nlohmann::json::array();
            for (const auto& g : outlook)
                rows.push_back({{"staff_group", g.group ? nlohmann::json(model::to_string(*g.group)) : nlohmann::json()},
                                {"people", g.people},
                                {"jp_earned", g.jp_earned},
                                {"jp_planned", g.jp_planned},
                                {"expected_jp", g.expected_jp},
                                {"expected_reaching", g.expected_reaching},
                                {"at_risk", g.at_risk}});
            fmt::print("{}\n", doc.dump(2));
        } else {
            print_summary(m, r);
            if (known)
                fmt::print("\n{}\n", m.format("{} records tell what happened ({} name nothing of the plan)",
                                              count(m, known->matched), count(m, known->unmatched)));
            print_outlook(m, outlook, a->at_risk_below);
        }
        return static_cast<int>(success);
    };
}

namespace {

/// `attendance simulate`: records of the plan's past drawn from the model.
int run_records_simulation(const run_context& ctx, const records_args& a) {
    int failed = 0;
    const auto plan = read_plan_exposure(ctx, a.scenario, a.solution, a.load, failed);
    if (!plan) return failed;
    const auto& s = plan->scenario();
    const text::messages m = ctx.messages(s);
    const auto before = parse_replan_from(s, a.before);
    if (!before) {
        fmt::print(stderr, "jadwal attendance simulate: {}\n",
                   m.format("--before '{}' is not a date (YYYY-MM-DD) or an ISO 8601 instant with offset",
                            load::printable(a.before)));
        return static_cast<int>(usage_error);
    }
    const auto records = compare::simulate_records(s, plan->sol, plan->x,
                                                   s.attendance, *before, a.seed);
    const auto csv = compare::attendance_records_csv(s, records);
    if (a.out.empty()) {
        fmt::print("{}", csv);
        return static_cast<int>(success);
    }
    try {
        io::write_file_atomically(a.out, csv);
    } catch (const std::exception& e) {
        fmt::print(stderr, "{}: error: {}\n", load::printable(a.out), e.what());
        return static_cast<int>(io_error);
    }
    const auto attended = std::count_if(records.begin(), records.end(), [](const auto& r) { return r.attended; });
    fmt::print("{}\n", m.format("{} records written to {} ({} attended or completed, seed {})",
                                count(m, static_cast<std::int64_t>(records.size())), load::printable(a.out),
                                count(m, static_cast<std::int64_t>(attended)), a.seed));
    return static_cast<int>(success);
}

}  // namespace

action add_attendance(CLI::App& app) {
    auto* cmd = app.add_subcommand("attendance", "Calibrate the attendance model, or draw records from it");
    cmd->require_subcommand(1);
    auto* fit = cmd->add_subcommand(
        "fit", "Fit the attendance parameters to past attendance records; prints an attendance: section");
    auto a = std::make_shared<fit_args>();
    fit->add_option("records", a->records, "CSV with columns nip, program, module, start (empty for a self-paced module), attended")->required();
    fit->add_option("scenario", a->scenario, "Scenario file (YAML)")->required();
    fit->add_option("solution", a->solution, "The plan the records are about (solution.json)")->required();
    add_load_options(*fit, a->load);

    auto* sim = cmd->add_subcommand(
        "simulate", "Attendance records of a plan's past drawn from the scenario's attendance model (CSV)");
    auto sim_args = std::make_shared<records_args>();
    sim->add_option("scenario", sim_args->scenario, "Scenario file (YAML)")->required();
    sim->add_option("solution", sim_args->solution, "The plan (solution.json)")->required();
    sim->add_option("--before", sim_args->before,
                    "Records of the sessions starting before this day (YYYY-MM-DD, midnight in the scenario's zone) "
                    "or instant (ISO 8601 with offset), and of the self-paced modules finished by then")
        ->required();
    sim->add_option("--seed", sim_args->seed, "Random seed")->capture_default_str();
    sim->add_option("--out", sim_args->out, "Write the CSV to this file (atomically) instead of standard output");
    add_load_options(*sim, sim_args->load);

    return [a, sim_args, sim](const run_context& ctx) {
        if (sim->parsed()) return run_records_simulation(ctx, *sim_args);
        int failed = 0;
        const auto early = ctx.messages();
        const auto read = read_records(a->records, early, failed);
        if (!read) return failed;
        const auto& records = *read;

        const auto plan = read_plan_exposure(ctx, a->scenario, a->solution, a->load, failed);
        if (!plan) return failed;
        const auto& s = plan->scenario();
        const text::messages m = ctx.messages(s);
        const auto r = compare::fit_attendance(s, plan->x, records, s.attendance);
        if (r.records_used == 0) {
            fmt::print(stderr, "{}: error: {}\n", load::printable(a->records),
                       m.format("none of the {} records names a live session or self-paced module of the plan",
                                count(m, static_cast<std::int64_t>(records.size()))));
            return static_cast<int>(input_error);
        }
        std::vector<std::string> fitted, held;
        const auto note = [&](bool was_fitted, std::string_view name) {
            (was_fitted ? fitted : held).emplace_back(name);
        };
        note(r.fitted_live, "live_base");
        note(r.fitted_live, "working_time_penalty");
        note(r.fitted_overload, "overload_penalty");
        note(r.fitted_self_paced_min, "self_paced_min");
        note(r.fitted_self_paced_max, "self_paced_max");
        fmt::print("# {}\n", m.format("fitted by jadwal attendance fit from {} records: {} of live sessions, {} of "
                                      "self-paced modules ({} not matching the plan)",
                                      count(m, r.records_used), count(m, r.records_live),
                                      count(m, r.records_self_paced), count(m, r.records_unmatched)));
        fmt::print("# {}\n", m.format("fitted: {}; kept as they were: {}", fmt::format("{}", fmt::join(fitted, ", ")),
                                      held.empty() ? std::string(m.tr_in("cli", "none"))
                                                   : fmt::format("{}", fmt::join(held, ", "))));
        fmt::print("# {}\n", m.format("log-likelihood {} (the scenario's parameters: {})",
                                      figure(m, r.log_likelihood, 1), figure(m, r.log_likelihood_start, 1)));
        fmt::print("{}", compare::attendance_yaml(r.fitted));
        return static_cast<int>(success);
    };
}

}  // namespace jadwal::cli
