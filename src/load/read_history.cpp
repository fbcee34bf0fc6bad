// The `history` section: courses people already completed, from a CSV file
// shaped like the SIASN course export (riwayat diklat). Rows become
// scenario::history in file order; once demand and the cross-checks are done,
// demand the history shows completed moves to scenario::completed
// (docs/format.md "history").
#include <jadwal/load/csv_reader.hpp>
#include "file_io.hpp"
#include "sections.hpp"
#include "values.hpp"
#include "yaml_prescan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace jadwal::load::detail {
namespace {

enum column : std::size_t { col_nip, col_course, col_organizer, col_jp, col_start, col_end, col_program, column_count };

/// Every header name a column is known by (any case).
constexpr std::array<std::pair<std::string_view, column>, 15> column_names{{
    {"nip", col_nip},
    {"nama_kursus", col_course},
    {"nama_diklat", col_course},
    {"course", col_course},
    {"institusi_penyelenggara", col_organizer},
    {"penyelenggara", col_organizer},
    {"organizer", col_organizer},
    {"jumlah_jam", col_jp},
    {"jp", col_jp},
    {"tanggal_mulai", col_start},
    {"tanggal_kursus", col_start},
    {"start", col_start},
    {"tanggal_selesai", col_end},
    {"end", col_end},
    {"program", col_program},
}};
constexpr std::string_view program_id_name = "program_id";

constexpr std::size_t no_column = csv_no_column;
constexpr int max_jp = 1000;

std::size_t column_of(std::string_view header) {
    const std::string key = lower(trim(header));
    if (key == program_id_name) return col_program;
    for (const auto& [name, col] : column_names)
        if (name == key) return col;
    return column_count;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

/// A date as ISO `2026-03-14` or day first as SIASN writes it, `14-03-2026`
/// or `14/03/2026` (one-digit day and month too). nullopt with `problem` set
/// when it is neither, or names a day that does not exist.
std::optional<calendar::local_date> history_date(std::string_view text, phrase& problem) {
    const std::string_view t = trim(text);
    if (const auto d = calendar::parse_date(t)) return d;
    const auto first = t.find_first_of("-/");
    const auto second = first == std::string_view::npos ? first : t.find(t[first], first + 1);
    if (second != std::string_view::npos && first >= 1 && first <= 2 && second - first - 1 >= 1 &&
        second - first - 1 <= 2 && t.size() - second - 1 == 4) {
        const std::string_view day = t.substr(0, first);
        const std::string_view month = t.substr(first + 1, second - first - 1);
        const std::string_view year = t.substr(second + 1);
        if (all_digits(day) && all_digits(month) && all_digits(year)) {
            const auto iso = fmt::format("{}-{:0>2}-{:0>2}", year, month, day);
            if (const auto d = calendar::parse_date(iso)) return d;
            problem = say("{} is not a date that exists", in_quotes(t));
            return std::nullopt;
        }
    }
    if (t.size() == 10 && t[4] == '-' && t[7] == '-' && all_digits(t.substr(0, 4)) && all_digits(t.substr(5, 2)) &&
        all_digits(t.substr(8, 2))) {
        problem = say("{} is not a date that exists", in_quotes(t));
        return std::nullopt;
    }
    problem = say("expected a date as YYYY-MM-DD or DD-MM-YYYY, got {}", in_quotes(t));
    return std::nullopt;
}

void read_history_text(load_context& c, std::uint32_t fi, const std::string& data) {
    csv_reader reader{data, csv_reader::sniff_delimiter(data)};
    std::vector<csv_field> fields;
    if (!read_csv_header(c, fi, data, say("the history file is empty"), reader, fields)) return;
    auto syntax_error = [&] {
        c.rep.error(code::csv_syntax, phrase{reader.error(), reader.error_id()},
                    {fi, reader.error_line(), reader.error_column()});
    };
    // A first row that names no column at all is not a header: say so without
    // showing any of it (the scenario may name any file).
    if (std::none_of(fields.begin(), fields.end(),
                     [](const csv_field& f) { return column_of(f.text) < column_count; })) {
        c.rep.error(code::csv_header,
                    say("the first line is not the header of a history file: it names none of the columns nip, "
                        "nama_kursus, jumlah_jam and tanggal_selesai (is this the right file?)"),
                    {fi, reader.record_line(), 1});
        return;
    }
    // Columns by name in any order; the SIASN export's other columns are ignored.
    std::array<std::size_t, column_count> where{};
    where.fill(no_column);
    std::array<std::string, column_count> header{};
    bool header_ok = true;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::size_t k = column_of(fields[i].text);
        if (k == column_count) continue;
        if (where[k] != no_column) {
            c.rep.error(code::csv_header,
                        say("the columns {} and {} are the same column; give only one", in_quotes(header[k]),
                            in_quotes(lower(trim(fields[i].text)))),
                        {fi, fields[i].line, fields[i].column()});
            header_ok = false;
            continue;
        }
        where[k] = i;
        header[k] = lower(trim(fields[i].text));
    }
    constexpr std::array<std::pair<column, std::string_view>, 4> required_columns{
        {{col_nip, "nip"}, {col_course, "nama_kursus"}, {col_jp, "jumlah_jam"}, {col_end, "tanggal_selesai"}}};
    for (const auto& [required, name] : required_columns) {
        if (where[required] != no_column) continue;
        c.rep.error(code::csv_header,
                    say("the header has no column {} (required: nip, nama_kursus, jumlah_jam, tanggal_selesai)",
                        in_quotes(name)),
                    {fi, reader.record_line(), 1});
        header_ok = false;
    }
    if (!header_ok) return;

    const std::size_t width = fields.size();
    // (employee, course, end) -> line of the first such row
    std::map<std::tuple<std::uint32_t, std::string, calendar::local_date>, std::int32_t> seen;
    while (true) {
        const auto st = reader.next(fields);
        if (st == csv_reader::status::end) break;
        if (st == csv_reader::status::error) {
            syntax_error();
            break;
        }
        const std::int32_t line = reader.record_line();
        if (!row_width_ok(c, fi, fields, width, line)) continue;
        auto at = [&](const csv_field& f) { return loc{fi, f.line, f.column()}; };
        const csv_row row{c, fi, fields, where};
        auto cell = [&](column col) { return row.cell(col); };
        auto required = [&](column col) { return row.required(col, header[col]); };

        const std::size_t errors_before = c.rep.error_count();
        const csv_field* nip = required(col_nip);
        if (nip == nullptr) continue;
        const std::string_view id = trim(nip->text);
        const auto employee = c.employees.find(id);
        if (!employee) {
            // SIASN exports hold people outside the scenario: not an error.
            c.rep.warning(code::history_employee,
                          say("the history names {}, who is not an employee of this scenario; the row is ignored{}",
                              in_quotes(id), nip_hint(id)),
                          at(*nip), header[col_nip]);
            continue;
        }
        model::history_entry h;
        h.employee = model::employee_index{*employee};
        h.mark = loc{fi, line, 1}.mark();
        if (const csv_field* f = required(col_course)) h.course = std::string{trim(f->text)};
        if (const csv_field* f = cell(col_organizer)) h.organizer = std::string{trim(f->text)};
        if (const csv_field* f = required(col_jp)) {
            const auto r = parse_integer(trim(f->text));
            if (r.status != num_status::ok || r.value < 0 || r.value > max_jp)
                c.rep.error(code::number,
                            say("{} must be a whole number of hours from 0 to {}, got {}", header[col_jp], max_jp,
                                in_quotes(trim(f->text))),
                            at(*f), header[col_jp]);
            else
                h.jp = static_cast<int>(r.value);
        }
        std::optional<calendar::local_date> end, start;
        loc end_at;
        if (const csv_field* f = required(col_end)) {
            phrase problem;
            end = history_date(f->text, problem);
            end_at = at(*f);
            if (!end) c.rep.error(code::date, say("{}: {}", header[col_end], problem), end_at, header[col_end]);
        }
        if (const csv_field* f = cell(col_start)) {
            phrase problem;
            start = history_date(f->text, problem);
            if (!start) c.rep.error(code::date, say("{}: {}", header[col_start], problem), at(*f), header[col_start]);
        }
        if (end && start && *end < *start)
            c.rep.error(code::range_order,
                        say("the course ends ({}) before it starts ({})", calendar::format_date(*end),
                            calendar::format_date(*start)),
                        end_at, header[col_end]);
        if (const csv_field* f = cell(col_program))
            if (const auto p = c.programs.resolve(trim(f->text), at(*f), header[col_program], c.rep))
                h.program = model::program_index{*p};
        if (c.rep.error_count() != errors_before || !end) continue;
        h.end = *end;
        h.start = start.value_or(*end);
        const auto [it, inserted] = seen.try_emplace({*employee, h.course, h.end}, line);
        if (!inserted) {
            c.rep.warning(
                code::history_duplicate,
                say("this row repeats line {} (the same NIP, course and end date); it is ignored", it->second),
                {fi, line, 1});
            continue;
        }
        c.s.history.push_back(std::move(h));
    }
}

}  // namespace

std::optional<std::filesystem::path> referenced_file(const load_context& c, std::string_view name) {
    std::filesystem::path path{name};
    if (path.is_relative()) path = c.base_dir / path;
    path = path.lexically_normal();
    if (!c.opts.confine_to_scenario_dir) return path;
    // Read the resolved path, not the name: what was checked is what is read.
    return resolve_inside(path, c.base_dir);
}

void read_history(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) return;
    const ypath p = root.key("history");
    static constexpr std::array<std::string_view, 1> keys{"csv"};
    const auto m = c.yr.map(yval{*e, p}, "history", keys);
    if (!m) return;
    const yentry* f = c.yr.need(*m, p, "csv", "history");
    if (!f) return;
    const ypath q = p.key("csv");
    const yval v{*f, q};
    const auto file = c.yr.text(v, "csv");
    if (!file) return;
    const auto path = referenced_file(c, *file);
    if (!path) {
        c.yr.error(code::file_outside,
                   say("the history file {} leads outside the scenario's folder, and files are confined to that "
                       "folder; it is not read",
                       in_quotes(*file)),
                   v);
        return;
    }
    if (!c.opts.read_referenced_files) {
        c.rep.note(code::csv_skipped, say("the history file {} was not read", in_quotes(*file)), c.yr.where(v),
                   q.str());
        return;
    }
    // Without the staff no row can be matched; why they are unknown was reported.
    if (!c.employees_known) return;
    const std::string name = path->generic_string();
    std::string data;
    phrase why;
    const auto status = read_whole_file(*path, c.opts.max_file_bytes, data, why);
    if (status != read_status::ok) {
        c.rep.report(severity::error, status == read_status::too_large ? code::limit : code::file,
                     say("cannot read the history file {}: {}", in_quotes(name), why), c.yr.where(v), q.str(),
                     status == read_status::failed);
        return;
    }
    read_history_text(c, c.rep.add_file(name), data);
}

void apply_history(load_context& c) {
    model::scenario& s = c.s;
    if (s.history.empty() || !c.horizon_ok) return;
    const auto row = [](const model::history_entry& h) { return loc{h.mark.file, h.mark.line, h.mark.column}; };

    // The first entry, in file order, that shows (employee, programme) done by the horizon's end.
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> done;
    for (std::uint32_t i = 0; i < s.history.size(); ++i) {
        const auto& h = s.history[i];
        if (h.program.valid() && h.end <= s.horizon.last) done.try_emplace({h.employee.value, h.program.value}, i);
    }
    if (!done.empty()) {
        std::vector<model::demand_item> kept;
        kept.reserve(s.demand.size());
        for (const auto& d : s.demand) {
            const auto it = done.find({d.employee.value, d.program.value});
            if (it == done.end()) {
                kept.push_back(d);
                continue;
            }
            const auto& h = s.history[it->second];
            c.rep.note(
                code::demand_completed,
                say("{} already completed {} on {}; its demand is dropped", in_quotes(s.employees[d.employee.value].id),
                    in_quotes(s.programs[d.program.value].id), calendar::format_date(h.end)),
                row(h));
            s.completed.push_back({d, it->second});
        }
        s.demand = std::move(kept);
    }

    // The PPPK cap (or any cap) already reached by what was earned in the plan year:
    // warned at the row that reaches it.
    const std::vector<int> earned = s.earned_jp();
    const int year = s.plan_year();
    std::vector<int> running(s.employees.size(), 0);
    std::vector<bool> warned(s.employees.size(), false);
    for (const auto& h : s.history) {
        const std::uint32_t e = h.employee.value;
        if (static_cast<int>(date::year_month_day{h.end}.year()) != year) continue;
        running[e] += h.jp;
        const auto& cap = s.employees[e].jp_cap;
        if (!cap || warned[e] || running[e] < *cap) continue;
        warned[e] = true;
        c.rep.warning(code::history_cap,
                      say("{} has already earned {} JP in {}, which reaches their cap of {} JP: no training can be "
                          "planned for them",
                          in_quotes(s.employees[e].id), earned[e], year, *cap),
                      row(h));
    }
}

}  // namespace jadwal::load::detail
