// Change requests from individuals (docs/requests.md): a CSV of "not on this
// date", "not before / after this time", "move me to another cohort", each
// for one person and one programme, with a reason. Read against a loaded
// scenario and the plan that was published; every problem is reported at once
// with file, line, column and a stable code (E-REQUEST-...), and a caller
// applies nothing when any error exists.
#pragma once

#include <cstdint>
#include <jadwal/load/diagnostic.hpp>
#include <jadwal/model/plan.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/time/civil.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::load {

enum class request_kind : std::uint8_t {
    not_on,      ///< value: a date; that whole day
    not_before,  ///< value: a clock time; every day from the re-plan date, 00:00 to it
    not_after,   ///< value: a clock time; every day from the re-plan date, from it to 24:00
    move         ///< no value: out of the person's cohort of the programme in the published plan
};

/// The machine name (`not_on`, ...), as requests.csv writes it in every language.
[[nodiscard]] std::string_view to_string(request_kind k);
/// `not_on`, `not_before`, `not_after`, `move`, or the Indonesian `tidak_pada`,
/// `tidak_sebelum`, `tidak_setelah`, `pindah` (case and blanks around ignored).
[[nodiscard]] std::optional<request_kind> parse_request_kind(std::string_view s);

/// One row of the requests file, resolved against the scenario.
struct change_request {
    model::employee_index employee;
    model::program_index program;
    request_kind kind = request_kind::not_on;
    calendar::local_date date{};  ///< not_on: the day (in the person's time zone)
    calendar::minutes time{0};    ///< not_before / not_after: minutes since midnight
    std::string nip;              ///< as written (trimmed)
    std::string program_id;       ///< as written (trimmed)
    std::string value;            ///< as written (trimmed)
    std::string reason;           ///< free text; may be empty
    std::int32_t line = 0;        ///< 1-based line of the row in the file
    /// The row says `refused` in an `answer` column: a requests.csv written by
    /// `solve --requests`, read back by `verify --requests`, which checks only
    /// the requests that were granted.
    bool refused = false;
};

/// What the reader checks the requests against besides the scenario.
struct request_context {
    /// The published plan: a `move` must name a cohort the person is in there.
    /// nullptr: every `move` is E-REQUEST-MOVE.
    const model::solution* previous = nullptr;
    /// The re-plan instant: a `not_on` date before its local date is
    /// E-REQUEST-PAST. none: not checked.
    std::optional<calendar::instant> replan_from;
};

struct requests_read {
    std::vector<change_request> requests;  ///< in file order; empty when diags has errors
    diagnostics diags;
};

/// Reads the requests CSV (UTF-8, a byte order mark skipped, `,` or `;` as
/// the employees CSV). Columns by name in any order: `nip`, `program`,
/// `request`, `value`, `reason` (Indonesian `program_pelatihan`,
/// `permintaan`, `nilai`, `alasan`); `reason` may be left out. An `answer`
/// column (`granted` / `refused`, as requests.csv has it) sets
/// change_request::refused; other columns are ignored. `file` names the file in diagnostics. Never throws for bad
/// input.
[[nodiscard]] requests_read read_requests(const model::scenario& s, std::string_view text, std::string file,
                                          const request_context& ctx = {});

}  // namespace jadwal::load
