#include <jadwal/output/publish.hpp>

#include <jadwal/io/solution_json.hpp>
#include <jadwal/output/csv.hpp>
#include <jadwal/output/ics.hpp>
#include <jadwal/output/output_files.hpp>
#include <jadwal/output/report.hpp>
#include <jadwal/model/policy.hpp>
#include <jadwal/verify/verify.hpp>

#include "parallel_for.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace jadwal::output {

calendar::instant dtstamp_from_unix(std::int64_t seconds) {
    return std::chrono::floor<calendar::minutes>(date::sys_seconds{std::chrono::seconds{seconds}});
}

calendar::instant default_dtstamp() {
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        const long long secs = std::strtoll(e, &end, 10);
        if (end && end != e && *end == '\0' && secs >= 0)
            return dtstamp_from_unix(secs);
    }
    return std::chrono::floor<calendar::minutes>(std::chrono::system_clock::now());
}

double publish_seconds_estimate(const model::scenario& s, const publish_request& req) {
    std::vector<char> wanted(s.employees.size(), 0);
    for (const auto& d : s.demand)
        if (d.employee.valid() && d.employee.value < wanted.size()) wanted[d.employee.value] = 1;
    const double people = static_cast<double>(std::count(wanted.begin(), wanted.end(), 1));
    // Seconds per person with demand, measured on the bundled example (7,200
    // people, 22,336 demand items, 79k study blocks): finishing the plan after
    // the search (the last repair, the top-up, explaining what stays unplaced,
    // the metrics and bounds) takes about 0.8 s; then each format is built
    // (solution.json 0.55 s, the CSVs 0.2 s, the report with its verification
    // 0.17 s, the calendars 0.25 s; side by side where cores allow) and the set
    // written and flushed (0.4 s, most of it the 7,200 calendar files). The set
    // a run replaces is deleted while the next one searches, so it costs nothing here.
    double per_person = 0.17e-3;  // finishing the plan, and a margin for a busy machine
    if (req.json) per_person += 0.075e-3;
    if (req.csv) per_person += 0.03e-3;
    if (req.html) per_person += 0.025e-3;
    if (req.ics) per_person += 0.09e-3;
    return 0.1 + per_person * people;
}

publish_request scenario_publish_request(const model::scenario& s) {
    publish_request req;
    const model::output_defaults& d = s.outputs;
    if (d.uid_domain) req.uid_domain = *d.uid_domain;
    if (d.product_id) req.product_id = *d.product_id;
    if (d.reminder_minutes) req.reminder_minutes = *d.reminder_minutes;
    if (d.spreadsheet) req.csv_spreadsheet = *d.spreadsheet;
    if (d.default_organizer) req.default_organizer = *d.default_organizer;
    if (d.csv_bom) req.csv_bom = *d.csv_bom;
    return req;
}

ics_options scenario_ics_options(const model::scenario& s) {
    const publish_request req = scenario_publish_request(s);
    ics_options o;
    o.uid_domain = req.uid_domain;
    o.product_id = req.product_id;
    o.reminder_minutes = req.reminder_minutes;
    return o;
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

void publish_plan(const model::scenario& s, const model::solution& sol, const std::filesystem::path& dir,
                  const publish_request& req) {
    // The formats are built side by side (each reads the plan only) and put
    // together in a fixed order, so the set is the same whatever the threads.
    std::vector<std::function<output_files()>> builders;
    if (req.json)
        builders.emplace_back([&] { return output_files{{"solution.json", io::solution_to_json(s, sol)}}; });
    if (req.csv) {
        builders.emplace_back([&] {
            csv_options co;
            co.spreadsheet = req.csv_spreadsheet;
            co.default_organizer = req.default_organizer;
            co.byte_order_mark = req.csv_bom;
            co.language = req.language;
            output_files out{schedule_csv(s, sol, co), siasn_courses_csv(s, sol, co), unplaced_csv(s, sol, co)};
            if (req.at_risk) out.push_back(at_risk_csv(s, *req.at_risk, co));
            return out;
        });
    }
    if (req.html) {
        builders.emplace_back([&] {
            // The report shows the checker's figures under the policy the plan was
            // made with (model::plan_policy).
            const model::policy& p = model::policy_or_builtin(model::plan_policy(s, sol));
            std::optional<verify::report> own;
            if (!req.checked) {
                verify::options vo;
                vo.language = req.language;  // the violations in the report's language
                own = verify::verify(s, sol, p, vo);
            }
            report_options ro;
            ro.baseline = req.baseline;
            ro.checked = req.checked ? req.checked : &*own;
            ro.language = req.language;
            ro.at_risk = req.at_risk;
            return output_files{html_report(s, sol, p, ro)};
        });
    }
    if (req.ics) {
        builders.emplace_back([&] {
            ics_options io;
            io.previous = req.previous;
            io.past_until = req.past_until;
            io.dtstamp = req.dtstamp ? *req.dtstamp : default_dtstamp();
            io.uid_domain = req.uid_domain;
            io.product_id = req.product_id;
            io.language = req.language;
            io.reminder_minutes = req.reminder_minutes;
            return calendar_files(s, sol, io);
        });
    }
    std::vector<output_files> parts(builders.size());
    detail::parallel_for(builders.size(), [&](std::size_t i) { parts[i] = builders[i](); }, 1, 4);
    output_files files;
    for (auto& part : parts)
        for (auto& f : part) files.push_back(std::move(f));
    write_outputs(dir, files);
}

}  // namespace jadwal::output
