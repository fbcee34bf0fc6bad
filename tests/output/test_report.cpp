// report.html: one self-contained page with every part interface.md asks
// for, built from markup the report writes itself, the same for the same plan.
#include <jadwal/generate/batanghari.hpp>
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/io/solution_json.hpp>
#include <jadwal/output/csv.hpp>
#include <jadwal/output/plan_figures.hpp>
#include <jadwal/output/report.hpp>

#include <date/tz.h>
#include <fmt/format.h>

#include <chrono>
#include <numeric>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "../../src/output/report_html.hpp"
#include "html_scan.hpp"
#include "output_fixtures.hpp"

using namespace jadwal;
using namespace jadwal::test;

namespace {

const std::set<std::string> report_tags = {
    "html", "head", "meta", "link", "title", "style", "body", "header",  "main",    "footer", "nav", "section",
    "h1",   "h2",   "h3",   "p",    "b",     "a",     "div",  "table",   "tr",      "th",     "td",  "code",
    "ul",   "li",   "svg",  "rect", "line",  "text",  "g",    "details", "summary", "small"};
const std::set<std::string> report_attributes = {"lang",    "charset", "name",       "content", "http-equiv", "rel",
                                                 "href",    "id",      "class",      "xmlns",   "width",      "height",
                                                 "viewbox", "role",    "aria-label", "x",       "y",          "x1",
                                                 "y1",      "x2",      "y2",         "fill",    "text-anchor"};

/// Fails unless every tag and attribute of `doc` is one the report writes, and
/// nothing in it can fetch: links only to the page's own sections, no URL in CSS.
void check_markup(const std::string& doc) {
    const auto tags = scan_tags(doc);
    REQUIRE(!tags.empty());
    for (const auto& t : tags) {
        const std::string name = t.name.front() == '/' ? t.name.substr(1) : t.name;
        INFO("tag <" << t.name << ">");
        CHECK(report_tags.contains(name));
        for (const auto& [a, v] : t.attributes) {
            INFO("attribute " << a << "=\"" << v << "\"");
            CHECK(report_attributes.contains(a));
            if (a == "href") CHECK((v.rfind('#', 0) == 0 || v == "data:,"));
            if (a == "xmlns") CHECK(v == "http://www.w3.org/2000/svg");  // a name, never fetched
        }
    }
    const auto style_at = doc.find("<style>");
    REQUIRE(style_at != std::string::npos);
    const std::string css = doc.substr(style_at, doc.find("</style>") - style_at);
    CHECK(css.find("url(") == std::string::npos);
    CHECK(css.find("@import") == std::string::npos);
    CHECK(css.find("@font-face") == std::string::npos);
}

std::size_t count(std::string_view doc, std::string_view what) {
    std::size_t n = 0;
    for (auto k = doc.find(what); k != std::string_view::npos; k = doc.find(what, k + what.size())) ++n;
    return n;
}

std::string section(const std::string& doc, std::string_view id) {
    const auto at = doc.find(fmt::format("<section id=\"{}\">", id));
    if (at == std::string::npos) return {};
    return doc.substr(at, doc.find("</section>", at) - at);
}

std::string report_of(const solved& p, const output::report_options& o = {}) {
    return output::html_report(*p.scenario, p.plan, *p.policy, o).content;
}

// The builder takes markup only as literals or number formats: strings cannot get in unescaped.
template <class T>
concept num_takes = requires(output::detail::html h, T v) {
    h.num("{}", v);
};
template <class T>
concept raw_takes = requires(output::detail::html h, T v) {
    h.raw(v);
};
static_assert(num_takes<int> && num_takes<double> && num_takes<std::int64_t&>);
static_assert(!num_takes<std::string> && !num_takes<const char*> && !num_takes<std::string_view> && !num_takes<char>);
static_assert(raw_takes<const char (&)[4]>);
static_assert(!raw_takes<std::string> && !raw_takes<const char*> && !raw_takes<std::string_view>);

}  // namespace

TEST_CASE("text is escaped for HTML text and quoted attributes", "[output][report]") {
    const auto [in, out] = GENERATE(table<std::string, std::string>({
        {"plain", "plain"},
        {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
        {"a & b", "a &amp; b"},
        {"\"quotes'", "&quot;quotes&#39;"},
        {"Ñoño Đặng", "Ñoño Đặng"},
        {"two\nlines\ttab", "two\nlines\ttab"},
        {std::string{"nul\0x", 5}, "nul\xEF\xBF\xBDx"},
        {"bell\x07", "bell\xEF\xBF\xBD"},
    }));
    CHECK(output::detail::escaped(in) == out);
}

TEST_CASE("long labels are cut at a whole character with an ellipsis", "[output][report]") {
    using output::detail::truncated;
    CHECK(truncated("Dinas", 5) == "Dinas");
    CHECK(truncated("Dinas Sosial", 5) == "Dina\xE2\x80\xA6");
    CHECK(truncated("Ñoño Đặng", 4) == "Ñoñ\xE2\x80\xA6");
    CHECK(truncated("ĐặĐặĐặ", 3) == "Đặ\xE2\x80\xA6");
}

TEST_CASE("the report is one self-contained HTML5 page that fetches nothing", "[output][report]") {
    const auto& ex = example_plan();
    const auto file = output::html_report(*ex.scenario, ex.plan, *ex.policy);
    CHECK(file.relative == "report.html");
    const std::string& doc = file.content;
    CHECK(doc.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(doc.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(doc.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">") != std::string::npos);
    CHECK(doc.find("content=\"default-src 'none'; style-src 'unsafe-inline'") != std::string::npos);
    CHECK(doc.find("@media print") != std::string::npos);
    CHECK(doc.find("<script") == std::string::npos);
    // The only "http" in the page is the SVG namespace name.
    CHECK(count(doc, "http") == count(doc, "xmlns=\"http://www.w3.org/2000/svg\"") + 1);  // + http-equiv
    CHECK(count(doc, "http-equiv") == 1);
    check_markup(doc);
    CHECK(doc.size() < 200 * 1024);
}

TEST_CASE("the report has every part interface.md asks for", "[output][report]") {
    const auto& ex = example_plan();
    output::report_options o;
    o.baseline = &example_baseline().plan;
    const std::string doc = report_of(ex, o);
    for (const char* id : {"summary", "comparison", "units", "absence", "after-hours", "cohorts", "unplaced"}) {
        INFO(id);
        CHECK(!section(doc, id).empty());
    }
    CHECK(section(doc, "checked").empty());  // no verify report given
    CHECK(count(section(doc, "units"), "<svg") == 1);
    CHECK(count(section(doc, "absence"), "<svg") == 1);
    CHECK(count(section(doc, "after-hours"), "<svg") == 2);
    CHECK(count(section(doc, "cohorts"), "<svg") == 1);
    // Every unit with staff has a row in the units table, by name and id.
    const auto units = section(doc, "units");
    for (const auto& u : ex.scenario->units) CHECK(units.find("<code>" + u.id + "</code>") != std::string::npos);
}

TEST_CASE("every live cohort is in the calendar and in the table with its local dates and times", "[output][report]") {
    for (const auto* p : all_plans()) {
        const auto cohorts = section(report_of(*p), "cohorts");
        const auto& z = *p->scenario->zone;
        auto local = [&](calendar::instant t) {  // "2026-04-07 08:00"
            const auto iso = calendar::format_instant(t, z);
            return iso.substr(0, 10) + " " + iso.substr(11, 5);
        };
        for (const auto& c : p->plan.cohorts) {
            if (c.mode == model::delivery_mode::self_paced || c.sessions.empty()) continue;
            const std::string id = output::detail::escaped(c.id);
            CHECK(count(cohorts, "<code>" + id + "</code>") == 1);
            CHECK(count(cohorts, "<title>" + id + " (") == 1);
            auto first = c.sessions.front().start, last = c.sessions.front().end;
            for (const auto& s : c.sessions) {
                first = std::min(first, s.start);
                last = std::max(last, s.end);
            }
            CHECK(cohorts.find(fmt::format("<td>{}</td><td>{}</td></tr>", local(first), local(last))) !=
                  std::string::npos);
        }
    }
}

TEST_CASE("the headline shows the plan's metrics, or the checker's when it checked the plan", "[output][report]") {
    const auto& ex = example_plan();
    const auto& m = ex.plan.metrics;
    const auto summary = section(report_of(ex), "summary");
    CHECK(summary.find("as the plan states them") != std::string::npos);
    CHECK(summary.find(fmt::format("<div class=\"v\">{:.1f}%</div>", 100 * m.participation_rate)) != std::string::npos);
    CHECK(summary.find(fmt::format("{} of {} demand items placed", m.demand_placed, m.demand_total)) !=
          std::string::npos);
    CHECK(summary.find(fmt::format("<div class=\"v\">{:.1f}%</div>", 100 * m.jp_target_attainment)) !=
          std::string::npos);
    CHECK(summary.find(fmt::format("<div class=\"v\">{:.1f}%</div>", 100 * m.max_unit_absence_ratio)) !=
          std::string::npos);
    CHECK(summary.find("<div class=\"card good\"><div class=\"v\">0</div><div class=\"k\">hard violations") !=
          std::string::npos);

    auto checked = verify::verify(*ex.scenario, ex.plan, *ex.policy);
    REQUIRE(checked.feasible());
    checked.metrics.participation_rate = 0.123;  // to see which metrics the page shows
    output::report_options o;
    o.checked = &checked;
    const auto doc = report_of(ex, o);
    CHECK(section(doc, "summary").find("jadwal verify recomputed") != std::string::npos);
    CHECK(section(doc, "summary").find("<div class=\"v\">12.3%</div>") != std::string::npos);
    CHECK(section(doc, "checked").find("found no violation") != std::string::npos);
}

TEST_CASE("a baseline puts both plans' metrics side by side with ratios", "[output][report]") {
    const auto& ex = example_plan();
    const auto& base = example_baseline();
    output::report_options o;
    o.baseline = &base.plan;
    o.baseline_label = "by hand";
    const auto cmp = section(report_of(ex, o), "comparison");
    REQUIRE(!cmp.empty());
    CHECK(cmp.find("<th class=\"n\">by hand</th>") != std::string::npos);
    for (const char* name : {"participation_rate", "jp_target_attainment", "disruption_minutes", "after_hours_minutes",
                             "max_after_hours_minutes_per_person_week", "max_unit_absence_ratio", "cohorts", "sessions",
                             "study_blocks", "hard_violations"})
        CHECK(cmp.find(fmt::format("<code>{}</code>", name)) != std::string::npos);
    // The cohorts row: both counts and their ratio (or "=" / "—" when the baseline has none).
    const auto a = ex.plan.metrics.cohorts, b = base.plan.metrics.cohorts;
    const std::string ratio =
        b != 0 ? fmt::format("\xC3\x97{:.2f}", double(a) / double(b)) : (a == 0 ? "=" : "\xE2\x80\x94");
    CHECK(cmp.find(fmt::format("<code>cohorts</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td "
                               "class=\"n\">{}</td>",
                               a, b, ratio)) != std::string::npos);
    // Better participation than the baseline shows green, worse red.
    const auto pa = ex.plan.metrics.participation_rate, pb = base.plan.metrics.participation_rate;
    if (pa != pb)
        CHECK(cmp.find(fmt::format("<code>participation_rate</code></td><td class=\"n {}\">",
                                   pa > pb ? "good" : "bad")) != std::string::npos);
    CHECK(section(report_of(ex), "comparison").empty());
}

TEST_CASE("violations the checker found are listed by code", "[output][report]") {
    const auto& ex = example_plan();
    solve::solution broken = ex.plan;
    auto live =
        std::find_if(broken.cohorts.begin(), broken.cohorts.end(), [](const auto& c) { return !c.sessions.empty(); });
    REQUIRE(live != broken.cohorts.end());
    // Independence Day: no window exists on a holiday, and nobody is available.
    const auto& z = *ex.scenario->zone;
    const auto day = calendar::local_minute{*calendar::parse_date("2026-08-17")};
    live->sessions[0].start = calendar::to_instant(day + std::chrono::hours{9}, z);
    live->sessions[0].end = live->sessions[0].start + std::chrono::minutes{45};
    const auto checked = verify::verify(*ex.scenario, broken, *ex.policy);
    REQUIRE(!checked.feasible());
    output::report_options o;
    o.checked = &checked;
    const auto doc = output::html_report(*ex.scenario, broken, *ex.policy, o).content;
    const auto sec = section(doc, "checked");
    for (const auto& [code, n] : checked.violations_by_code)
        CHECK(sec.find(fmt::format("<td><code>{}</code></td><td class=\"n\">{}</td>", code, n)) != std::string::npos);
    CHECK(section(doc, "summary").find("<div class=\"card bad\">") != std::string::npos);
    check_markup(doc);
}

TEST_CASE("the unplaced table is capped, with a count of the rest", "[output][report]") {
    const auto& h = hostile_plan();
    const auto n = h.plan.unplaced.size();
    REQUIRE(n >= 3);  // programme p4 cannot run: its cohort minimum exceeds the venue
    output::report_options o;
    o.unplaced_rows = 2;
    const auto sec = section(report_of(h, o), "unplaced");
    CHECK(count(sec, "<ul class=\"reasons\">") == 2);
    CHECK(sec.find(fmt::format("and {} more", n - 2)) != std::string::npos);
    const auto all = section(report_of(h), "unplaced");
    CHECK(count(all, "<ul class=\"reasons\">") == n);
    CHECK(all.find("more (mandatory demand") == std::string::npos);
    // Every reason code is counted.
    std::map<std::string, int> codes;
    for (const auto& u : h.plan.unplaced)
        for (const auto& r : u.reasons) ++codes[r.code];
    for (const auto& [code, k] : codes)
        CHECK(all.find(fmt::format("<tr><td><code>{}</code></td><td class=\"n\">{}</td>", code, k)) !=
              std::string::npos);
}

TEST_CASE("the charts show at most the asked number of units", "[output][report]") {
    const auto& ex = example_plan();
    output::report_options o;
    o.chart_units = 2;
    const auto doc = report_of(ex, o);
    // A heat map row is a background rect per unit; a bar chart row a bar of each
    // colour (and the legend one swatch of each).
    CHECK(count(section(doc, "absence"), "<rect class=\"empty\"") == 2);
    CHECK(count(section(doc, "units"), "<rect class=\"bar-a\"") == 2 + 1);
    CHECK(count(section(doc, "units"), "<rect class=\"bar-b\"") == 2 + 1);
    CHECK(section(doc, "units").find("The 2 units with the most demand, lowest participation first") !=
          std::string::npos);
    // Which two: the most demand, drawn lowest participation first.
    const auto f = output::compute_plan_figures(*ex.scenario, ex.plan, *ex.policy);
    std::vector<std::uint32_t> units(f.units.size());
    std::iota(units.begin(), units.end(), 0U);
    std::stable_sort(units.begin(), units.end(),
                     [&](auto a, auto b) { return f.units[a].demand_total > f.units[b].demand_total; });
    REQUIRE(units.size() > 2);
    REQUIRE(f.units[units[1]].demand_total > f.units[units[2]].demand_total);  // no tie decides
    units.resize(2);
    auto share = [&](std::uint32_t u) { return double(f.units[u].demand_placed) / double(f.units[u].demand_total); };
    if (share(units[1]) < share(units[0])) std::swap(units[0], units[1]);
    const std::string units_section = section(doc, "units");
    const auto chart = segments(units_section, "<svg", "</svg>").at(0);
    const auto first = chart.find("(" + ex.scenario->units[units[0]].id + ")</title>");
    const auto second = chart.find("(" + ex.scenario->units[units[1]].id + ")</title>");
    CHECK(first != std::string::npos);
    CHECK(second != std::string::npos);
    CHECK(first < second);
}

TEST_CASE("the same plan gives the same report, byte for byte", "[output][report]") {
    const auto& ex = example_plan();
    output::report_options o;
    o.baseline = &example_baseline().plan;
    CHECK(report_of(ex, o) == report_of(ex, o));
    // The timing field is the one thing allowed to differ between runs; the report ignores it.
    solve::solution later = ex.plan;
    later.elapsed_seconds += 10;
    CHECK(output::html_report(*ex.scenario, later, *ex.policy).content == report_of(ex));
}

// Times and sizes for the 7,200-employee Batanghari plan. Run by hand, with
// JADWAL_BENCH_SCENARIO=/tmp/rep/s.yaml and JADWAL_BENCH_SOLUTION=/tmp/rep/o/solution.json
// (and JADWAL_BENCH_OUT=DIR to keep the files): build-report/tests/test_output "[.bench]".
// Without the variables it generates seed 7 and solves it with 200,000 moves.
TEST_CASE("exports of the 7,200-employee plan are fast and of sensible size", "[.bench]") {
    using clock = std::chrono::steady_clock;
    const char* scenario_file = std::getenv("JADWAL_BENCH_SCENARIO");
    const char* solution_file = std::getenv("JADWAL_BENCH_SOLUTION");
    std::shared_ptr<const model::scenario> s;
    solve::solution plan;
    if (scenario_file && solution_file) {
        s = load_or_fail(load::load_scenario_file(scenario_file));
        auto r = io::read_solution_file(*s, solution_file);
        REQUIRE(r.solution);
        plan = std::move(*r.solution);
    } else {
        generate::batanghari_options g;
        g.employees = 7200;
        g.seed = 7;
        g.csv_threshold = 1 << 30;
        s = load_or_fail(load::load_scenario_text(generate::batanghari_yaml(g), "batanghari.yaml"));
        solve::solve_options so;
        so.max_moves = 200000;
        plan = solve::solve(*s, so);
    }
    const auto& pol = policy_named(*s, plan.policy);
    auto timed = [](const char* what, auto&& f) {
        const auto t0 = clock::now();
        auto out = f();
        const double ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
        fmt::print("{:<20} {:8.1f} ms {:10.1f} KiB\n", what, ms, static_cast<double>(out.content.size()) / 1024.0);
        return std::pair{std::move(out), ms};
    };
    fmt::print("{} employees, {} cohorts, {} study blocks, {} unplaced\n", s->employees.size(), plan.cohorts.size(),
               plan.study_blocks.size(), plan.unplaced.size());
    auto [schedule, t_schedule] = timed("schedule.csv", [&] { return output::schedule_csv(*s, plan); });
    auto [siasn, t_siasn] = timed("siasn_courses.csv", [&] { return output::siasn_courses_csv(*s, plan); });
    auto [report, t_report] = timed("report.html", [&] { return output::html_report(*s, plan, pol); });
    const auto checked = verify::verify(*s, plan, pol);
    output::report_options o;
    o.checked = &checked;
    auto [report2, t_report2] = timed("report.html checked", [&] { return output::html_report(*s, plan, pol, o); });
#ifdef NDEBUG  // a sanitizer build is many times slower
    CHECK(t_report < 1000);
#endif
    CHECK(report.content.size() < 4 * 1024 * 1024);
    if (const char* out = std::getenv("JADWAL_BENCH_OUT"))
        output::write_outputs(out, {std::move(schedule), std::move(siasn), std::move(report2)});
}
