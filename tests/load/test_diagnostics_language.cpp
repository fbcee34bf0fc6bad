// The loader's diagnostics in Bahasa Indonesia (docs/languages.md): every
// diagnostic carries its English sentence (unchanged) and its Indonesian one,
// and format() writes either.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <jadwal/text/catalogue.hpp>
#include <string>
#include <vector>

#include "../../src/load/say.hpp"
#include "helpers.hpp"

using namespace jadwal;

namespace {

// Six mistakes people make: a date that does not exist, a weekday that is
// not one, a misspelt key, a unit id with a typo, an unknown employment
// status, and a word where a number belongs.
const std::string mistakes = R"(jadwal: 1
scenario: {name: t, from: 2026-01-05, to: 2026-02-30}
holidays: [id-2026]
work_patterns:
  office:
    week: {mon-fri: [08:00-16:00], xyz: [08:00-12:00]}
units:
  - {id: bpkad, pattern: office, patern: office}
employees:
  - {id: "198203142006041002", name: Siti, unit: bpkda, status: pns}
  - {id: "198203142006041003", name: Budi, unit: bpkad, status: pnss}
programs:
  - id: p1
    modules: [{id: m1, jp: two}]
    modes: [{mode: self_paced}]
demand:
  - {program: p1, where: {unit: bpkad}}
)";

const load::diagnostic& with_code(const load::load_result& r, std::string_view code) {
    const load::diagnostic* d = test::first_with(r, code);
    INFO(test::dump(r));
    REQUIRE(d != nullptr);
    return *d;
}

/// "file:line:col: " of a formatted diagnostic.
std::string position(const std::string& line) {
    std::size_t colons = 0, i = 0;
    for (; i < line.size() && colons < 3; ++i)
        if (line[i] == ':') ++colons;
    return line.substr(0, i);
}

}  // namespace

TEST_CASE("a scenario's mistakes are told in Indonesian with the same codes and positions") {
    const auto r = test::load_text(mistakes);
    INFO(test::dump(r));
    const std::vector<std::string> expected_codes{"E-DATE",     "E-WEEKDAY", "E-KEY-UNKNOWN",
                                                  "E-REF-UNIT", "E-ENUM",    "E-TYPE"};
    CHECK(test::codes(r) == expected_codes);
    for (const auto& d : r.diags.items()) {
        if (d.level == load::severity::note) continue;
        INFO(d.code << ": " << d.message);
        // Every one of these has an Indonesian sentence of its own.
        CHECK_FALSE(d.message_id.empty());
        CHECK(d.message_id != d.message);
        CHECK(d.message_in(text::language::id) == d.message_id);
        CHECK(d.message_in(text::language::en) == d.message);
        const std::string en = load::format(d, text::language::en);
        const std::string id = load::format(d, text::language::id);
        CHECK(position(id) == position(en));
        CHECK(id.find("[" + d.code + "]") != std::string::npos);
        CHECK(id.find(": galat: ") != std::string::npos);
        CHECK(en.find(": error: ") != std::string::npos);
    }
}

TEST_CASE("the English sentences stay as they were") {
    const auto r = test::load_text(mistakes);
    CHECK(with_code(r, "E-DATE").message == "to: '2026-02-30' is not a date that exists");
    CHECK(with_code(r, "E-WEEKDAY").message ==
          "'xyz' is not a weekday or a range of weekdays (write mon..sun, mon-thu or mon,wed)");
    CHECK(with_code(r, "E-KEY-UNKNOWN").message == "unknown key 'patern' in a unit (did you mean 'pattern'?)");
    CHECK(with_code(r, "E-REF-UNIT").message == "unknown unit 'bpkda' (did you mean 'bpkad'?)");
    CHECK(with_code(r, "E-ENUM").message ==
          "'pnss' is not a valid employment status (did you mean 'pns'? one of: pns, pppk)");
    CHECK(with_code(r, "E-TYPE").message == "expected a whole number for a module's jp, got 'two'");
    CHECK(load::format(with_code(r, "E-REF-UNIT")) ==
          "test.yaml:10:50: error: unknown unit 'bpkda' (did you mean 'bpkad'?) [E-REF-UNIT] at employees[0].unit");
}

TEST_CASE("the Indonesian sentences keep key names, codes and quoted values") {
    const auto r = test::load_text(mistakes);
    CHECK(with_code(r, "E-DATE").message_id == "to: '2026-02-30' bukan tanggal yang ada");
    CHECK(with_code(r, "E-WEEKDAY").message_id.starts_with("'xyz' bukan nama hari"));
    CHECK(with_code(r, "E-KEY-UNKNOWN").message_id ==
          "kunci 'patern' tidak dikenal dalam unit kerja (maksud Anda 'pattern'?)");
    CHECK(with_code(r, "E-REF-UNIT").message_id == "unit kerja 'bpkda' tidak dikenal (maksud Anda 'bpkad'?)");
    CHECK(with_code(r, "E-ENUM").message_id ==
          "'pnss' bukan status kepegawaian yang sah (maksud Anda 'pns'? salah satu dari: pns, pppk)");
    CHECK(with_code(r, "E-TYPE").message_id == "jp modul harus berupa bilangan bulat, bukan 'two'");
    CHECK(load::format(with_code(r, "E-REF-UNIT"), text::language::id) ==
          "test.yaml:10:50: galat: unit kerja 'bpkda' tidak dikenal (maksud Anda 'bpkad'?) [E-REF-UNIT] "
          "di employees[0].unit");
}

TEST_CASE("warnings and notes are named in Indonesian") {
    load::diagnostic d;
    d.level = load::severity::warning;
    d.code = "W-X";
    d.message = "something";
    d.file = "a.yaml";
    d.line = 3;
    d.column = 2;
    CHECK(load::format(d, text::language::id) == "a.yaml:3:2: peringatan: something [W-X]");
    CHECK(load::format(d) == "a.yaml:3:2: warning: something [W-X]");
    d.level = load::severity::note;
    CHECK(load::format(d, text::language::id) == "a.yaml:3:2: catatan: something [W-X]");
    CHECK(load::to_string(load::severity::error) == "error");
    CHECK(load::to_string(load::severity::error, text::language::id) == "galat");
}

TEST_CASE("a sentence without a translation reads the same in both languages") {
    load::diagnostic d;
    d.code = "E-X";
    d.message = "from yaml-cpp";
    CHECK(d.message_in(text::language::id) == "from yaml-cpp");
    const auto p = load::detail::say("no such template {} anywhere", 7);
    CHECK(p.en == "no such template 7 anywhere");
    CHECK(p.id.empty());
    CHECK(p.in(text::language::id) == p.en);
}

TEST_CASE("a translation whose placeholders do not fit falls back to the English template") {
    std::vector<text::po_problem> problems;
    const auto entries = text::read_po(R"(msgid "{} is late by {} days"
msgstr "{} terlambat {} hari {}"

msgid "{} is early"
msgstr "{:d} lebih awal"

msgid "the {} name"
msgstr "nama {}"
)",
                                       "bad.po", problems);
    REQUIRE(problems.empty());
    const text::catalogue bad(text::language::id, entries);
    // Too many fields: no throw, the English template with the arguments.
    const auto late = load::detail::say_with(bad, "{} is late by {} days", "'p1'", 3);
    CHECK(late.en == "'p1' is late by 3 days");
    CHECK(late.in(text::language::id) == "'p1' is late by 3 days");
    // A format spec that does not fit the argument.
    const auto early = load::detail::say_with(bad, "{} is early", "'p1'");
    CHECK(early.in(text::language::id) == "'p1' is early");
    // A phrase given as an argument goes in in the same language.
    const auto nested = load::detail::say_with(bad, "the {} name", load::detail::phrase{"unit", "unit kerja"});
    CHECK(nested.en == "the unit name");
    CHECK(nested.id == "nama unit kerja");
}

TEST_CASE("counts in Indonesian sentences use the Indonesian digit grouping") {
    const auto p = load::detail::say("{} has {} entries; at most {} are allowed", "x", load::detail::grouped(123456),
                                     load::detail::grouped(std::size_t{100000}));
    CHECK(p.en == "x has 123456 entries; at most 100000 are allowed");
    CHECK(p.id == "x memiliki 123.456 entri; paling banyak 100.000 yang diizinkan");
}

TEST_CASE("every diagnostic of the bad fixtures has its own Indonesian sentence") {
    // rrule's reason comes from the calendar's parser, in English; the loader
    // adds nothing to translate around it.
    const std::vector<std::string> english_only{"E-RRULE"};
    std::size_t seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::data_dir() / "bad")) {
        if (entry.path().extension() != ".yaml") continue;
        const auto r = load::load_scenario_file(entry.path());
        for (const auto& d : r.diags.items()) {
            if (std::find(english_only.begin(), english_only.end(), d.code) != english_only.end()) continue;
            ++seen;
            INFO(load::format(d));
            CHECK_FALSE(d.message_id.empty());
            CHECK(d.message_id != d.message);
        }
    }
    CHECK(seen > 100);
}

TEST_CASE("the scenario's locale is known even when loading failed") {
    std::string text = mistakes;
    text.replace(text.find("{name: t,"), 9, "{name: t, locale: id,");
    const auto r = test::load_text(text);
    REQUIRE_FALSE(r.scenario);
    REQUIRE(r.locale);
    CHECK(*r.locale == text::language::id);
    const auto& d = with_code(r, "E-REF-UNIT");
    CHECK(d.message_in(text::choose_language(std::nullopt, r.locale)) ==
          "unit kerja 'bpkda' tidak dikenal (maksud Anda 'bpkad'?)");
    CHECK_FALSE(test::load_text(mistakes).locale);
}
