// The readers of the scenario's top-level sections, called in dependency order
// by load_scenario.cpp, and the small readers several sections share.
#pragma once

#include "context.hpp"

#include <jadwal/load/csv_reader.hpp>

#include <optional>
#include <span>

namespace jadwal::load::detail {

// ---- sections (each takes the section's entry, or nullptr when absent)
void read_scenario_header(load_context& c, const yentry* e, const ypath& p);
void read_holidays(load_context& c, const yentry* e, const ypath& p);
void read_seasons(load_context& c, const yentry* e, const ypath& p);
void read_work_patterns(load_context& c, const yentry* e, const ypath& p);
void read_locations(load_context& c, const yentry* e, const ypath& p);
void read_duty_templates(load_context& c, const yentry* e, const ypath& p);
void read_units(load_context& c, const yentry* e, const ypath& p);
void read_employees(load_context& c, const yentry* e, const ypath& p);
void read_venues(load_context& c, const yentry* e, const ypath& p);
void read_platforms(load_context& c, const yentry* e, const ypath& p);
void read_instructors(load_context& c, const yentry* e, const ypath& p);
void read_programs(load_context& c, const yentry* e, const ypath& p);
void read_demand(load_context& c, const yentry* e, const ypath& p);
void read_policies(load_context& c, const yentry* e, const ypath& p);
void read_budget(load_context& c, const yentry* e, const ypath& p);
void read_catalogue(load_context& c, const yentry* e, const ypath& p);
void read_attendance(load_context& c, const yentry* e, const ypath& p);
void read_outputs(load_context& c, const yentry* e, const ypath& p);
/// `history: {csv: ...}` (read_history.cpp): fills scenario::history. Needs
/// employees and programmes.
void read_history(load_context& c, const yentry* e, const ypath& p);
/// Moves demand the history shows completed to scenario::completed (notes
/// N-DEMAND-COMPLETED) and warns W-HISTORY-CAP; after the cross-checks.
void apply_history(load_context& c);

/// Cross-checks over the whole scenario (validate.cpp); also completes the
/// Ramadan season, travel symmetry and the look-up maps.
void validate_scenario(load_context& c);

// ---- shared readers
/// {from, to[, why]} with to >= from; `to` defaults to `from` when `to_optional`.
struct dated_range {
    calendar::date_range days;
    std::string why;
    loc at;
};
std::optional<dated_range> read_date_range(load_context& c, const yval& v, std::string_view what,
                                           std::span<const std::string_view> extra_keys = {},
                                           ymap* out_map = nullptr);
std::vector<dated_range> read_date_ranges(load_context& c, const yval& v, std::string_view what);

/// A duty: {what, rrule | date, start, time, except}.
std::optional<model::duty> read_duty(load_context& c, const yval& v);
std::vector<model::duty> read_duties(load_context& c, const yval& v);
/// Checks a duty against the horizon (W-DATE-OUTSIDE-HORIZON, W-DUTY-NO-OCCURRENCE).
void check_duty_dates(load_context& c, const model::duty& d, loc at, const std::string& path);

/// all | national_only | none
std::optional<model::holiday_rule> read_holiday_rule(load_context& c, const yval& v);
/// "10%" or a head count.
std::optional<model::staffing_limit> read_staffing_limit(load_context& c, const yval& v);
/// A clock range within one day: E-RANGE-ORDER when it ends before it starts (crosses midnight).
std::optional<calendar::clock_range> read_day_hours(load_context& c, const yval& v, std::string_view what);
/// A DAYSPEC key or value (E-WEEKDAY).
std::optional<std::uint8_t> read_weekdays(load_context& c, const yval& v);

/// The optional text at `key` if `problem` (email_problem, url_problem)
/// accepts it, else E-ADDRESS; `out` is left alone when the key is absent or bad.
void read_address(load_context& c, const ymap& m, const ypath& p, std::string_view key,
                  phrase (*problem)(std::string_view), std::string& out);

/// Copies the duties of a template into `out`, within the copy budget.
bool copy_template_duties(load_context& c, std::uint32_t tmpl, std::vector<model::duty>& out, loc at);

/// True when `d` is inside the horizon (always true while the horizon is unknown).
[[nodiscard]] bool in_horizon(const load_context& c, calendar::local_date d);

/// Fills an employee's defaults, checks it and adds it to the scenario (shared
/// by the YAML and the CSV readers). Positions of the fields it checks:
struct employee_draft {
    model::employee e;
    bool has_jp_target = false;
    bool has_jp_cap = false;
    bool has_rotation_offset = false;
    loc at;  ///< the employee
    loc at_id, at_jp_target, at_jp_cap, at_rotation_offset;
    std::size_t errors_before = 0;  ///< reporter error count when reading began
    const ypath* path = nullptr;  ///< YAML path of the employee; nullptr for CSV rows
};
/// Adds a read employee. With `replaceable` (sized to the employees that came
/// before the current source), a NIP among those replaces that employee once
/// instead of being a duplicate; the flag of the replaced one is set.
void add_employee(load_context& c, employee_draft&& d, std::vector<bool>* replaceable = nullptr);

/// The path to read for a file the scenario names (`employees: {csv: ...}`,
/// `history: {csv: ...}`): relative to the scenario's folder, normalised;
/// with load_options::confine_to_scenario_dir, resolved (links followed) and
/// nullopt when it leads outside that folder (read_history.cpp).
[[nodiscard]] std::optional<std::filesystem::path> referenced_file(const load_context& c, std::string_view name);

/// The start every CSV file the scenario names shares (csv_employees.cpp):
/// reports an empty file (the message `empty`), text that is not UTF-8, a
/// syntax error in the first row and more than 1000 columns, each as an error
/// of file `fi`, and returns false; otherwise `reader` (over `data`) has read
/// the header row into `fields`.
bool read_csv_header(load_context& c, std::uint32_t fi, const std::string& data, const phrase& empty,
                     csv_reader& reader, std::vector<csv_field>& fields);
/// A data row of such a file has as many fields as the header (extra empty
/// fields at the end are allowed); otherwise reports csv_columns at the first
/// extra field, or at the row's `line`, and returns false.
bool row_width_ok(load_context& c, std::uint32_t fi, const std::vector<csv_field>& fields, std::size_t width,
                  std::int32_t line);
/// The cells of one data row of such a file, by column: `where[k]` is the
/// field index of column k, csv_no_column when the header lacks it.
struct csv_row {
    load_context& c;
    std::uint32_t fi;  ///< the file's number in diagnostics
    const std::vector<csv_field>& fields;
    std::span<const std::size_t> where;
    /// Column k's cell; nullptr when the header lacks the column or the cell is blank.
    [[nodiscard]] const csv_field* cell(std::size_t k) const;
    /// As cell(), reporting E-KEY-MISSING ("this row has no NAME") at the blank cell when nullptr.
    const csv_field* required(std::size_t k, const std::string& name) const;
};
inline constexpr std::size_t csv_no_column = static_cast<std::size_t>(-1);
/// Reads employees from a CSV file (csv_employees.cpp).
void read_employees_csv(load_context& c, const std::filesystem::path& file, loc at, const std::string& path);
/// Reads load_options::added_employees, after the scenario's own employees.
void read_added_employees(load_context& c);

}  // namespace jadwal::load::detail
