#include "replan.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <jadwal/calendar/work_calendar.hpp>
#include <map>
#include <set>
#include <tuple>

namespace jadwal::solve::detail {
namespace {

tmin to_t(const compiled_model& cm, calendar::instant t) { return static_cast<tmin>((t - cm.t0).count()); }

/// The delivery of `program` in `mode` under the compiled policy (invalid: none).
delivery_id delivery_of(const compiled_model& cm, std::uint32_t program, model::delivery_mode mode) {
    for (const auto pmi : cm.programs[program].deliveries)
        if (cm.deliveries[pmi].mode == mode) return pmi;
    return {};
}

/// An instant in the scenario's zone as people read it: "Mon 9 Nov 2026 19:00"
/// / "Sen, 9 Nov 2026 19.00".
std::string instant_text(const text::messages& m, const compiled_model& cm, calendar::instant t) {
    const auto local = date::floor<calendar::minutes>(date::make_zoned(cm.scenario.zone, t).get_local_time());
    const auto day = date::floor<date::days>(local);
    return m.day(day, text::date_style::medium) + " " + m.clock(local - day);
}

/// The fixed option of pm whose sessions are exactly these, or -1.
std::int32_t fixed_option(const delivery_c& pm, const std::vector<session_t>& sessions) {
    for (std::size_t o = 0; o < pm.fixed_sessions.size(); ++o) {
        const auto& f = pm.fixed_sessions[o];
        bool same = f.size() == sessions.size();
        for (std::size_t k = 0; same && k < f.size(); ++k) same = f[k].a == sessions[k].a && f[k].b == sessions[k].b;
        if (same) return static_cast<std::int32_t>(o);
    }
    return -1;
}

}  // namespace

replan_context::replan_context(const text::messages& m, const compiled_model& cm, const solution& prev,
                               std::optional<calendar::instant> from, bool keep_pins)
    : previous(prev), replan_from(from) {
    if (from && keep_pins) earliest = std::max<tmin>(no_time, std::min<tmin>(to_t(cm, *from), cm.horizon_end));
    auto is_locked = [&](calendar::instant start, bool pinned) {
        return keep_pins && (pinned || (from && start < *from));
    };
    cohort_of.assign(cm.demand.size(), -1);
    blocks.resize(cm.demand.size());

    for (const auto& oc : prev.cohorts) {
        previous_cohort pc;
        pc.id = oc.id;
        pc.program = oc.program.value;
        items += static_cast<std::int64_t>(oc.sessions.size() + oc.participants.size());
        const auto p = static_cast<std::int32_t>(cohorts.size());
        for (const auto e : oc.participants) {
            const demand_id d = cm.demand_of(e, oc.program.value);
            if (!d.valid()) continue;  // no longer needs it: a change that stays
            pc.members.push_back(d);
            cohort_of[d] = p;
        }
        std::sort(pc.members.begin(), pc.members.end());
        for (const auto& s : oc.sessions) pc.frozen = pc.frozen || is_locked(s.start, s.pinned);
        pc.pm = delivery_of(cm, oc.program.value, oc.mode);
        if (pc.pm.valid()) {
            const delivery_c& pm = cm.deliveries[pc.pm];
            pc.sessions.resize(pm.parts.size());
            pc.locked.assign(pm.parts.size(), 0);
            pc.pinned.assign(pm.parts.size(), 0);
            pc.revision.assign(pm.parts.size(), 0);
            pc.outside.assign(pm.parts.size(), 0);
            std::vector<std::uint8_t> seen(pm.parts.size(), 0);
            bool ok = oc.sessions.size() == pm.parts.size();
            const session* kept_outside = nullptr;
            for (const auto& s : oc.sessions) {
                std::size_t k = 0;
                while (k < pm.parts.size() && !(pm.parts[k].module == s.module && pm.parts[k].part == s.part)) ++k;
                if (k == pm.parts.size() || seen[k]) {
                    ok = false;
                    break;
                }
                seen[k] = 1;
                const tmin a = to_t(cm, s.start), b = to_t(cm, s.end);
                pc.sessions[k] = {a, b, cm.day_of(a)};
                pc.locked[k] = is_locked(s.start, s.pinned) ? 1 : 0;
                pc.pinned[k] = s.pinned ? 1 : 0;
                pc.revision[k] = s.revision;
                const bool inside = a >= 0 && b <= cm.horizon_end && pc.sessions[k].day >= 0 &&
                                    pc.sessions[k].day < cm.days;
                // The horizon was shortened: a session that may move is brought
                // inside by the import; one that must stay cannot be kept.
                if (!inside && pc.locked[k]) kept_outside = kept_outside ? kept_outside : &s;
                else if (!inside) pc.outside[k] = 1;
            }
            if (ok && kept_outside) {
                pc.pm = {};
                const auto& mods = cm.scenario.programs[oc.program.value].modules;
                problems.push_back(m.format(
                    "cohort {}: its session of module {} (part {}) on {} must stay ({}) but lies outside the "
                    "horizon, which is now {} to {}; the cohort is not carried over and its people are planned again",
                    oc.id, kept_outside->module < mods.size() ? mods[kept_outside->module].id : "?",
                    kept_outside->part + 1, instant_text(m, cm, kept_outside->start),
                    kept_outside->pinned ? m.tr_in("kept session", "pinned")
                                         : m.tr("it starts before the re-plan instant"),
                    m.day(cm.scenario.horizon.first, text::date_style::numeric),
                    m.day(cm.scenario.horizon.last, text::date_style::numeric)));
            } else if (!ok) {
                pc.pm = {};
                problems.push_back(m.format("cohort {}: its sessions no longer match the programme's modules", oc.id));
            }
        } else {
            problems.push_back(
                m.format("cohort {}: its mode ({}) can no longer run under this policy and "
                         "horizon; its people are planned again",
                         oc.id, model::to_string(oc.mode)));
        }
        if (pc.pm.valid()) {
            const delivery_c& pm = cm.deliveries[pc.pm];
            pc.venue = oc.venue;
            if (pm.fixed) {
                pc.fixed = fixed_option(pm, pc.sessions);
                if (pc.fixed < 0) {
                    problems.push_back(m.format("cohort {}: its times are not one of the fixed sessions", oc.id));
                    pc.pm = {};
                }
            }
            pc.instructors = oc.instructors;
        }
        cohorts.push_back(std::move(pc));
    }

    for (const auto& b : prev.study_blocks) {
        ++items;
        const demand_id d = cm.demand_of(b.employee, b.program.value);
        if (!d.valid()) continue;
        blocks[d].push_back({static_cast<std::uint16_t>(b.module),
                             {to_t(cm, b.start), to_t(cm, b.end)},
                             b.revision,
                             is_locked(b.start, false)});
    }
    published.assign(cm.declared, 0);
    for (const demand_id d : cm.declared_demand()) published[d] = cohort_of[d] >= 0 || !blocks[d].empty();
    for (auto& v : blocks)
        std::sort(v.begin(), v.end(), [](const previous_block& x, const previous_block& y) {
            return std::tie(x.module, x.at.a) < std::tie(y.module, y.at.a);
        });
}

int replan_context::unmatched_blocks(const compiled_model& cm, demand_id d, const placement& p) const {
    const auto& prev = blocks[d];
    int unmatched = static_cast<int>(prev.size());
    if (p.kind != place_kind::self) return unmatched;
    const delivery_c& pm = cm.deliveries[p.pm];
    // A block matches at most one previous block (they never overlap, so equal spans are unique).
    for (const auto& pb : prev)
        for (std::size_t k = 0; k < p.blocks.size(); ++k)
            if (pm.parts[k].module == pb.module && p.blocks[k].a == pb.at.a && p.blocks[k].b == pb.at.b) {
                --unmatched;
                break;
            }
    return unmatched;
}

bool replan_context::same_session(const cohort_t& c, std::uint32_t k) const {
    const previous_cohort& pc = cohorts[static_cast<std::size_t>(c.origin)];
    const session_t& was = pc.sessions[k];
    return c.venue == pc.venue && c.sessions[k].a == was.a && c.sessions[k].b == was.b;
}

// ---------------------------------------------------------------- import

namespace {

/// Tries `move(days)` for the nearest days first: +1, -1, +2, -2, ... up to
/// `reach` days either way (four weeks unless said); true at the first move
/// that succeeds.
template <class Move>
bool to_nearest_day(Move&& move, int reach = 28) {
    for (int step = 1; step <= reach; ++step)
        for (const int sign : {+1, -1})
            if (move(sign * step)) return true;
    return false;
}

/// Moves session k of a cohort to the nearest day (same clock time) where
/// its resources, windows and order, and its members, allow it: within four
/// weeks, or anywhere in the horizon for a session the horizon lost.
bool repair_session(plan& pl, cohort_id c, std::uint32_t k, bool far) {
    const compiled_model& cm = pl.cm;
    const session_t cur = pl.cohorts[c].sessions[k];
    const tmin offset = cur.a - cm.day_start[static_cast<std::size_t>(cur.day)];
    return to_nearest_day(
        [&](int days) {
            const int d = cur.day + days;
            if (d < 0 || d >= cm.days) return false;
            const tmin a = cm.day_start[static_cast<std::size_t>(d)] + offset;
            return pl.move_session(c, k, d, a, a + (cur.b - cur.a));
        },
        far ? cm.days : 28);
}

bool session_valid(plan& pl, cohort_id c, std::uint32_t k) {
    const session_t s = pl.cohorts[c].sessions[k];
    return pl.order_ok(pl.cohorts[c], k, s.day) && pl.session_ok(c, k, s.day, s.a, s.b);
}

/// Where a session or block outside the horizon starts its way back: the same
/// clock time on the horizon's nearest day.
session_t inside_horizon(const compiled_model& cm, tmin a, tmin b) {
    const bool late = a >= cm.day_start[static_cast<std::size_t>(cm.days)];
    const int day = late ? cm.days - 1 : 0;
    const tmin from = late ? cm.day_start[static_cast<std::size_t>(cm.days)] : cm.day_start[0];
    const tmin clock = ((a - from) % (24 * 60) + 24 * 60) % (24 * 60);
    const tmin start = cm.day_start[static_cast<std::size_t>(day)] + clock;
    return {start, start + (b - a), day};
}

std::string when(const text::messages& m, const compiled_model& cm, tmin t) {
    return instant_text(m, cm, cm.t0 + calendar::minutes{t});
}

void import_cohort(const text::messages& m, plan& pl, const replan_context& rc, std::uint32_t p,
                   std::vector<std::string>& notes) {
    const compiled_model& cm = pl.cm;
    const previous_cohort& pc = rc.cohorts[p];
    if (!pc.pm.valid()) return;
    const delivery_c& pm = cm.deliveries[pc.pm];
    if (pc.venue.valid() && std::find(pm.venues.begin(), pm.venues.end(), pc.venue) == pm.venues.end() && !pc.frozen)
        return;  // the policy no longer uses this venue for the mode: its people are planned afresh
    // Sessions the horizon lost start from its nearest day, to be repaired
    // below like any session that no longer fits.
    std::vector<session_t> sessions = pc.sessions;
    for (std::size_t k = 0; k < sessions.size(); ++k)
        if (pc.outside[k]) sessions[k] = inside_horizon(cm, pc.sessions[k].a, pc.sessions[k].b);
    const cohort_id c =
        pl.open_cohort(pc.pm, pc.venue, pc.fixed, pc.instructors, sessions, static_cast<std::int32_t>(p));
    // A cohort under way keeps its people: they are seated first, so a
    // session moved below is moved only where every one of them can still
    // come (their weekly after-hours limit, their other training, ...).
    if (pc.frozen)
        for (const auto d : pc.members)
            if (pl.place[d].kind == place_kind::none) pl.force_join(c, d);
    // Sessions that may move are checked against the scenario as it is now.
    bool ok = true;
    std::uint32_t failed = 0;
    for (std::uint32_t k = 0; k < pc.sessions.size() && ok; ++k) {
        if (pc.locked[k]) continue;
        if (!session_valid(pl, c, k)) ok = repair_session(pl, c, k, pc.outside[k] != 0);
        if (!ok) failed = k;
    }
    if (!ok && !pc.frozen) {
        pl.close_cohort(c);
        return;
    }
    if (!ok) {
        const auto& mods = cm.scenario.programs[pm.program].modules;
        const std::string& module = mods[pm.parts[failed].module].id;
        const std::string left_on = when(m, cm, pl.cohorts[c].sessions[failed].a);
        notes.push_back(pc.outside[failed]
                            ? m.format("cohort {} is under way, and its session of module {} (part {}) lies outside "
                                       "the horizon now and fits on no day inside it: it is left on {}, where it "
                                       "breaks a rule (see verify)",
                                       rc.cohorts[p].id, module, pm.parts[failed].part + 1, left_on)
                            : m.format("cohort {} is under way, and its session of module {} (part {}) no longer "
                                       "fits, and fits on no day within four weeks: it is left on {}, where it breaks "
                                       "a rule (see verify)",
                                       rc.cohorts[p].id, module, pm.parts[failed].part + 1, left_on));
    }
    if (!pc.frozen)
        for (const auto d : pc.members)
            if (pl.place[d].kind == place_kind::none) (void)pl.join(c, d);
    if (!pc.frozen && pl.short_of_minimum(c)) {
        const std::vector<demand_id> members = pl.cohorts[c].members;
        for (const auto d : members) pl.leave(d);
        pl.close_cohort(c);
    }
}

/// Moves block k of demand d anywhere in the horizon it fits, nearest day to
/// `at` first; on each day its clock time first, then every start on the grid
/// in its delivery's windows.
bool relocate_block(plan& pl, demand_id d, std::uint32_t k, span at) {
    const compiled_model& cm = pl.cm;
    const delivery_c& pm = cm.deliveries[pl.place[d].pm];
    const session_t home = at.a >= 0 && at.b <= cm.horizon_end
                               ? session_t{at.a, at.b, cm.day_of(at.a)}
                               : inside_horizon(cm, at.a, at.b);
    const tmin len = at.b - at.a;
    const tmin clock = home.a - cm.day_start[static_cast<std::size_t>(home.day)];
    auto on_day = [&](int dd) {
        if (dd < 0 || dd >= cm.days) return false;
        const tmin base = cm.day_start[static_cast<std::size_t>(dd)];
        const tmin same = base + clock;
        if (same >= pl.earliest() && pl.move_block(d, k, {same, same + len})) return true;
        for (const window_c* w = cm.wins_begin(pm, dd); w != cm.wins_end(pm, dd); ++w) {
            const tmin lo = std::max(w->a, pl.earliest());
            for (tmin a = base + (lo - base + cm.granularity - 1) / cm.granularity * cm.granularity; a + len <= w->b;
                 a += cm.granularity)
                if (a != same && pl.move_block(d, k, {a, a + len})) return true;
        }
        return false;
    };
    return on_day(home.day) || to_nearest_day([&](int days) { return on_day(home.day + days); }, cm.days);
}

/// Which of a person's previous study blocks import_blocks takes over.
enum class block_stage : std::uint8_t {
    under_way,  ///< a block already begun (locked), top-up or not
    declared,   ///< declared demand not yet begun
    top_up,     ///< catalogue top-up not yet begun: last, so it stands in no one's way
};

/// The self-paced delivery demand d's previous study blocks belong to (the
/// programme's own, or the recording whose window holds them all) and the
/// blocks in its part order, each part a previous block of its module and
/// length (the one it has `now`, when it is one of them), with which of them
/// are locked; false when they match no delivery now.
bool previous_study(const compiled_model& cm, const replan_context& rc, demand_id d, const placement& now,
                    delivery_id& self, std::vector<span>& spans, std::vector<std::uint8_t>& locked) {
    const auto& prev = rc.blocks[d];
    if (prev.empty()) return false;
    self = {};
    for (const auto pmi : cm.programs[cm.demand[d].program].deliveries) {
        const delivery_c& cand = cm.deliveries[pmi];
        if (cand.live || cand.parts.size() != prev.size()) continue;
        if (cand.recording && !std::all_of(prev.begin(), prev.end(), [&](const previous_block& b) {
                return cand.rec_window.contains(b.at.a, b.at.b);
            }))
            continue;
        self = pmi;
        if (!cand.recording) break;
    }
    if (!self.valid()) return false;
    const delivery_c& pm = cm.deliveries[self];
    if (prev.size() != pm.parts.size()) return false;
    spans.assign(pm.parts.size(), span{});
    locked.assign(pm.parts.size(), 0);
    // Each part takes a previous block of its module and length (blocks of one
    // module need not be in part order): first the parts that are at one now,
    // then the others, each the first left.
    const bool has_now = now.kind == place_kind::self && now.pm == self;
    std::vector<std::uint8_t> used(prev.size(), 0), done(pm.parts.size(), 0);
    for (const bool staying : {true, false}) {
        if (staying && !has_now) continue;
        for (std::size_t k = 0; k < pm.parts.size(); ++k) {
            if (done[k]) continue;
            std::size_t j = 0;
            while (j < prev.size() &&
                   (used[j] || prev[j].module != pm.parts[k].module || prev[j].at.length() != pm.parts[k].minutes ||
                    (staying && (prev[j].at.a != now.blocks[k].a || prev[j].at.b != now.blocks[k].b))))
                ++j;
            if (j == prev.size()) {
                if (staying) continue;
                return false;
            }
            used[j] = done[k] = 1;
            spans[k] = prev[j].at;
            locked[k] = prev[j].locked ? 1 : 0;
        }
    }
    return true;
}

/// Takes over the person's previous study blocks of demand d at one stage.
void import_blocks(const text::messages& m, plan& pl, const replan_context& rc, demand_id d, block_stage stage,
                   std::vector<std::string>& notes) {
    const compiled_model& cm = pl.cm;
    const auto& prev = rc.blocks[d];
    if (prev.empty() || pl.place[d].kind != place_kind::none) return;
    const bool under_way = stage == block_stage::under_way;
    if (under_way != std::any_of(prev.begin(), prev.end(), [](const previous_block& b) { return b.locked; })) return;
    if (!under_way && cm.demand[d].top_up != (stage == block_stage::top_up)) return;
    delivery_id self;
    std::vector<span> spans;
    std::vector<std::uint8_t> locked;
    if (!previous_study(cm, rc, d, pl.place[d], self, spans, locked)) return;
    const bool any_locked = std::any_of(locked.begin(), locked.end(), [](std::uint8_t l) { return l != 0; });
    if (!any_locked) {
        (void)pl.self_place(d, self, spans);
        return;
    }
    const auto& emp = cm.scenario.employees[cm.demand[d].employee.value];
    const auto& prog = cm.scenario.programs[cm.demand[d].program];
    const std::string whose = m.format("{}'s study of {}", emp.id, prog.id);
    auto outside = [&](span s) { return s.a < 0 || s.b > cm.horizon_end; };
    // A block already done that the horizon no longer holds cannot be kept.
    for (std::size_t k = 0; k < spans.size(); ++k)
        if (locked[k] && outside(spans[k])) {
            notes.push_back(
                m.format("{} began before the re-plan instant, but its block on {} lies outside the "
                         "horizon, which is now {} to {}; the study is planned again",
                         whose, when(m, cm, spans[k].a), m.day(cm.scenario.horizon.first, text::date_style::numeric),
                         m.day(cm.scenario.horizon.last, text::date_style::numeric)));
            return;
        }
    // Study under way stays, blocks already done included; its blocks still
    // to come must fit the person's plan as it is now (a session moved by the
    // repair into their week, a new leave, a shorter horizon): each that no
    // longer fits moves to the nearest day, same clock time, where it does;
    // failing that, anywhere in the horizon it fits.
    pl.force_self_place(d, self, spans);
    for (std::uint32_t k = 0; k < spans.size(); ++k) {
        const span at = spans[k];
        if (locked[k] || at.a < pl.earliest() || pl.move_block(d, k, at)) continue;  // done already, or still fits
        if (to_nearest_day([&](int days) {
                const tmin shift = static_cast<tmin>(days) * 24 * 60;
                const span to{at.a + shift, at.b + shift};
                return to.a >= pl.earliest() && pl.move_block(d, k, to);
            }))
            continue;
        if (relocate_block(pl, d, k, at)) continue;
        if (outside(at)) {
            // Nowhere left before the horizon ends: no block may stay outside it.
            pl.self_remove(d);
            notes.push_back(
                m.format("{} is under way, but its block on {} lies outside the horizon now and fits "
                         "nowhere inside it; the study is planned again",
                         whose, when(m, cm, at.a)));
            return;
        }
        notes.push_back(
            m.format("{} is under way, and its block on {} no longer fits anywhere in the horizon: "
                     "it is left there, where it breaks a rule (see verify)",
                     whose, when(m, cm, at.a)));
    }
}

}  // namespace

std::int64_t restore_published(plan& pl, const replan_context& rc, const std::function<bool()>& stop) {
    const compiled_model& cm = pl.cm;
    std::int64_t restored = 0;
    pl.commit();
    // A step back is kept when the plan is no worse for it, else undone; true when kept.
    const auto try_back = [&](auto&& step) {
        const objective3 before = pl.objective();
        const std::size_t at = pl.mark();
        if (step() && !better(before, pl.objective())) {
            pl.commit();
            ++restored;
            return true;
        }
        pl.rollback(at);
        return false;
    };
    // Demand d may leave where it is: its cohort keeps its minimum.
    const auto may_leave = [&](demand_id d) {
        const placement& p = pl.place[d];
        return p.kind != place_kind::cohort || pl.has_spare(p.cohort);
    };
    const auto take_out = [&](demand_id d) {
        if (pl.place[d].kind == place_kind::cohort)
            pl.leave(d);
        else if (pl.place[d].kind == place_kind::self)
            pl.self_remove(d);
    };
    // The cohort continuing each previous one (none opens or closes below).
    std::vector<cohort_id> of_origin(rc.cohorts.size());
    for (const cohort_id c : pl.cohorts.indices())
        if (pl.cohorts[c].alive && pl.cohorts[c].origin >= 0)
            of_origin[static_cast<std::size_t>(pl.cohorts[c].origin)] = c;
    // Twice: a session back in place can let a participant back, and the reverse.
    for (int pass = 0; pass < 2 && !(stop && stop()); ++pass) {
        const std::int64_t restored_before = restored;
        for (std::size_t o = 0; o < of_origin.size(); ++o) {
            const cohort_id c = of_origin[o];
            if (!c.valid()) continue;
            const previous_cohort& was = rc.cohorts[o];
            for (std::uint32_t k = 0; k < pl.cohorts[c].sessions.size(); ++k) {
                if (rc.same_session(pl.cohorts[c], k) || pl.session_locked(c, k)) continue;
                try_back([&] {
                    if (pl.cohorts[c].venue != was.venue && was.venue.valid() && !pl.change_venue(c, was.venue))
                        return false;
                    const session_t now = pl.cohorts[c].sessions[k], then = was.sessions[k];
                    return (now.day == then.day && now.a == then.a && now.b == then.b) ||
                           pl.move_session(c, k, then.day, then.a, then.b);
                });
            }
        }
        for (const demand_id d : cm.declared_demand()) {
            const std::int32_t o = rc.cohort_of[d];
            if (o < 0 || pl.frozen(d)) continue;
            const cohort_id c = of_origin[static_cast<std::size_t>(o)];
            const placement& p = pl.place[d];
            if (!c.valid() || (p.kind == place_kind::cohort && p.cohort == c) || !may_leave(d)) continue;
            try_back([&] {
                take_out(d);
                return pl.join(c, d);
            });
        }
        delivery_id self;
        std::vector<span> spans;
        std::vector<std::uint8_t> locked;
        for (const demand_id d : cm.declared_demand()) {
            if (rc.blocks[d].empty() || rc.unmatched_blocks(cm, d, pl.place[d]) == 0) continue;
            const placement& p = pl.place[d];
            if (!previous_study(cm, rc, d, p, self, spans, locked)) continue;
            // The whole study back, unless it is under way or its cohort would fall below the minimum.
            if (!pl.frozen(d) && may_leave(d) && try_back([&] {
                    take_out(d);
                    return pl.self_place(d, self, spans);
                }))
                continue;
            if (p.kind != place_kind::self || p.pm != self) continue;
            // Else the blocks that moved (a part at a previous block keeps it),
            // together, or failing that each that can go back alone.
            const auto moved = [&](std::uint32_t k) {
                return p.blocks[k].a != spans[k].a || p.blocks[k].b != spans[k].b;
            };
            if (try_back([&] {
                    for (std::uint32_t k = 0; k < spans.size(); ++k)
                        if (moved(k) && !pl.move_block(d, k, spans[k])) return false;
                    return true;
                }))
                continue;
            for (std::uint32_t k = 0; k < spans.size(); ++k)
                if (moved(k)) try_back([&] { return pl.move_block(d, k, spans[k]); });
        }
        // Study of one person that swapped times with another of theirs: all back at once.
        std::vector<demand_id> studies;
        for (const employee_id e : cm.employees.indices()) {
            studies.clear();
            for (const demand_id d : cm.declared_of(e))
                if (!rc.blocks[d].empty() && !pl.frozen(d) && pl.place[d].kind == place_kind::self &&
                    rc.unmatched_blocks(cm, d, pl.place[d]) > 0)
                    studies.push_back(d);
            if (studies.size() < 2) continue;
            try_back([&] {
                for (const demand_id d : studies) pl.self_remove(d);
                for (const demand_id d : studies)
                    if (!previous_study(cm, rc, d, pl.place[d], self, spans, locked) || !pl.self_place(d, self, spans))
                        return false;
                return true;
            });
        }
        if (restored == restored_before) break;
    }
    return restored;
}

std::vector<std::string> import_previous(const text::messages& m, plan& pl, const replan_context& rc) {
    // What is under way comes first and is kept as it is (cohorts that have
    // met, study begun); what is still to come then fits around it, so a
    // person's week is never overfilled by taking both over.
    std::vector<std::string> notes;
    for (std::uint32_t p = 0; p < rc.cohorts.size(); ++p)
        if (rc.cohorts[p].frozen) import_cohort(m, pl, rc, p, notes);
    for (const demand_id d : rc.blocks.indices()) import_blocks(m, pl, rc, d, block_stage::under_way, notes);
    for (std::uint32_t p = 0; p < rc.cohorts.size(); ++p)
        if (!rc.cohorts[p].frozen) import_cohort(m, pl, rc, p, notes);
    for (const demand_id d : rc.blocks.indices()) import_blocks(m, pl, rc, d, block_stage::declared, notes);
    pl.commit();
    return notes;
}

std::vector<std::string> import_previous_top_up(const text::messages& m, plan& pl, const replan_context& rc) {
    std::vector<std::string> notes;
    for (const demand_id d : pl.cm.top_up_demand()) import_blocks(m, pl, rc, d, block_stage::top_up, notes);
    pl.commit();
    return notes;
}

// ---------------------------------------------------------------- counting

std::int64_t count_changes(const solution& previous, const solution& now, std::optional<calendar::instant> replan_from,
                           std::vector<std::string>* pin_problems) {
    auto locked = [&](calendar::instant start, bool pinned) { return pinned || (replan_from && start < *replan_from); };
    auto problem = [&](std::string what) {
        if (pin_problems) pin_problems->push_back(std::move(what));
    };
    std::map<std::string, const cohort*> by_id;
    for (const auto& c : now.cohorts) by_id.emplace(c.id, &c);
    std::int64_t changes = 0;
    for (const auto& was : previous.cohorts) {
        const auto it = by_id.find(was.id);
        const cohort* is = it == by_id.end() ? nullptr : it->second;
        const bool same_place = is && is->venue == was.venue && is->platform == was.platform;
        bool frozen = false;
        for (const auto& s : was.sessions) {
            const session* match = nullptr;
            if (is)
                for (const auto& t : is->sessions)
                    if (t.module == s.module && t.part == s.part) match = &t;
            const bool same = same_place && match && match->start == s.start && match->end == s.end;
            changes += same ? 0 : 1;
            if (locked(s.start, s.pinned)) {
                frozen = true;
                if (!same) problem(fmt::format("cohort {}: a kept session (module {}, part {}) changed", was.id, s.module, s.part + 1));
            }
        }
        const std::set<model::employee_index> before(was.participants.begin(), was.participants.end());
        std::set<model::employee_index> after;
        if (is) after.insert(is->participants.begin(), is->participants.end());
        for (const auto e : before)
            if (!after.count(e)) {
                ++changes;
                if (frozen) problem(fmt::format("cohort {}: a participant of a kept cohort left", was.id));
            }
        for (const auto e : after) changes += before.count(e) ? 0 : 1;
    }
    using block_key = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, calendar::instant, calendar::instant>;
    std::multiset<block_key> blocks;
    for (const auto& b : now.study_blocks) blocks.insert({b.employee.value, b.program.value, b.module, b.start, b.end});
    for (const auto& b : previous.study_blocks) {
        const auto it = blocks.find({b.employee.value, b.program.value, b.module, b.start, b.end});
        if (it != blocks.end()) {
            blocks.erase(it);
            continue;
        }
        ++changes;
        if (locked(b.start, false)) problem("a study block before the re-plan date changed");
    }
    return changes;
}

}  // namespace jadwal::solve::detail
