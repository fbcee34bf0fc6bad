// Names that try to become markup, spreadsheet formulas or new CSV records
// stay text: in report.html (also inside SVG), in schedule.csv and in
// siasn_courses.csv. (The iCalendar side has its own tests.)
#include <jadwal/output/csv.hpp>
#include <jadwal/output/report.hpp>

#include <algorithm>
#include <set>

#include "html_scan.hpp"
#include "output_fixtures.hpp"
#include "rfc4180.hpp"

using namespace jadwal;
using namespace jadwal::test;

namespace {

std::string html_of_hostile() {
    const auto& h = hostile_plan();
    const auto checked = verify::verify(*h.scenario, h.plan, *h.policy);
    output::report_options o;
    o.checked = &checked;
    o.baseline = &h.plan;
    return output::html_report(*h.scenario, h.plan, *h.policy, o).content;
}

/// Every employee name of the hostile scenario, as text.
std::set<std::string> hostile_names() {
    std::set<std::string> out;
    for (const auto& e : hostile_plan().scenario->employees) out.insert(e.name);
    return out;
}

}  // namespace

TEST_CASE("the hostile plan places people in every delivery mode and leaves some out", "[output][hostile]") {
    // Otherwise the tests below could pass without the names ever reaching the outputs.
    const auto& p = hostile_plan().plan;
    std::set<model::delivery_mode> modes;
    for (const auto& c : p.cohorts)
        if (!c.participants.empty()) modes.insert(c.mode);
    CHECK(modes.contains(model::delivery_mode::classroom));
    CHECK(modes.contains(model::delivery_mode::online_live));
    CHECK(!p.study_blocks.empty());
    CHECK(!p.unplaced.empty());
    CHECK(p.metrics.hard_violations == 0);
}

TEST_CASE("hostile names never become markup in the report", "[output][hostile]") {
    const std::string doc = html_of_hostile();
    // Structure: only the report's own tags and attributes, and nothing that runs or loads.
    const auto tags = scan_tags(doc);
    const std::set<std::string> allowed = {
        "html", "head", "meta", "link", "title", "style", "body", "header",  "main",    "footer", "nav", "section",
        "h1",   "h2",   "h3",   "p",    "b",     "a",     "div",  "table",   "tr",      "th",     "td",  "code",
        "ul",   "li",   "svg",  "rect", "line",  "text",  "g",    "details", "summary", "small"};
    for (const auto& t : tags) {
        CHECK(allowed.contains(t.name.front() == '/' ? t.name.substr(1) : t.name));
        for (const auto& [a, v] : t.attributes) CHECK(a.rfind("on", 0) != 0);
    }
    const std::string low = lower(doc);
    CHECK(low.find("<script") == std::string::npos);
    CHECK(low.find("<img") == std::string::npos);
    CHECK(low.find("<iframe") == std::string::npos);
    CHECK(low.find("<b>kota") == std::string::npos);
    CHECK(std::count_if(tags.begin(), tags.end(), [](const html_tag& t) { return t.name == "style"; }) == 1);
    CHECK(std::count_if(tags.begin(), tags.end(), [](const html_tag& t) { return t.name == "title"; }) ==
          std::count_if(tags.begin(), tags.end(), [](const html_tag& t) { return t.name == "/title"; }));

    // Each hostile string is on the page, escaped: the tests above are not vacuous.
    for (const char* shown :
         {"&lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt;",   // scenario name, in <title> and <h1>
          "&lt;script&gt;alert(1)&lt;/script&gt;",                 // unit name
          "&lt;/svg&gt;&lt;script&gt;alert(2)&lt;/script&gt;",     // venue name
          "&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;",       // platform name
          "&lt;img src=x onerror=alert(5)&gt;",                    // programme title
          "&lt;iframe src=&quot;https://evil.example/&quot;&gt;",  // an unplaceable programme
          "&lt;style&gt;body{display:none}&lt;/style&gt;",         // policy description
          "&quot;quotes&#39;", "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)", "Nur&#39;aini, S.Pd.",
          "Zulkarnain &quot;Zul&quot;", "Ñoño Đặng", "Evil\nATTENDEE:mailto:evil@x"}) {
        INFO(shown);
        CHECK(doc.find(shown) != std::string::npos);
    }
    // Inside SVG too: unit names label the charts, titles and venues the cohort calendar.
    std::string svg;
    for (const auto seg : segments(doc, "<svg", "</svg>")) svg += seg;
    CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(svg.find("&lt;img src=x onerror=alert(5)&gt;") != std::string::npos);
    CHECK(svg.find("&lt;/svg&gt;&lt;script&gt;alert(2)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("hostile names never become formulas or extra records in schedule.csv", "[output][hostile]") {
    const auto& h = hostile_plan();
    const auto t = read_rfc4180(output::schedule_csv(*h.scenario, h.plan).content);
    std::size_t expected = h.plan.study_blocks.size();
    for (const auto& c : h.plan.cohorts) expected += c.participants.size() * c.sessions.size();
    CHECK(t.size() == expected + 1);  // the line break in a name did not start a record
    const auto names = hostile_names();
    std::set<std::string> seen;
    for (std::size_t r = 1; r < t.size(); ++r) {
        for (const auto& cell : t[r]) {
            INFO("row " << r << " cell [" << cell << "]");
            CHECK(!output::looks_like_formula(cell));
        }
        CHECK(t[r][0].rfind("ATTENDEE", 0) == std::string::npos);
        // The name reads back exactly, with an apostrophe before each formula start.
        const std::string& name = t[r][1];
        const auto original = std::find_if(names.begin(), names.end(),
                                           [&](const std::string& n) { return output::neutralise_formulas(n) == name; });
        REQUIRE(original != names.end());
        CHECK((name == *original) == !output::looks_like_formula(*original));
        seen.insert(*original);
    }
    CHECK(seen == names);  // everyone appears, so every kind of name was tried
    // Unit names, programme and module ids and titles, venues and cohort ids go the same way.
    std::set<std::string> units;
    for (std::size_t r = 1; r < t.size(); ++r) units.insert(t[r][3]);
    CHECK(units == std::set<std::string>{"<script>alert(1)</script>", "'=HYPERLINK(\"http://x\",\"y\")"});
    bool p1 = false;
    for (std::size_t r = 1; r < t.size(); ++r)
        if (t[r][4] == "'=p1") {
            p1 = true;
            CHECK(t[r][5] == "<img src=x onerror=alert(5)>");
            CHECK(t[r][6] == "'@m1");
            CHECK(t[r][7] == "'@SUM(1+1)*cmd|' /C calc'!A0");
            CHECK(t[r][13] == "aula");
            CHECK(t[r][14] == "</svg><script>alert(2)</script>");
            CHECK(t[r][15].rfind("'=p1", 0) == 0);  // cohort ids start with the programme id
        }
    CHECK(p1);
    bool odd_nip = false;
    for (std::size_t r = 1; r < t.size(); ++r)
        if (t[r][0] == "'-1+2") {
            odd_nip = true;
            CHECK(t[r][1] == "'\tTab\r'-1");
        }
    CHECK(odd_nip);
}

TEST_CASE("hostile names never become formulas or extra records in siasn_courses.csv", "[output][hostile]") {
    const auto& h = hostile_plan();
    output::csv_options o;
    o.default_organizer = "@organiser";
    const auto t = read_rfc4180(output::siasn_courses_csv(*h.scenario, h.plan, o).content);
    REQUIRE(t.size() > 1);
    std::set<std::string> organisers, courses;
    for (std::size_t r = 1; r < t.size(); ++r) {
        for (const auto& cell : t[r]) {
            INFO("row " << r << " cell [" << cell << "]");
            CHECK(!output::looks_like_formula(cell));
        }
        CHECK(t[r].size() == t[0].size());
        organisers.insert(t[r][3]);
        courses.insert(t[r][2]);
    }
    CHECK(organisers == std::set<std::string>{"'=1+1", "'@organiser"});
    CHECK(courses.contains("'=cmd|' /C calc'!A0"));
    CHECK(courses.contains("'+Self <paced> & 'study'"));
    CHECK(courses.contains("<img src=x onerror=alert(5)>"));
}
