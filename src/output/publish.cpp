#include <jadwal/output/publish.hpp>

#include <jadwal/io/solution_json.hpp>
#include <jadwal/output/csv.hpp>
#include <jadwal/output/ics.hpp>
#include <jadwal/output/output_files.hpp>
#include <jadwal/output/report.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

namespace jadwal::output {

calendar::instant default_dtstamp() {
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        const long long secs = std::strtoll(e, &end, 10);
        if (end && end != e && *end == '\0' && secs >= 0)
            return std::chrono::floor<calendar::minutes>(date::sys_seconds{std::chrono::seconds{secs}});
    }
    return std::chrono::floor<calendar::minutes>(std::chrono::system_clock::now());
}

double publish_seconds_estimate(const model::scenario& s, const publish_request& req) {
    std::vector<char> wanted(s.employees.size(), 0);
    for (const auto& d : s.demand)
        if (d.employee.valid() && d.employee.value < wanted.size()) wanted[d.employee.value] = 1;
    const double people = static_cast<double>(std::count(wanted.begin(), wanted.end(), 1));
    // Seconds per person with demand, measured on the bundled example (7,200
    // people, solve with a time limit and export per format) with about half
    // again as margin: the explanations of what stays unplaced, solution.json,
    // both CSVs, the report (which verifies the plan) and a calendar file each
    // (written, flushed, and the previous set's deleted).
    double per_person = 0.04e-3;  // explanations
    if (req.json) per_person += 0.035e-3;
    if (req.csv) per_person += 0.01e-3;
    if (req.html) per_person += 0.025e-3;
    if (req.ics) per_person += 0.09e-3;
    return 0.1 + per_person * people;
}

bool parse_publish_formats(std::string_view text, publish_request& req) {
    if (text == "all") {
        req.json = req.csv = req.html = req.ics = true;
        return true;
    }
    req.json = req.csv = req.html = req.ics = false;
    bool any = false;
    while (true) {
        const auto comma = text.find(',');
        const std::string_view part = text.substr(0, comma);
        if (part == "json") req.json = true;
        else if (part == "csv") req.csv = true;
        else if (part == "html") req.html = true;
        else if (part == "ics") req.ics = true;
        else return false;
        any = true;
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
        if (text.empty()) break;  // a trailing comma, as the CLI has always accepted
    }
    return any;
}

void publish_plan(const model::scenario& s, const solve::solution& sol, const std::filesystem::path& dir,
                  const publish_request& req) {
    output_files files;
    if (req.json) files.push_back({"solution.json", io::solution_to_json(s, sol)});
    if (req.csv) {
        files.push_back(schedule_csv(s, sol));
        files.push_back(siasn_courses_csv(s, sol));
    }
    if (req.html) {
        // The report shows the checker's figures under the policy the plan was
        // made with; "default" is the built-in policy, not a scenario entry.
        const model::policy fallback;
        const model::policy* pol = solve::plan_policy(s, sol);
        const model::policy& p = pol ? *pol : fallback;
        const verify::report checked = verify::verify(s, sol, p);
        report_options ro;
        ro.baseline = req.baseline;
        ro.checked = &checked;
        files.push_back(html_report(s, sol, p, ro));
    }
    if (req.ics) {
        ics_options io;
        io.previous = req.previous;
        io.dtstamp = req.dtstamp ? *req.dtstamp : default_dtstamp();
        for (auto& f : calendar_files(s, sol, io)) files.push_back(std::move(f));
    }
    write_outputs(dir, files);
}

}  // namespace jadwal::output
