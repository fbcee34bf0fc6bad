// Explaining a plan to one person (`jadwal explain`): what they were given,
// when, and how much of it falls in their working time; and for each demand
// the plan leaves unmet, why (reason codes and sentences in domain terms) and
// up to three alternatives with their cost (docs/explanations.md,
// docs/explanations.md lists the codes).
#pragma once

#include <jadwal/model/scenario.hpp>
#include <jadwal/text/messages.hpp>
#include <jadwal/solve/solution.hpp>
#include <jadwal/text/language.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jadwal::solve {

/// A mode in words for a sentence: "classroom", "live online", "self-paced"
/// (klasikal, daring, mandiri).
[[nodiscard]] std::string mode_words(const text::messages& m, model::delivery_mode mode);
/// A mode as tables and summaries label it: the model's name in English
/// (`online_live`, as the outputs have always shown it), the words in Indonesian.
[[nodiscard]] std::string mode_label(const text::messages& m, model::delivery_mode mode);

/// One session or study block of the person's plan.
struct explained_training {
    model::program_index program;
    std::string cohort;  ///< empty for a study block
    model::delivery_mode mode = model::delivery_mode::classroom;
    std::uint32_t module = 0;
    instant start{};
    instant end{};
    std::int64_t working_minutes = 0;      ///< inside the person's working time
    std::int64_t after_hours_minutes = 0;  ///< outside it
    bool recording = false;  ///< a study block watching a fixed session's recording
    bool top_up = false;     ///< a study block of a catalogue programme taken to reach the JP target
};

struct employee_explanation {
    model::employee_index employee;
    int jp_target = 0;
    std::optional<int> jp_cap;
    int placed_jp = 0;
    /// JP the training history shows earned in the plan's year (scenario::earned_jp);
    /// they count toward jp_target and jp_cap with placed_jp.
    int jp_earned = 0;
    std::vector<explained_training> trainings;  ///< in time order
    /// Unmet demand with reasons and alternatives, recomputed against the plan.
    std::vector<unplaced_demand> unplaced;
    /// Demand the plan places, by programme.
    std::vector<model::program_index> placed;
    /// Anything that makes the explanation less certain (a plan that does not
    /// rebuild exactly under the scenario, for instance).
    std::vector<std::string> notes;
};

/// Explains `sol` (made for `s` under the policy it names) for one employee,
/// optionally for one programme only. The reasons' sentences, the
/// alternatives and the notes are in `language`, else the scenario's
/// `locale`, else English; the reason codes are the same in every language.
/// Throws solve_error for an unknown policy.
[[nodiscard]] employee_explanation explain_employee(const model::scenario& s, const solution& sol,
                                                    model::employee_index employee,
                                                    std::optional<model::program_index> program = std::nullopt,
                                                    std::optional<text::language> language = std::nullopt);

}  // namespace jadwal::solve
