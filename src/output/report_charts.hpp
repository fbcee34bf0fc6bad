// The report's charts as inline SVG, drawn from plan figures: no script, no
// external resource; every label passes through html::text().
#pragma once

#include <jadwal/model/scenario.hpp>
#include <jadwal/output/plan_figures.hpp>
#include <jadwal/model/plan.hpp>
#include <jadwal/text/messages.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report_html.hpp"

namespace jadwal::output::detail {

/// Participation and JP-target attainment of the given units (in that order) as
/// pairs of horizontal bars.
[[nodiscard]] html unit_attainment_chart(const model::scenario& s, const plan_figures& f,
                                         const std::vector<std::uint32_t>& units, const text::messages& t);

/// Units (rows, in the given order) by ISO week (columns): the largest share of
/// the unit's staff in training in working time at once on any day of the week.
[[nodiscard]] html absence_heat_map(const model::scenario& s, const plan_figures& f,
                                    const std::vector<std::uint32_t>& units, const text::messages& t);

/// A histogram of minutes per person; `limit` draws a marked line (a policy limit).
[[nodiscard]] html minutes_histogram(const std::vector<std::int64_t>& values, const std::string& what,
                                     std::optional<std::int64_t> limit, const text::messages& t);

/// The live cohorts on the horizon's time line: a band per programme, a lane per
/// cohort running at once, a bar from first to last session, a mark per session.
[[nodiscard]] html cohort_calendar(const model::scenario& s, const model::solution& sol, const text::messages& t);

/// A count where the English report has always printed it without grouping
/// ("1080"): so in English, grouped in Indonesian ("1.080").
[[nodiscard]] std::string plain_count(const text::messages& t, std::int64_t n);
/// A number with `decimals` places where the English report has always printed
/// it without grouping ("1234.5"): so in English, "1.234,5" in Indonesian.
[[nodiscard]] std::string plain_decimal(const text::messages& t, double x, int decimals);

/// A solve strategy's name ("optimized", "baseline") as the report shows it: as
/// it is in English, the glossary's word in Indonesian; any other name as it is.
/// (A mode's label is solve::mode_label.)
[[nodiscard]] std::string strategy_name(const text::messages& t, std::string_view strategy);
/// A demand's priority, the same way.
[[nodiscard]] std::string priority_name(const text::messages& t, model::priority p);

struct rgb {
    int r = 0, g = 0, b = 0;
};
/// Light to dark blue for t in [0, 1] (clamped).
[[nodiscard]] rgb heat_colour(double t);

}  // namespace jadwal::output::detail
