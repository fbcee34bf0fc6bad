// The exact model leaves out a packing row that its neighbour implies
// (src/solve/packing_rows.hpp); a row it left out wrongly would let the MIP
// break a rule, so each case checks which rows reach the model.
#include <catch2/catch.hpp>
#include <utility>
#include <vector>

#include "../../src/solve/packing_rows.hpp"

namespace sd = jadwal::solve::detail;

namespace {

struct emitted {
    double limit;
    sd::row_terms terms;
    friend bool operator==(const emitted&, const emitted&) = default;
};

/// The rows that reach the model when `rows` are added in order.
std::vector<emitted> kept(const std::vector<emitted>& rows) {
    std::vector<emitted> out;
    {
        sd::packing_rows packing([&](double limit, sd::row_terms t) { out.push_back({limit, std::move(t)}); });
        for (const auto& r : rows) packing.add(r.limit, r.terms);
    }  // the last row held back is passed on when the packing ends
    return out;
}

}  // namespace

TEST_CASE("a row nested in the next one under the same limit is left out", "[exact-model]") {
    // Sessions at 08:00 and 08:15 both run at 08:15, where a third has started.
    const auto out = kept({{1, {{0, 1}, {1, 1}}}, {1, {{0, 1}, {1, 1}, {2, 1}}}});
    REQUIRE(out == std::vector<emitted>{{1, {{0, 1}, {1, 1}, {2, 1}}}});
}

TEST_CASE("a row nested in the one before it is left out, and a repeated row kept once", "[exact-model]") {
    const auto out = kept({{1, {{0, 1}, {1, 1}, {2, 1}}}, {1, {{1, 1}, {2, 1}}}, {1, {{1, 1}, {2, 1}}}});
    REQUIRE(out == std::vector<emitted>{{1, {{0, 1}, {1, 1}, {2, 1}}}});
}

TEST_CASE("rows that overlap without nesting are both kept, in order", "[exact-model]") {
    const auto out = kept({{1, {{0, 1}, {1, 1}}}, {1, {{1, 1}, {2, 1}}}, {1, {{2, 1}, {3, 1}}}});
    REQUIRE(out.size() == 3);
    REQUIRE(out[0].terms == sd::row_terms{{0, 1}, {1, 1}});
    REQUIRE(out[2].terms == sd::row_terms{{2, 1}, {3, 1}});
}

TEST_CASE("a larger row under a looser limit does not stand for a tighter one", "[exact-model]") {
    // A unit with room for 1 at one slot and 2 at the next (the rest of the plan trains one then).
    const auto out = kept({{1, {{0, 1}, {1, 1}}}, {2, {{0, 1}, {1, 1}, {2, 1}}}});
    REQUIRE(out.size() == 2);
    // The other way round the tighter, larger row holds both.
    REQUIRE(kept({{2, {{0, 1}, {1, 1}}}, {1, {{0, 1}, {1, 1}, {2, 1}}}}).size() == 1);
}

TEST_CASE("a neighbour with a negative term does not imply a row without it", "[exact-model]") {
    // A cohort's members of one unit at most twice its y (column 9), then a
    // slot where the unit has room for one of the same people: with y open,
    // the first allows two, so the second is needed.
    const auto out = kept({{0, {{0, 1}, {1, 1}, {9, -2}}}, {1, {{0, 1}, {1, 1}}}});
    REQUIRE(out.size() == 2);
    // Room for none at the next slot: that row implies the cohort's, which is left out.
    REQUIRE(kept({{0, {{0, 1}, {1, 1}, {9, -2}}}, {0, {{0, 1}, {1, 1}}}}) ==
            std::vector<emitted>{{0, {{0, 1}, {1, 1}}}});
    // The same cohort's next slot, with the same y, is implied.
    REQUIRE(kept({{0, {{0, 1}, {1, 1}, {9, -2}}}, {0, {{0, 1}, {9, -2}}}}).size() == 1);
}

TEST_CASE("a row's terms are compared by column whatever order they come in", "[exact-model]") {
    const auto out = kept({{1, {{2, 1}, {0, 1}}}, {1, {{1, 1}, {2, 1}, {0, 1}}}});
    REQUIRE(out == std::vector<emitted>{{1, {{0, 1}, {1, 1}, {2, 1}}}});
    REQUIRE(sd::implies(1, {{0, 2}, {1, 1}}, 1, {{0, 1}, {1, 1}}));
    REQUIRE_FALSE(sd::implies(1, {{0, 1}, {1, 1}}, 1, {{0, 2}, {1, 1}}));
}
