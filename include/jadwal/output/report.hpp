// `report.html` (docs/outputs.md "HTML report"): one self-contained HTML5 file
// for planners and their managers: headline metrics, the comparison with a
// baseline plan, participation and JP-target attainment per unit, unit
// absence through the year, after-hours load per person, a calendar of
// cohorts and the people left out with the reasons. It fetches nothing (a
// Content-Security-Policy forbids every fetch and every script), reads on a
// phone and prints. docs/outputs.md ("HTML report") describes each part.
#pragma once

#include <jadwal/text/language.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/output/output_files.hpp>
#include <jadwal/model/plan.hpp>

#include <cstddef>
#include <string>

namespace jadwal::verify {
struct report;  // <jadwal/verify/verify.hpp>: only a pointer to one is taken here
}

namespace jadwal::output {

struct at_risk_table;  // <jadwal/output/at_risk.hpp>

struct report_options {
    /// A plan to compare with (the `baseline` strategy's, or another policy's): a
    /// section of its metrics side by side with this plan's. It must be a plan
    /// of the same scenario; nullptr: no comparison.
    const model::solution* baseline = nullptr;
    /// A name for the baseline in the comparison (empty: "baseline (POLICY, STRATEGY)").
    std::string baseline_label;
    /// `jadwal verify`'s report on this plan: when given, the headline metrics are
    /// the checker's and its violations are listed; nullptr: the plan's own metrics.
    const verify::report* checked = nullptr;
    /// The page title (empty: "Training plan: " and the scenario's name).
    std::string title;
    /// Units shown in each per-unit chart (the tables list every unit).
    std::size_t chart_units = 40;
    /// Rows of the unplaced-people table; the rest are counted.
    std::size_t unplaced_rows = 200;
    /// The language of what people read (docs/languages.md); none: the
    /// scenario's `locale`, else English.
    std::optional<text::language> language;
    /// The people at risk of missing their JP target (compare::at_risk): when
    /// given, a section with the per-unit counts and the first `at_risk_rows`
    /// people; nullptr: no such section.
    const at_risk_table* at_risk = nullptr;
    std::size_t at_risk_rows = 20;
};

/// The report as `report.html`. Every string from the scenario and the plan is
/// HTML-escaped. Throws jadwal::error (errc::parse) when the plan (or the baseline)
/// refers to something the scenario lacks.
[[nodiscard]] output_file html_report(const model::scenario& s, const model::solution& sol, const model::policy& pol,
                                      const report_options& opts = {});

}  // namespace jadwal::output
