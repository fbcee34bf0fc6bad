#include "outputs.hpp"

#include <jadwal/io/solution_json.hpp>
#include <jadwal/output/csv.hpp>
#include <jadwal/output/ics.hpp>
#include <jadwal/output/output_files.hpp>
#include <jadwal/output/report.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <sstream>

namespace jadwal::cli {
namespace {

/// DTSTAMP: SOURCE_DATE_EPOCH when set (reproducible outputs, as for builds),
/// else the current minute.
calendar::instant calendar_stamp() {
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        const long long secs = std::strtoll(e, &end, 10);
        if (end && *end == '\0' && secs >= 0)
            return std::chrono::floor<calendar::minutes>(date::sys_seconds{std::chrono::seconds{secs}});
    }
    return std::chrono::floor<calendar::minutes>(std::chrono::system_clock::now());
}

}  // namespace

bool parse_formats(const std::string& text, output_request& req) {
    if (text == "all") {
        req.json = req.csv = req.html = req.ics = true;
        return true;
    }
    req.json = req.csv = req.html = req.ics = false;
    std::stringstream in(text);
    std::string part;
    bool any = false;
    while (std::getline(in, part, ',')) {
        if (part == "json") req.json = true;
        else if (part == "csv") req.csv = true;
        else if (part == "html") req.html = true;
        else if (part == "ics") req.ics = true;
        else return false;
        any = true;
    }
    return any;
}

bool write_plan_outputs(const model::scenario& s, const solve::solution& sol, const std::filesystem::path& dir,
                        const output_request& req) {
    try {
        output::output_files files;
        if (req.json) files.push_back({"solution.json", io::solution_to_json(s, sol)});
        if (req.csv) {
            files.push_back(output::schedule_csv(s, sol));
            files.push_back(output::siasn_courses_csv(s, sol));
        }
        if (req.html) {
            solve::solve_options by_name;
            by_name.policy = sol.policy == "default" ? std::string() : sol.policy;
            const model::policy fallback;
            const model::policy* pol = solve::select_policy(s, by_name);
            const model::policy& p = pol ? *pol : fallback;
            const verify::report checked = verify::verify(s, sol, p);
            output::report_options ro;
            ro.baseline = req.baseline;
            ro.checked = &checked;
            files.push_back(output::html_report(s, sol, p, ro));
        }
        if (req.ics) {
            output::ics_options io;
            io.previous = req.previous;
            io.dtstamp = calendar_stamp();
            auto cal = output::calendar_files(s, sol, io);
            for (auto& f : cal) files.push_back(std::move(f));
        }
        output::write_outputs(dir, files);
        return true;
    } catch (const std::exception& e) {
        fmt::print(stderr, "jadwal: cannot write the outputs to {}: {}\n", dir.string(), e.what());
        return false;
    }
}

}  // namespace jadwal::cli
