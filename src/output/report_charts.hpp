// The report's charts as inline SVG, drawn from plan figures: no script, no
// external resource; every label passes through html::text().
#pragma once

#include <jadwal/model/scenario.hpp>
#include <jadwal/output/plan_figures.hpp>
#include <jadwal/model/plan.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report_html.hpp"

namespace jadwal::output::detail {

/// Participation and JP-target attainment of the given units (in that order) as
/// pairs of horizontal bars.
[[nodiscard]] html unit_attainment_chart(const model::scenario& s, const plan_figures& f,
                                         const std::vector<std::uint32_t>& units);

/// Units (rows, in the given order) by ISO week (columns): the largest share of
/// the unit's staff in training in working time at once on any day of the week.
[[nodiscard]] html absence_heat_map(const model::scenario& s, const plan_figures& f,
                                    const std::vector<std::uint32_t>& units);

/// A histogram of minutes per person; `limit` draws a marked line (a policy limit).
[[nodiscard]] html minutes_histogram(const std::vector<std::int64_t>& values, const std::string& what,
                                     std::optional<std::int64_t> limit);

/// The live cohorts on the horizon's time line: a band per programme, a lane per
/// cohort running at once, a bar from first to last session, a mark per session.
[[nodiscard]] html cohort_calendar(const model::scenario& s, const model::solution& sol);

struct rgb {
    int r = 0, g = 0, b = 0;
};
/// Light to dark blue for t in [0, 1] (clamped).
[[nodiscard]] rgb heat_colour(double t);

}  // namespace jadwal::output::detail
