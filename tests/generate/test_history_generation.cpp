// A generated training history (`jadwal generate batanghari --history-until DAY`):
// a SIASN-shaped CSV next to the scenario, which loads without a problem, holds
// only days before DAY, repeats for a seed, and has shift staff and teachers
// earning less than office staff (history.cpp states the shape).
#include <jadwal/generate/batanghari.hpp>
#include <jadwal/load/load_scenario.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include "../support/error_code.hpp"

using namespace jadwal;
using generate::test::read_file;
using generate::test::temp_dir;

namespace {

generate::batanghari_options with_history(int employees, std::uint64_t seed, date::year_month_day until) {
    generate::batanghari_options o;
    o.employees = employees;
    o.seed = seed;
    o.history_until = until;
    return o;
}

constexpr date::year_month_day july{date::year{2026} / date::July / 1};

}  // namespace

TEST_CASE("A generated history loads without a problem and counts only this year's courses before the day given",
          "[generate][history]") {
    temp_dir dir;
    const auto files = generate::write_batanghari(dir.path() / "s.yaml", with_history(1500, 3, july));
    REQUIRE(files.history == dir.path() / "s.history.csv");
    const std::string csv = read_file(files.history);
    CHECK(csv.rfind("nip;nama_diklat;institusi_penyelenggara;jumlah_jam;tanggal_mulai;tanggal_selesai\r\n", 0) == 0);
    CHECK(read_file(files.scenario).find("history: {csv: s.history.csv}") != std::string::npos);

    const auto r = load::load_scenario_file(files.scenario);
    CHECK(r.diags.error_count() == 0);
    CHECK(r.diags.warning_count() == 0);
    REQUIRE(r.scenario.has_value());
    const model::scenario& s = *r.scenario;
    REQUIRE(s.history.size() > 1000);
    std::size_t last_year = 0;
    for (const auto& h : s.history) {
        CHECK(h.employee.valid());
        CHECK(h.end < calendar::local_date{july});
        CHECK(h.start <= h.end);
        if (date::year_month_day{h.end}.year() == date::year{2025}) ++last_year;
        if (s.employees[h.employee.value].status == model::employment_status::pppk) CHECK(h.jp <= 4);
    }
    CHECK(last_year > 0);
    CHECK(s.completed.empty());  // the courses are not the scenario's programmes

    // Earned JP by staff group: last year's count toward nothing; shift staff and
    // teachers earn less than office staff.
    const std::vector<int> earned = s.earned_jp();
    std::array<long, 4> jp{}, people{};
    long all = 0;
    for (std::size_t e = 0; e < s.employees.size(); ++e) {
        const auto g = static_cast<std::size_t>(model::staff_group_of(s.pattern_of(s.employees[e])));
        jp[g] += earned[e];
        people[g] += 1;
        all += earned[e];
    }
    long in_file = 0;
    for (const auto& h : s.history) in_file += h.jp;
    CHECK(all < in_file);
    const auto mean = [&](model::staff_group g) {
        const auto i = static_cast<std::size_t>(g);
        return people[i] > 0 ? static_cast<double>(jp[i]) / static_cast<double>(people[i]) : 0.0;
    };
    REQUIRE(people[static_cast<std::size_t>(model::staff_group::shift)] > 0);
    REQUIRE(people[static_cast<std::size_t>(model::staff_group::teachers)] > 0);
    CHECK(mean(model::staff_group::shift) < mean(model::staff_group::teachers));
    CHECK(mean(model::staff_group::teachers) < mean(model::staff_group::office));
}

TEST_CASE("A generated history is the same for a seed and another for another seed", "[generate][history]") {
    temp_dir a, b, c;
    const auto first = read_file(generate::write_batanghari(a.path() / "s.yaml", with_history(400, 5, july)).history);
    CHECK(first == read_file(generate::write_batanghari(b.path() / "s.yaml", with_history(400, 5, july)).history));
    CHECK(first != read_file(generate::write_batanghari(c.path() / "s.yaml", with_history(400, 6, july)).history));
}

TEST_CASE("Without history_until no history is written, and a day outside the year is refused", "[generate][history]") {
    temp_dir dir;
    generate::batanghari_options o;
    o.employees = 300;
    const auto files = generate::write_batanghari(dir.path() / "s.yaml", o);
    CHECK(files.history.empty());
    CHECK_FALSE(std::filesystem::exists(dir.path() / "s.history.csv"));
    CHECK(read_file(files.scenario).find("history:") == std::string::npos);

    const auto bad = GENERATE(date::year{2026} / date::January / 1, date::year{2027} / date::March / 1,
                              date::year{2025} / date::December / 31, date::year{2026} / date::February / 30);
    CHECK(jadwal::test::error_code_of([&] { (void)generate::batanghari_yaml(with_history(50, 1, bad)); }) ==
          jadwal::errc::invalid_argument);
}
