// Employees from a CSV file, the shape HR systems export (NIP, name, unit,
// status, ...). This is the path for large populations, so it avoids yaml-cpp
// and per-row allocation beyond the employee itself; diagnostics point at the
// CSV file, line and column of the offending field.
#include <jadwal/load/csv_reader.hpp>
#include "file_io.hpp"
#include "preferences.hpp"
#include "sections.hpp"
#include "values.hpp"
#include "yaml_prescan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace jadwal::load::detail {
namespace {

enum column : std::size_t {
    col_nip,
    col_name,
    col_unit,
    col_status,
    col_pattern,
    col_rotation_offset,
    col_jp_target,
    col_jp_cap,
    col_after_hours,
    col_weekend,
    col_timezone,
    col_works_collective_leave,
    col_leave,
    col_duties,
    col_email,
    col_prefer_modes,
    col_refuse_modes,
    col_prefer_days,
    col_prefer_times,
    col_avoid_days,
    column_count
};

constexpr std::array<std::string_view, column_count> column_names{
    "nip",     "name",     "unit",     "status",   "pattern",                "rotation_offset", "jp_target",
    "jp_cap",  "after_hours", "weekend", "timezone", "works_collective_leave", "leave",           "duties",
    "email",   "prefer_modes", "refuse_modes", "prefer_days", "prefer_times", "avoid_days"};

// The Indonesian names an HR export (SIMPEG, SIASN) gives some columns,
// accepted as the same columns (docs/format.md).
constexpr std::array<std::pair<std::string_view, column>, 12> column_aliases{{
    {"nama", col_name},
    {"unit_kerja", col_unit},
    {"unit kerja", col_unit},
    {"status_kepegawaian", col_status},
    {"cuti", col_leave},
    {"tugas", col_duties},
    {"surel", col_email},
    {"mode_disukai", col_prefer_modes},
    {"mode_ditolak", col_refuse_modes},
    {"hari_disukai", col_prefer_days},
    {"jam_disukai", col_prefer_times},
    {"hari_dihindari", col_avoid_days},
}};

// The preference columns in the order they are read: preferred modes before
// refused ones, so that a mode in both is found at the refusal.
constexpr std::array<std::pair<column, preference_column>, 5> preference_columns{{
    {col_prefer_modes, preference_column::prefer_modes},
    {col_refuse_modes, preference_column::refuse_modes},
    {col_prefer_days, preference_column::prefer_days},
    {col_prefer_times, preference_column::prefer_times},
    {col_avoid_days, preference_column::avoid_days},
}};

constexpr std::size_t no_column = csv_no_column;

class row_reader {
public:
    row_reader(load_context& c, std::uint32_t file) : c_(c), file_(file) {}

    loc at(const csv_field& f) const { return {file_, f.line, f.column()}; }

    void error(std::string_view code, phrase message, const csv_field& f, column col) {
        c_.rep.error(code, std::move(message), at(f), std::string{column_names[col]});
    }

    std::optional<int> integer(const csv_field& f, column col, int min, int max) {
        const auto r = parse_integer(f.text);
        if (r.status == num_status::syntax) {
            error(code::type, say("expected a whole number for {}, got {}", column_names[col], in_quotes(f.text)), f,
                  col);
            return std::nullopt;
        }
        if (r.status == num_status::range || r.value < min || r.value > max) {
            error(code::number,
                  say("{} must be between {} and {}, got {}", column_names[col], min, max, in_quotes(trim(f.text))), f,
                  col);
            return std::nullopt;
        }
        return static_cast<int>(r.value);
    }

    std::optional<bool> boolean(const csv_field& f, column col) {
        const auto b = parse_bool(f.text, true);
        if (!b)
            error(code::type,
                  say("expected true/false, yes/no or 1/0 for {}, got {}", column_names[col], in_quotes(f.text)), f,
                  col);
        return b;
    }

    void leave(const csv_field& f, std::vector<model::leave>& out) {
        std::string_view rest = f.text;
        while (!rest.empty()) {
            const auto semi = rest.find(';');
            const std::string_view part = trim(rest.substr(0, semi));
            rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
            if (part.empty()) continue;
            const auto slash = part.find('/');
            const std::string_view a_text = trim(part.substr(0, slash));
            const std::string_view b_text = slash == std::string_view::npos ? a_text : trim(part.substr(slash + 1));
            const auto a = calendar::parse_date(a_text);
            const auto b = calendar::parse_date(b_text);
            if (!a || !b) {
                error(code::date, say("leave: {}", date_problem(!a ? a_text : b_text)), f, col_leave);
                continue;
            }
            if (*b < *a) {
                error(code::range_order,
                      say("the leave {} ends before it starts (write FROM/TO, e.g. 2026-07-06/2026-07-10)",
                          in_quotes(part)),
                      f, col_leave);
                continue;
            }
            out.push_back({{*a, *b}, std::string{}});
        }
    }

    void duties(const csv_field& f, std::vector<model::duty>& out) {
        std::string_view rest = f.text;
        while (!rest.empty()) {
            const auto semi = rest.find(';');
            const std::string_view name = trim(rest.substr(0, semi));
            rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
            if (name.empty()) continue;
            if (const auto t = c_.duty_templates.resolve(name, at(f), std::string{column_names[col_duties]}, c_.rep))
                copy_template_duties(c_, *t, out, at(f));
        }
    }

private:
    load_context& c_;
    std::uint32_t file_;
};

/// The rows of one employees CSV (file number `fi` in diagnostics).
/// `replaceable`: see add_employee.
void read_csv_text(load_context& c, std::uint32_t fi, const std::string& data, std::vector<bool>* replaceable) {
    csv_reader reader{data, csv_reader::sniff_delimiter(data)};
    std::vector<csv_field> fields;
    if (!read_csv_header(c, fi, data, say("the employees file is empty"), reader, fields)) return;
    auto syntax_error = [&] {
        c.rep.error(code::csv_syntax, phrase{reader.error(), reader.error_id()},
                    {fi, reader.error_line(), reader.error_column()});
    };

    // Columns by name, in any order.
    std::array<std::size_t, column_count> where{};
    where.fill(no_column);
    const std::size_t width = fields.size();
    const auto column_of = [&](const csv_field& f) {
        const std::string key = lower(trim(f.text));
        std::size_t k = 0;
        while (k < column_count && column_names[k] != key) ++k;
        for (const auto& [alias, col] : column_aliases)
            if (k == column_count && key == alias) k = col;
        return k;
    };
    // A first row that names no column at all is not a header: the file is
    // something else (a scenario may name any file). Say so without showing
    // any of it; its lines could be anybody's secrets.
    if (std::none_of(fields.begin(), fields.end(), [&](const csv_field& f) { return column_of(f) < column_count; })) {
        c.rep.error(
            code::csv_header,
            say("the first line is not the header of an employees file: it names none of the columns nip, name, "
                "unit and status (is this the right file?)"),
            {fi, reader.record_line(), 1});
        return;
    }
    bool header_ok = true;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string key = lower(trim(fields[i].text));
        const loc l{fi, fields[i].line, fields[i].column()};
        const std::size_t k = column_of(fields[i]);
        if (k == column_count) {
            const std::string hint =
                closest_match(key, std::vector<std::string>(column_names.begin(), column_names.end()));
            c.rep.warning(code::csv_column_unknown,
                          say("unknown column {} is ignored{}", in_quotes(fields[i].text),
                              hint.empty() ? std::string{} : say(" (did you mean '{}'?)", hint)),
                          l);
            continue;
        }
        if (where[k] != no_column) {
            c.rep.error(code::csv_header, say("the column {} appears twice", in_quotes(key)), l);
            header_ok = false;
            continue;
        }
        where[k] = i;
    }
    for (const column required : {col_nip, col_name, col_unit, col_status}) {
        if (where[required] == no_column) {
            c.rep.error(code::csv_header,
                        say("the header has no column {} (required: nip, name, unit, status)",
                            in_quotes(column_names[required])),
                        {fi, reader.record_line(), 1});
            header_ok = false;
        }
    }
    if (!header_ok) return;

    row_reader rr{c, fi};
    // One row per line, roughly: reserve once instead of growing (and rehashing) 17 times.
    const auto rows = static_cast<std::size_t>(std::count(data.begin(), data.end(), '\n')) + 1;
    c.s.employees.reserve(c.s.employees.size() + rows);
    c.employees.reserve(c.employees.size() + rows);
    c.employee_broken.reserve(c.employee_broken.size() + rows);
    while (true) {
        const auto st = reader.next(fields);
        if (st == csv_reader::status::end) break;
        if (st == csv_reader::status::error) {
            syntax_error();
            break;
        }
        if (c.employee_limit_reported) break;
        const std::int32_t line = reader.record_line();
        if (!row_width_ok(c, fi, fields, width, line)) continue;
        const csv_row row{c, fi, fields, where};
        auto cell = [&](column col) { return row.cell(col); };
        auto required = [&](column col) { return row.required(col, std::string{column_names[col]}); };

        employee_draft d;
        d.errors_before = c.rep.error_count();
        model::employee& e = d.e;
        d.at = {fi, line, 1};
        e.mark = d.at.mark();
        const csv_field* nip = required(col_nip);
        if (nip == nullptr) continue;
        e.id = std::string{trim(nip->text)};
        d.at_id = rr.at(*nip);
        if (const auto problem = id_problem(e.id); !problem.empty()) {
            rr.error(code::id_invalid, say("nip: {}", problem), *nip, col_nip);
            continue;
        }
        if (const csv_field* f = required(col_name)) e.name = std::string{trim(f->text)};
        if (const csv_field* f = required(col_unit))
            if (const auto u = c.units.resolve(trim(f->text), rr.at(*f), std::string{column_names[col_unit]}, c.rep))
                e.unit = model::unit_index{*u};
        if (const csv_field* f = required(col_status)) {
            const std::string s = lower(trim(f->text));
            if (s == "pns") {
                e.status = model::employment_status::pns;
            } else if (s == "pppk") {
                e.status = model::employment_status::pppk;
            } else {
                const std::string hint = closest_match(s, {"pns", "pppk"});
                rr.error(code::enum_value,
                         say("{} is not a valid employment status ({}one of: pns, pppk)", in_quotes(f->text),
                             hint.empty() ? std::string{} : say("did you mean '{}'? ", hint)),
                         *f, col_status);
            }
        }
        if (const csv_field* f = cell(col_pattern))
            if (const auto p =
                    c.patterns.resolve(trim(f->text), rr.at(*f), std::string{column_names[col_pattern]}, c.rep))
                e.pattern = model::pattern_index{*p};
        if (const csv_field* f = cell(col_rotation_offset))
            if (const auto n = rr.integer(*f, col_rotation_offset, -36600, 36600)) {
                e.rotation_offset = *n;
                d.has_rotation_offset = true;
                d.at_rotation_offset = rr.at(*f);
            }
        if (const csv_field* f = cell(col_jp_target))
            if (const auto n = rr.integer(*f, col_jp_target, 0, 10000)) {
                e.jp_target = *n;
                d.has_jp_target = true;
                d.at_jp_target = rr.at(*f);
            }
        if (const csv_field* f = cell(col_jp_cap))
            if (const auto n = rr.integer(*f, col_jp_cap, 0, 10000)) {
                e.jp_cap = *n;
                d.has_jp_cap = true;
                d.at_jp_cap = rr.at(*f);
            }
        if (const csv_field* f = cell(col_after_hours))
            if (const auto b = rr.boolean(*f, col_after_hours)) e.accepts.after_hours = *b;
        if (const csv_field* f = cell(col_weekend))
            if (const auto b = rr.boolean(*f, col_weekend)) e.accepts.weekend = *b;
        if (const csv_field* f = cell(col_works_collective_leave))
            if (const auto b = rr.boolean(*f, col_works_collective_leave)) e.works_collective_leave = *b;
        if (const csv_field* f = cell(col_timezone))
            e.zone = c.zone(trim(f->text), rr.at(*f), std::string{column_names[col_timezone]});
        if (const csv_field* f = cell(col_leave)) rr.leave(*f, e.leaves);
        if (const csv_field* f = cell(col_duties)) rr.duties(*f, e.duties);
        if (const csv_field* f = cell(col_email)) {
            const std::string_view address = trim(f->text);
            if (const phrase problem = email_problem(address); !problem.empty())
                rr.error(code::address, say("email: {}", problem), *f, col_email);
            else
                e.email = std::string{address};
        }
        for (const auto& [col, which] : preference_columns)
            if (const csv_field* f = cell(col))
                read_preference_cell(c, which, f->text, rr.at(*f), std::string{column_names[col]}, e.prefs);
        add_employee(c, std::move(d), replaceable);
    }
}

}  // namespace

bool read_csv_header(load_context& c, std::uint32_t fi, const std::string& data, const phrase& empty,
                     csv_reader& reader, std::vector<csv_field>& fields) {
    phrase why;
    if (trim(data).empty() || data == "\xEF\xBB\xBF") {
        c.rep.error(code::empty, empty, {fi, 0, 0});
        return false;
    }
    if (const auto bad = find_invalid_text(data, why); bad != std::string_view::npos) {
        loc l{fi, 0, 0};
        line_column(data, bad, l.line, l.column);
        c.rep.error(code::encoding, say("{}; save the file as UTF-8 CSV", why), l);
        return false;
    }
    const auto first = reader.next(fields);
    if (first == csv_reader::status::error) {
        c.rep.error(code::csv_syntax, phrase{reader.error(), reader.error_id()},
                    {fi, reader.error_line(), reader.error_column()});
        return false;
    }
    if (first == csv_reader::status::end) {
        c.rep.error(code::empty, empty, {fi, 0, 0});
        return false;
    }
    constexpr std::size_t max_columns = 1000;
    if (fields.size() > max_columns) {
        c.rep.error(code::csv_header, say("the header has {} columns; at most {} are read", fields.size(), max_columns),
                    {fi, reader.record_line(), 1});
        return false;
    }
    return true;
}

const csv_field* csv_row::cell(std::size_t k) const {
    const std::size_t i = where[k];
    if (i == csv_no_column) return nullptr;
    return trim(fields[i].text).empty() ? nullptr : &fields[i];
}

const csv_field* csv_row::required(std::size_t k, const std::string& name) const {
    const csv_field* f = cell(k);
    if (f == nullptr) {
        const csv_field& empty = fields[where[k]];
        c.rep.error(code::key_missing, say("this row has no {}", name), {fi, empty.line, empty.column()}, name);
    }
    return f;
}

bool row_width_ok(load_context& c, std::uint32_t fi, const std::vector<csv_field>& fields, std::size_t width,
                  std::int32_t line) {
    if (fields.size() == width) return true;
    bool extra_empty = fields.size() > width;
    for (std::size_t i = width; extra_empty && i < fields.size(); ++i) extra_empty = trim(fields[i].text).empty();
    if (extra_empty) return true;
    const loc l = fields.size() > width ? loc{fi, fields[width].line, fields[width].column()} : loc{fi, line, 1};
    c.rep.error(code::csv_columns, say("this row has {} fields but the header has {}", fields.size(), width), l);
    return false;
}

void read_employees_csv(load_context& c, const std::filesystem::path& file, loc at, const std::string& path) {
    const std::string name = file.generic_string();
    std::string data;
    phrase why;
    const auto status = read_whole_file(file, c.opts.max_file_bytes, data, why);
    if (status != read_status::ok) {
        c.rep.report(severity::error, status == read_status::too_large ? code::limit : code::file,
                     say("cannot read the employees file {}: {}", in_quotes(name), why), at, path,
                     status == read_status::failed);
        return;
    }
    read_csv_text(c, c.rep.add_file(name), data, nullptr);
}

void read_added_employees(load_context& c) {
    for (const auto& added : c.opts.added_employees) {
        const std::uint32_t fi = c.rep.add_file(added.name.empty() ? "<employees>" : added.name);
        if (added.csv.size() > c.opts.max_file_bytes) {
            c.rep.error(code::limit, say("the employees are larger than the limit of {} bytes", c.opts.max_file_bytes),
                        {fi, 0, 0});
            continue;
        }
        std::vector<bool> replaceable(c.s.employees.size(), false);
        read_csv_text(c, fi, added.csv, &replaceable);
    }
}

}  // namespace jadwal::load::detail
