// The at-risk list as people read it (docs/outputs.md "at_risk.csv"): the
// people unlikely to reach their JP target by the year's end. The figures are
// computed in the compare layer (jadwal/compare/at_risk.hpp, which needs the
// attendance model); this header holds only what the outputs read, so that
// publish_plan and the report, a layer below, can write them.
#pragma once

#include <cstdint>
#include <jadwal/model/scenario.hpp>
#include <jadwal/output/csv.hpp>
#include <jadwal/output/output_files.hpp>
#include <vector>

namespace jadwal::output {

/// One person whose probability of reaching their JP target is below the threshold.
struct at_risk_person {
    model::employee_index employee;
    int jp_target = 0;
    int jp_earned = 0;   ///< JP earned in the plan's year (scenario::earned_jp)
    int jp_planned = 0;  ///< JP of the programmes the plan places them in
    /// P(earned + JP of the placed programmes they complete >= target).
    double probability = 0;
    double expected_jp = 0;  ///< earned + the sum over placed programmes of JP x completion probability
};

/// Per unit: the staff with a JP target and how many of them are at risk.
struct at_risk_unit {
    model::unit_index unit;
    std::int64_t staff_with_target = 0;
    std::int64_t at_risk = 0;
};

struct at_risk_table {
    double threshold = 0.5;
    /// By unit (scenario order), then probability, then NIP.
    std::vector<at_risk_person> people;
    /// Every unit with staff with a JP target, scenario order.
    std::vector<at_risk_unit> units;
};

/// `at_risk.csv`: one row per person of `t.people`, in that order, with the
/// columns unit, nip, name, staff_group, jp_target, jp_earned, jp_planned,
/// expected_jp (1 decimal) and probability (3 decimals).
[[nodiscard]] output_file at_risk_csv(const model::scenario& s, const at_risk_table& t, const csv_options& opts = {});

}  // namespace jadwal::output
