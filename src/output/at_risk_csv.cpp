// `at_risk.csv` (include/jadwal/output/at_risk.hpp, docs/outputs.md).
#include <jadwal/output/at_risk.hpp>
#include <jadwal/model/error.hpp>
#include <stdexcept>

namespace jadwal::output {

output_file at_risk_csv(const model::scenario& s, const at_risk_table& t, const csv_options& opts) {
    csv_writer w{opts.byte_order_mark, opts.spreadsheet};
    w.reserve(t.people.size() * 120 + 128);
    for (const char* h :
         {"unit", "nip", "name", "staff_group", "jp_target", "jp_earned", "jp_planned", "expected_jp", "probability"})
        w.text(h);
    w.end_row();
    for (const auto& p : t.people) {
        if (p.employee.value >= s.employees.size())
            throw error(errc::parse, "the at-risk list names an employee the scenario lacks");
        const auto& emp = s.employees[p.employee.value];
        w.text(emp.unit.value < s.units.size() ? std::string_view{s.units[emp.unit.value].id} : std::string_view{});
        w.text(emp.id).text(emp.name).text(model::to_string(model::staff_group_of(s.pattern_of(emp))));
        w.number(p.jp_target).number(p.jp_earned).number(p.jp_planned);
        w.decimal(p.expected_jp, 1).decimal(p.probability, 3);
        w.end_row();
    }
    return {"at_risk.csv", std::move(w).take()};
}

}  // namespace jadwal::output
