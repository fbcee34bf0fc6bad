// A synthetic but realistically shaped Batanghari population (examples/batanghari/README.md) for
// examples, tests and benchmarks. Deterministic for a seed.
#pragma once

#include <jadwal/text/language.hpp>

#include <date/date.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jadwal::generate {

/// A trainer of the province's BPSDM whom several agencies' scenarios declare under the same id
/// (`jadwal generate nation`): the same person, so the same name and limits everywhere.
struct shared_trainer {
    std::string id;
    std::string name;
    /// The generated programmes they may teach (ids such as "pbj", "pkp").
    std::vector<std::string> programs;
    int max_days_per_month = 8;
    long long cost_per_hour = 450000;
};

/// Resources an agency shares with others of its province (docs/scale.md): declared in its
/// scenario as in every other scenario that uses them. The defaults are the Batanghari example's.
struct shared_resources {
    /// The provincial hall (venue `bpsdm_jambi`, in Kota Jambi); false leaves it out, as for an
    /// agency too far from the capital to send people there.
    bool provincial_hall = true;
    /// A provincial video platform, offered as a live online mode (working hours) of
    /// `platform_programs`; an empty id: none.
    std::string platform;
    std::string platform_name;
    int platform_concurrent = 1;
    std::vector<std::string> platform_programs;
    /// Provincial trainers, located in Kota Jambi, added to their programmes' instructors.
    std::vector<shared_trainer> trainers;
};

struct batanghari_options {
    int employees = 7200;
    std::uint64_t seed = 1;
    int year = 2026;
    /// From this many employees on, employees go to a CSV file next to the YAML.
    int csv_threshold = 500;
    /// `scenario.locale` of the scenario written; none: the key is left out.
    /// `jadwal generate` writes `id`: the bundled example speaks Indonesian.
    std::optional<text::language> locale;
    /// `scenario.policy`, the policy a plan uses when none is asked for; empty: the key is left
    /// out (the first policy, classroom_only). A nation's agencies name `flexible`.
    std::string default_policy;
    /// The agency the scenario is for ("Kota Jambi"): its name, the comment at the top and the
    /// regional holiday say it. Empty: Kabupaten Batanghari, as the example has always been.
    std::string agency;
    /// The organiser of the agency's in-house programmes; empty: "BKPSDMD Kabupaten Batanghari".
    std::string hr_office;
    /// The regional holiday on 1 December; none: "Hari Jadi Kabupaten Batanghari" (or "Hari Jadi
    /// <agency>" when `agency` is given); an empty text: no regional holiday.
    std::optional<std::string> regional_holiday;
    /// The short place name in unit names ("SMP Negeri 3 Tebo"); empty: Batanghari.
    std::string place;
    /// The hospital's name in its units and hall ("RSUD Raden Mattaher"); empty: RSUD Hamba.
    std::string hospital;
    shared_resources shared;
    /// NIP sequence numbers (the last three digits) of this agency: 1 + offset, 1 + offset +
    /// stride, ... up to 999, so that agencies of one nation with the same stride and
    /// different offsets never share a NIP. Stride 1..999, offset 0..stride-1.
    int nip_stride = 1;
    int nip_offset = 0;
    /// The share (0..1) of employees who state personal preferences (docs/format.md "Personal
    /// preferences"), deterministic for the seed; with it, some office units get preferred days.
    /// 0 writes none, and the same bytes as before preferences existed.
    double preferences = 0;
    /// With a day: the training history up to the day before it (courses from 1 January of
    /// `year`, and some of the year before) goes to a SIASN-shaped CSV next to the YAML
    /// (history_csv_path), which the scenario names as `history` (docs/format.md "history").
    /// From 2 January to 31 December of `year`. None: no history, the same bytes as before.
    std::optional<date::year_month_day> history_until;
};

/// What a generated scenario contains, for reports and tests.
struct batanghari_summary {
    int employees = 0;
    int pns = 0;
    int pppk = 0;
    int units = 0;
    /// Units and staff per unit kind ("office", "school", ...), in the domain table's order;
    /// kinds without units are listed with 0.
    std::vector<std::pair<std::string, int>> units_by_kind;
    std::vector<std::pair<std::string, int>> staff_by_kind;
    int programs = 0;
    int demand_entries = 0;  ///< entries in the YAML's demand section
    long long demand_items = 0;  ///< (employee, programme) pairs they resolve to
    /// Sum over employees of the JP of every programme they are asked to take.
    long long demand_jp_pns = 0;
    long long demand_jp_pppk = 0;
    int max_demand_jp_pppk = 0;  ///< stays within the PPPK cap of 24
    int venues = 0;
    int instructors = 0;
    int platforms = 0;
    int max_classroom_cohorts = 0;

    [[nodiscard]] double demand_jp_per_pns() const {
        return pns > 0 ? static_cast<double>(demand_jp_pns) / pns : 0.0;
    }
    [[nodiscard]] double demand_jp_per_pppk() const {
        return pppk > 0 ? static_cast<double>(demand_jp_pppk) / pppk : 0.0;
    }
};

struct generated_files {
    std::filesystem::path scenario;   ///< the YAML written
    std::filesystem::path employees;  ///< the CSV written, empty when inline
    std::filesystem::path history;    ///< the history CSV written, empty without history_until
    batanghari_summary summary;
};

/// The history CSV that write_batanghari writes next to `yaml_path`: <stem>.history.csv.
[[nodiscard]] std::filesystem::path history_csv_path(const std::filesystem::path& yaml_path);

/// Writes the scenario (and the employees CSV when large, the history CSV with
/// history_until) atomically.
/// Throws std::invalid_argument for options out of range (employees < 1, year
/// outside 2000..2100, csv_threshold < 0, preferences outside 0..1, history_until outside the year's 2 January to
/// 31 December, a shared resource naming a programme the
/// generator does not write or an id it already uses) and std::runtime_error (jadwal::error, errc::io) when a file
/// cannot be written.
generated_files write_batanghari(const std::filesystem::path& yaml_path, const batanghari_options& opts);

/// The same scenario as YAML text with employees inline (for tests and small sizes).
[[nodiscard]] std::string batanghari_yaml(const batanghari_options& opts);

/// The employees as the CSV that write_batanghari writes next to a large scenario.
[[nodiscard]] std::string batanghari_employees_csv(const batanghari_options& opts);

/// The numbers of the scenario these options generate, without writing it.
[[nodiscard]] batanghari_summary summarize_batanghari(const batanghari_options& opts);

/// The CSV file name used for a scenario file: "<stem>.employees.csv".
[[nodiscard]] std::filesystem::path employees_csv_path(const std::filesystem::path& yaml_path);

}  // namespace jadwal::generate
