#include "outputs.hpp"

#include "commands.hpp"

#include <jadwal/load/diagnostic.hpp>
#include <jadwal/output/output_files.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace jadwal::cli {

bool parse_formats(const std::string& text, output_request& req) { return output::parse_publish_formats(text, req); }

void add_calendar_options(CLI::App& cmd, output_request& req, std::string& reminders) {
    cmd.add_option("--uid-domain", req.uid_domain,
                   "Calendar UIDs end in @DOMAIN (default jadwal); an office whose calendars are shared with "
                   "others uses its own, such as bkpsdmd.batangharikab.go.id")
        ->check([](const std::string& v) { return v.empty() ? std::string("the UID domain must not be empty") : ""; });
    cmd.add_option("--product-id", req.product_id, "Calendar PRODID (default -//jadwal//jadwal//EN)")
        ->check([](const std::string& v) { return v.empty() ? std::string("the product id must not be empty") : ""; });
    cmd.add_option("--reminders", reminders,
                   "Reminders in each calendar entry, before it: a comma-separated list such as 1d,30m or 2h (d, h, "
                   "m), or none (default 1d,30m)");
    cmd.add_flag("--spreadsheet", req.csv_spreadsheet,
                 "CSV files for spreadsheets set to Indonesian: ';' between columns, NIPs kept as text");
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

int write_plan_outputs(const text::messages& m, const model::scenario& s, const solve::solution& sol,
                       const std::filesystem::path& dir, const output_request& req) {
    try {
        output::publish_plan(s, sol, dir, req);
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
