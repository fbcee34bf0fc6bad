// Comparing scheduling policies (docs/attendance.md, `jadwal compare`): the same scenario solved
// under several policies with the same seed and options, every plan checked
// by the independent verifier, and the figures an HR office reports set side
// by side, expected attendance included. The metrics shown are verify's
// recomputation, not the solver's own account of its plan.
#pragma once

#include <jadwal/text/language.hpp>
#include <jadwal/text/messages.hpp>
#include <jadwal/compare/attendance.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/model/plan.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jadwal::compare {

struct compare_options {
    std::vector<std::string> policies;  ///< policy ids, in the order of the columns; at least one
    /// The language of what people read (docs/languages.md); none: the
    /// scenario's `locale`, else English.
    std::optional<text::language> language;
    solve::solve_strategy strategy = solve::solve_strategy::optimized;
    std::uint64_t seed = 1;
    std::optional<double> time_limit_seconds;  ///< per policy
    std::optional<std::int64_t> max_moves;     ///< per policy and thread
    int threads = 1;
    simulation_options attendance;  ///< runs and seed of the attendance simulation
    /// Set to true (from any thread or a signal handler) to stop: the solve
    /// under way returns its best plan so far, and each policy still to come
    /// gets its first plan without search.
    const std::atomic<bool>* cancel = nullptr;
    /// Called before each policy is solved (for progress lines).
    std::function<void(std::string_view policy, std::size_t index, std::size_t count)> on_policy;
    /// Called during each policy's solve, as solve::solve_options::on_progress
    /// (from the calling thread, at most every `progress_interval_seconds`).
    std::function<void(const solve::solve_progress&)> on_progress;
    double progress_interval_seconds = 0.25;
};

/// One column: a policy, its plan, the verifier's report on it, and its
/// expected attendance under the scenario's attendance model.
struct policy_result {
    std::string policy;
    model::solution plan;
    verify::report check;
    attendance_summary attendance;
    std::int64_t placed_jp = 0;  ///< JP of the placed programmes
};

struct comparison {
    std::vector<policy_result> results;
    solve::solve_strategy strategy = solve::solve_strategy::optimized;
    std::uint64_t seed = 1;
    /// The language asked for (compare_options::language); none: the
    /// scenario's `locale`, else English.
    std::optional<text::language> language;
};

/// Solves, verifies and simulates under each policy in turn. Throws
/// jadwal::error before solving anything: errc::not_found when a policy id is
/// unknown, errc::invalid_argument when one is named twice or the list is empty.
[[nodiscard]] comparison compare_policies(const model::scenario& s, const compare_options& opts);

/// The ids of the scenario's policies, in scenario order (for messages).
[[nodiscard]] std::vector<std::string> policy_ids(const model::scenario& s);

/// One row of the comparison table: a figure per policy (column order).
struct metric_row {
    std::string key;    ///< stable name, e.g. "participation_rate" (the JSON key)
    std::string label;  ///< what a reader sees
    enum class kind { count, share, minutes, ratio, real } format = kind::count;
    bool higher_is_better = true;
    std::vector<double> values;
    /// For ratio-of-counts rows (demand_placed/total): the denominators, else empty.
    std::vector<double> totals;
};

/// The rows of the table, in the order they are printed, labelled in English.
[[nodiscard]] std::vector<metric_row> comparison_rows(const comparison& c);
/// The same, labelled in the language of `m`.
[[nodiscard]] std::vector<metric_row> comparison_rows(const comparison& c, const text::messages& m);

/// `value` as the table shows it for a row of this kind (English, no grouping: "5179655/7200").
[[nodiscard]] std::string format_value(const metric_row& row, std::size_t column);
/// The same in the formats of `m`'s language ("5.179.655/7.200", "65,5%" in Indonesian).
[[nodiscard]] std::string format_value(const metric_row& row, std::size_t column, const text::messages& m);

/// The table as aligned text, policies as columns.
[[nodiscard]] std::string comparison_text(const comparison& c);
/// comparison.json: options, then per policy its metrics, attendance and
/// violation counts by code, then the rows as the table shows them.
[[nodiscard]] std::string comparison_json(const model::scenario& s, const comparison& c);
/// comparison.html: one self-contained page (no script, no external resource;
/// every scenario string escaped) with the table and a bar chart per row, in
/// the language text::choose_language(c.language, s.locale) gives.
[[nodiscard]] std::string comparison_html(const model::scenario& s, const comparison& c);
/// The same in the language of `m`.
[[nodiscard]] std::string comparison_html(const model::scenario& s, const comparison& c, const text::messages& m);

/// A directory name for the policy's plan under --out: the id itself when it
/// is a safe file name (letters, digits, '-', '_', '.', not starting with '.'),
/// else "policy-N" with N its 1-based column.
[[nodiscard]] std::string policy_directory(std::string_view policy, std::size_t column);

}  // namespace jadwal::compare
