// The exact model of `solve --exact` (see exact.hpp): candidates tested on the
// plan, one MIP over them, solved level by level with CBC, and the optimum
// rebuilt through the plan's checked mutations.
#include "exact.hpp"

#include <Cbc_C_Interface.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "insertion.hpp"
#include "local_search.hpp"
#include "packing_rows.hpp"

namespace jadwal::solve::detail {

namespace {

constexpr double inf = std::numeric_limits<double>::max();

/// A cohort the MIP may open.
struct candidate {
    delivery_id pm;
    venue_id venue;
    std::int32_t fixed = -1;
    std::vector<instructor_id> instructors;
    std::vector<session_t> sessions;
    int cap = 0;
    int min = 1;
    int half = 0;
    double open_cost = 0;  ///< cost level of opening it, under-fill aside
    double money = 0;      ///< budget cost of the cohort itself (venue days aside)
    bool classroom = false;
};

/// A way to place one demand item: a seat in a candidate cohort or study blocks.
struct option {
    demand_id demand;
    std::int32_t cand = -1;  ///< -1: self-paced
    delivery_id pm;
    std::vector<span> blocks;
    double burden = 0;  ///< separable burden (fairness aside)
    double cost = 0;    ///< separable cost (under-fill aside)
    std::vector<item> items;
};

struct row {
    double lo = -inf;
    double hi = inf;
    row_terms terms;
};

struct mip {
    std::vector<double> lb, ub;
    std::vector<char> integer;
    std::vector<row> rows;
    int add_col(double lo, double hi, bool integral) {
        lb.push_back(lo);
        ub.push_back(hi);
        integer.push_back(integral ? 1 : 0);
        return static_cast<int>(lb.size()) - 1;
    }
    [[nodiscard]] int cols() const { return static_cast<int>(lb.size()); }
};

/// Packing rows `<= limit` into the MIP, those a neighbour implies left out.
auto packing_into(mip& mp) {
    return packing_rows([&mp](double limit, row_terms t) { mp.rows.push_back(row{-inf, limit, std::move(t)}); });
}

struct level_result {
    bool has = false;
    bool proven = false;
    double value = 0;
    /// CBC's best possible objective when it stopped: no solution of the MIP is
    /// lower (-inf when CBC gives none).
    double bound = -inf;
    std::vector<double> x;
};

level_result solve_level(const mip& mp, const std::vector<double>& obj, double seconds, int max_nodes) {
    const int n = mp.cols();
    std::vector<std::vector<std::pair<int, double>>> bycol(static_cast<std::size_t>(n));
    for (std::size_t r = 0; r < mp.rows.size(); ++r)
        for (const auto& [c, v] : mp.rows[r].terms)
            bycol[static_cast<std::size_t>(c)].emplace_back(static_cast<int>(r), v);
    std::vector<CoinBigIndex> st(static_cast<std::size_t>(n) + 1, 0);
    std::vector<int> idx;
    std::vector<double> val;
    for (int c = 0; c < n; ++c) {
        for (const auto& [r, v] : bycol[static_cast<std::size_t>(c)]) idx.push_back(r), val.push_back(v);
        st[static_cast<std::size_t>(c) + 1] = static_cast<CoinBigIndex>(idx.size());
    }
    std::vector<double> rlo, rhi;
    for (const auto& r : mp.rows) rlo.push_back(r.lo), rhi.push_back(r.hi);
    Cbc_Model* model = Cbc_newModel();
    Cbc_loadProblem(model, n, static_cast<int>(mp.rows.size()), st.data(), idx.data(), val.data(), mp.lb.data(),
                    mp.ub.data(), obj.data(), rlo.data(), rhi.data());
    for (int c = 0; c < n; ++c)
        if (mp.integer[static_cast<std::size_t>(c)]) Cbc_setInteger(model, c);
    Cbc_setLogLevel(model, 0);
    Cbc_setAllowableGap(model, 1e-7);
    Cbc_setAllowableFractionGap(model, 0);
    Cbc_setMaximumSeconds(model, std::max(0.5, seconds));
    if (max_nodes >= 0) Cbc_setMaximumNodes(model, max_nodes);
    Cbc_solve(model);
    level_result out;
    // CBC says "none" with a huge value (COIN_DBL_MAX or its negative).
    if (const double b = Cbc_getBestPossibleObjValue(model); std::fabs(b) < 1e30) out.bound = b;
    const double* best = Cbc_bestSolution(model);
    if (best != nullptr) {
        out.has = true;
        out.x.assign(best, best + n);
        out.proven = Cbc_isProvenOptimal(model) != 0;
        out.value = 0;
        for (int c = 0; c < n; ++c) out.value += obj[static_cast<std::size_t>(c)] * out.x[static_cast<std::size_t>(c)];
    }
    Cbc_deleteModel(model);
    return out;
}

/// The first day of a cohort's sessions (not empty); a part holds the cohorts that start in its days.
int starts_on(const std::vector<session_t>& sessions) {
    return std::min_element(sessions.begin(), sessions.end(), [](const session_t& x, const session_t& y) {
               return x.a < y.a;
           })->day;
}

/// The day a self-paced placement's study starts (its earliest block; blocks not empty).
int self_starts_on(const compiled_model& cm, const placement& pc) {
    return cm.day_of(
        std::min_element(pc.blocks.begin(), pc.blocks.end(), [](const span& x, const span& y) { return x.a < y.a; })
            ->a);
}

bool close_to(double a, double b) {
    return std::fabs(a - b) <= 1e-6 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

/// The objective of totals with fairness left out (burden) and under-fill too (cost).
objective3 separable(const compiled_model& cm, totals t) {
    t.fairness = 0;
    t.underfill = 0;
    return objective_of(cm, t);
}

class exact_model {
public:
    /// The whole scenario, on an empty plan.
    exact_model(plan& pl, rng& r) : pl_(pl), cm_(pl.cm), ins_(pl, r), day_hi_(pl.cm.days - 1) {}
    /// A neighbourhood of a plan whose freed part is already out of it:
    /// candidates for the programme's freed demand within the days, the freed
    /// cohorts and self-paced placements among them.
    exact_model(plan& pl, rng& r, const neighbourhood& nb, std::vector<demand_id> freed,
                std::vector<cohort_t> own_cohorts, std::vector<std::pair<demand_id, placement>> own_self)
        : pl_(pl),
          cm_(pl.cm),
          ins_(pl, r),
          whole_(false),
          day_lo_(std::max(0, nb.first_day)),
          day_hi_(std::min(pl.cm.days - 1, nb.last_day)),
          freed_(std::move(freed)),
          own_cohorts_(std::move(own_cohorts)),
          own_self_(std::move(own_self)) {}

    void enumerate();
    void build();
    /// Candidate cohorts and placement options (the model's binary variables, roughly).
    [[nodiscard]] std::size_t size() const { return cands_.size() + opts_.size(); }
    /// Solves the three levels; false when CBC found no solution at all.
    bool solve(double seconds, const std::function<bool()>& stop, int max_nodes = -1);
    /// Rebuilds the MIP's solution in the plan (empty on entry); false on a refused mutation.
    bool rebuild();

    /// Enumeration stops past this many options (size() then tells).
    std::size_t max_columns = exact_max_columns;
    /// Random schedules tried per delivery of several sessions (a neighbourhood;
    /// the whole model enumerates them all).
    int schedules_per_delivery = 0;
    /// The whole model's schedules of several sessions, all deliveries together,
    /// each schedule of a delivery's first sessions counted too (so that branches
    /// nobody can finish still count); past exact_max_schedules enumeration stops
    /// and `too_many_schedules` says so.
    std::size_t schedules = 0;
    bool too_many_schedules = false;
    bool proven = true;
    int levels_proven = 0;  ///< objective levels CBC proved, in order
    /// CBC's bound on the first level it did not prove (when it gave one): over
    /// the candidates, with the levels before at their optimum, no plan is lower.
    std::optional<exact_floor> floor;
    objective3 value;  ///< of the whole plan (the fixed rest's part included)

private:
    void add_cohort_candidate(delivery_id pmi, venue_id venue, std::int32_t fixed,
                              const std::vector<session_t>& sessions);
    void add_cohort_candidate(delivery_id pmi, venue_id venue, std::int32_t fixed,
                              const std::vector<instructor_id>& instructors, const std::vector<session_t>& sessions);
    /// Every schedule of delivery pmi (live, several sessions): its parts in
    /// order, one a day, each at every grid start of the windows, the parts'
    /// spacing kept, as candidates (per venue for classroom). A branch is left as
    /// soon as nobody of the programme is free for all of its sessions.
    void add_every_schedule(delivery_id pmi);
    /// A neighbourhood's own cohort c (several sessions on days of their own,
    /// not fixed) at other times of those days, with its venue and
    /// instructors: all sessions at one clock time, for each clock at which a
    /// session meets an edge of a joinable person's day or of the windows
    /// (random schedules rarely hit the best minute of a day). Each session
    /// shifted alone too was measured: four times the time on examples/office.
    void add_shifted_schedules(const cohort_t& c);
    /// The grid starts of sessions of `len` minutes inside pm's windows on day dd.
    [[nodiscard]] std::vector<tmin> grid_starts(const delivery_c& pm, int dd, int len) const;
    void add_self_options(demand_id d, delivery_id pmi);
    /// Demand d as the plan now places it (the mutation just made): an option with
    /// its separable burden and cost over `before` and the person's items.
    option& record_option(demand_id d, delivery_id pmi, const objective3& before);
    int col_of(std::size_t o) const { return first_option_ + static_cast<int>(o); }
    /// Calls f with each shift occurrence an item of employee e takes them off.
    template <class F>
    void for_each_shift_pull(employee_id e, const item& it, F&& f) const {
        const int off = cm_.employees[e].shift_off;
        if (off < 0) return;
        const int d0 = cm_.day_of(it.a);
        for (int dd = std::max(0, d0 - 1); dd <= std::min(cm_.days - 1, d0 + 1); ++dd) {
            const emp_shift_day& sd = cm_.emp_shift[static_cast<std::size_t>(off) + static_cast<std::size_t>(dd)];
            if (sd.occ >= 0 && sd.a < it.b && it.a < sd.b) f(sd.occ);
        }
    }
    /// Whether instructor i teaches an evening on day d in the plan as it is.
    [[nodiscard]] bool evening_booked(instructor_id i, int d) const {
        for (const auto& bk : pl_.instructor_day(i, d))
            if (cm_.instructor_evening(i, d, bk.a, bk.b)) return true;
        return false;
    }

    plan& pl_;
    const compiled_model& cm_;
    inserter ins_;
    std::vector<candidate> cands_;
    std::set<std::vector<std::int64_t>> seen_;  ///< candidates' keys
    std::vector<option> opts_;
    std::vector<std::vector<demand_id>> demand_of_program_;
    /// The whole scenario, or a neighbourhood of freed_.
    bool whole_ = true;
    int day_lo_ = 0;
    int day_hi_ = 0;
    std::vector<demand_id> freed_;
    std::vector<cohort_t> own_cohorts_;
    std::vector<std::pair<demand_id, placement>> own_self_;
    mip mp_;
    std::vector<double> obj_[3];
    double consts_[3] = {0, 0, 0};  ///< the objective's part the columns do not carry
    int first_option_ = 0;
    std::vector<double> x_;
};

void exact_model::add_cohort_candidate(delivery_id pmi, venue_id venue, std::int32_t fixed,
                                       const std::vector<session_t>& sessions) {
    const program_c& pc = cm_.programs[cm_.deliveries[pmi].program];
    if (pc.per_session <= 0 || pc.instructors.empty()) {
        add_cohort_candidate(pmi, venue, fixed, {}, sessions);
        return;
    }
    // Every choice of per_session of the programme's instructors, in their order.
    std::vector<instructor_id> pick;
    auto choose = [&](auto&& self, std::size_t from) -> void {
        if (static_cast<int>(pick.size()) == pc.per_session) {
            add_cohort_candidate(pmi, venue, fixed, pick, sessions);
            return;
        }
        for (std::size_t i = from; i < pc.instructors.size(); ++i) {
            pick.push_back(pc.instructors[i]);
            self(self, i + 1);
            pick.pop_back();
        }
    };
    choose(choose, 0);
}

void exact_model::add_cohort_candidate(delivery_id pmi, venue_id venue, std::int32_t fixed,
                                       const std::vector<instructor_id>& instructors,
                                       const std::vector<session_t>& sessions) {
    const delivery_c& pm = cm_.deliveries[pmi];
    // Each cohort once (a neighbourhood's own cohorts come first): a duplicate
    // column is a symmetry that branch-and-bound pays for.
    std::vector<std::int64_t> key{pmi.value, venue.value, fixed};
    for (const auto i : instructors) key.push_back(i.value);
    for (const auto& x : sessions) key.push_back(x.a), key.push_back(x.b);
    if (!seen_.insert(std::move(key)).second) return;
    // Venue days the candidate would pay for (those the rest of the plan does not already).
    std::set<int> new_venue_days;
    if (venue.valid())
        for (const auto& x : sessions)
            if (pl_.venue_day(venue, x.day).empty()) new_venue_days.insert(x.day);
    const std::size_t at = pl_.mark();
    const objective3 before = separable(cm_, pl_.tot);
    const double money_before = pl_.money();
    const cohort_id c = pl_.open_cohort(pmi, venue, fixed, instructors, sessions);
    bool ok = pl_.budget_ok();
    for (std::uint32_t k = 0; k < sessions.size() && ok; ++k)
        ok = fixed >= 0 ? true : pl_.session_ok(c, k, sessions[k].day, sessions[k].a, sessions[k].b);
    if (ok && fixed >= 0)
        for (std::uint32_t k = 0; k < sessions.size() && ok; ++k)
            for (const auto i : instructors)
                ok = ok && pl_.instructor_free(i, sessions[k].day, sessions[k].a, sessions[k].b, c);
    if (!ok) {
        pl_.rollback(at);
        return;
    }
    candidate cd;
    cd.pm = pmi;
    cd.venue = venue;
    cd.fixed = fixed;
    cd.sessions = sessions;
    cd.cap = pl_.cohorts[c].cap;
    cd.min = pm.size_min;
    cd.half = pl_.cohorts[c].half;
    const objective3 opened = separable(cm_, pl_.tot);
    cd.open_cost = opened.cost - before.cost;
    cd.instructors = instructors;
    // The cohort's own money: all of it but its venue days (shared with other cohorts on the day).
    cd.money = pl_.money() - money_before;
    if (venue.valid()) cd.money -= cm_.venues[venue].cost_per_day * static_cast<double>(new_venue_days.size());
    cd.classroom = pm.mode == model::delivery_mode::classroom;
    const auto ci = static_cast<std::int32_t>(cands_.size());
    bool any = false;
    for (const demand_id d : demand_of_program_[pm.program]) {
        const employee_id e = cm_.demand[d].employee;
        if (cm_.refuses(e, pm)) continue;
        const std::size_t j = pl_.mark();
        if (pl_.join(c, d)) {
            option& o = record_option(d, pmi, opened);
            o.cand = ci;
            any = true;
        }
        pl_.rollback(j);
    }
    pl_.rollback(at);
    if (any) cands_.push_back(std::move(cd));
}

std::vector<tmin> exact_model::grid_starts(const delivery_c& pm, int dd, int len) const {
    std::set<tmin> starts;
    const tmin base = cm_.day_start[static_cast<std::size_t>(dd)];
    for (const window_c* w = cm_.wins_begin(pm, dd); w != cm_.wins_end(pm, dd); ++w) {
        tmin a = base + ((std::max<tmin>(w->a, base) - base + cm_.granularity - 1) / cm_.granularity) * cm_.granularity;
        for (; a + len <= w->b; a += cm_.granularity) starts.insert(a);
    }
    return {starts.begin(), starts.end()};
}

void exact_model::add_shifted_schedules(const cohort_t& c) {
    const delivery_c& pm = cm_.deliveries[c.pm];
    if (c.fixed >= 0 || pm.parts.size() < 2 || c.sessions.size() != pm.parts.size()) return;
    // Sessions on days of their own, so that no shift reorders or overlaps them
    // (the days, and with them each day's JP and the parts' spacing, stay).
    for (std::size_t j = 1; j < c.sessions.size(); ++j)
        if (c.sessions[j].day <= c.sessions[j - 1].day) return;
    // A person's burden changes slope only where a session meets an edge of their
    // day (work, breaks, leave, duty) or of the windows: the clock times at which
    // an end of some session meets such an edge, of the people who could join.
    const std::size_t n = c.sessions.size();
    auto day_start = [&](std::size_t j) { return cm_.day_start[static_cast<std::size_t>(c.sessions[j].day)]; };
    std::vector<std::vector<tmin>> grids(n);
    std::set<tmin> clocks;
    for (std::size_t j = 0; j < n; ++j) {
        const session_t& x = c.sessions[j];
        const tmin len = x.b - x.a;
        grids[j] = grid_starts(pm, x.day, static_cast<int>(len));
        std::set<tmin> edges;
        for (const window_c* w = cm_.wins_begin(pm, x.day); w != cm_.wins_end(pm, x.day); ++w)
            edges.insert({w->a, w->b});
        std::set<const day_profile*> seen_profiles;  // people's days share profiles
        for (const demand_id d : demand_of_program_[pm.program]) {
            const day_profile& dp = cm_.profile(cm_.demand[d].employee, x.day);
            if (!seen_profiles.insert(&dp).second) continue;
            const std::uint32_t spans = dp.work_n + dp.unav_n + dp.brk_n + dp.duty_n;
            for (std::uint32_t i = 0; i < spans; ++i) {
                const rel_span& r = cm_.profile_spans[dp.off + i];
                edges.insert({day_start(j) + r.a, day_start(j) + r.b});
            }
        }
        for (const tmin a : grids[j])
            if (edges.count(a) != 0 || edges.count(a + len) != 0) clocks.insert(a - day_start(j));
    }
    // All sessions at each such clock time, where every one fits its day's grid.
    std::vector<session_t> ses = c.sessions;
    for (const tmin clock : clocks) {
        bool fits = true;
        for (std::size_t j = 0; j < n && fits; ++j) {
            const tmin a = day_start(j) + clock;
            fits = std::binary_search(grids[j].begin(), grids[j].end(), a);
            ses[j] = {a, a + (c.sessions[j].b - c.sessions[j].a), c.sessions[j].day};
        }
        if (fits) add_cohort_candidate(c.pm, c.venue, -1, c.instructors, ses);
        if (opts_.size() > max_columns) return;
    }
}

void exact_model::add_every_schedule(delivery_id pmi) {
    const delivery_c& pm = cm_.deliveries[pmi];
    if (pm.parts.empty()) return;
    // free[j]: the programme's demand whose person the calendar leaves free for
    // sessions 0..j-1 (travel aside: only a necessary condition of joining).
    std::vector<std::vector<demand_id>> free(pm.parts.size() + 1);
    for (const demand_id d : demand_of_program_[pm.program])
        if (!cm_.refuses(cm_.demand[d].employee, pm)) free[0].push_back(d);
    std::vector<session_t> ses;
    auto place = [&](auto&& self, std::size_t j) -> void {
        if (too_many_schedules || opts_.size() > max_columns) return;
        if (j == pm.parts.size()) {
            if (pm.mode == model::delivery_mode::classroom) {
                for (const auto v : pm.venues) add_cohort_candidate(pmi, v, -1, ses);
            } else {
                add_cohort_candidate(pmi, venue_id{}, -1, ses);
            }
            return;
        }
        // The spacing the search's schedules keep (random_schedule), without its
        // limits on how far a first session or an unrelated module may go.
        const part_c& pt = pm.parts[j];
        const auto [lo, hi] = j == 0 ? std::pair{day_lo_, day_hi_} : later_part_days(cm_, pt, ses);
        for (int dd = lo; dd <= hi; ++dd)
            for (const tmin a : grid_starts(pm, dd, pt.minutes)) {
                const tmin b = a + pt.minutes;
                auto& next = free[j + 1];
                next.clear();
                for (const demand_id d : free[j])
                    if (cm_.available(cm_.demand[d].employee, a, b)) next.push_back(d);
                if (next.empty()) continue;
                if (++schedules > exact_max_schedules) {
                    too_many_schedules = true;
                    return;
                }
                ses.push_back({a, b, dd});
                self(self, j + 1);
                ses.pop_back();
                if (too_many_schedules || opts_.size() > max_columns) return;
            }
    };
    place(place, 0);
}

option& exact_model::record_option(demand_id d, delivery_id pmi, const objective3& before) {
    const objective3 after = separable(cm_, pl_.tot);
    option o;
    o.demand = d;
    o.pm = pmi;
    o.burden = after.burden - before.burden;
    o.cost = after.cost - before.cost;
    for (const auto& it : pl_.items[cm_.demand[d].employee])  // the rest of the plan's items aside
        if (it.demand == d) o.items.push_back(it);
    opts_.push_back(std::move(o));
    return opts_.back();
}

void exact_model::add_self_options(demand_id d, delivery_id pmi) {
    const delivery_c& pm = cm_.deliveries[pmi];
    const demand_c& dc = cm_.demand[d];
    const employee_id e = dc.employee;
    if (cm_.refuses(e, pm) || pm.parts.empty()) return;
    const int last_day = std::min(cm_.days - 1, cm_.day_of(dc.deadline - 1));
    const objective3 before = separable(cm_, pl_.tot);
    const int len0 = pm.parts[0].minutes;
    std::vector<span> blocks(pm.parts.size());
    for (int dd = day_lo_; dd <= std::min(last_day, day_hi_); ++dd) {
        std::set<tmin> starts;
        const tmin base = cm_.day_start[static_cast<std::size_t>(dd)];
        for (const window_c* w = cm_.wins_begin(pm, dd); w != cm_.wins_end(pm, dd); ++w) {
            tmin a =
                base + ((std::max<tmin>(w->a, base) - base + cm_.granularity - 1) / cm_.granularity) * cm_.granularity;
            for (; a + len0 <= w->b; a += cm_.granularity) starts.insert(a);
        }
        const std::size_t first = opts_.size();
        for (const tmin a : starts) {
            if (!pl_.item_ok(e, d, a, a + len0)) continue;
            // Three schedules from this first block: the later blocks at their best
            // time (greedy on burden) from its day on; at the same clock time on the
            // next days where they fit (which keeps a first block in working time
            // so); at their best time on any day, before it too (a first block that
            // takes the week's one long lunch gap leaves an earlier day's to the next).
            for (int variant = 0; variant < 3; ++variant) {
                if (variant >= 1 && pm.parts.size() == 1) break;
                if (variant == 2 && dd == day_lo_) break;  // the same days as the first
                blocks[0] = {a, a + len0};
                pl_.scratch_add(e, pl_.make_item(e, d, 0, a, a + len0));
                std::uint32_t added = 1;
                bool ok = true;
                for (std::uint32_t k = 1; k < pm.parts.size() && ok; ++k) {
                    tmin earliest = 0;
                    const int pre = pm.parts[k].prereq_module;
                    if (pre >= 0) {
                        const auto [p0, n] = pm.module_parts[static_cast<std::size_t>(pre)];
                        for (std::uint32_t j = p0; j < p0 + n; ++j) earliest = std::max(earliest, blocks[j].b);
                    }
                    span best;
                    if (variant != 1) {
                        const int from = variant == 0 ? dd : day_lo_;
                        const int lo = std::max(from, cm_.day_of(earliest));
                        refusal why = refusal::none;
                        ok = ins_.best_block(d, pm, k, earliest, lo, last_day, 1, best, &why);
                    } else {
                        ok = false;
                        const int len = pm.parts[k].minutes;
                        for (int d2 = cm_.day_of(blocks[k - 1].a) + 1; d2 <= last_day && !ok; ++d2) {
                            const tmin a2 = cm_.day_start[static_cast<std::size_t>(d2)] + (a - base);
                            if (a2 < earliest || !cm_.in_window(pm, d2, a2, a2 + len) ||
                                !pl_.item_ok(e, d, a2, a2 + len))
                                continue;
                            best = {a2, a2 + len};
                            ok = true;
                        }
                    }
                    if (!ok) break;
                    blocks[k] = best;
                    pl_.scratch_add(e, pl_.make_item(e, d, static_cast<std::uint16_t>(k), best.a, best.b));
                    ++added;
                }
                for (std::uint32_t j = 0; j < added; ++j) pl_.scratch_remove(e, d, static_cast<std::uint16_t>(j));
                if (!ok) continue;
                bool same = false;
                for (std::size_t q = first; q < opts_.size() && !same; ++q)
                    same = std::equal(blocks.begin(), blocks.end(), opts_[q].blocks.begin(), opts_[q].blocks.end(),
                                      [](const span& x, const span& y) { return x.a == y.a && x.b == y.b; });
                if (same) continue;
                const std::size_t at = pl_.mark();
                if (pl_.self_place(d, pmi, blocks)) record_option(d, pmi, before).blocks = blocks;
                pl_.rollback(at);
                if (opts_.size() > max_columns) return;
            }
        }
        // Keep the day's best few by burden (ties: the earlier start), as many
        // inside working time as with after-hours minutes: the after-hours ones
        // weigh less alone but add to the fairness maximum with other training.
        auto after_hours = [](const option& x) {
            int ah = 0;
            for (const auto& it : x.items) ah += it.after_hours();
            return ah > 0;
        };
        std::stable_sort(opts_.begin() + static_cast<std::ptrdiff_t>(first), opts_.end(),
                         [&](const option& x, const option& y) {
                             const bool ax = after_hours(x), ay = after_hours(y);
                             return ax != ay ? !ax : x.burden < y.burden;
                         });
        std::vector<option> kept;
        std::size_t in_work = 0, outside = 0;
        for (std::size_t i = first; i < opts_.size(); ++i) {
            std::size_t& n = after_hours(opts_[i]) ? outside : in_work;
            if (n < exact_self_per_day) kept.push_back(std::move(opts_[i])), ++n;
        }
        opts_.resize(first);
        for (auto& o : kept) opts_.push_back(std::move(o));
    }
}

void exact_model::enumerate() {
    demand_of_program_.assign(cm_.programs.size(), {});
    std::vector<demand_id> demands = freed_;
    if (whole_)
        for (const demand_id d : cm_.declared_demand()) demands.push_back(d);
    for (const demand_id d : demands) demand_of_program_[cm_.demand[d].program].push_back(d);
    // The neighbourhood's own cohorts first (with their instructors as they were).
    for (const auto& c : own_cohorts_) {
        add_cohort_candidate(c.pm, c.venue, c.fixed, c.instructors, c.sessions);
        if (opts_.size() > max_columns) return;
    }
    for (const auto& c : own_cohorts_) {
        add_shifted_schedules(c);
        if (opts_.size() > max_columns) return;
    }
    for (const delivery_id pmi : cm_.deliveries.indices()) {
        const delivery_c& pm = cm_.deliveries[pmi];
        if (!pm.live || demand_of_program_[pm.program].empty()) continue;
        if (pm.fixed) {
            for (std::size_t f = 0; f < pm.fixed_sessions.size(); ++f) {
                std::vector<session_t> ses;
                for (const auto& x : pm.fixed_sessions[f]) ses.push_back({x.a, x.b, cm_.day_of(x.a)});
                if (ses.empty() || starts_on(ses) < day_lo_ || starts_on(ses) > day_hi_) continue;
                if (pm.platform.valid()) {
                    bool free = true;
                    for (const auto& x : ses)
                        free = free && pl_.platform_free(pm.platform, x.day, x.a, x.b, cohort_id{});
                    if (!free) continue;
                }
                add_cohort_candidate(pmi, venue_id{}, static_cast<std::int32_t>(f), ses);
            }
            continue;
        }
        if (pm.parts.size() != 1 && whole_) {
            add_every_schedule(pmi);
            if (too_many_schedules || opts_.size() > max_columns) return;
            continue;
        }
        if (pm.parts.size() != 1) {
            // Several sessions in a neighbourhood:
            // random schedules of the delivery starting within the days, so the
            // neighbourhood is exact over these and its own cohorts, not over all.
            for (int k = 0; k < schedules_per_delivery; ++k) {
                schedule sc;
                if (ins_.random_schedule(pmi, day_lo_, day_hi_, sc))
                    add_cohort_candidate(pmi, sc.venue, -1, sc.instructors, sc.sessions);
                if (opts_.size() > max_columns) return;
            }
            // And one built around each freed item of the programme (as many at
            // most): times a far venue leaves, which random ones rarely hit.
            const auto& waiting = demand_of_program_[pm.program];
            for (std::size_t k = 0; k < waiting.size() && k < static_cast<std::size_t>(schedules_per_delivery); ++k) {
                schedule sc;
                if (ins_.random_schedule(pmi, day_lo_, day_hi_, sc, waiting[k]))
                    add_cohort_candidate(pmi, sc.venue, -1, sc.instructors, sc.sessions);
                if (opts_.size() > max_columns) return;
            }
            continue;
        }
        const int len = pm.parts[0].minutes;
        for (int dd = day_lo_; dd <= day_hi_; ++dd) {
            for (const tmin a : grid_starts(pm, dd, len)) {
                const std::vector<session_t> ses{{a, a + len, dd}};
                if (pm.mode == model::delivery_mode::classroom) {
                    for (const auto v : pm.venues) add_cohort_candidate(pmi, v, -1, ses);
                } else {
                    add_cohort_candidate(pmi, venue_id{}, -1, ses);
                }
                if (opts_.size() > max_columns) return;
            }
        }
    }
    for (const demand_id d : demands)
        for (const auto pmi : cm_.programs[cm_.demand[d].program].deliveries)
            if (!cm_.deliveries[pmi].live) {
                add_self_options(d, pmi);
                if (opts_.size() > max_columns) return;
            }
    // The neighbourhood's own study blocks, as they were, unless enumerated already.
    auto same_blocks = [](const std::vector<span>& x, const std::vector<span>& y) {
        return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                          [](const span& p, const span& q) { return p.a == q.a && p.b == q.b; });
    };
    for (const auto& [d, pc] : own_self_) {
        const demand_id dd = d;
        const std::vector<span>& blocks = pc.blocks;
        if (std::any_of(opts_.begin(), opts_.end(), [&](const option& o) {
                return o.demand == dd && o.cand < 0 && same_blocks(o.blocks, blocks);
            }))
            continue;
        const objective3 before = separable(cm_, pl_.tot);
        const std::size_t at = pl_.mark();
        if (pl_.self_place(d, pc.pm, pc.blocks)) record_option(d, pc.pm, before).blocks = pc.blocks;
        pl_.rollback(at);
    }
}

void exact_model::build() {
    const auto& w = cm_.weights;
    // Columns: y per candidate, then the options, then the auxiliaries.
    for (std::size_t c = 0; c < cands_.size(); ++c) mp_.add_col(0, 1, true);
    first_option_ = mp_.cols();
    for (std::size_t o = 0; o < opts_.size(); ++o) mp_.add_col(0, 1, true);
    auto set_obj = [&](int level, int col, double v) {
        auto& ob = obj_[level];
        if (ob.size() <= static_cast<std::size_t>(col)) ob.resize(static_cast<std::size_t>(col) + 1, 0.0);
        ob[static_cast<std::size_t>(col)] += v;
    };
    for (std::size_t c = 0; c < cands_.size(); ++c) set_obj(2, static_cast<int>(c), cands_[c].open_cost);
    // The plan as it is (empty, or the rest of a neighbourhood) gives the
    // constant part; the shortfall of people with a shortfall column and the
    // fairness maximum are the columns', so they come out of it.
    const objective3 as_is = objective_of(cm_, pl_.tot);
    consts_[0] = as_is.participation;
    consts_[1] = as_is.burden - w.fairness * static_cast<double>(pl_.tot.fairness);
    consts_[2] = as_is.cost;
    for (std::size_t o = 0; o < opts_.size(); ++o) {
        const demand_c& dc = cm_.demand[opts_[o].demand];
        set_obj(0, col_of(o), -(dc.mandatory ? w.unmet_mandatory : w.unmet_elective) * cm_.programs[dc.program].jp);
        set_obj(1, col_of(o), opts_[o].burden);
        set_obj(2, col_of(o), opts_[o].cost);
    }
    auto add_row = [&](double lo, double hi, row_terms terms) {
        row r;
        r.lo = lo;
        r.hi = hi;
        r.terms = std::move(terms);
        mp_.rows.push_back(std::move(r));
    };
    // Each demand at most once.
    model::index_vector<demand_id, std::vector<int>> of_demand(cm_.declared);
    for (std::size_t o = 0; o < opts_.size(); ++o) of_demand[opts_[o].demand].push_back(col_of(o));
    for (const auto& cols : of_demand) {
        if (cols.size() < 2) continue;
        row_terms t;
        for (const int c : cols) t.emplace_back(c, 1.0);
        add_row(-inf, 1, std::move(t));
    }
    // Cohort size, under-fill.
    std::vector<std::vector<int>> members(cands_.size());
    for (std::size_t o = 0; o < opts_.size(); ++o)
        if (opts_[o].cand >= 0) members[static_cast<std::size_t>(opts_[o].cand)].push_back(col_of(o));
    for (std::size_t c = 0; c < cands_.size(); ++c) {
        const auto yc = static_cast<int>(c);
        row_terms t;
        for (const int x : members[c]) t.emplace_back(x, 1.0);
        for (const int x : members[c]) add_row(-inf, 0, {{x, 1.0}, {yc, -1.0}});  // tightens the relaxation
        auto hi = t;
        hi.emplace_back(yc, -static_cast<double>(cands_[c].cap));
        add_row(-inf, 0, std::move(hi));
        auto lo = t;
        lo.emplace_back(yc, -static_cast<double>(cands_[c].min));
        add_row(0, inf, std::move(lo));
        if (cands_[c].half > 0 && w.cohort_underfilled != 0) {
            const int u = mp_.add_col(0, cands_[c].half, false);
            set_obj(2, u, w.cohort_underfilled);
            auto uf = t;
            uf.emplace_back(u, 1.0);
            uf.emplace_back(yc, -static_cast<double>(cands_[c].half));
            add_row(0, inf, std::move(uf));
        }
    }
    // Per employee: the options' items.
    model::index_vector<employee_id, std::vector<std::pair<std::size_t, const item*>>> by_emp(cm_.employees.size());
    for (std::size_t o = 0; o < opts_.size(); ++o)
        for (const auto& it : opts_[o].items) by_emp[cm_.demand[opts_[o].demand].employee].emplace_back(o, &it);
    int fair = -1;
    if (w.fairness != 0) {
        fair = mp_.add_col(pl_.tot.fairness, inf, false);  // at least the rest of the plan's maximum
        set_obj(1, fair, w.fairness);
    }
    std::map<std::tuple<unit_id, int, int>, std::map<int, double>> unit_slots;
    // The same per candidate cohort, against its own y: members of one unit in one
    // cohort train at the same time, so at most the unit's limit of them (a cut
    // that the relaxation needs, else it spreads people thinly over cohorts).
    std::map<std::tuple<std::int32_t, unit_id, int, int>, std::map<int, double>> cohort_slots;
    std::map<std::int32_t, std::map<employee_id, std::set<int>>> shift_pulls;  // occ -> employee -> cols
    for (const employee_id e : cm_.employees.indices()) {
        const auto& its = by_emp[e];
        if (its.empty()) continue;
        // No two items overlap: at each start, the options covering it take at most one.
        std::vector<tmin> starts;
        for (const auto& [o, it] : its) starts.push_back(it->a);
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
        auto overlaps = packing_into(mp_);
        for (const tmin t : starts) {
            std::vector<int> cols;
            std::set<demand_id> demands;
            for (const auto& [o, it] : its)
                if (it->a <= t && t < it->b) cols.push_back(col_of(o)), demands.insert(opts_[o].demand);
            if (demands.size() < 2) continue;
            std::sort(cols.begin(), cols.end());
            cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
            row_terms t2;
            for (const int c : cols) t2.emplace_back(c, 1.0);
            overlaps.add(1, std::move(t2));
        }
        overlaps.flush();
        // Minutes per local day and week.
        std::map<int, std::map<int, double>> day_len, day_ah, week_ah;
        for (const auto& [o, it] : its) {
            day_len[it->lday][col_of(o)] += it->length();
            if (it->after_hours() > 0) {
                day_ah[it->lday][col_of(o)] += it->after_hours();
                week_ah[it->week][col_of(o)] += it->after_hours();
            }
        }
        // Each less what the person's items in the rest of the plan already use.
        auto limit_rows = [&](const std::map<int, std::map<int, double>>& by, int limit, auto used) {
            if (limit < 0) return;
            for (const auto& [k, cols] : by) {
                double sum = 0;
                row_terms t;
                for (const auto& [c, v] : cols) sum += v, t.emplace_back(c, v);
                const int left = limit - used(k);
                if (sum > left) add_row(-inf, left, std::move(t));
            }
        };
        limit_rows(day_len, cm_.max_training_per_day, [&](int ld) { return pl_.day_minutes(e, ld); });
        limit_rows(day_ah, cm_.max_ah_per_day, [&](int ld) { return pl_.day_after_hours(e, ld); });
        limit_rows(week_ah, cm_.max_ah_per_week, [&](int wk) { return pl_.week_after_hours(e, wk); });
        if (fair >= 0)
            for (const auto& [k, cols] : week_ah) {
                row_terms t{{fair, 1.0}};
                for (const auto& [c, v] : cols) t.emplace_back(c, -v);
                add_row(pl_.week_after_hours(e, k), inf, std::move(t));
            }
        // Unit slots as the plan counts them, and shift pulls.
        const unit_id u = cm_.employees[e].unit;
        const auto& ec = cm_.employees[e];
        for (const auto& [o, it] : its) {
            const int col = col_of(o);
            if (it->work > 0)
                cm_.for_each_work_piece_on(e, it->a, it->b, [&](int dd, tmin x, tmin y) {
                    const tmin base = cm_.day_start[static_cast<std::size_t>(dd)];
                    const int s0 = (x - base) / cm_.granularity;
                    const int s1 = std::min(cm_.slots_per_day, (y - base + cm_.granularity - 1) / cm_.granularity);
                    for (int sl = s0; sl < s1; ++sl) {
                        unit_slots[{u, dd, sl}][col] += 1;
                        if (opts_[o].cand >= 0) cohort_slots[{opts_[o].cand, u, dd, sl}][col] += 1;
                    }
                });
            if (ec.shift_off >= 0)
                for_each_shift_pull(e, *it, [&](std::int32_t occ) {
                    // One the rest of the plan already pulls off this shift counts already.
                    bool pulled = false;
                    for (const auto& fixed : pl_.items[e])
                        for_each_shift_pull(e, fixed, [&](std::int32_t o2) { pulled = pulled || o2 == occ; });
                    if (!pulled) shift_pulls[occ][e].insert(col);
                });
        }
    }
    {
        // A unit's room at one grid slot, and that slot's terms with their sum.
        const auto room = [&](unit_id u, int day, int slot) {
            return cm_.units[u].limit - pl_.unit_count(u, day, slot);
        };
        const auto terms_of = [](const std::map<int, double>& cols, double& sum) {
            row_terms t;
            sum = 0;
            for (const auto& [c, v] : cols) sum += v, t.emplace_back(c, v);
            return t;
        };
        auto slots = packing_into(mp_);
        for (const auto& [key, cols] : unit_slots) {
            const int limit = room(std::get<0>(key), std::get<1>(key), std::get<2>(key));
            double sum = 0;
            auto t = terms_of(cols, sum);
            if (sum > limit) slots.add(limit, std::move(t));
        }
        slots.flush();
        for (const auto& [key, cols] : cohort_slots) {
            const int limit = room(std::get<1>(key), std::get<2>(key), std::get<3>(key));
            double sum = 0;
            auto t = terms_of(cols, sum);
            if (sum <= limit) continue;
            t.emplace_back(std::get<0>(key), -static_cast<double>(limit));
            slots.add(0, std::move(t));
        }
    }
    for (const auto& [occ, emps] : shift_pulls) {
        const int allowed = cm_.shift_occurrences[static_cast<std::size_t>(occ)].allowed_pull -
                            pl_.pulled(static_cast<std::uint32_t>(occ));
        if (static_cast<int>(emps.size()) <= allowed) continue;
        row_terms t;
        for (const auto& [e, cols] : emps) {
            const int z = mp_.add_col(0, 1, true);
            for (const int c : cols) add_row(0, inf, {{z, 1.0}, {c, -1.0}});
            t.emplace_back(z, 1.0);
        }
        add_row(-inf, allowed, std::move(t));
    }
    // Venues and instructors (one session at a time) and platforms (concurrent sessions).
    using intervals = std::vector<std::tuple<tmin, tmin, int>>;  // a session's [a, b) and its candidate
    std::map<venue_id, intervals> venue_sessions;
    std::map<platform_id, intervals> platform_sessions;
    std::map<instructor_id, intervals> instructor_sessions;
    for (std::size_t c = 0; c < cands_.size(); ++c) {
        const auto& cd = cands_[c];
        const delivery_c& pm = cm_.deliveries[cd.pm];
        for (const auto& s : cd.sessions) {
            if (cd.venue.valid()) venue_sessions[cd.venue].emplace_back(s.a, s.b, static_cast<int>(c));
            if (pm.platform.valid()) platform_sessions[pm.platform].emplace_back(s.a, s.b, static_cast<int>(c));
            for (const auto i : cd.instructors) instructor_sessions[i].emplace_back(s.a, s.b, static_cast<int>(c));
        }
    }
    // Instructors: minutes a day, days a month, evenings a week.
    {
        std::map<std::pair<instructor_id, int>, row_terms> day_minutes, day_cands, evening_cands;
        for (std::size_t c = 0; c < cands_.size(); ++c)
            for (const auto i : cands_[c].instructors)
                for (const auto& x : cands_[c].sessions) {
                    day_minutes[{i, x.day}].emplace_back(static_cast<int>(c), x.b - x.a);
                    day_cands[{i, x.day}].emplace_back(static_cast<int>(c), 1.0);
                    if (cm_.instructor_evening(i, x.day, x.a, x.b))
                        evening_cands[{i, x.day}].emplace_back(static_cast<int>(c), 1.0);
                }
        for (const auto& [key, t] : day_minutes) {
            double sum = 0;
            for (const auto& [c, v] : t) sum += v;
            const int limit = cm_.instructors[key.first].max_minutes_per_day -
                              pl_.instructor_day_minutes(key.first, key.second);
            if (sum > limit) add_row(-inf, limit, t);
        }
        // A binary per (instructor, day) that any of its candidates opens, counted per
        // month / week; a day the rest of the plan already counts adds nothing.
        auto counted = [&](const std::map<std::pair<instructor_id, int>, row_terms>& by, auto period_of, auto limit_of,
                           auto booked) {
            std::map<std::pair<instructor_id, int>, row_terms> per;
            for (const auto& [key, t] : by) {
                if (booked(key.first, key.second)) continue;
                const int dcol = mp_.add_col(0, 1, true);
                for (const auto& [c, v] : t) add_row(0, inf, {{dcol, 1.0}, {c, -1.0}});
                per[{key.first, period_of(key.second)}].emplace_back(dcol, 1.0);
            }
            for (const auto& [key, t] : per) {
                int limit = limit_of(key.first);
                if (limit < 0) continue;
                for (int d = 0; d < cm_.days; ++d)
                    if (period_of(d) == key.second && booked(key.first, d)) --limit;
                if (static_cast<int>(t.size()) > limit) add_row(-inf, limit, t);
            }
        };
        counted(
            day_cands, [&](int d) { return cm_.day[static_cast<std::size_t>(d)].month; },
            [&](instructor_id i) { return cm_.instructors[i].max_days_per_month; },
            [&](instructor_id i, int d) { return !pl_.instructor_day(i, d).empty(); });
        counted(
            evening_cands, [&](int d) { return cm_.week_of(d); },
            [&](instructor_id i) { return cm_.instructors[i].evenings_per_week; },
            [&](instructor_id i, int d) { return evening_booked(i, d); });
    }
    // At each start of a resource's sessions, the candidates running then within
    // `limit_at(t)`. Venues and instructors: each candidate is clear of the rest of
    // the plan (checked when it was made), so one at a time among the candidates.
    // Platforms: their concurrency less the rest's sessions running then.
    const auto at_once = [&](const intervals& ivs, auto limit_at) {
        std::vector<tmin> starts;
        for (const auto& iv : ivs) starts.push_back(std::get<0>(iv));
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
        auto rows = packing_into(mp_);
        for (const tmin t : starts) {
            std::vector<int> cols;
            for (const auto& [a, b, c] : ivs)
                if (a <= t && t < b) cols.push_back(c);
            std::sort(cols.begin(), cols.end());
            cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
            const int limit = limit_at(t);
            if (static_cast<int>(cols.size()) <= limit) continue;
            row_terms t2;
            for (const int c : cols) t2.emplace_back(c, 1.0);
            rows.add(limit, std::move(t2));
        }
    };
    const auto one_at_a_time = [](tmin) { return 1; };
    for (const auto& [v, ivs] : venue_sessions) at_once(ivs, one_at_a_time);
    for (const auto& [p, ivs] : platform_sessions)
        at_once(ivs, [&, p = p](tmin t) {
            int limit = cm_.platforms[p].concurrent;
            for (const auto& bk : pl_.platform_day(p, cm_.day_of(t)))
                if (bk.a <= t && t < bk.b) --limit;
            return limit;
        });
    for (const auto& [i, ivs] : instructor_sessions) at_once(ivs, one_at_a_time);
    // Budget.
    if (cm_.budget_classroom >= 0) {
        row_terms t;
        for (std::size_t c = 0; c < cands_.size(); ++c)
            if (cands_[c].classroom) t.emplace_back(static_cast<int>(c), 1.0);
        const auto left = static_cast<double>(cm_.budget_classroom - pl_.tot.classroom_cohorts);
        if (static_cast<double>(t.size()) > left) add_row(-inf, left, std::move(t));
    }
    if (cm_.budget_cost >= 0) {
        row_terms t;
        std::map<std::pair<venue_id, int>, int> venue_day;
        for (std::size_t c = 0; c < cands_.size(); ++c) {
            const auto& cd = cands_[c];
            if (cd.money != 0) t.emplace_back(static_cast<int>(c), cd.money);
            if (!cd.venue.valid() || cm_.venues[cd.venue].cost_per_day == 0) continue;
            for (const auto& s : cd.sessions) {
                if (!pl_.venue_day(cd.venue, s.day).empty()) continue;  // paid already
                auto [at, fresh] = venue_day.emplace(std::make_pair(cd.venue, s.day), -1);
                if (fresh) {
                    at->second = mp_.add_col(0, 1, true);
                    t.emplace_back(at->second, cm_.venues[cd.venue].cost_per_day);
                }
                add_row(0, inf, {{at->second, 1.0}, {static_cast<int>(c), -1.0}});
            }
        }
        add_row(-inf, cm_.budget_cost * (1 + 1e-9) - pl_.money(), std::move(t));
    }
    // PPPK cap and JP shortfall.
    model::index_vector<employee_id, row_terms> jp_of(cm_.employees.size());
    for (std::size_t o = 0; o < opts_.size(); ++o) {
        const demand_c& dc = cm_.demand[opts_[o].demand];
        jp_of[dc.employee].emplace_back(col_of(o), cm_.programs[dc.program].jp);
    }
    for (const employee_id e : cm_.employees.indices()) {
        const auto& ec = cm_.employees[e];
        // JP earned this year (history) use up the cap and count toward the target.
        if (ec.jp_cap >= 0 && !jp_of[e].empty()) {
            const int left = std::max(0, ec.jp_cap - ec.jp_earned) - pl_.placed_jp[e];
            double sum = 0;
            for (const auto& [c, v] : jp_of[e]) sum += v;
            if (sum > left) add_row(-inf, left, jp_of[e]);
        }
        // The whole scenario: every person with a target has a shortfall column; a
        // neighbourhood: those with options (the others' shortfall is constant).
        const int short_now = ec.jp_target - ec.jp_earned - pl_.placed_jp[e];
        if (short_now > 0 && w.jp_shortfall != 0 && (whole_ || !jp_of[e].empty())) {
            const int sf = mp_.add_col(0, inf, false);
            set_obj(0, sf, w.jp_shortfall);
            consts_[0] -= w.jp_shortfall * short_now;
            auto t = jp_of[e];
            t.emplace_back(sf, 1.0);
            add_row(short_now, inf, std::move(t));
        }
    }
    for (auto& ob : obj_) ob.resize(static_cast<std::size_t>(mp_.cols()), 0.0);
}

bool exact_model::solve(double seconds, const std::function<bool()>& stop, int max_nodes) {
    const auto started = std::chrono::steady_clock::now();
    double values[3] = {0, 0, 0};
    for (int level = 0; level < 3; ++level) {
        const double used = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (level > 0 && (stop && stop())) {
            proven = false;
            break;
        }
        const level_result lr = solve_level(mp_, obj_[level], seconds - used, max_nodes);
        if (!lr.proven && lr.bound > -inf)
            floor = exact_floor{level, consts_[static_cast<std::size_t>(level)] + lr.bound};
        if (!lr.has) {
            proven = false;
            break;
        }
        x_ = lr.x;
        proven = proven && lr.proven;
        if (lr.proven) ++levels_proven;
        values[level] = lr.value;
        if (!lr.proven) break;
        // Fix this level at its optimum for the next.
        row r;
        r.hi = lr.value + 1e-7 * std::max(1.0, std::fabs(lr.value));
        for (int c = 0; c < mp_.cols(); ++c)
            if (obj_[level][static_cast<std::size_t>(c)] != 0)
                r.terms.emplace_back(c, obj_[level][static_cast<std::size_t>(c)]);
        mp_.rows.push_back(std::move(r));
    }
    if (x_.empty()) return false;
    // The objective of the solution in hand, every level.
    for (int level = 0; level < 3; ++level) {
        values[level] = 0;
        for (int c = 0; c < mp_.cols(); ++c)
            values[level] += obj_[level][static_cast<std::size_t>(c)] * x_[static_cast<std::size_t>(c)];
    }
    value.participation = consts_[0] + values[0];
    value.burden = consts_[1] + values[1];
    value.cost = consts_[2] + values[2];
    return true;
}

bool exact_model::rebuild() {
    std::vector<cohort_id> opened(cands_.size());  // invalid: the candidate stays closed
    for (std::size_t c = 0; c < cands_.size(); ++c) {
        if (x_[c] < 0.5) continue;
        const auto& cd = cands_[c];
        opened[c] = pl_.open_cohort(cd.pm, cd.venue, cd.fixed, cd.instructors, cd.sessions);
    }
    // The cohorts together: each session's resources with the others booked.
    for (std::size_t c = 0; c < cands_.size(); ++c) {
        if (!opened[c].valid()) continue;
        const cohort_id oc = opened[c];
        const auto& ses = cands_[c].sessions;
        for (std::uint32_t k = 0; k < ses.size(); ++k) {
            if (cands_[c].fixed < 0 && !pl_.session_ok(oc, k, ses[k].day, ses[k].a, ses[k].b)) return false;
            for (const auto i : cands_[c].instructors)
                if (!pl_.instructor_free(i, ses[k].day, ses[k].a, ses[k].b, oc, ses[k].day)) return false;
        }
    }
    for (std::size_t o = 0; o < opts_.size(); ++o) {
        if (x_[static_cast<std::size_t>(col_of(o))] < 0.5) continue;
        const option& op = opts_[o];
        bool ok = op.cand >= 0 ? pl_.join(opened[static_cast<std::size_t>(op.cand)], op.demand)
                               : pl_.self_place(op.demand, op.pm, op.blocks);
        if (!ok) return false;
    }
    for (std::size_t c = 0; c < cands_.size(); ++c)
        if (opened[c].valid() && static_cast<int>(pl_.cohorts[opened[c]].members.size()) < cands_[c].min) return false;
    return pl_.budget_ok();
}

}  // namespace

std::string_view exact_unsupported(const compiled_model& cm, bool neighbourhood) {
    // Top-up is placed after the neighbourhoods (never before, unless re-planning).
    if (!neighbourhood && cm.demand.size() > cm.declared) return "top-up of catalogue programmes";
    if (cm.duty_max_days >= 0) return "assigned duty";
    for (const auto& p : cm.profiles)
        if (p.duty_n > 0) return "assigned duty";
    for (const auto& e : cm.employees)
        if (e.rostered_off >= 0) return "days off in lieu";
    for (const auto& pm : cm.deliveries) {
        const program_c& pc = cm.programs[pm.program];
        if (pc.per_session > 0 && pc.instructors.size() > 6) return "a choice among more than six instructors";
    }
    return {};
}

void check_exact(const text::messages& m, const compiled_model& cm, const solve_options& opts) {
    auto refuse = [&](std::string_view rule) {
        throw solve_error(m.format("the exact model (--exact) does not hold {}; solve without --exact", m.tr(rule)));
    };
    if (opts.exact_seconds <= 0) throw solve_error(std::string(m.tr("the exact time box must be positive")));
    if (opts.previous) refuse("re-planning against a previous plan");
    if (static_cast<int>(cm.employees.size()) > exact_max_employees)
        throw solve_error(
            m.format("the exact model (--exact) takes at most {} employees, not {}; solve without --exact",
                     exact_max_employees, cm.employees.size()));
    if (const auto rule = exact_unsupported(cm); !rule.empty()) refuse(rule);
}

neighbourhood_outcome resolve_neighbourhood(plan& pl, rng& r, const neighbourhood& nb, const neighbourhood_params& p) {
    const compiled_model& cm = pl.cm;
    neighbourhood_outcome out;
    out.before = out.after = pl.objective();
    if (pl.previous() != nullptr || !exact_unsupported(cm, true).empty()) {
        out.unsupported = true;
        return out;
    }
    auto inside = [&](int day) { return day >= nb.first_day && day <= nb.last_day; };
    const std::size_t at = pl.mark();
    std::vector<char> chosen(cm.programs.size(), 0);
    for (const auto q : nb.programs) chosen[q] = 1;
    // Their unplaced demand (before the freed become unplaced too).
    std::vector<demand_id> unplaced;
    for (const demand_id d : cm.declared_demand())
        if (chosen[cm.demand[d].program] && pl.place[d].kind == place_kind::none) unplaced.push_back(d);
    // Free their cohorts that start within the days, with the members (later
    // sessions may fall after the days: the candidates' may too).
    std::vector<demand_id> freed;
    std::vector<cohort_t> own_cohorts;
    std::vector<cohort_id> cohorts;
    for (const auto q : nb.programs)
        cohorts.insert(cohorts.end(), pl.program_cohorts[q].begin(), pl.program_cohorts[q].end());
    std::sort(cohorts.begin(), cohorts.end());
    cohorts.erase(std::unique(cohorts.begin(), cohorts.end()), cohorts.end());
    for (const cohort_id c : cohorts) {
        const cohort_t& co = pl.cohorts[c];
        if (co.sessions.empty() || !inside(starts_on(co.sessions))) continue;
        own_cohorts.push_back(co);
        for (const demand_id d : own_cohorts.back().members) {
            freed.push_back(d);
            pl.leave(d);
        }
        pl.close_cohort(c);
    }
    // Their study blocks that start within the days, and some of their unplaced demand.
    std::vector<std::pair<demand_id, placement>> own_self;
    for (const demand_id d : cm.declared_demand()) {
        if (!chosen[cm.demand[d].program]) continue;
        const placement& pc = pl.place[d];
        if (pc.kind == place_kind::self && !pc.blocks.empty() && inside(self_starts_on(cm, pc))) {
            own_self.emplace_back(d, pc);
            freed.push_back(d);
            pl.self_remove(d);
        }
    }
    for (std::size_t i = 0; i < unplaced.size() && i < p.max_unplaced; ++i) {
        std::swap(unplaced[i], unplaced[i + r.below(static_cast<std::uint32_t>(unplaced.size() - i))]);
        freed.push_back(unplaced[i]);
    }
    std::sort(freed.begin(), freed.end());
    out.freed = freed.size();
    exact_model em(pl, r, nb, std::move(freed), std::move(own_cohorts), std::move(own_self));
    em.max_columns = p.max_columns;
    em.schedules_per_delivery = p.schedules_per_delivery;
    em.enumerate();
    out.columns = em.size();
    if (em.size() > p.max_columns) {
        out.too_large = true;
        pl.rollback(at);
        return out;
    }
    if (em.size() == 0) {  // nothing to place: the plan as it was is the part's optimum
        pl.rollback(at);
        out.solved = out.proven = out.agrees = out.empty = true;
        return out;
    }
    em.build();
    const double box = p.seconds_left ? std::min(p.seconds, p.seconds_left()) : p.seconds;
    if (box <= 0 || !em.solve(box, {}, p.max_nodes) || !em.rebuild()) {
        pl.rollback(at);
        return out;
    }
    out.solved = true;
    out.proven = em.proven;
    const objective3 now = pl.objective();
    out.found = now;
    out.agrees = close_to(now.participation, em.value.participation) && close_to(now.burden, em.value.burden) &&
                 close_to(now.cost, em.value.cost);
    if (!better(now, out.before)) {
        pl.rollback(at);
        return out;
    }
    pl.commit();
    out.improved = true;
    out.after = now;
    return out;
}

neighbourhoods_summary exact_neighbourhoods(plan& pl, rng& r, int count, int window_days,
                                            const neighbourhood_params& p, const std::function<bool()>& stop) {
    const compiled_model& cm = pl.cm;
    neighbourhoods_summary sum;
    std::vector<std::uint32_t> programs;
    {
        std::vector<char> has(cm.programs.size(), 0);
        for (const demand_id d : cm.declared_demand()) has[cm.demand[d].program] = 1;
        for (std::uint32_t q = 0; q < has.size(); ++q)
            if (has[q]) programs.push_back(q);
    }
    if (programs.empty() || cm.days <= 0) return sum;
    // Programmes that share a person.
    const std::size_t programs_n = cm.programs.size();
    std::vector<char> shares(programs_n * programs_n, 0);
    {
        model::index_vector<employee_id, std::vector<std::uint32_t>> of_employee(cm.employees.size());
        for (const demand_id d : cm.declared_demand())
            of_employee[cm.demand[d].employee].push_back(cm.demand[d].program);
        for (const auto& qs : of_employee)
            for (const auto a : qs)
                for (const auto b : qs) shares[a * programs_n + b] = 1;
    }
    const int window = window_days <= 0 ? cm.days : std::min(window_days, cm.days);
    for (int k = 0; k < count; ++k) {
        if (stop && stop()) {
            sum.not_run = count - k;
            break;
        }
        neighbourhood nb;
        nb.programs.push_back(programs[r.below(static_cast<std::uint32_t>(programs.size()))]);
        // Up to two more: half the time among those that share people with it (a
        // seat given up for another programme's), else any (a budget, a venue, an
        // instructor or a unit's staffing shared).
        const std::uint32_t more = r.below(3);
        const bool by_people = r.chance(1, 2);
        std::vector<std::uint32_t> near;
        for (const auto q : programs)
            if (q != nb.programs[0] && shares[nb.programs[0] * programs_n + q]) near.push_back(q);
        if (!by_people || near.empty()) {
            near.clear();
            for (const auto q : programs)
                if (q != nb.programs[0]) near.push_back(q);
        }
        for (std::uint32_t j = 0; j < more && !near.empty(); ++j) {
            const std::uint32_t at = r.below(static_cast<std::uint32_t>(near.size()));
            nb.programs.push_back(near[at]);
            near.erase(near.begin() + at);
        }
        // The days around where the first programme has something (a cohort or
        // study that starts then), so that a window shorter than the horizon
        // frees something; uniform when it has nothing placed.
        std::vector<int> starts;
        if (window < cm.days) {
            for (const cohort_id c : pl.program_cohorts[nb.programs[0]])
                if (!pl.cohorts[c].sessions.empty()) starts.push_back(starts_on(pl.cohorts[c].sessions));
            for (const demand_id d : cm.declared_demand())
                if (cm.demand[d].program == nb.programs[0] && pl.place[d].kind == place_kind::self &&
                    !pl.place[d].blocks.empty())
                    starts.push_back(self_starts_on(cm, pl.place[d]));
        }
        if (starts.empty()) {
            nb.first_day = r.between(0, cm.days - window);
        } else {
            const int around = starts[r.below(static_cast<std::uint32_t>(starts.size()))];
            nb.first_day = std::clamp(around - r.between(0, window - 1), 0, cm.days - window);
        }
        nb.last_day = nb.first_day + window - 1;
        const auto o = resolve_neighbourhood(pl, r, nb, p);
        ++sum.tried;
        sum.too_large += o.too_large ? 1 : 0;
        sum.empty += o.empty ? 1 : 0;
        sum.improved += o.improved ? 1 : 0;
        sum.proven += o.proven && !o.empty ? 1 : 0;
    }
    return sum;
}

bool exact_agrees(const exact_outcome& o, double participation, double burden, double cost) {
    return o.optimal && close_to(o.mip.participation, participation) && close_to(o.mip.burden, burden) &&
           close_to(o.mip.cost, cost);
}

exact_outcome solve_exact(const text::messages& m, plan& pl, rng& r, refusal_log& log, const exact_params& p) {
    exact_outcome out;
    const auto started = std::chrono::steady_clock::now();
    exact_model em(pl, r);
    em.enumerate();
    if (em.too_many_schedules)
        throw solve_error(
            m.format("the exact model (--exact) would need more than {} schedules of modules in several "
                     "sessions; solve without --exact",
                     exact_max_schedules));
    if (em.size() > exact_max_columns)
        throw solve_error(m.format("the exact model (--exact) would need more than {} variables; solve without --exact",
                                   exact_max_columns));
    em.build();
    const double used = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    bool rebuilt = false;
    if (em.solve(p.seconds - used, p.stop, p.max_nodes)) {
        const std::size_t at = pl.mark();
        bool ok = em.rebuild();
        if (ok && em.proven) {
            const objective3 now = pl.objective();
            ok = close_to(now.participation, em.value.participation) && close_to(now.burden, em.value.burden) &&
                 close_to(now.cost, em.value.cost);
        }
        if (ok) {
            pl.commit();
            rebuilt = true;
        } else {
            pl.rollback(at);
            out.notes.push_back(std::string(
                m.tr("the exact model's plan does not rebuild with the objective it was solved for (a modelling gap); "
                     "the plan is the search's and is not proven optimal")));
        }
    }
    // A normal search runs too: the better plan is kept. When the exact plan is
    // proven, its optimum is over the candidates, and a search that does better
    // shows a plan outside them: then nothing is claimed.
    plan alt(pl.cm);
    construct(alt, r, log, p.stop);
    if (p.max_moves != 0) {
        search_params sp;
        sp.max_moves = p.max_moves;
        sp.stop = p.stop;
        out.moves = local_search(alt, r, log, sp).moves;
        final_repair(alt, r, log, p.cancelled);
    }
    if (rebuilt && em.proven) {
        out.mip = em.value;
        if (better(alt.objective(), pl.objective())) {
            pl.assign(alt);
            out.notes.push_back(std::string(
                m.tr("the search found a better plan than the exact model's candidate cohorts and study blocks "
                     "allow; the plan is the search's and is not proven optimal")));
            return out;
        }
        out.optimal = true;
        out.notes.push_back(std::string(
            m.tr("proven optimal by the exact model (--exact) over its candidate cohorts and study blocks")));
        return out;
    }
    if (rebuilt || out.notes.empty())
        out.notes.push_back(
            m.format("the exact model's time box ran out after it proved {} of the 3 objective levels; the plan is "
                     "the better of its best plan and the search's",
                     em.levels_proven));
    if (!rebuilt || better(alt.objective(), pl.objective())) pl.assign(alt);
    // The gap on the first level CBC did not prove.
    if (em.floor) {
        out.floor = em.floor;
        const objective3 now = pl.objective();
        const double levels[3] = {now.participation, now.burden, now.cost};
        const int l = em.floor->level;
        const std::string_view name = l == 0   ? m.tr_in("objective level", "participation")
                                      : l == 1 ? m.tr_in("objective level", "burden")
                                               : m.tr_in("objective level", "cost");
        out.notes.push_back(
            m.format("the exact model's bound when CBC stopped: over its candidates, with the levels "
                     "before at their proven optimum, {} cannot go below {}; this plan's is {}",
                     name, m.number(em.floor->value, 1), m.number(levels[l], 1)));
    }
    return out;
}

}  // namespace jadwal::solve::detail
