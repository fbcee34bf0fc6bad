// The `demand` section: who needs which programme. Each entry names employees
// and/or filters them (`where`); entries are resolved into one demand item per
// (employee, programme), merging repeats (the stronger priority and the earlier
// deadline win).
#include "sections.hpp"
#include "values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

namespace jadwal::load::detail {
namespace {

struct filter {
    bool any = false;  ///< the filter was given
    std::vector<std::uint32_t> units;
    std::vector<std::string> kinds;
    std::vector<std::string> districts;
    bool pns = false, pppk = false;
    bool has_units = false, has_kinds = false, has_districts = false, has_status = false;

    [[nodiscard]] bool matches(const model::scenario& s, const model::employee& e) const {
        if (!e.unit.valid()) return false;
        const model::unit& u = s.units[e.unit.value];
        if (has_units && std::find(units.begin(), units.end(), e.unit.value) == units.end()) return false;
        if (has_kinds && std::find(kinds.begin(), kinds.end(), u.kind) == kinds.end()) return false;
        if (has_districts && std::find(districts.begin(), districts.end(), u.district) == districts.end()) return false;
        if (has_status && !((pns && e.status == model::employment_status::pns) ||
                            (pppk && e.status == model::employment_status::pppk)))
            return false;
        return true;
    }
};

/// Reads a filter value list and checks each word against the values units have.
void read_words(load_context& c, const yentry& f, const ypath& q, std::string_view what,
                const std::vector<std::string>& known, std::vector<std::string>& out) {
    const auto items = c.yr.scalar_or_list(yval{f, q}, what, 10000);
    if (!items) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath qi = q.at(i);
        const yval iv{(*items)[i], qi};
        auto t = c.yr.text(iv, what);
        if (!t) continue;
        if (std::find(known.begin(), known.end(), *t) == known.end()) {
            const std::string hint = closest_match(*t, known);
            c.yr.warning(code::filter_no_match,
                         say("no unit has the {} {}{}", term(what), in_quotes(*t),
                             hint.empty() ? std::string{} : say(" (did you mean '{}'?)", hint)),
                         iv);
        }
        out.push_back(std::move(*t));
    }
}

std::optional<filter> read_filter(load_context& c, const yentry& f, const ypath& q) {
    static constexpr std::array<std::string_view, 4> keys{"unit", "unit_kind", "status", "district"};
    const auto m = c.yr.map(yval{f, q}, "where", keys);
    if (!m) return std::nullopt;
    filter flt;
    flt.any = true;
    bool ok = true;
    if (const yentry* x = m->find("unit")) {
        flt.has_units = true;
        const ypath qx = q.key("unit");
        if (const auto items = c.yr.scalar_or_list(yval{*x, qx}, "unit", 100000)) {
            for (std::size_t i = 0; i < items->size(); ++i) {
                const ypath qi = qx.at(i);
                const yval iv{(*items)[i], qi};
                if (const auto t = c.yr.text(iv, "unit")) {
                    if (const auto u = c.units.resolve(*t, c.yr.where(iv), qi, c.rep))
                        flt.units.push_back(*u);
                    else
                        ok = false;
                }
            }
        }
    }
    std::set<std::string> kinds_set, districts_set;
    for (const auto& u : c.s.units) {
        if (!u.kind.empty()) kinds_set.insert(u.kind);
        if (!u.district.empty()) districts_set.insert(u.district);
    }
    if (const yentry* x = m->find("unit_kind")) {
        flt.has_kinds = true;
        const ypath qx = q.key("unit_kind");
        read_words(c, *x, qx, "unit kind", std::vector<std::string>(kinds_set.begin(), kinds_set.end()), flt.kinds);
    }
    if (const yentry* x = m->find("district")) {
        flt.has_districts = true;
        const ypath qx = q.key("district");
        read_words(c, *x, qx, "district", std::vector<std::string>(districts_set.begin(), districts_set.end()),
                   flt.districts);
    }
    if (const yentry* x = m->find("status")) {
        flt.has_status = true;
        const ypath qx = q.key("status");
        if (const auto items = c.yr.scalar_or_list(yval{*x, qx}, "status", 10)) {
            static constexpr std::array<std::string_view, 2> statuses{"pns", "pppk"};
            for (std::size_t i = 0; i < items->size(); ++i) {
                const ypath qi = qx.at(i);
                const yval iv{(*items)[i], qi};
                const auto t = c.yr.text(iv, "status");
                if (!t) continue;
                const std::string l = lower(*t);
                if (l == "pns")
                    flt.pns = true;
                else if (l == "pppk")
                    flt.pppk = true;
                else
                    (void)c.yr.choice(iv, "employment status", statuses);
            }
        }
    }
    if (!ok) return std::nullopt;
    return flt;
}

}  // namespace

void read_demand(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) return;
    const ypath p = root.key("demand");
    const auto items = c.yr.list(yval{*e, p}, "demand", 10000);
    if (!items) return;
    auto& yr = c.yr;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath pi = p.at(i);
        const yval v{(*items)[i], pi};
        static constexpr std::array<std::string_view, 5> keys{"program", "employees", "where", "priority", "deadline"};
        const auto m = yr.map(v, "a demand entry", keys);
        if (!m) continue;
        demand_group g;
        g.at = yr.where(v);
        g.path = pi.str();
        bool ok = true;
        if (const yentry* f = yr.need(*m, pi, "program", "a demand entry")) {
            const ypath q = pi.key("program");
            const auto t = yr.text(yval{*f, q}, "program");
            std::optional<std::uint32_t> pr;
            if (t) pr = c.programs.resolve(*t, yr.where(yval{*f, q}), q, c.rep);
            if (pr) {
                g.program = *pr;
                g.at = yr.where(yval{*f, q});
            } else {
                ok = false;
            }
        } else {
            ok = false;
        }
        if (const yentry* f = m->find("priority")) {
            const ypath q = pi.key("priority");
            static constexpr std::array<std::string_view, 2> levels{"mandatory", "elective"};
            if (const auto k = yr.choice(yval{*f, q}, "priority", levels))
                g.level = *k == 0 ? model::priority::mandatory : model::priority::elective;
        }
        if (const yentry* f = m->find("deadline")) {
            const ypath q = pi.key("deadline");
            g.deadline = yr.date(yval{*f, q}, "deadline");
            if (g.deadline && c.horizon_ok && *g.deadline < c.s.horizon.first) {
                yr.error(code::demand_unservable,
                         say("the deadline {} is before the horizon starts ({}): this demand can never be met",
                             calendar::format_date(*g.deadline), calendar::format_date(c.s.horizon.first)),
                         yval{*f, q});
                ok = false;
            }
        }
        const yentry* listed = m->find("employees");
        const yentry* where = m->find("where");
        if (!listed && !where) {
            yr.error_at(code::key_missing,
                        say("a demand entry needs 'employees' (a list of ids) and/or 'where' (filters)"), m->node, pi);
            continue;
        }
        std::vector<std::uint32_t> members;
        if (listed) {
            const ypath q = pi.key("employees");
            if (const auto ids = yr.scalar_or_list(yval{*listed, q}, "employees", 500000)) {
                for (std::size_t k = 0; k < ids->size(); ++k) {
                    const ypath qk = q.at(k);
                    const yval kv{(*ids)[k], qk};
                    const auto t = yr.text(kv, "employee");
                    if (!t || !c.employees_known) continue;
                    if (const auto ei = c.employees.resolve(*t, yr.where(kv), qk, c.rep)) {
                        if (std::find(members.begin(), members.end(), *ei) != members.end()) {
                            yr.warning(code::duplicate, say("the employee {} is listed twice", in_quotes(*t)), kv);
                            continue;
                        }
                        members.push_back(*ei);
                    }
                }
            }
        }
        if (where) {
            const ypath q = pi.key("where");
            if (const auto flt = read_filter(c, *where, q)) {
                for (std::uint32_t k = 0; k < c.s.employees.size(); ++k)
                    if (flt->matches(c.s, c.s.employees[k])) members.push_back(k);
            } else {
                ok = false;
            }
        }
        if (!ok) continue;
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        // Without errors only: an unknown unit or employee would empty it too.
        if (members.empty() && c.employees_known && !c.rep.has_errors())
            c.rep.warning(code::demand_empty, say("this demand entry matches no employee"), g.at, g.path);
        g.members = std::move(members);
        c.demand.push_back(std::move(g));
    }

    // One item per (employee, programme).
    std::unordered_map<std::uint64_t, std::size_t> seen;
    for (const auto& g : c.demand) {
        for (const auto emp : g.members) {
            const std::uint64_t key = (std::uint64_t{g.program} << 32) | emp;
            const auto [it, inserted] = seen.try_emplace(key, c.s.demand.size());
            if (inserted) {
                model::demand_item item;
                item.employee = model::employee_index{emp};
                item.program = model::program_index{g.program};
                item.level = g.level;
                item.deadline = g.deadline;
                item.mark = g.at.mark();
                c.s.demand.push_back(item);
                continue;
            }
            model::demand_item& item = c.s.demand[it->second];
            if (g.level == model::priority::mandatory && item.level != model::priority::mandatory) {
                item.level = model::priority::mandatory;
                item.mark = g.at.mark();
            }
            if (g.deadline && (!item.deadline || *g.deadline < *item.deadline)) item.deadline = g.deadline;
        }
    }
}


void read_catalogue(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) return;
    const ypath p = root.key("catalogue");
    static constexpr std::array<std::string_view, 3> keys{"programs", "eligible", "max_jp_per_person"};
    const auto m = c.yr.map(yval{*e, p}, "the catalogue", keys);
    if (!m) return;
    auto& cat = c.s.catalogue;
    cat.mark = c.yr.where(yval{*e, p}).mark();
    if (const yentry* f = c.yr.need(*m, p, "programs", "the catalogue")) {
        const ypath q = p.key("programs");
        if (const auto items = c.yr.list(yval{*f, q}, "programs", 10000)) {
            for (std::size_t i = 0; i < items->size(); ++i) {
                const ypath qi = q.at(i);
                const yval iv{(*items)[i], qi};
                const auto t = c.yr.text(iv, "programme");
                if (!t) continue;
                const auto pr = c.programs.resolve(*t, c.yr.where(iv), qi, c.rep);
                if (!pr) continue;
                const model::program_index pi{*pr};
                if (std::find(cat.programs.begin(), cat.programs.end(), pi) != cat.programs.end()) {
                    c.yr.warning(code::duplicate, say("the programme {} is listed twice", in_quotes(*t)), iv);
                    continue;
                }
                // Top-up is placed as self-paced study only: removing it again can never
                // break a cohort's minimum, so it can always make way for declared demand.
                const auto& modes = c.s.programs[pi.value].modes;
                const bool self = std::any_of(modes.begin(), modes.end(), [](const model::mode_offer& mo) {
                    return mo.mode == model::delivery_mode::self_paced;
                });
                if (!self && !modes.empty()) {
                    c.yr.error(code::catalogue,
                               say("the catalogue programme {} has no self_paced mode; catalogue programmes "
                                   "are taken as self-paced study",
                                   in_quotes(*t)),
                               iv);
                    continue;
                }
                cat.programs.push_back(pi);
            }
        }
    }
    if (const yentry* f = m->find("eligible")) {
        const ypath q = p.key("eligible");
        if (const auto flt = read_filter(c, *f, q)) {
            if (flt->pns) cat.eligible.status.push_back(model::employment_status::pns);
            if (flt->pppk) cat.eligible.status.push_back(model::employment_status::pppk);
            for (const auto u : flt->units) cat.eligible.units.push_back(model::unit_index{u});
            cat.eligible.unit_kinds = flt->kinds;
            cat.eligible.districts = flt->districts;
        }
    }
    if (const yentry* f = m->find("max_jp_per_person")) {
        const ypath q = p.key("max_jp_per_person");
        if (const auto n = c.yr.small_int(yval{*f, q}, "max_jp_per_person", 0, 10000)) cat.max_jp_per_person = *n;
    }
}

}  // namespace jadwal::load::detail
