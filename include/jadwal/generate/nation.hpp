// A synthetic province (or, with many agencies, a nation) as the national folder of
// docs/scale.md: one Batanghari-shaped scenario per agency, each of its own size and
// name, plus nation.yaml listing the agencies and what they share (the national
// webinars' seats, the province's video platform, trainers and hall). Deterministic
// for a seed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <jadwal/generate/batanghari.hpp>
#include <jadwal/text/language.hpp>
#include <optional>
#include <string>
#include <vector>

namespace jadwal::generate {

struct nation_options {
    /// 1..1000: the province itself, a ministry's regional offices (from 3 on), then the
    /// regencies and cities of Jambi, then invented ones.
    int agencies = 10;
    /// Employees over all agencies, at least one per agency; split in proportion to the
    /// agencies' real (or drawn) sizes so that they add up to exactly this.
    int employees = 60000;
    std::uint64_t seed = 1;
    int year = 2026;
    /// From this many employees on, an agency's employees go to a CSV file next to its YAML.
    int csv_threshold = 500;
    /// `locale` of nation.yaml and of every agency scenario; none: the keys are left out.
    std::optional<text::language> locale;
};

/// One agency of the nation as written.
struct nation_agency {
    std::string id;    ///< [a-z0-9_]+, the folder under agencies/
    std::string name;  ///< "Kabupaten Batanghari"
    std::string kind;  ///< province, ministry, regency or city
    int employees = 0;
    /// The scenario's own seed: the nation's times 1000 plus the agency's position from 1.
    std::uint64_t seed = 0;
    int minutes_to_capital = 0;  ///< by road to Kota Jambi, where the province's hall and trainers are
    bool shares_hall = false;
    bool shares_trainers = false;
    /// The scenario's path relative to the folder: agencies/<id>/scenario.yaml.
    std::string scenario;
    batanghari_summary summary;  ///< filled when the scenario is generated
};

/// A fixed national session (a webinar) with its seats over all agencies.
struct nation_session {
    std::string program, module;
    std::string start;     ///< local start, "2026-09-10T09:00"
    long long demand = 0;  ///< people asked to attend, over all agencies
    int seats = 0;         ///< about three quarters of the demand: not everyone can be seated
};

struct nation_summary {
    std::string name;  ///< "Provinsi Jambi"
    nation_options options;
    std::vector<nation_agency> agencies;
    std::vector<nation_session> sessions;
    std::string platform;         ///< the province's video platform, declared by every agency
    int platform_concurrent = 0;  ///< meetings at once over all agencies
    int platform_concurrent_per_agency = 0;
    std::vector<shared_trainer> trainers;  ///< taught in the agencies with shares_trainers
    std::string hall;                      ///< the provincial hall, declared by the agencies with shares_hall
};

/// The agencies, their sizes and what each shares, without generating the scenarios
/// (sessions and the summaries stay empty). Throws std::invalid_argument for options out of
/// range (agencies outside 1..1000, fewer employees than agencies or more than 10,000,000,
/// a year outside 2000..2100, csv_threshold < 0).
[[nodiscard]] nation_summary plan_nation(const nation_options& opts);

/// Generates every agency's scenario (in memory) and the national figures: sessions with
/// their demand and seats, agencies with their summaries.
[[nodiscard]] nation_summary summarize_nation(const nation_options& opts);

/// nation.yaml for a summary from summarize_nation (or write_nation).
[[nodiscard]] std::string nation_yaml(const nation_summary& nation);

/// nation.yaml for the options: summarize_nation then nation_yaml.
[[nodiscard]] std::string nation_yaml(const nation_options& opts);

/// What a folder holds, before write_nation writes into it.
enum class nation_folder {
    absent,     ///< not there yet, or an empty directory
    generated,  ///< a nation written by write_nation: it may be written over
    in_use,     ///< anything else (another nation.yaml, other files, a file, a link): refused
};
[[nodiscard]] nation_folder inspect_nation_folder(const std::filesystem::path& dir);

/// Writes DIR/nation.yaml and DIR/agencies/<id>/scenario.yaml (+ scenario.employees.csv when
/// large), each file atomically, the agencies first and nation.yaml last. Over a nation it
/// wrote before, it also removes the scenario files of agencies the old nation.yaml listed
/// and the new one does not (and CSV files an agency no longer needs); nothing else.
/// Throws std::invalid_argument as plan_nation does, jadwal::error (errc::invalid_argument)
/// when the folder is in use, and jadwal::error (errc::io) when a file cannot be written.
nation_summary write_nation(const std::filesystem::path& dir, const nation_options& opts);

/// The first line of every nation.yaml write_nation writes: how a previous one is recognised.
inline constexpr const char* nation_yaml_marker = "# Synthetic nation written by jadwal generate nation";

}  // namespace jadwal::generate
