// Publishing a plan: every output file a plan is published as (docs/outputs.md:
// solution.json, schedule.csv, siasn_courses.csv, unplaced.csv, report.html, calendars/),
// built in memory and written under one directory all or nothing. The CLI
// (`solve --out`, `export`) and the C API both publish through here, so the
// set of files and their contents cannot drift apart between them.
#pragma once

#include <jadwal/output/at_risk.hpp>
#include <jadwal/output/ics.hpp>
#include <jadwal/text/language.hpp>
#include <jadwal/verify/verify.hpp>
#include <jadwal/time/civil.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/model/plan.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

namespace jadwal::output {

struct publish_request {
    bool json = true;  ///< solution.json
    bool csv = true;   ///< schedule.csv, siasn_courses.csv and unplaced.csv
    bool html = true;  ///< report.html
    bool ics = true;   ///< calendars/
    const model::solution* previous = nullptr;  ///< re-planning: calendar updates and cancellations
    std::optional<calendar::instant> past_until;  ///< re-planning: ics_options::past_until
    const model::solution* baseline = nullptr;  ///< compared with in the report
    /// Calendar DTSTAMP; none: SOURCE_DATE_EPOCH when set (byte-identical
    /// calendars for the same plan, as for reproducible builds), else the
    /// current minute.
    std::optional<calendar::instant> dtstamp;
    /// Calendar UIDs end in `@uid_domain` (output::ics_options::uid_domain).
    std::string uid_domain = "jadwal";
    /// Calendar PRODID (output::ics_options::product_id).
    std::string product_id = "-//jadwal//jadwal//EN";
    /// Reminders in each calendar entry, minutes before it (ics_options).
    std::vector<int> reminder_minutes{24 * 60, 30};
    /// The CSV files for spreadsheets set to Indonesian (csv_options::spreadsheet).
    bool csv_spreadsheet = false;
    /// The CSV organiser of a programme without `organizer` (csv_options::default_organizer).
    std::string default_organizer;
    /// A UTF-8 byte order mark at the start of each CSV (csv_options::byte_order_mark).
    bool csv_bom = false;
    /// The language of what people read (docs/languages.md); none: the
    /// scenario's `locale`, else English.
    std::optional<text::language> language;
    /// The people at risk of missing their JP target (compare::at_risk, which
    /// needs the attendance model and so a layer above this one): when given,
    /// at_risk.csv is written with the other CSVs and report.html has its
    /// section. The CLI and the C API compute it; nullptr: neither.
    const at_risk_table* at_risk = nullptr;
    /// The probability below which a person counts as at risk, for callers that
    /// compute `at_risk` from this request (the CLI's `--at-risk-below`).
    double at_risk_below = 0.5;
    /// The checker's report of this plan under the policy it names
    /// (model::plan_policy), with `language` as its verify::options::language:
    /// report.html is built from it instead of checking the plan again
    /// (compare::publish_with_at_risk shares one with the at-risk list).
    /// nullptr: publish_plan checks the plan itself.
    const verify::report* checked = nullptr;
};

/// The request an entry point starts from: the built-in defaults with what the
/// scenario's `outputs` section sets (model::output_defaults) over them. The
/// entry point then sets what its caller gave explicitly (a command-line flag,
/// a C option, a Python or PHP argument), which wins (docs/outputs.md "Options
/// in the scenario"). Formats, plans, DTSTAMP and language are left as built in.
[[nodiscard]] publish_request scenario_publish_request(const model::scenario& s);

/// The calendar options likewise: uid_domain, product_id and reminder_minutes
/// from the scenario's `outputs` section, the rest built in.
[[nodiscard]] ics_options scenario_ics_options(const model::scenario& s);

/// Writes what `req` asks for under `dir` (created if missing), all or nothing
/// (output::write_outputs). The report is checked against the policy the plan
/// names. Throws std::runtime_error (or jadwal::error, errc::not_found, for a
/// policy the scenario lacks) and leaves the previous outputs in place then.
void publish_plan(const model::scenario& s, const model::solution& sol, const std::filesystem::path& dir,
                  const publish_request& req = {});

/// Parses a format list: "all", or a comma-separated list of json, csv, html,
/// ics. Sets the four flags of `req`; false (flags unspecified) for anything else.
[[nodiscard]] bool parse_publish_formats(std::string_view text, publish_request& req);

/// An estimate of the seconds the solver's closing work (last repair, top-up,
/// explanations, bounds) and publish_plan take for a plan of this scenario on the CI machine (2 cores, an
/// ordinary disk), so that a command given a time limit can stop its search
/// early enough to finish within that limit (docs/outputs.md "Publishing").
/// Linear in the employees that have demand, from measurements of the bundled
/// 7,200-person example; a slower disk needs a margin of its own.
[[nodiscard]] double publish_seconds_estimate(const model::scenario& s, const publish_request& req);

/// The DTSTAMP publish_plan uses when the request names none.
[[nodiscard]] calendar::instant default_dtstamp();

/// A calendar DTSTAMP from seconds since 1970-01-01 UTC, rounded down to the minute.
[[nodiscard]] calendar::instant dtstamp_from_unix(std::int64_t seconds);

}  // namespace jadwal::output
