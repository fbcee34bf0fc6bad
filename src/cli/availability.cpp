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

std::string hhmm(const text::messages& m, calendar::instant t, const date::time_zone& zone, date::local_days day) {
    const auto local = zone.to_local(t);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day);
    if (m.lang() == text::language::en)
        return fmt::format("{:02}:{:02}", minutes.count() / 60, minutes.count() % 60);
    return m.clock(minutes);
}

/// The kind of a piece as people read it; English keeps the names of the JSON output.
std::string kind_name(const text::messages& m, std::string_view kind) {
    if (m.lang() == text::language::en) return std::string(kind);
    if (kind == "working") return std::string(m.tr_in("availability", "working"));
    if (kind == "busy") return std::string(m.tr_in("availability", "busy"));
    if (kind == "unavailable") return std::string(m.tr_in("availability", "unavailable"));
    if (kind == "break") return std::string(m.tr_in("availability", "break"));
    if (kind == "free") return std::string(m.tr_in("availability", "free"));
    return std::string(kind);
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

void print_text(const text::messages& m, const model::scenario& s, const model::employee& e,
                const calendar::availability& a, const std::vector<piece>& pieces, const date::time_zone& zone) {
    fmt::print("{} {} | {} | {}\n", printable(e.id), printable(e.name),
               m.format("unit {}", printable(s.units[e.unit.value].id)), m.format("zone {}", printable(zone.name())));
    std::optional<date::local_days> current;
    for (const auto& p : split_by_day(pieces, zone)) {
        const auto day = calendar::local_day(p.span.start, zone);
        if (day != current) {
            if (m.lang() == text::language::en)
                fmt::print("{} {}\n", calendar::format_date(day), date::format("%a", date::weekday{day}));
            else
                fmt::print("{}\n", m.day(day, text::date_style::full));
            current = day;
        }
        std::string kind = kind_name(m, p.kind);
        std::size_t width = 0;
        for (const char c : kind) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (width < 11) kind.append(11 - width, ' ');
        fmt::print("  {}-{}  {}  {}\n", hhmm(m, p.span.start, zone, day), hhmm(m, p.span.end, zone, day), kind,
                   printable(p.label));
    }
    // Breaks are named only where there are any: a pattern without breaks prints as before.
    const std::string breaks =
        a.breaks.empty() ? std::string{} : m.format(", break {} min", count(m, a.breaks.total().count()));
    fmt::print("{}\n", m.format("total: working {} min, busy {} min, unavailable {} min{}, free {} min",
                                count(m, a.working.total().count()), count(m, a.busy.total().count()),
                                count(m, a.unavailable.total().count()), breaks, count(m, a.free.total().count())));
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
    return [a](const run_context& ctx) {
        const auto early = ctx.messages();
        const auto from = calendar::parse_date(a->from);
        const auto to = calendar::parse_date(a->to);
        if (!from || !to || *to < *from) {
            fmt::print(stderr, "jadwal availability: {}\n",
                       early.tr("--from and --to must be dates YYYY-MM-DD with from <= to"));
            return static_cast<int>(usage_error);
        }
        if (*to - *from > date::days{3660}) {
            fmt::print(stderr, "jadwal availability: {}\n", early.tr("at most ten years at a time"));
            return static_cast<int>(usage_error);
        }
        const auto loaded = load_and_report(ctx, a->scenario, a->load);
        if (!loaded.scenario) return failure_code(loaded.diags);
        const auto& s = *loaded.scenario;
        const text::messages m = ctx.messages(s);
        const auto idx = s.find_employee(a->employee);
        if (!idx) {
            // A name on the command line the scenario lacks is a usage error in every verb.
            fmt::print(stderr, "jadwal availability: {}\n",
                       m.format("no employee '{}' in {}", printable(a->employee), printable(a->scenario)));
            return static_cast<int>(usage_error);
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
            fmt::print("{}\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
        } else {
            print_text(m, s, e, av, pieces, zone);
        }
        return static_cast<int>(success);
    };
}

}  // namespace jadwal::cli
