#include "solution_file.hpp"

#include "print_diagnostics.hpp"

#include <jadwal/load/input_file.hpp>
#include <jadwal/io/solution_json.hpp>

#include <date/tz.h>
#include <fmt/format.h>

namespace jadwal::cli {

std::optional<solve::solution> read_solution_reporting(const model::scenario& s, const std::string& path,
                                                       int& failure, text::language l) {
    const auto read = io::read_solution_file(s, path);
    for (const auto& d : read.diags.items()) fmt::print(stderr, "{}\n", load::format(d, l));
    if (!read.solution || read.diags.has_errors()) {
        failure = failure_code(read.diags);
        return std::nullopt;
    }
    return read.solution;
}

std::optional<std::string> read_input_reporting(const std::string& path, std::string_view what, int& failure,
                                                text::language l) {
    load::diagnostics diags;
    auto text = load::read_input_file(path, what, diags);
    for (const auto& d : diags.items()) fmt::print(stderr, "{}\n", load::format(d, l));
    if (!text) failure = failure_code(diags);
    return text;
}

std::optional<calendar::instant> parse_replan_from(const model::scenario& s, const std::string& text) {
    if (const auto day = calendar::parse_date(text)) {
        const auto midnight = date::local_days{*day};
        return date::floor<calendar::minutes>(s.zone->to_sys(midnight, date::choose::earliest));
    }
    return calendar::parse_instant(text);
}

}  // namespace jadwal::cli
