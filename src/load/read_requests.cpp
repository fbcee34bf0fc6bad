// The change-requests CSV (docs/requests.md): one row per request, every
// problem collected with its file, line and column before anything is applied.
#include <algorithm>
#include <array>
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/load/csv_reader.hpp>
#include <jadwal/load/requests.hpp>
#include <set>
#include <tuple>

#include "say.hpp"
#include "values.hpp"
#include "yaml_prescan.hpp"

namespace jadwal::load {

std::string_view to_string(request_kind k) {
    switch (k) {
        case request_kind::not_on:
            return "not_on";
        case request_kind::not_before:
            return "not_before";
        case request_kind::not_after:
            return "not_after";
        case request_kind::move:
            return "move";
    }
    return "not_on";
}

std::optional<request_kind> parse_request_kind(std::string_view s) {
    const std::string key = detail::lower(detail::trim(s));
    static constexpr std::array<std::pair<std::string_view, request_kind>, 8> names{{
        {"not_on", request_kind::not_on},
        {"not_before", request_kind::not_before},
        {"not_after", request_kind::not_after},
        {"move", request_kind::move},
        {"tidak_pada", request_kind::not_on},
        {"tidak_sebelum", request_kind::not_before},
        {"tidak_setelah", request_kind::not_after},
        {"pindah", request_kind::move},
    }};
    for (const auto& [name, kind] : names)
        if (key == name) return kind;
    return std::nullopt;
}

namespace {

using detail::in_quotes;
using detail::phrase;
using detail::say;
using detail::trim;

enum column : std::size_t { col_nip, col_program, col_request, col_value, col_reason, col_answer, column_count };

constexpr std::array<std::string_view, column_count> column_names{"nip",   "program", "request",
                                                                  "value", "reason",  "answer"};
constexpr std::array<std::string_view, column_count> column_aliases{
    "nip", "program_pelatihan", "permintaan", "nilai", "alasan", "jawaban"};
constexpr std::size_t no_column = static_cast<std::size_t>(-1);

class sink {
public:
    sink(diagnostics& out, std::string file) : out_(out), file_(std::move(file)) {}

    void error(std::string_view code, const phrase& p, std::int32_t line, std::int32_t column,
               std::string_view path = {}) {
        add(severity::error, code, p, line, column, path);
    }
    void warning(std::string_view code, const phrase& p, std::int32_t line, std::int32_t column,
                 std::string_view path = {}) {
        add(severity::warning, code, p, line, column, path);
    }

private:
    void add(severity level, std::string_view code, const phrase& p, std::int32_t line, std::int32_t column,
             std::string_view path) {
        diagnostic d;
        d.level = level;
        d.code = std::string(code);
        d.message = p.en;
        d.message_id = p.id;
        d.file = file_;
        d.line = line;
        d.column = column;
        d.path = std::string(path);
        out_.add(std::move(d));
    }
    diagnostics& out_;
    std::string file_;
};

/// Whether `e` is placed for `p` in `plan` (a cohort seat or study blocks).
bool placed_in(const model::solution& plan, model::employee_index e, model::program_index p) {
    for (const auto& c : plan.cohorts)
        if (c.program == p && std::binary_search(c.participants.begin(), c.participants.end(), e)) return true;
    return std::any_of(plan.study_blocks.begin(), plan.study_blocks.end(),
                       [&](const model::study_block& b) { return b.employee == e && b.program == p; });
}

bool in_cohort_of(const model::solution& plan, model::employee_index e, model::program_index p) {
    return std::any_of(plan.cohorts.begin(), plan.cohorts.end(), [&](const model::cohort& c) {
        return c.program == p && std::binary_search(c.participants.begin(), c.participants.end(), e);
    });
}

}  // namespace

requests_read read_requests(const model::scenario& s, std::string_view text, std::string file,
                            const request_context& ctx) {
    requests_read out;
    sink rep(out.diags, file);
    if (trim(text).empty() || text == "\xEF\xBB\xBF") {
        rep.error("E-REQUEST-FILE", say("the requests file is empty"), 0, 0);
        return out;
    }
    phrase why;
    if (const auto bad = detail::find_invalid_text(text, why); bad != std::string_view::npos) {
        std::int32_t line = 0, col = 0;
        detail::line_column(text, bad, line, col);
        rep.error("E-REQUEST-FILE", say("{}; save the file as UTF-8 CSV", why), line, col);
        return out;
    }

    csv_reader reader{text, csv_reader::sniff_delimiter(text)};
    std::vector<csv_field> fields;
    const auto syntax_error = [&] {
        rep.error("E-REQUEST-FILE", phrase{reader.error(), reader.error_id()}, reader.error_line(),
                  reader.error_column());
    };
    const auto first = reader.next(fields);
    if (first == csv_reader::status::error) {
        syntax_error();
        return out;
    }
    if (first == csv_reader::status::end) {
        rep.error("E-REQUEST-FILE", say("the requests file is empty"), 0, 0);
        return out;
    }

    std::array<std::size_t, column_count> where{};
    where.fill(no_column);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string key = detail::lower(trim(fields[i].text));
        for (std::size_t k = 0; k < column_count; ++k) {
            if (key != column_names[k] && key != column_aliases[k]) continue;
            if (where[k] != no_column)
                rep.error("E-REQUEST-FILE", say("the column {} appears twice in the header", column_names[k]),
                          fields[i].line, fields[i].column());
            else
                where[k] = i;
        }
    }
    const std::int32_t header_line = reader.record_line();
    bool header_ok = true;
    for (const column k : {col_nip, col_program, col_request})
        if (where[k] == no_column) {
            rep.error("E-REQUEST-FILE",
                      say("the header has no column {} (a requests file has the columns nip, program, request, "
                          "value and reason)",
                          column_names[k]),
                      header_line, 1);
            header_ok = false;
        }
    if (!header_ok) return out;

    // Who may ask about what: declared demand, or a seat in the published plan (a top-up).
    std::set<std::pair<std::uint32_t, std::uint32_t>> demand;
    for (const auto& d : s.demand) demand.emplace(d.employee.value, d.program.value);
    const auto has_demand = [&](model::employee_index e, model::program_index p) {
        return demand.count({e.value, p.value}) > 0 || (ctx.previous && placed_in(*ctx.previous, e, p));
    };
    std::optional<calendar::local_date> replan_day;
    if (ctx.replan_from) replan_day = calendar::local_day(*ctx.replan_from, *s.zone);

    std::set<std::tuple<std::uint32_t, std::uint32_t, request_kind, std::string>> seen;
    for (;;) {
        const auto st = reader.next(fields);
        if (st == csv_reader::status::end) break;
        if (st == csv_reader::status::error) {
            syntax_error();
            break;
        }
        const std::int32_t line = reader.record_line();
        // A short row's missing cells are empty and point after its last cell.
        const auto cell = [&](column k) -> csv_field {
            if (where[k] != no_column && where[k] < fields.size()) return fields[where[k]];
            csv_field f;
            f.line = line;
            if (!fields.empty()) {
                f.line = fields.back().line;
                f.line_start = fields.back().line_start;
                f.offset = fields.back().offset + fields.back().text.size();
            }
            return f;
        };
        const auto error = [&](std::string_view code, const phrase& p, const csv_field& f, column k) {
            rep.error(code, p, f.line, f.column(), column_names[k]);
        };

        change_request r;
        r.line = line;
        bool ok = true;
        const csv_field nip = cell(col_nip);
        const csv_field prog = cell(col_program);
        const csv_field kind = cell(col_request);
        const csv_field value = cell(col_value);
        r.nip = std::string(trim(nip.text));
        r.program_id = std::string(trim(prog.text));
        r.value = std::string(trim(value.text));
        r.reason = std::string(trim(cell(col_reason).text));
        r.refused = detail::lower(trim(cell(col_answer).text)) == "refused";

        if (const auto e = s.find_employee(r.nip)) {
            r.employee = *e;
        } else {
            error("E-REQUEST-NIP", say("no employee has the NIP {}", in_quotes(r.nip)), nip, col_nip);
            ok = false;
        }
        if (const auto p = s.find_program(r.program_id)) {
            r.program = *p;
        } else {
            std::vector<std::string> ids;
            for (const auto& p2 : s.programs) ids.push_back(p2.id);
            const std::string near = closest_match(r.program_id, ids);
            if (near.empty())
                error("E-REQUEST-PROGRAM", say("no programme has the id {}", in_quotes(r.program_id)), prog,
                      col_program);
            else
                error("E-REQUEST-PROGRAM",
                      say("no programme has the id {} (did you mean {}?)", in_quotes(r.program_id), in_quotes(near)),
                      prog, col_program);
            ok = false;
        }
        if (r.employee.valid() && r.program.valid() && !has_demand(r.employee, r.program)) {
            error("E-REQUEST-NO-DEMAND",
                  say("{} has no demand for the programme {} and no seat in it in the published plan", in_quotes(r.nip),
                      in_quotes(r.program_id)),
                  prog, col_program);
            ok = false;
        }
        if (const auto k = parse_request_kind(kind.text)) {
            r.kind = *k;
        } else {
            error("E-REQUEST-KIND",
                  say("the request {} is none of not_on, not_before, not_after and move (tidak_pada, "
                      "tidak_sebelum, tidak_setelah, pindah)",
                      in_quotes(trim(kind.text))),
                  kind, col_request);
            ok = false;
        }
        if (ok || parse_request_kind(kind.text)) {
            switch (r.kind) {
                case request_kind::not_on: {
                    const auto d = calendar::parse_date(r.value);
                    if (!d) {
                        error("E-REQUEST-DATE",
                              say("not_on needs a date written YYYY-MM-DD, got {}", in_quotes(r.value)), value,
                              col_value);
                        ok = false;
                    } else if (!s.horizon.contains(*d)) {
                        error("E-REQUEST-HORIZON",
                              say("the date {} lies outside the scenario's horizon, {} to {}", r.value,
                                  calendar::format_date(s.horizon.first), calendar::format_date(s.horizon.last)),
                              value, col_value);
                        ok = false;
                    } else if (replan_day && *d < *replan_day) {
                        error("E-REQUEST-PAST",
                              say("the date {} lies before the re-plan date {}: a request is about what is still "
                                  "to come",
                                  r.value, calendar::format_date(*replan_day)),
                              value, col_value);
                        ok = false;
                    } else {
                        r.date = *d;
                    }
                    break;
                }
                case request_kind::not_before:
                case request_kind::not_after: {
                    const auto t = calendar::parse_time_of_day(r.value);
                    if (!t) {
                        error("E-REQUEST-TIME",
                              say("{} needs a clock time written HH:MM, got {}", to_string(r.kind), in_quotes(r.value)),
                              value, col_value);
                        ok = false;
                    } else {
                        r.time = t->since_midnight;
                    }
                    break;
                }
                case request_kind::move:
                    if (!r.value.empty()) {
                        error("E-REQUEST-VALUE",
                              say("move takes no value (it asks for another cohort), got {}", in_quotes(r.value)),
                              value, col_value);
                        ok = false;
                    } else if (r.employee.valid() && r.program.valid() &&
                               (!ctx.previous || !in_cohort_of(*ctx.previous, r.employee, r.program))) {
                        error("E-REQUEST-MOVE",
                              say("{} is in no cohort of the programme {} in the published plan, so there is no "
                                  "cohort to move from",
                                  in_quotes(r.nip), in_quotes(r.program_id)),
                              kind, col_request);
                        ok = false;
                    }
                    break;
            }
        }
        if (!ok) continue;
        if (!seen.emplace(r.employee.value, r.program.value, r.kind, r.value).second) {
            rep.warning("W-REQUEST-DUPLICATE",
                        say("the same request of {} for {} is on an earlier line; it is answered once",
                            in_quotes(r.nip), in_quotes(r.program_id)),
                        line, 1);
            continue;
        }
        out.requests.push_back(std::move(r));
    }
    if (out.diags.has_errors()) out.requests.clear();
    out.diags.sort();
    return out;
}

}  // namespace jadwal::load
