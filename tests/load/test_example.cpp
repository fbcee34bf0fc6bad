// The small example (examples/small/scenario.yaml) loads, and what it says
// arrives in the model.
#include "helpers.hpp"

#include <catch2/catch.hpp>
#include <date/tz.h>

#include <algorithm>

using namespace jadwal;
using calendar::clock_range;
using calendar::date_range;
using std::chrono::minutes;

namespace {

calendar::local_date day(int y, unsigned m, unsigned d) {
    return calendar::local_date{date::year{y} / date::month{m} / date::day{d}};
}

clock_range hours(int h1, int m1, int h2, int m2) { return {minutes{h1 * 60 + m1}, minutes{h2 * 60 + m2}}; }

const model::scenario& example() {
    static const load::load_result loaded = load::load_scenario_file(test::source_dir() / "examples/small/scenario.yaml");
    REQUIRE(loaded.scenario.has_value());
    return *loaded.scenario;
}

template <class T>
const T& by_id(const std::vector<T>& items, const std::string& id) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    REQUIRE(it != items.end());
    return *it;
}

constexpr unsigned sun = 0, mon = 1, tue = 2, wed = 3, thu = 4, fri = 5, sat = 6;

}  // namespace

TEST_CASE("The small example loads with no errors and no warnings", "[load]") {
    const auto r = load::load_scenario_file(test::source_dir() / "examples/small/scenario.yaml");
    INFO(test::dump(r));
    REQUIRE(r.scenario.has_value());
    CHECK(r.diags.empty());
}

TEST_CASE("The example's header, horizon and grid are read", "[load]") {
    const auto& s = example();
    CHECK(s.format_version == 1);
    CHECK(s.name == "Batanghari pilot 2026");
    REQUIRE(s.zone != nullptr);
    CHECK(s.zone->name() == "Asia/Jakarta");
    CHECK(s.horizon == date_range{day(2026, 1, 5), day(2026, 12, 18)});
    CHECK(s.granularity_minutes == 15);
    CHECK(s.jp_minutes == 45);
    CHECK(s.rest_after_night_shift_minutes == 8 * 60);
    CHECK(s.source_files.size() == 1);
    CHECK_FALSE(s.default_policy.valid());
}

TEST_CASE("The example has the 25 national days of 2026 plus its regional day, sorted", "[load]") {
    const auto& s = example();
    REQUIRE(s.holidays.size() == 26);
    CHECK(std::is_sorted(s.holidays.begin(), s.holidays.end(),
                         [](const auto& a, const auto& b) { return a.date < b.date; }));
    const auto regional = std::find_if(s.holidays.begin(), s.holidays.end(),
                                       [](const auto& h) { return h.kind == calendar::holiday_kind::regional; });
    REQUIRE(regional != s.holidays.end());
    CHECK(regional->date == day(2026, 12, 1));
    CHECK(regional->name == "Hari Jadi Kabupaten Batanghari");
    CHECK(std::count_if(s.holidays.begin(), s.holidays.end(),
                        [](const auto& h) { return h.kind == calendar::holiday_kind::collective; }) == 8);
    CHECK(std::none_of(s.holidays.begin(), s.holidays.end(), [](const auto& h) { return h.provisional; }));
}

TEST_CASE("The example's seasons hold the official Ramadan 1447 H and two school holidays", "[load]") {
    const auto& s = example();
    const auto& ramadan = by_id(s.seasons, "ramadan");
    REQUIRE(ramadan.ranges.size() == 1);
    CHECK(ramadan.ranges[0] == date_range{day(2026, 2, 19), day(2026, 3, 20)});
    CHECK(ramadan.estimated == std::vector<bool>{false});
    const auto& school = by_id(s.seasons, "school_holiday");
    CHECK(school.ranges == std::vector<date_range>{{day(2026, 6, 27), day(2026, 7, 12)}, {day(2026, 12, 19), day(2026, 12, 31)}});
}

TEST_CASE("The example's office pattern has weekday hours and a Ramadan variant", "[load]") {
    const auto& s = example();
    const auto& office = by_id(s.patterns, "office");
    CHECK_FALSE(office.rotation.has_value());
    CHECK(office.holidays == model::holiday_rule::all);
    for (const unsigned d : {mon, tue, wed, thu})
        CHECK(office.week.by_weekday[d] == std::vector<clock_range>{hours(7, 30, 12, 0), hours(13, 0, 16, 0)});
    CHECK(office.week.by_weekday[fri] == std::vector<clock_range>{hours(7, 30, 11, 30), hours(13, 0, 16, 30)});
    CHECK(office.week.by_weekday[sat].empty());
    CHECK(office.week.by_weekday[sun].empty());
    REQUIRE(office.seasonal.size() == 1);
    CHECK(office.seasonal[0].first == "ramadan");
    CHECK(office.seasonal[0].second.by_weekday[mon] == std::vector<clock_range>{hours(8, 0, 12, 0), hours(12, 30, 15, 0)});
    CHECK(office.seasonal[0].second.by_weekday[fri] == std::vector<clock_range>{hours(8, 0, 11, 30), hours(12, 30, 15, 30)});

    const auto& school = by_id(s.patterns, "school");
    CHECK(school.week.by_weekday[sat] == std::vector<clock_range>{hours(7, 0, 12, 0)});
    REQUIRE(school.seasonal.size() == 1);
    CHECK(school.seasonal[0].first == "school_holiday");
    for (const auto& d : school.seasonal[0].second.by_weekday) CHECK(d.empty());
}

TEST_CASE("The example's rotations keep cycle, anchor and shifts; night defaults to crossing midnight", "[load]") {
    const auto& s = example();
    const auto& ward = by_id(s.patterns, "ward");
    REQUIRE(ward.rotation.has_value());
    CHECK(ward.holidays == model::holiday_rule::none);
    CHECK(ward.rotation->anchor == day(2026, 1, 1));
    CHECK(ward.rotation->cycle == std::vector<std::string>{"P", "P", "S", "S", "M", "M", "off", "off"});
    REQUIRE(ward.rotation->shifts.size() == 3);
    const auto* m = ward.rotation->find("M");
    REQUIRE(m != nullptr);
    CHECK(m->hours == hours(21, 0, 31, 0));  // 21:00 to 07:00 the next day
    CHECK(m->night);
    CHECK_FALSE(ward.rotation->find("P")->night);
    CHECK(ward.rotation->find("P")->hours == hours(7, 0, 14, 0));

    const auto& roster = by_id(s.patterns, "roster_24_48");
    REQUIRE(roster.rotation.has_value());
    const auto* d = roster.rotation->find("D");
    REQUIRE(d != nullptr);
    CHECK(d->hours.length() == minutes{24 * 60});
    CHECK(d->night);
    CHECK(roster.rotation->cycle == std::vector<std::string>{"D", "off", "off"});
}

TEST_CASE("The example's travel times are symmetric", "[load]") {
    const auto& s = example();
    REQUIRE(s.locations.size() == 3);
    auto index_of = [&](const std::string& id) {
        for (std::uint32_t i = 0; i < s.locations.size(); ++i)
            if (s.locations[i].id == id) return model::location_index{i};
        FAIL("no location " << id);
        return model::location_index{};
    };
    const auto mb = index_of("muara_bulian"), jambi = index_of("jambi"), bj = index_of("bajubang");
    CHECK(s.locations[mb.value].travel.at(jambi) == minutes{90});
    CHECK(s.locations[jambi.value].travel.at(mb) == minutes{90});
    CHECK(s.locations[bj.value].travel.at(mb) == minutes{45});
    CHECK(s.locations[jambi.value].travel.count(bj) == 0);
    CHECK(s.locations[bj.value].name == "Bajubang");
}

TEST_CASE("The example's units carry limits, critical periods, shifts and duties", "[load]") {
    const auto& s = example();
    REQUIRE(s.units.size() == 5);
    const auto& bpkad = by_id(s.units, "bpkad");
    CHECK(bpkad.kind == "office");
    CHECK(bpkad.district == "Muara Bulian");
    CHECK(s.patterns[bpkad.pattern.value].id == "office");
    CHECK(s.locations[bpkad.location.value].id == "muara_bulian");
    CHECK(bpkad.max_absent.type == model::staffing_limit::kind::share);
    CHECK(bpkad.max_absent.share == Approx(0.10));
    REQUIRE(bpkad.critical.size() == 2);
    CHECK(bpkad.critical[0].days == date_range{day(2026, 12, 1), day(2026, 12, 31)});
    CHECK(bpkad.critical[0].weight == 3.0);
    CHECK(bpkad.critical[0].why == "penutupan tahun anggaran");
    REQUIRE(bpkad.duties.size() == 1);
    CHECK(bpkad.duties[0].what == "apel pagi");
    REQUIRE(bpkad.duties[0].rule.has_value());
    CHECK(bpkad.duties[0].rule->freq == calendar::frequency::weekly);
    CHECK(bpkad.duties[0].start == s.horizon.first);  // DTSTART defaults to the horizon start
    CHECK(bpkad.duties[0].time == hours(7, 30, 8, 30));

    const auto& kec = by_id(s.units, "kec_bajubang");
    CHECK(kec.max_absent.type == model::staffing_limit::kind::count);
    CHECK(kec.max_absent.count == 1);

    const auto& igd = by_id(s.units, "rsud_igd");
    CHECK(igd.max_absent.share == Approx(0.20));
    CHECK(igd.min_on_duty == std::vector<std::pair<std::string, int>>{{"P", 1}, {"S", 1}, {"M", 1}});
    CHECK(igd.zone == nullptr);
    CHECK_FALSE(igd.holidays.has_value());
}

TEST_CASE("The example's employees get their fields and the defaults of their status", "[load]") {
    const auto& s = example();
    REQUIRE(s.employees.size() == 16);
    const auto& siti = by_id(s.employees, "198203142006041002");
    CHECK(siti.name == "Siti Rahmawati");
    CHECK(s.units[siti.unit.value].id == "bpkad");
    CHECK(siti.status == model::employment_status::pns);
    CHECK(siti.jp_target == 20);
    CHECK_FALSE(siti.jp_cap.has_value());
    CHECK(siti.accepts.after_hours);
    CHECK_FALSE(siti.accepts.weekend);
    REQUIRE(siti.leaves.size() == 1);
    CHECK(siti.leaves[0].days == date_range{day(2026, 7, 6), day(2026, 7, 10)});
    CHECK(siti.leaves[0].why == "cuti tahunan");
    REQUIRE(siti.duties.size() == 2);
    REQUIRE(siti.duties[0].rule.has_value());
    CHECK(siti.duties[0].rule->interval == 2);
    CHECK(siti.duties[0].rule->until == day(2026, 6, 30));
    CHECK(siti.duties[0].start == day(2026, 1, 6));
    CHECK(siti.duties[0].except == std::vector<calendar::local_date>{day(2026, 3, 19)});
    CHECK_FALSE(siti.duties[1].rule.has_value());
    CHECK(siti.duties[1].start == day(2026, 4, 15));
    CHECK(siti.duties[1].time == hours(9, 0, 12, 0));

    const auto& ahmad = by_id(s.employees, "198507212010012003");
    CHECK(ahmad.name == "Ahmad Fauzi, S.E.");
    REQUIRE(ahmad.duties.size() == 1);  // from the template rapat_bulanan
    CHECK(ahmad.duties[0].what == "rapat evaluasi bulanan");
    CHECK(ahmad.duties[0].rule->by_day == std::vector<calendar::weekday_rule>{{date::Friday, -1}});

    CHECK_FALSE(by_id(s.employees, "199001012019031004").accepts.after_hours);
    const auto& rudi = by_id(s.employees, "199203152022211005");
    CHECK(rudi.status == model::employment_status::pppk);
    CHECK(rudi.jp_target == 0);
    CHECK(rudi.jp_cap == 24);
    CHECK(by_id(s.employees, "199002022015032011").rotation_offset == 2);
    const auto& putri = by_id(s.employees, "199511112022031017");
    REQUIRE(putri.zone != nullptr);
    CHECK(putri.zone->name() == "Asia/Makassar");
    CHECK(s.zone_of(putri).name() == "Asia/Makassar");
    CHECK(s.zone_of(siti).name() == "Asia/Jakarta");
    CHECK(s.pattern_of(by_id(s.employees, "198612122012122010")).id == "ward");
    CHECK(s.holiday_rule_of(by_id(s.employees, "198612122012122010")) == model::holiday_rule::none);
}

TEST_CASE("The example's venues, platform and instructors are read", "[load]") {
    const auto& s = example();
    REQUIRE(s.venues.size() == 3);
    const auto& aula = by_id(s.venues, "aula_bkpsdmd");
    CHECK(aula.capacity == 40);
    CHECK(aula.cost_per_day == 1500000.0);
    CHECK(s.patterns[aula.pattern.value].id == "office");
    const auto& room = by_id(s.venues, "ruang_rapat_bpkad");
    CHECK_FALSE(room.pattern.valid());
    CHECK(room.closed == std::vector<date_range>{{day(2026, 5, 11), day(2026, 5, 22)}});
    REQUIRE(s.platforms.size() == 1);
    CHECK(s.platforms[0].concurrent == 2);
    CHECK(s.platforms[0].capacity == 300);
    REQUIRE(s.instructors.size() == 2);
    CHECK(s.instructors[0].max_minutes_per_day == 360);
    CHECK(s.instructors[0].max_days_per_month == 8);
    CHECK(s.instructors[0].cost_per_hour == 300000.0);
    CHECK_FALSE(s.instructors[1].max_days_per_month.has_value());
    CHECK(s.instructors[1].unavailable == std::vector<date_range>{{day(2026, 8, 1), day(2026, 8, 31)}});
}

TEST_CASE("The example's programmes have modules, prerequisites, modes and fixed sessions", "[load]") {
    const auto& s = example();
    REQUIRE(s.programs.size() == 3);
    const auto& keuda = by_id(s.programs, "keuda");
    CHECK(keuda.jp == 24);
    CHECK(keuda.organizer == "BKPSDMD Kabupaten Batanghari");
    REQUIRE(keuda.modules.size() == 3);
    CHECK_FALSE(keuda.modules[0].after.has_value());
    CHECK(keuda.modules[1].after == 0u);
    CHECK(keuda.modules[1].gap_min_days == 1);
    CHECK(keuda.modules[1].gap_max_days == 14);
    CHECK(keuda.modules[2].after == 1u);
    CHECK(keuda.modules[0].title == "Perencanaan dan penganggaran");
    CHECK(keuda.cohort_min == 3);
    CHECK(keuda.cohort_max == 30);
    CHECK(keuda.instructors.size() == 2);
    CHECK(keuda.instructors_per_session == 1);
    REQUIRE(keuda.modes.size() == 2);
    const auto& classroom = keuda.modes[0];
    CHECK(classroom.mode == model::delivery_mode::classroom);
    CHECK(classroom.windows == std::vector<model::window_kind>{model::window_kind::working_hours});
    REQUIRE(classroom.venues.size() == 3);
    CHECK(s.venues[classroom.venues[1].value].id == "ruang_rapat_bpkad");
    CHECK(s.venues[classroom.venues[2].value].id == "bpsdm_jambi");
    CHECK(classroom.max_jp_per_day == 8);
    CHECK(classroom.cost_per_cohort == 5000000.0);
    const auto& online = keuda.modes[1];
    CHECK(online.windows == std::vector<model::window_kind>{model::window_kind::after_hours, model::window_kind::weekend});
    CHECK(s.platforms[online.platform.value].id == "zoom_bkpsdmd");

    const auto& prima = by_id(s.programs, "pelayanan_prima");
    CHECK(prima.jp == 10);  // jp given and equal to the sum
    CHECK(prima.modules[1].gap_min_days == 0);
    CHECK_FALSE(prima.modules[1].gap_max_days.has_value());
    CHECK(prima.instructors.empty());
    CHECK(prima.instructors_per_session == 0);
    REQUIRE(prima.modes.size() == 2);
    const auto& evening = prima.modes[1];
    CHECK(evening.windows == std::vector<model::window_kind>{model::window_kind::explicit_hours});
    REQUIRE(evening.explicit_windows.size() == 1);
    CHECK(evening.explicit_windows[0].weekdays == 0x3e);  // mon..fri
    CHECK(evening.explicit_windows[0].hours == std::vector<clock_range>{hours(19, 30, 21, 0)});

    const auto& webinar = by_id(s.programs, "webinar_smart_asn");
    REQUIRE(webinar.modes.size() == 1);
    REQUIRE(webinar.modes[0].fixed.size() == 1);
    const auto& f = webinar.modes[0].fixed[0];
    CHECK(f.module == 0u);
    CHECK(f.start == calendar::local_minute{day(2026, 9, 10)} + minutes{9 * 60});
    CHECK(f.end == calendar::local_minute{day(2026, 9, 10)} + minutes{10 * 60 + 30});
    CHECK(f.capacity == 1000);
}

TEST_CASE("The example's demand resolves into one item per employee and programme", "[load]") {
    const auto& s = example();
    REQUIRE(s.demand.size() == 18);
    auto count = [&](const std::string& program) {
        return std::count_if(s.demand.begin(), s.demand.end(),
                             [&](const auto& d) { return s.programs[d.program.value].id == program; });
    };
    CHECK(count("keuda") == 5);             // everyone at bpkad
    CHECK(count("pelayanan_prima") == 11);  // district office, school, hospital and fire service staff
    CHECK(count("webinar_smart_asn") == 2);
    for (const auto& d : s.demand) {
        if (s.programs[d.program.value].id == "keuda") {
            CHECK(d.level == model::priority::mandatory);
            CHECK(d.deadline == day(2026, 11, 30));
            CHECK(s.units[s.employees[d.employee.value].unit.value].id == "bpkad");
        } else {
            CHECK(d.level == model::priority::elective);
            CHECK_FALSE(d.deadline.has_value());
        }
        CHECK(d.mark.line > 0);
    }
}

TEST_CASE("The example's policies and budget are read, with documented defaults elsewhere", "[load]") {
    const auto& s = example();
    REQUIRE(s.policies.size() == 2);
    const auto& only = by_id(s.policies, "classroom_only");
    CHECK(only.modes == std::vector<model::delivery_mode>{model::delivery_mode::classroom});
    CHECK(only.windows == std::vector<model::window_kind>{model::window_kind::working_hours});
    CHECK(only.weights.after_hours == 0.5);  // default
    const auto& flexible = by_id(s.policies, "flexible");
    CHECK(flexible.description == "Classroom plus live online after hours plus self-paced.");
    CHECK(flexible.modes.size() == 3);
    CHECK(flexible.after_hours == hours(16, 30, 21, 0));
    CHECK(flexible.max_after_hours_minutes_per_week == 180);
    CHECK(flexible.max_after_hours_minutes_per_day == 135);
    CHECK(flexible.weekend == hours(8, 0, 16, 0));
    CHECK(flexible.max_training_minutes_per_day == 480);
    CHECK(flexible.study_block_min_minutes == 45);
    CHECK(flexible.study_block_max_minutes == 90);
    CHECK(flexible.weights.after_hours == 0.6);
    CHECK(flexible.weights.unmet_mandatory == 10.0);  // default
    CHECK(s.budget.max_classroom_cohorts == 4);
    CHECK(s.budget.max_cost == 40000000.0);
    CHECK(s.budget.currency == "IDR");
}

TEST_CASE("The example's look-up maps find every entity by id", "[load]") {
    const auto& s = example();
    CHECK(s.find_employee("199511112022031017").value().value == 15);
    CHECK(s.find_unit("rsud_igd").has_value());
    CHECK(s.find_program("keuda").has_value());
    CHECK(s.find_pattern("roster_24_48").has_value());
    CHECK(s.find_policy("flexible").has_value());
    CHECK_FALSE(s.find_unit("bpkda").has_value());
    CHECK(s.employee_by_id.size() == s.employees.size());
}
