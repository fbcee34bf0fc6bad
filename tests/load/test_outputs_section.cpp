// The optional `outputs` section (docs/format.md "outputs"): the scenario's
// own defaults for the published files, each key checked as the other
// sections' keys are.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "helpers.hpp"

using namespace jadwal;

namespace {

// Eight lines: the `outputs` section starts on line 9.
constexpr std::string_view base = R"(jadwal: 1
scenario: {name: t, from: 2026-01-05, to: 2026-12-18}
holidays: [id-2026]
work_patterns:
  office:
    week: {mon-fri: [08:00-16:00]}
units: [{id: bpkad, pattern: office}]
employees: [{id: "198203142006041002", name: Siti, unit: bpkad, status: pns}]
)";

load::load_result with_outputs(std::string_view outputs) {
    std::string yaml{base};
    yaml += outputs;
    return test::load_text(yaml);
}

}  // namespace

TEST_CASE("Without an outputs section every output option is left to the built-in default", "[load][outputs]") {
    const auto r = with_outputs("");
    INFO(test::dump(r));
    REQUIRE(r.scenario.has_value());
    const auto& o = r.scenario->outputs;
    CHECK_FALSE(o.uid_domain.has_value());
    CHECK_FALSE(o.product_id.has_value());
    CHECK_FALSE(o.reminder_minutes.has_value());
    CHECK_FALSE(o.spreadsheet.has_value());
    CHECK_FALSE(o.default_organizer.has_value());
    CHECK_FALSE(o.csv_bom.has_value());
}

TEST_CASE("The outputs section sets the UID domain, PRODID, reminders, organiser and CSV options", "[load][outputs]") {
    const auto r = with_outputs(R"(outputs:
  uid_domain: bkpsdmd.batanghari-kab.go.id
  product_id: "-//BKPSDMD Batanghari//jadwal//ID"
  reminders: [30m, 2d, 30, 1h]
  spreadsheet: true
  default_organizer: BKPSDMD Kabupaten Batanghari
  csv_bom: yes
)");
    INFO(test::dump(r));
    REQUIRE(r.scenario.has_value());
    const auto& o = r.scenario->outputs;
    CHECK(o.uid_domain == "bkpsdmd.batanghari-kab.go.id");
    CHECK(o.product_id == "-//BKPSDMD Batanghari//jadwal//ID");
    CHECK(o.reminder_minutes == std::vector<int>{2 * 24 * 60, 60, 30});  // largest first, each once
    CHECK(o.spreadsheet == true);
    CHECK(o.default_organizer == "BKPSDMD Kabupaten Batanghari");
    CHECK(o.csv_bom == true);
    CHECK(o.mark.line == 9);
}

TEST_CASE("Reminders in the outputs section may be none, an empty list or one text as on the command line",
          "[load][outputs]") {
    const auto none = with_outputs("outputs: {reminders: none}\n");
    REQUIRE(none.scenario.has_value());
    CHECK(none.scenario->outputs.reminder_minutes == std::vector<int>{});
    const auto empty = with_outputs("outputs: {reminders: []}\n");
    REQUIRE(empty.scenario.has_value());
    CHECK(empty.scenario->outputs.reminder_minutes == std::vector<int>{});
    const auto text = with_outputs("outputs: {reminders: \"1d, 30m\"}\n");
    INFO(test::dump(text));
    REQUIRE(text.scenario.has_value());
    CHECK(text.scenario->outputs.reminder_minutes == std::vector<int>{24 * 60, 30});
}

TEST_CASE("A bad key or value in the outputs section is an error at its line and column", "[load][outputs]") {
    struct bad_case {
        const char* yaml;
        const char* expected;  ///< "CODE line:column"
    };
    const auto c = GENERATE(values<bad_case>({
        {"outputs:\n  uid_domian: x.go.id\n", "E-KEY-UNKNOWN 10:3"},
        {"outputs:\n  uid_domain: \"bkpsdmd.go.id\\r\\nX-EVIL: 1\"\n", "E-ADDRESS 10:15"},
        {"outputs:\n  uid_domain: \"bkpsdmd go id\"\n", "E-ADDRESS 10:15"},
        {"outputs:\n  uid_domain: \"\"\n", "E-ADDRESS 10:15"},
        {"outputs:\n  uid_domain: [a, b]\n", "E-TYPE 10:15"},
        {"outputs:\n  product_id: \"-//x//EN\\nMETHOD:CANCEL\"\n", "E-TYPE 10:15"},
        {"outputs:\n  product_id: \"\"\n", "E-TYPE 10:15"},
        {"outputs:\n  default_organizer: \"BKPSDMD\\rX\"\n", "E-TYPE 10:22"},
        {"outputs:\n  reminders: [1d, 3w]\n", "E-TYPE 10:19"},
        {"outputs:\n  reminders: 29d\n", "E-NUMBER 10:14"},
        {"outputs:\n  reminders: {a: 1}\n", "E-TYPE 10:14"},
        {"outputs:\n  spreadsheet: maybe\n", "E-TYPE 10:16"},
        {"outputs:\n  csv_bom: 2\n", "E-TYPE 10:12"},
        {"outputs: [uid_domain]\n", "E-TYPE 9:10"},
    }));
    const auto r = with_outputs(c.yaml);
    INFO(c.yaml);
    INFO(test::dump(r));
    CHECK_FALSE(r.scenario.has_value());
    CHECK(test::summary(r) == std::vector<std::string>{c.expected});
}

TEST_CASE("An unknown key in the outputs section is answered with the key it probably means", "[load][outputs]") {
    const auto r = with_outputs("outputs:\n  csv_bmo: true\n");
    const auto* d = test::first_with(r, "E-KEY-UNKNOWN");
    REQUIRE(d != nullptr);
    CHECK(d->message.find("csv_bom") != std::string::npos);
}

TEST_CASE("docs/format.md describes the outputs section and every key it takes", "[load][outputs][docs]") {
    std::ifstream in(test::source_dir() / "docs/format.md", std::ios::binary);
    const std::string doc{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto at = doc.find("## `outputs`");
    REQUIRE(at != std::string::npos);
    const std::string section = doc.substr(at, doc.find("\n## ", at + 1) - at);
    for (const char* key : {"uid_domain", "product_id", "reminders", "spreadsheet", "default_organizer", "csv_bom"}) {
        INFO(key);
        CHECK(section.find(std::string{"`"} + key + "`") != std::string::npos);
    }
}
