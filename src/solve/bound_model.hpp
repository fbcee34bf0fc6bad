// The bounds of solve/bound.hpp from a model the solver has already compiled.
#pragma once

#include <jadwal/solve/bound.hpp>

#include "compiled_model.hpp"

#include <jadwal/text/messages.hpp>

namespace jadwal::solve::detail {

/// `m`: the language of the unplaceable demand's reasons.
[[nodiscard]] plan_bounds compute_bounds(const text::messages& m, const compiled_model& cm);

}  // namespace jadwal::solve::detail
