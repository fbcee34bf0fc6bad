// Insertion heuristics shared by the construction and the local search:
// finding study-block times for one person, building a cohort schedule that
// its resources allow, estimating who could join it, and seating people.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "plan.hpp"
#include "random.hpp"

namespace jadwal::solve::detail {

/// A cohort that is not open yet.
struct schedule {
    delivery_id pm;
    venue_id venue;  ///< classroom; invalid otherwise
    std::int32_t fixed = -1;
    std::vector<instructor_id> instructors;
    std::vector<session_t> sessions;
};

/// The dates a later part of a schedule may take, [first, last], given its
/// sessions so far (one per part before it, at least one): a later date than the
/// session before, a module's next part within 7 days of its previous one, and
/// the gap days after the prerequisite module's last part (docs/model.md
/// "Sessions and windows"). Empty when first > last.
inline std::pair<int, int> later_part_days(const compiled_model& cm, const part_c& pt,
                                           const std::vector<session_t>& so_far) {
    int lo = so_far.back().day + 1;
    int hi = cm.days - 1;
    if (pt.prev >= 0) hi = std::min(hi, so_far[static_cast<std::size_t>(pt.prev)].day + 7);
    if (pt.prereq_last >= 0) {
        const int pd = so_far[static_cast<std::size_t>(pt.prereq_last)].day;
        lo = std::max(lo, pd + pt.gap_min);
        if (pt.gap_max >= 0) hi = std::min(hi, pd + pt.gap_max);
    }
    return {lo, hi};
}

/// The days a schedule being built adds to its instructors' months, so that its
/// later sessions count its earlier ones against `max_days_per_month`.
class instructor_month_tally {
public:
    void clear() { days_.clear(); }
    /// Whether instructor i may teach one more session on day d: a day the plan
    /// has not booked them yet must fit their month with the schedule's own days.
    [[nodiscard]] bool room(const plan& pl, instructor_id i, int d) const {
        const int limit = pl.cm.instructors[i].max_days_per_month;
        if (limit < 0 || !pl.instructor_day(i, d).empty()) return true;
        const int month = pl.cm.day[static_cast<std::size_t>(d)].month;
        return pl.instructor_month_days(i, month) + added(i, month) + 1 <= limit;
    }
    /// Counts a session of the schedule on day d for instructor i.
    void count(const plan& pl, instructor_id i, int d) {
        if (pl.cm.instructors[i].max_days_per_month < 0 || !pl.instructor_day(i, d).empty()) return;
        const int month = pl.cm.day[static_cast<std::size_t>(d)].month;
        for (auto& x : days_)
            if (x.instructor == i && x.month == month) {
                ++x.days;
                return;
            }
        days_.push_back({i, month, 1});
    }

private:
    [[nodiscard]] int added(instructor_id i, int month) const {
        for (const auto& x : days_)
            if (x.instructor == i && x.month == month) return x.days;
        return 0;
    }
    struct month_days {
        instructor_id instructor;
        int month = 0;
        int days = 0;
    };
    std::vector<month_days> days_;  // a schedule touches a handful
};

class inserter {
public:
    inserter(plan& pl, rng& r) : pl_(pl), cm_(pl.cm), rng_(r) {}

    /// Finds study blocks for demand d in self-paced delivery pm, leaving the plan
    /// unchanged. `effort`: days scanned past the first usable one.
    bool find_blocks(demand_id d, delivery_id pm, std::vector<span>& out, int effort, refusal* why = nullptr);
    /// find_blocks, then places them (journalled).
    bool place_self(demand_id d, delivery_id pm, int effort, refusal* why = nullptr);
    /// The best start for block k of demand d on days [day_lo, day_hi], at or after `earliest`;
    /// stops `effort` days after the first usable day. Considers the plan as it is.
    bool best_block(demand_id d, const delivery_c& pm, std::uint32_t k, tmin earliest, int day_lo, int day_hi,
                    int effort, span& best, refusal* why);
    /// What best_block weighs a study block at by: its burden and time-preference misses.
    [[nodiscard]] double block_burden(employee_id e, span at) const;

    /// A schedule for delivery pm whose sessions its resources allow now, the first
    /// session on or after day `first_lo` (and before `first_hi`). False when none was found.
    /// With `around` (a waiting demand item of pm's programme), every session also
    /// fits that person now: their calendar with the travel to the venue, their
    /// acceptance, and their after-hours limits over the schedule's sessions so
    /// far. A far venue leaves few such times (a session that starts when work
    /// does, so the travel back ends before the break; two a week under a weekly
    /// after-hours limit), which schedules drawn at random almost never hit.
    bool random_schedule(delivery_id pm, int first_lo, int first_hi, schedule& out, demand_id around = {});
    /// Up to `tries` schedules of pm, each built around the demand item
    /// `around(r)` names (random_schedule's `around`), handed to f. They draw
    /// from a stream of their own, seeded from the inserter's without drawing
    /// from it: the caller's stream is where it was, whatever they find.
    template <class Around, class F>
    void schedules_around(delivery_id pm, int first_lo, int first_hi, int tries, Around&& around, F&& f) {
        rng peek = rng_;
        rng own(mix(peek.next(), ++focused_calls_));
        inserter other(pl_, own);
        schedule s;
        for (int t = 0; t < tries; ++t)
            if (other.random_schedule(pm, first_lo, first_hi, s, around(own))) f(s);
    }
    /// Whether demand d could join a cohort with this schedule now (ignoring other
    /// newcomers), and the burden it would add.
    bool probe(const schedule& s, demand_id d, double* burden, refusal* why = nullptr) const;
    /// The best of `tries` random schedules of pm for the candidates: the most
    /// people it could seat (estimated from a sample), then the least average
    /// burden. When none seats pm's minimum, `tries` more built around one
    /// person of the sample each compete too.
    bool best_schedule(delivery_id pm, const std::vector<demand_id>& candidates, int tries, int first_lo, int first_hi,
                       schedule& out, double& seated, double& avg_burden);
    /// For a fixed delivery: the first fixed option not in use whose resources are free.
    bool fixed_schedule(delivery_id pm, std::size_t first_option, schedule& out, std::size_t& option);
    /// Opens the best of `tries` random cohorts of pm for the candidates and seats
    /// them in order until full. Returns the cohort, or an invalid id when none reached the
    /// minimum size (the plan is then unchanged).
    cohort_id build_cohort(delivery_id pm, const std::vector<demand_id>& candidates, int tries, int first_lo = 0,
                           int first_hi = -1);
    /// Opens a cohort for a schedule and seats candidates (in order) until full;
    /// an invalid id when it stays below the minimum (the plan is then unchanged).
    cohort_id open_and_seat(const schedule& s, const std::vector<demand_id>& candidates);
    /// Opens a cohort for a schedule, seats the waiting (in order) and, while it is
    /// below its minimum, pulls in members of the programme's other cohorts: those
    /// above their minimum first, each group in a random order, at most `max_pulls`
    /// tried; one the new cohort refuses goes back. An invalid id when it stays below the
    /// minimum, the budget refuses it or a member cannot go back (the plan is then as
    /// it was). `donors`: the cohorts that lost members (they may be below their minimum).
    cohort_id open_pulling(const schedule& s, const std::vector<demand_id>& waiting, int max_pulls,
                           std::vector<cohort_id>& donors);

    /// Places unplaced demand d where it adds the least burden: an open cohort of
    /// its programme or self-paced study. False when nothing fits.
    bool insert_best(demand_id d, int effort, refusal* why = nullptr);

private:
    /// Opens a cohort for a schedule and seats candidates (in order, those still
    /// unplaced) until full; an invalid id when the budget refuses it (the plan unchanged).
    /// The cohort may be below its minimum: the callers decide.
    cohort_id open_seating(const schedule& s, const std::vector<demand_id>& candidates);

    plan& pl_;
    const compiled_model& cm_;
    rng& rng_;
    /// Rounds of schedules_around, for their seeds.
    std::uint64_t focused_calls_ = 0;
    std::vector<demand_id> sample_, pull_;
    std::vector<std::pair<unit_id, int>> unit_ok_;
    instructor_month_tally month_tally_;  ///< random_schedule's, kept for its capacity
};

}  // namespace jadwal::solve::detail
