// Personal preferences in the YAML (`preferences` of an employee,
// `preferred_days` of a unit) and in the employees CSV (docs/format.md).
#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

using namespace jadwal;
using model::delivery_mode;

namespace {

// Bits of a weekday mask (c_encoding: Sunday 0 .. Saturday 6).
constexpr std::uint8_t sun = 1u << 0, mon = 1u << 1, tue = 1u << 2, wed = 1u << 3, thu = 1u << 4, fri = 1u << 5,
                       sat = 1u << 6;

// The minimal scenario with the employee's map continued by `extra` (flow
// style, so line 13 holds the employee) and the unit's by `unit_extra`.
std::string scenario(const std::string& extra, const std::string& unit_extra = "") {
    return fmt::format(R"(jadwal: 1
scenario: {{name: t, from: 2026-01-05, to: 2026-12-18}}
holidays: [id-2026]
work_patterns:
  office:
    week: {{mon-fri: [08:00-16:00]}}
programs:
  - {{id: p1, modules: [{{id: m1, jp: 2}}], modes: [{{mode: self_paced}}, {{mode: classroom, venues: [aula]}}]}}
venues: [{{id: aula, capacity: 30}}]
units:
  - {{id: bpkad, pattern: office{}}}
employees:
  - {{id: "198203142006041002", name: Siti, unit: bpkad, status: pns{}}}
demand:
  - {{program: p1, where: {{unit: bpkad}}}}
)",
                       unit_extra, extra);
}

model::scenario must_load(const std::string& text) {
    auto r = test::load_text(text);
    INFO(text << "\n" << test::dump(r));
    CHECK(r.diags.error_count() == 0);
    REQUIRE(r.scenario.has_value());
    return std::move(*r.scenario);
}

calendar::local_date day(int y, unsigned m, unsigned d) {
    return calendar::local_date{date::year{y} / date::month{m} / date::day{d}};
}

calendar::clock_range hours(int h1, int m1, int h2, int m2) {
    return {std::chrono::minutes{h1 * 60 + m1}, std::chrono::minutes{h2 * 60 + m2}};
}

/// The only error of a load, as "CODE line:col path".
std::string only_error(const std::string& text) {
    const auto r = test::load_text(text);
    INFO(text << "\n" << test::dump(r));
    std::vector<std::string> out;
    for (const auto& d : r.diags.items())
        if (d.level == load::severity::error)
            out.push_back(fmt::format("{} {}:{} {}", d.code, d.line, d.column, d.path));
    REQUIRE(out.size() == 1);
    return out.front();
}

load::load_result load_csv(const test::temp_dir& dir, const std::string& csv) {
    dir.write("staff.csv", csv);
    std::string yaml = scenario("");
    const auto from = yaml.find("employees:");
    const auto to = yaml.find("demand:");
    yaml.replace(from, to - from, "employees: {csv: staff.csv}\n");
    const auto file = dir.write("scenario.yaml", yaml);
    return load::load_scenario_file(file);
}

/// Every error and warning of a load, as "CODE line:col path".
std::vector<std::string> problems(const load::load_result& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diags.items())
        if (d.level != load::severity::note)
            out.push_back(fmt::format("{} {}:{} {}", d.code, d.line, d.column, d.path));
    return out;
}

}  // namespace

TEST_CASE("An employee without preferences has none, and a unit no preferred days", "[load][preferences]") {
    const auto s = must_load(scenario(""));
    CHECK(s.employees.at(0).prefs.empty());
    CHECK(s.units.at(0).preferred_days == 0);
}

TEST_CASE("Every preference of the YAML is read into employee::prefs exactly", "[load][preferences]") {
    const auto s = must_load(scenario(
        ", preferences: {modes: [classroom], refuse_modes: [online_live], days: [tue, wed], times: [\"08:00-12:00\", "
        "13:00-15:30], avoid_days: [fri, 2026-08-17, 2026-03-02, 2026-08-17]}",
        ", preferred_days: [tue, thu]"));
    const auto& p = s.employees.at(0).prefs;
    CHECK(p.modes == std::vector{delivery_mode::classroom});
    CHECK(p.refused_modes == std::vector{delivery_mode::online_live});
    CHECK(p.days == (tue | wed));
    CHECK(p.times == std::vector{hours(8, 0, 12, 0), hours(13, 0, 15, 30)});
    CHECK(p.avoid_weekdays == fri);
    // Duplicate dates collapse; dates are kept sorted.
    CHECK(p.avoid_dates == std::vector{day(2026, 3, 2), day(2026, 8, 17)});
    CHECK(s.units.at(0).preferred_days == (tue | thu));
}

TEST_CASE("Single values stand for lists of one, and weekday specs may be ranges", "[load][preferences]") {
    const auto s =
        must_load(scenario(", preferences: {modes: self_paced, days: mon-wed, times: 08:00-11:00, "
                           "avoid_days: weekend}",
                           ", preferred_days: weekdays"));
    const auto& p = s.employees.at(0).prefs;
    CHECK(p.modes == std::vector{delivery_mode::self_paced});
    CHECK(p.days == (mon | tue | wed));
    CHECK(p.times == std::vector{hours(8, 0, 11, 0)});
    CHECK(p.avoid_weekdays == (sat | sun));
    CHECK(p.avoid_dates.empty());
    CHECK(s.units.at(0).preferred_days == (mon | tue | wed | thu | fri));
}

TEST_CASE("Weekdays may be written in full, in Indonesian and in any case", "[load][preferences]") {
    const auto [written, mask] = GENERATE(table<std::string, std::uint8_t>({
        {"[Monday, FRIDAY]", mon | fri},
        {"[senin, selasa, rabu]", mon | tue | wed},
        {"[Kamis, jumat]", thu | fri},
        {"[sabtu, Minggu]", sat | sun},
        {"[SUN, sat]", sat | sun},
    }));
    INFO(written);
    const auto s = must_load(scenario(fmt::format(", preferences: {{days: {0}, avoid_days: {0}}}", written),
                                      fmt::format(", preferred_days: {}", written)));
    CHECK(s.employees.at(0).prefs.days == mask);
    CHECK(s.employees.at(0).prefs.avoid_weekdays == mask);
    CHECK(s.units.at(0).preferred_days == mask);
}

TEST_CASE("Mode names are read in any case", "[load][preferences]") {
    const auto s = must_load(scenario(", preferences: {modes: [Classroom, SELF_PACED], refuse_modes: [Online_Live]}"));
    CHECK(s.employees.at(0).prefs.modes == std::vector{delivery_mode::classroom, delivery_mode::self_paced});
    CHECK(s.employees.at(0).prefs.refused_modes == std::vector{delivery_mode::online_live});
}

TEST_CASE("Each preference error has its code, line, column and path", "[load][preferences]") {
    // The employee is on line 13; its `preferences` key is at column 70.
    const auto [extra, expected] = GENERATE(table<std::string, std::string>({
        {", preferences: {modes: [zoom]}", "E-ENUM 13:92 employees[0].preferences.modes[0]"},
        {", preferences: {refuse_modes: [classrom]}", "E-ENUM 13:99 employees[0].preferences.refuse_modes[0]"},
        {", preferences: {days: [tue, thr]}", "E-WEEKDAY 13:96 employees[0].preferences.days[1]"},
        {", preferences: {times: [8-12]}", "E-TIME 13:92 employees[0].preferences.times[0]"},
        {", preferences: {times: [\"22:00-02:00\"]}", "E-RANGE-ORDER 13:92 employees[0].preferences.times[0]"},
        {", preferences: {avoid_days: [fri, 2026-02-30]}", "E-DATE 13:102 employees[0].preferences.avoid_days[1]"},
        {", preferences: {avoid_days: [market]}", "E-WEEKDAY 13:97 employees[0].preferences.avoid_days[0]"},
        {", preferences: {mode: [classroom]}", "E-KEY-UNKNOWN 13:84 employees[0].preferences"},
        {", preferences: [classroom]", "E-TYPE 13:83 employees[0].preferences"},
        {", preferences: {days: {tue: 1}}", "E-TYPE 13:90 employees[0].preferences.days"},
        {", preferences: {modes: [classroom], refuse_modes: [online_live, classroom]}",
         "E-PREFERENCE-CONFLICT 13:132 employees[0].preferences.refuse_modes[1]"},
        {", preferences: {refuse_modes: [classroom, online_live, self_paced]}",
         "E-PREFERENCE-CONFLICT 13:98 employees[0].preferences.refuse_modes"},
    }));
    INFO(extra);
    CHECK(only_error(scenario(extra)) == expected);
}

TEST_CASE("A unit's preferred_days that are not weekdays are E-WEEKDAY at the value", "[load][preferences]") {
    // Line 11 holds the unit.
    CHECK(only_error(scenario("", ", preferred_days: [tue, pasar]")) == "E-WEEKDAY 11:56 units[0].preferred_days[1]");
}

TEST_CASE("Refusing every mode a programme offers makes the demand unservable for that person", "[load][preferences]") {
    const auto r = test::load_text(scenario(", preferences: {refuse_modes: [classroom, self_paced]}"));
    INFO(test::dump(r));
    const auto* d = test::first_with(r, "E-DEMAND-UNSERVABLE");
    REQUIRE(d != nullptr);
    CHECK_THAT(d->message, Catch::Contains("they refuse this mode"));
    // One mode left: the demand can be served.
    const auto ok = test::load_text(scenario(", preferences: {refuse_modes: [classroom]}"));
    CHECK_FALSE(test::has_code(ok, "E-DEMAND-UNSERVABLE"));
    CHECK(ok.diags.error_count() == 0);
}

TEST_CASE("The preference columns of an employees CSV read into employee::prefs as the YAML does",
          "[load][preferences][csv]") {
    test::temp_dir dir;
    const auto csv = load_csv(dir,
                              "nip,name,unit,status,prefer_modes,refuse_modes,prefer_days,prefer_times,avoid_days\n"
                              "198203142006041002,Siti,bpkad,pns,classroom,online_live,tue;wed,08:00-12:00;"
                              "13:00-15:30,fri;2026-08-17;2026-03-02;2026-08-17\n");
    INFO(test::dump(csv));
    CHECK(problems(csv).empty());
    REQUIRE(csv.scenario.has_value());
    const auto yaml = must_load(scenario(
        ", preferences: {modes: [classroom], refuse_modes: [online_live], days: [tue, wed], times: [\"08:00-12:00\", "
        "13:00-15:30], avoid_days: [fri, 2026-08-17, 2026-03-02]}"));
    const auto& a = csv.scenario->employees.at(0).prefs;
    const auto& b = yaml.employees.at(0).prefs;
    CHECK(a.modes == b.modes);
    CHECK(a.refused_modes == b.refused_modes);
    CHECK(a.days == b.days);
    CHECK(a.times == b.times);
    CHECK(a.avoid_weekdays == b.avoid_weekdays);
    CHECK(a.avoid_dates == b.avoid_dates);
    CHECK(a.avoid_dates == std::vector{day(2026, 3, 2), day(2026, 8, 17)});
}

TEST_CASE("The Indonesian names of the preference columns are the same columns", "[load][preferences][csv]") {
    test::temp_dir dir;
    const auto csv = load_csv(dir,
                              "nip,nama,unit_kerja,status_kepegawaian,mode_disukai,mode_ditolak,hari_disukai,"
                              "jam_disukai,hari_dihindari\n"
                              "198203142006041002,Siti,bpkad,PNS,Classroom;self_paced,online_live,Senin;Kamis,"
                              "08.00-12.00,Jumat\n");
    INFO(test::dump(csv));
    CHECK(problems(csv).empty());
    REQUIRE(csv.scenario.has_value());
    const auto& p = csv.scenario->employees.at(0).prefs;
    CHECK(p.modes == std::vector{delivery_mode::classroom, delivery_mode::self_paced});
    CHECK(p.refused_modes == std::vector{delivery_mode::online_live});
    CHECK(p.days == (mon | thu));
    CHECK(p.times == std::vector{hours(8, 0, 12, 0)});
    CHECK(p.avoid_weekdays == fri);
}

TEST_CASE("Empty preference cells leave the defaults", "[load][preferences][csv]") {
    test::temp_dir dir;
    const auto csv = load_csv(dir,
                              "nip,name,unit,status,prefer_modes,refuse_modes,prefer_days,prefer_times,avoid_days\n"
                              "198203142006041002,Siti,bpkad,pns,,,,,\n");
    INFO(test::dump(csv));
    CHECK(problems(csv).empty());
    REQUIRE(csv.scenario.has_value());
    CHECK(csv.scenario->employees.at(0).prefs.empty());
}

TEST_CASE("Each preference error in the CSV has its code, the CSV file, line, column and column name",
          "[load][preferences][csv]") {
    // Columns: nip (1), name (20), unit (25), status (31), then the cell under test at column 35.
    const auto [header, value, expected] = GENERATE(table<std::string, std::string, std::string>({
        {"prefer_modes", "zoom", "E-ENUM 2:35 prefer_modes"},
        {"refuse_modes", "classroom;online_live;self_paced", "E-PREFERENCE-CONFLICT 2:35 refuse_modes"},
        {"prefer_days", "tue;rabo", "E-WEEKDAY 2:35 prefer_days"},
        {"prefer_times", "08:00-12:00;pagi", "E-TIME 2:35 prefer_times"},
        {"prefer_times", "21:00-01:00", "E-RANGE-ORDER 2:35 prefer_times"},
        {"avoid_days", "2026-13-01", "E-DATE 2:35 avoid_days"},
        {"hari_dihindari", "pasar", "E-WEEKDAY 2:35 avoid_days"},
    }));
    INFO(header << " = " << value);
    test::temp_dir dir;
    const auto csv =
        load_csv(dir, "nip,name,unit,status," + header + "\n198203142006041002,Siti,bpkad,pns," + value + "\n");
    INFO(test::dump(csv));
    REQUIRE(csv.diags.error_count() == 1);
    const auto* d = test::first_with(csv, expected.substr(0, expected.find(' ')));
    REQUIRE(d != nullptr);
    CHECK(fmt::format("{} {}:{} {}", d->code, d->line, d->column, d->path) == expected);
    CHECK(d->file.ends_with("staff.csv"));
}

TEST_CASE("A mode both preferred and refused in the CSV is E-PREFERENCE-CONFLICT at the refusal",
          "[load][preferences][csv]") {
    test::temp_dir dir;
    // The refused column comes first in the file; the refusal is still where it is reported.
    const auto csv = load_csv(dir,
                              "nip,name,unit,status,refuse_modes,prefer_modes\n"
                              "198203142006041002,Siti,bpkad,pns,classroom,self_paced;classroom\n");
    INFO(test::dump(csv));
    CHECK(problems(csv) == std::vector<std::string>{"E-PREFERENCE-CONFLICT 2:35 refuse_modes"});
}

TEST_CASE("Preference messages read in Indonesian too", "[load][preferences]") {
    const auto r = test::load_text(scenario(", preferences: {modes: [classroom], refuse_modes: [classroom]}"));
    const auto* d = test::first_with(r, "E-PREFERENCE-CONFLICT");
    REQUIRE(d != nullptr);
    CHECK(d->message == "the classroom mode is both preferred and refused");
    CHECK_FALSE(d->message_id.empty());
    CHECK(d->message_id != d->message);
}
