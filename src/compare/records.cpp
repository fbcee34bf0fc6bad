// Attendance records against a plan (include/jadwal/compare/records.hpp).
#include <jadwal/compare/records.hpp>

#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/model/random.hpp>
#include <jadwal/output/csv.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

namespace jadwal::compare {
namespace {

using calendar::instant;
/// (employee, programme, module): a self-paced module of a person.
using module_key = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>;

std::optional<std::uint32_t> module_of(const model::program& p, const std::string& id) {
    for (std::uint32_t k = 0; k < p.modules.size(); ++k)
        if (p.modules[k].id == id) return k;
    return std::nullopt;
}

}  // namespace

known_outcomes match_records(const model::scenario& s, const exposure& x, std::span<const attendance_record> records) {
    known_outcomes k;
    k.live.assign(x.live.size(), -1);
    k.self_paced.assign(x.self_paced.size(), -1);
    k.part_of_record.assign(records.size(), -1);
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, instant>, std::size_t> seat_of;
    for (std::size_t i = 0; i < x.live.size(); ++i) {
        const auto& seat = x.live[i];
        seat_of.emplace(std::tuple{seat.employee.value, seat.program.value, seat.module, seat.start}, i);
    }
    std::map<module_key, std::size_t> self_paced_of;
    for (std::size_t i = 0; i < x.self_paced.size(); ++i) {
        const auto& m = x.self_paced[i];
        self_paced_of.emplace(module_key{m.employee.value, m.program.value, m.module}, i);
    }
    for (std::size_t r = 0; r < records.size(); ++r) {
        const auto& rec = records[r];
        const auto e = s.find_employee(rec.employee);
        const auto p = s.find_program(rec.program);
        const auto m = p ? module_of(s.programs[p->value], rec.module) : std::nullopt;
        std::optional<std::size_t> part;
        if (e && p && m) {
            if (rec.self_paced) {
                if (const auto it = self_paced_of.find(module_key{e->value, p->value, *m}); it != self_paced_of.end())
                    part = it->second;
            } else if (const auto it = seat_of.find(std::tuple{e->value, p->value, *m, rec.start});
                       it != seat_of.end()) {
                part = it->second;
            }
        }
        if (!part) {
            ++k.unmatched;
            continue;
        }
        ++k.matched;
        k.part_of_record[r] = static_cast<std::int64_t>(*part);
        (rec.self_paced ? k.self_paced : k.live)[*part] = rec.attended ? 1 : 0;
    }
    return k;
}

std::vector<attendance_record> simulate_records(const model::scenario& s, const model::solution& sol,
                                                const exposure& x, const model::attendance_model& a, instant before,
                                                std::uint64_t seed) {
    // When each self-paced module's study ends: its last block's end.
    std::map<module_key, instant> study_end;
    for (const auto& b : sol.study_blocks) {
        auto [it, fresh] = study_end.emplace(module_key{b.employee.value, b.program.value, b.module}, b.end);
        if (!fresh) it->second = std::max(it->second, b.end);
    }
    struct drawn {
        const live_seat* seat = nullptr;              ///< a live record
        const self_paced_module* module = nullptr;  ///< or a self-paced one
        std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, bool, instant> order;
    };
    std::vector<drawn> parts;
    for (const auto& seat : x.live)
        if (seat.start < before)
            parts.push_back({&seat, nullptr, {seat.employee.value, seat.program.value, seat.module, false, seat.start}});
    for (const auto& m : x.self_paced) {
        const auto it = study_end.find(module_key{m.employee.value, m.program.value, m.module});
        if (it != study_end.end() && it->second <= before)
            parts.push_back({nullptr, &m, {m.employee.value, m.program.value, m.module, true, instant{}}});
    }
    std::sort(parts.begin(), parts.end(), [](const drawn& l, const drawn& r) { return l.order < r.order; });

    jadwal::detail::rng g(jadwal::detail::mix(seed, 0x7265636f726473ULL));  // "records"
    std::vector<attendance_record> out;
    out.reserve(parts.size());
    for (const auto& d : parts) {
        const auto [e, p, m, self_paced, start] = d.order;
        attendance_record r;
        r.employee = s.employees[e].id;
        r.program = s.programs[p].id;
        r.module = s.programs[p].modules[m].id;
        r.self_paced = self_paced;
        r.start = start;
        const double chance = self_paced ? complete_probability(*d.module, a) : attend_probability(*d.seat, a);
        r.attended = g.unit() < chance;
        r.line = static_cast<std::int32_t>(out.size()) + 2;  // after the header
        out.push_back(std::move(r));
    }
    return out;
}

std::string attendance_records_csv(const model::scenario& s, std::span<const attendance_record> records) {
    output::csv_writer w;
    w.reserve(records.size() * 72 + 40);
    w.text("nip").text("program").text("module").text("start").text("attended");
    w.end_row();
    for (const auto& r : records) {
        w.text(r.employee).text(r.program).text(r.module);
        w.text(r.self_paced ? std::string() : calendar::format_instant(r.start, *s.zone));
        w.number(r.attended ? 1 : 0);
        w.end_row();
    }
    return std::move(w).take();
}

}  // namespace jadwal::compare
