// Spreadsheet exports of a plan (docs/outputs.md "CSV"): `schedule.csv`, one row
// per participant and session or study block, and `siasn_courses.csv`, one row
// per person and placed programme in the shape of SIASN course records, and
// `unplaced.csv`, one row per unmet demand with its reasons and best alternative.
// docs/outputs.md ("CSV") lists the columns and what an HR office maps itself.
#pragma once

#include <jadwal/text/language.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/output/output_files.hpp>
#include <jadwal/model/plan.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jadwal::output {

struct csv_options {
    /// The organiser written for a programme without `organizer` (empty: the cell stays empty).
    std::string default_organizer;
    /// Start the file with a UTF-8 byte order mark. Off by default: importers and
    /// scripts read the mark as part of the first column's name, and it does not
    /// make Excel split the columns in Indonesian locales anyway (docs/outputs.md).
    bool byte_order_mark = false;
    /// For spreadsheets set to Indonesian (docs/outputs.md "For a spreadsheet
    /// set to Indonesian"): a UTF-8 byte order mark, `;` between fields,
    /// decimal commas, and every all-digit text cell (NIP, NIK, ids with
    /// leading zeros) written `="..."` so it stays text and does not turn into
    /// 1.98203E+17. Off: RFC 4180 for importers, byte for byte as before.
    bool spreadsheet = false;
    /// The language of what people read (docs/languages.md); none: the
    /// scenario's `locale`, else English.
    std::optional<text::language> language;
};

/// Builds RFC 4180 text: fields separated by commas, records ended by CRLF, a
/// field holding a comma, semicolon, quote, tab, CR or LF wrapped in quotes with
/// quotes doubled. Text goes through neutralise_formulas first, so no cell, and
/// no piece of one that a spreadsheet splitting at `;` or tabs would make a
/// cell, starts a formula. Every CSV jadwal writes for people goes through it.
/// `spreadsheet` (csv_options::spreadsheet): a byte order mark whatever
/// `byte_order_mark` says, `;` between fields, a decimal comma, and an
/// all-digit text cell written `="digits"`; quoting and neutralising as above.
class csv_writer {
public:
    explicit csv_writer(bool byte_order_mark = false, bool spreadsheet = false);

    csv_writer& text(std::string_view value);
    /// A whole number, written as digits (never neutralised: it is data, not text).
    csv_writer& number(std::int64_t value);
    /// A number with `digits` decimals after a '.' (a ',' for a spreadsheet;
    /// never neutralised either).
    csv_writer& decimal(double value, int digits);
    /// Ends the current record.
    void end_row();
    void reserve(std::size_t bytes) { out_.reserve(bytes); }

    [[nodiscard]] const std::string& str() const { return out_; }
    [[nodiscard]] std::string take() && { return std::move(out_); }

private:
    void separator();
    std::string out_;
    bool row_open_ = false;
    bool spreadsheet_ = false;
};

/// Whether a spreadsheet would read a cell holding `value` as a formula: its
/// first character is `=`, `+`, `-`, `@`, tab or CR.
[[nodiscard]] bool looks_like_formula(std::string_view value);

/// `value` as csv_writer::text writes it, before quoting: a `'` in front of a
/// formula start at its beginning and wherever a spreadsheet could start a
/// cell or record inside it, that is after every `,`, `;`, tab, CR or LF (and
/// any double quotes right after one). "Modul;=cmd" becomes "Modul;'=cmd".
[[nodiscard]] std::string neutralise_formulas(std::string_view value);

/// `schedule.csv`: one row per participant and session of every live cohort, and
/// one per study block, ordered by employee (scenario order), then start.
[[nodiscard]] output_file schedule_csv(const model::scenario& s, const model::solution& sol,
                                       const csv_options& opts = {});

/// `siasn_courses.csv`: one row per employee and programme they are scheduled in
/// and placed for (not listed as unplaced), with the first and last day of their
/// sessions or study blocks.
[[nodiscard]] output_file siasn_courses_csv(const model::scenario& s, const model::solution& sol,
                                            const csv_options& opts = {});

/// `unplaced.csv`: one row per unmet demand (model::solution::unplaced), with
/// its first reason, the others, and its best alternative, ordered by employee
/// (scenario order), then programme (scenario order). The sentences are the
/// plan's own, in the language it was explained in.
[[nodiscard]] output_file unplaced_csv(const model::scenario& s, const model::solution& sol,
                                       const csv_options& opts = {});

}  // namespace jadwal::output
