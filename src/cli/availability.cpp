#include "commands.hpp"
#include "print_diagnostics.hpp"

#include <jadwal/calendar/work_calendar.hpp>

#include <date/tz.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <memory>

namespace jadwal::cli {
namespace {

using calendar::interval;
using calendar::interval_set;
using load::printable;

struct piece {
    interval span;
    std::string kind;   // working | busy | unavailable | break | free
    std::string label;  // why
};

nlohmann::json to_json(const interval_set& set, const date::time_zone& zone) {
    auto out = nlohmann::json::array();
    for (const auto& i : set)
        out.push_back({{"start", calendar::format_instant(i.start, zone)},
                       {"end", calendar::format_instant(i.end, zone)}});
    return out;
}

std::string hhmm(calendar::instant t, const date::time_zone& zone, date::local_days day) {
    const auto local = zone.to_local(t);
    const auto m = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
    return fmt::format("{:02}:{:02}", m / 60, m % 60);
}

// Splits a piece at local midnights so each line stays within one day.
std::vector<piece> split_by_day(const std::vector<piece>& pieces, const date::time_zone& zone) {
    std::vector<piece> out;
    for (const auto& p : pieces) {
        auto start = p.span.start;
        while (start < p.span.end) {
            const auto day = calendar::local_day(start, zone);
            const auto next = calendar::to_instant(date::local_time<calendar::minutes>{day + date::days{1}}, zone);
            const auto end = std::min(next, p.span.end);
            out.push_back({{start, end}, p.kind, p.label});
            start = end;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const piece& x, const piece& y) { return x.span.start < y.span.start; });
    return out;
}

void print_text(const model::scenario& s, const model::employee& e, const calendar::availability& a,
                const std::vector<piece>& pieces, const date::time_zone& zone) {
    fmt::print("{} {} | unit {} | zone {}\n", printable(e.id), printable(e.name), printable(s.units[e.unit.value].id),
               printable(zone.name()));
    std::optional<date::local_days> current;
    for (const auto& p : split_by_day(pieces, zone)) {
        const auto day = calendar::local_day(p.span.start, zone);
        if (day != current) {
            fmt::print("{} {}\n", calendar::format_date(day), date::format("%a", date::weekday{day}));
            current = day;
        }
        fmt::print("  {}-{}  {:<11}  {}\n", hhmm(p.span.start, zone, day), hhmm(p.span.end, zone, day), p.kind,
                   printable(p.label));
    }
    // Breaks are named only where there are any: a pattern without breaks prints as before.
    const std::string breaks =
        a.breaks.empty() ? std::string{} : fmt::format(", break {} min", a.breaks.total().count());
    fmt::print("total: working {} min, busy {} min, unavailable {} min{}, free {} min\n", a.working.total().count(),
               a.busy.total().count(), a.unavailable.total().count(), breaks, a.free.total().count());
}

}  // namespace

action add_availability(CLI::App& app) {
    auto* cmd = app.add_subcommand("availability", "Show an employee's working, busy, unavailable, break and free time");
    struct args {
        std::string scenario, employee, from, to, format = "text";
        load::load_options load;
    };
    auto a = std::make_shared<args>();
    cmd->add_option("scenario", a->scenario, "Scenario file (YAML)")->required();
    cmd->add_option("--employee", a->employee, "Employee id (NIP)")->required();
    cmd->add_option("--from", a->from, "First date (YYYY-MM-DD)")->required();
    cmd->add_option("--to", a->to, "Last date (YYYY-MM-DD), inclusive")->required();
    cmd->add_option("--format", a->format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    add_load_options(*cmd, a->load);
    return [a]() {
        const auto from = calendar::parse_date(a->from);
        const auto to = calendar::parse_date(a->to);
        if (!from || !to || *to < *from) {
            fmt::print(stderr, "jadwal availability: --from and --to must be dates YYYY-MM-DD with from <= to\n");
            return static_cast<int>(usage_error);
        }
        if (*to - *from > date::days{3660}) {
            fmt::print(stderr, "jadwal availability: at most ten years at a time\n");
            return static_cast<int>(usage_error);
        }
        const auto loaded = load_and_report(a->scenario, a->load);
        if (!loaded.scenario) return failure_code(loaded.diags);
        const auto& s = *loaded.scenario;
        const auto idx = s.find_employee(a->employee);
        if (!idx) {
            fmt::print(stderr, "jadwal availability: no employee '{}' in {}\n", printable(a->employee),
                       printable(a->scenario));
            return static_cast<int>(input_error);
        }
        const auto& e = s.employees[idx->value];
        const auto& zone = s.zone_of(e);
        const calendar::work_calendar cal{s};
        const calendar::date_range days{*from, *to};
        const auto av = cal.employee(*idx, days);

        std::vector<piece> pieces;
        for (auto& l : cal.explain(*idx, days)) pieces.push_back({l.span, std::string{calendar::to_string(l.kind)}, l.label});
        for (const auto& f : av.free) pieces.push_back({f, "free", ""});

        if (a->format == "json") {
            nlohmann::json pieces_json = nlohmann::json::array();
            for (const auto& p : pieces)
                pieces_json.push_back({{"start", calendar::format_instant(p.span.start, zone)},
                                       {"end", calendar::format_instant(p.span.end, zone)},
                                       {"kind", p.kind},
                                       {"label", p.label}});
            const nlohmann::json out{
                {"employee", e.id},
                {"name", e.name},
                {"unit", s.units[e.unit.value].id},
                {"timezone", zone.name()},
                {"from", a->from},
                {"to", a->to},
                {"working", to_json(av.working, zone)},
                {"busy", to_json(av.busy, zone)},
                {"unavailable", to_json(av.unavailable, zone)},
                {"free", to_json(av.free, zone)},
                {"breaks", to_json(av.breaks, zone)},
                {"pieces", pieces_json},
                {"totals_minutes",
                 {{"working", av.working.total().count()},
                  {"busy", av.busy.total().count()},
                  {"unavailable", av.unavailable.total().count()},
                  {"break", av.breaks.total().count()},
                  {"free", av.free.total().count()}}}};
            fmt::print("{}\n", out.dump(2));
        } else {
            print_text(s, e, av, pieces, zone);
        }
        return static_cast<int>(success);
    };
}

}  // namespace jadwal::cli
