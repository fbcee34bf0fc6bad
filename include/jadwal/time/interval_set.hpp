// A set of half-open time intervals [start, end), kept sorted, disjoint and
// non-adjacent, with the set algebra the calendar engine, the checker and the
// solver are built from. Header-only.
#pragma once

#include <jadwal/time/civil.hpp>

#include <algorithm>
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

// Invariant for items_: every interval is non-empty, and for consecutive items
// a, b: a.end < b.start (sorted, disjoint and not touching). All algorithms
// below keep it, which is what lets them run as single linear merges.
namespace jadwal::calendar {
namespace detail {

// Appends to a vector that already satisfies the invariant, assuming
// i.start >= back().start; this is the O(1) path every merge below uses.
inline void append_sorted(std::vector<interval>& out, interval i) {
    if (i.empty()) return;
    if (!out.empty() && i.start <= out.back().end) {
        if (i.end > out.back().end) out.back().end = i.end;
        return;
    }
    out.push_back(i);
}

}  // namespace detail

inline interval_set::interval_set(std::initializer_list<interval> items)
    : interval_set(from_unsorted(std::vector<interval>(items))) {}

inline interval_set interval_set::from_unsorted(std::vector<interval> items) {
    std::sort(items.begin(), items.end(),
              [](const interval& a, const interval& b) { return a.start < b.start; });
    interval_set out;
    // Merge in place: reuse the storage of `items`.
    std::size_t n = 0;
    for (const interval& i : items) {
        if (i.empty()) continue;
        if (n > 0 && i.start <= items[n - 1].end) {
            if (i.end > items[n - 1].end) items[n - 1].end = i.end;
        } else {
            items[n++] = i;
        }
    }
    items.resize(n);
    out.items_ = std::move(items);
    return out;
}

inline void interval_set::add(interval i) {
    if (i.empty()) return;
    if (items_.empty() || i.start >= items_.back().start) {
        detail::append_sorted(items_, i);
        return;
    }
    // General case: find the first item that ends at or after i.start (it may
    // touch or overlap i) and the first item that starts after i.end (it and
    // everything later stays). Items in between merge into one.
    auto first = std::lower_bound(items_.begin(), items_.end(), i.start,
                                  [](const interval& a, instant t) { return a.end < t; });
    auto last = std::upper_bound(first, items_.end(), i.end,
                                 [](instant t, const interval& a) { return t < a.start; });
    if (first == last) {
        items_.insert(first, i);
        return;
    }
    interval merged{std::min(i.start, first->start), std::max(i.end, (last - 1)->end)};
    *first = merged;
    items_.erase(first + 1, last);
}

inline interval_set interval_set::unite(const interval_set& other) const {
    if (other.empty()) return *this;
    if (empty()) return other;
    interval_set out;
    out.items_.reserve(items_.size() + other.items_.size());
    auto a = items_.begin(), ae = items_.end();
    auto b = other.items_.begin(), be = other.items_.end();
    while (a != ae || b != be) {
        if (b == be || (a != ae && a->start <= b->start)) {
            detail::append_sorted(out.items_, *a++);
        } else {
            detail::append_sorted(out.items_, *b++);
        }
    }
    return out;
}

inline interval_set interval_set::intersect(const interval_set& other) const {
    interval_set out;
    auto a = items_.begin(), ae = items_.end();
    auto b = other.items_.begin(), be = other.items_.end();
    while (a != ae && b != be) {
        const instant s = std::max(a->start, b->start);
        const instant e = std::min(a->end, b->end);
        // Pieces of two invariant-respecting sets cannot touch each other, so
        // a plain push_back keeps the invariant.
        if (s < e) out.items_.push_back({s, e});
        if (a->end < b->end) {
            ++a;
        } else {
            ++b;
        }
    }
    return out;
}

inline interval_set interval_set::subtract(const interval_set& other) const {
    if (empty() || other.empty()) return *this;
    interval_set out;
    out.items_.reserve(items_.size() + 1);
    auto b = other.items_.begin();
    const auto be = other.items_.end();
    for (const interval& a : items_) {
        instant cur = a.start;
        // Skip holes that end before this piece starts.
        while (b != be && b->end <= cur) ++b;
        auto h = b;
        while (h != be && h->start < a.end) {
            if (h->start > cur) out.items_.push_back({cur, h->start});
            cur = std::max(cur, h->end);
            if (h->end >= a.end) break;
            ++h;
        }
        if (cur < a.end) out.items_.push_back({cur, a.end});
        // A hole reaching past a.end may cut the next piece as well, so `b`
        // stays on the first hole that is not wholly before a.end.
        b = h;
    }
    return out;
}

inline interval_set interval_set::complement(interval within) const {
    interval_set out;
    if (within.empty()) return out;
    instant cur = within.start;
    auto it = std::lower_bound(items_.begin(), items_.end(), within.start,
                               [](const interval& a, instant t) { return a.end <= t; });
    for (; it != items_.end() && it->start < within.end; ++it) {
        if (it->start > cur) out.items_.push_back({cur, it->start});
        cur = std::max(cur, it->end);
    }
    if (cur < within.end) out.items_.push_back({cur, within.end});
    return out;
}

inline interval_set interval_set::clip(interval within) const {
    interval_set out;
    if (within.empty()) return out;
    auto first = std::lower_bound(items_.begin(), items_.end(), within.start,
                                  [](const interval& a, instant t) { return a.end <= t; });
    auto last = std::lower_bound(first, items_.end(), within.end,
                                 [](const interval& a, instant t) { return a.start < t; });
    if (first == last) return out;
    out.items_.assign(first, last);
    out.items_.front().start = std::max(out.items_.front().start, within.start);
    out.items_.back().end = std::min(out.items_.back().end, within.end);
    return out;
}

inline bool interval_set::contains(instant t) const {
    // The last item starting at or before t is the only candidate.
    auto it = std::upper_bound(items_.begin(), items_.end(), t,
                               [](instant x, const interval& a) { return x < a.start; });
    if (it == items_.begin()) return false;
    --it;
    return t < it->end;
}

inline bool interval_set::covers(interval i) const {
    if (i.empty()) return true;  // the empty interval is inside every set
    auto it = std::upper_bound(items_.begin(), items_.end(), i.start,
                               [](instant x, const interval& a) { return x < a.start; });
    if (it == items_.begin()) return false;
    --it;
    // Items never touch, so a covered interval lies within a single item.
    return i.end <= it->end;
}

inline bool interval_set::overlaps(interval i) const {
    if (i.empty()) return false;
    auto it = std::lower_bound(items_.begin(), items_.end(), i.start,
                               [](const interval& a, instant t) { return a.end <= t; });
    return it != items_.end() && it->start < i.end;
}

inline minutes interval_set::total() const {
    minutes sum{0};
    for (const interval& i : items_) sum += i.length();
    return sum;
}

}  // namespace jadwal::calendar
