// Change requests from individuals (docs/requests.md) through the C API:
// jadwal_answer_requests reads a requests CSV against a scenario and the
// published plan and answers it as `jadwal solve --requests` does.
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <jadwal/load/requests.hpp>
#include <jadwal/output/requests_csv.hpp>
#include <jadwal/solve/requests.hpp>
#include <new>
#include <optional>
#include <string>
#include <string_view>

#include "api.hpp"

using namespace jadwal;
using jadwal::c_api::fail;
using jadwal::c_api::guarded;
using jadwal::c_api::null_argument;

extern "C" {

int jadwal_answer_requests(jadwal_solution** out_plan, char** out_answers_csv, const jadwal_scenario* scenario,
                           const jadwal_solution* previous, const char* requests_csv, size_t length,
                           const char* file_name, const jadwal_solve_options* opts) {
    if (out_plan) *out_plan = nullptr;
    if (out_answers_csv) *out_answers_csv = nullptr;
    return guarded([&] {
        if (!out_plan) return null_argument("out_plan");
        if (!out_answers_csv) return null_argument("out_answers_csv");
        if (!previous) return null_argument("previous");
        if (!requests_csv) return null_argument("requests_csv");
        if (!opts) return fail(JADWAL_E_INVALID_ARGUMENT, "opts must not be NULL: replan_from is required");
        if (opts->size < offsetof(jadwal_solve_options, cancel_flag) || opts->size > sizeof(jadwal_solve_options))
            return fail(JADWAL_E_INVALID_ARGUMENT,
                        "jadwal_solve_options.size is not a size this library "
                        "knows: call jadwal_solve_options_init first");
        if (!opts->replan_from || !*opts->replan_from)
            return fail(JADWAL_E_INVALID_ARGUMENT, "answering change requests needs opts->replan_from");
        // The published plan is `previous`, whatever opts->previous says; the
        // re-plans are strict whatever opts->stability says.
        jadwal_solve_options o;
        jadwal_solve_options_init(&o);
        std::memcpy(&o, opts, opts->size);
        o.previous = previous;
        if (opts->size > offsetof(jadwal_solve_options, stability)) o.stability = nullptr;
        solve::solve_options so;
        std::optional<solve::solution> carried;
        if (const int st = c_api::read_solve_options(so, carried, scenario, &o)) return st;
        const model::scenario& s = *scenario->model;
        const std::string name = file_name && *file_name ? file_name : "<requests>";
        auto read = load::read_requests(s, std::string_view(requests_csv, length), name, {so.previous, so.replan_from});
        if (read.diags.has_errors()) {
            for (const auto& d : read.diags.items())
                if (d.level == load::severity::error) return fail(JADWAL_E_PARSE, d);
        }
        auto outcome = solve::answer_requests(s, *so.previous, read.requests, so);
        const std::string csv = output::requests_csv(read.requests, outcome);
        auto plan = c_api::make_solution(scenario->model, std::move(outcome.plan));
        auto* text = static_cast<char*>(std::malloc(csv.size() + 1));
        if (!text) throw std::bad_alloc();
        std::memcpy(text, csv.c_str(), csv.size() + 1);
        *out_plan = plan.release();
        *out_answers_csv = text;
        return static_cast<int>(JADWAL_OK);
    });
}

}  // extern "C"
