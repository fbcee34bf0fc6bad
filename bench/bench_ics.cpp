// The calendar files of a plan (output::calendar_files): how long writing all
// of them takes, how many files and bytes, with and without a previous plan.
//   bench_ics SCENARIO.yaml SOLUTION.json [--runs N]
// For the Batanghari target (all calendars of a 7,200-employee plan well
// under 2 s):
//   jadwal generate batanghari --employees 7200 --seed 7 --out /tmp/b/s.yaml
//   jadwal solve /tmp/b/s.yaml --out /tmp/b/plan --max-moves 200000
//   bench_ics /tmp/b/s.yaml /tmp/b/plan/solution.json
// The re-plan figure uses the same plan with every session one hour later as
// the new plan, so that each event is compared (and none cancelled).
#include <jadwal/io/solution_json.hpp>
#include <jadwal/solve/solution.hpp>
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/output/ics.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>

namespace {

using namespace jadwal;
using clock_type = std::chrono::steady_clock;

struct run_figures {
    double best_seconds = 1e9;
    std::size_t files = 0, bytes = 0, events = 0;
};

run_figures measure(const model::scenario& s, const solve::solution& sol, const output::ics_options& o, int runs) {
    run_figures f;
    for (int i = 0; i < runs; ++i) {
        const auto start = clock_type::now();
        const auto files = output::calendar_files(s, sol, o);
        const double seconds = std::chrono::duration<double>(clock_type::now() - start).count();
        f.best_seconds = std::min(f.best_seconds, seconds);
        f.files = files.size();
        f.bytes = 0;
        f.events = 0;
        for (const auto& file : files) {
            f.bytes += file.content.size();
            for (auto at = file.content.find("BEGIN:VEVENT"); at != std::string::npos;
                 at = file.content.find("BEGIN:VEVENT", at + 1))
                ++f.events;
        }
    }
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        fmt::print(stderr, "usage: bench_ics SCENARIO.yaml SOLUTION.json [--runs N]\n");
        return 2;
    }
    int runs = 3;
    for (int i = 3; i + 1 < argc; ++i)
        if (std::string{argv[i]} == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));

    auto loaded = load::load_scenario_file(argv[1]);
    if (!loaded.scenario) {
        for (const auto& d : loaded.diags.items()) fmt::print(stderr, "{}\n", load::format(d));
        return 1;
    }
    const model::scenario& s = *loaded.scenario;
    auto read = io::read_solution_file(s, argv[2]);
    if (!read.solution) {
        for (const auto& d : read.diags.items()) fmt::print(stderr, "{}\n", load::format(d));
        return 1;
    }
    const solve::solution& sol = *read.solution;
    std::size_t participants = 0, sessions = 0;
    for (const auto& c : sol.cohorts) {
        participants += c.participants.size();
        sessions += c.sessions.size();
    }
    fmt::print("plan: {} employees, {} cohorts, {} sessions, {} participations, {} study blocks\n",
               s.employees.size(), sol.cohorts.size(), sessions, participants, sol.study_blocks.size());

    output::ics_options o;
    o.dtstamp = calendar::instant{std::chrono::minutes{29'000'000}};
    const auto first = measure(s, sol, o, runs);
    fmt::print("calendar_files:           {:7.3f} s (best of {}), {} files, {} events, {:.1f} MB\n",
               first.best_seconds, runs, first.files, first.events, static_cast<double>(first.bytes) / 1e6);

    solve::solution later = sol;
    for (auto& c : later.cohorts)
        for (auto& ses : c.sessions) {
            ses.start += std::chrono::hours{1};
            ses.end += std::chrono::hours{1};
            ses.revision += 1;
        }
    o.previous = &sol;
    const auto replan = measure(s, later, o, runs);
    fmt::print("calendar_files (re-plan): {:7.3f} s (best of {}), {} files, {} events, {:.1f} MB\n",
               replan.best_seconds, runs, replan.files, replan.events, static_cast<double>(replan.bytes) / 1e6);
    return 0;
}
