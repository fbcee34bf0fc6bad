#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/output/csv.hpp>

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "plan_references.hpp"

namespace jadwal::output {

// ---------------------------------------------------------------- csv_writer

csv_writer::csv_writer(bool byte_order_mark, bool spreadsheet) : spreadsheet_(spreadsheet) {
    if (byte_order_mark || spreadsheet) out_ = "\xEF\xBB\xBF";
}

namespace {

// The characters OWASP lists for CSV injection: Excel, LibreOffice and Google
// Sheets start a formula (or a DDE call) with them.
bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// Where a spreadsheet may start a new cell or record inside our cell: a
// spreadsheet set to Indonesian splits at ';', a tab-separated import at tabs,
// and one that splits at ';' sees our quotes only at the start of its own
// fields, so a line break inside a quoted cell can end its record.
bool fragment_boundary(char c) { return c == ',' || c == ';' || c == '\t' || c == '\r' || c == '\n'; }

bool all_digits(std::string_view value) {
    return !value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool looks_like_formula(std::string_view value) { return !value.empty() && formula_start(value.front()); }

std::string neutralise_formulas(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 2);
    bool fragment_start = true;
    bool cell_start = true;
    for (const char c : value) {
        if (fragment_start) {
            // After a separator a quote may open the other reader's field:
            // what follows the quotes is where its cell starts.
            if (c == '"' && !cell_start) {
                out += c;
                continue;
            }
            if (formula_start(c)) out += '\'';
            fragment_start = false;
        }
        cell_start = false;
        out += c;
        if (fragment_boundary(c)) fragment_start = true;
    }
    return out;
}

void csv_writer::separator() {
    if (row_open_) out_ += spreadsheet_ ? ';' : ',';
    row_open_ = true;
}

csv_writer& csv_writer::text(std::string_view value) {
    separator();
    // A spreadsheet reads digits as a number: an 18-digit NIP shows as
    // 1.98203E+17 and keeps 15 digits, an id loses its leading zeros. The
    // formula ="digits" is a text constant, and digits alone cannot carry an
    // injection (docs/outputs.md "For a spreadsheet set to Indonesian").
    const std::string cell =
        spreadsheet_ && all_digits(value) ? "=\"" + std::string(value) + '"' : neutralise_formulas(value);
    // Quoted also for ';' and tab, which are not separators here but are for
    // spreadsheets in Indonesian locales and for tab-separated imports.
    const bool quote = cell.find_first_of(",;\"\t\r\n") != std::string::npos;
    if (quote) out_ += '"';
    for (const char ch : cell) {
        if (ch == '"') out_ += '"';
        out_ += ch;
    }
    if (quote) out_ += '"';
    return *this;
}

csv_writer& csv_writer::decimal(double value, int digits) {
    separator();
    const auto from = out_.size();
    fmt::format_to(std::back_inserter(out_), "{:.{}f}", value, digits);
    if (spreadsheet_) std::replace(out_.begin() + static_cast<std::ptrdiff_t>(from), out_.end(), '.', ',');
    return *this;
}

csv_writer& csv_writer::number(std::int64_t value) {
    separator();
    fmt::format_to(std::back_inserter(out_), "{}", value);
    return *this;
}

void csv_writer::end_row() {
    out_ += "\r\n";
    row_open_ = false;
}

// ---------------------------------------------------------------- the exports

namespace {

using calendar::instant;
constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

/// The whole JP one person earns for one module, split over its parts (sessions
/// or study blocks) in proportion to their minutes, largest remainder first,
/// ties to the earlier part. The module's credit is its JP, or fewer when the
/// parts are shorter than the module (an incomplete plan); so the parts of a
/// module in a complete plan always add up to its JP, and a fixed session
/// longer than its module earns the module's JP, not more.
std::vector<int> apportion_jp(int module_jp, int jp_minutes, const std::vector<std::int64_t>& part_minutes) {
    std::vector<int> out(part_minutes.size(), 0);
    std::int64_t total = 0;
    for (const auto m : part_minutes) total += std::max<std::int64_t>(m, 0);
    if (total <= 0 || jp_minutes <= 0) return out;
    const std::int64_t credit = std::min<std::int64_t>(module_jp, total / jp_minutes);
    std::vector<std::pair<std::int64_t, std::size_t>> remainders;  // (remainder, part)
    std::int64_t given = 0;
    for (std::size_t k = 0; k < part_minutes.size(); ++k) {
        const std::int64_t share = credit * std::max<std::int64_t>(part_minutes[k], 0);
        out[k] = static_cast<int>(share / total);
        given += out[k];
        remainders.emplace_back(share % total, k);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < credit && k < remainders.size(); ++k, ++given) ++out[remainders[k].second];
    return out;
}

std::uint64_t key(std::uint32_t a, std::uint32_t b) {
    return (std::uint64_t{a} << 32) | b;
}

/// The `mode` of study in both CSV files: a recording of a fixed session, a
/// catalogue programme taken as top-up, or ordinary self-paced study.
std::string_view study_mode(const model::study_block& b) {
    if (b.recording) return "recording";
    if (b.top_up) return "self_paced_top_up";
    return "self_paced";
}

/// One row of schedule.csv before formatting.
struct schedule_row {
    std::uint32_t employee = 0;
    instant start{}, end{};
    std::uint32_t program = 0;
    std::uint32_t module = 0;
    std::uint32_t part = 1;  ///< 1-based
    int jp = 0;
    std::uint32_t cohort = none;   ///< index into solution::cohorts
    std::uint32_t session = none;  ///< index into the cohort's sessions; none for a study block
    std::string_view mode{};       ///< for a study block: study_mode()
    std::uint32_t lieu = none;     ///< index into solution::days_in_lieu: a day off in lieu, no training
};

/// Per (employee, programme): the self-paced cohort that lists them, for the
/// cohort column of their study blocks.
std::unordered_map<std::uint64_t, std::uint32_t> self_paced_cohorts(const model::solution& sol) {
    std::unordered_map<std::uint64_t, std::uint32_t> out;
    for (std::uint32_t c = 0; c < sol.cohorts.size(); ++c) {
        const auto& co = sol.cohorts[c];
        if (co.mode != model::delivery_mode::self_paced) continue;
        for (const auto e : co.participants) out.emplace(key(e.value, co.program.value), c);
    }
    return out;
}

std::vector<schedule_row> schedule_rows(const model::scenario& s, const model::solution& sol) {
    std::vector<schedule_row> rows;
    for (std::uint32_t c = 0; c < sol.cohorts.size(); ++c) {
        const auto& co = sol.cohorts[c];
        const auto& prog = s.programs[co.program.value];
        // JP per session: apportioned within each module of the cohort, in start order.
        std::vector<int> session_jp(co.sessions.size(), 0);
        std::map<std::uint32_t, std::vector<std::uint32_t>> by_module;
        for (std::uint32_t k = 0; k < co.sessions.size(); ++k) by_module[co.sessions[k].module].push_back(k);
        for (auto& [m, ks] : by_module) {
            std::stable_sort(ks.begin(), ks.end(),
                             [&](auto a, auto b) { return co.sessions[a].start < co.sessions[b].start; });
            std::vector<std::int64_t> minutes;
            for (const auto k : ks) minutes.push_back((co.sessions[k].end - co.sessions[k].start).count());
            const auto jp = apportion_jp(prog.modules[m].jp, s.jp_minutes, minutes);
            for (std::size_t i = 0; i < ks.size(); ++i) session_jp[ks[i]] = jp[i];
        }
        for (const auto e : co.participants)
            for (std::uint32_t k = 0; k < co.sessions.size(); ++k) {
                const auto& ses = co.sessions[k];
                rows.push_back(
                    {e.value, ses.start, ses.end, co.program.value, ses.module, ses.part + 1, session_jp[k], c, k});
            }
    }

    // Study blocks: parts and JP per (employee, programme, module), in start order.
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, std::vector<std::uint32_t>> groups;
    for (std::uint32_t b = 0; b < sol.study_blocks.size(); ++b) {
        const auto& blk = sol.study_blocks[b];
        groups[{blk.employee.value, blk.program.value, blk.module}].push_back(b);
    }
    const auto self_paced = self_paced_cohorts(sol);
    for (auto& [k, blocks] : groups) {
        const auto [e, p, m] = k;
        std::stable_sort(blocks.begin(), blocks.end(),
                         [&](auto a, auto b) { return sol.study_blocks[a].start < sol.study_blocks[b].start; });
        std::vector<std::int64_t> minutes;
        for (const auto b : blocks) minutes.push_back((sol.study_blocks[b].end - sol.study_blocks[b].start).count());
        const auto jp = apportion_jp(s.programs[p].modules[m].jp, s.jp_minutes, minutes);
        const auto cohort = self_paced.find(key(e, p));
        for (std::uint32_t i = 0; i < blocks.size(); ++i) {
            const auto& blk = sol.study_blocks[blocks[i]];
            rows.push_back({e, blk.start, blk.end, p, m, i + 1, jp[i], cohort == self_paced.end() ? none : cohort->second,
                            none, study_mode(blk)});
        }
    }

    // Days off in lieu (docs/model.md "Assigned duty"): the rostered shift the person is off.
    for (std::uint32_t i = 0; i < sol.days_in_lieu.size(); ++i) {
        const auto& l = sol.days_in_lieu[i];
        const auto span = detail::lieu_shift(s, l);
        if (!span) continue;
        schedule_row r;
        r.employee = l.employee.value;
        r.start = span->start;
        r.end = span->end;
        r.mode = "day_in_lieu";
        r.lieu = i;
        rows.push_back(r);
    }

    std::stable_sort(rows.begin(), rows.end(), [](const schedule_row& a, const schedule_row& b) {
        return std::tie(a.employee, a.start, a.end, a.program, a.module, a.part) <
               std::tie(b.employee, b.start, b.end, b.program, b.module, b.part);
    });
    return rows;
}

/// "31-12-2026": SIASN's course records take dates day first.
std::string siasn_date(instant t, const date::time_zone& z) {
    const date::year_month_day ymd{calendar::local_day(t, z)};
    return fmt::format("{:02}-{:02}-{:04}", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                       static_cast<int>(ymd.year()));
}

int local_year(instant t, const date::time_zone& z) {
    return static_cast<int>(date::year_month_day{calendar::local_day(t, z)}.year());
}

}  // namespace

output_file schedule_csv(const model::scenario& s, const model::solution& sol, const csv_options& opts) {
    detail::require_valid_references(s, sol);
    const auto rows = schedule_rows(s, sol);
    csv_writer w{opts.byte_order_mark, opts.spreadsheet};
    w.reserve(rows.size() * 260);
    for (const char* h :
         {"nip", "name", "unit_id", "unit_name", "program_id", "program_title", "module_id", "module_title", "part",
          "mode", "start", "end", "jp", "venue_or_platform_id", "venue_or_platform_name", "cohort"})
        w.text(h);
    w.end_row();
    for (const auto& r : rows) {
        const auto& emp = s.employees[r.employee];
        const auto& unit = s.units[emp.unit.value];
        if (r.lieu != none) {
            const auto& zone = s.zone_of(emp);
            w.text(emp.id).text(emp.name).text(unit.id).text(unit.name);
            w.text("").text("").text("").text("").text("").text(r.mode);
            w.text(calendar::format_instant(r.start, zone)).text(calendar::format_instant(r.end, zone));
            w.number(0).text("").text("").text("");
            w.end_row();
            continue;
        }
        const auto& prog = s.programs[r.program];
        const auto& mod = prog.modules[r.module];
        const auto& zone = s.zone_of(emp);
        const model::cohort* co = r.cohort == none ? nullptr : &sol.cohorts[r.cohort];
        const auto mode = r.session == none ? model::delivery_mode::self_paced : co->mode;
        w.text(emp.id).text(emp.name).text(unit.id).text(unit.name);
        w.text(prog.id).text(prog.title).text(mod.id).text(mod.title).number(r.part);
        w.text(r.session == none ? r.mode : model::to_string(mode));
        w.text(calendar::format_instant(r.start, zone)).text(calendar::format_instant(r.end, zone));
        w.number(r.jp);
        std::string_view place_id, place_name;
        if (r.session != none && mode == model::delivery_mode::classroom && co->venue.valid()) {
            place_id = s.venues[co->venue.value].id;
            place_name = s.venues[co->venue.value].name;
        } else if (r.session != none && mode == model::delivery_mode::online_live && co->platform.valid()) {
            place_id = s.platforms[co->platform.value].id;
            place_name = s.platforms[co->platform.value].name;
        }
        w.text(place_id).text(place_name).text(co ? std::string_view{co->id} : std::string_view{});
        w.end_row();
    }
    return {"schedule.csv", std::move(w).take()};
}

output_file siasn_courses_csv(const model::scenario& s, const model::solution& sol, const csv_options& opts) {
    detail::require_valid_references(s, sol);
    struct course {
        std::uint32_t employee = 0, program = 0;
        instant first{}, last{};
        std::string_view mode;
        std::uint32_t cohort = none;
    };
    // The plan's own verdict on placement: a programme it lists as unplaced for
    // someone (too late, incomplete) is no course record, whatever time it holds.
    std::unordered_set<std::uint64_t> unplaced;
    for (const auto& u : sol.unplaced) unplaced.insert(key(u.employee.value, u.program.value));
    std::unordered_map<std::uint64_t, std::size_t> at;  // (employee, programme) -> index into courses
    std::vector<course> courses;
    auto add = [&](std::uint32_t e, std::uint32_t p, instant first, instant last, std::string_view mode,
                   std::uint32_t cohort) {
        if (unplaced.contains(key(e, p))) return;
        const auto [it, fresh] = at.emplace(key(e, p), courses.size());
        if (fresh) {
            courses.push_back({e, p, first, last, mode, cohort});
            return;
        }
        auto& c = courses[it->second];  // a second placement of one programme: one record spanning both
        c.first = std::min(c.first, first);
        c.last = std::max(c.last, last);
    };
    for (std::uint32_t c = 0; c < sol.cohorts.size(); ++c) {
        const auto& co = sol.cohorts[c];
        if (co.sessions.empty()) continue;
        instant first = co.sessions.front().start, last = co.sessions.front().end;
        for (const auto& ses : co.sessions) {
            first = std::min(first, ses.start);
            last = std::max(last, ses.end);
        }
        for (const auto e : co.participants) add(e.value, co.program.value, first, last, model::to_string(co.mode), c);
    }
    const auto self_paced = self_paced_cohorts(sol);
    for (const auto& blk : sol.study_blocks) {
        const auto cohort = self_paced.find(key(blk.employee.value, blk.program.value));
        add(blk.employee.value, blk.program.value, blk.start, blk.end, study_mode(blk),
            cohort == self_paced.end() ? none : cohort->second);
    }
    std::stable_sort(courses.begin(), courses.end(), [](const course& a, const course& b) {
        return std::tie(a.employee, a.first, a.program) < std::tie(b.employee, b.first, b.program);
    });

    csv_writer w{opts.byte_order_mark, opts.spreadsheet};
    for (const char* h : {"nip", "nama", "namaKursus", "institusiPenyelenggara", "jumlahJam", "tahunKursus",
                          "tanggalKursus", "tanggalSelesaiKursus", "program_id", "mode", "cohort"})
        w.text(h);
    w.end_row();
    for (const auto& c : courses) {
        const auto& emp = s.employees[c.employee];
        const auto& prog = s.programs[c.program];
        const auto& zone = s.zone_of(emp);
        // The last minute of the last session names its day: a session ending at
        // 24:00 ends on that day, not the next.
        const instant last_minute = c.last - calendar::minutes{1};
        w.text(emp.id).text(emp.name).text(prog.title);
        w.text(prog.organizer.empty() ? std::string_view{opts.default_organizer} : std::string_view{prog.organizer});
        w.number(prog.jp).number(local_year(last_minute, zone));
        w.text(siasn_date(c.first, zone)).text(siasn_date(last_minute, zone));
        w.text(prog.id).text(c.mode);
        w.text(c.cohort == none ? std::string_view{} : std::string_view{sol.cohorts[c.cohort].id});
        w.end_row();
    }
    return {"siasn_courses.csv", std::move(w).take()};
}

output_file unplaced_csv(const model::scenario& s, const model::solution& sol, const csv_options& opts) {
    detail::require_valid_references(s, sol);
    std::vector<const model::unplaced_demand*> rows;
    rows.reserve(sol.unplaced.size());
    for (const auto& u : sol.unplaced) rows.push_back(&u);
    std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
        return std::tie(a->employee.value, a->program.value) < std::tie(b->employee.value, b->program.value);
    });
    // The demand's priority, as the scenario gives it (the first item when one is listed twice).
    std::unordered_map<std::uint64_t, model::priority> level;
    for (const auto& d : s.demand) level.emplace(key(d.employee.value, d.program.value), d.level);

    csv_writer w{opts.byte_order_mark, opts.spreadsheet};
    w.reserve(rows.size() * 400);
    for (const char* h :
         {"nip", "name", "unit_id", "unit_name", "program_id", "program_title", "priority", "reason_code", "reason",
          "other_reasons", "best_alternative", "alternative_cost", "other_alternatives"})
        w.text(h);
    w.end_row();
    for (const auto* u : rows) {
        const auto& emp = s.employees[u->employee.value];
        const auto& unit = s.units[emp.unit.value];
        const auto& prog = s.programs[u->program.value];
        const auto lv = level.find(key(u->employee.value, u->program.value));
        w.text(emp.id).text(emp.name).text(unit.id).text(unit.name).text(prog.id).text(prog.title);
        w.text(lv == level.end() ? std::string_view{} : model::to_string(lv->second));
        if (u->reasons.empty())
            w.text("").text("");
        else
            w.text(u->reasons.front().code).text(u->reasons.front().message);
        // Further reasons (one per delivery mode tried), one a line: "CODE: sentence".
        std::string more;
        for (std::size_t k = 1; k < u->reasons.size(); ++k) {
            if (!more.empty()) more += '\n';
            more += u->reasons[k].code;
            more += ": ";
            more += u->reasons[k].message;
        }
        w.text(more);
        if (u->alternatives.empty()) {
            w.text("").text("");
        } else {
            w.text(u->alternatives.front().description).decimal(u->alternatives.front().cost, 2);
        }
        std::string others;
        for (std::size_t k = 1; k < u->alternatives.size(); ++k) {
            if (!others.empty()) others += '\n';
            others += u->alternatives[k].description;
        }
        w.text(others);
        w.end_row();
    }
    return {"unplaced.csv", std::move(w).take()};
}

}  // namespace jadwal::output
