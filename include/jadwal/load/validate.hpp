// What every entry point checks before the solver indexes a scenario: the
// references between entities (by typed index) point at something, and the
// values the solver divides by or loops over are sane. The loader runs it
// after its own checks; solve(), the C API and Python run it on whatever they
// are given, so a scenario built or edited in code gets a located diagnostic,
// never an internal error mid-solve.
#pragma once

#include <jadwal/load/diagnostic.hpp>
#include <jadwal/model/error.hpp>
#include <jadwal/model/scenario.hpp>

namespace jadwal::load {

/// The most distinct critical-period weights a scenario may use, counting the
/// weight 1 of time outside any critical period.
inline constexpr std::size_t max_critical_weights = 255;

/// Every problem found, as errors with stable codes (docs/errors.md,
/// E-MODEL-*): where the entity was written (its source mark) when it came
/// from a file, and always its path in the scenario ("employees[3].unit").
[[nodiscard]] diagnostics validate(const model::scenario& s);

/// Thrown by solve() (and what the bindings map to their "scenario has
/// errors" status) for a scenario validate() rejects.
class invalid_scenario : public jadwal::error {
public:
    explicit invalid_scenario(diagnostics d);
    [[nodiscard]] const diagnostics& diags() const noexcept { return diags_; }

private:
    diagnostics diags_;
};

/// Throws invalid_scenario when validate(s) finds an error.
void require_valid(const model::scenario& s);

}  // namespace jadwal::load
