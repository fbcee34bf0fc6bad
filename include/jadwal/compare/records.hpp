// Attendance records against a plan (docs/attendance.md "Records"): which
// live seat or self-paced module of the plan each record is about, what the
// records say happened, and records drawn from the attendance model for the
// part of a plan that lies before a day, for trying out a re-plan with
// make-ups before real records exist. Reading records is
// parse_attendance_records (attendance.hpp).
#pragma once

#include <jadwal/compare/attendance.hpp>
#include <jadwal/model/plan.hpp>
#include <jadwal/model/scenario.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace jadwal::compare {

/// What the records say about the parts of an exposure: per live seat and per
/// self-paced module, -1 when no record is about it, 0 missed (not
/// completed), 1 attended (completed). Two records about one part: the later
/// row wins.
struct known_outcomes {
    std::vector<std::int8_t> live;        ///< parallel to exposure::live
    std::vector<std::int8_t> self_paced;  ///< parallel to exposure::self_paced
    /// Per record, in order: the index into exposure::live or
    /// exposure::self_paced (record.self_paced says which), or -1 when the
    /// record names nothing of the plan.
    std::vector<std::int64_t> part_of_record;
    std::int64_t matched = 0;
    std::int64_t unmatched = 0;  ///< records naming no seat or module of the plan

    /// What is known of live seat / self-paced module i: -1 (nothing, also
    /// for an index past the vectors), 0 or 1.
    [[nodiscard]] int live_at(std::size_t i) const { return i < live.size() ? live[i] : -1; }
    [[nodiscard]] int self_paced_at(std::size_t i) const { return i < self_paced.size() ? self_paced[i] : -1; }
};

/// Matches each record to the plan: a live record by person, programme,
/// module and start; a self-paced one by person, programme and module.
[[nodiscard]] known_outcomes match_records(const model::scenario& s, const exposure& x,
                                           std::span<const attendance_record> records);

/// enrolment_probability (attendance.hpp) with what the records say: a live
/// seat or self-paced module they tell about counts as attended (completed)
/// or not, with certainty, instead of with its probability.
[[nodiscard]] double enrolment_probability(const exposure& x, const enrolment& e, const model::attendance_model& a,
                                           const known_outcomes& known);

/// Records of what happened before `before`, drawn from the attendance model
/// `a`: one per live seat of the plan whose session starts before it (attended
/// with attend_probability), and one per self-paced module (or recording)
/// whose study blocks all end by then (completed with complete_probability).
/// Modules still in progress at `before` get no record. Ordered by person,
/// programme, module, then start; deterministic for a seed (one stream, drawn
/// in that order). `line` is the record's line in attendance_records_csv.
[[nodiscard]] std::vector<attendance_record> simulate_records(const model::scenario& s, const model::solution& sol,
                                                              const exposure& x, const model::attendance_model& a,
                                                              calendar::instant before, std::uint64_t seed);

/// The records as the CSV parse_attendance_records reads (nip, program,
/// module, start, attended), starts as ISO 8601 instants with the offset of
/// the scenario's zone, an empty start for a self-paced module.
[[nodiscard]] std::string attendance_records_csv(const model::scenario& s, std::span<const attendance_record> records);

}  // namespace jadwal::compare
