// The solver on the generated Batanghari scenario (seed 7, 7,200 employees,
// policy `flexible`), against the targets of issue 3. Each measured solve runs
// in a fresh child process, so its peak memory (max RSS) is its own.
//   bench_solve [--employees N] [--seed S] [--seconds T] [--reference-seconds R]
//               [--threads N] [--baseline] [--big [N]] [--dir DIR] [--preferences PERCENT]
//               [--neighbourhoods N [--neighbourhood-days D]]
//   --reference-seconds 0 skips the long reference run; --big runs the
//   100,000-employee feasibility check; --preferences gives that share of the
//   people preferences (docs/model.md "Preferences") in the measured runs and
//   compares with a run whose objective ignores them (issue 17's target);
//   --neighbourhoods solves again with that many exact neighbourhoods of D days
//   (default 7) in the same time and compares with the search alone (issue 16).
#include <jadwal/generate/batanghari.hpp>
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>

#include <fmt/format.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using namespace jadwal;

constexpr std::array<double, 4> checkpoints{5, 10, 30, 60};

/// What one measured solve reports back to the parent (plain data through a pipe).
struct figures {
    double load_seconds = 0;
    double first_feasible_seconds = -1;  ///< from the start of solve(), construction done
    double search_cpu_seconds = 0;
    std::int64_t moves = 0;
    double elapsed = 0;
    std::array<double, checkpoints.size()> cp_participation{};
    std::array<double, checkpoints.size()> cp_burden{};
    std::array<double, checkpoints.size()> cp_cost{};
    std::array<std::int64_t, checkpoints.size()> cp_placed{};
    std::array<char, checkpoints.size()> cp_seen{};
    double participation = 0, burden = 0, cost = 0;
    double participation_rate = 0;
    double attainment = 0;
    std::int64_t demand_placed = 0, demand_total = 0;
    std::int64_t placed_jp = 0;
    std::int64_t disruption_minutes = 0;
    std::int64_t after_hours_minutes = 0;
    std::int64_t max_after_hours_week = 0;  ///< per person-week
    std::int64_t jp_target_met = 0, jp_target_employees = 0;
    std::int64_t bound_placed = -1, bound_jp_target_met = -1;  ///< -1: no bound computed
    std::int64_t unplaceable = 0;
    std::int64_t own_violations = 0;
    std::int64_t verify_violations = -1;
    char verify_codes[256] = {};
    /// JP target met / with a target per model::staff_group, as verify counts them.
    std::array<std::int64_t, model::staff_group_count> group_met{}, group_with_target{};
    std::int64_t assigned_duty_days = 0, days_in_lieu = 0;
    std::int64_t preference_misses = 0;
    double peak_mb = 0;
    model::neighbourhood_counts parts;  ///< what the exact neighbourhoods did (all 0 when none ran)
};

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct run_spec {
    std::filesystem::path scenario;
    double seconds = 60;
    int threads = 1;
    bool baseline = false;
    bool verify = true;
    std::int64_t max_moves = -1;  ///< instead of a time limit
    std::string policy = "flexible";
    int preferences = 0;              ///< percent of the people given preferences
    bool ignore_preferences = false;  ///< the preference weight set to 0
    int neighbourhoods = 0;
    int neighbourhood_days = 7;
};

/// Preferences for about `percent` of the people, the same for the same scenario:
/// mornings, Tuesday to Thursday, no Fridays, classroom first, and a few who
/// refuse live online training or avoid some dates.
void give_preferences(model::scenario& s, int percent) {
    auto mix = [](std::uint64_t x) {
        x += 0x9E3779B97F4A7C15ULL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
        return x ^ (x >> 31);
    };
    const auto bit = [](date::weekday w) { return static_cast<std::uint8_t>(1U << w.c_encoding()); };
    for (std::size_t i = 0; i < s.employees.size(); ++i) {
        const std::uint64_t h = mix(i);
        if (static_cast<int>(h % 100) >= percent) continue;
        auto& p = s.employees[i].prefs;
        const auto kind = (h >> 8) % 100;
        if (kind < 40) p.times = {{calendar::minutes{7 * 60 + 30}, calendar::minutes{12 * 60}}};
        if (kind >= 30 && kind < 60) p.days = bit(date::Tuesday) | bit(date::Wednesday) | bit(date::Thursday);
        if (kind >= 55 && kind < 75) p.avoid_weekdays = bit(date::Friday);
        if (kind >= 75 && kind < 90) p.modes = {model::delivery_mode::classroom};
        if (kind >= 90 && kind < 95) p.refused_modes = {model::delivery_mode::online_live};
        if (kind >= 95)
            for (int k = static_cast<int>((h >> 20) % 7); k < (s.horizon.last - s.horizon.first).count(); k += 14)
                p.avoid_dates.push_back(s.horizon.first + date::days{k});
    }
}

figures run_child(const run_spec& spec) {
    figures f;
    const auto t0 = std::chrono::steady_clock::now();
    auto loaded = load::load_scenario_file(spec.scenario);
    if (!loaded.scenario) {
        for (const auto& d : loaded.diags.items())
            if (d.level == load::severity::error) fmt::print(stderr, "{}\n", load::format(d));
        std::_Exit(2);
    }
    model::scenario& s = *loaded.scenario;
    if (spec.preferences > 0) give_preferences(s, spec.preferences);
    if (spec.ignore_preferences)
        for (auto& p : s.policies) p.weights.preference = 0;
    f.load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    solve::solve_options o;
    o.policy = spec.policy;
    o.seed = 7;
    o.threads = spec.threads;
    o.strategy = spec.baseline ? solve::solve_strategy::baseline : solve::solve_strategy::optimized;
    if (spec.max_moves >= 0) o.max_moves = spec.max_moves;
    else o.time_limit_seconds = spec.seconds;
    o.neighbourhoods = spec.neighbourhoods;
    o.neighbourhood_days = spec.neighbourhood_days;
    o.progress_interval_seconds = 0.05;
    double search_cpu_start = -1;
    o.on_progress = [&](const solve::solve_progress& p) {
        if (p.phase == "search" && f.first_feasible_seconds < 0) {
            f.first_feasible_seconds = p.elapsed_seconds;
            search_cpu_start = cpu_seconds();
        }
        if (p.phase == "search" || p.phase == "done")
            for (std::size_t i = 0; i < checkpoints.size(); ++i)
                if (p.elapsed_seconds <= checkpoints[i] + 0.05) {
                    f.cp_participation[i] = p.participation;
                    f.cp_burden[i] = p.burden;
                    f.cp_cost[i] = p.cost;
                    f.cp_placed[i] = p.demand_placed;
                    f.cp_seen[i] = 1;
                }
        if (p.phase == "done" && f.first_feasible_seconds < 0) f.first_feasible_seconds = p.elapsed_seconds;
    };
    const auto sol = solve::solve(s, o);
    if (search_cpu_start >= 0) f.search_cpu_seconds = cpu_seconds() - search_cpu_start;
    f.moves = sol.moves;
    f.elapsed = sol.elapsed_seconds;
    f.participation = sol.objective.participation;
    f.burden = sol.objective.burden;
    f.cost = sol.objective.cost;
    f.participation_rate = sol.metrics.participation_rate;
    f.attainment = sol.metrics.jp_target_attainment;
    f.demand_placed = sol.metrics.demand_placed;
    f.demand_total = sol.metrics.demand_total;
    f.disruption_minutes = sol.metrics.disruption_minutes;
    f.after_hours_minutes = sol.metrics.after_hours_minutes;
    f.max_after_hours_week = sol.metrics.max_after_hours_minutes_per_person_week;
    f.jp_target_met = sol.metrics.jp_target_met;
    f.jp_target_employees = sol.metrics.jp_target_employees;
    if (sol.bounds) {
        f.bound_placed = sol.bounds->demand_placed;
        f.bound_jp_target_met = sol.bounds->jp_target_met;
        f.unplaceable = sol.bounds->unplaceable;
    }
    f.own_violations = sol.metrics.hard_violations;
    f.assigned_duty_days = sol.metrics.assigned_duty_days;
    f.days_in_lieu = sol.metrics.days_in_lieu;
    f.preference_misses = sol.metrics.preference_misses;
    if (sol.neighbourhoods) f.parts = *sol.neighbourhoods;
    std::int64_t unplaced_jp = 0, all_jp = 0;
    for (const auto& d : s.demand) all_jp += s.programs[d.program.value].jp;
    for (const auto& u : sol.unplaced) unplaced_jp += s.programs[u.program.value].jp;
    f.placed_jp = all_jp - unplaced_jp;
    if (spec.verify) {
        const model::policy* pol = solve::select_policy(s, o);
        const auto rep = verify::verify(s, sol, *pol);
        f.verify_violations = static_cast<std::int64_t>(rep.violations.size());
        std::string codes;
        for (const auto& [code, n] : rep.violations_by_code) codes += fmt::format("{}{} {}", codes.empty() ? "" : ", ", code, n);
        std::strncpy(f.verify_codes, codes.c_str(), sizeof f.verify_codes - 1);
        for (std::size_t g = 0; g < model::staff_group_count; ++g) {
            f.group_met[g] = rep.staff_groups[g].jp_target_met;
            f.group_with_target[g] = rep.staff_groups[g].jp_target_employees;
        }
    }
    return f;
}

figures measure(const run_spec& spec) {
    int fds[2];
    if (pipe(fds) != 0) std::abort();
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        const figures f = run_child(spec);
        if (write(fds[1], &f, sizeof f) != static_cast<ssize_t>(sizeof f)) std::_Exit(3);
        std::_Exit(0);
    }
    close(fds[1]);
    figures f;
    std::size_t got = 0;
    while (got < sizeof f) {
        const auto n = read(fds[0], reinterpret_cast<char*>(&f) + got, sizeof f - got);
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    close(fds[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    if (got != sizeof f || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fmt::print(stderr, "bench_solve: the measured run failed (status {})\n", status);
        std::exit(1);
    }
    f.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    return f;
}

void row(std::string_view what, const std::string& value, const std::string& goal, int met) {
    fmt::print("  {:<58} {:>16}  {:<28} {}\n", what, value, goal, met < 0 ? "" : (met ? "met" : "MISSED"));
}

std::filesystem::path generate_into(const std::filesystem::path& dir, int employees, std::uint64_t seed) {
    std::filesystem::create_directories(dir);
    generate::batanghari_options g;
    g.employees = employees;
    g.seed = seed;
    const auto file = dir / fmt::format("batanghari-{}-{}.yaml", employees, seed);
    const auto t0 = std::chrono::steady_clock::now();
    generate::write_batanghari(file, g);
    fmt::print("generated {} employees (seed {}) in {:.1f} s: {}\n", employees, seed,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), file.string());
    return file;
}

double per_jp(const figures& f) {
    return f.placed_jp > 0 ? static_cast<double>(f.disruption_minutes) / static_cast<double>(f.placed_jp) : 0.0;
}

}  // namespace

int main(int argc, char** argv) {
    int employees = 7200;
    std::uint64_t seed = 7;
    double seconds = 60;
    double reference = 300;
    int threads = 1;
    bool baseline = false;
    int big = 0;
    int preferences = 0;
    int neighbourhoods = 0;
    int neighbourhood_days = 7;
    std::filesystem::path dir = std::filesystem::temp_directory_path() / "jadwal-bench-solve";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                fmt::print(stderr, "bench_solve: {} needs a value\n", a);
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--employees") employees = std::stoi(next());
        else if (a == "--seed") seed = std::stoull(next());
        else if (a == "--seconds") seconds = std::stod(next());
        else if (a == "--reference-seconds") reference = std::stod(next());
        else if (a == "--threads") threads = std::stoi(next());
        else if (a == "--baseline") baseline = true;
        else if (a == "--big") big = (i + 1 < argc && argv[i + 1][0] != '-') ? std::stoi(next()) : 100000;
        else if (a == "--dir") dir = next();
        else if (a == "--preferences") preferences = std::clamp(std::stoi(next()), 0, 100);
        else if (a == "--neighbourhoods") neighbourhoods = std::max(0, std::stoi(next()));
        else if (a == "--neighbourhood-days") neighbourhood_days = std::max(0, std::stoi(next()));
        else {
            fmt::print(stderr, "usage: bench_solve [--employees N] [--seed S] [--seconds T] [--reference-seconds R] "
                               "[--threads N] [--baseline] [--big [N]] [--dir DIR] [--preferences PERCENT] "
                               "[--neighbourhoods N [--neighbourhood-days D]]\n");
            return 2;
        }
    }
    const auto file = generate_into(dir, employees, seed);
    bool all_met = true;
    auto judge = [&](bool met) {
        all_met = all_met && met;
        return met ? 1 : 0;
    };

    fmt::print("\nsolving {} employees with policy flexible for {:.0f} s on {} thread(s)...\n", employees, seconds,
               threads);
    run_spec main_spec{file, seconds, threads, false, true, -1};
    main_spec.preferences = preferences;
    const figures f = measure(main_spec);
    fmt::print("\n  {:<58} {:>16}  {:<28} {}\n", "figure", "value", "target", "");
    row("load the scenario (s)", fmt::format("{:.2f}", f.load_seconds), "", -1);
    row("objective at the end (participation / burden / cost)",
        fmt::format("{:.0f} / {:.0f} / {:.0f}", f.participation, f.burden, f.cost), "", -1);
    row("first plan with no hard violation (s, from solve start)", fmt::format("{:.2f}", f.first_feasible_seconds),
        "<= 5", judge(f.first_feasible_seconds >= 0 && f.first_feasible_seconds <= 5 && f.own_violations == 0));
    for (std::size_t i = 0; i < checkpoints.size(); ++i) {
        if (!f.cp_seen[i] || checkpoints[i] > seconds + 0.5) continue;
        row(fmt::format("objective at {:.0f} s (participation / burden / cost)", checkpoints[i]),
            fmt::format("{:.0f} / {:.0f} / {:.0f}", f.cp_participation[i], f.cp_burden[i], f.cp_cost[i]), "", -1);
    }
    const double cpu_rate = f.search_cpu_seconds > 0 ? static_cast<double>(f.moves) / f.search_cpu_seconds : 0;
    const double wall = f.elapsed - std::max(0.0, f.first_feasible_seconds);
    row("moves evaluated", fmt::format("{}", f.moves), "", -1);
    // The CPU time is the process's, every thread's summed: moves per CPU second
    // is already the rate of one thread.
    row("moves per second per thread (CPU time)", fmt::format("{:.0f}", cpu_rate), ">= 500,000 (aim 1,000,000)",
        judge(cpu_rate >= 500000));
    row("moves per second (wall clock, all threads)", fmt::format("{:.0f}", wall > 0 ? static_cast<double>(f.moves) / wall : 0.0), "", -1);
    row("peak memory (MB)", fmt::format("{:.0f}", f.peak_mb), "<= 1024", judge(f.peak_mb <= 1024));
    row("participation", fmt::format("{:.1f}% ({}/{})", 100 * f.participation_rate, f.demand_placed, f.demand_total),
        "", -1);
    row("JP-target attainment", fmt::format("{:.1f}%", 100 * f.attainment), "", -1);
    // Issue 12's targets: people at their JP target, after-hours load, and the gap to the bound.
    row("people reaching their JP target", fmt::format("{}/{}", f.jp_target_met, f.jp_target_employees), ">= 95%",
        judge(f.jp_target_employees > 0 && 100 * f.jp_target_met >= 95 * f.jp_target_employees));
    row("max after-hours minutes per person-week", fmt::format("{}", f.max_after_hours_week), "<= 180",
        judge(f.max_after_hours_week <= 180));
    if (f.bound_placed >= 0) {
        row("bound: no plan places more than", fmt::format("{} ({} unplaceable)", f.bound_placed, f.unplaceable), "",
            -1);
        const double gap = f.bound_placed > 0 ? 1.0 - static_cast<double>(f.demand_placed) /
                                                          static_cast<double>(f.bound_placed)
                                              : 0.0;
        row("gap between demand placed and the bound", fmt::format("{:.1f}%", 100 * gap), "<= 5%",
            judge(gap <= 0.05));
        row("bound: no plan brings more to their JP target than",
            fmt::format("{} ({:.1f}%)", f.bound_jp_target_met,
                        f.jp_target_employees > 0 ? 100.0 * static_cast<double>(f.bound_jp_target_met) /
                                                        static_cast<double>(f.jp_target_employees)
                                                  : 0.0),
            "", -1);
    }
    // Issue 19's target: shift staff within 5 points of office staff.
    const auto staff_groups = [&](const figures& x, const std::string& label) {
        if (x.verify_violations < 0) return;
        const auto share = [&](model::staff_group g) {
            const auto i = static_cast<std::size_t>(g);
            return x.group_with_target[i] > 0
                       ? 100.0 * static_cast<double>(x.group_met[i]) / static_cast<double>(x.group_with_target[i])
                       : -1.0;
        };
        for (std::size_t g = 0; g < model::staff_group_count; ++g)
            if (x.group_with_target[g] > 0)
                row(fmt::format("{}JP target, {}", label, model::to_string(static_cast<model::staff_group>(g))),
                    fmt::format("{:.1f}% ({}/{})", share(static_cast<model::staff_group>(g)), x.group_met[g],
                                x.group_with_target[g]),
                    "", -1);
        const double office = share(model::staff_group::office), shift = share(model::staff_group::shift);
        if (office >= 0 && shift >= 0)
            row(label + "JP target, shift staff below office staff (points)", fmt::format("{:.1f}", office - shift),
                "<= 5", judge(office - shift <= 5.0));
    };
    staff_groups(f, "");
    row("hard violations (solver's evaluation)", fmt::format("{}", f.own_violations), "0", judge(f.own_violations == 0));
    row("violations found by jadwal verify", fmt::format("{}", f.verify_violations), "0",
        f.verify_violations == 0 ? 1 : 0);
    if (f.verify_violations > 0) fmt::print("    verify: {}\n", f.verify_codes);

    if (neighbourhoods > 0) {
        // Issue 16: exact neighbourhoods in the same time (the search has the first half of it).
        fmt::print("\nsolving again with {} exact neighbourhoods of {} days in the same {:.0f} s...\n", neighbourhoods,
                   neighbourhood_days, seconds);
        run_spec with = main_spec;
        with.neighbourhoods = neighbourhoods;
        with.neighbourhood_days = neighbourhood_days;
        const figures fn = measure(with);
        row("with neighbourhoods: objective (participation / burden / cost)",
            fmt::format("{:.0f} / {:.0f} / {:.0f}", fn.participation, fn.burden, fn.cost), "", -1);
        const double level_gap = f.participation > 0 ? (fn.participation - f.participation) / f.participation : 0;
        const double burden_gap = f.burden > 0 ? (fn.burden - f.burden) / f.burden : 0;
        row("with neighbourhoods against the search alone", fmt::format("{:+.3f}% / {:+.3f}%", 100 * level_gap,
                                                                         100 * burden_gap),
            "lower", -1);
        row("with neighbourhoods: peak memory (MB)", fmt::format("{:.0f}", fn.peak_mb), "", -1);
        row("with neighbourhoods: violations found by jadwal verify", fmt::format("{}", fn.verify_violations), "0",
            judge(fn.verify_violations == 0 && fn.own_violations == 0));
        const auto& n = fn.parts;
        row("with neighbourhoods: parts solved / proven / improved", fmt::format("{} / {} / {}", n.solved, n.proven,
                                                                              n.improved), "", -1);
        row("with neighbourhoods: parts too large / empty / not run",
            fmt::format("{} / {} / {} of {}", n.too_large, n.empty, n.not_run, n.asked), "", -1);
    }

    if (preferences > 0) {
        // Issue 17's target: preferences heeded miss fewer than preferences ignored, placing as much.
        fmt::print("\nsolving again with the preference weight at 0 ({}% of the people have preferences)...\n",
                   preferences);
        run_spec ignoring = main_spec;
        ignoring.ignore_preferences = true;
        ignoring.verify = false;
        const figures fi = measure(ignoring);
        row("preference misses, heeded / ignored", fmt::format("{} / {}", f.preference_misses, fi.preference_misses),
            "fewer", judge(f.preference_misses < fi.preference_misses));
        row("participation, heeded / ignored", fmt::format("{} / {}", f.demand_placed, fi.demand_placed), "no loss",
            judge(f.demand_placed >= fi.demand_placed));
    }

    // The same under assigned duty (docs/model.md "Assigned duty"): every shift minimum held
    // and every day in lieu placed is what verify's 0 violations says.
    fmt::print("\nsolving again with policy flexible_duty (assigned duty, days off in lieu)...\n");
    run_spec duty_spec{file, seconds, threads, false, true, -1};
    duty_spec.policy = "flexible_duty";
    duty_spec.preferences = preferences;
    const figures fd = measure(duty_spec);
    row("flexible_duty: participation",
        fmt::format("{:.1f}% ({}/{})", 100 * fd.participation_rate, fd.demand_placed, fd.demand_total), "", -1);
    staff_groups(fd, "flexible_duty: ");
    row("flexible_duty: assigned-duty days / days off in lieu",
        fmt::format("{} / {}", fd.assigned_duty_days, fd.days_in_lieu), "", -1);
    row("flexible_duty: violations found by jadwal verify", fmt::format("{}", fd.verify_violations), "0",
        judge(fd.verify_violations == 0 && fd.own_violations == 0));
    if (fd.verify_violations > 0) fmt::print("    verify: {}\n", fd.verify_codes);

    if (reference > 0) {
        fmt::print("\nreference run of {:.0f} s...\n", reference);
        const figures r = measure({file, reference, threads, false, false, -1});
        // The 60-second figures: the checkpoint at `seconds` if it exists, else the end.
        row(fmt::format("reference at {:.0f} s (participation / burden / cost)", reference),
            fmt::format("{:.0f} / {:.0f} / {:.0f}", r.participation, r.burden, r.cost), "", -1);
        const bool same_participation = std::fabs(f.participation - r.participation) <= 1e-9 * std::max(1.0, r.participation) ||
                                        f.participation <= r.participation;
        // Issue 16's target: at 30 s within 0.3% of a 10-minute run on participation
        // (the level, lower is better; a run that ends better counts as within).
        const double level_gap = r.participation > 0 ? (f.participation - r.participation) / r.participation : 0;
        row(fmt::format("participation by {:.0f} s against the {:.0f} s run", seconds, reference),
            fmt::format("{:.0f} vs {:.0f} ({:+.2f}%)", f.participation, r.participation, 100 * level_gap), "<= +0.3%",
            judge(level_gap <= 0.003));
        const double gap = r.burden > 0 ? (f.burden - r.burden) / r.burden : 0;
        row(fmt::format("burden by {:.0f} s within 1% of the {:.0f} s run", seconds, reference),
            fmt::format("{:+.2f}%{}", 100 * gap, same_participation ? "" : " (at a different participation level)"),
            "<= +1%", judge(same_participation && gap <= 0.01));
    }

    if (threads > 1) {
        // Issue 16's target: the cooperating threads beat one thread at equal wall time.
        fmt::print("\nsolving again on 1 thread for {:.0f} s...\n", seconds);
        const figures one = measure({file, seconds, 1, false, false, -1});
        // Better is the objective's order: participation first, burden where it ties.
        const bool better = f.participation < one.participation ||
                            (f.participation == one.participation && f.burden < one.burden);
        row(fmt::format("participation / burden, {} threads against 1 at {:.0f} s", threads, seconds),
            fmt::format("{:.0f} / {:.0f} vs {:.0f} / {:.0f}", f.participation, f.burden, one.participation, one.burden),
            "better", judge(better));
    }

    if (baseline) {
        fmt::print("\nbaseline (classroom by hand, Tuesday to Thursday, first come first served)...\n");
        const figures b = measure({file, seconds, 1, true, true, -1});
        row("baseline participation", fmt::format("{:.1f}%", 100 * b.participation_rate), "", -1);
        row("baseline JP-target attainment", fmt::format("{:.1f}%", 100 * b.attainment), "", -1);
        row("baseline disruption minutes per placed JP", fmt::format("{:.1f}", per_jp(b)), "", -1);
        row("optimized disruption minutes per placed JP", fmt::format("{:.1f}", per_jp(f)), "", -1);
        row("baseline violations found by jadwal verify", fmt::format("{}", b.verify_violations), "0",
            b.verify_violations == 0 ? 1 : 0);
        if (b.verify_violations > 0) fmt::print("    verify: {}\n", b.verify_codes);
        row("participation optimized / baseline",
            fmt::format("{:.2f}x", b.participation_rate > 0 ? f.participation_rate / b.participation_rate : 0.0), "> 1",
            judge(f.participation_rate > b.participation_rate));
        row("attainment optimized / baseline",
            fmt::format("{:.2f}x", b.attainment > 0 ? f.attainment / b.attainment : 0.0), "> 1",
            judge(f.attainment > b.attainment));
        row("disruption per placed JP optimized / baseline",
            fmt::format("{:.2f}x", per_jp(b) > 0 ? per_jp(f) / per_jp(b) : 0.0), "< 1", judge(per_jp(f) < per_jp(b)));
    }

    if (big > 0) {
        const auto big_file = generate_into(dir, big, seed);
        fmt::print("\n{} employees: load and first plan (a few moves only)...\n", big);
        const figures g = measure({big_file, 120, threads, false, false, 1000});
        const double to_feasible = g.load_seconds + g.first_feasible_seconds;
        row(fmt::format("{} employees: load + first feasible plan (s)", big), fmt::format("{:.1f}", to_feasible),
            "<= 120", judge(to_feasible <= 120 && g.own_violations == 0));
        row(fmt::format("{} employees: peak memory (MB)", big), fmt::format("{:.0f}", g.peak_mb), "<= 8192",
            judge(g.peak_mb <= 8192));
        row(fmt::format("{} employees: participation", big), fmt::format("{:.1f}%", 100 * g.participation_rate), "",
            -1);
    }
    fmt::print("\n{}\n", all_met ? "all targets met" : "some targets MISSED");
    return 0;
}
