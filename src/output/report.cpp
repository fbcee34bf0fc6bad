#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/output/at_risk.hpp>
#include <jadwal/output/plan_figures.hpp>
#include <jadwal/output/report.hpp>
#include <jadwal/solve/explain.hpp>
#include <jadwal/verify/verify.hpp>
#include <jadwal/text/messages.hpp>

#include <date/tz.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "report_charts.hpp"
#include "report_html.hpp"

namespace jadwal::output {
namespace {

using detail::html;
using detail::priority_name;

// ---------------------------------------------------------------- numbers as people read them

/// 1234567 as "1,234,567" (en) or "1.234.567" (id).
std::string grouped(const text::messages& t, std::int64_t v) {
    return t.number(v);
}
std::string grouped(const text::messages& t, double v) {
    return t.number(static_cast<std::int64_t>(std::llround(v)));
}
std::string percent(const text::messages& t, double share) {
    return t.percent(share, 1);
}
double ratio(std::int64_t part, std::int64_t whole) {
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

/// The solver's status: its name in English (as the report always showed it), in words in Indonesian.
std::string status_name(const text::messages& t, model::solve_status st) {
    if (t.lang() == text::language::en) return std::string(model::to_string(st));
    switch (st) {
        case model::solve_status::optimal:
            return std::string(t.tr_in("status", "optimal"));
        case model::solve_status::feasible:
            return std::string(t.tr_in("status", "feasible"));
        case model::solve_status::infeasible:
            return std::string(t.tr_in("status", "infeasible"));
        case model::solve_status::time_limit_no_solution:
            return std::string(t.tr_in("status", "time limit reached without a plan"));
    }
    return std::string(model::to_string(st));
}

// ---------------------------------------------------------------- the page frame

// Inline, because the file must stand alone; system fonts only.
constexpr char style[] = R"css(
:root{--ink:#1d2330;--muted:#5b6475;--line:#d9dee7;--card:#f5f7fa;--a:#3b6fb6;--b:#e08a2e;--bad:#c62828;--good:#2e7d32}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 16px}
header{padding-top:20px}
h1{font-size:1.6em;margin:0 0 4px}
h2{font-size:1.25em;margin:28px 0 8px;padding-top:8px;border-top:1px solid var(--line)}
h3{font-size:1.05em;margin:16px 0 6px}
p{margin:6px 0}
.meta{color:var(--muted);font-size:.9em}
nav{margin:10px 0;font-size:.9em;display:flex;flex-wrap:wrap;gap:4px 14px}
nav a{color:var(--a);text-decoration:none;white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:10px;margin:12px 0}
.card{background:var(--card);border-radius:8px;padding:10px 12px}
.card .v{font-size:1.5em;font-weight:600}
.card .v small{font-size:.6em;font-weight:400;color:var(--muted)}
.card .k{font-size:.85em;color:var(--muted)}
.card.bad .v{color:var(--bad)}
.card.good .v{color:var(--good)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-size:.88em;margin:8px 0;min-width:100%}
th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:var(--card);font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.good{color:var(--good);font-weight:600}
td.bad{color:var(--bad);font-weight:600}
code{font-size:.9em}
td code{white-space:nowrap}
td.name{min-width:14em}
details{margin:8px 0}
summary{cursor:pointer;color:var(--a);font-weight:600}
ul.reasons{margin:0;padding-left:1.1em}
.note{color:var(--muted);font-size:.88em}
svg.chart{display:block;max-width:100%;height:auto;margin:8px 0}
svg text{font:11px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:var(--ink)}
svg text.tick{fill:var(--muted);font-size:10px}
svg .grid{stroke:#e6e9ef;stroke-width:1}
svg .band{stroke:var(--line);stroke-width:1}
svg .bar-a{fill:var(--a)}
svg .bar-b{fill:var(--b)}
svg .empty{fill:#f3f4f6}
svg .over{stroke:var(--bad);stroke-width:2}
svg .over-key{fill:none;stroke:var(--bad);stroke-width:2}
svg .limit{stroke:var(--bad);stroke-width:1.5;stroke-dasharray:4 3}
svg text.limit-label{fill:var(--bad)}
svg .m-classroom{fill:#a9c5ea}
svg .m-online_live{fill:#a6dcbf}
svg .session{fill:#1d3f72}
.histos{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px}
footer{margin-top:32px;padding-bottom:24px;color:var(--muted);font-size:.85em}
@media (max-width:600px){body{font-size:14px}.card .v{font-size:1.25em}th,td{padding:3px 5px}}
@media print{
  body{font-size:10pt;color:#000}
  nav{display:none}
  header,main,footer{max-width:none;padding:0}
  h2{break-after:avoid}
  svg.chart,table tr,.card{break-inside:avoid}
  .scroll{overflow:visible}
  a,summary{color:inherit;text-decoration:none}
}
)css";

void page_start(html& h, const text::messages& t, const std::string& title) {
    if (t.lang() == text::language::id)
        h.raw("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n");
    else
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Defence in depth behind the escaping: no script runs and nothing is fetched,
    // whatever the page holds. Inline CSS is the only thing allowed; the icon is
    // an empty data URL so that browsers do not ask for /favicon.ico.
    h.raw(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:; form-action 'none'; base-uri 'none'\">\n");
    h.raw("<meta name=\"generator\" content=\"jadwal\">\n<link rel=\"icon\" href=\"data:,\">\n<title>");
    h.text(title).raw("</title>\n<style>").raw(style).raw("</style>\n</head>\n<body>\n");
}

// ---------------------------------------------------------------- sections

struct metric_row {
    const char* name;                                  // the metric's name in solution.json (or a derived one)
    std::string_view (*label)(const text::messages&);  // what people read
    std::function<double(const model::solution_metrics&, const plan_figures&)> value;
    bool integral = true;
    bool share = false;
    int better = 0;  // +1 higher is better, -1 lower is better, 0 neither
};

double per_placed_jp(std::int64_t minutes, const plan_figures& f) {
    return f.placed_jp_total > 0 ? static_cast<double>(minutes) / static_cast<double>(f.placed_jp_total) : 0.0;
}

const std::vector<metric_row>& metric_rows() {
    using M = model::solution_metrics;
    using F = plan_figures;
    static const std::vector<metric_row> rows = {
        {"participation_rate", [](const text::messages& t) { return t.tr("participation"); },
         [](const M& m, const F&) { return m.participation_rate; }, false, true, +1},
        {"demand_placed", [](const text::messages& t) { return t.tr("demand placed"); },
         [](const M& m, const F&) { return double(m.demand_placed); }, true, false, +1},
        {"jp_target_attainment", [](const text::messages& t) { return t.tr("JP-target attainment"); },
         [](const M& m, const F&) { return m.jp_target_attainment; }, false, true, +1},
        {"jp_target_met", [](const text::messages& t) { return t.tr("staff meeting their JP target"); },
         [](const M& m, const F&) { return double(m.jp_target_met); }, true, false, +1},
        {"disruption_minutes", [](const text::messages& t) { return t.tr("training minutes in working time"); },
         [](const M& m, const F&) { return double(m.disruption_minutes); }, true, false, -1},
        {"disruption_per_placed_jp", [](const text::messages& t) { return t.tr("… per placed JP"); },
         [](const M& m, const F& f) { return per_placed_jp(m.disruption_minutes, f); }, false, false, -1},
        {"disruption_weighted", [](const text::messages& t) { return t.tr("… weighted by critical periods"); },
         [](const M& m, const F&) { return m.disruption_weighted; }, true, false, -1},
        {"after_hours_minutes", [](const text::messages& t) { return t.tr("training minutes outside working time"); },
         [](const M& m, const F&) { return double(m.after_hours_minutes); }, true, false, -1},
        {"max_after_hours_minutes_per_person_week",
         [](const text::messages& t) { return t.tr("most after-hours minutes of one person in one week"); },
         [](const M& m, const F&) { return double(m.max_after_hours_minutes_per_person_week); }, true, false, -1},
        {"preference_misses", [](const text::messages& t) { return t.tr("preference misses"); },
         [](const M& m, const F&) { return double(m.preference_misses); }, true, false, -1},
        {"max_unit_absence_ratio",
         [](const text::messages& t) { return t.tr("largest share of a unit in training at once"); },
         [](const M& m, const F&) { return m.max_unit_absence_ratio; }, false, true, -1},
        {"cohorts", [](const text::messages& t) { return t.tr("live cohorts"); },
         [](const M& m, const F&) { return double(m.cohorts); }, true, false, 0},
        {"sessions", [](const text::messages& t) { return t.tr("sessions"); },
         [](const M& m, const F&) { return double(m.sessions); }, true, false, 0},
        {"study_blocks", [](const text::messages& t) { return t.tr("study blocks"); },
         [](const M& m, const F&) { return double(m.study_blocks); }, true, false, 0},
        {"instructor_minutes", [](const text::messages& t) { return t.tr("instructor minutes"); },
         [](const M& m, const F&) { return double(m.instructor_minutes); }, true, false, 0},
        {"hard_violations", [](const text::messages& t) { return t.tr("hard violations"); },
         [](const M& m, const F&) { return double(m.hard_violations); }, true, false, -1},
        {"recording_placed", [](const text::messages& t) { return t.tr("demand placed by watching a recording"); },
         [](const M& m, const F&) { return double(m.recording_placed); }, true, false, 0},
        {"top_up_placed",
         [](const text::messages& t) { return t.tr("catalogue courses added to reach the JP target (top-up)"); },
         [](const M& m, const F&) { return double(m.top_up_placed); }, true, false, 0},
        {"top_up_jp", [](const text::messages& t) { return t.tr("JP of top-up"); },
         [](const M& m, const F&) { return double(m.top_up_jp); }, true, false, 0},
        {"assigned_duty_days",
         [](const text::messages& t) { return t.tr("days of training as assigned duty (surat tugas)"); },
         [](const M& m, const F&) { return double(m.assigned_duty_days); }, true, false, 0},
        {"assigned_duty_minutes", [](const text::messages& t) { return t.tr("training minutes as assigned duty"); },
         [](const M& m, const F&) { return double(m.assigned_duty_minutes); }, true, false, 0},
        {"days_in_lieu", [](const text::messages& t) { return t.tr("days off in lieu for shift staff"); },
         [](const M& m, const F&) { return double(m.days_in_lieu); }, true, false, 0},
    };
    return rows;
}

std::string show(const text::messages& t, const metric_row& r, double v) {
    if (r.share) return percent(t, v);
    if (r.integral) return grouped(t, v);
    return detail::plain_decimal(t, v, 1);
}

enum class tone { plain, good, bad };

/// A headline figure: its value (with a unit in small type when it has one) over a caption.
void card(html& h, const std::string& value, std::string_view unit, const std::string& caption, tone t = tone::plain) {
    if (t == tone::good)
        h.raw("<div class=\"card good\">");
    else if (t == tone::bad)
        h.raw("<div class=\"card bad\">");
    else
        h.raw("<div class=\"card\">");
    h.raw("<div class=\"v\">").text(value);
    if (!unit.empty()) h.raw(" <small>").text(unit).raw("</small>");
    h.raw("</div><div class=\"k\">").text(caption).raw("</div></div>\n");
}

/// Opens a table of `rows` rows; a long one is folded away behind `what` so that the
/// page stays readable (on a phone above all), a short one shows as it is.
void open_table(html& h, std::size_t rows, const std::string& what) {
    if (rows > 25) h.raw("<details><summary>").text(what).raw("</summary>\n");
    h.raw("<div class=\"scroll\"><table>\n");
}
void close_table(html& h, std::size_t rows) {
    h.raw("</table></div>\n");
    if (rows > 25) h.raw("</details>\n");
}

class page {
public:
    page(const model::scenario& s, const model::solution& sol, const model::policy& pol, const report_options& opts)
        : s_(s),
          sol_(sol),
          pol_(pol),
          opts_(opts),
          t_(text::choose_language(opts.language, s.locale)),
          f_(opts.checked ? compute_plan_figures(s, *opts.checked) : compute_plan_figures(s, sol, pol)),
          m_(opts.checked ? opts.checked->metrics : sol.metrics) {}

    std::string render() {
        const std::string title = opts_.title.empty() ? std::string(t_.tr("Training plan: ")) + s_.name : opts_.title;
        h_.reserve(256 * 1024);
        page_start(h_, t_, title);
        header(title);
        summary();
        if (opts_.baseline) comparison();
        if (opts_.checked) checked();
        units();
        if (opts_.at_risk) at_risk();
        if (!sol_.makeups.empty()) makeups();
        absence();
        after_hours();
        cohorts();
        unplaced();
        h_.raw("</main>\n<footer>")
            .text(t_.tr("Made by jadwal from the scenario and the plan alone; the metrics are defined in "
                        "the project's docs/model.md. This file fetches nothing and runs no script."))
            .raw("</footer>\n</body>\n</html>\n");
        return std::move(h_).take();
    }

private:
    void header(const std::string& title) {
        h_.raw("<header>\n<h1>").text(title).raw("</h1>\n<p class=\"meta\">");
        if (!s_.name.empty() && !opts_.title.empty()) h_.text(s_.name).raw(" &middot; ");
        h_.text(t_.format("{} to {}", date_text(s_.horizon.first), date_text(s_.horizon.last)));
        h_.raw(" &middot; ").text(t_.tr("policy")).raw(" <b>").text(pol_.id).raw("</b>");
        if (!pol_.description.empty()) h_.raw(" (").text(pol_.description).raw(")");
        h_.raw(" &middot; ").text(t_.tr("strategy")).raw(" ").text(detail::strategy_name(t_, sol_.strategy));
        h_.raw(" &middot; ").text(t_.tr("seed")).raw(" ").text(fmt::format("{}", sol_.seed));
        h_.raw(" &middot; ")
            .text(t_.tr("status"))
            .raw(" <b>")
            .text(status_name(t_, sol_.status))
            .raw("</b></p>\n<nav>");
        h_.raw("<a href=\"#summary\">").text(t_.tr("Summary")).raw("</a>");
        if (opts_.baseline) h_.raw("<a href=\"#comparison\">").text(t_.tr("Comparison")).raw("</a>");
        if (opts_.checked) h_.raw("<a href=\"#checked\">").text(t_.tr("Check")).raw("</a>");
        h_.raw("<a href=\"#units\">").text(t_.tr("Units")).raw("</a>");
        if (opts_.at_risk) h_.raw("<a href=\"#at-risk\">").text(t_.tr("At risk")).raw("</a>");
        if (!sol_.makeups.empty()) h_.raw("<a href=\"#makeups\">").text(t_.tr("Make-ups")).raw("</a>");
        h_.raw("<a href=\"#absence\">").text(t_.tr("Absence")).raw("</a>");
        h_.raw("<a href=\"#after-hours\">").text(t_.tr("After hours")).raw("</a>");
        h_.raw("<a href=\"#cohorts\">").text(t_.tr("Cohorts")).raw("</a>");
        h_.raw("<a href=\"#unplaced\">").text(t_.tr("Unplaced")).raw("</a></nav>\n</header>\n<main>\n");
    }

    void summary() {
        h_.raw("<section id=\"summary\">\n<h2>").text(t_.tr("Summary")).raw("</h2>\n<p class=\"note\">");
        h_.text(opts_.checked ? t_.tr("Metrics as jadwal verify recomputed them from the scenario and the plan.")
                              : t_.tr("Metrics as the plan states them (not checked by jadwal verify)."));
        h_.raw("</p>\n<div class=\"cards\">\n");
        const auto bound_note = [&](std::int64_t bound, std::int64_t got, std::int64_t total) {
            return t_.format("; no plan can do better than {} ({}), {} from this one", grouped(t_, bound),
                             percent(t_, ratio(bound, total)), grouped(t_, bound - got));
        };
        card(h_, percent(t_, m_.participation_rate), "",
             t_.format("participation: {} of {} demand items placed{}", grouped(t_, m_.demand_placed),
                       grouped(t_, m_.demand_total),
                       sol_.bounds ? bound_note(sol_.bounds->demand_placed, m_.demand_placed, m_.demand_total) : ""));
        card(h_, percent(t_, m_.jp_target_attainment), "",
             t_.format(
                 "JP target met by {} of {} staff with a target{}", grouped(t_, m_.jp_target_met),
                 grouped(t_, m_.jp_target_employees),
                 sol_.bounds ? bound_note(sol_.bounds->jp_target_met, m_.jp_target_met, m_.jp_target_employees) : ""));
        card(h_, grouped(t_, m_.disruption_minutes), t_.tr("min"),
             t_.format("training in working time (disruption), {} h; {} min per placed JP ({} JP placed)",
                       grouped(t_, static_cast<double>(m_.disruption_minutes) / 60.0),
                       detail::plain_decimal(t_, per_placed_jp(m_.disruption_minutes, f_), 1),
                       grouped(t_, f_.placed_jp_total)));
        card(h_, grouped(t_, m_.after_hours_minutes), t_.tr("min"),
             t_.format("training outside working time (after hours), {} h",
                       grouped(t_, static_cast<double>(m_.after_hours_minutes) / 60.0)));
        std::string week_caption(t_.tr("most after-hours minutes of one person in one week"));
        if (pol_.max_after_hours_minutes_per_week)
            week_caption +=
                t_.format(" (policy limit {})", detail::plain_count(t_, *pol_.max_after_hours_minutes_per_week));
        card(h_, grouped(t_, m_.max_after_hours_minutes_per_person_week), t_.tr("min"), week_caption);
        // docs/model.md "Preferences": shown when someone asked for something.
        if (const auto asking = people_with_preferences(); asking > 0 || m_.preference_misses > 0)
            card(h_, grouped(t_, m_.preference_misses), "",
                 t_.format("preference misses (a day, time or mode people did not ask for; {} people have "
                           "preferences)",
                           grouped(t_, asking)));
        std::string absence_caption(t_.tr("largest share of one unit's staff in training in working time at once"));
        if (const auto u = worst_unit()) absence_caption += " (" + s_.units[*u].id + ")";
        card(h_, percent(t_, m_.max_unit_absence_ratio), "", absence_caption);
        card(h_, grouped(t_, m_.cohorts), "", std::string(t_.tr("live cohorts (classroom and online)")));
        card(h_, grouped(t_, m_.sessions), "", std::string(t_.tr("sessions")));
        card(h_, grouped(t_, m_.study_blocks), "", std::string(t_.tr("self-paced study blocks")));
        // Under a policy with assigned duty (docs/model.md "Assigned duty").
        if (pol_.assigned_duty) {
            card(h_, grouped(t_, m_.assigned_duty_days), t_.tr("days"),
                 t_.format("training as assigned duty (surat tugas) on rostered days off and in {}: {} h, "
                           "neither working time nor after hours",
                           pol_.assigned_duty->seasons.empty()
                               ? std::string{t_.tr("no season")}
                               : fmt::format("{}", fmt::join(pol_.assigned_duty->seasons, ", ")),
                           grouped(t_, static_cast<double>(m_.assigned_duty_minutes) / 60.0)));
            card(h_, grouped(t_, m_.days_in_lieu), t_.tr("days"),
                 t_.format("days off in lieu for shift staff, each on a rostered shift within {} days of its "
                           "duty day",
                           pol_.assigned_duty->lieu_window_days));
        }
        card(h_, grouped(t_, m_.hard_violations), "", std::string(t_.tr("hard violations")),
             m_.hard_violations > 0 ? tone::bad : tone::good);
        h_.raw("</div>\n");
        staff_groups();
        h_.raw("</section>\n");
    }

    /// JP-target attainment per staff group, as the checker counts it: shift
    /// staff and teachers meet rules office staff do not, which one total hides.
    void staff_groups() {
        if (!opts_.checked) return;
        const std::array<std::string_view, model::staff_group_count> labels{t_.tr("office staff"), t_.tr("teachers"),
                                                                            t_.tr("shift staff"), t_.tr("other staff")};
        const auto& groups = opts_.checked->staff_groups;
        h_.raw("<h3>").text(t_.tr("JP target by staff group")).raw("</h3>\n<p class=\"note\">");
        h_.text(
            t_.tr("Told from each person's work pattern: shift staff rotate, teachers have school holidays, office "
                  "staff work Monday to Friday, other staff the rest (six-day weeks)."));
        h_.raw("</p>\n");
        open_table(h_, groups.size(), std::string(t_.tr("Staff groups")));
        h_.raw("<tr><th>").text(t_.tr("staff group")).raw("</th><th class=\"n\">").text(t_.tr("staff"));
        h_.raw("</th><th class=\"n\">").text(t_.tr("target met / with target")).raw("</th><th class=\"n\">");
        h_.text(t_.tr("attainment")).raw("</th></tr>\n");
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const auto& x = groups[g];
            if (x.headcount == 0) continue;
            h_.raw("<tr><td class=\"name\">").text(labels[g]).raw("</td>");
            num_cell(grouped(t_, x.headcount));
            num_cell(fmt::format("{} / {}", grouped(t_, x.jp_target_met), grouped(t_, x.jp_target_employees)));
            num_cell(x.jp_target_employees > 0 ? percent(t_, x.attainment()) : std::string(t_.tr("n/a")));
            h_.raw("</tr>\n");
        }
        close_table(h_, groups.size());
    }

    /// Staff who state a preference, or whose unit prefers training days.
    std::int64_t people_with_preferences() const {
        std::int64_t n = 0;
        for (const auto& e : s_.employees) {
            const bool unit_days =
                e.unit.valid() && e.unit.value < s_.units.size() && s_.units[e.unit.value].preferred_days != 0;
            if (!e.prefs.empty() || unit_days) ++n;
        }
        return n;
    }

    std::optional<std::uint32_t> worst_unit() const {
        std::optional<std::uint32_t> best;
        for (std::uint32_t u = 0; u < f_.units.size(); ++u)
            if (f_.units[u].max_absence_ratio > 0 &&
                (!best || f_.units[u].max_absence_ratio > f_.units[*best].max_absence_ratio))
                best = u;
        return best;
    }

    void comparison() {
        const model::solution& base = *opts_.baseline;
        const plan_figures bf = compute_plan_figures(s_, base, pol_);
        std::string label = opts_.baseline_label;
        if (label.empty()) label = t_.format("baseline ({}, {})", base.policy, base.strategy);
        h_.raw("<section id=\"comparison\">\n<h2>").text(t_.tr("Comparison")).raw("</h2>\n<p class=\"note\">");
        h_.text(
            t_.format("This plan against {}. Ratio = this plan ÷ the other; green where this plan is better, red "
                      "where it is worse.",
                      label));
        h_.raw("</p>\n<div class=\"scroll\"><table>\n<tr><th>").text(t_.tr("metric")).raw("</th><th class=\"n\">");
        h_.text(t_.tr("this plan")).raw("</th><th class=\"n\">");
        h_.text(label).raw("</th><th class=\"n\">").text(t_.tr("ratio")).raw("</th></tr>\n");
        for (const auto& r : metric_rows()) {
            const double a = r.value(m_, f_), b = r.value(base.metrics, bf);
            h_.raw("<tr><td>").text(r.label(t_)).raw(" <code>").text(r.name).raw("</code></td><td class=\"n");
            const int sign = a > b ? 1 : (a < b ? -1 : 0);
            if (r.better != 0 && sign != 0) {
                if (sign == r.better)
                    h_.raw(" good");
                else
                    h_.raw(" bad");
            }
            h_.raw("\">")
                .text(show(t_, r, a))
                .raw("</td><td class=\"n\">")
                .text(show(t_, r, b))
                .raw("</td><td class=\"n\">");
            if (b != 0)
                h_.text("\xC3\x97" + detail::plain_decimal(t_, a / b, 2));  // "×0.85"
            else
                h_.text(a == 0 ? "=" : "\xE2\x80\x94");  // "—": no ratio to a zero
            h_.raw("</td></tr>\n");
        }
        h_.raw("</table></div>\n</section>\n");
    }

    void checked() {
        const verify::report& r = *opts_.checked;
        h_.raw("<section id=\"checked\">\n<h2>").text(t_.tr("Check")).raw("</h2>\n<p>");
        if (r.violations.empty()) {
            h_.text(t_.tr("jadwal verify found no violation of a hard constraint."));
        } else {
            h_.raw("<b>").text(t_.format("jadwal verify found {} violations of hard constraints.",
                                         grouped(t_, static_cast<std::int64_t>(r.violations.size()))));
            h_.raw("</b></p>\n<div class=\"scroll\"><table>\n<tr><th>").text(t_.tr("code"));
            h_.raw("</th><th class=\"n\">").text(t_.tr("count")).raw("</th><th>").text(t_.tr("the first"));
            h_.raw("</th></tr>\n");
            for (const auto& [code, count] : r.violations_by_code) {
                h_.raw("<tr><td><code>").text(code).raw("</code></td>");
                num_cell(grouped(t_, count));
                h_.raw("<td>");
                const auto first = std::find_if(r.violations.begin(), r.violations.end(),
                                                [&](const verify::violation& v) { return v.code == code; });
                if (first != r.violations.end()) h_.text(first->message);
                h_.raw("</td></tr>\n");
            }
            h_.raw("</table></div>\n<p>");
        }
        if (!r.warnings.empty())
            h_.text(t_.format(" It also warns of {} inconsistencies that do not break the plan.",
                              detail::plain_count(t_, static_cast<std::int64_t>(r.warnings.size()))));
        h_.raw("</p>\n</section>\n");
    }

    /// Units worth a row in a chart: with staff, and with demand or targets.
    std::vector<std::uint32_t> chart_units(const std::function<bool(std::uint32_t, std::uint32_t)>& before) const {
        std::vector<std::uint32_t> out;
        for (std::uint32_t u = 0; u < f_.units.size(); ++u)
            if (f_.units[u].headcount > 0) out.push_back(u);
        std::stable_sort(out.begin(), out.end(), before);
        if (out.size() > opts_.chart_units) out.resize(opts_.chart_units);
        return out;
    }

    void units() {
        h_.raw("<section id=\"units\">\n<h2>").text(t_.tr("Participation and JP targets per unit")).raw("</h2>\n");
        // The units that matter most for participation, the ones with the most demand
        // (with many small units at 0% a "lowest first" pick would show only those),
        // drawn lowest participation first.
        std::vector<std::uint32_t> shown;
        for (std::uint32_t u = 0; u < f_.units.size(); ++u)
            if (f_.units[u].demand_total > 0 || f_.units[u].jp_target_employees > 0) shown.push_back(u);
        const std::size_t with_demand = shown.size();
        std::stable_sort(shown.begin(), shown.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::pair(f_.units[a].demand_total, f_.units[a].jp_target_employees) >
                   std::pair(f_.units[b].demand_total, f_.units[b].jp_target_employees);
        });
        if (shown.size() > opts_.chart_units) shown.resize(opts_.chart_units);
        std::stable_sort(shown.begin(), shown.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::pair(ratio(f_.units[a].demand_placed, f_.units[a].demand_total),
                             ratio(f_.units[a].jp_target_met, f_.units[a].jp_target_employees)) <
                   std::pair(ratio(f_.units[b].demand_placed, f_.units[b].demand_total),
                             ratio(f_.units[b].jp_target_met, f_.units[b].jp_target_employees));
        });
        const auto staffed =
            std::count_if(f_.units.begin(), f_.units.end(), [](const auto& u) { return u.headcount > 0; });
        h_.raw("<p class=\"note\">");
        if (shown.size() < with_demand)
            h_.text(t_.format(
                "The {} units with the most demand, lowest participation first; the table below "
                "lists all {}.",
                detail::plain_count(t_, static_cast<std::int64_t>(shown.size())), detail::plain_count(t_, staffed)));
        else
            h_.text(t_.tr("Every unit with demand or JP targets, lowest participation first."));
        h_.raw("</p>\n");
        if (!shown.empty()) h_.append(detail::unit_attainment_chart(s_, f_, shown, t_));
        open_table(h_, static_cast<std::size_t>(staffed),
                   t_.format("Every unit ({})", detail::plain_count(t_, staffed)));
        h_.raw("<tr><th>").text(t_.tr("unit")).raw("</th><th class=\"n\">").text(t_.tr("staff"));
        h_.raw("</th><th class=\"n\">").text(t_.tr("placed / demand")).raw("</th><th class=\"n\">");
        h_.text(t_.tr("participation")).raw("</th><th class=\"n\">").text(t_.tr("target met / with target"));
        h_.raw("</th><th class=\"n\">").text(t_.tr("attainment")).raw("</th><th class=\"n\">");
        h_.text(t_.tr("peak absent (limit)")).raw("</th><th class=\"n\">").text(t_.tr("peak share"));
        h_.raw("</th><th class=\"n\">").text(t_.tr("min in working time")).raw("</th><th class=\"n\">");
        h_.text(t_.tr("min after hours")).raw("</th></tr>\n");
        for (std::uint32_t u = 0; u < f_.units.size(); ++u) {
            const auto& uf = f_.units[u];
            if (uf.headcount == 0) continue;
            h_.raw("<tr><td class=\"name\">").text(s_.units[u].name).raw(" <code>").text(s_.units[u].id);
            h_.raw("</code></td>");
            num_cell(grouped(t_, uf.headcount));
            num_cell(fmt::format("{} / {}", grouped(t_, uf.demand_placed), grouped(t_, uf.demand_total)));
            num_cell(uf.demand_total > 0 ? percent(t_, ratio(uf.demand_placed, uf.demand_total))
                                         : std::string(t_.tr("n/a")));
            num_cell(fmt::format("{} / {}", grouped(t_, uf.jp_target_met), grouped(t_, uf.jp_target_employees)));
            num_cell(uf.jp_target_employees > 0 ? percent(t_, ratio(uf.jp_target_met, uf.jp_target_employees))
                                                : std::string(t_.tr("n/a")));
            num_cell(fmt::format("{} ({})", grouped(t_, uf.max_absent), grouped(t_, uf.absence_limit)),
                     uf.max_absent > uf.absence_limit);
            num_cell(percent(t_, uf.max_absence_ratio));
            num_cell(grouped(t_, uf.disruption_minutes));
            num_cell(grouped(t_, uf.after_hours_minutes));
            h_.raw("</tr>\n");
        }
        close_table(h_, static_cast<std::size_t>(staffed));
        h_.raw("</section>\n");
    }

    /// The people unlikely to reach their JP target (opts_.at_risk): per unit, then the first of them.
    void at_risk() {
        const at_risk_table& r = *opts_.at_risk;
        h_.raw("<section id=\"at-risk\">\n<h2>").text(t_.tr("At risk of missing the JP target")).raw("</h2>\n");
        h_.raw("<p class=\"note\">")
            .text(t_.format("People whose chance of reaching their JP target by the year's end is below {}: from "
                            "the JP they earned this year, the programmes this plan gives them and the attendance "
                            "model's chance that they complete each. The model's parameters are assumptions "
                            "(docs/attendance.md).",
                            percent(t_, r.threshold)))
            .raw("</p>\n");
        std::int64_t with_target = 0;
        for (const auto& u : r.units) with_target += u.staff_with_target;
        const auto people = static_cast<std::int64_t>(r.people.size());
        h_.raw("<div class=\"cards\">\n");
        card(h_, grouped(t_, people), "", std::string(t_.tr("staff at risk")), people > 0 ? tone::bad : tone::good);
        card(h_, grouped(t_, with_target), "", std::string(t_.tr("staff with a JP target")));
        h_.raw("</div>\n");
        if (r.people.empty()) {
            h_.raw("<p>").text(t_.tr("Nobody is at risk of missing their JP target.")).raw("</p>\n</section>\n");
            return;
        }
        // Per unit: the units with someone at risk, most at risk first.
        std::vector<const at_risk_unit*> units;
        for (const auto& u : r.units)
            if (u.at_risk > 0) units.push_back(&u);
        std::stable_sort(units.begin(), units.end(),
                         [](const auto* a, const auto* b) { return a->at_risk > b->at_risk; });
        open_table(
            h_, units.size(),
            t_.format("Every unit with staff at risk ({})", grouped(t_, static_cast<std::int64_t>(units.size()))));
        h_.raw("<tr><th>").text(t_.tr("unit")).raw("</th><th class=\"n\">").text(t_.tr("with target"));
        h_.raw("</th><th class=\"n\">").text(t_.tr("at risk")).raw("</th><th class=\"n\">").text(t_.tr("share"));
        h_.raw("</th></tr>\n");
        for (const auto* u : units) {
            const auto& unit = s_.units.at(u->unit.value);
            h_.raw("<tr><td class=\"name\">").text(unit.name).raw(" <code>").text(unit.id).raw("</code></td>");
            num_cell(grouped(t_, u->staff_with_target));
            num_cell(grouped(t_, u->at_risk), true);
            num_cell(percent(t_, ratio(u->at_risk, u->staff_with_target)));
            h_.raw("</tr>\n");
        }
        close_table(h_, units.size());
        // The people, least likely first.
        std::vector<const at_risk_person*> rows;
        for (const auto& p : r.people) rows.push_back(&p);
        std::stable_sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) {
            return std::tie(a->probability, s_.employees[a->employee.value].id) <
                   std::tie(b->probability, s_.employees[b->employee.value].id);
        });
        const std::size_t shown = std::min(rows.size(), opts_.at_risk_rows);
        h_.raw("<h3>")
            .text(shown < rows.size() ? t_.format("The {} least likely of {}",
                                                  grouped(t_, static_cast<std::int64_t>(shown)), grouped(t_, people))
                                      : t_.format("Everyone at risk ({})", grouped(t_, people)))
            .raw("</h3>\n<div class=\"scroll\"><table>\n");
        h_.raw("<tr><th>NIP</th><th>").text(t_.tr("name")).raw("</th><th>").text(t_.tr("unit"));
        h_.raw("</th><th class=\"n\">").text(t_.tr("JP target")).raw("</th><th class=\"n\">");
        h_.text(t_.tr("JP earned")).raw("</th><th class=\"n\">").text(t_.tr("JP planned"));
        h_.raw("</th><th class=\"n\">").text(t_.tr("expected JP")).raw("</th><th class=\"n\">");
        h_.text(t_.tr("chance of reaching it")).raw("</th></tr>\n");
        for (std::size_t k = 0; k < shown; ++k) {
            const auto& p = *rows[k];
            const auto& e = s_.employees.at(p.employee.value);
            h_.raw("<tr><td>").text(e.id).raw("</td><td>").text(e.name).raw("</td><td>");
            h_.text(s_.units.at(e.unit.value).id).raw("</td>");
            num_cell(grouped(t_, std::int64_t{p.jp_target}));
            num_cell(grouped(t_, std::int64_t{p.jp_earned}));
            num_cell(grouped(t_, std::int64_t{p.jp_planned}), p.jp_earned + p.jp_planned < p.jp_target);
            num_cell(detail::plain_decimal(t_, p.expected_jp, 1));
            num_cell(percent(t_, p.probability), true);
            h_.raw("</tr>\n");
        }
        h_.raw("</table></div>\n");
        if (shown < rows.size())
            h_.raw("<p class=\"note\">")
                .text(t_.format("… and {} more; at_risk.csv lists every one.",
                                grouped(t_, static_cast<std::int64_t>(rows.size() - shown))))
                .raw("</p>\n");
        h_.raw("</section>\n");
    }

    /// Where a re-opened item went in this plan (docs/attendance.md "Make-ups").
    struct makeup_place {
        enum class kind : std::uint8_t { none, live, recording, self_paced } how = kind::none;
        const model::cohort* cohort = nullptr;  ///< for live
        calendar::instant first{};              ///< its first session or study block
    };
    makeup_place place_of(const model::makeup& x) const {
        makeup_place at;
        for (const auto& c : sol_.cohorts)
            if (c.program == x.program && !c.sessions.empty() &&
                std::binary_search(c.participants.begin(), c.participants.end(), x.employee))
                return {makeup_place::kind::live, &c, c.sessions.front().start};
        for (const auto& b : sol_.study_blocks)
            if (b.employee == x.employee && b.program == x.program &&
                (at.how == makeup_place::kind::none || b.start < at.first))
                at = {b.recording ? makeup_place::kind::recording : makeup_place::kind::self_paced, nullptr, b.start};
        return at;
    }

    /// The make-ups of a re-plan with attendance records: per programme, where
    /// they went, then the people.
    void makeups() {
        h_.raw("<section id=\"makeups\">\n<h2>").text(t_.tr("Make-ups")).raw("</h2>\n<p class=\"note\">");
        h_.text(t_.tr("Programmes re-opened because their people missed a live session (more than the scenario "
                      "allows) or skipped self-paced study before the re-plan date, and where this plan placed "
                      "them again: the whole programme, after the re-plan date (docs/attendance.md)."))
            .raw("</p>\n");
        struct tally {
            std::int64_t reopened = 0, live = 0, recording = 0, self_paced = 0, none = 0;
        };
        std::map<std::uint32_t, tally> by_program;
        std::vector<makeup_place> places;
        places.reserve(sol_.makeups.size());
        for (const auto& x : sol_.makeups) {
            places.push_back(place_of(x));
            auto& n = by_program[x.program.value];
            ++n.reopened;
            switch (places.back().how) {
                case makeup_place::kind::live: ++n.live; break;
                case makeup_place::kind::recording: ++n.recording; break;
                case makeup_place::kind::self_paced: ++n.self_paced; break;
                case makeup_place::kind::none: ++n.none; break;
            }
        }
        const auto total = static_cast<std::int64_t>(sol_.makeups.size());
        std::int64_t placed = 0;
        for (const auto& p : places) placed += p.how != makeup_place::kind::none ? 1 : 0;
        h_.raw("<div class=\"cards\">\n");
        card(h_, grouped(t_, total), "", std::string(t_.tr("programmes re-opened")));
        card(h_, grouped(t_, placed), "", std::string(t_.tr("made up after the re-plan date")),
             placed < total ? tone::bad : tone::good);
        h_.raw("</div>\n");
        open_table(h_, by_program.size(),
                   t_.format("Per programme ({})", grouped(t_, static_cast<std::int64_t>(by_program.size()))));
        h_.raw("<tr><th>").text(t_.tr("programme")).raw("</th><th class=\"n\">").text(t_.tr("re-opened"));
        h_.raw("</th><th class=\"n\">").text(t_.tr("later cohort")).raw("</th><th class=\"n\">");
        h_.text(t_.tr("recording")).raw("</th><th class=\"n\">").text(t_.tr("self-paced"));
        h_.raw("</th><th class=\"n\">").text(t_.tr("not placed")).raw("</th></tr>\n");
        for (const auto& [p, n] : by_program) {
            const auto& prog = s_.programs.at(p);
            h_.raw("<tr><td class=\"name\">").text(prog.title.empty() ? prog.id : prog.title);
            h_.raw(" <code>").text(prog.id).raw("</code></td>");
            num_cell(grouped(t_, n.reopened));
            num_cell(grouped(t_, n.live));
            num_cell(grouped(t_, n.recording));
            num_cell(grouped(t_, n.self_paced));
            num_cell(grouped(t_, n.none), n.none > 0);
            h_.raw("</tr>\n");
        }
        close_table(h_, by_program.size());
        const std::size_t shown = std::min(sol_.makeups.size(), opts_.at_risk_rows);
        h_.raw("<h3>")
            .text(shown < sol_.makeups.size()
                      ? t_.format("The first {} of {}", grouped(t_, static_cast<std::int64_t>(shown)), grouped(t_, total))
                      : t_.format("Every make-up ({})", grouped(t_, total)))
            .raw("</h3>\n<div class=\"scroll\"><table>\n");
        h_.raw("<tr><th>NIP</th><th>").text(t_.tr("name")).raw("</th><th>").text(t_.tr("programme"));
        h_.raw("</th><th>").text(t_.tr("missed")).raw("</th><th>").text(t_.tr("made up")).raw("</th></tr>\n");
        for (std::size_t k = 0; k < shown; ++k) {
            const auto& x = sol_.makeups[k];
            const auto& e = s_.employees.at(x.employee.value);
            const auto& zone = s_.zone_of(e);
            const auto& prog = s_.programs.at(x.program.value);
            h_.raw("<tr><td>").text(e.id).raw("</td><td>").text(e.name).raw("</td><td>").text(prog.id);
            h_.raw("</td><td>");
            const std::string day = date_text(calendar::local_day(x.missed, zone));
            if (x.cohort.empty())
                h_.text(t_.format("self-paced study from {}", day));
            else
                h_.text(t_.format("{} of cohort {} ({} missed)", day, x.cohort, x.sessions_missed));
            const auto& at = places[k];
            const std::string from = date_text(calendar::local_day(at.first, zone));
            switch (at.how) {
                case makeup_place::kind::live:
                    h_.raw("</td><td>").text(t_.format("cohort {} from {}", at.cohort->id, from));
                    break;
                case makeup_place::kind::recording:
                    h_.raw("</td><td>").text(t_.format("the recording, from {}", from));
                    break;
                case makeup_place::kind::self_paced:
                    h_.raw("</td><td>").text(t_.format("self-paced study from {}", from));
                    break;
                case makeup_place::kind::none:
                    h_.raw("</td><td class=\"bad\">").text(t_.tr("not placed (see Unplaced)"));
                    break;
            }
            h_.raw("</td></tr>\n");
        }
        h_.raw("</table></div>\n</section>\n");
    }

    void num_cell(const std::string& text, bool bad = false) {
        if (bad)
            h_.raw("<td class=\"n bad\">");
        else
            h_.raw("<td class=\"n\">");
        h_.text(text).raw("</td>");
    }

    void absence() {
        h_.raw("<section id=\"absence\">\n<h2>").text(t_.tr("Unit absence through the year"));
        h_.raw("</h2>\n<p class=\"note\">");
        const std::vector<std::uint32_t> shown = chart_units([&](std::uint32_t a, std::uint32_t b) {
            return f_.units[a].max_absence_ratio > f_.units[b].max_absence_ratio;
        });
        const auto staffed = static_cast<std::size_t>(
            std::count_if(f_.units.begin(), f_.units.end(), [](const auto& u) { return u.headcount > 0; }));
        h_.text(
            t_.tr("Each cell: the largest share of the unit's staff in training during their working time at "
                  "once, on any day of that week (Monday to Sunday). "));
        if (shown.size() < staffed)
            h_.text(t_.format("The {} units with the highest peaks; the units table gives every unit's peak.",
                              detail::plain_count(t_, static_cast<std::int64_t>(shown.size()))));
        else
            h_.text(t_.tr("Every unit with staff."));
        h_.raw("</p>\n");
        if (!shown.empty()) h_.append(detail::absence_heat_map(s_, f_, shown, t_));
        h_.raw("</section>\n");
    }

    void after_hours() {
        h_.raw("<section id=\"after-hours\">\n<h2>").text(t_.tr("After-hours load per person")).raw("</h2>\n");
        std::vector<std::int64_t> total, week;
        std::int64_t with_after_hours = 0;
        for (const auto& p : f_.people) {
            total.push_back(p.after_hours_minutes);
            week.push_back(p.max_after_hours_week);
            with_after_hours += p.after_hours_minutes > 0 ? 1 : 0;
        }
        h_.raw("<p class=\"note\">");
        h_.text(t_.format("{} people have training in this plan; {} of them train outside their working time.",
                          grouped(t_, static_cast<std::int64_t>(f_.people.size())), grouped(t_, with_after_hours)));
        h_.raw("</p>\n<div class=\"histos\"><div><h3>").text(t_.tr("After-hours minutes over the plan"));
        h_.raw("</h3>\n");
        h_.append(detail::minutes_histogram(total, std::string(t_.tr("After-hours minutes per person over the plan")),
                                            std::nullopt, t_));
        h_.raw("</div><div><h3>").text(t_.tr("Largest after-hours week")).raw("</h3>\n");
        std::optional<std::int64_t> limit;
        if (pol_.max_after_hours_minutes_per_week) limit = *pol_.max_after_hours_minutes_per_week;
        h_.append(detail::minutes_histogram(
            week, std::string(t_.tr("Largest after-hours minutes of each person in one week")), limit, t_));
        h_.raw("</div></div>\n</section>\n");
    }

    void cohorts() {
        h_.raw("<section id=\"cohorts\">\n<h2>").text(t_.tr("Calendar of cohorts")).raw("</h2>\n");
        std::vector<std::uint32_t> live;
        for (std::uint32_t c = 0; c < sol_.cohorts.size(); ++c)
            if (sol_.cohorts[c].mode != model::delivery_mode::self_paced && !sol_.cohorts[c].sessions.empty())
                live.push_back(c);
        if (live.empty()) {
            h_.raw("<p>").text(t_.tr("The plan has no classroom or online cohort.")).raw("</p>\n</section>\n");
            return;
        }
        h_.raw("<p class=\"note\">");
        h_.text(
            t_.tr("One band per programme; a bar runs from a cohort's first to its last session day "
                  "(dates in the scenario's zone); hover or tap for details."));
        h_.raw("</p>\n");
        h_.append(detail::cohort_calendar(s_, sol_, t_));
        std::stable_sort(live.begin(), live.end(), [&](std::uint32_t a, std::uint32_t b) {
            return sol_.cohorts[a].sessions.front().start < sol_.cohorts[b].sessions.front().start;
        });
        open_table(h_, live.size(),
                   t_.format("Every cohort ({})", detail::plain_count(t_, static_cast<std::int64_t>(live.size()))));
        h_.raw("<tr><th>").text(t_.tr("cohort")).raw("</th><th>").text(t_.tr("programme")).raw("</th><th>");
        h_.text(t_.tr("mode")).raw("</th><th>").text(t_.tr("venue or platform")).raw("</th><th class=\"n\">");
        h_.text(t_.tr("participants")).raw("</th><th class=\"n\">").text(t_.tr("sessions")).raw("</th><th>");
        h_.text(t_.tr("first")).raw("</th><th>").text(t_.tr("last")).raw("</th></tr>\n");
        const auto& zone = *s_.zone;
        for (const auto c : live) {
            const auto& co = sol_.cohorts[c];
            const auto& prog = s_.programs[co.program.value];
            calendar::instant first = co.sessions.front().start, last = co.sessions.front().end;
            for (const auto& ses : co.sessions) {
                first = std::min(first, ses.start);
                last = std::max(last, ses.end);
            }
            h_.raw("<tr><td><code>").text(co.id).raw("</code></td><td>").text(prog.title).raw("</td><td>");
            h_.text(solve::mode_label(t_, co.mode)).raw("</td><td>");
            if (co.mode == model::delivery_mode::classroom && co.venue.valid())
                h_.text(s_.venues[co.venue.value].name);
            else if (co.mode == model::delivery_mode::online_live && co.platform.valid())
                h_.text(s_.platforms[co.platform.value].name);
            h_.raw("</td>");
            num_cell(grouped(t_, static_cast<std::int64_t>(co.participants.size())));
            num_cell(grouped(t_, static_cast<std::int64_t>(co.sessions.size())));
            h_.raw("<td>").text(local_text(first, zone)).raw("</td><td>").text(local_text(last, zone));
            h_.raw("</td></tr>\n");
        }
        close_table(h_, live.size());
        h_.raw("</section>\n");
    }

    /// "2026-04-07 08:00" in `z` (English), "7 Apr 2026 08.00" (Indonesian).
    std::string local_text(calendar::instant t, const date::time_zone& z) const {
        const auto local = date::floor<std::chrono::minutes>(z.to_local(t));  // to_local gives seconds
        const auto day = date::floor<date::days>(local);
        const auto minutes = (local - day).count();
        if (t_.lang() == text::language::en)
            return fmt::format("{} {:02}:{:02}", calendar::format_date(day), minutes / 60, minutes % 60);
        return t_.day(day, text::date_style::short_) + " " + t_.clock(std::chrono::minutes{minutes});
    }

    /// A date as the report's header shows it: ISO in English (as always), the
    /// day's name and month in words in Indonesian.
    std::string date_text(calendar::local_date d) const {
        if (t_.lang() == text::language::en) return calendar::format_date(d);
        return t_.day(d, text::date_style::full);
    }

    void unplaced() {
        h_.raw("<section id=\"unplaced\">\n<h2>").text(t_.tr("Unplaced people")).raw("</h2>\n");
        if (sol_.unplaced.empty()) {
            h_.raw("<p>").text(t_.tr("Every demand item is placed.")).raw("</p>\n</section>\n");
            return;
        }
        // Reasons at a glance: how many unplaced items carry each code.
        std::map<std::string, std::pair<std::int64_t, std::string_view>> by_code;  // code -> (items, an example)
        for (const auto& u : sol_.unplaced)
            for (const auto& r : u.reasons) ++by_code.try_emplace(r.code, 0, r.message).first->second.first;
        h_.raw("<p>").text(t_.format("{} demand items are not placed. Reasons:",
                                     grouped(t_, static_cast<std::int64_t>(sol_.unplaced.size()))));
        h_.raw("</p>\n<div class=\"scroll\"><table>\n<tr><th>").text(t_.tr("reason"));
        h_.raw("</th><th class=\"n\">").text(t_.tr("items")).raw("</th><th>").text(t_.tr("for example"));
        h_.raw("</th></tr>\n");
        for (const auto& [code, entry] : by_code) {
            h_.raw("<tr><td><code>").text(code).raw("</code></td>");
            num_cell(grouped(t_, entry.first));
            h_.raw("<td>").text(entry.second).raw("</td></tr>\n");
        }
        h_.raw("</table></div>\n");

        // The list: mandatory first, then by programme, unit and person.
        std::unordered_map<std::uint64_t, model::priority> level;
        for (const auto& d : s_.demand) level[(std::uint64_t{d.employee.value} << 32) | d.program.value] = d.level;
        auto priority_of = [&](const model::unplaced_demand& u) {
            const auto it = level.find((std::uint64_t{u.employee.value} << 32) | u.program.value);
            return it == level.end() ? model::priority::elective : it->second;
        };
        std::vector<const model::unplaced_demand*> rows;
        for (const auto& u : sol_.unplaced) rows.push_back(&u);
        std::stable_sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) {
            const auto ua = s_.employees[a->employee.value].unit.value, ub = s_.employees[b->employee.value].unit.value;
            return std::tuple(priority_of(*a), a->program.value, ua, a->employee.value) <
                   std::tuple(priority_of(*b), b->program.value, ub, b->employee.value);
        });
        const std::size_t shown = std::min(rows.size(), opts_.unplaced_rows);
        open_table(
            h_, shown,
            shown < rows.size()
                ? t_.format("The first {} of {} unplaced demand items", grouped(t_, static_cast<std::int64_t>(shown)),
                            grouped(t_, static_cast<std::int64_t>(rows.size())))
                : t_.format("Every unplaced demand item ({})", grouped(t_, static_cast<std::int64_t>(shown))));
        h_.raw("<tr><th>NIP</th><th>").text(t_.tr("name")).raw("</th><th>").text(t_.tr("unit")).raw("</th><th>");
        h_.text(t_.tr("programme")).raw("</th><th>").text(t_.tr("priority")).raw("</th><th>");
        h_.text(t_.tr("reasons")).raw("</th></tr>\n");
        for (std::size_t k = 0; k < shown; ++k) {
            const auto& u = *rows[k];
            const auto& e = s_.employees[u.employee.value];
            h_.raw("<tr><td>").text(e.id).raw("</td><td>").text(e.name).raw("</td><td>");
            h_.text(s_.units[e.unit.value].id).raw("</td><td>").text(s_.programs[u.program.value].title);
            h_.raw("</td><td>").text(priority_name(t_, priority_of(u))).raw("</td><td><ul class=\"reasons\">");
            for (const auto& r : u.reasons)
                h_.raw("<li><code>").text(r.code).raw("</code> ").text(r.message).raw("</li>");
            h_.raw("</ul></td></tr>\n");
        }
        close_table(h_, shown);
        if (shown < rows.size())
            h_.raw("<p class=\"note\">")
                .text(t_.format("… and {} more (mandatory demand is listed first); solution.json lists every one.",
                                grouped(t_, static_cast<std::int64_t>(rows.size() - shown))))
                .raw("</p>\n");
        h_.raw("</section>\n");
    }

    const model::scenario& s_;
    const model::solution& sol_;
    const model::policy& pol_;
    const report_options& opts_;
    text::messages t_;
    plan_figures f_;
    model::solution_metrics m_;
    html h_;
};

}  // namespace

output_file html_report(const model::scenario& s, const model::solution& sol, const model::policy& pol,
                        const report_options& opts) {
    return {"report.html", page{s, sol, pol, opts}.render()};
}

}  // namespace jadwal::output
