#include "scenario_builder.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace jadwal::test;
using jadwal::calendar::minutes;

namespace {

// Minute m of 2026-01-01 UTC, to keep the algebra tests short.
instant t(int m) { return utc("2026-01-01 00:00") + minutes{m}; }
interval iv(int a, int b) { return {t(a), t(b)}; }

std::vector<interval> items(std::initializer_list<std::pair<int, int>> xs) {
    std::vector<interval> out;
    for (auto [a, b] : xs) out.push_back(iv(a, b));
    return out;
}

// A brute-force model: one bool per minute in [0, 200).
std::vector<bool> bits(const interval_set& s) {
    std::vector<bool> out(200, false);
    for (const auto& i : s)
        for (auto m = i.start; m < i.end; m += minutes{1}) out[static_cast<std::size_t>((m - t(0)).count())] = true;
    return out;
}

bool well_formed(const interval_set& s) {
    for (std::size_t k = 0; k < s.size(); ++k) {
        if (s.items()[k].empty()) return false;
        if (k > 0 && !(s.items()[k - 1].end < s.items()[k].start)) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("adding touching and overlapping intervals merges them into one", "[interval_set]") {
    interval_set s;
    s.add(iv(0, 10));
    s.add(iv(10, 20));  // touches: merged, the set never holds adjacent pieces
    s.add(iv(15, 25));  // overlaps
    s.add(iv(30, 40));
    CHECK(s.items() == items({{0, 25}, {30, 40}}));

    s.add(iv(25, 30));  // fills the gap exactly
    CHECK(s.items() == items({{0, 40}}));
}

TEST_CASE("adding out of order puts the interval in place and merges across several pieces", "[interval_set]") {
    interval_set s{iv(0, 5), iv(10, 15), iv(20, 25), iv(40, 50)};
    s.add(iv(7, 8));
    CHECK(s.items() == items({{0, 5}, {7, 8}, {10, 15}, {20, 25}, {40, 50}}));
    s.add(iv(4, 21));
    CHECK(s.items() == items({{0, 25}, {40, 50}}));
    s.add(iv(30, 35));
    CHECK(s.items() == items({{0, 25}, {30, 35}, {40, 50}}));
}

TEST_CASE("empty intervals are ignored", "[interval_set]") {
    interval_set s;
    s.add(iv(5, 5));
    s.add(iv(9, 3));
    CHECK(s.empty());
    CHECK(interval_set::from_unsorted(items({{3, 3}, {4, 2}})).empty());
    CHECK(interval_set{iv(1, 1)}.empty());
}

TEST_CASE("from_unsorted sorts and merges overlapping and adjacent pieces", "[interval_set]") {
    const auto s = interval_set::from_unsorted(items({{50, 60}, {0, 10}, {5, 20}, {20, 30}, {61, 62}, {40, 40}}));
    CHECK(s.items() == items({{0, 30}, {50, 60}, {61, 62}}));
}

TEST_CASE("union merges adjacency between the two sets", "[interval_set]") {
    const interval_set a{iv(0, 10), iv(20, 30), iv(50, 60)};
    const interval_set b{iv(10, 20), iv(35, 40), iv(55, 70)};
    CHECK(a.unite(b).items() == items({{0, 30}, {35, 40}, {50, 70}}));
    CHECK(b.unite(a) == a.unite(b));
    CHECK(a.unite(interval_set{}) == a);
    CHECK(interval_set{}.unite(a) == a);
}

TEST_CASE("intersection keeps only common time", "[interval_set]") {
    const interval_set a{iv(0, 10), iv(20, 30), iv(40, 60)};
    const interval_set b{iv(5, 25), iv(30, 45), iv(50, 55), iv(58, 70)};
    CHECK(a.intersect(b).items() == items({{5, 10}, {20, 25}, {40, 45}, {50, 55}, {58, 60}}));
    CHECK(a.intersect(interval_set{}).empty());
    CHECK(interval_set{}.intersect(a).empty());
    // Touching is not overlapping.
    CHECK(interval_set{iv(0, 10)}.intersect(interval_set{iv(10, 20)}).empty());
}

TEST_CASE("subtracting a hole in the middle splits an interval in two", "[interval_set]") {
    const interval_set a{iv(0, 100)};
    CHECK(a.subtract(interval_set{iv(40, 60)}).items() == items({{0, 40}, {60, 100}}));
    CHECK(a.subtract(interval_set{iv(0, 10), iv(20, 30), iv(90, 120)}).items() ==
          items({{10, 20}, {30, 90}}));
    CHECK(a.subtract(interval_set{iv(-5, 200)}).empty());
    CHECK(a.subtract(interval_set{}) == a);
    CHECK(interval_set{}.subtract(a).empty());
}

TEST_CASE("one hole may cut several intervals", "[interval_set]") {
    const interval_set a{iv(0, 10), iv(20, 30), iv(40, 50)};
    CHECK(a.subtract(interval_set{iv(5, 45)}).items() == items({{0, 5}, {45, 50}}));
    CHECK(a.subtract(interval_set{iv(5, 25), iv(28, 42)}).items() == items({{0, 5}, {25, 28}, {42, 50}}));
}

TEST_CASE("complement gives the gaps inside the window", "[interval_set]") {
    const interval_set a{iv(10, 20), iv(30, 40)};
    CHECK(a.complement(iv(0, 50)).items() == items({{0, 10}, {20, 30}, {40, 50}}));
    CHECK(a.complement(iv(15, 35)).items() == items({{20, 30}}));
    CHECK(a.complement(iv(12, 18)).empty());
    CHECK(interval_set{}.complement(iv(0, 5)).items() == items({{0, 5}}));
    CHECK(a.complement(iv(5, 5)).empty());
}

TEST_CASE("clip cuts the pieces at the window's edges", "[interval_set]") {
    const interval_set a{iv(0, 10), iv(20, 30), iv(40, 50)};
    CHECK(a.clip(iv(5, 45)).items() == items({{5, 10}, {20, 30}, {40, 45}}));
    CHECK(a.clip(iv(10, 20)).empty());
    CHECK(a.clip(iv(22, 28)).items() == items({{22, 28}}));
    CHECK(a.clip(iv(-10, 100)) == a);
    CHECK(interval_set{}.clip(iv(0, 10)).empty());
}

TEST_CASE("contains, covers and overlaps treat intervals as half-open", "[interval_set]") {
    const interval_set a{iv(0, 10), iv(20, 30)};
    CHECK(a.contains(t(0)));
    CHECK(a.contains(t(9)));
    CHECK_FALSE(a.contains(t(10)));
    CHECK_FALSE(a.contains(t(-1)));
    CHECK(a.contains(t(20)));

    CHECK(a.covers(iv(0, 10)));
    CHECK(a.covers(iv(22, 25)));
    CHECK_FALSE(a.covers(iv(5, 25)));  // crosses the gap
    CHECK_FALSE(a.covers(iv(25, 31)));
    CHECK(a.covers(iv(15, 15)));  // the empty interval is everywhere
    CHECK_FALSE(interval_set{}.covers(iv(0, 1)));

    CHECK(a.overlaps(iv(9, 12)));
    CHECK(a.overlaps(iv(15, 21)));
    CHECK_FALSE(a.overlaps(iv(10, 20)));
    CHECK_FALSE(a.overlaps(iv(30, 40)));
    CHECK_FALSE(a.overlaps(iv(5, 5)));
    CHECK_FALSE(interval_set{}.overlaps(iv(0, 100)));
}

TEST_CASE("total sums the lengths", "[interval_set]") {
    CHECK(interval_set{iv(0, 10), iv(20, 45)}.total() == minutes{35});
    CHECK(interval_set{}.total() == minutes{0});
}

TEST_CASE("the set algebra agrees with a minute-by-minute model on random sets", "[interval_set]") {
    std::mt19937 rng(20260101);
    std::uniform_int_distribution<int> pos(0, 190), len(0, 12), count(0, 12);
    auto random_set = [&] {
        std::vector<interval> xs;
        const int n = count(rng);
        for (int k = 0; k < n; ++k) {
            const int a = pos(rng);
            xs.push_back(iv(a, std::min(200, a + len(rng))));
        }
        interval_set by_add;
        for (const auto& x : xs) by_add.add(x);
        const auto s = interval_set::from_unsorted(xs);
        REQUIRE(by_add == s);
        return s;
    };
    for (int round = 0; round < 500; ++round) {
        const auto a = random_set();
        const auto b = random_set();
        const auto ba = bits(a), bb = bits(b);
        std::vector<bool> u(200), n(200), d(200), c(200);
        for (std::size_t k = 0; k < 200; ++k) {
            u[k] = ba[k] || bb[k];
            n[k] = ba[k] && bb[k];
            d[k] = ba[k] && !bb[k];
            c[k] = !ba[k] && k >= 50 && k < 150;
        }
        const auto su = a.unite(b), sn = a.intersect(b), sd = a.subtract(b), sc = a.complement(iv(50, 150));
        REQUIRE(well_formed(su));
        REQUIRE(well_formed(sn));
        REQUIRE(well_formed(sd));
        REQUIRE(well_formed(sc));
        REQUIRE(bits(su) == u);
        REQUIRE(bits(sn) == n);
        REQUIRE(bits(sd) == d);
        REQUIRE(bits(sc) == c);
        const int q = pos(rng);
        const auto probe = iv(q, std::min(200, q + len(rng)));
        bool all = true, any = false;
        for (int m = q; m < (probe.end - t(0)).count(); ++m) {
            all = all && ba[static_cast<std::size_t>(m)];
            any = any || ba[static_cast<std::size_t>(m)];
        }
        REQUIRE(a.covers(probe) == all);
        REQUIRE(a.overlaps(probe) == any);
        REQUIRE(a.contains(t(q)) == ba[static_cast<std::size_t>(q)]);
    }
}
