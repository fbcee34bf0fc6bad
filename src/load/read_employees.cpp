// The `employees` section: a list of employee maps, or {csv: file} (read by
// csv_employees.cpp); and add_employee(), the defaults and checks both share.
#include "file_io.hpp"
#include "preferences.hpp"
#include "sections.hpp"
#include "values.hpp"

#include <fmt/format.h>

#include <array>

namespace jadwal::load::detail {
namespace {

constexpr std::size_t max_employees = 500'000;

std::string field_path(const employee_draft& d, std::string_view field) {
    if (d.path == nullptr) return std::string{field == "id" ? "nip" : field};  // CSV column names
    const ypath q = d.path->key(field);
    return q.str();
}

void read_employee(load_context& c, const yval& v) {
    static constexpr std::array<std::string_view, 16> keys{
        "id",       "name",       "unit",     "status",                 "pattern",  "rotation_offset", "jp_target",
        "jp_cap",   "accepts",    "timezone", "works_collective_leave", "leave",    "duties",          "duty_templates",
        "email",    "preferences"};
    auto& yr = c.yr;
    const auto m = yr.map(v, "an employee", keys);
    if (!m) return;
    const ypath& p = *v.path;
    employee_draft d;
    d.errors_before = c.rep.error_count();
    d.path = &p;
    d.at = yr.where(v);
    model::employee& e = d.e;
    e.mark = d.at.mark();

    const yentry* idf = yr.need(*m, p, "id", "an employee");
    if (!idf) return;
    const ypath qid = p.key("id");
    auto id = yr.id(yval{*idf, qid}, "employee id");
    if (!id) return;
    e.id = std::move(*id);
    d.at_id = yr.where(yval{*idf, qid});

    if (const yentry* f = yr.need(*m, p, "name", "an employee")) {
        const ypath q = p.key("name");
        if (auto t = yr.text(yval{*f, q}, "name")) e.name = std::move(*t);
    }
    read_address(c, *m, p, "email", email_problem, e.email);
    if (const yentry* f = yr.need(*m, p, "unit", "an employee")) {
        const ypath q = p.key("unit");
        if (const auto t = yr.text(yval{*f, q}, "unit"))
            if (const auto u = c.units.resolve(*t, yr.where(yval{*f, q}), q, c.rep))
                e.unit = model::unit_index{*u};
    }
    if (const yentry* f = yr.need(*m, p, "status", "an employee")) {
        const ypath q = p.key("status");
        static constexpr std::array<std::string_view, 2> statuses{"pns", "pppk"};
        if (const auto t = yr.text(yval{*f, q}, "status")) {
            const std::string l = lower(*t);
            if (l == "pns" || l == "pppk")
                e.status = l == "pns" ? model::employment_status::pns : model::employment_status::pppk;
            else
                (void)yr.choice(yval{*f, q}, "employment status", statuses);  // reports E-ENUM
        }
    }
    if (const yentry* f = m->find("pattern")) {
        const ypath q = p.key("pattern");
        if (const auto t = yr.text(yval{*f, q}, "pattern"))
            if (const auto pat = c.patterns.resolve(*t, yr.where(yval{*f, q}), q, c.rep))
                e.pattern = model::pattern_index{*pat};
    }
    if (const yentry* f = m->find("rotation_offset")) {
        const ypath q = p.key("rotation_offset");
        if (const auto n = yr.small_int(yval{*f, q}, "rotation_offset", -36600, 36600)) {
            e.rotation_offset = *n;
            d.has_rotation_offset = true;
            d.at_rotation_offset = yr.where(yval{*f, q});
        }
    }
    if (const yentry* f = m->find("jp_target")) {
        const ypath q = p.key("jp_target");
        if (const auto n = yr.small_int(yval{*f, q}, "jp_target", 0, 10000)) {
            e.jp_target = *n;
            d.has_jp_target = true;
            d.at_jp_target = yr.where(yval{*f, q});
        }
    }
    if (const yentry* f = m->find("jp_cap")) {
        const ypath q = p.key("jp_cap");
        if (const auto n = yr.small_int(yval{*f, q}, "jp_cap", 0, 10000)) {
            e.jp_cap = *n;
            d.has_jp_cap = true;
            d.at_jp_cap = yr.where(yval{*f, q});
        }
    }
    if (const yentry* f = m->find("accepts")) {
        const ypath q = p.key("accepts");
        static constexpr std::array<std::string_view, 2> akeys{"after_hours", "weekend"};
        if (const auto am = yr.map(yval{*f, q}, "accepts", akeys)) {
            if (const yentry* a = am->find("after_hours")) {
                const ypath qa = q.key("after_hours");
                if (const auto b = yr.boolean(yval{*a, qa}, "after_hours")) e.accepts.after_hours = *b;
            }
            if (const yentry* w = am->find("weekend")) {
                const ypath qw = q.key("weekend");
                if (const auto b = yr.boolean(yval{*w, qw}, "weekend")) e.accepts.weekend = *b;
            }
        }
    }
    if (const yentry* f = m->find("works_collective_leave")) {
        const ypath q = p.key("works_collective_leave");
        if (const auto b = yr.boolean(yval{*f, q}, "works_collective_leave")) e.works_collective_leave = *b;
    }
    if (const yentry* f = m->find("timezone")) {
        const ypath q = p.key("timezone");
        if (const auto t = yr.text(yval{*f, q}, "timezone")) e.zone = c.zone(*t, yr.where(yval{*f, q}), q.str());
    }
    if (const yentry* f = m->find("leave")) {
        const ypath q = p.key("leave");
        for (auto& r : read_date_ranges(c, yval{*f, q}, "a leave")) e.leaves.push_back({r.days, std::move(r.why)});
    }
    if (const yentry* f = m->find("duties")) {
        const ypath q = p.key("duties");
        e.duties = read_duties(c, yval{*f, q});
    }
    if (const yentry* f = m->find("duty_templates")) {
        const ypath q = p.key("duty_templates");
        if (const auto items = yr.scalar_or_list(yval{*f, q}, "duty_templates", 64)) {
            for (std::size_t i = 0; i < items->size(); ++i) {
                const ypath qi = q.at(i);
                const yval iv{(*items)[i], qi};
                if (const auto t = yr.text(iv, "duty template"))
                    if (const auto ti = c.duty_templates.resolve(*t, yr.where(iv), qi, c.rep))
                        copy_template_duties(c, *ti, e.duties, yr.where(iv));
            }
        }
    }
    if (const yentry* f = m->find("preferences")) {
        const ypath q = p.key("preferences");
        e.prefs = read_preferences(c, yval{*f, q});
    }
    add_employee(c, std::move(d));
}

}  // namespace

void add_employee(load_context& c, employee_draft&& d, std::vector<bool>* replaceable) {
    model::employee& e = d.e;
    if (c.s.employees.size() >= max_employees) {
        if (!c.employee_limit_reported) c.rep.error(code::limit, say("more than {} employees", max_employees), d.at);
        c.employee_limit_reported = true;
        return;
    }
    if (!d.has_jp_target) e.jp_target = e.status == model::employment_status::pns ? 20 : 0;
    if (!d.has_jp_cap && e.status == model::employment_status::pppk) e.jp_cap = 24;
    if (e.jp_cap && e.jp_target > *e.jp_cap) {
        const loc at = d.has_jp_target ? d.at_jp_target : (d.has_jp_cap ? d.at_jp_cap : d.at);
        c.rep.error(
            code::jp_cap,
            say("jp_target {} is above the JP cap {}{}", e.jp_target, *e.jp_cap,
                e.status == model::employment_status::pppk && !d.has_jp_cap ? say(" (the default cap of PPPK staff)")
                                                                            : phrase{}),
            at, field_path(d, d.has_jp_target ? "jp_target" : "jp_cap"));
    }
    if (d.has_rotation_offset && e.unit.valid()) {
        const auto p = e.pattern.valid() ? e.pattern : c.s.units[e.unit.value].pattern;
        if (p.valid() && !c.s.patterns[p.value].rotation)
            c.rep.warning(code::ignored,
                          say("rotation_offset is ignored: pattern {} is not a shift rotation",
                              in_quotes(c.s.patterns[p.value].id)),
                          d.at_rotation_offset, field_path(d, "rotation_offset"));
    }
    if (!is_nip(e.id))
        c.rep.warning(code::nip_format, say("employee id {} is not an 18-digit NIP{}", in_quotes(e.id), nip_hint(e.id)),
                      d.at_id, field_path(d, "id"));
    if (replaceable) {
        // Added employees: a NIP from an earlier source is replaced in place, once.
        if (const auto i = c.employees.find(e.id); i && *i < replaceable->size() && !(*replaceable)[*i]) {
            (*replaceable)[*i] = true;
            c.s.employees[*i] = std::move(e);
            c.employee_broken[*i] = c.rep.error_count() != d.errors_before;
            return;
        }
    }
    // The path is only needed for the duplicate message: format it only then.
    const bool taken = c.employees.find(e.id).has_value();
    if (!c.employees.add(e.id, d.at_id, taken ? field_path(d, "id") : std::string{}, c.rep)) return;
    c.s.employees.push_back(std::move(e));
    c.employee_broken.push_back(c.rep.error_count() != d.errors_before);
}

void read_employees(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) {
        c.rep.error(code::key_missing, say("the scenario needs the section 'employees' (a list, or {csv: file})"),
                    c.root_at);
        return;
    }
    const ypath p = root.key("employees");
    const yval v{*e, p};
    if (e->value.IsMap()) {
        static constexpr std::array<std::string_view, 1> keys{"csv"};
        const auto m = c.yr.map(v, "employees", keys);
        if (!m) return;
        const yentry* f = c.yr.need(*m, p, "csv", "employees");
        if (!f) return;
        const ypath q = p.key("csv");
        const auto file = c.yr.text(yval{*f, q}, "csv");
        if (!file) return;
        const auto path = referenced_file(c, *file);
        if (!path) {
            c.employees_known = false;
            c.yr.error(code::file_outside,
                       say("the employees file {} leads outside the scenario's folder, and files are "
                           "confined to that folder; it is not read",
                           in_quotes(*file)),
                       yval{*f, q});
            return;
        }
        if (!c.opts.read_referenced_files) {
            c.employees_known = false;
            c.rep.note(code::csv_skipped, say("the employees file {} was not read", in_quotes(*file)),
                       c.yr.where(yval{*f, q}), q.str());
            return;
        }
        read_employees_csv(c, *path, c.yr.where(yval{*f, q}), q.str());
        return;
    }
    if (!e->value.IsSequence()) {
        c.yr.error(code::type, say("employees is a list of employees or {{csv: file}}, got {}", describe(e->value)), v);
        return;
    }
    const auto items = c.yr.list(v, "employees", max_employees);
    if (!items) return;
    c.employees.reserve(items->size());
    c.s.employees.reserve(items->size());
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath pi = p.at(i);
        read_employee(c, yval{(*items)[i], pi});
    }
}

}  // namespace jadwal::load::detail
