// Every diagnostic code the loader emits, in one place. docs/errors.md lists
// each of them (a test checks that the two stay in step). Codes are stable:
// once published, a code keeps its meaning; new ones are only ever added.
#pragma once

#include <string_view>

namespace jadwal::load::code {

// ---- files, encoding and YAML syntax
inline constexpr std::string_view file = "E-FILE";
inline constexpr std::string_view file_outside = "E-FILE-OUTSIDE";
inline constexpr std::string_view limit = "E-LIMIT";
inline constexpr std::string_view encoding = "E-ENCODING";
inline constexpr std::string_view empty = "E-EMPTY";
inline constexpr std::string_view yaml_syntax = "E-YAML-SYNTAX";
inline constexpr std::string_view yaml_depth = "E-YAML-DEPTH";
inline constexpr std::string_view internal = "E-INTERNAL";

// ---- shape of the document
inline constexpr std::string_view type = "E-TYPE";
inline constexpr std::string_view key_unknown = "E-KEY-UNKNOWN";
inline constexpr std::string_view key_missing = "E-KEY-MISSING";
inline constexpr std::string_view key_duplicate = "E-KEY-DUPLICATE";
inline constexpr std::string_view key_conflict = "E-KEY-CONFLICT";
inline constexpr std::string_view version = "E-VERSION";

// ---- single values
inline constexpr std::string_view number = "E-NUMBER";
inline constexpr std::string_view enum_value = "E-ENUM";
inline constexpr std::string_view date = "E-DATE";
inline constexpr std::string_view time = "E-TIME";
inline constexpr std::string_view time_overlap = "E-TIME-OVERLAP";
inline constexpr std::string_view break_outside = "E-BREAK-OUTSIDE";
inline constexpr std::string_view weekday = "E-WEEKDAY";
inline constexpr std::string_view rrule = "E-RRULE";
inline constexpr std::string_view tz_unknown = "E-TZ-UNKNOWN";
inline constexpr std::string_view id_invalid = "E-ID-INVALID";
inline constexpr std::string_view empty_list = "E-EMPTY-LIST";
inline constexpr std::string_view address = "E-ADDRESS";

// ---- relations between values
inline constexpr std::string_view range_order = "E-RANGE-ORDER";
inline constexpr std::string_view preference_conflict = "E-PREFERENCE-CONFLICT";
inline constexpr std::string_view id_duplicate = "E-ID-DUPLICATE";
inline constexpr std::string_view ref_unit = "E-REF-UNIT";
inline constexpr std::string_view ref_pattern = "E-REF-PATTERN";
inline constexpr std::string_view ref_location = "E-REF-LOCATION";
inline constexpr std::string_view ref_venue = "E-REF-VENUE";
inline constexpr std::string_view ref_platform = "E-REF-PLATFORM";
inline constexpr std::string_view ref_instructor = "E-REF-INSTRUCTOR";
inline constexpr std::string_view ref_program = "E-REF-PROGRAM";
inline constexpr std::string_view ref_module = "E-REF-MODULE";
inline constexpr std::string_view ref_employee = "E-REF-EMPLOYEE";
inline constexpr std::string_view ref_duty_template = "E-REF-DUTY-TEMPLATE";
inline constexpr std::string_view ref_season = "E-REF-SEASON";
inline constexpr std::string_view ref_policy = "E-REF-POLICY";
inline constexpr std::string_view ref_holidays = "E-REF-HOLIDAYS";
inline constexpr std::string_view ref_shift = "E-REF-SHIFT";
inline constexpr std::string_view module_cycle = "E-MODULE-CYCLE";
inline constexpr std::string_view module_order = "E-MODULE-ORDER";
inline constexpr std::string_view jp_mismatch = "E-JP-MISMATCH";
inline constexpr std::string_view jp_cap = "E-JP-CAP";
inline constexpr std::string_view cohort_limits = "E-COHORT-LIMITS";
inline constexpr std::string_view fixed_session = "E-FIXED-SESSION";
inline constexpr std::string_view recording = "E-RECORDING";
inline constexpr std::string_view catalogue = "E-CATALOGUE";
inline constexpr std::string_view season_auto = "E-SEASON-AUTO";
inline constexpr std::string_view demand_unservable = "E-DEMAND-UNSERVABLE";

// ---- employees CSV
inline constexpr std::string_view csv_syntax = "E-CSV-SYNTAX";
inline constexpr std::string_view csv_header = "E-CSV-HEADER";
inline constexpr std::string_view csv_columns = "E-CSV-COLUMNS";
inline constexpr std::string_view csv_column_unknown = "W-CSV-COLUMN-UNKNOWN";

// ---- training history (read_history.cpp)
inline constexpr std::string_view history_employee = "W-HISTORY-EMPLOYEE";
inline constexpr std::string_view history_duplicate = "W-HISTORY-DUPLICATE";
inline constexpr std::string_view history_cap = "W-HISTORY-CAP";
inline constexpr std::string_view demand_completed = "N-DEMAND-COMPLETED";

// ---- warnings: legal but suspicious
inline constexpr std::string_view season_estimated = "W-SEASON-ESTIMATED";
inline constexpr std::string_view holidays_provisional = "W-HOLIDAYS-PROVISIONAL";
inline constexpr std::string_view holidays_missing = "W-HOLIDAYS-MISSING";
inline constexpr std::string_view outside_horizon = "W-DATE-OUTSIDE-HORIZON";
inline constexpr std::string_view duty_no_occurrence = "W-DUTY-NO-OCCURRENCE";
inline constexpr std::string_view shift_undefined = "W-SHIFT-UNDEFINED";
inline constexpr std::string_view min_on_duty = "W-MIN-ON-DUTY";
inline constexpr std::string_view employee_no_demand = "W-EMPLOYEE-NO-DEMAND";
inline constexpr std::string_view attendance_clamped = "W-ATTENDANCE-CLAMPED";
inline constexpr std::string_view unit_empty = "W-UNIT-EMPTY";
inline constexpr std::string_view unused = "W-UNUSED";
inline constexpr std::string_view nip_format = "W-NIP-FORMAT";
inline constexpr std::string_view demand_empty = "W-DEMAND-EMPTY";
inline constexpr std::string_view demand_partly = "W-DEMAND-PARTLY-UNSERVABLE";
inline constexpr std::string_view mode_unusable = "W-MODE-UNUSABLE";
inline constexpr std::string_view cohort_capacity = "W-COHORT-CAPACITY";
inline constexpr std::string_view ignored = "W-IGNORED";
inline constexpr std::string_view duplicate = "W-DUPLICATE";
inline constexpr std::string_view filter_no_match = "W-FILTER-NO-MATCH";
inline constexpr std::string_view travel_asymmetric = "W-TRAVEL-ASYMMETRIC";
inline constexpr std::string_view pattern_empty = "W-PATTERN-EMPTY";

// ---- notes
inline constexpr std::string_view suppressed = "N-SUPPRESSED";
inline constexpr std::string_view csv_skipped = "N-CSV-SKIPPED";

}  // namespace jadwal::load::code
