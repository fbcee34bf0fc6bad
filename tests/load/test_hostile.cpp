// Hostile input: nothing may crash, hang or exhaust memory; every case ends in
// diagnostics within a bounded time.
#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <random>

#include <sys/stat.h>

using namespace jadwal;

namespace {

struct timed {
    load::load_result result;
    double seconds = 0;
};

timed load_timed(std::string_view text) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = test::load_text(text);
    return {std::move(r), std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()};
}

// Generous: sanitizer builds are several times slower than release ones.
constexpr double bound_seconds = 10.0;

}  // namespace

TEST_CASE("Deeply nested flow lists are refused before the parser recurses", "[load][bad][hostile]") {
    const auto t = load_timed(std::string(100000, '['));
    INFO(test::dump(t.result));
    CHECK_FALSE(t.result.scenario.has_value());
    CHECK(test::summary(t.result) == std::vector<std::string>{"E-YAML-DEPTH 1:63"});
    CHECK(t.seconds < bound_seconds);
}

TEST_CASE("Deeply nested maps, block lists and indentation are refused too", "[load][bad][hostile]") {
    std::string maps;
    for (int i = 0; i < 100000; ++i) maps += "{a: ";
    std::string dashes;
    for (int i = 0; i < 100000; ++i) dashes += "- ";
    std::string stairs;
    for (int i = 0; i < 3000; ++i) stairs += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
    for (const auto& text : {maps, dashes + "x\n", stairs}) {
        const auto t = load_timed(text);
        INFO(test::dump(t.result));
        CHECK(test::codes(t.result) == std::vector<std::string>{"E-YAML-DEPTH"});
        CHECK(t.seconds < bound_seconds);
    }
}

TEST_CASE("A billion laughs alias bomb is not expanded", "[load][bad][hostile]") {
    std::string bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        bomb += fmt::format("{}: &{} [", c, c);
        for (int i = 0; i < 10; ++i) bomb += fmt::format("{}*{}", i ? ", " : "", static_cast<char>(c - 1));
        bomb += "]\n";
    }
    SECTION("under unknown keys") {
        const auto t = load_timed("jadwal: 1\n" + bomb);
        CHECK_FALSE(t.result.scenario.has_value());
        CHECK(test::has_code(t.result, "E-KEY-UNKNOWN"));
        CHECK(t.seconds < bound_seconds);
    }
    SECTION("where the loader walks") {
        const auto t = load_timed("jadwal: 1\nx: &x [{from: 2026-01-01}]\n" + bomb +
                                  "holidays: *j\nseasons: {s1: *j, s2: *i}\nunits: *j\nemployees: *j\n");
        CHECK_FALSE(t.result.scenario.has_value());
        CHECK(t.seconds < bound_seconds);
    }
}

TEST_CASE("Aliases that multiply the walk are stopped by the node budget", "[load][bad][hostile]") {
    // 2,000 employees x 1,000 duties x 1,000 dates = 2e9 values from a file of ~200 KB.
    std::string text = "jadwal: 1\nscenario: {name: t, from: 2026-01-05, to: 2026-12-18}\nholidays: [id-2026]\n";
    text += "dates: &x [";
    for (int i = 0; i < 1000; ++i) text += fmt::format("{}2026-03-{:02}", i ? ", " : "", 1 + i % 28);
    text += "]\nduty: &d {rrule: FREQ=DAILY, time: 08:00-09:00, except: *x}\nduties: &ds [";
    for (int i = 0; i < 1000; ++i) text += i ? ", *d" : "*d";
    text += "]\nwork_patterns: {office: {week: {mon-fri: [08:00-16:00]}}}\nunits: [{id: u, pattern: office}]\n";
    text += "employees:\n";
    for (int i = 0; i < 2000; ++i)
        text += fmt::format("  - {{id: \"19820314200604{:04}\", name: x, unit: u, status: pns, duties: *ds}}\n", i);
    const auto t = load_timed(text);
    INFO(test::dump(t.result));
    CHECK_FALSE(t.result.scenario.has_value());
    CHECK(test::has_code(t.result, "E-LIMIT"));
    CHECK(t.seconds < bound_seconds);
    // Reported at a place: the aliased value the walk had reached (one of the
    // anchored dates, line 4), and the path it was reached through.
    const auto* d = test::first_with(t.result, "E-LIMIT");
    REQUIRE(d != nullptr);
    CHECK(d->line == 4);
    CHECK(d->column > 10);
    CHECK(d->path.find("].duties[") != std::string::npos);
    CHECK(d->path.find("].except[") != std::string::npos);
}

TEST_CASE("Self-referencing aliases do not loop", "[load][bad][hostile]") {
    const auto t = load_timed("jadwal: 1\nunits: &u [*u]\nemployees: &e {csv: *e}\nseasons: &s {x: *s}\n");
    INFO(test::dump(t.result));
    CHECK_FALSE(t.result.scenario.has_value());
    CHECK(test::has_code(t.result, "E-TYPE"));
    CHECK(t.seconds < bound_seconds);
}

TEST_CASE("Ten megabytes of random bytes give diagnostics, not a crash", "[load][bad][hostile]") {
    std::mt19937 rng{20260105};
    std::string noise(10u << 20, '\0');
    for (auto& c : noise) c = static_cast<char>(rng() & 0xff);
    const auto t = load_timed(noise);
    CHECK_FALSE(t.result.scenario.has_value());
    CHECK(test::codes(t.result) == std::vector<std::string>{"E-ENCODING"});
    CHECK(t.seconds < bound_seconds);
}

TEST_CASE("A megabyte of random YAML punctuation gives diagnostics, not a crash", "[load][bad][hostile]") {
    static constexpr std::string_view alphabet = "[]{}:,-?&*!|>'\"#%@` \n\t abcxyz019.~";
    for (std::uint32_t seed : {1u, 2u, 3u, 4u}) {
        std::mt19937 rng{seed};
        std::string text(1u << 20, ' ');
        for (auto& c : text) c = alphabet[rng() % alphabet.size()];
        const auto t = load_timed(text);
        CHECK_FALSE(t.result.scenario.has_value());
        CHECK(t.result.diags.error_count() > 0);
        CHECK(t.seconds < bound_seconds);
    }
}

TEST_CASE("Empty and blank files are E-EMPTY", "[load][bad][hostile]") {
    for (const std::string_view text : {"", "   \n\n", "# only a comment\n", "---\n", "~\n"}) {
        const auto r = test::load_text(text);
        CHECK(test::codes(r) == std::vector<std::string>{"E-EMPTY"});
    }
}

TEST_CASE("NUL bytes, control characters and broken UTF-8 are E-ENCODING at their position", "[load][bad][hostile]") {
    using namespace std::string_literals;
    CHECK(test::summary(test::load_text("jadwal: 1\nscenario: a\0b\n"s)) == std::vector<std::string>{"E-ENCODING 2:12"});
    CHECK(test::summary(test::load_text("jadwal: 1\x01\n")) == std::vector<std::string>{"E-ENCODING 1:10"});
    CHECK(test::summary(test::load_text("name: Jos\xe9\n")) == std::vector<std::string>{"E-ENCODING 1:10"});
    CHECK(test::summary(test::load_text("a: \xed\xa0\x80\n")) == std::vector<std::string>{"E-ENCODING 1:4"});
    CHECK(test::summary(test::load_text("a: \xf0\x9f\x98")) == std::vector<std::string>{"E-ENCODING 1:4"});
    // UTF-16, as some editors on Windows save it.
    CHECK(test::codes(test::load_text("\xff\xfej\0a\0"s)) == std::vector<std::string>{"E-ENCODING"});
    // A UTF-8 byte order mark and multi-byte text are fine.
    CHECK(test::codes(test::load_text("\xEF\xBB\xBFjadwal: 1\nnamé: x\n")) ==
          std::vector<std::string>{"E-KEY-MISSING", "E-KEY-MISSING", "E-KEY-MISSING", "E-KEY-MISSING",
                                   "E-KEY-UNKNOWN"});
}

TEST_CASE("A 400-digit number is out of range wherever a number is read", "[load][bad][hostile]") {
    const std::string big(400, '7');
    const std::string text = fmt::format(R"(jadwal: {0}
scenario: {{name: t, from: 2026-01-05, to: 2026-12-18, jp_minutes: {0}}}
holidays: [id-2026]
work_patterns: {{office: {{week: {{mon-fri: [08:00-16:00]}}}}}}
units: [{{id: u, pattern: office}}]
employees: [{{id: "198203142006041002", name: x, unit: u, status: pns, jp_target: {0}, rotation_offset: -{0}}}]
venues: [{{id: v, capacity: {0}, cost_per_day: {0}.5}}]
budget: {{max_cost: 1e{0}}}
)",
                                         big);
    const auto r = test::load_text(text);
    INFO(test::dump(r));
    CHECK(test::codes(r) ==
          std::vector<std::string>{"E-NUMBER", "E-NUMBER", "E-NUMBER", "E-NUMBER", "E-NUMBER", "E-NUMBER", "E-NUMBER"});
}

TEST_CASE("A document that is not a map of sections is E-TYPE", "[load][bad][hostile]") {
    for (const std::string_view text : {"hello\n", "[1, 2]\n", "- a\n- b\n", "? [a]\n: b\n"}) {
        const auto r = test::load_text(text);
        INFO(text << "\n" << test::dump(r));
        CHECK(test::has_code(r, "E-TYPE"));
        CHECK_FALSE(r.scenario.has_value());
    }
}

TEST_CASE("A stray comma is a syntax error (yaml-cpp 0.7's LoadAll would loop on it forever)", "[load][bad][hostile]") {
    for (const std::string_view text : {",", ",\n", "# c\n,\n", "]"}) {
        const auto t = load_timed(text);
        INFO(test::dump(t.result));
        CHECK(test::codes(t.result) == std::vector<std::string>{"E-YAML-SYNTAX"});
        CHECK(t.seconds < bound_seconds);
    }
}

TEST_CASE("An unclosed quote is reported where it opens, not where yaml-cpp gives up", "[load][bad]") {
    std::ifstream in(test::source_dir() / "examples/small/scenario.yaml");
    std::string text{std::istreambuf_iterator<char>{in}, {}};
    const std::string line6 = "  name: Batanghari pilot 2026\n";
    REQUIRE(text.find(line6) != std::string::npos);
    for (const char quote : {'"', '\''}) {
        std::string broken = text;
        broken.replace(broken.find(line6), line6.size(), std::string{"  name: "} + quote + "Batanghari pilot 2026\n");
        load::load_options opts;
        opts.base_dir = test::source_dir() / "examples/small";
        const auto r = load::load_scenario_text(broken, "small.yaml", opts);
        INFO(test::dump(r));
        if (quote == '\'') {
            // A single-quoted text may run over lines, and this one ends at the next ' of the file, which
            // makes a document yaml-cpp accepts; the keys it swallowed are then missing.
            CHECK(test::has_code(r, "E-KEY-MISSING"));
            continue;
        }
        CHECK(test::summary(r) == std::vector<std::string>{"E-YAML-SYNTAX 6:9"});
        CHECK(r.diags.items().front().message.find("never closed") != std::string::npos);
    }
}

TEST_CASE("A quoted text over several lines is fine, and a syntax error after it is reported where it is",
          "[load][bad]") {
    const auto ok = test::load_text("jadwal: 1\nscenario: {name: \"a long\n  name\", from: 2026-01-05, to: 2026-12-18}\n");
    CHECK_FALSE(test::has_code(ok, "E-YAML-SYNTAX"));
    const auto r = test::load_text("jadwal: 1\nscenario: {name: \"a long\n  name\", from: 2026-01-05, to: 2026-12-18}\n"
                                   "units: [a, b\nemployees: []\n");
    INFO(test::dump(r));
    CHECK(test::summary(r) == std::vector<std::string>{"E-YAML-SYNTAX 5:10"});
}

TEST_CASE("Document markers: one document is fine, a second one is refused", "[load][bad][hostile]") {
    CHECK(test::codes(test::load_text("%YAML 1.2\n---\njadwal: 1\n...\n# end\n")) ==
          std::vector<std::string>{"E-KEY-MISSING", "E-KEY-MISSING", "E-KEY-MISSING", "E-KEY-MISSING"});
    CHECK(test::codes(test::load_text("--- {jadwal: 2}\n")).front() == "E-KEY-MISSING");
    CHECK(test::summary(test::load_text("jadwal: 1\n...\nscenario: {}\n")) ==
          std::vector<std::string>{"E-YAML-SYNTAX 3:1"});
    CHECK(test::codes(test::load_text("---\n---\n")) == std::vector<std::string>{"E-EMPTY"});
}

TEST_CASE("More than one YAML document is refused", "[load][bad][hostile]") {
    const auto r = test::load_text("jadwal: 1\n---\njadwal: 1\n");
    CHECK(test::summary(r) == std::vector<std::string>{"E-YAML-SYNTAX 2:1"});
}

TEST_CASE("Too many YAML nodes are refused before yaml-cpp builds them", "[load][bad][hostile]") {
    std::string text = "jadwal: [";
    text.reserve(7u << 20);
    for (int i = 0; i < 2'100'000; ++i) text += "0,";
    text += "0]\n";
    const auto t = load_timed(text);
    CHECK(test::codes(t.result) == std::vector<std::string>{"E-LIMIT"});
    CHECK(t.seconds < bound_seconds);
}

TEST_CASE("Missing files, directories and files over the size limit are diagnostics", "[load][bad][hostile]") {
    CHECK(test::codes(load::load_scenario_file(test::data_dir() / "no/such/file.yaml")) ==
          std::vector<std::string>{"E-FILE"});
    CHECK(test::codes(load::load_scenario_file(test::data_dir())) == std::vector<std::string>{"E-FILE"});
    load::load_options small;
    small.max_file_bytes = 100;
    CHECK(test::codes(load::load_scenario_file(test::source_dir() / "examples/small/scenario.yaml", small)) ==
          std::vector<std::string>{"E-LIMIT"});
    CHECK(test::codes(load::load_scenario_text(std::string(200, ' '), "x.yaml", small)) ==
          std::vector<std::string>{"E-LIMIT"});
}

TEST_CASE("Devices, pipes and directories are refused before a byte is read", "[load][bad][hostile]") {
    test::temp_dir dir;
    const auto fifo = dir.path() / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);  // nobody writes: opening it to read would wait forever
    const auto message = [](const load::load_result& r) {
        return r.diags.items().empty() ? std::string{} : r.diags.items().front().message;
    };
    SECTION("as the scenario") {
        for (const auto& [file, why] : {std::pair<std::filesystem::path, std::string>{"/dev/zero", "not a regular file"},
                                        {"/dev/urandom", "not a regular file"},
                                        {fifo, "not a regular file"},
                                        {dir.path(), "is a directory"}}) {
            INFO(file);
            const auto t0 = std::chrono::steady_clock::now();
            const auto r = load::load_scenario_file(file);
            INFO(test::dump(r));
            CHECK(test::codes(r) == std::vector<std::string>{"E-FILE"});
            CHECK(message(r).find(why) != std::string::npos);
            CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 1.0);
        }
    }
    SECTION("as the employees CSV, reported where the scenario names it") {
        for (const auto& [file, why] : {std::pair<std::string, std::string>{"/dev/zero", "not a regular file"},
                                        {"/dev/urandom", "not a regular file"},
                                        {fifo.string(), "not a regular file"},
                                        {dir.path().string(), "is a directory"}}) {
            INFO(file);
            const auto yaml = dir.write("s.yaml", "jadwal: 1\nemployees: {csv: '" + file + "'}\n");
            const auto t0 = std::chrono::steady_clock::now();
            const auto r = load::load_scenario_file(yaml);
            INFO(test::dump(r));
            const auto* d = test::first_with(r, "E-FILE");
            REQUIRE(d != nullptr);
            CHECK(d->message.find(why) != std::string::npos);
            CHECK(d->line == 2);
            CHECK(d->column == 18);
            CHECK_FALSE(test::has_code(r, "E-LIMIT"));
            CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 1.0);
        }
    }
}

TEST_CASE("A file over the size limit is refused without reading it all", "[load][bad][hostile]") {
    test::temp_dir dir;
    const auto big = dir.write("big.yaml", "jadwal: 1\n" + std::string(5000, '#') + "\n");
    load::load_options small;
    small.max_file_bytes = 1000;
    const auto r = load::load_scenario_file(big, small);
    CHECK(test::codes(r) == std::vector<std::string>{"E-LIMIT"});
    CHECK(r.diags.items().front().message.find("larger than the limit of 1000 bytes") != std::string::npos);
}

TEST_CASE("Keys that are not text, and odd scalars, are type errors", "[load][bad][hostile]") {
    const auto r = test::load_text("jadwal: 1\n? [a, b]\n: c\nscenario: !!binary aGVsbG8=\n");
    INFO(test::dump(r));
    CHECK(test::has_code(r, "E-TYPE"));
}

TEST_CASE("A hostile employees CSV gives diagnostics, not a crash", "[load][bad][hostile][csv]") {
    test::temp_dir dir;
    const std::string yaml = R"(jadwal: 1
scenario: {name: t, from: 2026-01-05, to: 2026-12-18}
work_patterns: {office: {week: {mon-fri: [08:00-16:00]}}}
units: [{id: u, pattern: office}]
employees: {csv: staff.csv}
)";
    const auto yaml_path = dir.write("s.yaml", yaml);
    std::mt19937 rng{7};
    std::string noise(1u << 20, ' ');
    static constexpr std::string_view alphabet = "\",;\r\n abc019-/";
    for (auto& c : noise) c = alphabet[rng() % alphabet.size()];
    for (const std::string& csv : {std::string{"\""}, std::string{"nip,name,unit,status\n\"unterminated"},
                                   "nip,name,unit,status\n" + noise, std::string(1u << 20, ',')}) {
        dir.write("staff.csv", csv);
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = load::load_scenario_file(yaml_path);
        CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < bound_seconds);
        CHECK(r.diags.error_count() > 0);
    }
}
