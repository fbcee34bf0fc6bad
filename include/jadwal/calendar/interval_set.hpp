// A set of half-open time intervals [start, end), kept sorted, disjoint and
// non-adjacent, with the set algebra the calendar engine is built from.
#pragma once

#include <jadwal/calendar/civil.hpp>

#include <cstddef>
#include <initializer_list>
#include <vector>

namespace jadwal::calendar {

struct interval {
    instant start{};
    instant end{};
    [[nodiscard]] constexpr minutes length() const { return end - start; }
    [[nodiscard]] constexpr bool empty() const { return end <= start; }
    friend constexpr bool operator==(const interval&, const interval&) = default;
};

class interval_set {
public:
    interval_set() = default;
    interval_set(std::initializer_list<interval> items);

    /// Builds from any intervals (unsorted, overlapping, empty ones are dropped).
    [[nodiscard]] static interval_set from_unsorted(std::vector<interval> items);

    /// Adds one interval, merging with neighbours. Appending in time order is O(1).
    void add(interval i);

    [[nodiscard]] interval_set unite(const interval_set& other) const;
    [[nodiscard]] interval_set intersect(const interval_set& other) const;
    [[nodiscard]] interval_set subtract(const interval_set& other) const;
    /// The complement inside `within`.
    [[nodiscard]] interval_set complement(interval within) const;
    [[nodiscard]] interval_set clip(interval within) const;

    [[nodiscard]] bool contains(instant t) const;
    /// True when all of [i.start, i.end) lies inside the set.
    [[nodiscard]] bool covers(interval i) const;
    [[nodiscard]] bool overlaps(interval i) const;
    [[nodiscard]] minutes total() const;

    [[nodiscard]] bool empty() const { return items_.empty(); }
    [[nodiscard]] std::size_t size() const { return items_.size(); }
    [[nodiscard]] const std::vector<interval>& items() const { return items_; }
    [[nodiscard]] auto begin() const { return items_.begin(); }
    [[nodiscard]] auto end() const { return items_.end(); }

    friend bool operator==(const interval_set&, const interval_set&) = default;

private:
    std::vector<interval> items_;
};

}  // namespace jadwal::calendar
