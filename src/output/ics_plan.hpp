// A plan seen as calendar events: which sessions and study blocks belong to
// each employee, instructor, venue and cohort, the UID of each, and the text
// many events share (SUMMARY, DESCRIPTION, LOCATION, ORGANIZER, ATTENDEE
// lines), built once and reused by every file that shows the event.
#pragma once

#include <jadwal/model/scenario.hpp>
#include <jadwal/model/plan.hpp>
#include <jadwal/text/messages.hpp>

#include <algorithm>
#include <compare>
#include <optional>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace jadwal::output::detail {

/// Throws std::invalid_argument naming the first reference of `sol` that
/// `s` lacks, a repeated cohort id or (module, part) within a cohort, or a
/// session or block that does not end after it starts. `which` names the plan.
void require_valid_plan(const model::scenario& s, const model::solution& sol, std::string_view which);

/// Items grouped by an index (employee, instructor, venue), each group's items ascending and distinct.
class grouping {
public:
    /// `each(emit)` must call emit(group, item) for every pair, the same way each time it is called.
    template <class Each>
    static grouping build(std::size_t groups, Each&& each);

    [[nodiscard]] std::span<const std::uint32_t> of(std::size_t group) const {
        return {items_.data() + offsets_[group], items_.data() + offsets_[group + 1]};
    }

private:
    std::vector<std::uint32_t> offsets_;
    std::vector<std::uint32_t> items_;
};

/// The ATTENDEE and ORGANIZER content lines (folded, with CRLF) of the
/// scenario's people, places and programmes, each built on first use, and
/// the text of study blocks in the language of `m`.
class address_book {
public:
    address_book(const model::scenario& s, const text::messages& m);
    [[nodiscard]] const text::messages& messages() const { return m_; }
    const std::string& employee(model::employee_index e);
    const std::string& instructor(model::instructor_index i);
    const std::string& venue(model::venue_index v);
    const std::string& organizer(model::program_index p);
    /// ORGANIZER of a day off in lieu: the person's unit, which grants it.
    const std::string& unit_organizer(model::employee_index e);
    /// SUMMARY to ORGANIZER of a study block of this module (shared by every block of it).
    const std::string& study_body(model::program_index p, std::uint32_t module);

private:
    const model::scenario& s_;
    text::messages m_;
    std::vector<std::string> employees_, instructors_, venues_, organizers_, unit_organizers_;
    std::vector<std::vector<std::string>> study_bodies_;
    std::string scratch_;
};

/// What tells two events of one file apart, across plans: the UID without
/// the person and domain parts (sessions), or programme, module and ordinal (study blocks).
struct event_key {
    bool block = false;
    std::string_view session_uid;  ///< sessions: "<cohort>.<module>.<part>", encoded
    std::uint32_t program = 0, module = 0, ordinal = 0;
    bool lieu = false;  ///< a day off in lieu: `program` holds its date (days since 1970)
    friend auto operator<=>(const event_key&, const event_key&) = default;
};

struct session_event {
    std::uint32_t cohort = 0;
    std::uint32_t index = 0;  ///< in the cohort's sessions
    calendar::instant start{}, end{};
    std::uint32_t revision = 0;
    std::string uid;   ///< "<cohort>.<module>.<part>", each part encoded
    std::string body;  ///< SUMMARY to ORGANIZER; built on first use
};

struct block_event {
    std::uint32_t index = 0;    ///< in solution::study_blocks
    std::uint32_t ordinal = 0;  ///< 1-based, among the person's blocks of this module in time order
};

class plan_events {
public:
    plan_events(const model::scenario& s, const model::solution& sol, address_book& book);

    [[nodiscard]] const model::solution& solution() const { return sol_; }
    [[nodiscard]] const model::scenario& scenario() const { return s_; }
    [[nodiscard]] std::size_t session_count() const { return sessions_.size(); }
    [[nodiscard]] const session_event& session(std::uint32_t k) const { return sessions_[k]; }
    [[nodiscard]] const block_event& block(std::uint32_t b) const { return blocks_[b]; }
    [[nodiscard]] const model::study_block& study_block(std::uint32_t b) const {
        return sol_.study_blocks[blocks_[b].index];
    }
    [[nodiscard]] event_key session_key(std::uint32_t k) const { return {false, sessions_[k].uid, 0, 0, 0}; }
    [[nodiscard]] event_key block_key(std::uint32_t b) const;

    /// Session ids (ascending) by employee, instructor, venue; block ids by employee.
    [[nodiscard]] std::span<const std::uint32_t> employee_sessions(model::employee_index e) const {
        return by_employee_.of(e.value);
    }
    [[nodiscard]] std::span<const std::uint32_t> employee_blocks(model::employee_index e) const {
        return blocks_by_employee_.of(e.value);
    }
    [[nodiscard]] std::span<const std::uint32_t> instructor_sessions(model::instructor_index i) const {
        return by_instructor_.of(i.value);
    }
    [[nodiscard]] std::span<const std::uint32_t> venue_sessions(model::venue_index v) const {
        return by_venue_.of(v.value);
    }
    /// The sessions of cohort c (in solution order), as a range of session ids.
    [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> cohort_sessions(std::uint32_t c) const {
        return {cohort_first_[c], cohort_first_[c + 1]};
    }
    /// The cohort with this id.
    [[nodiscard]] std::optional<std::uint32_t> find_cohort(std::string_view id) const;

    /// SUMMARY to ORGANIZER of session k.
    const std::string& session_body(std::uint32_t k);
    /// Every ATTENDEE of cohort c's sessions: instructors, participants, the venue.
    const std::string& cohort_attendees(std::uint32_t c);

private:
    void build_session_body(std::uint32_t k, std::string& out);

    const model::scenario& s_;
    const model::solution& sol_;
    address_book& book_;
    std::vector<session_event> sessions_;
    std::vector<std::uint32_t> cohort_first_;
    std::vector<std::uint32_t> parts_;  ///< per session: how many parts its module has in its cohort
    std::vector<block_event> blocks_;
    grouping by_employee_, blocks_by_employee_, by_instructor_, by_venue_;
    std::vector<std::string> attendees_;  ///< per cohort, built on first use
    std::unordered_map<std::string_view, std::uint32_t> cohort_by_id_;
    std::string scratch_;
};

// ---------------------------------------------------------------- template definitions

template <class Each>
grouping grouping::build(std::size_t groups, Each&& each) {
    grouping g;
    g.offsets_.assign(groups + 1, 0);
    each([&](std::uint32_t group, std::uint32_t) { ++g.offsets_[group + 1]; });
    for (std::size_t i = 0; i < groups; ++i) g.offsets_[i + 1] += g.offsets_[i];
    g.items_.resize(g.offsets_[groups]);
    std::vector<std::uint32_t> fill(g.offsets_.begin(), g.offsets_.end() - 1);
    each([&](std::uint32_t group, std::uint32_t item) { g.items_[fill[group]++] = item; });
    // Items arrive in ascending order except where a plan lists someone twice:
    // sort and drop repeats so that no UID appears twice in a file.
    std::vector<std::uint32_t> offsets{0};
    offsets.reserve(groups + 1);
    std::size_t out = 0;
    for (std::size_t i = 0; i < groups; ++i) {
        const auto first = g.items_.begin() + g.offsets_[i];
        const auto last = g.items_.begin() + g.offsets_[i + 1];
        if (!std::is_sorted(first, last)) std::sort(first, last);
        for (auto it = first; it != last; ++it)
            if (it == first || *it != *(it - 1)) g.items_[out++] = *it;
        offsets.push_back(static_cast<std::uint32_t>(out));
    }
    g.items_.resize(out);
    g.offsets_ = std::move(offsets);
    return g;
}

}  // namespace jadwal::output::detail
