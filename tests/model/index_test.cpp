// Typed indices (jadwal/model/index.hpp): what the solver's typed ids rest on.
// The compile-time checks are the point: a vector indexed by one kind of id
// refuses a bare integer and another kind of id, so passing a day where a
// demand item is meant does not build.
#include <catch2/catch.hpp>
#include <jadwal/model/index.hpp>
#include <set>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <vector>

namespace {

using demand_id = jadwal::model::index<struct demand_tag>;
using day_id = jadwal::model::index<struct day_tag>;
using by_demand = jadwal::model::index_vector<demand_id, std::string>;

template <class V, class I>
concept indexable_by = requires(V& v, I i) {
    v[i];
};

static_assert(indexable_by<by_demand, demand_id>);
static_assert(indexable_by<const by_demand, demand_id>);
static_assert(!indexable_by<by_demand, std::uint32_t>, "a bare integer is not a demand id");
static_assert(!indexable_by<by_demand, int>, "a bare integer is not a demand id");
static_assert(!indexable_by<by_demand, day_id>, "a day is not a demand item");
static_assert(!std::is_convertible_v<std::uint32_t, demand_id>, "no implicit id from an integer");
static_assert(!std::is_convertible_v<day_id, demand_id>, "no id of one kind from another");
static_assert(sizeof(demand_id) == sizeof(std::uint32_t), "an id costs what its integer costs");

}  // namespace

TEST_CASE("an index_vector is read and written by its own index", "[model][index]") {
    by_demand names;
    const demand_id first = names.next_index();
    names.push_back("ani");
    const demand_id second = names.next_index();
    names.emplace_back("budi");
    CHECK(first.value == 0);
    CHECK(second.value == 1);
    CHECK(names[first] == "ani");
    names[second] += " santoso";
    CHECK(names[second] == "budi santoso");
    CHECK(names.size() == 2);
}

TEST_CASE("indices() lists every index of a vector in order, and none of an empty one", "[model][index]") {
    by_demand names(3, "x");
    std::vector<std::uint32_t> seen;
    for (const demand_id d : names.indices()) seen.push_back(d.value);
    CHECK(seen == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(by_demand{}.indices().empty());
    CHECK(jadwal::model::index_range<demand_id>(5, 2).empty());  // a reversed range is empty, not huge
}

TEST_CASE("a default index is not valid; ids order, compare and hash by their value", "[model][index]") {
    CHECK_FALSE(demand_id{}.valid());
    CHECK(demand_id{0}.valid());
    CHECK(demand_id{1} < demand_id{2});
    CHECK(demand_id{4} == demand_id{4});
    const std::set<demand_id> ordered{demand_id{3}, demand_id{1}, demand_id{2}};
    CHECK(ordered.begin()->value == 1);
    const std::unordered_set<demand_id> hashed{demand_id{7}, demand_id{7}, demand_id{8}};
    CHECK(hashed.size() == 2);
}
