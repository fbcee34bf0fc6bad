// The metrics object of problem.md as JSON, for every document that carries
// it (solution.json, comparison.json). Internal to the library: nlohmann/json
// stays out of the public headers.
#pragma once

#include <jadwal/model/plan.hpp>

namespace jadwal::io::detail {

/// `Json` is nlohmann::ordered_json (solution.json: the order of
/// model::for_each_metric) or nlohmann::json (comparison.json: keys sorted).
template <class Json>
Json metrics_json(const model::solution_metrics& m) {
    Json j = Json::object();
    model::for_each_metric(m, [&](const char* name, auto value) { j[name] = value; });
    return j;
}

}  // namespace jadwal::io::detail
