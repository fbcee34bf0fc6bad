// The C++ library from an install: load a scenario, solve briefly, check the plan.
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const auto loaded = jadwal::load::load_scenario_file(argv[1]);
    if (!loaded.scenario) {
        for (const auto& d : loaded.diags.items()) std::cerr << jadwal::load::format(d) << '\n';
        return 1;
    }
    jadwal::solve::solve_options opts;
    opts.max_moves = 2000;
    opts.policy = "flexible";  // the small example's first policy places nothing
    const auto plan = jadwal::solve::solve(*loaded.scenario, opts);
    const jadwal::model::policy defaults;
    const auto* pol = jadwal::solve::select_policy(*loaded.scenario, opts);
    const auto checked = jadwal::verify::verify(*loaded.scenario, plan, pol ? *pol : defaults);
    std::cout << "c++ consumer: " << plan.metrics.demand_placed << " of " << plan.metrics.demand_total
              << " placed, " << checked.violations.size() << " violations\n";
    return checked.feasible() && plan.metrics.demand_placed > 0 ? 0 : 1;
}
