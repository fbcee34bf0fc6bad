// Which policy a solve or a plan uses: written once here for the solver, the
// checker, the outputs, `compare` and both bindings. Header-only.
#pragma once

#include <jadwal/model/error.hpp>
#include <jadwal/model/plan.hpp>
#include <jadwal/model/scenario.hpp>
#include <string>
#include <string_view>

namespace jadwal::model {

/// The name a plan gives the built-in policy (model::policy's defaults).
inline constexpr std::string_view builtin_policy_name = "default";

/// The policy asked for: by index when `index` is valid, else by `id`; with
/// neither, the scenario's default policy, else its first, else nullptr (the
/// built-in defaults). Throws jadwal::error (errc::not_found) for an unknown
/// id or an index out of range.
[[nodiscard]] inline const policy* select_policy(const scenario& s, std::string_view id, policy_index index = {}) {
    if (index.valid()) {
        if (index.value >= s.policies.size()) throw error(errc::not_found, "policy index out of range");
        return &s.policies[index.value];
    }
    if (!id.empty()) {
        for (const auto& p : s.policies)
            if (p.id == id) return &p;
        std::string known;
        for (const auto& p : s.policies) known += (known.empty() ? "" : ", ") + p.id;
        throw error(errc::not_found,
                    "unknown policy '" + std::string(id) + "'" +
                        (known.empty() ? std::string(" (the scenario has none)") : " (known: " + known + ")"));
    }
    if (s.default_policy.valid() && s.default_policy.value < s.policies.size())
        return &s.policies[s.default_policy.value];
    if (!s.policies.empty()) return &s.policies.front();
    return nullptr;
}

/// The policy a plan was made with, by the id it names (solution::policy):
/// the scenario's policy of that id; for none, or for "default" when the
/// scenario has no policy of that name, the one select_policy picks when none
/// is asked for. nullptr: the built-in defaults. Throws jadwal::error
/// (errc::not_found) when the scenario has no policy of that id.
[[nodiscard]] inline const policy* plan_policy(const scenario& s, const solution& plan) {
    if (const auto p = s.find_policy(plan.policy)) return &s.policies[p->value];
    if (!plan.policy.empty() && plan.policy != builtin_policy_name)
        throw error(errc::not_found,
                    "the plan was made with policy '" + plan.policy + "', which the scenario does not have");
    return select_policy(s, {});
}

/// `p`, or the built-in defaults for nullptr.
[[nodiscard]] inline const policy& policy_or_builtin(const policy* p) {
    static const policy builtin = [] {
        policy d;
        d.id = builtin_policy_name;
        return d;
    }();
    return p ? *p : builtin;
}

}  // namespace jadwal::model
