// Runs independent pieces of output work on a few threads.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace jadwal::output::detail {

/// Runs f(i) for i in [0, n) on up to `max_workers` threads, one per
/// `per_worker` items (the calling thread is one of them). Creating and
/// deleting files is dominated by the file system's latency (about half a
/// millisecond per file on the CI machine), which several threads overlap;
/// the output formats are built side by side. When the system refuses a
/// thread (a process or memory limit), the threads that did start, or the
/// calling thread alone, do all the work. The first exception thrown by f is
/// rethrown after every thread has stopped; items not yet started are skipped.
template <class F>
void parallel_for(std::size_t n, F&& f, std::size_t per_worker = 256, std::size_t max_workers = 8) {
    const std::size_t workers = std::min(max_workers, std::max<std::size_t>(1, n / std::max<std::size_t>(1, per_worker)));
    std::atomic<std::size_t> next{0};
    std::exception_ptr failed;
    std::mutex m;
    const auto work = [&] {
        try {
            for (std::size_t i = next++; i < n; i = next++) f(i);
        } catch (...) {
            const std::lock_guard<std::mutex> lock(m);
            if (!failed) failed = std::current_exception();
            next = n;
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t w = 1; w < workers; ++w) {
        try {
            pool.emplace_back(work);
        } catch (const std::system_error&) {
            break;
        }
    }
    work();
    for (auto& t : pool) t.join();
    if (failed) std::rethrow_exception(failed);
}

}  // namespace jadwal::output::detail
