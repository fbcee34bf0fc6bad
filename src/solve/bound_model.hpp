// The bounds of solve/bound.hpp from a model the solver has already compiled.
#pragma once

#include <jadwal/solve/bound.hpp>

#include "compiled_model.hpp"

namespace jadwal::solve::detail {

[[nodiscard]] plan_bounds compute_bounds(const compiled_model& cm);

}  // namespace jadwal::solve::detail
