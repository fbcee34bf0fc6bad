// The plan being searched: cohorts, self-paced placements and, per person,
// their training items, with every counter the hard constraints and the
// objective need kept up to date incrementally. Each mutation checks the hard
// constraints it touches and either applies completely or leaves the plan as
// it was; applied mutations are journalled so a rejected move rolls back
// exactly (the objective then equals what a full evaluation computes).
#pragma once

#include "compiled_model.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace jadwal::solve::detail {

class replan_context;

/// A cohort of the plan (plan::cohorts); a closed one's id may be reused.
using cohort_id = model::index<struct cohort_tag>;

/// A piece of one person's training: a session with its travel, or a study block.
struct item {
    tmin a = 0;
    tmin b = 0;
    demand_id demand;          ///< the demand this training serves
    std::uint16_t sub = 0;     ///< session index in the cohort, or block index
    std::int16_t lday = 0;     ///< the person's local day
    std::int16_t week = 0;     ///< ISO week of lday
    std::int16_t work = 0;     ///< minutes inside working time
    std::int16_t brk = 0;      ///< minutes inside breaks (only where the policy allows training in them)
    std::int16_t duty = 0;     ///< minutes inside assigned-duty time (docs/model.md "Assigned duty")
    [[nodiscard]] int length() const { return b - a; }
    [[nodiscard]] int after_hours() const { return b - a - work - brk - duty; }
};

struct session_t {
    tmin a = 0;
    tmin b = 0;
    int day = 0;
};

struct cohort_t {
    delivery_id pm;
    bool alive = false;
    venue_id venue;           ///< classroom; invalid otherwise
    std::int32_t fixed = -1;  ///< fixed-session option
    std::vector<instructor_id> instructors;
    std::vector<session_t> sessions;      ///< parallel to pm.parts
    std::vector<demand_id> members;
    int cap = 0;   ///< effective maximum (venue, platform, fixed capacity)
    int half = 0;  ///< ⌈cohort.max / 2⌉: below it the cohort counts as under-filled
    std::int32_t origin = -1;  ///< the previous plan's cohort it continues (re-planning), -1: new
};

enum class place_kind : std::uint8_t { none, cohort, self };

struct placement {
    place_kind kind = place_kind::none;
    cohort_id cohort;            ///< when kind is cohort
    delivery_id pm;              ///< for self-paced
    std::vector<span> blocks;    ///< self-paced blocks, parallel to pm.parts
};

/// Why a mutation was refused (the first rule that failed), for statistics
/// and for the reason codes of unplaced demand.
enum class refusal : std::uint8_t {
    none,
    horizon,        ///< outside the horizon, or across the person's midnight
    unavailable,    ///< leave, holiday, duty, rest
    overlap,        ///< the person already trains then
    deadline,
    day_limit,      ///< training minutes per day
    after_hours_day,
    after_hours_week,
    unit_limit,
    shift_minimum,
    acceptance,     ///< the person refuses after hours / weekends
    jp_cap,
    cohort_full,
    resource,       ///< venue, platform, instructor
    structure,      ///< window, order, gaps
    budget,
    pinned,         ///< kept from the previous plan (re-planning), or before the re-plan instant
    duty_days,      ///< assigned-duty days of the person's month
    day_in_lieu,    ///< no day off in lieu for a new duty day, or training on a day in lieu
    mode_refused,   ///< the person refused the delivery's mode (docs/model.md "Preferences")
};

/// An assigned-duty day of a rotation employee and the day off in lieu it
/// earned (local day indices; lieu_day -1: none could be placed).
struct lieu_t {
    std::int16_t duty_day = 0;
    std::int16_t lieu_day = -1;
};

/// Rules an explanation may set aside to see what a person would gain if a
/// planner relaxed them (plan::set_relaxed). Never set while searching, except
/// relax_instructor_month inside one move.
enum relax_rule : std::uint8_t {
    relax_none = 0,
    relax_unit_limit = 1,
    relax_after_hours_limit = 2,  ///< per day and per week
    relax_acceptance = 4,         ///< the person's refusal of after-hours or weekend times
    relax_capacity = 8,           ///< one seat more than the cohort's maximum
    relax_shift_minimum = 16,
    relax_day_limit = 32,
    /// The instructors' days per month, set aside for the length of one compound
    /// move (searcher::day_shift) that checks them itself before returning.
    relax_instructor_month = 64,
};

/// The objective's raw ingredients, all integers so that incremental updates
/// are exact and the objective is a pure function of them.
struct totals {
    std::int64_t unplaced_jp_mandatory = 0;
    std::int64_t unplaced_jp_elective = 0;
    std::int64_t unplaced_items = 0;
    std::int64_t shortfall_jp = 0;
    std::vector<std::int64_t> work_by_class;  ///< disruption minutes per critical class
    std::int64_t after_hours = 0;
    int fairness = 0;  ///< largest after-hours minutes of one person in one week
    std::int64_t live_cohorts = 0;
    std::int64_t classroom_cohorts = 0;
    std::int64_t underfill = 0;
    std::int64_t instructor_minutes = 0;
    std::int64_t changes = 0;  ///< against the previous plan (re-planning)
    std::int64_t duty_days = 0;  ///< (person, local day) pairs with assigned-duty minutes
    std::int64_t preference_misses = 0;  ///< docs/model.md "Preferences"
    /// JP of published demand (replan_context::published) now unplaced.
    std::int64_t dropped_jp_mandatory = 0;
    std::int64_t dropped_jp_elective = 0;
    friend bool operator==(const totals&, const totals&) = default;
};

/// The objective as the lexicographic tuple (published, participation,
/// stability, burden, cost); published and stability are 0 unless a strict
/// re-plan (docs/model.md "Stability").
struct objective3 {
    double published = 0;
    double participation = 0;
    double stability = 0;
    double burden = 0;
    double cost = 0;
    friend bool operator==(const objective3&, const objective3&) = default;
};

/// The objective of the totals (docs/model.md "Objective"); plan and evaluate share it.
objective3 objective_of(const compiled_model& cm, const totals& t);

/// a better than b (lexicographically, with a relative tolerance against rounding).
bool better(const objective3& a, const objective3& b);
bool not_worse(const objective3& a, const objective3& b);

class plan {
public:
    explicit plan(const compiled_model& cm);
    plan(const plan&) = default;
    /// Copies another plan of the same compiled model (the search keeps its best this way).
    void assign(const plan& other);

    const compiled_model& cm;

    model::index_vector<cohort_id, cohort_t> cohorts;
    model::index_vector<demand_id, placement> place;
    model::index_vector<employee_id, std::vector<item>> items;  ///< per employee, sorted by start
    std::vector<std::vector<cohort_id>> program_cohorts;  ///< alive cohorts per programme, sorted
    model::index_vector<employee_id, int> placed_jp;
    totals tot;

    // ------------------------------------------------------------ objective
    [[nodiscard]] objective3 objective() const;
    [[nodiscard]] double money() const;  ///< budget cost (docs/model.md "Budget")
    [[nodiscard]] std::int64_t placed_count() const {
        return static_cast<std::int64_t>(cm.declared) - tot.unplaced_items;
    }

    /// Preference misses of demand d's placement as it is (0 when unplaced):
    /// its mode miss and the day and time misses of its sessions or blocks.
    [[nodiscard]] int preference_misses(demand_id d) const;

    /// Recomputes every incremental structure from the placements and compares:
    /// an empty string when they agree, else what differs (for tests).
    [[nodiscard]] std::string self_check() const;

    // ------------------------------------------------------------ re-planning
    /// Plans against a previous plan from now on (call on an empty plan): every
    /// previous item counts as a change until the plan has it again.
    void set_previous(const replan_context* rc);
    [[nodiscard]] const replan_context* previous() const { return prev_; }
    /// Nothing new may start before this instant.
    [[nodiscard]] tmin earliest() const { return earliest_; }
    /// Whether demand d must stay where it is (a cohort under way or pinned, a study block already begun).
    [[nodiscard]] bool frozen(demand_id d) const;
    /// Whether cohort c keeps its members and may not close.
    [[nodiscard]] bool cohort_frozen(cohort_id c) const;
    /// Whether cohort c has fewer members than its delivery's minimum.
    [[nodiscard]] bool short_of_minimum(cohort_id c) const {
        return static_cast<int>(cohorts[c].members.size()) < cm.deliveries[cohorts[c].pm].size_min;
    }
    /// Whether a member may leave cohort c and leave it at its minimum.
    [[nodiscard]] bool has_spare(cohort_id c) const {
        return static_cast<int>(cohorts[c].members.size()) > cm.deliveries[cohorts[c].pm].size_min;
    }
    /// Whether session k of cohort c may not move.
    [[nodiscard]] bool session_locked(cohort_id c, std::uint32_t k) const;
    /// Takes over what the previous plan did, without checks (it happened, or it is pinned).
    void force_join(cohort_id c, demand_id d) { do_join(c, d, false, nullptr, true); }
    void force_self_place(demand_id d, delivery_id pm, const std::vector<span>& blocks) {
        do_self_place(d, pm, blocks, false, nullptr, true);
    }

    // ------------------------------------------------------------ explanations
    /// Rules (relax_rule bits) the checks skip until reset; mutations made while
    /// relaxed must be rolled back.
    void set_relaxed(std::uint8_t rules) { relax_ = rules; }
    [[nodiscard]] std::uint8_t relaxed() const { return relax_; }

    // ------------------------------------------------------------ journal
    /// Marks a point to roll back to; mutations after it are undone by rollback.
    [[nodiscard]] std::size_t mark() const { return journal_.size(); }
    void rollback(std::size_t to);
    /// Forgets the journal (after a move is accepted).
    void commit() {
        journal_.clear();
        saved_blocks_.clear();
        saved_cohorts_.clear();
    }

    // ------------------------------------------------------------ reads
    /// Would an item [a, b) for demand d (employee e) be allowed now? `why` says what failed.
    [[nodiscard]] bool item_ok(employee_id e, demand_id d, tmin a, tmin b, refusal* why = nullptr) const;
    /// The travel minutes before and after a session of cohort c for employee e.
    [[nodiscard]] int travel_for(const cohort_t& c, employee_id e) const;
    /// Burden of an item [a, b) for employee e as the objective weighs it (no fairness).
    [[nodiscard]] double item_burden(employee_id e, tmin a, tmin b) const;
    /// Could cohort c hold a session on day d at [a, b) (resources, windows), ignoring session k of c itself?
    [[nodiscard]] bool session_ok(cohort_id c, std::uint32_t k, int d, tmin a, tmin b, refusal* why = nullptr) const;
    /// Checks the order and gap rules of session k of c at day d against the other sessions.
    [[nodiscard]] bool order_ok(const cohort_t& c, std::uint32_t k, int d) const;
    [[nodiscard]] bool jp_cap_ok(employee_id e, std::uint32_t program) const;
    [[nodiscard]] bool budget_ok() const;
    [[nodiscard]] int pulled(std::uint32_t occ) const { return occ_pulled_[occ] + lieu_taken_[occ]; }
    /// Employee e's assigned-duty days with their days off in lieu, in the order earned.
    [[nodiscard]] const std::vector<lieu_t>& days_in_lieu(employee_id e) const { return lieu_[e]; }
    /// Places days in lieu still missing (after unchecked mutations); false when some cannot be.
    bool complete_days_in_lieu();

    // ------------------------------------------------------------ mutations (journalled; false: nothing changed)
    /// Opens an empty cohort; sessions must already be valid for its resources.
    /// `origin`: the previous plan's cohort it continues (re-planning), -1 for a new one.
    cohort_id open_cohort(delivery_id pm, venue_id venue, std::int32_t fixed,
                          const std::vector<instructor_id>& instructors, const std::vector<session_t>& sessions,
                          std::int32_t origin = -1);
    /// Closes an empty cohort.
    void close_cohort(cohort_id c);
    /// Seats demand d in cohort c (all sessions).
    bool join(cohort_id c, demand_id d, refusal* why = nullptr);
    /// Removes demand d from its cohort.
    void leave(demand_id d);
    /// Places demand d self-paced with the given blocks (parallel to pm.parts).
    bool self_place(demand_id d, delivery_id pm, const std::vector<span>& blocks, refusal* why = nullptr);
    void self_remove(demand_id d);
    /// Moves block k of a self-paced demand.
    bool move_block(demand_id d, std::uint32_t k, span to, refusal* why = nullptr);
    /// Moves session k of cohort c to [a, b) on day d, with every member.
    bool move_session(cohort_id c, std::uint32_t k, int d, tmin a, tmin b, refusal* why = nullptr);
    /// Moves a classroom cohort to another venue of its mode (members' travel changes).
    bool change_venue(cohort_id c, venue_id venue, refusal* why = nullptr);

    // ------------------------------------------------------------ resource bookings
    struct booking {
        tmin a = 0;
        tmin b = 0;
        cohort_id cohort;
    };
    [[nodiscard]] const std::vector<booking>& venue_day(venue_id v, int d) const {
        return venue_day_[v.value * static_cast<std::size_t>(cm.days) + static_cast<std::size_t>(d)];
    }
    [[nodiscard]] const std::vector<booking>& instructor_day(instructor_id i, int d) const {
        return instr_day_[i.value * static_cast<std::size_t>(cm.days) + static_cast<std::size_t>(d)];
    }
    [[nodiscard]] const std::vector<booking>& platform_day(platform_id p, int d) const {
        return platform_day_[p.value * static_cast<std::size_t>(cm.days) + static_cast<std::size_t>(d)];
    }
    [[nodiscard]] int instructor_month_days(instructor_id i, int month) const {
        return instr_month_days_[i.value * static_cast<std::size_t>(months_) + static_cast<std::size_t>(month)];
    }
    [[nodiscard]] int instructor_day_minutes(instructor_id i, int d) const;
    /// Would instructor i be free (open hours, other sessions, daily and monthly limits) for [a, b) on day d?
    /// ignore_day: the day of the session being moved (its booking by ignore_cohort
    /// there is not counted for the weekly evening limit); -1: count every booking
    /// on other days, which may only over-count.
    [[nodiscard]] bool instructor_free(instructor_id i, int d, tmin a, tmin b, cohort_id ignore_cohort,
                                       int ignore_day = -1) const;
    /// Whether one more evening of instructor i on day d keeps their ISO week within
    /// `evenings.max_per_week`, with `extra` days (of a schedule being built) added.
    [[nodiscard]] bool instructor_evenings_ok(instructor_id i, int d, cohort_id ignore_cohort, int ignore_day,
                                              const std::vector<int>& extra = {}) const;
    [[nodiscard]] bool venue_free(venue_id v, int d, tmin a, tmin b, cohort_id ignore_cohort) const;
    [[nodiscard]] bool platform_free(platform_id p, int d, tmin a, tmin b, cohort_id ignore_cohort) const;

    /// Items of an employee on a local day / in a week.
    [[nodiscard]] int day_minutes(employee_id e, int lday) const;
    [[nodiscard]] int day_after_hours(employee_id e, int lday) const;
    [[nodiscard]] int week_after_hours(employee_id e, int week) const;
    [[nodiscard]] std::uint16_t unit_count(unit_id u, int d, int slot) const;

    /// Scratch items: added without checks or journal, for trying blocks one by
    /// one; the caller removes them (scratch_remove) before any other mutation.
    void scratch_add(employee_id e, const item& it) { add_item_raw(e, it); }
    void scratch_remove(employee_id e, demand_id demand, std::uint16_t sub) { remove_item_raw(e, demand, sub); }

    /// Builds an item for employee e (fills lday, week, work).
    [[nodiscard]] item make_item(employee_id e, demand_id d, std::uint16_t sub, tmin a, tmin b) const;

private:
    enum class op : std::uint8_t { item_add, item_remove, join, leave, open, close, self_place, self_remove, block, session, venue };
    struct entry {
        op kind;
        std::uint32_t a = 0;  ///< employee / cohort / demand
        std::uint32_t b = 0;  ///< demand / position / block index / session index
        item it;              ///< for item ops
        session_t ses;        ///< for session moves
        span blk;             ///< for block moves
        std::int32_t pos = 0;
    };

    // Raw item mutations: counters, aggregates, fairness. No checks.
    void add_item_raw(employee_id e, const item& it);
    void remove_item_raw(employee_id e, demand_id demand, std::uint16_t sub);
    void account_item(employee_id e, const item& it, int sign);
    void week_load_change(employee_id e, int week, int before, int after);
    void set_placed(demand_id d, bool placed);
    void underfill_change(const cohort_t& c, int before_members, int after_members);
    void book_session(cohort_id c, std::uint32_t k, int sign);
    /// Re-travels every member of c to the travel of `to_venue` (items only; no checks).
    void retravel(cohort_id c, venue_id to_venue);
    void count_cohort(const cohort_t& c, int sign);
    /// Assigned-duty day bookkeeping of an item (called with it absent from items[e]).
    void account_duty(employee_id e, const item& it, int sign);
    /// The first day in lieu for a duty day ld of e that the plan allows now, its shift
    /// clear of `also` (training about to be added) too (-1: none).
    [[nodiscard]] int find_day_in_lieu(employee_id e, int ld, span also = {}) const;
    void take_day_in_lieu(employee_id e, int day, int sign);
    /// Re-places e's days in lieu whose shift the (just added) item overlaps.
    void move_days_in_lieu_off(employee_id e, const item& it);
    /// Whether [a, b) touches a rostered shift that is one of e's days in lieu that
    /// cannot move to another date.
    [[nodiscard]] bool on_day_in_lieu(employee_id e, tmin a, tmin b) const;
    /// A unit's day: its row of per-slot counts of people away in working time,
    /// and the largest count in the row, so that a day with room everywhere is
    /// known without reading the row.
    struct unit_day {
        std::uint32_t row = 0;   ///< block in unit_pool_ (0: none yet)
        std::uint16_t peak = 0;  ///< max of the row's counts
    };
    unit_day& unit_day_of(unit_id u, int d) {
        return unit_days_[u.value * static_cast<std::size_t>(cm.days) + static_cast<std::size_t>(d)];
    }
    [[nodiscard]] const unit_day& unit_day_of(unit_id u, int d) const {
        return unit_days_[u.value * static_cast<std::size_t>(cm.days) + static_cast<std::size_t>(d)];
    }
    /// Adds sign to the counts of slots [s0, s1) of unit u's day d, keeping its peak.
    void count_unit_slots(unit_id u, int d, int s0, int s1, int sign);
    /// Preference misses of e seated in cohort c / studying in pm with these blocks.
    [[nodiscard]] int cohort_misses(employee_id e, const cohort_t& c) const;
    [[nodiscard]] int self_misses(employee_id e, const delivery_c& pm, const std::vector<span>& blocks) const;
    /// Changes of demand d's study blocks against the previous plan.
    [[nodiscard]] int block_changes(demand_id d) const;

    // Undo helpers.
    void undo(const entry& en);
    void do_leave(demand_id d, bool journal);
    bool do_join(cohort_id c, demand_id d, bool check, refusal* why, bool journal);
    void do_self_remove(demand_id d, bool journal);
    bool do_self_place(demand_id d, delivery_id pm, const std::vector<span>& blocks, bool check, refusal* why,
                       bool journal);

    std::vector<entry> journal_;
    std::vector<std::vector<span>> saved_blocks_;  ///< blocks of journalled self_remove entries
    std::vector<cohort_t> saved_cohorts_;          ///< closed cohorts whose id a journalled open reused

    std::vector<unit_day> unit_days_;  ///< units * days
    std::vector<std::uint16_t> unit_pool_;
    std::vector<int> occ_pulled_;
    std::vector<int> lieu_taken_;               ///< per shift occurrence: days in lieu on it
    model::index_vector<employee_id, std::vector<lieu_t>> lieu_;
    std::vector<int> fair_hist_;  ///< number of (person, week) pairs per after-hours load
    std::vector<std::vector<booking>> venue_day_, instr_day_, platform_day_;
    std::vector<int> instr_month_days_;
    int months_ = 1;
    model::index_vector<instructor_id, std::int64_t> instr_minutes_;
    /// Per instructor: the part of instr_minutes_ in evenings.
    model::index_vector<instructor_id, std::int64_t> instr_evening_minutes_;
    model::index_vector<venue_id, int> venue_days_;    ///< per venue: days with a session
    model::index_vector<delivery_id, int> pm_open_;    ///< live cohorts open per delivery
    std::vector<cohort_id> free_cohorts_;
    const replan_context* prev_ = nullptr;
    tmin earliest_ = no_time;
    std::uint8_t relax_ = relax_none;
};

}  // namespace jadwal::solve::detail
