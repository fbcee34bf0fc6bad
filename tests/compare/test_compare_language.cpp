// comparison.html in Indonesian (docs/languages.md): the table's labels, the
// chart captions and every figure in Indonesian formats; English as it was.
#include <fmt/format.h>

#include <array>
#include <jadwal/compare/compare.hpp>
#include <jadwal/text/messages.hpp>
#include <regex>
#include <string>
#include <vector>

#include "../solve/support.hpp"

using namespace jadwal;

namespace {

const model::scenario& population() {
    static const auto s = jadwal::test::batanghari(300, 5);
    return *s;
}

const compare::comparison& two_policies() {
    static const compare::comparison c = [] {
        compare::compare_options o;
        o.policies = {"classroom_only", "flexible"};
        o.max_moves = 1000;
        o.seed = 2;
        o.attendance.runs = 20;
        o.language = text::language::id;
        return compare::compare_policies(population(), o);
    }();
    return c;
}

/// What a reader sees: tags and the style sheet removed.
std::string visible_text(std::string doc) {
    const auto style = doc.find("<style>");
    if (style != std::string::npos) doc.erase(style, doc.find("</style>") - style + 8);
    std::string out;
    bool in_tag = false;
    for (const char c : doc) {
        if (c == '<')
            in_tag = true, out += ' ';
        else if (c == '>')
            in_tag = false;
        else if (!in_tag)
            out += c;
    }
    return out;
}

}  // namespace

TEST_CASE("The comparison takes its language from the options and writes comparison.html in it",
          "[compare][language]") {
    const auto& s = population();
    const auto& c = two_policies();
    REQUIRE(c.language == text::language::id);
    const auto page = compare::comparison_html(s, c);
    CHECK(page.find("<html lang=\"id\">") != std::string::npos);
    CHECK(page.find("<h1>Perbandingan kebijakan</h1>") != std::string::npos);
    CHECK(page.find("<td>tingkat partisipasi</td>") != std::string::npos);
    CHECK(page.find(" (makin tinggi makin baik)") != std::string::npos);

    // The reader's words, with the policy ids, the scenario's name and the
    // strategy's (machine names) left out.
    std::string text = visible_text(page);
    const std::vector<std::string> own{s.name, "classroom_only", "flexible", std::string{solve::to_string(c.strategy)}};
    for (const auto& x : own)
        for (auto k = text.find(x); k != std::string::npos; k = text.find(x, k))
            text = text.substr(0, k) + " " + text.substr(k + x.size());
    for (const auto word :
         {" the ", " of ", " and ", "Training", "Participation", "participation", "Cohort", "cohort", "Unit ",
          " people", "Week", "minutes", "expected", "better", "Policy", "Charts", "percentile", "demand"}) {
        const auto at = text.find(word);
        const std::string around = at == std::string::npos ? "" : text.substr(at > 60 ? at - 60 : 0, 120);
        INFO("English word \"" << word << "\" in the Indonesian comparison: … " << around << " …");
        CHECK(at == std::string::npos);
    }
}

TEST_CASE("The Indonesian comparison writes numbers and percentages in Indonesian formats", "[compare][language]") {
    const auto& s = population();
    const auto& c = two_policies();
    const auto page = compare::comparison_html(s, c, text::messages(text::language::id));
    const auto text = visible_text(page);
    // The minutes of training in working time run into the thousands.
    const auto minutes = c.results[0].check.metrics.disruption_minutes;
    REQUIRE(minutes >= 1000);
    CHECK(text.find(text::messages(text::language::id).number(minutes)) != std::string::npos);
    CHECK(std::regex_search(text, std::regex(R"(\d\.\d{3})")));
    CHECK(std::regex_search(text, std::regex(R"(\d+,\d%)")));         // "65,5%"
    CHECK_FALSE(std::regex_search(text, std::regex(R"(\d+\.\d%)")));  // never "65.5%"
    const auto rows = compare::comparison_rows(c, text::messages(text::language::id));
    const auto& placed = rows.at(1);
    REQUIRE(placed.key == "demand_placed");
    CHECK(compare::format_value(placed, 0, text::messages(text::language::id)) ==
          fmt::format("{}/{}", text::messages(text::language::id).number(std::llround(placed.values[0])),
                      text::messages(text::language::id).number(std::llround(placed.totals[0]))));
}

TEST_CASE("The English comparison and comparison.json are as they always were", "[compare][language]") {
    const auto& s = population();
    auto c = two_policies();  // a copy: the same plans, asked in English
    c.language = std::nullopt;
    const auto page = compare::comparison_html(s, c);
    CHECK(page == compare::comparison_html(s, c, text::messages(text::language::en)));
    CHECK(page.find("<html lang=\"en\">") != std::string::npos);
    CHECK(page.find("<h1>Policy comparison</h1>") != std::string::npos);
    CHECK(page.find("<td>participation rate</td>") != std::string::npos);
    CHECK(page.find(" (higher is better)") != std::string::npos);
    const auto minutes = c.results[0].check.metrics.disruption_minutes;
    CHECK(page.find(fmt::format("<td>{}</td>", minutes)) != std::string::npos);  // no grouping, as before
    // The JSON keeps English labels whatever the language asked for.
    CHECK(compare::comparison_json(s, two_policies()).find("\"label\": \"participation rate\"") != std::string::npos);
    // The scenario's locale chooses Indonesian when the options do not.
    model::scenario local = s;
    local.locale = text::language::id;
    CHECK(compare::comparison_html(local, c).find("<html lang=\"id\">") != std::string::npos);
}
