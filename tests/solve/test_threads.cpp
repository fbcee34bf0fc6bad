// Search threads. They cooperate (issue 16): every epoch they meet and the
// searches behind go on from the best plan (in solve, all but the first, which
// stays the single-thread search), deterministically for a seed and a number
// of threads, and they stop together. Threads the system refuses to
// start (issue 11: `--threads 256` under a memory limit, or a process limit,
// aborted the whole process): the solve runs on the threads that did start,
// says so, and its plan is the one that many threads give.
#include "support.hpp"

#include "../../src/solve/construct.hpp"
#include "../../src/solve/extract.hpp"
#include "../../src/solve/local_search.hpp"
#include "../../src/solve/plan.hpp"
#include "../../src/solve/search_team.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <string>
#include <thread>
#include <vector>
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
std::string without_elapsed(const std::string& text) {
    return text.substr(0, text.find("\"elapsed_seconds\""));
}

namespace sd = jadwal::solve::detail;

/// One run of a team at one meeting.
struct meeting_seen {
    sd::objective3 offered;  ///< its best plan, offered
    bool adopted = false;
    sd::objective3 after;  ///< its plan when the meeting let it go on
};

struct team_outcome {
    std::vector<sd::search_stats> stats;          ///< per run
    std::vector<std::vector<meeting_seen>> seen;  ///< per run, per meeting
    std::vector<std::string> plans;               ///< per run: the plan as solution.json
    std::vector<std::string> problems;            ///< per run: verify's and the plan's own findings
};

/// Runs a team of `runs` searches (run t: seed + t), of which only the first
/// `started` start (the others leave at once, as threads that could not
/// start), each on a thread of its own, meeting every `epoch` moves.
team_outcome run_team(const model::scenario& s, std::size_t runs, std::size_t started, std::int64_t moves,
                      std::int64_t epoch, std::function<bool()> stop = {}, bool first_keeps_own = false) {
    const auto& policy = test::policy_of(s, "flexible");
    const sd::compiled_model cm(s, policy);
    sd::search_team team(runs, std::move(stop), first_keeps_own);
    for (std::size_t t = started; t < runs; ++t) team.leave(t);
    team_outcome out;
    out.stats.resize(started);
    out.seen.resize(started);
    out.plans.resize(started);
    out.problems.resize(started);
    auto run = [&](std::size_t t) {
        sd::plan pl(cm);
        sd::rng r(5 + t);
        sd::refusal_log log;
        sd::construct(pl, r, log, [] { return false; });
        sd::search_params sp;
        sp.max_moves = moves;
        sp.stop = [&] { return team.should_stop(); };
        sp.epoch_moves = epoch;
        if (runs > 1)
            sp.meet = [&](const sd::plan& offer, sd::plan& own) {
                meeting_seen m{offer.objective(), false, {}};
                const auto r2 = team.meet(t, offer, own);
                m.adopted = r2.adopted;
                m.after = own.objective();
                out.seen[t].push_back(m);
                return r2;
            };
        out.stats[t] = sd::local_search(pl, r, log, sp);
        team.leave(t);
        const auto sol = sd::extract(pl, log);
        out.plans[t] = io::solution_to_json(s, sol);
        out.problems[t] = test::verify_violations(s, sol, "flexible") + pl.self_check();
    };
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < started; ++t) threads.emplace_back(run, t);
    run(0);
    for (auto& th : threads) th.join();
    return out;
}

}  // namespace

TEST_CASE("cooperating searches meet every epoch and the worse goes on from the best plan offered",
          "[solve][threads]") {
    const auto s = test::batanghari(80, 2);
    const auto a = run_team(*s, 2, 2, 12000, 3000);
    std::int64_t adopted = 0;
    for (std::size_t t = 0; t < 2; ++t) {
        INFO("run " << t);
        CHECK(a.problems[t] == "");
        CHECK(a.stats[t].moves == 12000);
        CHECK(a.stats[t].meetings == 3);  // after 3,000, 6,000 and 9,000 moves
        REQUIRE(a.seen[t].size() == 3);
        CHECK(a.stats[t].adopted ==
              std::count_if(a.seen[t].begin(), a.seen[t].end(), [](const meeting_seen& m) { return m.adopted; }));
        adopted += a.stats[t].adopted;
    }
    CHECK(adopted >= 1);
    for (std::size_t k = 0; k < 3; ++k) {
        INFO("meeting " << k);
        const auto& m0 = a.seen[0][k];
        const auto& m1 = a.seen[1][k];
        // The better offer wins (run 0 on a tie) and only the other copies it.
        const bool first_wins = !sd::better(m1.offered, m0.offered);
        const auto& winner = first_wins ? m0 : m1;
        const auto& loser = first_wins ? m1 : m0;
        CHECK_FALSE(winner.adopted);
        CHECK(loser.adopted == sd::better(winner.offered, loser.offered));
        if (loser.adopted) CHECK(loser.after == winner.offered);
    }
    // Whatever the scheduling: the same plans, the same meetings.
    const auto b = run_team(*s, 2, 2, 12000, 3000);
    CHECK(a.plans == b.plans);
    for (std::size_t t = 0; t < 2; ++t) CHECK(a.stats[t].adopted == b.stats[t].adopted);
}

TEST_CASE("in solve's team the first search keeps its own plan: it is the single-thread search", "[solve][threads]") {
    const auto s = test::batanghari(80, 2);
    const auto team = run_team(*s, 2, 2, 12000, 3000, {}, true);
    const auto alone = run_team(*s, 1, 1, 12000, 3000);  // one search alone: no meetings
    REQUIRE(team.seen[0].size() == 3);
    for (const auto& m : team.seen[0]) CHECK_FALSE(m.adopted);
    CHECK(team.stats[0].adopted == 0);
    CHECK(team.plans[0] == alone.plans[0]);
    CHECK(team.problems[1] == "");
    // The second copies the first's plan whenever that is better.
    for (std::size_t k = 0; k < 3; ++k) {
        INFO("meeting " << k);
        const auto& m0 = team.seen[0][k];
        const auto& m1 = team.seen[1][k];
        CHECK(m1.adopted == sd::better(m0.offered, m1.offered));
        if (m1.adopted) CHECK(m1.after == m0.offered);
    }
}

TEST_CASE("a team does not wait for a search that never started", "[solve][threads]") {
    const auto s = test::batanghari(80, 2);
    const auto two = run_team(*s, 2, 2, 8000, 2000);
    const auto of_three = run_team(*s, 3, 2, 8000, 2000);
    REQUIRE(of_three.plans.size() == 2);
    CHECK(of_three.plans == two.plans);
    CHECK(of_three.stats[0].meetings == 3);
    CHECK(of_three.stats[1].meetings == 3);
}

TEST_CASE("when one search sees the time limit its whole team stops", "[solve][threads]") {
    const auto s = test::batanghari(80, 2);
    // No move limit: the limit stands for time or cancel, reached after some polls (every 256 moves of a search).
    std::atomic<int> polls{0};
    const auto out = run_team(*s, 3, 3, -1, 2000, [&] { return ++polls > 120; });
    std::int64_t fewest = out.stats[0].meetings, most = fewest;
    for (std::size_t t = 0; t < 3; ++t) {
        INFO("run " << t);
        CHECK(out.problems[t] == "");
        CHECK(out.stats[t].moves > 0);
        fewest = std::min(fewest, out.stats[t].meetings);
        most = std::max(most, out.stats[t].meetings);
    }
    // One stops between meetings; the others at the next meeting at the latest.
    CHECK(most - fewest <= 1);
}

TEST_CASE("a solve whose search threads cannot start runs on those that did and returns their plan",
          "[solve][threads]") {
    const auto s = test::batanghari(100, 3);
    // More moves than an epoch: the threads that started meet, and do not wait for those that did not.
    constexpr std::int64_t moves = sd::search_team::epoch_moves + 10000;
    for (const rlim_t extra : {rlim_t{0}, rlim_t{1}}) {
        INFO("threads the system allows besides the calling one: " << extra);
        const auto r = with_thread_limit(
            extra, [&] { return io::solution_to_json(*s, test::solve_with(*s, "flexible", moves, 3, 4)); });
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
        CHECK_THAT(plan.notes[0],
                   Catch::StartsWith("only " + std::to_string(plan.threads) + " of 4 search threads could start"));
        CHECK(test::own_violations(*s, plan, "flexible").empty());
        // Deterministic for the threads that ran: the plan those many give.
        const auto same = test::solve_with(*s, "flexible", moves, 3, plan.threads);
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

TEST_CASE("cooperating threads give the same solution file for a seed and a number of threads", "[solve][threads]") {
    const auto s = test::batanghari(40, 3);
    // More moves than an epoch: the threads meet.
    constexpr std::int64_t moves = sd::search_team::epoch_moves + 20000;
    for (const int threads : {2, 3}) {
        INFO("threads " << threads);
        const auto a = test::solve_with(*s, "flexible", moves, 4, threads);
        const auto b = test::solve_with(*s, "flexible", moves, 4, threads);
        CHECK(a.threads == threads);
        CHECK(a.moves == threads * moves);
        CHECK(test::verify_violations(*s, a, "flexible").empty());
        CHECK(test::json_without_elapsed(*s, a) == test::json_without_elapsed(*s, b));
    }
}

TEST_CASE("cooperating threads are never worse than one, whose plan is the first thread's", "[solve][threads]") {
    for (const std::uint64_t seed : {1, 2}) {
        INFO("seed " << seed);
        const auto s = test::batanghari(40, seed);
        constexpr std::int64_t moves = sd::search_team::epoch_moves + 20000;
        const auto one = test::solve_with(*s, "flexible", moves, seed, 1);
        const auto two = test::solve_with(*s, "flexible", moves, seed, 2);
        const sd::objective3 o1{one.objective.participation, one.objective.burden, one.objective.cost};
        const sd::objective3 o2{two.objective.participation, two.objective.burden, two.objective.cost};
        CHECK(sd::not_worse(o2, o1));
        CHECK(test::verify_violations(*s, two, "flexible").empty());
    }
}

TEST_CASE("cooperating threads stop together at the time limit and on cancel", "[solve][threads]") {
    const auto s = test::batanghari(40, 3);
    solve::solve_options o;
    o.policy = "flexible";
    o.threads = 3;
    // No move limit: only the time stops them. Two seconds, not less: under a sanitizer on a
    // loaded machine preparing the plan can take half a second, and then no move is made.
    o.time_limit_seconds = 2.0;
    const auto started = std::chrono::steady_clock::now();
    const auto timed = solve::solve(*s, o);
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(timed.threads == 3);
    CHECK(timed.moves > 0);
    CHECK(took < 30);  // generous on a loaded machine; a team waiting for a run that left never returns
    CHECK(test::verify_violations(*s, timed, "flexible").empty());

    std::atomic<bool> cancel{false};
    o.time_limit_seconds.reset();
    o.cancel = &cancel;
    o.on_progress = [&](const solve::solve_progress& p) {
        if (p.moves > 0) cancel = true;
    };
    o.progress_interval_seconds = 0;
    const auto cancelled = solve::solve(*s, o);
    CHECK(cancel.load());
    CHECK(cancelled.moves < 3 * solve::default_max_moves);
    CHECK(test::verify_violations(*s, cancelled, "flexible").empty());
}
