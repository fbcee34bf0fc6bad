#include <jadwal/output/plan_figures.hpp>
#include <jadwal/output/report.hpp>
#include <jadwal/verify/verify.hpp>

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

// ---------------------------------------------------------------- numbers as people read them

/// 1234567 -> "1,234,567".
std::string grouped(std::int64_t v) {
    std::string digits = fmt::format("{}", v < 0 ? -v : v);
    std::string out;
    for (std::size_t k = 0; k < digits.size(); ++k) {
        if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
        out += digits[k];
    }
    return v < 0 ? "-" + out : out;
}
std::string grouped(double v) {
    return grouped(static_cast<std::int64_t>(std::llround(v)));
}
std::string percent(double share) {
    return fmt::format("{:.1f}%", 100.0 * share);
}
double ratio(std::int64_t part, std::int64_t whole) {
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
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

void page_start(html& h, const std::string& title) {
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
    const char* name;   // the metric's name in solution.json (or a derived one)
    const char* label;  // what people read
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
        {"participation_rate", "participation", [](const M& m, const F&) { return m.participation_rate; }, false, true,
         +1},
        {"demand_placed", "demand placed", [](const M& m, const F&) { return double(m.demand_placed); }, true, false,
         +1},
        {"jp_target_attainment", "JP-target attainment", [](const M& m, const F&) { return m.jp_target_attainment; },
         false, true, +1},
        {"jp_target_met", "staff meeting their JP target", [](const M& m, const F&) { return double(m.jp_target_met); },
         true, false, +1},
        {"disruption_minutes", "training minutes in working time",
         [](const M& m, const F&) { return double(m.disruption_minutes); }, true, false, -1},
        {"disruption_per_placed_jp", "… per placed JP",
         [](const M& m, const F& f) { return per_placed_jp(m.disruption_minutes, f); }, false, false, -1},
        {"disruption_weighted", "… weighted by critical periods",
         [](const M& m, const F&) { return m.disruption_weighted; }, true, false, -1},
        {"after_hours_minutes", "training minutes outside working time",
         [](const M& m, const F&) { return double(m.after_hours_minutes); }, true, false, -1},
        {"max_after_hours_minutes_per_person_week", "most after-hours minutes of one person in one week",
         [](const M& m, const F&) { return double(m.max_after_hours_minutes_per_person_week); }, true, false, -1},
        {"max_unit_absence_ratio", "largest share of a unit in training at once",
         [](const M& m, const F&) { return m.max_unit_absence_ratio; }, false, true, -1},
        {"cohorts", "live cohorts", [](const M& m, const F&) { return double(m.cohorts); }, true, false, 0},
        {"sessions", "sessions", [](const M& m, const F&) { return double(m.sessions); }, true, false, 0},
        {"study_blocks", "study blocks", [](const M& m, const F&) { return double(m.study_blocks); }, true, false, 0},
        {"instructor_minutes", "instructor minutes", [](const M& m, const F&) { return double(m.instructor_minutes); },
         true, false, 0},
        {"hard_violations", "hard violations", [](const M& m, const F&) { return double(m.hard_violations); }, true,
         false, -1},
        {"recording_placed", "demand placed by watching a recording",
         [](const M& m, const F&) { return double(m.recording_placed); }, true, false, 0},
        {"top_up_placed", "catalogue courses added to reach the JP target (top-up)",
         [](const M& m, const F&) { return double(m.top_up_placed); }, true, false, 0},
        {"top_up_jp", "JP of top-up", [](const M& m, const F&) { return double(m.top_up_jp); }, true, false, 0},
        {"assigned_duty_days", "days of training as assigned duty (surat tugas)",
         [](const M& m, const F&) { return double(m.assigned_duty_days); }, true, false, 0},
        {"assigned_duty_minutes", "training minutes as assigned duty",
         [](const M& m, const F&) { return double(m.assigned_duty_minutes); }, true, false, 0},
        {"days_in_lieu", "days off in lieu for shift staff", [](const M& m, const F&) { return double(m.days_in_lieu); },
         true, false, 0},
    };
    return rows;
}

std::string show(const metric_row& r, double v) {
    if (r.share) return percent(v);
    if (r.integral) return grouped(v);
    return fmt::format("{:.1f}", v);
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
          f_(opts.checked ? compute_plan_figures(s, *opts.checked) : compute_plan_figures(s, sol, pol)),
          m_(opts.checked ? opts.checked->metrics : sol.metrics) {}

    std::string render() {
        const std::string title = opts_.title.empty() ? "Training plan: " + s_.name : opts_.title;
        h_.reserve(256 * 1024);
        page_start(h_, title);
        header(title);
        summary();
        if (opts_.baseline) comparison();
        if (opts_.checked) checked();
        units();
        absence();
        after_hours();
        cohorts();
        unplaced();
        h_.raw(
            "</main>\n<footer>Made by jadwal from the scenario and the plan alone; the metrics are defined in "
            "the project's docs/model.md. This file fetches nothing and runs no script.</footer>\n</body>\n</html>\n");
        return std::move(h_).take();
    }

private:
    void header(const std::string& title) {
        h_.raw("<header>\n<h1>").text(title).raw("</h1>\n<p class=\"meta\">");
        if (!s_.name.empty() && !opts_.title.empty()) h_.text(s_.name).raw(" &middot; ");
        h_.text(calendar::format_date(s_.horizon.first)).raw(" to ").text(calendar::format_date(s_.horizon.last));
        h_.raw(" &middot; policy <b>").text(pol_.id).raw("</b>");
        if (!pol_.description.empty()) h_.raw(" (").text(pol_.description).raw(")");
        h_.raw(" &middot; strategy ").text(sol_.strategy).raw(" &middot; seed ").text(fmt::format("{}", sol_.seed));
        h_.raw(" &middot; status <b>").text(model::to_string(sol_.status)).raw("</b></p>\n<nav>");
        h_.raw("<a href=\"#summary\">Summary</a>");
        if (opts_.baseline) h_.raw("<a href=\"#comparison\">Comparison</a>");
        if (opts_.checked) h_.raw("<a href=\"#checked\">Check</a>");
        h_.raw(
            "<a href=\"#units\">Units</a><a href=\"#absence\">Absence</a><a href=\"#after-hours\">After hours</a>"
            "<a href=\"#cohorts\">Cohorts</a><a href=\"#unplaced\">Unplaced</a></nav>\n</header>\n<main>\n");
    }

    void summary() {
        h_.raw("<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"note\">");
        h_.text(opts_.checked ? "Metrics as jadwal verify recomputed them from the scenario and the plan."
                              : "Metrics as the plan states them (not checked by jadwal verify).");
        h_.raw("</p>\n<div class=\"cards\">\n");
        const auto bound_note = [](std::int64_t bound, std::int64_t got, std::int64_t total) {
            return fmt::format("; no plan can do better than {} ({}), {} from this one", grouped(bound),
                               percent(ratio(bound, total)), grouped(bound - got));
        };
        card(h_, percent(m_.participation_rate), "",
             fmt::format("participation: {} of {} demand items placed{}", grouped(m_.demand_placed),
                         grouped(m_.demand_total),
                         sol_.bounds ? bound_note(sol_.bounds->demand_placed, m_.demand_placed, m_.demand_total) : ""));
        card(h_, percent(m_.jp_target_attainment), "",
             fmt::format("JP target met by {} of {} staff with a target{}", grouped(m_.jp_target_met),
                         grouped(m_.jp_target_employees),
                         sol_.bounds ? bound_note(sol_.bounds->jp_target_met, m_.jp_target_met, m_.jp_target_employees)
                                     : ""));
        card(h_, grouped(m_.disruption_minutes), "min",
             fmt::format("training in working time (disruption), {} h; {:.1f} min per placed JP ({} JP placed)",
                         grouped(static_cast<double>(m_.disruption_minutes) / 60.0),
                         per_placed_jp(m_.disruption_minutes, f_), grouped(f_.placed_jp_total)));
        card(h_, grouped(m_.after_hours_minutes), "min",
             fmt::format("training outside working time (after hours), {} h",
                         grouped(static_cast<double>(m_.after_hours_minutes) / 60.0)));
        std::string week_caption = "most after-hours minutes of one person in one week";
        if (pol_.max_after_hours_minutes_per_week)
            week_caption += fmt::format(" (policy limit {})", *pol_.max_after_hours_minutes_per_week);
        card(h_, grouped(m_.max_after_hours_minutes_per_person_week), "min", week_caption);
        std::string absence_caption = "largest share of one unit's staff in training in working time at once";
        if (const auto u = worst_unit()) absence_caption += " (" + s_.units[*u].id + ")";
        card(h_, percent(m_.max_unit_absence_ratio), "", absence_caption);
        card(h_, grouped(m_.cohorts), "", "live cohorts (classroom and online)");
        card(h_, grouped(m_.sessions), "", "sessions");
        card(h_, grouped(m_.study_blocks), "", "self-paced study blocks");
        // Under a policy with assigned duty (docs/model.md "Assigned duty").
        if (pol_.assigned_duty) {
            card(h_, grouped(m_.assigned_duty_days), "days",
                 fmt::format("training as assigned duty (surat tugas) on rostered days off and in {}: {} h, "
                             "neither working time nor after hours",
                             pol_.assigned_duty->seasons.empty() ? std::string{"no season"}
                                                                 : fmt::format("{}", fmt::join(pol_.assigned_duty->seasons, ", ")),
                             grouped(static_cast<double>(m_.assigned_duty_minutes) / 60.0)));
            card(h_, grouped(m_.days_in_lieu), "days",
                 fmt::format("days off in lieu for shift staff, each on a rostered shift within {} days of its "
                             "duty day",
                             pol_.assigned_duty->lieu_window_days));
        }
        card(h_, grouped(m_.hard_violations), "", "hard violations", m_.hard_violations > 0 ? tone::bad : tone::good);
        h_.raw("</div>\n");
        staff_groups();
        h_.raw("</section>\n");
    }

    /// JP-target attainment per staff group, as the checker counts it: shift
    /// staff and teachers meet rules office staff do not, which one total hides.
    void staff_groups() {
        if (!opts_.checked) return;
        constexpr std::array<std::string_view, model::staff_group_count> labels{
            "office staff", "teachers", "shift staff", "other staff"};
        const auto& groups = opts_.checked->staff_groups;
        h_.raw("<h3>JP target by staff group</h3>\n<p class=\"note\">");
        h_.text("Told from each person's work pattern: shift staff rotate, teachers have school holidays, office "
                "staff work Monday to Friday, other staff the rest (six-day weeks).");
        h_.raw("</p>\n");
        open_table(h_, groups.size(), "Staff groups");
        h_.raw("<tr><th>staff group</th><th "
               "class=\"n\">staff</th><th class=\"n\">target met / with target</th><th "
               "class=\"n\">attainment</th></tr>\n");
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const auto& x = groups[g];
            if (x.headcount == 0) continue;
            h_.raw("<tr><td class=\"name\">").text(labels[g]).raw("</td>");
            num_cell(grouped(x.headcount));
            num_cell(fmt::format("{} / {}", grouped(x.jp_target_met), grouped(x.jp_target_employees)));
            num_cell(x.jp_target_employees > 0 ? percent(x.attainment()) : "n/a");
            h_.raw("</tr>\n");
        }
        close_table(h_, groups.size());
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
        if (label.empty()) label = fmt::format("baseline ({}, {})", base.policy, base.strategy);
        h_.raw("<section id=\"comparison\">\n<h2>Comparison</h2>\n<p class=\"note\">This plan against ");
        h_.text(label).raw(
            ". Ratio = this plan ÷ the other; green where this plan is better, red where it is "
            "worse.</p>\n<div class=\"scroll\"><table>\n<tr><th>metric</th><th class=\"n\">this "
            "plan</th><th class=\"n\">");
        h_.text(label).raw("</th><th class=\"n\">ratio</th></tr>\n");
        for (const auto& r : metric_rows()) {
            const double a = r.value(m_, f_), b = r.value(base.metrics, bf);
            h_.raw("<tr><td>").text(r.label).raw(" <code>").text(r.name).raw("</code></td><td class=\"n");
            const int sign = a > b ? 1 : (a < b ? -1 : 0);
            if (r.better != 0 && sign != 0) {
                if (sign == r.better)
                    h_.raw(" good");
                else
                    h_.raw(" bad");
            }
            h_.raw("\">").text(show(r, a)).raw("</td><td class=\"n\">").text(show(r, b)).raw("</td><td class=\"n\">");
            if (b != 0)
                h_.text(fmt::format("\xC3\x97{:.2f}", a / b));  // "×0.85"
            else
                h_.text(a == 0 ? "=" : "\xE2\x80\x94");  // "—": no ratio to a zero
            h_.raw("</td></tr>\n");
        }
        h_.raw("</table></div>\n</section>\n");
    }

    void checked() {
        const verify::report& r = *opts_.checked;
        h_.raw("<section id=\"checked\">\n<h2>Check</h2>\n<p>");
        if (r.violations.empty()) {
            h_.raw("jadwal verify found no violation of a hard constraint.");
        } else {
            h_.raw("<b>jadwal verify found ").text(grouped(static_cast<std::int64_t>(r.violations.size())));
            h_.raw(
                " violations of hard constraints.</b></p>\n<div class=\"scroll\"><table>\n<tr><th>code</th>"
                "<th class=\"n\">count</th><th>the first</th></tr>\n");
            for (const auto& [code, count] : r.violations_by_code) {
                h_.raw("<tr><td><code>").text(code).raw("</code></td>");
                num_cell(grouped(count));
                h_.raw("<td>");
                const auto first = std::find_if(r.violations.begin(), r.violations.end(),
                                                [&](const verify::violation& v) { return v.code == code; });
                if (first != r.violations.end()) h_.text(first->message);
                h_.raw("</td></tr>\n");
            }
            h_.raw("</table></div>\n<p>");
        }
        if (!r.warnings.empty())
            h_.text(fmt::format(" It also warns of {} inconsistencies that do not break the plan.", r.warnings.size()));
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
        h_.raw("<section id=\"units\">\n<h2>Participation and JP targets per unit</h2>\n");
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
            h_.text(fmt::format("The {} units with the most demand, lowest participation first; the table below "
                                "lists all {}.",
                                shown.size(), staffed));
        else
            h_.text("Every unit with demand or JP targets, lowest participation first.");
        h_.raw("</p>\n");
        if (!shown.empty()) h_.append(detail::unit_attainment_chart(s_, f_, shown));
        open_table(h_, static_cast<std::size_t>(staffed), fmt::format("Every unit ({})", staffed));
        h_.raw(
            "<tr><th>unit</th><th class=\"n\">staff</th><th class=\"n\">placed / "
            "demand</th><th class=\"n\">participation</th><th class=\"n\">target met / with target</th><th "
            "class=\"n\">attainment</th><th class=\"n\">peak absent (limit)</th><th class=\"n\">peak share</th>"
            "<th class=\"n\">min in working time</th><th class=\"n\">min after hours</th></tr>\n");
        for (std::uint32_t u = 0; u < f_.units.size(); ++u) {
            const auto& uf = f_.units[u];
            if (uf.headcount == 0) continue;
            h_.raw("<tr><td class=\"name\">").text(s_.units[u].name).raw(" <code>").text(s_.units[u].id);
            h_.raw("</code></td>");
            num_cell(grouped(uf.headcount));
            num_cell(fmt::format("{} / {}", grouped(uf.demand_placed), grouped(uf.demand_total)));
            num_cell(uf.demand_total > 0 ? percent(ratio(uf.demand_placed, uf.demand_total)) : "n/a");
            num_cell(fmt::format("{} / {}", grouped(uf.jp_target_met), grouped(uf.jp_target_employees)));
            num_cell(uf.jp_target_employees > 0 ? percent(ratio(uf.jp_target_met, uf.jp_target_employees)) : "n/a");
            num_cell(fmt::format("{} ({})", grouped(uf.max_absent), grouped(uf.absence_limit)),
                     uf.max_absent > uf.absence_limit);
            num_cell(percent(uf.max_absence_ratio));
            num_cell(grouped(uf.disruption_minutes));
            num_cell(grouped(uf.after_hours_minutes));
            h_.raw("</tr>\n");
        }
        close_table(h_, static_cast<std::size_t>(staffed));
        h_.raw("</section>\n");
    }

    void num_cell(const std::string& text, bool bad = false) {
        if (bad)
            h_.raw("<td class=\"n bad\">");
        else
            h_.raw("<td class=\"n\">");
        h_.text(text).raw("</td>");
    }

    void absence() {
        h_.raw("<section id=\"absence\">\n<h2>Unit absence through the year</h2>\n<p class=\"note\">");
        const std::vector<std::uint32_t> shown = chart_units([&](std::uint32_t a, std::uint32_t b) {
            return f_.units[a].max_absence_ratio > f_.units[b].max_absence_ratio;
        });
        const auto staffed = static_cast<std::size_t>(
            std::count_if(f_.units.begin(), f_.units.end(), [](const auto& u) { return u.headcount > 0; }));
        h_.text(
            "Each cell: the largest share of the unit's staff in training during their working time at once, on "
            "any day of that week (Monday to Sunday). ");
        if (shown.size() < staffed)
            h_.text(fmt::format("The {} units with the highest peaks; the units table gives every unit's peak.",
                                shown.size()));
        else
            h_.text("Every unit with staff.");
        h_.raw("</p>\n");
        if (!shown.empty()) h_.append(detail::absence_heat_map(s_, f_, shown));
        h_.raw("</section>\n");
    }

    void after_hours() {
        h_.raw("<section id=\"after-hours\">\n<h2>After-hours load per person</h2>\n");
        std::vector<std::int64_t> total, week;
        std::int64_t with_after_hours = 0;
        for (const auto& p : f_.people) {
            total.push_back(p.after_hours_minutes);
            week.push_back(p.max_after_hours_week);
            with_after_hours += p.after_hours_minutes > 0 ? 1 : 0;
        }
        h_.raw("<p class=\"note\">");
        h_.text(fmt::format("{} people have training in this plan; {} of them train outside their working time.",
                            grouped(static_cast<std::int64_t>(f_.people.size())), grouped(with_after_hours)));
        h_.raw("</p>\n<div class=\"histos\"><div><h3>After-hours minutes over the plan</h3>\n");
        h_.append(detail::minutes_histogram(total, "After-hours minutes per person over the plan", std::nullopt));
        h_.raw("</div><div><h3>Largest after-hours week</h3>\n");
        std::optional<std::int64_t> limit;
        if (pol_.max_after_hours_minutes_per_week) limit = *pol_.max_after_hours_minutes_per_week;
        h_.append(detail::minutes_histogram(week, "Largest after-hours minutes of each person in one week", limit));
        h_.raw("</div></div>\n</section>\n");
    }

    void cohorts() {
        h_.raw("<section id=\"cohorts\">\n<h2>Calendar of cohorts</h2>\n");
        std::vector<std::uint32_t> live;
        for (std::uint32_t c = 0; c < sol_.cohorts.size(); ++c)
            if (sol_.cohorts[c].mode != model::delivery_mode::self_paced && !sol_.cohorts[c].sessions.empty())
                live.push_back(c);
        if (live.empty()) {
            h_.raw("<p>The plan has no classroom or online cohort.</p>\n</section>\n");
            return;
        }
        h_.raw(
            "<p class=\"note\">One band per programme; a bar runs from a cohort's first to its last session day "
            "(dates in the scenario's zone); hover or tap for details.</p>\n");
        h_.append(detail::cohort_calendar(s_, sol_));
        std::stable_sort(live.begin(), live.end(), [&](std::uint32_t a, std::uint32_t b) {
            return sol_.cohorts[a].sessions.front().start < sol_.cohorts[b].sessions.front().start;
        });
        open_table(h_, live.size(), fmt::format("Every cohort ({})", live.size()));
        h_.raw(
            "<tr><th>cohort</th><th>programme</th><th>mode</th><th>venue or "
            "platform</th><th class=\"n\">participants</th><th class=\"n\">sessions</th><th>first</th>"
            "<th>last</th></tr>\n");
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
            h_.text(model::to_string(co.mode)).raw("</td><td>");
            if (co.mode == model::delivery_mode::classroom && co.venue.valid())
                h_.text(s_.venues[co.venue.value].name);
            else if (co.mode == model::delivery_mode::online_live && co.platform.valid())
                h_.text(s_.platforms[co.platform.value].name);
            h_.raw("</td>");
            num_cell(grouped(static_cast<std::int64_t>(co.participants.size())));
            num_cell(grouped(static_cast<std::int64_t>(co.sessions.size())));
            h_.raw("<td>").text(local_text(first, zone)).raw("</td><td>").text(local_text(last, zone));
            h_.raw("</td></tr>\n");
        }
        close_table(h_, live.size());
        h_.raw("</section>\n");
    }

    /// "2026-04-07 08:00" in `z`.
    static std::string local_text(calendar::instant t, const date::time_zone& z) {
        const auto local = date::floor<std::chrono::minutes>(z.to_local(t));  // to_local gives seconds
        const auto day = date::floor<date::days>(local);
        const auto minutes = (local - day).count();
        return fmt::format("{} {:02}:{:02}", calendar::format_date(day), minutes / 60, minutes % 60);
    }

    void unplaced() {
        h_.raw("<section id=\"unplaced\">\n<h2>Unplaced people</h2>\n");
        if (sol_.unplaced.empty()) {
            h_.raw("<p>Every demand item is placed.</p>\n</section>\n");
            return;
        }
        // Reasons at a glance: how many unplaced items carry each code.
        std::map<std::string, std::pair<std::int64_t, std::string_view>> by_code;  // code -> (items, an example)
        for (const auto& u : sol_.unplaced)
            for (const auto& r : u.reasons) ++by_code.try_emplace(r.code, 0, r.message).first->second.first;
        h_.raw("<p>").text(grouped(static_cast<std::int64_t>(sol_.unplaced.size())));
        h_.raw(
            " demand items are not placed. Reasons:</p>\n<div class=\"scroll\"><table>\n<tr><th>reason</th><th "
            "class=\"n\">items</th><th>for example</th></tr>\n");
        for (const auto& [code, entry] : by_code) {
            h_.raw("<tr><td><code>").text(code).raw("</code></td>");
            num_cell(grouped(entry.first));
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
                ? fmt::format("The first {} of {} unplaced demand items", grouped(static_cast<std::int64_t>(shown)),
                              grouped(static_cast<std::int64_t>(rows.size())))
                : fmt::format("Every unplaced demand item ({})", grouped(static_cast<std::int64_t>(shown))));
        h_.raw(
            "<tr><th>NIP</th><th>name</th><th>unit</th><th>programme</th>"
            "<th>priority</th><th>reasons</th></tr>\n");
        for (std::size_t k = 0; k < shown; ++k) {
            const auto& u = *rows[k];
            const auto& e = s_.employees[u.employee.value];
            h_.raw("<tr><td>").text(e.id).raw("</td><td>").text(e.name).raw("</td><td>");
            h_.text(s_.units[e.unit.value].id).raw("</td><td>").text(s_.programs[u.program.value].title);
            h_.raw("</td><td>").text(model::to_string(priority_of(u))).raw("</td><td><ul class=\"reasons\">");
            for (const auto& r : u.reasons)
                h_.raw("<li><code>").text(r.code).raw("</code> ").text(r.message).raw("</li>");
            h_.raw("</ul></td></tr>\n");
        }
        close_table(h_, shown);
        if (shown < rows.size())
            h_.raw("<p class=\"note\">")
                .text(fmt::format("… and {} more (mandatory demand is listed first); solution.json lists every one.",
                                  grouped(static_cast<std::int64_t>(rows.size() - shown))))
                .raw("</p>\n");
        h_.raw("</section>\n");
    }

    const model::scenario& s_;
    const model::solution& sol_;
    const model::policy& pol_;
    const report_options& opts_;
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
