// The solver draws from the library's one portable generator (jadwal/model/random.hpp).
#pragma once

#include <jadwal/model/random.hpp>

namespace jadwal::solve::detail {

using jadwal::detail::mix;
using jadwal::detail::rng;

}  // namespace jadwal::solve::detail
