// What people asked for (docs/model.md "Preferences"): nobody is placed in a
// delivery mode they refused (`S-MODE-REFUSED`), and the preference misses of
// each person, counted by the definition in jadwal/verify/preferences.hpp: per placed
// item a mode miss, per live session or study block a day miss and a time miss.
#include <fmt/format.h>

#include <map>
#include <set>

#include "context.hpp"
#include <jadwal/verify/preferences.hpp>

namespace jadwal::verify::detail {
namespace {

std::uint8_t unit_days_of(const context& c, const model::employee& emp) {
    return emp.unit.valid() && emp.unit.value < c.s.units.size() ? c.s.units[emp.unit.value].preferred_days : 0;
}

}  // namespace

void check_preferences(context& c) {
    // Live cohorts: each participant once, in the cohort's mode, with every
    // session of the cohort. Self-paced "cohorts" only group people: their
    // study is in the study blocks below.
    for (std::uint32_t ci = 0; ci < c.sol.cohorts.size(); ++ci) {
        const auto& co = c.sol.cohorts[ci];
        if (!c.cohort_ok[ci] || co.mode == model::delivery_mode::self_paced) continue;
        std::set<std::uint32_t> seen;
        for (const auto e : co.participants) {
            if (!c.valid(e) || !seen.insert(e.value).second) continue;
            const auto& emp = c.s.employees[e.value];
            const auto& prefs = emp.prefs;
            if (mode_refused(prefs, co.mode))
                c.add("S-MODE-REFUSED",
                      c.m.format("{} is a participant of cohort {}, which runs as {}, a delivery mode they refused",
                                 c.who(e), co.id, c.mode_name(co.mode)),
                      co.sessions.empty() ? std::nullopt : std::optional<instant>(co.sessions.front().start),
                      {emp.id, co.id, ""});
            const auto days = unit_days_of(c, emp);
            if (prefs.empty() && days == 0) continue;
            auto& misses = c.preference_misses[e.value];
            if (mode_miss(prefs, co.mode)) ++misses;
            const auto& z = c.zone_of(e);
            for (std::uint32_t k = 0; k < co.sessions.size(); ++k)
                if (c.session_ok[ci][k])
                    misses += session_misses(prefs, days, co.sessions[k].start, co.sessions[k].end, z).count();
        }
    }

    // Study blocks, by person and programme: one placed item each, self-paced
    // (or online_live when it is a recording), and every block.
    std::map<std::uint64_t, std::vector<std::uint32_t>> study;
    for (std::uint32_t b = 0; b < c.sol.study_blocks.size(); ++b) {
        const auto& blk = c.sol.study_blocks[b];
        if (c.valid(blk.employee) && c.valid(blk.program)) study[context::key(blk.employee, blk.program)].push_back(b);
    }
    for (const auto& [k, blocks] : study) {
        const auto& first = c.sol.study_blocks[blocks.front()];
        const auto e = first.employee;
        const auto& emp = c.s.employees[e.value];
        const auto& prefs = emp.prefs;
        const auto mode = study_mode(first.recording);
        const auto& prog = c.s.programs[first.program.value];
        if (mode_refused(prefs, mode)) {
            if (first.recording)
                c.add("S-MODE-REFUSED",
                      c.m.format("{} watches the recording of programme {}, which counts as {}, a delivery mode they "
                                 "refused",
                                 c.who(e), prog.id, c.mode_name(mode)),
                      first.start, {emp.id, "", ""});
            else
                c.add("S-MODE-REFUSED",
                      c.m.format("{} has study blocks for programme {} ({}), a delivery mode they refused", c.who(e),
                                 prog.id, c.mode_name(mode)),
                      first.start, {emp.id, "", ""});
        }
        const auto days = unit_days_of(c, emp);
        if (prefs.empty() && days == 0) continue;
        auto& misses = c.preference_misses[e.value];
        if (mode_miss(prefs, mode)) ++misses;
        const auto& z = c.zone_of(e);
        for (const auto b : blocks) {
            const auto& blk = c.sol.study_blocks[b];
            if (blk.end > blk.start) misses += session_misses(prefs, days, blk.start, blk.end, z).count();
        }
    }
}

}  // namespace jadwal::verify::detail
