#include "outputs.hpp"

#include "commands.hpp"

#include <jadwal/compare/at_risk.hpp>
#include <jadwal/load/diagnostic.hpp>
#include <jadwal/output/output_files.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace jadwal::cli {

bool parse_formats(const std::string& text, output_request& req) { return output::parse_publish_formats(text, req); }

void add_calendar_options(CLI::App& cmd, output_request& req, std::string& reminders) {
    cmd.add_option("--uid-domain", req.uid_domain,
                   "Calendar UIDs end in @DOMAIN (default: the scenario's outputs.uid_domain, else jadwal); an office "
                   "whose calendars are shared with others uses its own, such as bkpsdmd.batangharikab.go.id")
        ->check([](const std::string& v) { return v.empty() ? std::string("the UID domain must not be empty") : ""; });
    cmd.add_option("--product-id", req.product_id,
                   "Calendar PRODID (default: the scenario's outputs.product_id, else -//jadwal//jadwal//EN)")
        ->check([](const std::string& v) { return v.empty() ? std::string("the product id must not be empty") : ""; });
    cmd.add_option("--reminders", reminders,
                   "Reminders in each calendar entry, before it: a comma-separated list such as 1d,30m or 2h (d, h, "
                   "m), or none (default: the scenario's outputs.reminders, else 1d,30m)");
    cmd.add_option("--at-risk-below", req.at_risk_below,
                   "at_risk.csv and the report's at-risk section list the people less likely than this to reach "
                   "their JP target by the year's end (a probability from 0 to 1, default 0.5)")
        ->check(CLI::Range(0.0, 1.0));
    cmd.add_flag("--spreadsheet", req.csv_spreadsheet,
                 "CSV files for spreadsheets set to Indonesian: ';' between columns, NIPs kept as text (also on "
                 "when the scenario's outputs.spreadsheet is true)");
    cmd.add_option("--organizer", req.default_organizer,
                   "The organiser written in the CSV files for a programme without organizer (default: the "
                   "scenario's outputs.default_organizer, else none)");
    cmd.add_flag("--csv-bom,!--no-csv-bom", req.csv_bom,
                 "Start each CSV file with a UTF-8 byte order mark, or not (default: the scenario's "
                 "outputs.csv_bom, else not; --spreadsheet always writes one)");
}

std::optional<std::vector<int>> parse_reminders(std::string_view text) {
    std::vector<int> out;
    if (text == "none") return out;
    while (true) {
        const auto comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (item.size() < 2 || item.size() > 7) return std::nullopt;
        const char unit = item.back();
        const int per = unit == 'd' ? 24 * 60 : unit == 'h' ? 60 : unit == 'm' ? 1 : 0;
        if (per == 0) return std::nullopt;
        long n = 0;
        for (const char c : item.substr(0, item.size() - 1)) {
            if (c < '0' || c > '9') return std::nullopt;
            n = n * 10 + (c - '0');
        }
        if (n * per > 28L * 24 * 60) return std::nullopt;
        out.push_back(static_cast<int>(n * per));
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    std::sort(out.begin(), out.end(), std::greater<>());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

int apply_output_options(const text::messages& m, std::string_view verb, const std::string& reminders,
                         output_request& req) {
    const auto& organizer = req.default_organizer;  // --organizer: one CSV cell, on one line
    if (std::any_of(organizer.begin(), organizer.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
        fmt::print(stderr, "jadwal {}: {}\n", verb,
                   m.format("--organizer '{}' must be one line of text, without line breaks or tabs",
                            load::printable(organizer)));
        return usage_error;
    }
    if (reminders.empty()) return success;
    const auto minutes = parse_reminders(reminders);
    if (!minutes) {
        fmt::print(stderr, "jadwal {}: {}\n", verb,
                   m.format("--reminders '{}' is not none or a list such as 1d,30m (days d, hours h, minutes m; at "
                            "most 28 days)",
                            load::printable(reminders)));
        return usage_error;
    }
    req.reminder_minutes = *minutes;
    return success;
}

void apply_scenario_outputs(const CLI::App& cmd, const model::scenario& s, output_request& req) {
    const output::publish_request d = output::scenario_publish_request(s);
    if (cmd.count("--uid-domain") == 0) req.uid_domain = d.uid_domain;
    if (cmd.count("--product-id") == 0) req.product_id = d.product_id;
    if (cmd.count("--reminders") == 0) req.reminder_minutes = d.reminder_minutes;
    if (cmd.count("--spreadsheet") == 0) req.csv_spreadsheet = d.csv_spreadsheet;
    if (cmd.count("--organizer") == 0) req.default_organizer = d.default_organizer;
    if (cmd.count("--csv-bom") == 0 && cmd.count("--no-csv-bom") == 0) req.csv_bom = d.csv_bom;
}

int write_plan_outputs(const text::messages& m, const model::scenario& s, const solve::solution& sol,
                       const std::filesystem::path& dir, const output_request& req, const verify::report* check) {
    try {
        // The at-risk list needs the attendance model (the compare layer).
        compare::publish_with_at_risk(s, sol, dir, req, check);
        return success;
    } catch (const output::write_error& e) {
        fmt::print(stderr, "jadwal: {}\n", load::printable(e.what()));
        return io_error;
    } catch (const std::exception& e) {
        fmt::print(stderr, "jadwal: {}\n",
                   m.format("cannot write the outputs to {}: {}", load::printable(dir.string()),
                            load::printable(e.what())));
        return input_error;
    }
}

}  // namespace jadwal::cli
