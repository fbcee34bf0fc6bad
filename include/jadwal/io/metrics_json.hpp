// The metrics object of problem.md as JSON, for every document that carries it
// (solution.json, comparison.json) and for integrators who have their own JSON
// library: a template over the JSON type, so that this header needs none
// (jadwal's headers do not include nlohmann/json).
#pragma once

#include <jadwal/model/plan.hpp>

namespace jadwal::io {

/// The metrics as a JSON object, one key per metric (model::for_each_metric).
/// `Json` is any type with `Json::object()` and `j[name] = value`: jadwal uses
/// nlohmann::ordered_json (solution.json: the order of model::for_each_metric)
/// and nlohmann::json (comparison.json: keys sorted).
template <class Json>
Json metrics_json(const model::solution_metrics& m) {
    Json j = Json::object();
    model::for_each_metric(m, [&](const char* name, auto value) { j[name] = value; });
    return j;
}

}  // namespace jadwal::io
