// Scenarios whose best plan a short argument proves, shared by the search's tests
// (test_exact.cpp) and the exact model's (test_exact_model.cpp): each holds the
// optimum its test states, reached by both.
#pragma once

namespace jadwal::test::hand_proven {

/// Three people and one free slot on Wednesday.
inline constexpr const char* one_obvious_slot = R"(
units: [{id: u, pattern: office, max_absent: 3}]
employees:
  - {id: a, name: A, unit: u, status: pns, jp_target: 0}
  - {id: b, name: B, unit: u, status: pns, jp_target: 0}
  - {id: c, name: C, unit: u, status: pns, jp_target: 0}
platforms: [{id: z, capacity: 10}]
programs:
  - id: p
    modules: [{id: m1, jp: 2}]
    modes: [{mode: online_live, platform: z, windows: [{days: wed, hours: [09:00-10:30]}]}]
    cohort: {min: 3, max: 3}
demand: [{program: p, where: {unit: u}, priority: mandatory}]
policies: {only: {}}
)";

/// Two people: a classroom day in the city (30 minutes away) or an evening online cohort.
inline constexpr const char* evening_online_or_classroom_with_travel = R"(
jadwal: 1
scenario: {name: t, from: 2026-06-02, to: 2026-06-02}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
locations: [{id: town}, {id: city, travel_minutes: {town: 30}}]
units: [{id: u, pattern: office, location: town, max_absent: 2}]
employees:
  - {id: a, name: A, unit: u, status: pns, jp_target: 0}
  - {id: b, name: B, unit: u, status: pns, jp_target: 0}
venues: [{id: hall, capacity: 10, location: city}]
platforms: [{id: z, capacity: 10}]
programs:
  - id: p
    modules: [{id: m1, jp: 2}]
    modes:
      - {mode: classroom, windows: [working_hours], venues: [hall]}
      - {mode: online_live, windows: [after_hours], platform: z}
    cohort: {min: 1, max: 10}
demand: [{program: p, where: {unit: u}}]
policies: {flex: {after_hours: {weekday: 16:30-21:00}, weights: {fairness: 0}}}
)";

/// Two people of a unit that may miss only one at a time, no evenings.
inline constexpr const char* unit_that_may_miss_one = R"(
units: [{id: u, pattern: office, max_absent: 1}]
employees:
  - {id: a, name: A, unit: u, status: pns, jp_target: 0, accepts: {after_hours: false}}
  - {id: b, name: B, unit: u, status: pns, jp_target: 0, accepts: {after_hours: false}}
platforms: [{id: z, capacity: 10, concurrent: 2}]
programs:
  - id: p
    modules: [{id: m1, jp: 2}]
    modes: [{mode: online_live, windows: [working_hours], platform: z}]
    cohort: {min: 1, max: 2}
demand: [{program: p, where: {unit: u}, priority: mandatory}]
policies: {office: {}}
)";

/// Self-paced study by someone who accepts free evenings.
inline constexpr const char* free_evenings_for_study = R"(
units: [{id: u, pattern: office}]
employees:
  - {id: a, name: A, unit: u, status: pns, jp_target: 0}
programs:
  - {id: p, modules: [{id: m1, jp: 4}], modes: [{mode: self_paced, windows: [working_hours, after_hours]}]}
demand: [{program: p, employees: [a]}]
policies: {evenings: {after_hours: {weekday: 16:30-21:00}, weights: {fairness: 0}}}
)";

/// A national webinar at a fixed time.
inline constexpr const char* national_webinar = R"(
units: [{id: u, pattern: office, max_absent: 2}]
employees:
  - {id: a, name: A, unit: u, status: pns, jp_target: 0}
  - {id: b, name: B, unit: u, status: pns, jp_target: 0}
platforms: [{id: lan, capacity: 1000, concurrent: 3}]
programs:
  - id: w
    modules: [{id: w1, jp: 2}]
    modes: [{mode: online_live, windows: [working_hours], platform: lan,
             fixed: [{module: w1, date: 2026-06-04, time: 09:10-10:40, capacity: 500}]}]
    cohort: {min: 1, max: 1000}
demand: [{program: w, where: {unit: u}}]
policies: {any: {}}
)";

/// A budget of one classroom cohort, a mandatory and an elective programme.
inline constexpr const char* one_classroom_cohort_of_budget = R"(
units: [{id: u, pattern: office, max_absent: 10}]
employees:
  - {id: a, name: A, unit: u, status: pns, jp_target: 0}
  - {id: b, name: B, unit: u, status: pns, jp_target: 0}
venues: [{id: hall, capacity: 10}]
programs:
  - {id: nice, modules: [{id: m1, jp: 2}], modes: [{mode: classroom, venues: [hall]}], cohort: {min: 1, max: 10}}
  - {id: must, modules: [{id: m1, jp: 2}], modes: [{mode: classroom, venues: [hall]}], cohort: {min: 1, max: 10}}
demand:
  - {program: nice, where: {unit: u}, priority: elective}
  - {program: must, where: {unit: u}, priority: mandatory}
policies: {any: {}}
budget: {max_classroom_cohorts: 1}
)";

/// Nurses on a shift that must keep its minimum on duty.
inline constexpr const char* shift_minimum_on_duty = R"(
jadwal: 1
scenario: {name: t, from: 2026-06-03, to: 2026-06-03}
work_patterns:
  ward: {holidays: none, rotation: {anchor: 2026-06-03, cycle: [P, "off"], shifts: {P: 07:00-14:00}}}
units: [{id: w, pattern: ward, max_absent: 3, min_on_duty: {P: 2}}]
employees:
  - {id: a, name: A, unit: w, status: pns, jp_target: 0}
  - {id: b, name: B, unit: w, status: pns, jp_target: 0}
  - {id: c, name: C, unit: w, status: pns, jp_target: 0}
platforms: [{id: z, capacity: 10}]
programs:
  - id: p
    modules: [{id: m1, jp: 2}]
    modes: [{mode: online_live, platform: z, windows: [{days: wed, hours: [09:00-10:30]}]}]
    cohort: {min: 1, max: 3}
demand: [{program: p, where: {unit: w}, priority: mandatory}]
policies: {any: {}}
)";

/// Modules with prerequisites and gap days.
inline constexpr const char* modules_in_order_with_gaps = R"(
jadwal: 1
scenario: {name: t, from: 2026-06-01, to: 2026-06-30}
work_patterns:
  office: {week: {mon-fri: [08:00-16:00]}}
units: [{id: u, pattern: office, max_absent: 5}]
employees:
  - {id: a, name: A, unit: u, status: pns, jp_target: 0}
  - {id: b, name: B, unit: u, status: pns, jp_target: 0}
platforms: [{id: z, capacity: 10}]
programs:
  - id: p
    modules: [{id: m1, jp: 4}, {id: m2, jp: 4, after: m1, gap_days: [3, 4]}]
    modes: [{mode: online_live, windows: [working_hours], platform: z, max_jp_per_day: 4}]
    cohort: {min: 2, max: 5}
demand: [{program: p, where: {unit: u}, priority: mandatory}]
policies: {office: {}}
)";

}  // namespace jadwal::test::hand_proven
