#include "print_diagnostics.hpp"

#include <fmt/format.h>

namespace jadwal::cli {

load::load_result load_and_report(const std::string& path) {
    auto result = load::load_scenario_file(path);
    for (const auto& d : result.diags.items()) fmt::print(stderr, "{}\n", load::format(d));
    return result;
}

}  // namespace jadwal::cli
