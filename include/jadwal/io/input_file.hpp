// Kept for code written against jadwal 0.1: reading an input file is the
// loader's (jadwal/load/input_file.hpp, load::read_input_file).
#pragma once

#include <jadwal/load/input_file.hpp>

namespace jadwal::io {

using load::read_input_file;

}  // namespace jadwal::io
