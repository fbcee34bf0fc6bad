// The generator's in-memory picture of a synthetic regency: plain strings and
// numbers, in the order they are written. Built once, then emitted as YAML
// (and CSV); tests and the summary read it too.
#pragma once

#include <jadwal/generate/batanghari.hpp>

#include "names.hpp"

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jadwal::generate::detail {

using day = date::local_days;

struct day_range {
    day from{};
    day to{};
};

struct critical_period {
    day_range days;
    int weight = 2;
    std::string why;
};

/// Unit kinds, in the order of the domain table.
enum class unit_kind : std::uint8_t {
    office,
    district_office,
    school,
    hospital,
    puskesmas,
    satpol_pp,
    fire_service,
    head_office,
};
inline constexpr int unit_kind_count = 8;
[[nodiscard]] const char* to_string(unit_kind k);

/// Things a unit is, beyond its kind, that decide demand and duties.
enum unit_tag : std::uint32_t {
    tag_finance = 1u << 0,        // bpkad, bapenda: keuangan daerah, year-end closing
    tag_planning = 1u << 1,       // bappeda
    tag_audit = 1u << 2,          // inspektorat
    tag_hr = 1u << 3,             // bkpsdmd
    tag_digital = 1u << 4,        // diskominfo
    tag_front_desk = 1u << 5,     // disdukcapil, dpmptsp
    tag_disaster = 1u << 6,       // bpbd
    tag_records = 1u << 7,        // setda, setwan, arsip: tata naskah dinas
    tag_leadership = 1u << 8,     // setda, bkpsdmd, inspektorat: talent webinar
    tag_ward = 1u << 9,           // a hospital ward on shifts
    tag_emergency = 1u << 10,     // IGD, ICU: BTCLS
    tag_inpatient = 1u << 11,     // puskesmas with inpatient care
    tag_sd = 1u << 12,
    tag_smp = 1u << 13,
    tag_tk = 1u << 14,
    tag_health_head = 1u << 15,   // dinas kesehatan
    tag_education_head = 1u << 16,// dinas pendidikan
    tag_security = 1u << 17,      // satpol pp, kesbangpol: netralitas webinar
    tag_budget = 1u << 18,        // bpkad, bappeda: budget planning season
};

/// At most this many of a unit's staff away for training at once.
struct staff_limit {
    int percent = 0;  ///< a share of headcount, when > 0
    int people = 0;   ///< otherwise a count
    static staff_limit share(int p) { return {p, 0}; }
    static staff_limit count(int n) { return {0, n}; }
};

struct unit {
    std::string id, name;
    unit_kind kind = unit_kind::office;
    std::uint32_t tags = 0;
    std::string pattern;
    std::string location;
    int district = 0;  ///< index into the district table
    staff_limit max_absent;
    std::vector<std::pair<std::string, int>> min_on_duty;
    bool apel = false;        ///< Monday morning assembly as a unit duty
    bool upacara = false;     ///< school flag ceremony as a unit duty
    std::vector<critical_period> critical;
    std::vector<std::string> preferred_days;  ///< weekday names; empty: none (preferences.cpp)
    int staff = 0;
    std::uint32_t first_employee = 0;  ///< employees of a unit are contiguous
};

struct leave {
    day_range days;
    const char* why = "";
};

/// What a person asked for, as the format writes it (`preferences` of an
/// employee, the preference columns of the CSV). Generated only with
/// batanghari_options::preferences > 0 (preferences.cpp).
struct stated_preferences {
    std::vector<std::string> modes, refuse_modes, days, times, avoid_days;
    [[nodiscard]] bool empty() const {
        return modes.empty() && refuse_modes.empty() && days.empty() && times.empty() && avoid_days.empty();
    }
};

/// Roles that put a person on an explicit demand list.
enum role : std::uint16_t {
    role_treasurer = 1u << 0,
    role_planner = 1u << 1,
    role_procurement = 1u << 2,
    role_it = 1u << 3,
    role_supervisor = 1u << 4,
    role_principal = 1u << 5,
    role_emergency_nurse = 1u << 6,
    role_immunisation = 1u << 7,
    role_child_health = 1u << 8,
};

struct employee {
    std::string nip, name;
    std::uint32_t unit = 0;
    bool pppk = false;
    bool female = false;
    std::string pattern;       ///< own pattern, empty: the unit's
    int rotation_offset = -1;  ///< -1: not on a rotation
    bool after_hours = true;
    bool weekend = false;
    std::vector<leave> leaves;
    std::vector<std::uint8_t> duties;  ///< indices into duty_templates
    std::uint16_t roles = 0;
    profession job = profession::administrator;
    int age = 40;
    stated_preferences prefs;
};

struct location {
    std::string id, name;
    std::vector<std::pair<std::string, int>> travel;  ///< to later locations, minutes
};

struct duty_template {
    std::string id, rrule, time, what;
};

struct venue {
    std::string id, name, location, pattern;
    int capacity = 0;
    long long cost_per_day = 0;
    std::vector<day_range> closed;
};

struct platform {
    std::string id, name;
    int concurrent = 1;
    int capacity = 0;
    long long cost_per_cohort = 0;
};

struct instructor {
    std::string id, name, location;
    std::uint32_t topics = 0;
    int max_days_per_month = 10;
    long long cost_per_hour = 0;
    /// Also teaches online on weekday evenings (at most two a week, paid more).
    bool evenings = false;
    long long evening_cost_per_hour = 0;
    std::vector<day_range> unavailable;
};

struct module {
    std::string id, title;
    int jp = 0;
    std::string after;
    int gap_min = -1;
    int gap_max = -1;
};

struct fixed_session {
    std::string module;
    day date{};
    std::string time;
    int capacity = 0;
    int recording_days = 0;  ///< 0: no recording
    int post_test_minutes = 0;
};

struct explicit_window {
    std::string days;
    std::vector<std::string> hours;
};

struct mode_offer {
    std::string mode;
    std::vector<std::string> windows;
    std::vector<explicit_window> explicit_windows;
    std::vector<std::string> venues;
    std::string platform;
    int max_jp_per_day = 0;
    long long cost_per_cohort = 0;
    std::vector<fixed_session> fixed;
};

struct program {
    std::string id, title, organizer;
    std::vector<module> modules;
    std::vector<mode_offer> modes;
    int cohort_min = 1;
    int cohort_max = 40;
    std::vector<std::string> instructors;
    [[nodiscard]] int jp() const {
        int total = 0;
        for (const auto& m : modules) total += m.jp;
        return total;
    }
};

/// One demand entry: a `where` filter or an explicit list of employees.
struct demand {
    std::uint32_t program = 0;
    std::vector<std::string> units;
    std::vector<unit_kind> kinds;
    std::vector<int> districts;
    bool pns = true;
    bool pppk = true;
    std::vector<std::uint32_t> employees;  ///< explicit list (then no filter)
    bool mandatory = false;
    std::optional<day> deadline;
    std::string note;  ///< why, written as a comment
};

struct population {
    batanghari_options opts;
    int year = 2026;
    day horizon_from{}, horizon_to{};
    std::optional<day_range> ramadan;       ///< official dates only; else omitted
    day idul_fitri{};                       ///< official or estimated
    std::vector<day_range> school_holidays;
    bool builtin_holidays = true;           ///< an `id-<year>` set exists
    std::vector<std::pair<day, std::string>> fixed_date_holidays;  ///< when it does not
    std::vector<std::string> districts;
    std::vector<location> locations;
    std::vector<duty_template> duty_templates;
    std::vector<unit> units;
    std::vector<employee> employees;
    std::vector<venue> venues;
    std::vector<platform> platforms;
    std::vector<instructor> instructors;
    std::vector<program> programs;
    std::vector<demand> demands;
    int max_classroom_cohorts = 0;
    long long max_cost = 0;
    /// National e-learning open to PNS short of their JP target (`catalogue`).
    std::vector<std::string> catalogue;
    int catalogue_max_jp = 0;
};

/// Builds everything for the options (deterministic).
[[nodiscard]] population build_population(const batanghari_options& opts);

// The steps of build_population, in order.
void add_places(population& pop);          ///< districts and locations (units.cpp)
void add_duty_templates(population& pop);  ///< (staff.cpp)
void add_units(population& pop);           ///< units with their staff counts (units.cpp)
void add_staff(population& pop);           ///< the people of every unit (staff.cpp)
void build_training(population& pop);      ///< resources, programmes, demand (training.cpp)
/// Personal preferences of a share of the staff, and units' preferred days (preferences.cpp);
/// after the demand, so that nobody refuses the only mode of a programme asked of them.
void add_preferences(population& pop);

/// Whether employee e is selected by demand entry d.
[[nodiscard]] bool matches(const population& pop, const demand& d, std::uint32_t e);
[[nodiscard]] batanghari_summary summarize(const population& pop);

[[nodiscard]] std::string format_day(day d);

/// `name` ("RSUD Hamba - ICU", "Aula RSUD Hamba") with the options' hospital for RSUD Hamba.
[[nodiscard]] std::string hospital_name(const population& pop, std::string_view name);

}  // namespace jadwal::generate::detail
