#include "outputs.hpp"

#include "commands.hpp"

#include <jadwal/load/diagnostic.hpp>
#include <jadwal/output/output_files.hpp>

#include <fmt/format.h>

namespace jadwal::cli {

bool parse_formats(const std::string& text, output_request& req) { return output::parse_publish_formats(text, req); }

void add_calendar_options(CLI::App& cmd, output_request& req) {
    cmd.add_option("--uid-domain", req.uid_domain,
                   "Calendar UIDs end in @DOMAIN (default jadwal); an office whose calendars are shared with "
                   "others uses its own, such as bkpsdmd.batangharikab.go.id")
        ->check([](const std::string& v) { return v.empty() ? std::string("the UID domain must not be empty") : ""; });
    cmd.add_option("--product-id", req.product_id, "Calendar PRODID (default -//jadwal//jadwal//EN)")
        ->check([](const std::string& v) { return v.empty() ? std::string("the product id must not be empty") : ""; });
}

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
