// comparison.html drawn from what the page is given: every string escaped, and a
// row with fewer figures than columns shows the figures it has.
#include <jadwal/output/comparison_page.hpp>
#include <jadwal/text/messages.hpp>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using namespace jadwal;

namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("The comparison page escapes every name it is given", "[comparison-page]") {
    output::comparison_page page;
    page.scenario = "<script>alert(1)</script>";
    page.strategy = "optimized";
    page.columns = {"a&b", "\"quoted\""};
    page.rows.push_back({"<b>placed</b>", true, {3, 4}, {"3/10", "4/10"}});
    const auto html = output::comparison_html(page, text::messages(text::language::en));
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("<b>placed") == std::string::npos);
    CHECK(html.find("a&amp;b") != std::string::npos);
    CHECK(html.find("&quot;quoted&quot;") != std::string::npos);
    CHECK(count_of(html, "<rect ") == 2);
}

TEST_CASE("A comparison row with fewer figures than columns shows the figures it has", "[comparison-page]") {
    output::comparison_page page;
    page.scenario = "s";
    page.strategy = "baseline";
    page.columns = {"p1", "p2", "p3"};
    page.rows.push_back({"cohorts", false, {5, 6, 7}, {"5"}});
    page.rows.push_back({"sessions", false, {1}, {"1", "2", "3"}});
    const auto id = output::comparison_html(page, text::messages(text::language::id));
    CHECK(id.find("<html lang=\"id\">") != std::string::npos);
    CHECK(count_of(id, "<rect ") == 2);  // one bar per row
    CHECK(count_of(id, "<td>") == 2 + 2);  // a label and one figure per row
    CHECK(id.find("(makin rendah makin baik)") != std::string::npos);
}
