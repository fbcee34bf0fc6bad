// report.html and preferences (docs/outputs.md "Figures"): the checker's
// preference misses as a headline figure, in English and Indonesian, once
// someone states a preference, and as a metric of the comparison with a
// baseline (lower is better).
#include <jadwal/output/report.hpp>
#include <jadwal/verify/verify.hpp>
#include <string>

#include "output_fixtures.hpp"

using namespace jadwal;
using namespace jadwal::test;

namespace {

constexpr std::uint8_t thursday = 1U << 4U;

/// The verify tests' scenario where bpkad prefers Thursdays and Siti prefers
/// online courses: 6 misses in the hand-made plan (Siti's classroom course;
/// Siti's and Ahmad's Tuesday and Wednesday sessions; Dewi's Wednesday webinar).
model::scenario asking_scenario() {
    auto s = base_scenario();
    s.units[0].preferred_days = thursday;
    s.employees[emp(s, "e1").value].prefs.modes = {model::delivery_mode::online_live};
    return s;
}

std::string page(const model::scenario& s, const solve::solution& p, const verify::report& r, text::language l,
                 const solve::solution* baseline = nullptr) {
    output::report_options o;
    o.checked = &r;
    o.language = l;
    o.baseline = baseline;
    return output::html_report(s, p, policy(s, "flexible"), o).content;
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("the report shows the checker's preference misses beside the after-hours figures",
          "[output][report][preferences]") {
    const auto s = asking_scenario();
    const auto p = base_plan(s);
    const auto r = check(s, p);
    REQUIRE(r.metrics.preference_misses == 6);
    const auto en = page(s, p, r, text::language::en);
    CHECK(has(en,
              "<div class=\"v\">6</div><div class=\"k\">preference misses (a day, time or mode people did "
              "not ask for; 4 people have preferences)</div>"));
    // After the after-hours cards, before the absence card.
    CHECK(en.find("most after-hours minutes of one person in one week") < en.find("preference misses (a day"));
    CHECK(en.find("preference misses (a day") < en.find("largest share of one unit"));
    const auto id = page(s, p, r, text::language::id);
    CHECK(has(id,
              "<div class=\"v\">6</div><div class=\"k\">ketidaksesuaian preferensi (hari, jam, atau moda yang "
              "tidak diminta; 4 orang memiliki preferensi)</div>"));
    CHECK_FALSE(has(id, "preference misses"));
}

TEST_CASE("without preferences the report has no preference card", "[output][report][preferences]") {
    const auto s = base_scenario();
    const auto p = base_plan(s);
    const auto r = check(s, p);
    const auto en = page(s, p, r, text::language::en);
    CHECK_FALSE(has(en, "preference misses"));
    CHECK(has(en, "most after-hours minutes of one person in one week"));
}

TEST_CASE("the report's comparison lists preference misses, fewer being better", "[output][report][preferences]") {
    const auto s = asking_scenario();
    auto p = base_plan(s);
    const auto r = check(s, p);
    // A baseline that states more misses than this plan: this plan's cell is green.
    auto baseline = base_plan(s);
    baseline.metrics.preference_misses = 9;
    const auto en = page(s, p, r, text::language::en, &baseline);
    CHECK(has(en,
              "<tr><td>preference misses <code>preference_misses</code></td><td class=\"n good\">6</td>"
              "<td class=\"n\">9</td>"));
    baseline.metrics.preference_misses = 2;
    const auto worse = page(s, p, r, text::language::en, &baseline);
    CHECK(has(worse, "<td>preference misses <code>preference_misses</code></td><td class=\"n bad\">6</td>"));
    const auto id = page(s, p, r, text::language::id, &baseline);
    CHECK(has(id, "<td>ketidaksesuaian preferensi <code>preference_misses</code></td>"));
}
