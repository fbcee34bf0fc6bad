// One employee's explanation as JSON (`jadwal explain --format json`, the C
// API's jadwal_explain_employee): ids instead of indices, times as ISO 8601
// with the employee's zone offset.
#pragma once

#include <jadwal/model/scenario.hpp>
#include <jadwal/solve/explain.hpp>

#include <string>

namespace jadwal::io {

/// Deterministic text, two-space indentation, no final newline.
[[nodiscard]] std::string explanation_to_json(const model::scenario& s, const solve::employee_explanation& x);

}  // namespace jadwal::io
