// Holding an agency's scenario to its allowance of shared resources
// (include/jadwal/share/allowance.hpp).
#include <jadwal/model/error.hpp>
#include <jadwal/share/allowance.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace jadwal::share {
namespace {

/// The dates of `horizon` that are not in `allowed`, as maximal ranges.
std::vector<model::date_range> dates_not_given(const model::date_range& horizon,
                                               const std::vector<calendar::local_date>& allowed) {
    const std::set<calendar::local_date> given(allowed.begin(), allowed.end());
    std::vector<model::date_range> out;
    for (auto d = horizon.first; d <= horizon.last; d += date::days{1}) {
        if (given.count(d) != 0) continue;
        if (!out.empty() && out.back().last + date::days{1} == d)
            out.back().last = d;
        else
            out.push_back({d, d});
    }
    return out;
}

template <class Items>
std::map<std::string, std::size_t> by_id(const Items& items) {
    std::map<std::string, std::size_t> m;
    for (std::size_t i = 0; i < items.size(); ++i) m.emplace(items[i].id, i);
    return m;
}

/// Where a session_seats entry points: programme, mode offer, fixed session.
struct fixed_place {
    std::size_t program = 0, mode = 0, fixed = 0;
};

std::optional<fixed_place> find_fixed(const model::scenario& s, const session_seats& want) {
    const auto p = s.find_program(want.program);
    if (!p) return std::nullopt;
    const auto& pr = s.programs[p->value];
    for (std::size_t k = 0; k < pr.modes.size(); ++k)
        for (std::size_t f = 0; f < pr.modes[k].fixed.size(); ++f) {
            const auto& fx = pr.modes[k].fixed[f];
            if (fx.start == want.start && fx.module < pr.modules.size() && pr.modules[fx.module].id == want.module)
                return fixed_place{p->value, k, f};
        }
    return std::nullopt;
}

}  // namespace

void restrict_to(model::scenario& s, const allowance& a) {
    const auto platforms = by_id(s.platforms);
    const auto instructors = by_id(s.instructors);
    const auto venues = by_id(s.venues);

    // Every id first, so that a refused allowance changes nothing.
    std::vector<std::string> unknown;
    std::vector<fixed_place> seats_at;
    for (const auto& want : a.sessions) {
        if (const auto at = find_fixed(s, want))
            seats_at.push_back(*at);
        else
            unknown.push_back(fmt::format("fixed session {}/{} at {}", want.program, want.module,
                                          date::format("%F %R", want.start)));
    }
    for (const auto& pl : a.platforms)
        if (platforms.count(pl.platform) == 0) unknown.push_back(fmt::format("platform {}", pl.platform));
    for (const auto& r : a.instructors)
        if (instructors.count(r.id) == 0) unknown.push_back(fmt::format("instructor {}", r.id));
    for (const auto& r : a.venues)
        if (venues.count(r.id) == 0) unknown.push_back(fmt::format("venue {}", r.id));
    if (!unknown.empty())
        throw error(errc::not_found, fmt::format("the allowance names what the scenario does not have: {}",
                                                 fmt::join(unknown, "; ")));
    for (const auto& pl : a.platforms)
        if (pl.lanes < 0) throw error(errc::invalid_argument, fmt::format("platform {}: negative lanes", pl.platform));
    for (const auto& want : a.sessions)
        if (want.seats < 0)
            throw error(errc::invalid_argument, fmt::format("fixed session {}/{}: negative seats", want.program, want.module));

    for (std::size_t i = 0; i < a.sessions.size(); ++i) {
        auto& fx = s.programs[seats_at[i].program].modes[seats_at[i].mode].fixed[seats_at[i].fixed];
        fx.capacity = std::min(fx.capacity, a.sessions[i].seats);
    }
    for (const auto& pl : a.platforms) {
        const std::size_t p = platforms.at(pl.platform);
        if (pl.lanes > 0) {
            s.platforms[p].concurrent = std::min(s.platforms[p].concurrent, pl.lanes);
            continue;
        }
        for (auto& pr : s.programs)
            std::erase_if(pr.modes, [&](const model::mode_offer& mo) {
                return mo.mode == model::delivery_mode::online_live && mo.platform.value == p;
            });
    }
    for (const auto& r : a.instructors) {
        auto& off = s.instructors[instructors.at(r.id)].unavailable;
        const auto more = dates_not_given(s.horizon, r.dates);
        off.insert(off.end(), more.begin(), more.end());
    }
    for (const auto& r : a.venues) {
        auto& closed = s.venues[venues.at(r.id)].closed;
        const auto more = dates_not_given(s.horizon, r.dates);
        closed.insert(closed.end(), more.begin(), more.end());
    }
}

}  // namespace jadwal::share
