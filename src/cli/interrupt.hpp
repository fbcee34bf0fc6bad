// Ctrl-C (SIGINT) and SIGTERM while a command solves: the first asks the
// solver to stop and the command goes on to publish the best plan so far; a
// second one ends the process at once. Either way the output folder holds a
// whole set (publishing is atomic, docs/outputs.md "Publishing").
#pragma once

#include <atomic>

namespace jadwal::cli {

class stop_on_signal {
public:
    /// Installs the handlers; the previous ones are restored on destruction.
    stop_on_signal();
    ~stop_on_signal();
    stop_on_signal(const stop_on_signal&) = delete;
    stop_on_signal& operator=(const stop_on_signal&) = delete;

    /// Set by the first signal; for solve_options::cancel.
    [[nodiscard]] const std::atomic<bool>* flag() const;
    [[nodiscard]] bool stopped() const { return flag()->load(); }
};

}  // namespace jadwal::cli
