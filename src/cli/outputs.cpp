#include "outputs.hpp"

#include "commands.hpp"

#include <jadwal/load/diagnostic.hpp>
#include <jadwal/output/output_files.hpp>

#include <fmt/format.h>

namespace jadwal::cli {

bool parse_formats(const std::string& text, output_request& req) { return output::parse_publish_formats(text, req); }

int write_plan_outputs(const model::scenario& s, const solve::solution& sol, const std::filesystem::path& dir,
                       const output_request& req) {
    try {
        output::publish_plan(s, sol, dir, req);
        return success;
    } catch (const output::write_error& e) {
        fmt::print(stderr, "jadwal: {}\n", load::printable(e.what()));
        return io_error;
    } catch (const std::exception& e) {
        fmt::print(stderr, "jadwal: cannot write the outputs to {}: {}\n", load::printable(dir.string()),
                   load::printable(e.what()));
        return input_error;
    }
}

}  // namespace jadwal::cli
