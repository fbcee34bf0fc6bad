#include <jadwal/solve/solution.hpp>

namespace jadwal::solve {

std::string_view to_string(solve_status s) {
    switch (s) {
        case solve_status::optimal: return "optimal";
        case solve_status::feasible: return "feasible";
        case solve_status::infeasible: return "infeasible";
        case solve_status::time_limit_no_solution: return "time_limit_no_solution";
    }
    return "feasible";
}

}  // namespace jadwal::solve
