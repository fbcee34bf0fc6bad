// Search threads the system refuses to start (issue 11: `--threads 256` under
// a memory limit, or a process limit, aborted the whole process): the solve
// runs on the threads that did start, says so, and its plan is the one that
// many threads give.
#include "support.hpp"

#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace jadwal;

namespace {

struct child_result {
    int status = -1;     ///< as waitpid reports it
    std::string output;  ///< what the child wrote to its pipe
};

/// Runs `body` in a forked child that may start at most `extra` threads (or
/// processes) besides itself: as root, the child first becomes `nobody`, since
/// root is not held to RLIMIT_NPROC; otherwise it may start none. nullopt when
/// the limit cannot be set up here.
template <class Body>
std::optional<child_result> with_thread_limit(rlim_t extra, Body&& body) {
    int fds[2];
    if (::pipe(fds) != 0) return std::nullopt;
    const pid_t pid = ::fork();
    if (pid < 0) return std::nullopt;
    if (pid == 0) {
        ::close(fds[0]);
        auto say = [&](const std::string& text) {
            for (std::size_t done = 0; done < text.size();) {
                const auto n = ::write(fds[1], text.data() + done, text.size() - done);
                if (n <= 0) break;
                done += static_cast<std::size_t>(n);
            }
        };
        rlim_t allowed = 0;
        if (::geteuid() == 0) {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) {
                say(std::string("setup: cannot become nobody: ") + std::strerror(errno));
                ::_exit(77);
            }
            allowed = 1 + extra;  // nobody runs nothing else: the child itself, and `extra` more
        }
        const rlimit lim{allowed, allowed};
        if (::setrlimit(RLIMIT_NPROC, &lim) != 0) {
            say(std::string("setup: cannot limit processes: ") + std::strerror(errno));
            ::_exit(77);
        }
        try {
            say(body());
            ::_exit(0);
        } catch (const std::exception& e) {
            say(std::string("exception: ") + e.what());
            ::_exit(2);
        }
    }
    ::close(fds[1]);
    child_result r;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0) r.output.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    ::waitpid(pid, &r.status, 0);
    if (WIFEXITED(r.status) && WEXITSTATUS(r.status) == 77) {
        WARN("thread limit not set up: " << r.output);
        return std::nullopt;
    }
    return r;
}

/// solution.json text without its timing field.
std::string without_elapsed(const std::string& text) { return text.substr(0, text.find("\"elapsed_seconds\"")); }

}  // namespace

TEST_CASE("a solve whose search threads cannot start runs on those that did and returns their plan",
          "[solve][threads]") {
    const auto s = test::batanghari(100, 3);
    for (const rlim_t extra : {rlim_t{0}, rlim_t{1}}) {
        INFO("threads the system allows besides the calling one: " << extra);
        const auto r = with_thread_limit(extra, [&] {
            return io::solution_to_json(*s, test::solve_with(*s, "flexible", 5000, 3, 4));
        });
        if (!r) continue;
        INFO(r->output);
        REQUIRE(WIFEXITED(r->status));  // not killed by std::terminate (SIGABRT, exit 134 in a shell)
        REQUIRE(WEXITSTATUS(r->status) == 0);
        auto read = io::solution_from_json(*s, r->output, "child.json");
        REQUIRE(read.solution);
        const solve::solution& plan = *read.solution;
        CHECK(plan.threads >= 1);
        CHECK(plan.threads < 4);
        if (::geteuid() == 0) CHECK(plan.threads == static_cast<int>(1 + extra));
        REQUIRE(plan.notes.size() == 1);
        CHECK_THAT(plan.notes[0], Catch::StartsWith("only " + std::to_string(plan.threads) +
                                                    " of 4 search threads could start"));
        CHECK(test::own_violations(*s, plan, "flexible").empty());
        // Deterministic for the threads that ran: the plan those many give.
        const auto same = test::solve_with(*s, "flexible", 5000, 3, plan.threads);
        CHECK(same.threads == plan.threads);
        CHECK(same.notes.empty());
        auto noted = same;
        noted.notes = plan.notes;
        CHECK(without_elapsed(r->output) == test::json_without_elapsed(*s, noted));
    }
}

TEST_CASE("a solve asks for 1 to 256 threads and says how many ran", "[solve][threads]") {
    const auto s = test::batanghari(30, 1);
    solve::solve_options o;
    o.policy = "flexible";
    o.max_moves = 100;
    for (const int bad : {0, -1, solve::max_threads + 1, 1000}) {
        o.threads = bad;
        CHECK_THROWS_WITH(solve::solve(*s, o), "threads must be from 1 to 256, not " + std::to_string(bad));
    }
    o.threads = 3;
    const auto plan = solve::solve(*s, o);
    CHECK(plan.threads == 3);
    CHECK(plan.notes.empty());
    o.strategy = solve::solve_strategy::baseline;  // one plan by hand: one thread, whatever is asked
    CHECK(solve::solve(*s, o).threads == 1);
}
