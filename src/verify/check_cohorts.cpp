// One cohort at a time: its mode and resources, its participants, and its
// sessions (the module split, lengths, grid, order and gaps, windows, fixed
// times, deadlines). Fills context::items with each participant's sessions.
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_set>

#include "context.hpp"

namespace jadwal::verify::detail {
namespace {

using model::delivery_mode;

std::string window_names(const context& c, const model::mode_offer& mo) {
    std::string out;
    for (const auto w : mo.windows) {
        if (!out.empty()) out += ", ";
        out += c.window_name(w);
    }
    return out.empty() ? std::string(c.m.tr_in("window", "none")) : out;
}

/// The daily maximum of a cohort in JP (docs/model.md "Sessions and windows").
int daily_max_jp(const context& c, const model::mode_offer* mo) {
    int d = c.s.jp_minutes > 0 ? c.pol.max_session_minutes_per_day / c.s.jp_minutes : 1;
    if (mo && mo->max_jp_per_day) d = std::min(d, *mo->max_jp_per_day);
    if (c.pol.max_module_jp > 0) d = std::min(d, c.pol.max_module_jp);
    return std::max(d, 1);
}

/// The offer a cohort runs under: the first of its mode whose venue list
/// (classroom) or platform (online_live) matches, else the first of its mode.
const model::mode_offer* pick_offer(const model::program& p, const model::cohort& co) {
    const model::mode_offer* first = nullptr;
    for (const auto& mo : p.modes) {
        if (mo.mode != co.mode) continue;
        if (!first) first = &mo;
        switch (co.mode) {
            case delivery_mode::classroom:
                if (std::find(mo.venues.begin(), mo.venues.end(), co.venue) != mo.venues.end()) return &mo;
                break;
            case delivery_mode::online_live:
                if (mo.platform == co.platform) return &mo;
                break;
            case delivery_mode::self_paced:
                return &mo;
        }
    }
    return first;
}

struct module_span {
    bool any = false;
    instant first_start{}, last_start{}, last_end{};
};

class cohort_checker {
public:
    cohort_checker(context& c, std::uint32_t ci) : c_(c), ci_(ci), co_(c.sol.cohorts[ci]), about_{"", co_.id, ""} {}

    void run() {
        c_.session_ok[ci_].assign(co_.sessions.size(), false);
        if (!c_.valid(co_.program)) {
            c_.add("S-REFERENCE",
                   c_.m.format("cohort {} names programme #{}, which the scenario does not have", co_.id,
                               co_.program.value),
                   std::nullopt, about_);
            return;
        }
        c_.cohort_ok[ci_] = true;
        prog_ = &c_.s.programs[co_.program.value];
        mo_ = pick_offer(*prog_, co_);
        c_.offer[ci_] = mo_;
        if (!mo_)
            c_.add("S-MODE-NOT-OFFERED",
                   c_.m.format("cohort {} runs programme {} as {}, a mode the programme does not offer", co_.id,
                               prog_->id, c_.mode_name(co_.mode)),
                   std::nullopt, about_);
        if (!c_.policy_allows(co_.mode))
            c_.add("S-MODE-NOT-ALLOWED",
                   c_.m.format("cohort {} runs programme {} as {}, which {} does not allow", co_.id, prog_->id,
                               c_.mode_name(co_.mode), c_.policy_name()),
                   std::nullopt, about_);
        participants();
        if (co_.mode == delivery_mode::self_paced) {
            // Self-paced study happens in study blocks; such a "cohort" only groups people.
            if (!co_.sessions.empty())
                c_.add("S-SELF-PACED-SESSIONS",
                       c_.m.format("self-paced cohort {} has {} session(s); self-paced study is planned as study "
                                   "blocks, not sessions",
                                   co_.id, co_.sessions.size()),
                       co_.sessions.front().start, about_);
            return;
        }
        sessions();
        size_and_resources();
        deadlines();
        items();
    }

private:
    void participants() {
        std::unordered_set<std::uint32_t> seen;
        for (const auto e : co_.participants) {
            if (!c_.valid(e)) {
                c_.add("S-REFERENCE",
                       c_.m.format("cohort {} lists employee #{}, who is not in the scenario", co_.id, e.value),
                       std::nullopt, about_);
                continue;
            }
            const std::string& id = c_.s.employees[e.value].id;
            if (!seen.insert(e.value).second) {
                c_.add("S-DUPLICATE", c_.m.format("{} is listed twice in cohort {}", c_.who(e), co_.id), std::nullopt,
                       {id, co_.id, ""});
                continue;
            }
            people_.push_back(e);
            if (!c_.demand(e, co_.program))
                c_.add(
                    "S-NOT-IN-DEMAND",
                    c_.m.format("{} is a participant of cohort {} but no demand entry asks for programme {} for them",
                                c_.who(e), co_.id, prog_->id),
                    std::nullopt, {id, co_.id, ""});
        }
    }

    void sessions() {
        const auto& mods = prog_->modules;
        std::vector<std::vector<std::uint32_t>> by_module(mods.size());
        for (std::uint32_t k = 0; k < co_.sessions.size(); ++k) {
            const auto& ses = co_.sessions[k];
            if (ses.module >= mods.size()) {
                c_.add("S-REFERENCE",
                       c_.m.format("cohort {} has a session of module #{}, which programme {} does not have", co_.id,
                                   ses.module, prog_->id),
                       ses.start, about_);
                continue;
            }
            if (ses.end <= ses.start) {
                c_.add("S-SESSION-LENGTH", c_.m.format("{} does not end after it starts", c_.describe_session(ci_, k)),
                       ses.start, about_);
                continue;
            }
            c_.session_ok[ci_][k] = true;
            by_module[ses.module].push_back(k);
        }
        const int daily = daily_max_jp(c_, mo_);
        std::vector<module_span> spans(mods.size());
        for (std::uint32_t m = 0; m < mods.size(); ++m) {
            auto& list = by_module[m];
            std::sort(list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) {
                const auto& x = co_.sessions[a];
                const auto& y = co_.sessions[b];
                return std::tie(x.part, x.start, a) < std::tie(y.part, y.start, b);
            });
            for (const auto k : list) {
                auto& sp = spans[m];
                const auto& ses = co_.sessions[k];
                if (!sp.any || ses.start < sp.first_start) sp.first_start = ses.start;
                if (!sp.any || ses.start > sp.last_start) sp.last_start = ses.start;
                if (!sp.any || ses.end > sp.last_end) sp.last_end = ses.end;
                sp.any = true;
            }
            if (has_fixed(m))
                fixed_module(m, list);
            else
                split_module(m, list, daily);
        }
        daily_total(daily);
        module_order(spans);
        for (std::uint32_t k = 0; k < co_.sessions.size(); ++k)
            if (c_.session_ok[ci_][k]) placement_in_time(k);
    }

    bool has_fixed(std::uint32_t m) const {
        return mo_ && std::any_of(mo_->fixed.begin(), mo_->fixed.end(),
                                  [m](const model::fixed_session& f) { return f.module == m; });
    }

    // A module with fixed sessions (a national webinar): one session, exactly at
    // one of the fixed times (hard 8).
    void fixed_module(std::uint32_t m, const std::vector<std::uint32_t>& list) {
        const auto& mod = prog_->modules[m];
        std::vector<interval> times;
        std::vector<int> capacity;
        for (const auto& f : mo_->fixed)
            if (f.module == m) {
                times.push_back({calendar::to_instant(f.start, c_.zone), calendar::to_instant(f.end, c_.zone)});
                capacity.push_back(f.capacity);
            }
        std::string listed;
        for (const auto& t : times) listed += (listed.empty() ? "" : ", ") + c_.span(t, c_.zone);
        if (list.empty()) {
            c_.add("S-INCOMPLETE",
                   c_.m.format("cohort {} has no session of module {}, fixed at {}", co_.id, mod.id, listed),
                   std::nullopt, about_);
            return;
        }
        for (std::size_t i = 1; i < list.size(); ++i)
            c_.add("S-SESSION-EXTRA",
                   c_.m.format("{} is one session too many: module {} is one fixed session",
                               c_.describe_session(ci_, list[i]), mod.id),
                   co_.sessions[list[i]].start, about_);
        const auto& ses = co_.sessions[list.front()];
        fixed_sessions_.push_back(list.front());
        for (std::size_t i = 0; i < times.size(); ++i)
            if (times[i].start == ses.start && times[i].end == ses.end) {
                if (static_cast<std::int64_t>(people_.size()) > capacity[i])
                    c_.add("H5-FIXED-CAPACITY",
                           c_.m.format("cohort {} has {} participants in the fixed session of module {} on {}, which "
                                       "takes {}",
                                       co_.id, people_.size(), mod.id, c_.span(times[i], c_.zone), c_.num(capacity[i])),
                           ses.start, about_);
                return;
            }
        c_.add("H8-PIN",
               c_.m.format("module {} of cohort {} is fixed at {} but the plan has it on {}", mod.id, co_.id, listed,
                           c_.span({ses.start, ses.end}, c_.zone)),
               ses.start, about_);
    }

    // A module in parts (docs/model.md "Sessions and windows"): each part one
    // session of a whole number of JP, 1 to the daily maximum; the parts add up to
    // the module's JP, are numbered in start order, each on a later local date
    // than the one before and at most 7 days after it.
    void split_module(std::uint32_t m, const std::vector<std::uint32_t>& list, int daily) {
        const auto& mod = prog_->modules[m];
        const std::int64_t jp_minutes = std::max(c_.s.jp_minutes, 1);
        std::vector<std::uint32_t> by_start = list;
        std::sort(by_start.begin(), by_start.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::tie(co_.sessions[a].start, a) < std::tie(co_.sessions[b].start, b);
        });
        std::int64_t total = 0;
        bool bad_length = false;
        for (std::size_t i = 0; i < by_start.size(); ++i) {
            const auto k = by_start[i];
            const auto& ses = co_.sessions[k];
            const std::int64_t len = (ses.end - ses.start).count();
            total += len;
            if (len % jp_minutes != 0 || len / jp_minutes > daily) {
                bad_length = true;
                c_.add("S-SESSION-LENGTH",
                       c_.m.format("{} lasts {} min; a session of module {} is a whole number of JP of {} min, at "
                                   "most {} JP ({} min)",
                                   c_.describe_session(ci_, k), c_.num(len), mod.id, c_.num(jp_minutes), daily,
                                   c_.num(daily * jp_minutes)),
                       ses.start, about_);
            }
            if (ses.part != i)
                c_.add("S-PART-NUMBER",
                       c_.m.format("{} is numbered part {}, but it is part {} of module {} in start order",
                                   c_.describe_session(ci_, k), ses.part + 1, i + 1, mod.id),
                       ses.start, about_);
            if (i == 0) continue;
            const auto d0 = local_day(co_.sessions[by_start[i - 1]].start, c_.zone);
            const auto d1 = local_day(ses.start, c_.zone);
            if (d1 <= d0)
                c_.add("H4-PART-ORDER",
                       c_.m.format("{} is not on a later day than the part before it ({})", c_.describe_session(ci_, k),
                                   c_.date_text(d0)),
                       ses.start, about_);
            else if (d1 - d0 > date::days{7})
                c_.add("H4-PART-GAP",
                       c_.m.format("{} comes {} days after the part before it; consecutive parts are at most 7 days "
                                   "apart",
                                   c_.describe_session(ci_, k), (d1 - d0).count()),
                       ses.start, about_);
        }
        // A session of the wrong length is reported as such; the module's total is
        // then wrong as a consequence and not reported again.
        const std::int64_t want = static_cast<std::int64_t>(mod.jp) * jp_minutes;
        if (by_start.empty())
            c_.add("S-INCOMPLETE", c_.m.format("cohort {} has no session of module {}", co_.id, mod.id), std::nullopt,
                   about_);
        else if (!bad_length && total < want)
            c_.add("S-INCOMPLETE",
                   c_.m.format("the sessions of module {} in cohort {} add up to {} min; the module takes {} min ({} "
                               "JP)",
                               mod.id, co_.id, c_.num(total), c_.num(want), mod.jp),
                   co_.sessions[by_start.front()].start, about_);
        else if (!bad_length && total > want)
            c_.add("S-SESSION-EXTRA",
                   c_.m.format("the sessions of module {} in cohort {} add up to {} min, more than the module's {} "
                               "min ({} JP)",
                               mod.id, co_.id, c_.num(total), c_.num(want), mod.jp),
                   co_.sessions[by_start.back()].start, about_);
        for (const auto k : list) split_sessions_.push_back(k);
    }

    // All sessions of the cohort on one local date add up to at most the daily
    // maximum (fixed sessions aside). A single session over it is already a
    // wrong length, so only days with several sessions are looked at.
    void daily_total(int daily) {
        struct day_total {
            std::int64_t minutes = 0;
            std::size_t sessions = 0;
            instant first{};
        };
        std::map<local_date, day_total> per_day;
        for (const auto k : split_sessions_) {
            const auto& ses = co_.sessions[k];
            auto [it, fresh] = per_day.try_emplace(local_day(ses.start, c_.zone));
            auto& v = it->second;
            v.minutes += (ses.end - ses.start).count();
            v.first = fresh ? ses.start : std::min(v.first, ses.start);
            ++v.sessions;
        }
        const std::int64_t cap = static_cast<std::int64_t>(daily) * c_.s.jp_minutes;
        for (const auto& [d, v] : per_day)
            if (v.sessions > 1 && v.minutes > cap)
                c_.add("S-DAY-JP",
                       c_.m.format("cohort {} has {} min of sessions on {}, above its daily maximum of {} JP ({} min)",
                                   co_.id, c_.num(v.minutes), c_.date_text(d), daily, c_.num(cap)),
                       v.first, about_);
    }

    void module_order(const std::vector<module_span>& spans) {
        const auto& mods = prog_->modules;
        for (std::uint32_t b = 0; b < mods.size(); ++b) {
            const auto& mod = mods[b];
            if (!mod.after || *mod.after >= mods.size() || *mod.after == b) continue;
            const auto a = *mod.after;
            if (!spans[a].any || !spans[b].any) continue;
            if (spans[b].first_start < spans[a].last_end) {
                c_.add("H4-MODULE-ORDER",
                       c_.m.format("cohort {} starts module {} on {}, before module {} ends ({})", co_.id, mod.id,
                                   c_.at(spans[b].first_start, c_.zone), mods[a].id, c_.at(spans[a].last_end, c_.zone)),
                       spans[b].first_start, about_);
                continue;
            }
            const auto gap =
                (local_day(spans[b].first_start, c_.zone) - local_day(spans[a].last_start, c_.zone))
                    .count();
            if (gap < mod.gap_min_days || (mod.gap_max_days && gap > *mod.gap_max_days))
                c_.add("H4-GAP",
                       c_.m.format("cohort {} starts module {} {} day(s) after the last session of module {}; the "
                                   "programme asks for {}",
                                   co_.id, mod.id, gap, mods[a].id,
                                   mod.gap_max_days ? c_.m.format("{} to {} days", mod.gap_min_days, *mod.gap_max_days)
                                                    : c_.m.format("at least {} day(s)", mod.gap_min_days)),
                       spans[b].first_start, about_);
        }
    }

    // Grid, horizon, windows (hard 3) and Friday prayer for one session.
    void placement_in_time(std::uint32_t k) {
        const auto& ses = co_.sessions[k];
        const interval iv{ses.start, ses.end};
        const bool fixed = std::find(fixed_sessions_.begin(), fixed_sessions_.end(), k) != fixed_sessions_.end();
        if (!fixed && c_.s.granularity_minutes > 0 &&
            context::local_minute_of_day(ses.start, c_.zone) % c_.s.granularity_minutes != 0)
            c_.add("S-GRID",
                   c_.m.format("{} does not start on the {}-minute grid", c_.describe_session(ci_, k),
                               c_.s.granularity_minutes),
                   ses.start, about_);
        if (ses.start < c_.horizon.start || ses.end > c_.horizon.end)
            c_.add("S-HORIZON", c_.m.format("{} lies outside the planning horizon", c_.describe_session(ci_, k)),
                   ses.start, about_);
        if (mo_) {
            const window_fit f = c_.fit(*mo_, iv);
            if (!f.any()) {
                c_.add(
                    "H3-WINDOW",
                    c_.m.format("{} lies in none of the windows that {} of {} may use under {} ({}){}",
                                c_.describe_session(ci_, k), c_.mode_name(co_.mode), prog_->id, c_.policy_name(),
                                window_names(c_, *mo_),
                                c_.is_holiday(local_day(ses.start, c_.zone)) ? std::string(c_.m.tr("; it is a holiday"))
                                                                             : std::string{}),
                    ses.start, about_);
            } else {
                for (const auto e : people_) {
                    const auto& emp = c_.s.employees[e.value];
                    if (f.allows(emp.accepts)) continue;
                    c_.add("H3-REFUSED-WINDOW",
                           c_.m.format("{} attends {}, which lies only in {} window, and they do not accept that",
                                       c_.who(e), c_.describe_session(ci_, k),
                                       f.weekend && !f.after_hours   ? c_.m.tr("a weekend")
                                       : f.after_hours && !f.weekend ? c_.m.tr("an after-hours")
                                                                     : c_.m.tr("an after-hours or weekend")),
                           ses.start, {emp.id, co_.id, ""});
                }
            }
        }
        if (c_.pol.friday_prayer) {
            const auto d = local_day(ses.start, c_.zone);
            if (date::weekday{d} == date::Friday) {
                const interval prayer{
                    calendar::to_instant(calendar::local_minute{d} + c_.pol.friday_prayer->start, c_.zone),
                    calendar::to_instant(calendar::local_minute{d} + c_.pol.friday_prayer->end, c_.zone)};
                if (prayer.start < iv.end && iv.start < prayer.end)
                    c_.add("H3-FRIDAY-PRAYER",
                           c_.m.format("{} overlaps Friday prayer ({})", c_.describe_session(ci_, k),
                                       c_.clock_range(*c_.pol.friday_prayer)),
                           ses.start, about_);
            }
        }
    }

    void size_and_resources() {
        auto n = static_cast<std::int64_t>(people_.size());
        // People whose make-up re-opened their seat here were in the cohort
        // when it met (docs/attendance.md "Make-ups"); check_makeups checks the list.
        for (const auto& x : c_.sol.makeups)
            if (x.cohort == co_.id && x.program == co_.program) ++n;
        const instant first = co_.sessions.empty() ? c_.horizon.start : co_.sessions.front().start;
        const std::optional<instant> when = co_.sessions.empty() ? std::nullopt : std::optional<instant>{first};
        if (n < prog_->cohort_min || n > prog_->cohort_max)
            c_.add("H5-COHORT-SIZE",
                   c_.m.format("cohort {} has {} participant(s); programme {} takes {} to {}", co_.id, n, prog_->id,
                               prog_->cohort_min, prog_->cohort_max),
                   when, about_);
        if (co_.mode == delivery_mode::classroom) {
            if (!co_.venue.valid() || co_.venue.value >= c_.s.venues.size()) {
                c_.add("S-VENUE", c_.m.format("classroom cohort {} has no venue", co_.id), when, about_);
            } else {
                const auto& v = c_.s.venues[co_.venue.value];
                if (mo_ && std::find(mo_->venues.begin(), mo_->venues.end(), co_.venue) == mo_->venues.end())
                    c_.add("S-VENUE",
                           c_.m.format("cohort {} meets at {}, which is not one of the venues of {} in classroom",
                                       co_.id, v.id, prog_->id),
                           when, {"", co_.id, v.id});
                if (n > v.capacity)
                    c_.add("H5-VENUE-CAPACITY",
                           c_.m.format("cohort {} has {} participants but {} seats {}", co_.id, c_.num(n), v.id,
                                       c_.num(v.capacity)),
                           when, {"", co_.id, v.id});
            }
        } else if (co_.mode == delivery_mode::online_live) {
            if (!co_.platform.valid() || co_.platform.value >= c_.s.platforms.size()) {
                c_.add("S-PLATFORM", c_.m.format("online cohort {} has no platform", co_.id), when, about_);
            } else {
                const auto& p = c_.s.platforms[co_.platform.value];
                if (mo_ && mo_->platform.valid() && mo_->platform != co_.platform)
                    c_.add("S-PLATFORM",
                           c_.m.format("cohort {} meets on {}, but {} runs online on another platform", co_.id, p.id,
                                       prog_->id),
                           when, {"", co_.id, p.id});
                if (n > p.capacity)
                    c_.add("H5-PLATFORM-CAPACITY",
                           c_.m.format("cohort {} has {} participants but a meeting on {} takes {}", co_.id, c_.num(n),
                                       p.id, c_.num(p.capacity)),
                           when, {"", co_.id, p.id});
            }
        }
        // Instructors: the programme's own, instructors_per_session distinct ones.
        const int needed = prog_->instructors.empty() ? 0 : prog_->instructors_per_session;
        std::vector<model::instructor_index> distinct;
        for (const auto i : co_.instructors) {
            if (!i.valid() || i.value >= c_.s.instructors.size()) {
                c_.add("S-REFERENCE",
                       c_.m.format("cohort {} names instructor #{}, who is not in the scenario", co_.id, i.value), when,
                       about_);
                continue;
            }
            const auto& ins = c_.s.instructors[i.value];
            if (std::find(distinct.begin(), distinct.end(), i) != distinct.end()) {
                c_.add("H5-INSTRUCTOR-COUNT", c_.m.format("cohort {} names instructor {} twice", co_.id, ins.id), when,
                       {"", co_.id, ins.id});
                continue;
            }
            distinct.push_back(i);
            if (std::find(prog_->instructors.begin(), prog_->instructors.end(), i) == prog_->instructors.end())
                c_.add("H5-INSTRUCTOR-NOT-LISTED",
                       c_.m.format("cohort {} is taught by {}, who is not an instructor of programme {}", co_.id,
                                   ins.id, prog_->id),
                       when, {"", co_.id, ins.id});
        }
        if (static_cast<int>(distinct.size()) != needed)
            c_.add("H5-INSTRUCTOR-COUNT",
                   c_.m.format("cohort {} has {} instructor(s); programme {} needs {} per session", co_.id,
                               distinct.size(), prog_->id, needed),
                   when, about_);
    }

    void deadlines() {
        std::optional<instant> last;
        for (std::uint32_t k = 0; k < co_.sessions.size(); ++k)
            if (c_.session_ok[ci_][k] && (!last || co_.sessions[k].end > *last)) last = co_.sessions[k].end;
        if (!last) return;
        for (const auto e : people_) {
            const auto d = c_.demand(e, co_.program);
            if (!d || !c_.s.demand[*d].deadline) continue;
            if (*last > c_.deadline_end(e, co_.program))
                c_.add("S-DEADLINE",
                       c_.m.format("cohort {} ends on {}, after the deadline of {} for {} ({})", co_.id,
                                   c_.at(*last, c_.zone_of(e)), prog_->id, c_.who(e),
                                   c_.date_text(*c_.s.demand[*d].deadline)),
                       *last, {c_.s.employees[e.value].id, co_.id, ""});
        }
    }

    void items() {
        for (const auto e : people_) {
            const minutes t = co_.mode == delivery_mode::classroom ? c_.travel(e, co_.venue) : minutes{0};
            for (std::uint32_t k = 0; k < co_.sessions.size(); ++k) {
                if (!c_.session_ok[ci_][k]) continue;
                const auto& ses = co_.sessions[k];
                c_.items[e.value].push_back({{ses.start - t, ses.end + t}, {ses.start, ses.end}, ci_, k});
            }
        }
    }

    context& c_;
    std::uint32_t ci_;
    const model::cohort& co_;
    context::about about_;
    const model::program* prog_ = nullptr;
    const model::mode_offer* mo_ = nullptr;
    std::vector<model::employee_index> people_;  // valid, each once
    std::vector<std::uint32_t> fixed_sessions_;  // sessions standing for a fixed session
    std::vector<std::uint32_t> split_sessions_;  // sessions of modules without fixed times
};

}  // namespace

void check_cohorts(context& c) {
    const auto n = c.sol.cohorts.size();
    c.offer.assign(n, nullptr);
    c.cohort_ok.assign(n, false);
    c.session_ok.assign(n, {});
    std::unordered_set<std::string> ids;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (!ids.insert(c.sol.cohorts[i].id).second)
            c.add("S-DUPLICATE", c.m.format("two cohorts have the id '{}'", c.sol.cohorts[i].id), std::nullopt,
                  {"", c.sol.cohorts[i].id, ""});
        cohort_checker{c, i}.run();
    }
}

}  // namespace jadwal::verify::detail
