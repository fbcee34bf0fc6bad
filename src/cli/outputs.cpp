#include "outputs.hpp"

#include <fmt/format.h>

namespace jadwal::cli {

bool parse_formats(const std::string& text, output_request& req) { return output::parse_publish_formats(text, req); }

bool write_plan_outputs(const model::scenario& s, const solve::solution& sol, const std::filesystem::path& dir,
                        const output_request& req) {
    try {
        output::publish_plan(s, sol, dir, req);
        return true;
    } catch (const std::exception& e) {
        fmt::print(stderr, "jadwal: cannot write the outputs to {}: {}\n", dir.string(), e.what());
        return false;
    }
}

}  // namespace jadwal::cli
