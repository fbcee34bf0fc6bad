// Cooperating search threads (solve_options::threads > 1): the meeting point
// where the searches share their best plan every epoch, deterministically for
// a seed and a number of threads.
#pragma once

#include "local_search.hpp"
#include "plan.hpp"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace jadwal::solve::detail {

/// Every search_params::epoch_moves moves each run still searching offers its
/// best plan and waits for the others; the best offer by (objective, run
/// index) is then known, every run whose offer is worse copies it
/// (plan::assign) and goes on from it with its own random stream, and they all
/// go on once the copies are made. A run that stops searching (its move limit,
/// the time limit, cancel, an error) or never started leaves: nobody waits for
/// it. With a move limit every run meets at the same moves and the plans
/// offered do not depend on timing, so the result is the same whatever the
/// scheduling. Whether to stop is one decision, taken when a meeting is
/// complete, so all runs stop at the same one; a run that sees the time limit
/// or cancel between meetings tells the others through should_stop(), and they
/// stop within 256 moves.
class search_team {
public:
    /// Moves between two meetings in solve().
    static constexpr std::int64_t epoch_moves = 100000;

    /// A team of `runs` searches; `stop` is the time limit and cancel test.
    /// With `first_keeps_own` run 0 never copies: it is then exactly the
    /// single-thread search, so the team's best is never worse than it (solve()
    /// does this: on the bundled example it did as well as all copying, see
    /// src/solve/README.md "Determinism").
    search_team(std::size_t runs, std::function<bool()> stop, bool first_keeps_own = false)
        : stop_(std::move(stop)),
          first_keeps_own_(first_keeps_own),
          members_(runs),
          in_(runs, 1),
          offers_(runs, nullptr),
          objectives_(runs) {}

    /// The searches' stop test (search_params::stop): the team's decision, or
    /// the time limit and cancel, which it then tells the others.
    bool should_stop() {
        if (stopping_.load(std::memory_order_relaxed)) return true;
        if (stop_ && stop_()) {
            stopping_.store(true, std::memory_order_relaxed);
            return true;
        }
        return false;
    }

    /// Run t is done searching (or never started); later calls do nothing.
    void leave(std::size_t t) {
        std::lock_guard<std::mutex> lock(m_);
        if (!in_[t]) return;
        in_[t] = 0;
        offers_[t] = nullptr;
        --members_;
        if (arrived_ > 0 && arrived_ == members_) complete();
    }

    /// Run t at a meeting (search_params::meet): offers `offer`, its best plan,
    /// and copies the best offer into `pl` when that is better than its own.
    meeting_result meet(std::size_t t, const plan& offer, plan& pl) {
        std::unique_lock<std::mutex> lock(m_);
        offers_[t] = &offer;
        objectives_[t] = offer.objective();
        arrive(lock);  // everyone has offered: winner_ and stop_all_ are decided
        meeting_result r;
        r.stop = stop_all_;
        if (r.stop) {
            offers_[t] = nullptr;
            return r;
        }
        const plan* from = nullptr;
        if (winner_ != t && better(objectives_[winner_], objectives_[t]) && !(first_keeps_own_ && t == 0))
            from = offers_[winner_];
        if (from) {
            lock.unlock();
            try {
                pl.assign(*from);
            } catch (...) {
                leave(t);
                throw;
            }
            r.adopted = true;
            lock.lock();
        }
        arrive(lock);  // every copy is made: the offered plans may change again
        offers_[t] = nullptr;
        return r;
    }

private:
    void arrive(std::unique_lock<std::mutex>& lock) {
        const std::uint64_t generation = generation_;
        if (++arrived_ == members_)
            complete();
        else
            cv_.wait(lock, [&] { return generation_ != generation; });
    }

    /// Everyone still searching has arrived: after the offers, decide; then release them.
    void complete() {
        if (!copying_) {
            winner_ = offers_.size();
            for (std::size_t i = 0; i < offers_.size(); ++i)
                if (offers_[i] && (winner_ == offers_.size() || better(objectives_[i], objectives_[winner_])))
                    winner_ = i;
            stop_all_ = should_stop();
        }
        // After a stop nobody copies: every run leaves, there is no second half.
        copying_ = !copying_ && !stop_all_;
        arrived_ = 0;
        ++generation_;
        cv_.notify_all();
    }

    std::function<bool()> stop_;
    const bool first_keeps_own_;
    std::atomic<bool> stopping_{false};
    std::mutex m_;
    std::condition_variable cv_;
    std::size_t members_;      ///< runs still searching
    std::vector<char> in_;     ///< per run: still searching
    std::size_t arrived_ = 0;  ///< at the current half of a meeting
    std::uint64_t generation_ = 0;
    bool copying_ = false;  ///< the next completion ends the copying half of a meeting
    std::size_t winner_ = 0;
    bool stop_all_ = false;
    std::vector<const plan*> offers_;
    std::vector<objective3> objectives_;
};

}  // namespace jadwal::solve::detail
