#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <jadwal/text/messages.hpp>
#include <regex>
#include <set>

using namespace jadwal;
using text::language;

namespace {

/// The {fmt} fields of s as (index, spec) pairs, sorted: what a translation
/// must keep from its msgid.
std::multiset<std::pair<int, std::string>> fields_of(const std::string& s) {
    std::multiset<std::pair<int, std::string>> out;
    static const std::regex field(R"(\{\{|\}\}|\{([0-9]*)(:[^}]*)?\})");
    int next = 0;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), field); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        if (m.str() == "{{" || m.str() == "}}") continue;
        const int index = m[1].length() ? std::stoi(m[1].str()) : next++;
        out.insert({index, m[2].str()});
    }
    return out;
}

}  // namespace

TEST_CASE("the built-in catalogues read without a problem and keep every placeholder") {
    for (const language l : text::languages) {
        for (const auto& src : text::built_in_po(l)) {
            std::vector<text::po_problem> problems;
            const auto entries = text::read_po(src.text, src.file, problems);
            INFO(src.file);
            for (const auto& p : problems) FAIL_CHECK(p.file << ":" << p.line << ":" << p.column << ": " << p.message);
            CHECK(problems.empty());
            CHECK(entries.size() > 1);
            for (const auto& e : entries) {
                if (e.id.empty()) continue;
                for (const auto& s : e.strings) {
                    INFO(e.file << ":" << e.line << " " << e.id << " -> " << s);
                    CHECK(fields_of(s) == fields_of(e.id.empty() ? s : e.id));
                }
            }
        }
    }
    CHECK(text::built_in_po(language::en).empty());
    CHECK(text::catalogue::of(language::id).size() >= 40);
}

TEST_CASE("a .po problem is reported with its line and column, and reading goes on") {
    const std::string po =
        "msgid \"a\"\n"
        "msgstr \"b\n"  // line 2: quote not closed
        "\n"
        "msgid \"c\"\n"
        "msgstr \"d\\q\"\n"  // line 5: unknown escape
        "\n"
        "msgfoo \"e\"\n"  // line 7: unknown keyword
        "msgid \"f\"\n"
        "msgstr \"g\"\n";
    std::vector<text::po_problem> problems;
    const auto entries = text::read_po(po, "x.po", problems);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].line == 2);
    CHECK(problems[0].column == 8);
    CHECK(problems[1].line == 5);
    CHECK(problems[1].message.find("escape") != std::string::npos);
    CHECK(problems[2].line == 7);
    CHECK(problems[2].file == "x.po");
    const text::catalogue c(language::id, entries);
    CHECK(c.find("f") == "g");
}

TEST_CASE("a catalogue looks up by context, skips fuzzy entries and falls back to the English text") {
    const std::string po =
        "msgid \"\"\nmsgstr \"Language: id\\n\"\n\n"
        "msgctxt \"mode\"\nmsgid \"classroom\"\nmsgstr \"klasikal\"\n\n"
        "#, fuzzy\nmsgid \"leave\"\nmsgstr \"cuti\"\n\n"
        "msgid \"{} cohort\"\nmsgid_plural \"{} cohorts\"\nmsgstr[0] \"{} angkatan\"\n\n"
        "msgid \"long \"\n\"text\"\nmsgstr \"teks \"\n\"panjang\"\n";
    std::vector<text::po_problem> problems;
    const text::catalogue c(language::id, text::read_po(po, "t.po", problems));
    CHECK(problems.empty());
    CHECK(c.find("classroom", "mode") == "klasikal");
    CHECK(c.find("classroom") == "classroom");
    CHECK(c.find("leave") == "leave");
    CHECK(c.find("long text") == "teks panjang");
    CHECK(c.find_plural("{} cohort", "{} cohorts", 5) == "{} angkatan");
    const text::catalogue english(language::en, {});
    CHECK(english.find_plural("{} cohort", "{} cohorts", 1) == "{} cohort");
    CHECK(english.find_plural("{} cohort", "{} cohorts", 2) == "{} cohorts");
}

TEST_CASE("a translation whose placeholders do not fit falls back to the English text") {
    std::vector<text::po_problem> problems;
    const text::catalogue c(language::id,
                            text::read_po("msgid \"{} of {}\"\nmsgstr \"{:d} dari\"\n", "t.po", problems));
    const text::messages m(c);
    CHECK(m.format("{} of {}", "a", "b") == "a of b");
}

TEST_CASE("numbers, percentages and money read as Indonesian and English readers expect") {
    const text::messages id(language::id);
    const text::messages en(language::en);
    CHECK(id.number(std::int64_t{5179655}) == "5.179.655");
    CHECK(en.number(std::int64_t{5179655}) == "5,179,655");
    CHECK(id.number(std::int64_t{-1234}) == "-1.234");
    CHECK(id.number(std::int64_t{999}) == "999");
    CHECK(id.number(1234.56, 1) == "1.234,6");
    CHECK(en.number(1234.56, 1) == "1,234.6");
    CHECK(id.number(-0.01, 1) == "0,0");
    CHECK(id.percent(0.655) == "65,5%");
    CHECK(en.percent(0.655) == "65.5%");
    CHECK(id.percent(1.0, 0) == "100%");
    CHECK(id.money(1250000, "IDR") == "Rp 1.250.000");
    CHECK(en.money(1250000, "IDR") == "IDR 1,250,000");
}

TEST_CASE("dates, weekdays, months and clock times read the Indonesian way") {
    using namespace date::literals;
    const text::messages id(language::id);
    const text::messages en(language::en);
    const calendar::local_date d = date::local_days{2026_y / date::September / 10};
    CHECK(id.day(d) == "Kamis, 10 September 2026");
    CHECK(en.day(d) == "Thursday, 10 September 2026");
    CHECK(id.day(d, text::date_style::medium) == "Kam, 10 Sep 2026");
    CHECK(en.day(d, text::date_style::medium) == "Thu 10 Sep 2026");
    CHECK(id.day(date::local_days{2026_y / date::August / 17}, text::date_style::short_) == "17 Agu 2026");
    CHECK(id.day(d, text::date_style::numeric) == "10/09/2026");
    CHECK(en.day(d, text::date_style::numeric) == "2026-09-10");
    CHECK(id.month_name(date::May) == "Mei");
    CHECK(id.weekday_name(date::Friday) == "Jumat");
    CHECK(id.clock(std::chrono::minutes{450}) == "07.30");
    CHECK(en.clock(std::chrono::minutes{450}) == "07:30");
    CHECK(id.clock(std::chrono::minutes{1440 + 60}) == "01.00");
    CHECK(id.clock_range(std::chrono::minutes{450}, std::chrono::minutes{720}) == "07.30\u201312.00");
    const calendar::local_minute a = d + std::chrono::minutes{450};
    CHECK(id.when(a, a + std::chrono::minutes{90}) == "Kam, 10 Sep 2026 07.30\u201309.00");
    CHECK(id.duration(std::chrono::minutes{90}) == "1 jam 30 menit");
    CHECK(en.duration(std::chrono::minutes{90}) == "1 h 30 min");
    CHECK(id.duration(std::chrono::minutes{45}) == "45 menit");
}

TEST_CASE("a language is read from codes, locale names and tags") {
    using text::parse_language;
    CHECK(parse_language("id") == language::id);
    CHECK(parse_language("id_ID.UTF-8") == language::id);
    CHECK(parse_language("ID-id") == language::id);
    CHECK(parse_language("in") == language::id);
    CHECK(parse_language("Indonesian") == language::id);
    CHECK(parse_language("en_GB@euro") == language::en);
    CHECK(parse_language("eng") == language::en);
    CHECK_FALSE(parse_language("C").has_value());
    CHECK_FALSE(parse_language("POSIX").has_value());
    CHECK_FALSE(parse_language("").has_value());
    CHECK_FALSE(parse_language("fr_FR").has_value());
    CHECK(text::code(language::id) == "id");
}

TEST_CASE("the environment's language follows gettext's order") {
    const auto keep = [](const char* name) {
        const char* v = std::getenv(name);
        return std::pair<std::string, bool>{v ? v : "", v != nullptr};
    };
    const char* names[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    std::vector<std::pair<std::string, bool>> saved;
    for (const char* n : names) saved.push_back(keep(n));
    for (const char* n : names) ::unsetenv(n);
    CHECK_FALSE(text::language_from_environment().has_value());
    ::setenv("LANG", "id_ID.UTF-8", 1);
    CHECK(text::language_from_environment() == language::id);
    ::setenv("LC_ALL", "C.UTF-8", 1);  // set, and names no language: gettext would use the msgid
    CHECK_FALSE(text::language_from_environment().has_value());
    ::setenv("LANGUAGE", "fr:en", 1);
    CHECK(text::language_from_environment() == language::en);
    for (std::size_t i = 0; i < saved.size(); ++i) {
        if (saved[i].second)
            ::setenv(names[i], saved[i].first.c_str(), 1);
        else
            ::unsetenv(names[i]);
    }
}
