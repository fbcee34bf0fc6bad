// report.html in Indonesian (docs/languages.md): every text the report writes
// itself in Bahasa Indonesia with Indonesian formats, the English report as it
// always was.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <jadwal/output/report.hpp>
#include <jadwal/text/messages.hpp>
#include <jadwal/verify/verify.hpp>
#include <regex>
#include <string>
#include <vector>

#include "html_scan.hpp"
#include "output_fixtures.hpp"

using namespace jadwal;
using namespace jadwal::test;

namespace {

/// The text a reader sees (tooltips included): tags, the style sheet and
/// scripts removed, the few character references the report writes decoded.
std::string visible_text(std::string doc) {
    for (const auto* tag : {"style", "script"}) {
        const std::string open = fmt::format("<{}", tag), close = fmt::format("</{}>", tag);
        for (auto k = doc.find(open); k != std::string::npos; k = doc.find(open, k)) {
            const auto e = doc.find(close, k);
            doc.erase(k, e == std::string::npos ? std::string::npos : e + close.size() - k);
        }
    }
    // Codes (metric names, reason codes) are machine-readable names that stay English.
    for (auto k = doc.find("<code>"); k != std::string::npos; k = doc.find("<code>", k)) {
        const auto e = doc.find("</code>", k);
        doc.erase(k, e == std::string::npos ? std::string::npos : e + 7 - k);
    }
    std::string out;
    bool in_tag = false;
    for (const char c : doc) {
        if (c == '<') {
            in_tag = true;
            out += ' ';
        } else if (c == '>') {
            in_tag = false;
        } else if (!in_tag) {
            out += c;
        }
    }
    for (const auto& [ref, ch] : std::array<std::pair<std::string_view, std::string_view>, 6>{
             {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&middot;", "·"}}})
        for (auto k = out.find(ref); k != std::string::npos; k = out.find(ref, k)) out.replace(k, ref.size(), ch);
    return out;
}

/// `text` without "unit kerja" and the strings that come from the scenario and the plan (names,
/// ids, titles, the solver's reasons): they are in whatever language their
/// authors wrote them, not the report's.
std::string without_scenario_strings(std::string text, const model::scenario& s, const model::solution& sol) {
    std::vector<std::string> own{s.name, sol.strategy, sol.policy};
    for (const auto& u : s.units) own.insert(own.end(), {u.name, u.id});
    for (const auto& e : s.employees) own.insert(own.end(), {e.name, e.id});
    for (const auto& p : s.programs) own.insert(own.end(), {p.title, p.id});
    for (const auto& v : s.venues) own.insert(own.end(), {v.name, v.id});
    for (const auto& p : s.platforms) own.insert(own.end(), {p.name, p.id});
    for (const auto& p : s.policies) own.insert(own.end(), {p.id, p.description});
    for (const auto& c : sol.cohorts) own.push_back(c.id);
    for (const auto& u : sol.unplaced)
        for (const auto& r : u.reasons) own.insert(own.end(), {r.message, r.code});
    // "unit kerja" is the Indonesian for a unit: not the English "Unit ".
    own.insert(own.end(), {"Unit kerja", "unit kerja"});
    std::erase_if(own, [](const std::string& x) { return x.size() < 3; });
    // Longest first, so that a name is not cut by a shorter one inside it.
    std::sort(own.begin(), own.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& x : own)
        for (auto k = text.find(x); k != std::string::npos; k = text.find(x, k))
            text = text.substr(0, k) + " " + text.substr(k + x.size());
    return text;
}

constexpr std::array<std::string_view, 13> english_words{" the ",   " of ",      " and ",   "Training", "Participation",
                                                         "Cohort",  "Unit ",     " people", "Week",     "participation",
                                                         "Summary", " per unit", "demand"};

output::report_options indonesian() {
    output::report_options o;
    o.language = text::language::id;
    return o;
}

}  // namespace

TEST_CASE("The Indonesian report says lang=\"id\" and reads in Indonesian throughout", "[output][report][language]") {
    const auto& p = example_plan();
    const auto checked = verify::verify(*p.scenario, p.plan, *p.policy);
    auto o = indonesian();
    o.baseline = &example_baseline().plan;
    o.checked = &checked;
    const auto doc = output::html_report(*p.scenario, p.plan, *p.policy, o).content;

    CHECK(doc.find("<html lang=\"id\">") != std::string::npos);
    CHECK(doc.find("lang=\"en\"") == std::string::npos);
    CHECK(doc.find("<title>Rencana pelatihan: ") != std::string::npos);
    CHECK(doc.find(">Ringkasan</h2>") != std::string::npos);
    CHECK(doc.find(">Partisipasi dan target JP per unit kerja</h2>") != std::string::npos);

    const std::string text = without_scenario_strings(visible_text(doc), *p.scenario, p.plan);
    for (const auto word : english_words) {
        const auto at = text.find(word);
        const std::string around = at == std::string::npos ? "" : text.substr(at > 80 ? at - 80 : 0, 160);
        INFO("English word \"" << word << "\" in the Indonesian report: … " << around << " …");
        CHECK(at == std::string::npos);
    }
}

TEST_CASE("The Indonesian report groups thousands with dots and writes decimals with a comma",
          "[output][report][language]") {
    const auto& p = example_plan();
    const auto doc = output::html_report(*p.scenario, p.plan, *p.policy, indonesian()).content;
    const auto text = without_scenario_strings(visible_text(doc), *p.scenario, p.plan);
    // The after-hours minutes are in the thousands: "12.345", never "12,345".
    const auto minutes = p.plan.metrics.after_hours_minutes;
    REQUIRE(minutes >= 1000);
    REQUIRE(minutes < 1000000);
    const text::messages id(text::language::id);
    CHECK(text.find(id.number(minutes)) != std::string::npos);
    CHECK(text.find(fmt::format("{}.{:03}", minutes / 1000, minutes % 1000)) != std::string::npos);
    CHECK_FALSE(std::regex_search(text, std::regex(R"(\d,\d{3}(?!\d))")));  // no English grouping
    // Percentages: "65,5%", not "65.5%".
    CHECK(std::regex_search(text, std::regex(R"(\d+,\d%)")));
    CHECK_FALSE(std::regex_search(text, std::regex(R"(\d+\.\d%)")));
    CHECK(text.find(id.percent(p.plan.metrics.participation_rate)) != std::string::npos);
}

TEST_CASE("The Indonesian report names months and weekdays in Indonesian", "[output][report][language]") {
    const auto& p = example_plan();
    // The solver's reasons are in the plan's language (English here): left out.
    const auto text = without_scenario_strings(
        visible_text(output::html_report(*p.scenario, p.plan, *p.policy, indonesian()).content), *p.scenario, p.plan);
    const text::messages id(text::language::id);
    // The header: the horizon as "Senin, 5 Januari 2026 s.d. ...".
    CHECK(text.find(id.day(p.scenario->horizon.first, text::date_style::full)) != std::string::npos);
    CHECK(text.find(id.day(p.scenario->horizon.last, text::date_style::full)) != std::string::npos);
    const bool indonesian_month = std::regex_search(
        text, std::regex("Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember|Agu|Okt|Des"));
    CHECK(indonesian_month);
    CHECK(std::regex_search(text, std::regex("Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu")));
    for (const auto* english : {"January", "February", "March", "June", "July", "August", "October", "December",
                                "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}) {
        INFO(english);
        CHECK(text.find(english) == std::string::npos);
    }
    // Cohort times: "08.00" in Indonesian, not "08:00".
    CHECK(std::regex_search(text, std::regex(R"(\d{4} \d\d\.\d\d)")));
    std::smatch english_time;
    const bool has_english_time = std::regex_search(text, english_time, std::regex(R"(\d{4} \d\d:\d\d)"));
    INFO((has_english_time ? english_time.str() : std::string{}));
    CHECK_FALSE(has_english_time);
}

TEST_CASE("The scenario's locale chooses Indonesian and the option overrides it", "[output][report][language]") {
    const auto& p = example_plan();
    model::scenario s = *p.scenario;
    s.locale = text::language::id;
    const auto by_locale = output::html_report(s, p.plan, *p.policy).content;
    CHECK(by_locale.find("<html lang=\"id\">") != std::string::npos);
    CHECK(by_locale.find("Rencana pelatihan: ") != std::string::npos);

    output::report_options en;
    en.language = text::language::en;
    const auto asked = output::html_report(s, p.plan, *p.policy, en).content;
    CHECK(asked.find("<html lang=\"en\">") != std::string::npos);
    CHECK(asked.find("Training plan: ") != std::string::npos);
}

TEST_CASE("The English report is the one it always was", "[output][report][language]") {
    const auto& p = example_plan();
    const auto plain = output::html_report(*p.scenario, p.plan, *p.policy).content;
    output::report_options en;
    en.language = text::language::en;
    CHECK(output::html_report(*p.scenario, p.plan, *p.policy, en).content == plain);
    CHECK(plain.find("<html lang=\"en\">") != std::string::npos);
    CHECK(plain.find("<title>Training plan: ") != std::string::npos);
    CHECK(plain.find("<h2>Participation and JP targets per unit</h2>") != std::string::npos);
    const auto text = visible_text(plain);
    const auto minutes = p.plan.metrics.after_hours_minutes;
    REQUIRE(minutes >= 1000);
    CHECK(text.find(fmt::format("{},{:03}", minutes / 1000, minutes % 1000)) != std::string::npos);
    CHECK(std::regex_search(text, std::regex(R"(\d+\.\d%)")));
    // Dates as ever: ISO in the header and the cohort table.
    CHECK(text.find(fmt::format("{} to {}", calendar::format_date(p.scenario->horizon.first),
                                calendar::format_date(p.scenario->horizon.last))) != std::string::npos);
    CHECK(std::regex_search(text, std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d)")));
    CHECK(text.find("classroom") != std::string::npos);
    CHECK(text.find("klasikal") == std::string::npos);
}

TEST_CASE("write the example report in both languages for a look in a browser", "[.write-language-reports]") {
    const char* dir = std::getenv("JADWAL_REPORT_DIR");
    REQUIRE(dir != nullptr);
    const auto& p = example_plan();
    const auto checked = verify::verify(*p.scenario, p.plan, *p.policy);
    for (const auto l : text::languages) {
        output::report_options o;
        o.language = l;
        o.checked = &checked;
        o.baseline = &example_baseline().plan;
        const auto root = std::filesystem::path{dir} / fmt::format("example-{}", text::code(l));
        output::write_outputs(root, {output::html_report(*p.scenario, p.plan, *p.policy, o)});
        CHECK(std::filesystem::file_size(root / "report.html") > 0);
    }
}
