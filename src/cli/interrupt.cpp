#include "interrupt.hpp"

#include <csignal>
#include <cstring>

#include <unistd.h>

namespace jadwal::cli {
namespace {

std::atomic<bool> stop_flag{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the flag is set from a signal handler");

struct sigaction previous_int {};
struct sigaction previous_term {};

void on_signal(int) {
    stop_flag.store(true);
    static const char message[] =
        "\njadwal: stopping; the best plan so far will be published (press Ctrl-C again to quit at once)\n";
    // write(2) is async-signal-safe; there is nothing to do if it fails.
    [[maybe_unused]] const auto n = ::write(STDERR_FILENO, message, sizeof message - 1);
}

}  // namespace

stop_on_signal::stop_on_signal() {
    stop_flag.store(false);
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    // One-shot: the handler is reset to the default by the first signal, so
    // the second one ends the process as usual.
    sa.sa_flags = SA_RESETHAND | SA_RESTART;
    ::sigaction(SIGINT, &sa, &previous_int);
    ::sigaction(SIGTERM, &sa, &previous_term);
}

stop_on_signal::~stop_on_signal() {
    ::sigaction(SIGINT, &previous_int, nullptr);
    ::sigaction(SIGTERM, &previous_term, nullptr);
}

const std::atomic<bool>* stop_on_signal::flag() const { return &stop_flag; }

}  // namespace jadwal::cli
