// The `locations` section (with travel times, made symmetric) and the `units`
// section (organisational units: pattern, staffing limits, critical periods).
#include "preferences.hpp"
#include "sections.hpp"
#include "values.hpp"

#include <fmt/format.h>

#include <array>

namespace jadwal::load::detail {
namespace {

struct travel_entry {
    std::uint32_t from = 0;
    std::string to;
    int minutes = 0;
    loc at;
    std::string path;
};

}  // namespace

void read_locations(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) return;
    const ypath p = root.key("locations");
    const auto items = c.yr.list(yval{*e, p}, "locations", 10000);
    if (!items) return;
    std::vector<travel_entry> travel;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath pi = p.at(i);
        static constexpr std::array<std::string_view, 3> keys{"id", "name", "travel_minutes"};
        const auto m = c.yr.map(yval{(*items)[i], pi}, "a location", keys);
        if (!m) continue;
        const yentry* idf = c.yr.need(*m, pi, "id", "a location");
        if (!idf) continue;
        const ypath qid = pi.key("id");
        const auto id = c.yr.id(yval{*idf, qid}, "location id");
        if (!id) continue;
        const auto index = c.locations.add(*id, c.yr.where(yval{*idf, qid}), qid.str(), c.rep);
        if (!index) continue;
        model::location l;
        l.id = *id;
        l.name = *id;
        l.mark = c.yr.where(yval{(*items)[i], pi}).mark();
        if (const yentry* f = m->find("name")) {
            const ypath q = pi.key("name");
            if (auto t = c.yr.text(yval{*f, q}, "name")) l.name = std::move(*t);
        }
        if (const yentry* f = m->find("travel_minutes")) {
            const ypath q = pi.key("travel_minutes");
            if (const auto tm = c.yr.free_map(yval{*f, q}, "travel_minutes")) {
                for (const auto& t : tm->entries) {
                    const ypath qt = q.key(t.key);
                    if (const auto minutes = c.yr.small_int(yval{t, qt}, "travel minutes", 0, 1440))
                        travel.push_back({*index, std::string{t.key}, *minutes, c.yr.where(t), qt.str()});
                }
            }
        }
        c.s.locations.push_back(std::move(l));
    }
    // Resolve once every location is known; travel is symmetric.
    for (auto& t : travel) {
        // find() first: a travel time alone does not make a location "used".
        auto to = c.locations.find(t.to);
        if (!to) to = c.locations.resolve(t.to, t.at, t.path, c.rep);
        if (!to) continue;
        if (*to == t.from) {
            c.rep.warning(code::ignored, say("travel time from a location to itself is ignored"), t.at, t.path);
            continue;
        }
        auto& fwd = c.s.locations[t.from].travel;
        auto& back = c.s.locations[*to].travel;
        const model::location_index from_i{t.from}, to_i{*to};
        const calendar::minutes m{t.minutes};
        if (const auto it = back.find(from_i); it != back.end() && it->second != m) {
            c.rep.warning(code::travel_asymmetric,
                          say("travel {} -> {} is {} minutes but the way back is given as {}; both use {}",
                              in_quotes(c.s.locations[t.from].id), in_quotes(c.s.locations[*to].id), t.minutes,
                              it->second.count(), std::max(m, it->second).count()),
                          t.at, t.path);
            const auto both = std::max(m, it->second);
            fwd[to_i] = both;
            back[from_i] = both;
            continue;
        }
        fwd[to_i] = m;
        back[from_i] = m;
    }
}

void read_units(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) {
        c.rep.error(code::key_missing, say("the scenario needs the section 'units'"), c.root_at);
        return;
    }
    const ypath p = root.key("units");
    const auto items = c.yr.list(yval{*e, p}, "units", 100000);
    if (!items) return;
    auto& yr = c.yr;
    c.units.reserve(items->size());
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath pi = p.at(i);
        static constexpr std::array<std::string_view, 13> keys{
            "id",         "name",        "kind",     "pattern",  "location", "district",      "timezone",
            "max_absent", "min_on_duty", "critical", "holidays", "duties",   "preferred_days"};
        const auto m = yr.map(yval{(*items)[i], pi}, "a unit", keys);
        if (!m) continue;
        const yentry* idf = yr.need(*m, pi, "id", "a unit");
        if (!idf) continue;
        const ypath qid = pi.key("id");
        const auto id = yr.id(yval{*idf, qid}, "unit id");
        if (!id) continue;
        if (!c.units.add(*id, yr.where(yval{*idf, qid}), qid.str(), c.rep)) continue;
        model::unit u;
        unit_notes notes;
        notes.path = pi.str();
        u.id = *id;
        u.name = *id;
        u.mark = yr.where(yval{(*items)[i], pi}).mark();
        auto text_field = [&](std::string_view key, std::string& out) {
            if (const yentry* f = m->find(key)) {
                const ypath q = pi.key(key);
                if (auto t = yr.text(yval{*f, q}, key)) out = std::move(*t);
            }
        };
        text_field("name", u.name);
        text_field("kind", u.kind);
        text_field("district", u.district);
        if (const yentry* f = yr.need(*m, pi, "pattern", "a unit")) {
            const ypath q = pi.key("pattern");
            if (const auto t = yr.text(yval{*f, q}, "pattern"))
                if (const auto pat = c.patterns.resolve(*t, yr.where(yval{*f, q}), q, c.rep))
                    u.pattern = model::pattern_index{*pat};
        }
        if (const yentry* f = m->find("location")) {
            const ypath q = pi.key("location");
            if (const auto t = yr.text(yval{*f, q}, "location"))
                if (const auto l = c.locations.resolve(*t, yr.where(yval{*f, q}), q, c.rep))
                    u.location = model::location_index{*l};
        }
        if (const yentry* f = m->find("timezone")) {
            const ypath q = pi.key("timezone");
            if (const auto t = yr.text(yval{*f, q}, "timezone")) u.zone = c.zone(*t, yr.where(yval{*f, q}), q.str());
        }
        if (const yentry* f = m->find("max_absent")) {
            const ypath q = pi.key("max_absent");
            if (const auto l = read_staffing_limit(c, yval{*f, q})) u.max_absent = *l;
        }
        if (const yentry* f = m->find("holidays")) {
            const ypath q = pi.key("holidays");
            u.holidays = read_holiday_rule(c, yval{*f, q});
        }
        if (const yentry* f = m->find("min_on_duty")) {
            const ypath q = pi.key("min_on_duty");
            if (const auto mm = yr.free_map(yval{*f, q}, "min_on_duty")) {
                const model::work_pattern* pat = u.pattern.valid() ? &c.s.patterns[u.pattern.value] : nullptr;
                if (pat && !pat->rotation && !mm->entries.empty())
                    yr.warning(code::ignored,
                               say("min_on_duty is ignored: the unit's pattern {} is not a shift rotation",
                                   in_quotes(pat->id)),
                               yval{*f, q});
                for (const auto& entry : mm->entries) {
                    const ypath qe = q.key(entry.key);
                    const auto n = yr.small_int(yval{entry, qe}, "min_on_duty", 0, 1'000'000);
                    if (!n) continue;
                    if (pat && pat->rotation && pat->rotation->find(entry.key) == nullptr) {
                        std::vector<std::string> codes;
                        for (const auto& sh : pat->rotation->shifts) codes.push_back(sh.code);
                        const std::string hint = closest_match(entry.key, codes);
                        yr.error_at(code::ref_shift,
                                    say("min_on_duty names the shift {}, which pattern {} does not define{}",
                                        in_quotes(entry.key), in_quotes(pat->id),
                                        hint.empty() ? std::string{} : say(" (did you mean '{}'?)", hint)),
                                    entry.key_node, qe);
                        continue;
                    }
                    u.min_on_duty.emplace_back(std::string{entry.key}, *n);
                    notes.min_on_duty_at.push_back(yr.where(entry));
                }
            }
        }
        if (const yentry* f = m->find("critical")) {
            const ypath q = pi.key("critical");
            if (const auto list = yr.list(yval{*f, q}, "critical", 1000)) {
                for (std::size_t k = 0; k < list->size(); ++k) {
                    const ypath qk = q.at(k);
                    static constexpr std::array<std::string_view, 1> extra{"weight"};
                    ymap cm;
                    const auto r = read_date_range(c, yval{(*list)[k], qk}, "a critical period", extra, &cm);
                    if (!r) continue;
                    model::critical_period cp;
                    cp.days = r->days;
                    cp.why = r->why;
                    cp.weight = 2.0;
                    if (const yentry* w = cm.find("weight")) {
                        const ypath qw = qk.key("weight");
                        const auto v = yr.real(yval{*w, qw}, "weight", 0.01, 1000);
                        if (!v) continue;
                        cp.weight = *v;
                    }
                    if (c.horizon_ok && (cp.days.last < c.s.horizon.first || cp.days.first > c.s.horizon.last))
                        c.rep.warning(code::outside_horizon,
                                      say("this critical period lies outside the horizon and has no effect"), r->at,
                                      qk.str());
                    u.critical.push_back(std::move(cp));
                }
            }
        }
        if (const yentry* f = m->find("duties")) {
            const ypath q = pi.key("duties");
            u.duties = read_duties(c, yval{*f, q});
        }
        if (const yentry* f = m->find("preferred_days")) {
            const ypath q = pi.key("preferred_days");
            if (const auto days = read_preferred_days(c, yval{*f, q})) u.preferred_days = *days;
        }
        c.s.units.push_back(std::move(u));
        c.unit_info.push_back(std::move(notes));
    }
}

}  // namespace jadwal::load::detail
