// The training history in `verify`: JP earned in the plan's year count toward
// the JP target and the PPPK cap (H7-JP-CAP), computed by the checker itself.
#include "fixture.hpp"

using namespace jadwal;
using namespace jadwal::test;

namespace {

using strings = std::vector<std::string>;

bool says(const verify::violation& v, std::string_view text) {
    return v.message.find(text) != std::string::npos;
}

model::history_entry course(const model::scenario& s, const std::string& employee, int jp, calendar::local_date end) {
    model::history_entry h;
    h.employee = emp(s, employee);
    h.course = "Diklat";
    h.organizer = "BPSDM";
    h.jp = jp;
    h.start = end - date::days{1};
    h.end = end;
    return h;
}

const calendar::local_date this_year = date::local_days{date::year{2026} / 2 / 10};
const calendar::local_date last_year = date::local_days{date::year{2025} / 12 / 30};

}  // namespace

TEST_CASE("JP earned this year and the JP scheduled together are held to the PPPK cap", "[verify][history]") {
    auto s = base_scenario();
    REQUIRE(s.employees[emp(s, "e3").value].jp_cap == 24);
    const auto plan = base_plan(s);  // Rudi (e3, PPPK) takes etika, 2 JP
    SECTION("22 earned + 2 scheduled: at the cap") {
        s.history.push_back(course(s, "e3", 22, this_year));
        const auto r = check(s, plan);
        INFO(listing(r));
        CHECK(r.violations.empty());
        CHECK(r.earned_jp[emp(s, "e3").value] == 22);
    }
    SECTION("23 earned + 2 scheduled: above it") {
        s.history.push_back(course(s, "e3", 20, this_year));
        s.history.push_back(course(s, "e3", 3, date::local_days{date::year{2026} / 12 / 31}));
        const auto r = check(s, plan);
        INFO(listing(r));
        CHECK(codes(r) == strings{"H7-JP-CAP"});
        CHECK(first(r, "H7-JP-CAP").employee == "e3");
        CHECK(says(first(r, "H7-JP-CAP"), "earned 23 JP this year"));
    }
    SECTION("last year's courses do not count") {
        s.history.push_back(course(s, "e3", 30, last_year));
        const auto r = check(s, plan);
        INFO(listing(r));
        CHECK(r.violations.empty());
        CHECK(r.metrics.jp_earned == 0);
    }
    SECTION("a history above the cap is no fault of a plan that adds nothing") {
        s.history.push_back(course(s, "e3", 30, this_year));
        auto empty = plan;
        auto& etika = empty.cohorts[1];
        etika.participants = people(s, {"e1"});
        empty.unplaced.push_back({emp(s, "e3"), prog(s, "etika"), {{"R-TEST", "left out"}}, {}});
        const auto r = check(s, empty);
        INFO(listing(r));
        CHECK(count(r, "H7-JP-CAP") == 0);
        CHECK(count(check(s, plan), "H7-JP-CAP") == 1);
    }
}

TEST_CASE("earned JP count toward the JP target and the earned, planned and total JP metrics", "[verify][history]") {
    auto s = base_scenario();
    const auto plan = base_plan(s);
    const auto before = check(s, plan);
    REQUIRE(before.violations.empty());
    CHECK(before.metrics.jp_earned == 0);
    // keuda 8 JP x2, etika 2 JP x2, webinar 2 JP x2, prima 2 JP.
    CHECK(before.metrics.jp_planned == 26);
    CHECK(before.metrics.jp_total == 26);

    // Dewi (e4, target 20) takes the 2 JP webinar: 18 earned this year make 20.
    s.history.push_back(course(s, "e4", 18, this_year));
    s.history.push_back(course(s, "n2", 40, last_year));  // last year's: counts for nothing
    const auto after = check(s, plan);
    REQUIRE(after.violations.empty());
    CHECK(after.metrics.jp_target_met == before.metrics.jp_target_met + 1);
    CHECK(after.metrics.jp_earned == 18);
    CHECK(after.metrics.jp_planned == 26);
    CHECK(after.metrics.jp_total == 44);
    CHECK(after.placed_jp == before.placed_jp);  // placed JP stay the plan's own
    std::int64_t groups = 0;
    for (const auto& g : after.staff_groups) groups += g.jp_target_met;
    CHECK(groups == after.metrics.jp_target_met);

    // 17 earned leave her one short.
    s.history.front().jp = 17;
    CHECK(check(s, plan).metrics.jp_target_met == before.metrics.jp_target_met);
}
