// The checker's messages in the plan's language (docs/languages.md): planted
// violations read in Indonesian, with Indonesian dates, clock times and
// numbers, when the options or the scenario's locale ask for it, and in the
// English they always had otherwise.
#include "fixture.hpp"

using namespace jadwal;
using namespace jadwal::test;

namespace {

constexpr std::size_t keuda = 0, etika = 1;

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

verify::options in(text::language l) {
    verify::options o;
    o.language = l;
    return o;
}

/// Siti in the aula session of keuda-01 and, at the same time, a study block.
solve::solution double_booked(const model::scenario& s) {
    auto p = base_plan(s);
    p.study_blocks[1] = block(s, "n1", "prima", "2026-04-15 10:00", "10:45");
    return p;
}

}  // namespace

TEST_CASE("a double booking reads in Indonesian with Indonesian dates and clock times", "[verify][language]") {
    const auto s = base_scenario();
    const auto r = check(s, double_booked(s), "flexible", in(text::language::id));
    INFO(listing(r));
    const auto& v = first(r, "H1-OVERLAP");
    INFO(v.message);
    // Codes, ids and times do not depend on the language.
    CHECK(v.employee == "n1");
    CHECK(v.when == at("2026-04-15 10:00"));
    CHECK(has(v.message, "webinar-01"));
    // The words and formats of the Indonesian sentence.
    CHECK(has(v.message, " berada di "));
    CHECK(has(v.message, " sekaligus"));
    CHECK(has(v.message, "angkatan webinar-01 pada Rab, 15 Apr 2026 09.00\u201310.30"));
    CHECK(has(v.message, "blok belajar mandiri prima modul "));
    CHECK(has(v.message, "Rab, 15 Apr 2026 10.00\u201310.45"));
    // Nothing of the English one.
    CHECK_FALSE(has(v.message, "cohort"));
    CHECK_FALSE(has(v.message, "at once"));
    CHECK_FALSE(has(v.message, "2026-04-15"));
    CHECK_FALSE(has(v.message, "09:00"));
}

TEST_CASE("a double booking reads in English as it always did", "[verify][language]") {
    const auto s = base_scenario();
    const std::string english =
        "Nur (n1) is in module w of cohort webinar-01 on 2026-04-15 09:00-10:30 and in a study block of prima "
        "module p on 2026-04-15 10:00-10:45 at once";
    // Asked for, and by default (the base scenario names no locale).
    CHECK(first(check(s, double_booked(s), "flexible", in(text::language::en)), "H1-OVERLAP").message == english);
    CHECK(first(check(s, double_booked(s)), "H1-OVERLAP").message == english);
}

TEST_CASE("the scenario's locale chooses the messages' language unless the options ask for another",
          "[verify][language]") {
    const auto s = load_yaml(edited({{"policy: flexible}", "policy: flexible, locale: id}"}}));
    auto p = base_plan(s);
    p.cohorts[etika].sessions[0] = session(0, "2026-04-21 17:00", "18:30");  // Siti on leave
    const auto by_locale = check(s, p);
    INFO(listing(by_locale));
    CHECK(first(by_locale, "H2-UNAVAILABLE").message ==
          "Siti (e1) tidak tersedia (cuti) selama modul e angkatan etika-01 pada Sel, 21 Apr 2026 17.00\u201318.30");
    const auto asked = check(s, p, "flexible", in(text::language::en));
    CHECK(first(asked, "H2-UNAVAILABLE").message ==
          "Siti (e1) is unavailable (leave) during module e of cohort etika-01 on 2026-04-21 17:00-18:30");
}

TEST_CASE("numbers and money in Indonesian messages have Indonesian grouping", "[verify][language]") {
    SECTION("money over the budget") {
        const auto s = load_yaml(with_costs("{max_cost: 7559}"));
        const auto id = check(s, base_plan(s), "flexible", in(text::language::id));
        INFO(listing(id));
        CHECK(first(id, "H9-BUDGET-COST").message == "biaya rencana Rp 7.560; anggarannya Rp 7.559");
        const auto en = check(s, base_plan(s), "flexible", in(text::language::en));
        CHECK(first(en, "H9-BUDGET-COST").message == "the plan costs 7560 IDR; the budget is 7559 IDR");
    }
    SECTION("minutes of a session that does not fit its module") {
        const auto s = base_scenario();
        auto p = base_plan(s);
        // A whole day of keuda m1: 1,440 minutes, not a whole number of sessions of the daily maximum.
        p.cohorts[keuda].sessions[0].end = p.cohorts[keuda].sessions[0].start + std::chrono::minutes{1440};
        const auto id = check(s, p, "flexible", in(text::language::id));
        INFO(listing(id));
        const auto& v = first(id, "S-SESSION-LENGTH");
        CHECK(has(v.message, "berlangsung 1.440 menit"));
        CHECK(has(v.message, "Sel, 7 Apr 2026 08.00 s.d. Rab, 8 Apr 2026 08.00"));
        const auto en = check(s, p, "flexible", in(text::language::en));
        CHECK(has(first(en, "S-SESSION-LENGTH").message, "2026-04-07 08:00 to 2026-04-08 08:00 lasts 1440 min"));
    }
}

TEST_CASE("window and mode names in Indonesian messages are words, not the model's names", "[verify][language]") {
    const auto s = base_scenario();
    auto p = base_plan(s);
    p.cohorts[etika].sessions[0] = session(0, "2026-04-09 10:00", "11:30");  // a Thursday morning
    const auto id = check(s, p, "flexible", in(text::language::id));
    INFO(listing(id));
    const auto& v = first(id, "H3-WINDOW");
    CHECK(has(v.message, "daring"));
    CHECK(has(v.message, "(di luar jam kerja, akhir pekan)"));
    CHECK(has(v.message, "kebijakan 'flexible'"));
    CHECK_FALSE(has(v.message, "online_live"));
    CHECK_FALSE(has(v.message, "after_hours"));
    const auto en = check(s, p, "flexible", in(text::language::en));
    CHECK(has(first(en, "H3-WINDOW").message,
              "online_live of etika may use under policy 'flexible' (after_hours, weekend)"));
}
