// The search against proven optima (issue 16's first target): each scenario of
// tests/data/exact/ is solved with the exact model (solve --exact, CBC), then
// by the search alone on seeds 1..N with a move budget that grows fourfold
// (500, 2,000, 8,000, ...) until the search's plan has the proven optimum of
// participation and a burden within 1% of the best known, or a solve takes
// longer than the time budget. The moves and the seconds of that solve are the
// time to the optimum (each a whole solve, compile and construction included).
// Then examples/office: the moves and seconds until 35 of its 42 items are placed.
// Then exact neighbourhoods (solve --neighbourhoods K) from the construction's
// plan alone (no search), each seed: whether they reach the same optimum, and
// in how many seconds; examples/office placed after K parts.
//   bench_exact [--dir DIR] [--office FILE] [--seeds N] [--exact-seconds S] [--budget-seconds B]
//               [--neighbourhoods K]   (K = 0 skips them; default 8)
// Targets: every case on every seed within 1 s; examples/office 35 of 42 within 1 s.
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/model/error.hpp>
#include <jadwal/solve/solver.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace jadwal;
namespace fs = std::filesystem;

struct settings {
    fs::path dir = fs::path(JADWAL_SOURCE_DIR) / "tests" / "data" / "exact";
    fs::path office = fs::path(JADWAL_SOURCE_DIR) / "examples" / "office" / "scenario.yaml";
    int seeds = 5;
    double exact_seconds = 60;
    double budget_seconds = 1;
    int neighbourhoods = 8;
};

constexpr std::int64_t first_moves = 500;
constexpr std::int64_t last_moves = 64'000'000;
constexpr double burden_tolerance = 0.01;  // issue 16: burden within 1% of the best known
constexpr std::int64_t office_target = 35;

std::optional<model::scenario> load(const fs::path& file) {
    auto r = load::load_scenario_file(file);
    if (!r.scenario)
        for (const auto& d : r.diags.items())
            if (d.level == load::severity::error) fmt::print(stderr, "{}\n", load::format(d));
    return std::move(r.scenario);
}

/// One search-only solve of the time-to-target loop.
struct attempt {
    std::int64_t moves = 0;
    double seconds = 0;
    solve::solution plan;
};

/// Solves with a growing move budget until `reached` holds or a solve takes
/// longer than the budget; returns every attempt (the last one is the answer).
std::vector<attempt> until(const model::scenario& s, std::uint64_t seed, double budget,
                           const std::function<bool(const solve::solution&)>& reached,
                           std::int64_t from_moves = first_moves) {
    std::vector<attempt> out;
    for (std::int64_t moves = from_moves; moves <= last_moves; moves *= 4) {
        solve::solve_options o;
        o.seed = seed;
        o.max_moves = moves;
        const auto t0 = std::chrono::steady_clock::now();
        auto plan = solve::solve(s, o);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        out.push_back({moves, seconds, std::move(plan)});
        if (reached(out.back().plan) || seconds > budget) break;
    }
    return out;
}

bool burden_close(double burden, double best) { return burden <= best + burden_tolerance * std::abs(best) + 1e-9; }

/// The construction's plan (no search) and `count` exact neighbourhoods.
attempt first_plan_and_neighbourhoods(const model::scenario& s, std::uint64_t seed, int count) {
    solve::solve_options o;
    o.seed = seed;
    o.max_moves = 0;
    o.neighbourhoods = count;
    const auto t0 = std::chrono::steady_clock::now();
    auto plan = solve::solve(s, o);
    return {0, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), std::move(plan)};
}

/// Tallies of the neighbourhood runs over every case and seed.
struct neighbourhood_tally {
    int runs = 0, reached = 0;
    double seconds = 0, worst = 0;
};

/// One scenario file's outcome: whether the exact model proved its optimum
/// (else the target is its plan, the best known), and whether every seed met it.
struct case_result {
    bool proven = false;
    bool met = false;
};

/// The cases of one scenario file; none when the exact model gave no plan.
std::optional<case_result> run_case(const settings& st, const fs::path& file, neighbourhood_tally& nt) {
    const auto s = load(file);
    const std::string name = file.stem().string();
    if (!s) {
        fmt::print("{:<42} does not load\n", name);
        return std::nullopt;
    }
    solve::solve_options ex;
    ex.exact = true;
    ex.exact_seconds = st.exact_seconds;
    ex.max_moves = 2000;
    solve::solution optimum;
    const auto t0 = std::chrono::steady_clock::now();
    try {
        optimum = solve::solve(*s, ex);
    } catch (const jadwal::error& e) {
        fmt::print("{:<42} not an exact case: {}\n", name, e.what());
        return std::nullopt;
    }
    const double exact_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const bool proven = optimum.status == solve::solve_status::optimal;
    if (!proven && optimum.status != solve::solve_status::feasible) {
        fmt::print("{:<42} the exact model gave no plan in {:.1f} s\n", name, exact_seconds);
        return std::nullopt;
    }
    // Not proven: the time box ran out, or a search beat the exact model's
    // candidates (its first note says which); its plan is then the best known.
    const double participation = optimum.objective.participation;
    double best_burden = optimum.objective.burden;
    fmt::print("{:<42} {:>3} employees, {} {}/{} placed, participation {:.1f}, burden {:.1f} (exact {:.2f} s)\n", name,
               s->employees.size(), proven ? "optimum" : "best known", optimum.metrics.demand_placed,
               optimum.metrics.demand_total, participation, best_burden, exact_seconds);
    if (!proven) fmt::print("    not proven: {}\n", optimum.notes.empty() ? "-" : optimum.notes.back());

    const auto reached = [&](const solve::solution& p) {
        return p.objective.participation <= participation + 1e-9 && burden_close(p.objective.burden, best_burden);
    };
    std::vector<std::vector<attempt>> runs;
    for (int seed = 1; seed <= st.seeds; ++seed)
        runs.push_back(until(*s, static_cast<std::uint64_t>(seed), st.budget_seconds, reached));
    // A search plan outside the exact model's candidates may have less burden: the
    // best known is then the search's, and a seed that stopped against the old
    // best goes on (more moves) against the new one, until the best stays.
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& r : runs)
            for (const auto& a : r)
                if (a.plan.objective.participation <= participation + 1e-9 && a.plan.objective.burden < best_burden) {
                    best_burden = a.plan.objective.burden;
                    changed = true;
                }
        if (!changed) break;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const attempt& last = runs[i].back();
            if (reached(last.plan) || last.seconds > st.budget_seconds || last.moves * 4 > last_moves) continue;
            auto more = until(*s, static_cast<std::uint64_t>(i + 1), st.budget_seconds, reached, last.moves * 4);
            for (auto& a : more) runs[i].push_back(std::move(a));
        }
    }
    if (best_burden < optimum.objective.burden)
        fmt::print("    the search found burden {:.1f}, below the exact model's (a plan outside its candidates)\n",
                   best_burden);
    bool all = true;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const auto& a = runs[i].back();
        const bool ok = a.plan.objective.participation <= participation + 1e-9 &&
                        burden_close(a.plan.objective.burden, best_burden) && a.seconds <= st.budget_seconds;
        all = all && ok;
        fmt::print("    seed {}: {} at {} moves, {:.3f} s (participation {:.1f}, burden {:.1f}, {}/{} placed)\n", i + 1,
                   ok ? "reached" : "MISSED", a.moves, a.seconds, a.plan.objective.participation,
                   a.plan.objective.burden, a.plan.metrics.demand_placed, a.plan.metrics.demand_total);
    }
    if (st.neighbourhoods > 0)
        for (int seed = 1; seed <= st.seeds; ++seed) {
            const auto a = first_plan_and_neighbourhoods(*s, static_cast<std::uint64_t>(seed), st.neighbourhoods);
            const bool ok = a.plan.objective.participation <= participation + 1e-9 &&
                            burden_close(a.plan.objective.burden, best_burden);
            ++nt.runs;
            nt.reached += ok ? 1 : 0;
            nt.seconds += a.seconds;
            nt.worst = std::max(nt.worst, a.seconds);
            fmt::print("    seed {}: first plan + {} neighbourhoods: {}, {:.2f} s (participation {:.1f}, burden {:.1f})\n",
                       seed, st.neighbourhoods, ok ? "reached" : "MISSED", a.seconds, a.plan.objective.participation,
                       a.plan.objective.burden);
        }
    return case_result{proven, all};
}

bool run_office(const settings& st) {
    const auto s = load(st.office);
    if (!s) return false;
    fmt::print("\nexamples/office: the search until {} items are placed\n", office_target);
    bool all = true;
    for (int seed = 1; seed <= st.seeds; ++seed) {
        const auto r = until(*s, static_cast<std::uint64_t>(seed), st.budget_seconds,
                             [](const solve::solution& p) { return p.metrics.demand_placed >= office_target; });
        const auto& a = r.back();
        const bool ok = a.plan.metrics.demand_placed >= office_target && a.seconds <= st.budget_seconds;
        all = all && ok;
        fmt::print("    seed {}: {} of {} placed at {} moves, {:.3f} s: {}\n", seed, a.plan.metrics.demand_placed,
                   a.plan.metrics.demand_total, a.moves, a.seconds, ok ? "reached" : "MISSED");
    }
    if (st.neighbourhoods > 0)
        for (int seed = 1; seed <= st.seeds; ++seed) {
            const auto a = first_plan_and_neighbourhoods(*s, static_cast<std::uint64_t>(seed), st.neighbourhoods);
            fmt::print("    seed {}: first plan + {} neighbourhoods: {} of {} placed, {:.2f} s\n", seed,
                       st.neighbourhoods, a.plan.metrics.demand_placed, a.plan.metrics.demand_total, a.seconds);
        }
    return all;
}

[[noreturn]] void usage() {
    fmt::print(stderr,
               "usage: bench_exact [--dir DIR] [--office FILE] [--seeds N] [--exact-seconds S] "
               "[--budget-seconds B] [--neighbourhoods K]\n");
    std::exit(2);
}

settings parse(int argc, char** argv) {
    settings st;
    for (int i = 1; i < argc; ++i) {
        const auto value = [&]() -> const char* {
            if (i + 1 >= argc) usage();
            return argv[++i];
        };
        const auto number = [&]() {
            char* end = nullptr;
            const char* text = value();
            const double v = std::strtod(text, &end);
            if (end == text || *end != '\0' || !(v > 0)) usage();
            return v;
        };
        if (!std::strcmp(argv[i], "--dir")) st.dir = value();
        else if (!std::strcmp(argv[i], "--office")) st.office = value();
        else if (!std::strcmp(argv[i], "--seeds")) st.seeds = static_cast<int>(number());
        else if (!std::strcmp(argv[i], "--exact-seconds")) st.exact_seconds = number();
        else if (!std::strcmp(argv[i], "--budget-seconds")) st.budget_seconds = number();
        else if (!std::strcmp(argv[i], "--neighbourhoods")) {
            const char* text = value();
            char* end = nullptr;
            const long k = std::strtol(text, &end, 10);
            if (end == text || *end != '\0' || k < 0 || k > 1000) usage();
            st.neighbourhoods = static_cast<int>(k);
        }
        else usage();
    }
    return st;
}

}  // namespace

int main(int argc, char** argv) {
    const settings st = parse(argc, argv);
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(st.dir, ec))
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    if (ec) {
        fmt::print(stderr, "bench_exact: cannot read {}: {}\n", st.dir.string(), ec.message());
        return 2;
    }
    std::sort(files.begin(), files.end());
    fmt::print("The search against the exact model's proven optimum, {} seeds, {:.1f} s budget\n\n", st.seeds,
               st.budget_seconds);
    int met = 0, proven = 0, unproven = 0, unproven_met = 0;
    neighbourhood_tally nt;
    for (const auto& f : files)
        if (const auto r = run_case(st, f, nt)) {
            (r->proven ? proven : unproven) += 1;
            (r->proven ? met : unproven_met) += r->met ? 1 : 0;
        }
    const bool office = run_office(st);
    fmt::print("\ntarget (issue 16): proven optimum of participation, burden within 1% of the best known, in <= {:.1f} s "
               "on every seed: {} of the {} proven scenarios ({} files) {}\n",
               st.budget_seconds, met, proven, files.size(), met == proven ? "met" : "MISSED");
    if (unproven > 0)
        fmt::print("the same against the best known where the exact model proved no optimum: {} of {} scenarios\n",
                   unproven_met, unproven);
    fmt::print("target (issue 16): examples/office {} of 42 in <= {:.1f} s on every seed: {}\n", office_target,
               st.budget_seconds, office ? "met" : "MISSED");
    if (st.neighbourhoods > 0 && nt.runs > 0)
        fmt::print("exact neighbourhoods ({} from the first plan, no search): the optimum on {} of {} case-seeds, "
                   "{:.2f} s on average, {:.2f} s at most\n",
                   st.neighbourhoods, nt.reached, nt.runs, nt.seconds / nt.runs, nt.worst);
    return 0;
}
