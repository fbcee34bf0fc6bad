#include "evaluate.hpp"

#include "replan.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace jadwal::solve::detail {
namespace {

struct piece {
    tmin a = 0;
    tmin b = 0;
};

struct emp_train {
    std::vector<piece> raw;  // every session (with travel) and block
};

tmin to_t(const compiled_model& cm, calendar::instant t) { return static_cast<tmin>((t - cm.t0).count()); }

/// The model's daily maximum in JP (docs/model.md "Sessions and windows").
int daily_max_jp(const compiled_model& cm, const model::mode_offer& mo) {
    const int jp_minutes = std::max(1, cm.scenario.jp_minutes);
    int daily = cm.policy.max_session_minutes_per_day / jp_minutes;
    if (mo.max_jp_per_day) daily = std::min(daily, *mo.max_jp_per_day);
    if (cm.policy.max_module_jp > 0) daily = std::min(daily, cm.policy.max_module_jp);
    return daily;
}

class evaluator {
public:
    evaluator(const compiled_model& cm, const solution& sol, const replan_context* rc)
        : cm_(cm), s_(cm.scenario), sol_(sol), rc_(rc) {}

    evaluation run() {
        out_.raw.work_by_class.assign(cm_.weight_class.size(), 0);
        out_.placed.assign(cm_.demand.size(), 0);
        train_.resize(cm_.employees.size());
        due_.assign(cm_.demand.size(), cm_.horizon_end);
        // Top-up candidates come after the scenario's demand and have no deadline of their own.
        for (const demand_id d : cm_.declared_demand())
            if (const auto& when = s_.demand[d.value].deadline) {
                // Not clipped to the horizon, as verify has it: an item after the horizon
                // is V-HORIZON, and V-DEADLINE only when it also misses a deadline the scenario sets.
                const date::time_zone& z = *cm_.zones[cm_.employees[cm_.demand[d].employee].zone].tz;
                due_[d] = to_t(cm_, calendar::to_instant(calendar::local_minute{*when + date::days{1}}, z));
                explicit_due_.insert(d);
            }
        seen_.assign(cm_.demand.size(), 0);
        cohorts();
        blocks();
        people();
        units();
        resources();
        budget();
        finish();
        return std::move(out_);
    }

private:
    void violate(std::string code, std::string message) {
        out_.violations.push_back({std::move(code), std::move(message)});
    }

    /// Programme p's delivery in mode m (not a recording); invalid: none.
    delivery_id find_pm(model::program_index p, model::delivery_mode m) const {
        if (!p.valid() || p.value >= cm_.programs.size()) return {};
        for (const auto pmi : cm_.programs[p.value].deliveries)
            if (cm_.deliveries[pmi].mode == m && !cm_.deliveries[pmi].recording) return pmi;
        return {};
    }

    /// The recording of programme p whose window holds every block of the list.
    delivery_id find_recording(std::uint32_t p, const std::vector<const study_block*>& list) const {
        for (const auto pmi : cm_.programs[p].deliveries) {
            const delivery_c& pm = cm_.deliveries[pmi];
            if (!pm.recording) continue;
            bool inside = true;
            for (const auto* b : list)
                inside = inside && pm.rec_window.contains(to_t(cm_, b->start), to_t(cm_, b->end));
            if (inside) return pmi;
        }
        return {};
    }

    bool in_window(const delivery_c& pm, tmin a, tmin b) const {
        const int d = cm_.day_of(a);
        if (d < 0 || d >= cm_.days) return false;
        if ((a - cm_.day_start[static_cast<std::size_t>(d)]) % cm_.granularity != 0) return false;
        for (const window_c* w = cm_.wins_begin(pm, d); w != cm_.wins_end(pm, d); ++w)
            if (w->a <= a && b <= w->b) return true;
        return false;
    }

    void claim(employee_id e, std::uint32_t program, const std::string& where) {
        const demand_id d = cm_.demand_of(e, program);
        if (!d.valid()) {
            violate("V-NO-DEMAND",
                    fmt::format("{}: {} does not need {}", where, s_.employees[e.value].id, s_.programs[program].id));
            return;
        }
        if (seen_[d]++)
            violate("V-PLACED-TWICE", fmt::format("{}: {} is placed in {} more than once", where,
                                                  s_.employees[e.value].id, s_.programs[program].id));
    }

    void cohorts() {
        const int jp_minutes = std::max(1, s_.jp_minutes);
        for (const auto& c : sol_.cohorts) {
            const delivery_id pmi = find_pm(c.program, c.mode);
            if (!pmi.valid()) {
                violate("V-MODE", fmt::format("cohort {}: mode {} of {} is not allowed by the policy", c.id,
                                              model::to_string(c.mode),
                                              c.program.valid() ? s_.programs[c.program.value].id : "?"));
                continue;
            }
            const delivery_c& pm = cm_.deliveries[pmi];
            const model::program& prog = s_.programs[pm.program];
            const model::mode_offer& mo = prog.modes[pm.offer];
            out_.raw.live_cohorts += 1;
            if (pm.mode == model::delivery_mode::classroom) out_.raw.classroom_cohorts += 1;
            pm_count_[pmi] += 1;
            // Sessions as times.
            std::vector<span> ses;
            for (const auto& x : c.sessions) ses.push_back({to_t(cm_, x.start), to_t(cm_, x.end)});
            std::int32_t fixed = -1;
            if (pm.fixed) {
                for (std::size_t o = 0; o < pm.fixed_sessions.size() && fixed < 0; ++o) {
                    const auto& fs = pm.fixed_sessions[o];
                    if (fs.size() != ses.size()) continue;
                    bool same = true;
                    for (std::size_t k = 0; k < fs.size(); ++k)
                        same = same && c.sessions[k].module == k && fs[k].a == ses[k].a && fs[k].b == ses[k].b;
                    if (same) fixed = static_cast<std::int32_t>(o);
                }
                if (fixed < 0) violate("V-PINNED", fmt::format("cohort {}: sessions differ from the fixed sessions", c.id));
            }
            const venue_id venue = c.venue;
            if (pm.mode == model::delivery_mode::classroom) {
                if (!venue.valid() || std::find(pm.venues.begin(), pm.venues.end(), venue) == pm.venues.end())
                    violate("V-VENUE", fmt::format("cohort {}: no venue of its mode", c.id));
            }
            const int cap = cm_.cohort_cap(pm, venue, fixed);
            const int n = static_cast<int>(c.participants.size());
            // Make-up people were in the cohort they missed when it met (docs/attendance.md "Make-ups").
            int met_with = n;
            for (const auto& x : sol_.makeups) met_with += x.cohort == c.id && x.program == c.program ? 1 : 0;
            if (met_with < pm.size_min || n > cap)
                violate("V-SIZE", fmt::format("cohort {}: {} participants, allowed {}..{}", c.id, n, pm.size_min, cap));
            out_.raw.underfill += std::max(0, (prog.cohort_max + 1) / 2 - n);
            const program_c& pc = cm_.programs[pm.program];
            if (static_cast<int>(c.instructors.size()) != pc.per_session)
                violate("V-INSTRUCTORS", fmt::format("cohort {}: {} instructors, needs {}", c.id, c.instructors.size(),
                                                     pc.per_session));
            for (const auto i : c.instructors)
                if (std::find(pc.instructors.begin(), pc.instructors.end(), i) == pc.instructors.end())
                    violate("V-INSTRUCTORS", fmt::format("cohort {}: instructor {} does not teach it", c.id,
                                                         s_.instructors[i.value].id));
            // Sessions: windows, resources, structure.
            std::map<int, int> jp_by_day;
            for (std::size_t k = 0; k < c.sessions.size(); ++k) {
                const tmin a = ses[k].a, b = ses[k].b;
                const int d = cm_.day_of(a);
                // Counted as verify counts them; outside the horizon there is
                // nothing else to check it against, and one fault is one finding.
                out_.metrics.sessions += 1;
                out_.raw.instructor_minutes += static_cast<std::int64_t>(b - a) * static_cast<std::int64_t>(c.instructors.size());
                if (a < 0 || b > cm_.horizon_end || b <= a) {
                    violate("V-HORIZON", fmt::format("cohort {}: session {} outside the horizon", c.id, k + 1));
                    continue;
                }
                for (const auto i : c.instructors) {
                    instr_minutes_[i] += b - a;
                    instr_ses_[i].push_back({a, b});
                    if (!cm_.instructor_open(i, d, a, b))
                        violate("V-INSTRUCTOR-HOURS", fmt::format("cohort {}: {} cannot teach at session {}", c.id,
                                                                  s_.instructors[i.value].id, k + 1));
                }
                if (venue.valid()) {
                    venue_ses_[venue].push_back({a, b});
                    if (!cm_.venue_open(venue, d, a, b))
                        violate("V-VENUE-HOURS", fmt::format("cohort {}: venue closed at session {}", c.id, k + 1));
                }
                if (pm.platform.valid()) platform_ses_[pm.platform].push_back({a, b});
                if (!pm.fixed) {
                    if (!in_window(pm, a, b))
                        violate("V-WINDOW", fmt::format("cohort {}: session {} is in no allowed window", c.id, k + 1));
                    if ((b - a) % jp_minutes != 0)
                        violate("V-MODULE", fmt::format("cohort {}: session {} is not whole JP", c.id, k + 1));
                    jp_by_day[d] += (b - a) / jp_minutes;
                }
                // In no window at all is one finding (V-WINDOW), not also one per participant.
                if (pm.fixed || in_window(pm, a, b))
                    for (const auto e : c.participants)
                        if (!cm_.accepts_at(e, pm, d, a, b))
                            violate("V-ACCEPT", fmt::format("cohort {}: {} does not accept session {}", c.id,
                                                            s_.employees[e.value].id, k + 1));
            }
            if (!pm.fixed) {
                const int daily = daily_max_jp(cm_, mo);
                for (const auto& [d, jp] : jp_by_day)
                    if (jp > daily)
                        violate("V-DAILY-MAX", fmt::format("cohort {}: {} JP on one day, at most {}", c.id, jp, daily));
                check_modules(c, ses, prog);
            }
            // Participants.
            for (const auto e : c.participants) {
                claim(e, pm.program, "cohort " + c.id);
                preferences(e, pm, ses, "cohort " + c.id);
                const int travel = cm_.travel_to(e, venue);
                tmin last = 0;
                for (const auto& x : ses) {
                    train_[e].raw.push_back({x.a - travel, x.b + travel});
                    last = std::max(last, x.b + travel);
                }
                if (const demand_id d = cm_.demand_of(e, pm.program); d.valid()) {
                    if (last <= due_[d])
                        out_.placed[d] = 1;
                    else if (explicit_due_.count(d))
                        violate("V-DEADLINE", fmt::format("cohort {}: ends after the deadline of {}", c.id,
                                                          s_.employees[e.value].id));
                }
            }
        }
    }

    /// Employee e placed in pm with these sessions or blocks: the refusal rule
    /// and the preference misses, by the definition (docs/model.md "Preferences").
    void preferences(employee_id e, const delivery_c& pm, const std::vector<span>& times, const std::string& where) {
        const model::preferences& pr = s_.employees[e.value].prefs;
        const model::delivery_mode mode = pm.recording ? model::delivery_mode::online_live : pm.mode;
        if (std::find(pr.refused_modes.begin(), pr.refused_modes.end(), mode) != pr.refused_modes.end())
            violate("V-MODE-REFUSED",
                    fmt::format("{}: {} refused {}", where, s_.employees[e.value].id, model::to_string(mode)));
        std::int64_t n = cm_.mode_miss(e, pm);
        for (const auto& x : times) n += cm_.time_misses(e, x.a, x.b);
        out_.raw.preference_misses += n;
        out_.metrics.preference_misses += n;
    }

    void check_modules(const cohort& c, const std::vector<span>& ses, const model::program& prog) {
        const int jp_minutes = std::max(1, s_.jp_minutes);
        const std::size_t m_count = prog.modules.size();
        std::vector<std::vector<std::size_t>> by_module(m_count);
        for (std::size_t k = 0; k < c.sessions.size(); ++k)
            if (c.sessions[k].module < m_count) by_module[c.sessions[k].module].push_back(k);
        auto date_of = [&](tmin t) { return cm_.day_of(t); };
        for (std::size_t m = 0; m < m_count; ++m) {
            auto& ks = by_module[m];
            std::sort(ks.begin(), ks.end(), [&](std::size_t x, std::size_t y) { return ses[x].a < ses[y].a; });
            int minutes = 0;
            for (std::size_t j = 0; j < ks.size(); ++j) {
                minutes += ses[ks[j]].length();
                if (j > 0) {
                    const int gap = date_of(ses[ks[j]].a) - date_of(ses[ks[j - 1]].a);
                    if (gap < 1 || gap > 7)
                        violate("V-MODULE", fmt::format("cohort {}: parts of module {} are {} days apart", c.id,
                                                        prog.modules[m].id, gap));
                }
            }
            if (minutes != prog.modules[m].jp * jp_minutes)
                violate("V-MODULE", fmt::format("cohort {}: module {} has {} minutes, needs {}", c.id,
                                                prog.modules[m].id, minutes, prog.modules[m].jp * jp_minutes));
        }
        for (std::size_t m = 0; m < m_count; ++m) {
            const auto& mod = prog.modules[m];
            if (!mod.after || by_module[m].empty() || by_module[*mod.after].empty()) continue;
            tmin last_end = INT32_MIN, first_start = INT32_MAX;
            for (auto k : by_module[*mod.after]) last_end = std::max(last_end, ses[k].b);
            for (auto k : by_module[m]) first_start = std::min(first_start, ses[k].a);
            int last_day = INT32_MIN;
            for (auto k : by_module[*mod.after]) last_day = std::max(last_day, date_of(ses[k].a));
            const int gap = date_of(first_start) - last_day;
            if (first_start < last_end || gap < mod.gap_min_days || (mod.gap_max_days && gap > *mod.gap_max_days))
                violate("V-ORDER", fmt::format("cohort {}: module {} breaks its order or gap after {}", c.id, mod.id,
                                               prog.modules[*mod.after].id));
        }
    }

    void blocks() {
        // Group blocks per (employee, programme).
        std::map<std::pair<employee_id, std::uint32_t>, std::vector<const study_block*>> groups;
        for (const auto& b : sol_.study_blocks) groups[{b.employee, b.program.value}].push_back(&b);
        for (const auto& [k, list] : groups) {
            const employee_id e = k.first;
            const std::uint32_t p = k.second;
            const bool recording = list.front()->recording;
            const delivery_id pmi = recording ? find_recording(p, list)
                                              : find_pm(model::program_index{p}, model::delivery_mode::self_paced);
            const std::string who =
                fmt::format("study blocks of {} for {}", s_.employees[e.value].id, s_.programs[p].id);
            if (!pmi.valid()) {
                violate("V-MODE", who + (recording ? ": no recording of the programme holds them"
                                                   : ": self-paced is not allowed by the policy"));
                continue;
            }
            for (const auto* b : list)
                if (b->recording != recording || b->top_up != list.front()->top_up)
                    violate("V-MIXED", who + ": blocks of one programme differ in recording or top-up");
            const demand_id d = cm_.demand_of(e, p);
            if (d.valid() && cm_.demand[d].top_up != list.front()->top_up)
                violate("V-TOP-UP", who + ": top-up marking does not match the demand");
            const delivery_c& pm = cm_.deliveries[pmi];
            const model::program& prog = s_.programs[p];
            claim(e, p, who);
            {
                std::vector<span> blks;
                for (const auto* b : list) blks.push_back({to_t(cm_, b->start), to_t(cm_, b->end)});
                preferences(e, pm, blks, who);
            }
            std::vector<int> minutes(prog.modules.size(), 0);
            std::vector<tmin> mod_first(prog.modules.size(), INT32_MAX), mod_last(prog.modules.size(), INT32_MIN);
            tmin last = 0;
            for (const auto* b : list) {
                const tmin a = to_t(cm_, b->start), z = to_t(cm_, b->end);
                out_.metrics.study_blocks += 1;
                train_[e].raw.push_back({a, z});
                last = std::max(last, z);
                if (b->module >= prog.modules.size()) continue;
                // A block outside the horizon still studies its module: one
                // fault (the horizon), not also an incomplete module.
                minutes[b->module] += z - a;
                mod_first[b->module] = std::min(mod_first[b->module], a);
                mod_last[b->module] = std::max(mod_last[b->module], z);
                if (a < 0 || z > cm_.horizon_end || z <= a) {
                    violate("V-HORIZON", who + ": a block outside the horizon");
                    continue;
                }
                const int module_minutes = recording ? pm.total_minutes : prog.modules[b->module].jp * s_.jp_minutes;
                const int len = z - a;
                const bool short_module = module_minutes < cm_.block_min;
                if (short_module ? len != module_minutes : (len < cm_.block_min || len > cm_.block_max))
                    violate("V-BLOCK-LENGTH", fmt::format("{}: a block of {} minutes", who, len));
                if (!in_window(pm, a, z)) violate("V-WINDOW", who + ": a block in no allowed window");
                else if (!cm_.accepts_at(e, pm, cm_.day_of(a), a, z))
                    violate("V-ACCEPT", who + ": a block in a window the person refuses");
            }
            bool complete = true;
            for (std::size_t m = 0; m < prog.modules.size(); ++m)
                if (minutes[m] != (recording ? pm.total_minutes : prog.modules[m].jp * s_.jp_minutes)) {
                    complete = false;
                    violate("V-MODULE", fmt::format("{}: module {} has {} minutes of blocks", who, prog.modules[m].id,
                                                    minutes[m]));
                }
            for (std::size_t m = 0; m < prog.modules.size(); ++m) {
                const auto& mod = prog.modules[m];
                if (mod.after && minutes[m] > 0 && minutes[*mod.after] > 0 && mod_first[m] < mod_last[*mod.after])
                    violate("V-ORDER", fmt::format("{}: module {} starts before {} ends", who, mod.id,
                                                   prog.modules[*mod.after].id));
            }
            if (complete && d.valid()) {
                if (last <= due_[d]) {
                    out_.placed[d] = 1;
                    if (recording) recorded_.insert(d);
                } else if (explicit_due_.count(d)) {
                    violate("V-DEADLINE", who + ": ends after the deadline");
                }
            }
        }
    }

    void people() {
        const auto n = cm_.employees.size();
        work_pieces_.resize(cm_.units.size());
        model::index_vector<employee_id, std::vector<const day_in_lieu*>> lieu_of(n);
        for (const auto& l : sol_.days_in_lieu) {
            if (l.employee.valid() && l.employee.value < n)
                lieu_of[l.employee].push_back(&l);
            else violate("V-LIEU", "a day in lieu names no employee of the scenario");
        }
        for (const employee_id e : cm_.employees.indices()) {
            auto& raw = train_[e].raw;
            if (raw.empty()) {
                if (!lieu_of[e].empty())
                    violate("V-LIEU", fmt::format("{}: a day in lieu without a duty day", s_.employees[e.value].id));
                continue;
            }
            std::sort(raw.begin(), raw.end(), [](const piece& x, const piece& y) { return x.a < y.a; });
            std::vector<piece> uni;
            for (const auto& p : raw) {
                if (!uni.empty() && p.a < uni.back().b) {
                    violate("V-OVERLAP", fmt::format("{} trains twice at once", s_.employees[e.value].id));
                    uni.back().b = std::max(uni.back().b, p.b);
                } else if (!uni.empty() && p.a == uni.back().b) {
                    uni.back().b = p.b;
                } else {
                    uni.push_back(p);
                }
            }
            const unit_id u = cm_.employees[e].unit;
            std::map<int, int> day_minutes, day_ah, week_ah, day_duty;
            for (const auto& whole : uni) {
                // Outside the horizon the model knows no working time or
                // availability: training there is after hours (V-HORIZON
                // reported it already), and the rest is measured as usual.
                const piece p{std::max<tmin>(whole.a, 0), std::min(whole.b, cm_.horizon_end)};
                const int outside = (whole.b - whole.a) - std::max(0, p.b - p.a);
                out_.raw.after_hours += outside;
                unit_ah_[u] += outside;
                if (p.b <= p.a) continue;
                if (!cm_.available(e, p.a, p.b))
                    violate("V-UNAVAILABLE", fmt::format("{} trains while unavailable", s_.employees[e.value].id));
                // Split at the person's local midnights.
                tmin a = p.a;
                while (a < p.b) {
                    const int ld = cm_.local_day(e, a);
                    const tmin z = std::min(p.b, cm_.local_midnight(e, ld + 1));
                    int work = 0;
                    cm_.for_each_work_piece(e, a, z, [&](tmin x, tmin y) {
                        work += y - x;
                        work_pieces_[u].push_back({x, y});
                        cm_.for_each_class_piece(u, x, y, [&](std::uint8_t cls, int m) {
                            out_.raw.work_by_class[cls] += m;
                            unit_weighted_[u] += cm_.weight_class[cls] * m;
                        });
                    });
                    const int duty = cm_.duty_max_days >= 0 ? cm_.duty_minutes(e, a, z) : 0;
                    const int ah = (z - a) - work - cm_.break_minutes(e, a, z) - duty;
                    if (duty > 0) day_duty[ld] += duty;
                    out_.metrics.assigned_duty_minutes += duty;
                    out_.metrics.disruption_minutes += work;
                    out_.raw.after_hours += ah;
                    unit_ah_[u] += ah;
                    day_minutes[ld] += z - a;
                    day_ah[ld] += ah;
                    week_ah[cm_.week_of(ld)] += ah;
                    a = z;
                }
            }
            for (const auto& [d, m] : day_minutes)
                if (cm_.max_training_per_day >= 0 && m > cm_.max_training_per_day)
                    violate("V-DAY-LIMIT", fmt::format("{} trains {} minutes on one day", s_.employees[e.value].id, m));
            for (const auto& [d, m] : day_ah)
                if (cm_.max_ah_per_day >= 0 && m > cm_.max_ah_per_day)
                    violate("V-AFTER-HOURS-DAY",
                            fmt::format("{}: {} after-hours minutes on one day", s_.employees[e.value].id, m));
            for (const auto& [w, m] : week_ah) {
                if (cm_.max_ah_per_week >= 0 && m > cm_.max_ah_per_week)
                    violate("V-AFTER-HOURS-WEEK",
                            fmt::format("{}: {} after-hours minutes in one week", s_.employees[e.value].id, m));
                out_.raw.fairness = std::max(out_.raw.fairness, m);
            }
            duty_days(e, day_duty, uni, lieu_of[e]);
            // Shift minimums: who is pulled from which occurrence.
            const auto& ec = cm_.employees[e];
            if (ec.shift_off >= 0)
                for (int d = 0; d < cm_.days; ++d) {
                    const auto& sd = cm_.emp_shift[static_cast<std::size_t>(ec.shift_off) + static_cast<std::size_t>(d)];
                    if (sd.occ < 0) continue;
                    for (const auto& p : uni)
                        if (p.a < sd.b && sd.a < p.b) {
                            occ_pulled_[sd.occ] += 1;
                            break;
                        }
                }
        }
    }

    /// Assigned duty (docs/model.md): duty days per month, and a day in lieu for
    /// each duty day of rotation staff on a rostered shift without training,
    /// which counts against the shift's minimum.
    void duty_days(employee_id e, const std::map<int, int>& day_duty, const std::vector<piece>& uni,
                   const std::vector<const day_in_lieu*>& lieu) {
        const std::string& id = s_.employees[e.value].id;
        out_.raw.duty_days += static_cast<std::int64_t>(day_duty.size());
        out_.metrics.assigned_duty_days += static_cast<std::int64_t>(day_duty.size());
        std::map<int, int> per_month;
        for (const auto& [ld, m] : day_duty) per_month[cm_.month_of(ld)] += 1;
        for (const auto& [mo, k] : per_month)
            if (k > cm_.duty_max_days)
                violate("V-DUTY-DAYS", fmt::format("{}: {} assigned-duty days in one month, limit {}", id, k,
                                                   cm_.duty_max_days));
        const std::int32_t off = cm_.employees[e].rostered_off;
        if (off < 0) {
            if (!lieu.empty()) violate("V-LIEU", fmt::format("{}: days in lieu, but earns none", id));
            return;
        }
        std::set<int> earned, taken;
        for (const day_in_lieu* l : lieu) {
            const int ed = static_cast<int>((l->earned - s_.horizon.first).count());
            const int ld = static_cast<int>((l->date - s_.horizon.first).count());
            if (!day_duty.count(ed) || !earned.insert(ed).second) {
                violate("V-LIEU", fmt::format("{}: a day in lieu for {} that is not one duty day", id, ed));
                continue;
            }
            if (ld <= ed || ld > ed + cm_.lieu_window || ld >= cm_.days || !taken.insert(ld).second) {
                violate("V-LIEU", fmt::format("{}: day in lieu outside its window or taken twice", id));
                continue;
            }
            const rostered_day& rd = cm_.rostered[static_cast<std::size_t>(off) + static_cast<std::size_t>(ld)];
            if (rd.a == rd.b) {
                violate("V-LIEU", fmt::format("{}: day in lieu on a day with no rostered shift", id));
                continue;
            }
            if (std::any_of(uni.begin(), uni.end(), [&](const piece& p) { return p.a < rd.b && rd.a < p.b; }))
                violate("V-LIEU", fmt::format("{}: trains during a day in lieu", id));
            if (rd.occ >= 0) occ_pulled_[rd.occ] += 1;
            out_.metrics.days_in_lieu += 1;
        }
        for (const auto& [ld, m] : day_duty)
            if (!earned.count(ld))
                violate("V-LIEU-MISSING", fmt::format("{}: an assigned-duty day without a day off in lieu", id));
    }

    void units() {
        for (const unit_id u : cm_.units.indices()) {
            auto& ps = work_pieces_[u];
            if (ps.empty()) continue;
            std::vector<std::pair<tmin, int>> ev;
            for (const auto& p : ps) ev.push_back({p.a, +1}), ev.push_back({p.b, -1});
            std::sort(ev.begin(), ev.end());  // ends (-1) before starts at the same instant
            int cur = 0, peak = 0;
            bool over = false;
            for (const auto& [t, dlt] : ev) {
                cur += dlt;
                peak = std::max(peak, cur);
                if (cur > cm_.units[u].limit && !over) {
                    over = true;
                    violate("V-UNIT-LIMIT", fmt::format("unit {}: {} staff in training at once, limit {}",
                                                        cm_.units[u].id, cur, cm_.units[u].limit));
                }
                if (cur <= cm_.units[u].limit) over = false;
            }
            if (cm_.units[u].headcount > 0)
                out_.metrics.max_unit_absence_ratio = std::max(
                    out_.metrics.max_unit_absence_ratio, static_cast<double>(peak) / cm_.units[u].headcount);
        }
        for (const auto& [o, pulled] : occ_pulled_)
            if (pulled > cm_.shift_occurrences[static_cast<std::size_t>(o)].allowed_pull)
                violate("V-SHIFT-MINIMUM", fmt::format("unit {}: a shift keeps too few on duty",
                                                       cm_.units[cm_.shift_occurrences[static_cast<std::size_t>(o)].unit].id));
    }

    static int max_concurrent(std::vector<span> v) {
        std::vector<std::pair<tmin, int>> ev;
        for (const auto& x : v) ev.push_back({x.a, +1}), ev.push_back({x.b, -1});
        std::sort(ev.begin(), ev.end());
        int cur = 0, peak = 0;
        for (const auto& [t, d] : ev) peak = std::max(peak, cur += d);
        return peak;
    }

    /// Sessions that start before an earlier one (by start, then end) has ended:
    /// one double booking each, as verify counts them.
    static int clashes(std::vector<span> v) {
        std::sort(v.begin(), v.end(), [](const span& x, const span& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
        int n = 0;
        tmin last_end = std::numeric_limits<tmin>::min();
        for (const auto& x : v) {
            n += x.a < last_end ? 1 : 0;
            last_end = std::max(last_end, x.b);
        }
        return n;
    }

    void resources() {
        for (const auto& [v, list] : venue_ses_)
            for (int k = clashes(list); k > 0; --k)
                violate("V-VENUE-DOUBLE", fmt::format("venue {} double-booked", s_.venues[v.value].id));
        for (const auto& [v, list] : venue_ses_) {
            std::vector<int> ds;
            for (const auto& x : list) ds.push_back(cm_.day_of(x.a));
            std::sort(ds.begin(), ds.end());
            venue_days_[v] = static_cast<int>(std::unique(ds.begin(), ds.end()) - ds.begin());
        }
        for (const auto& [p, list] : platform_ses_)
            if (max_concurrent(list) > cm_.platforms[p].concurrent)
                violate("V-PLATFORM",
                        fmt::format("platform {} holds too many meetings at once", s_.platforms[p.value].id));
        for (const auto& [i, list] : instr_ses_) {
            for (int k = clashes(list); k > 0; --k)
                violate("V-INSTRUCTOR-DOUBLE", fmt::format("instructor {} double-booked", s_.instructors[i.value].id));
            std::map<int, int> per_day;
            for (const auto& x : list) per_day[cm_.day_of(x.a)] += x.length();
            std::map<int, int> per_month;
            for (const auto& [d, m] : per_day) {
                if (m > cm_.instructors[i].max_minutes_per_day)
                    violate("V-INSTRUCTOR-DAY",
                            fmt::format("instructor {} teaches {} minutes on one day", s_.instructors[i.value].id, m));
                per_month[cm_.day[static_cast<std::size_t>(d)].month] += 1;
            }
            for (const auto& [mo, n] : per_month)
                if (cm_.instructors[i].max_days_per_month >= 0 && n > cm_.instructors[i].max_days_per_month)
                    violate("V-INSTRUCTOR-MONTH", fmt::format("instructor {} teaches on {} days in one month",
                                                              s_.instructors[i.value].id, n));
            std::map<int, std::set<int>> evenings;  // week -> days
            for (const auto& x : list) {
                const int d = cm_.day_of(x.a);
                if (cm_.instructor_evening(i, d, x.a, x.b)) {
                    evenings[cm_.week_of(d)].insert(d);
                    instr_evening_minutes_[i] += x.length();
                }
            }
            for (const auto& [wk, ds] : evenings)
                if (static_cast<int>(ds.size()) > cm_.instructors[i].evenings_per_week)
                    violate("V-INSTRUCTOR-EVENINGS", fmt::format("instructor {} teaches on {} evenings in one week",
                                                                 s_.instructors[i.value].id, ds.size()));
        }
    }

    void budget() {
        double m = 0;
        for (const auto& [pmi, n] : pm_count_) {
            m += cm_.cohort_money(cm_.deliveries[pmi]) * n;
        }
        for (const auto& [v, n] : venue_days_) m += cm_.venues[v].cost_per_day * n;
        for (const auto& [i, mins] : instr_minutes_) {
            const auto it = instr_evening_minutes_.find(i);
            const double evening = it == instr_evening_minutes_.end() ? 0.0 : static_cast<double>(it->second);
            m += (cm_.instructors[i].cost_per_hour * (static_cast<double>(mins) - evening) +
                  cm_.instructors[i].evening_cost_per_hour * evening) /
                 60.0;
        }
        m += cm_.duty_allowance * static_cast<double>(out_.raw.duty_days);
        out_.money = m;
        if (cm_.budget_classroom >= 0 && out_.raw.classroom_cohorts > cm_.budget_classroom)
            violate("V-BUDGET", fmt::format("{} classroom cohorts, the budget allows {}", out_.raw.classroom_cohorts,
                                            cm_.budget_classroom));
        if (cm_.budget_cost >= 0 && m > cm_.budget_cost * (1 + 1e-9))
            violate("V-BUDGET", fmt::format("the plan costs {:.0f}, the budget is {:.0f}", m, cm_.budget_cost));
    }

    void finish() {
        auto& mt = out_.metrics;
        auto& raw = out_.raw;
        model::index_vector<employee_id, int> placed_jp(cm_.employees.size(), 0);
        for (const demand_id d : cm_.top_up_demand())
            if (out_.placed[d]) {
                const int jp = cm_.programs[cm_.demand[d].program].jp;
                mt.top_up_placed += 1;
                mt.top_up_jp += jp;
                placed_jp[cm_.demand[d].employee] += jp;
            }
        mt.recording_placed = static_cast<std::int64_t>(recorded_.size());
        for (const demand_id d : cm_.declared_demand()) {
            const auto& dc = cm_.demand[d];
            const int jp = cm_.programs[dc.program].jp;
            mt.demand_total += 1;
            if (out_.placed[d]) {
                mt.demand_placed += 1;
                placed_jp[dc.employee] += jp;
            } else {
                raw.unplaced_items += 1;
                (dc.mandatory ? raw.unplaced_jp_mandatory : raw.unplaced_jp_elective) += jp;
                if (rc_ && rc_->published[d]) (dc.mandatory ? raw.dropped_jp_mandatory : raw.dropped_jp_elective) += jp;
                auto& uu = unit_unmet_[cm_.employees[dc.employee].unit];
                (dc.mandatory ? uu.first : uu.second) += jp;
            }
        }
        // What the re-plan had to keep is a fact, as the history is
        // (docs/model.md "Training history"): the cap refuses only what comes on top.
        const model::index_vector<employee_id, int> kept_jp = jp_kept_by_replan();
        for (const employee_id e : cm_.employees.indices()) {
            const auto& ec = cm_.employees[e];
            // JP earned in the plan's year (history) count toward the cap and the target.
            const int total_jp = ec.jp_earned + placed_jp[e];
            mt.jp_earned += ec.jp_earned;
            mt.jp_planned += placed_jp[e];
            if (ec.jp_cap >= 0 && placed_jp[e] > std::max({0, ec.jp_cap - ec.jp_earned, kept_jp[e]}))
                violate("V-JP-CAP", fmt::format("{}: {} JP placed and {} earned, cap {}", s_.employees[e.value].id,
                                                placed_jp[e], ec.jp_earned, ec.jp_cap));
            if (ec.jp_target > 0) {
                mt.jp_target_employees += 1;
                if (total_jp >= ec.jp_target) mt.jp_target_met += 1;
            }
            const int short_jp = std::max(0, ec.jp_target - total_jp);
            raw.shortfall_jp += short_jp;
            if (short_jp > 0) unit_shortfall_[ec.unit] += short_jp;
        }
        mt.jp_total = mt.jp_earned + mt.jp_planned;
        mt.participation_rate =
            mt.demand_total > 0 ? static_cast<double>(mt.demand_placed) / static_cast<double>(mt.demand_total) : 1.0;
        mt.jp_target_attainment = mt.jp_target_employees > 0 ? static_cast<double>(mt.jp_target_met) /
                                                                    static_cast<double>(mt.jp_target_employees)
                                                              : 1.0;
        double weighted = 0;
        for (std::size_t k = 0; k < raw.work_by_class.size(); ++k)
            weighted += cm_.weight_class[k] * static_cast<double>(raw.work_by_class[k]);
        mt.disruption_weighted = weighted;
        mt.after_hours_minutes = raw.after_hours;
        mt.max_after_hours_minutes_per_person_week = raw.fairness;
        mt.cohorts = raw.live_cohorts;
        mt.instructor_minutes = raw.instructor_minutes;
        if (rc_) {
            std::vector<std::string> pins;
            raw.changes = count_changes(rc_->previous, sol_, rc_->replan_from, &pins);
            for (auto& p : pins) violate("V-PIN", std::move(p));
        }
        mt.hard_violations = static_cast<std::int64_t>(out_.violations.size());

        out_.levels = objective_of(cm_, raw);
        auto& obj = out_.objective;
        const auto& w = cm_.weights;
        obj.participation = out_.levels.participation;
        obj.stability = out_.levels.stability;
        obj.published = out_.levels.published;
        if (rc_ && cm_.stability == model::stability_mode::strict) obj.breakdown["published_dropped"] = obj.published;
        obj.burden = out_.levels.burden;
        obj.cost = out_.levels.cost;
        obj.breakdown["unmet_mandatory"] = w.unmet_mandatory * static_cast<double>(raw.unplaced_jp_mandatory);
        obj.breakdown["unmet_elective"] = w.unmet_elective * static_cast<double>(raw.unplaced_jp_elective);
        obj.breakdown["jp_shortfall"] = w.jp_shortfall * static_cast<double>(raw.shortfall_jp);
        obj.breakdown["disruption"] = w.disruption * weighted;
        obj.breakdown["after_hours"] = w.after_hours * static_cast<double>(raw.after_hours);
        obj.breakdown["fairness"] = w.fairness * static_cast<double>(raw.fairness);
        obj.breakdown["preference"] = w.preference * static_cast<double>(raw.preference_misses);
        obj.breakdown["cohort_opened"] = w.cohort_opened * static_cast<double>(raw.live_cohorts);
        obj.breakdown["cohort_underfilled"] = w.cohort_underfilled * static_cast<double>(raw.underfill);
        obj.breakdown["instructor_minute"] = w.instructor_minute * static_cast<double>(raw.instructor_minutes);
        obj.breakdown["change"] = w.change * static_cast<double>(raw.changes);
        if (cm_.duty_max_days >= 0)
            obj.breakdown["duty_day"] = w.duty_day * static_cast<double>(raw.duty_days);
        for (const unit_id uu : cm_.units.indices()) {
            auto& t = obj.per_unit[cm_.units[uu].id];
            t["unmet_mandatory"] = w.unmet_mandatory * unit_unmet_[uu].first;
            t["unmet_elective"] = w.unmet_elective * unit_unmet_[uu].second;
            t["jp_shortfall"] = w.jp_shortfall * unit_shortfall_[uu];
            t["disruption"] = w.disruption * unit_weighted_[uu];
            t["after_hours"] = w.after_hours * static_cast<double>(unit_ah_[uu]);
            t["participation"] = t["unmet_mandatory"] + t["unmet_elective"] + t["jp_shortfall"];
            t["burden"] = t["disruption"] + t["after_hours"];
        }
    }

    /// Per employee: the JP of their placed demand that the re-planning rules
    /// kept (a frozen previous cohort's member, study begun before the re-plan instant).
    [[nodiscard]] model::index_vector<employee_id, int> jp_kept_by_replan() const {
        model::index_vector<employee_id, int> jp(cm_.employees.size(), 0);
        if (!rc_) return jp;
        model::index_vector<demand_id, char> kept(cm_.demand.size(), 0);
        for (const auto& pc : rc_->cohorts)
            if (pc.frozen)
                for (const auto d : pc.members) kept[d] = 1;
        for (const demand_id d : rc_->blocks.indices())
            if (d.value < kept.size())
                for (const auto& b : rc_->blocks[d]) kept[d] = kept[d] || b.locked;
        for (const demand_id d : kept.indices())
            if (kept[d] && out_.placed[d]) jp[cm_.demand[d].employee] += cm_.programs[cm_.demand[d].program].jp;
        return jp;
    }

    const compiled_model& cm_;
    const model::scenario& s_;
    const solution& sol_;
    const replan_context* rc_;
    evaluation out_;
    model::index_vector<employee_id, emp_train> train_;
    model::index_vector<demand_id, std::uint8_t> seen_;
    std::set<demand_id> recorded_;                 ///< declared demand placed by a recording
    model::index_vector<unit_id, std::vector<piece>> work_pieces_;
    std::map<std::int32_t, int> occ_pulled_;
    std::map<venue_id, std::vector<span>> venue_ses_;
    std::map<platform_id, std::vector<span>> platform_ses_;
    std::map<instructor_id, std::vector<span>> instr_ses_;
    std::map<venue_id, int> venue_days_;
    std::map<instructor_id, std::int64_t> instr_minutes_;
    std::map<instructor_id, std::int64_t> instr_evening_minutes_;
    std::map<delivery_id, int> pm_count_;
    std::map<unit_id, std::pair<double, double>> unit_unmet_;
    std::map<unit_id, double> unit_shortfall_, unit_weighted_;
    std::map<unit_id, std::int64_t> unit_ah_;
    model::index_vector<demand_id, tmin> due_;  ///< when its placement must end
    std::set<demand_id> explicit_due_;          ///< demand with a deadline of its own
};

}  // namespace

evaluation evaluate(const compiled_model& cm, const solution& sol, const replan_context* rc) {
    return evaluator(cm, sol, rc).run();
}

}  // namespace jadwal::solve::detail
