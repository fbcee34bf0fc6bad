// Loading, validating and expanding every employee's calendar for the whole
// horizon, on generated Batanghari scenarios. Each run is a fresh child process,
// so its peak memory (max RSS) is its own.
//   bench_load [--employees N]... [--runs R] [--dir DIR]
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/generate/batanghari.hpp>
#include <jadwal/load/load_scenario.hpp>

#include <fmt/format.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

struct run_figures {
    double seconds = 0;
    double peak_mb = 0;
    long long working_minutes = 0;
};

struct target {
    int employees;
    double seconds;
    double peak_mb;
};

// Runs in the child: the measured work.
long long load_and_expand(const std::filesystem::path& file) {
    const auto loaded = jadwal::load::load_scenario_file(file);
    if (!loaded.scenario) {
        for (const auto& d : loaded.diags.items())
            if (d.level == jadwal::load::severity::error) fmt::print(stderr, "{}\n", jadwal::load::format(d));
        std::_Exit(2);
    }
    const auto& s = *loaded.scenario;
    const jadwal::calendar::work_calendar cal{s};
    long long total = 0;
    for (std::uint32_t e = 0; e < s.employees.size(); ++e) {
        const auto a = cal.employee(jadwal::model::employee_index{e}, s.horizon);
        total += a.working.total().count() + a.free.total().count();
    }
    return total;
}

run_figures measure(const std::filesystem::path& file) {
    int fds[2];
    if (pipe(fds) != 0) std::abort();
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        const auto t0 = std::chrono::steady_clock::now();
        const long long total = load_and_expand(file);
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const run_figures f{secs, 0, total};
        if (write(fds[1], &f, sizeof f) != static_cast<ssize_t>(sizeof f)) std::_Exit(3);
        std::_Exit(0);
    }
    close(fds[1]);
    run_figures f;
    const auto got = read(fds[0], &f, sizeof f);
    close(fds[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    if (got != static_cast<ssize_t>(sizeof f) || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fmt::print(stderr, "bench_load: the measured run failed (status {})\n", status);
        std::exit(1);
    }
    f.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
    return f;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<int> sizes;
    int runs = 5;
    std::filesystem::path dir = std::filesystem::temp_directory_path() / "jadwal-bench";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--employees" && i + 1 < argc) sizes.push_back(std::atoi(argv[++i]));
        else if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
        else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
        else {
            fmt::print(stderr, "usage: bench_load [--employees N]... [--runs R] [--dir DIR]\n");
            return 2;
        }
    }
    if (sizes.empty()) sizes = {7200, 100000};
    const std::vector<target> targets{{7200, 1.0, 300}, {100000, 10.0, 3072}};
    std::filesystem::create_directories(dir);

    fmt::print("load + validate + expand every employee's calendar for the whole horizon\n");
    fmt::print("machine: {} cores; median of {} runs, each in a fresh process\n", sysconf(_SC_NPROCESSORS_ONLN), runs);
    fmt::print("{:>10} {:>10} {:>10} {:>12} {:>14}  {}\n", "employees", "median s", "min s", "peak MB", "target", "verdict");
    bool all_met = true;
    for (const int n : sizes) {
        const auto file = dir / fmt::format("batanghari-{}.yaml", n);
        jadwal::generate::batanghari_options opts;
        opts.employees = n;
        opts.seed = 7;
        jadwal::generate::write_batanghari(file, opts);
        std::vector<double> secs, mem;
        for (int r = 0; r < runs; ++r) {
            const auto f = measure(file);
            secs.push_back(f.seconds);
            mem.push_back(f.peak_mb);
        }
        const double med = median(secs), peak = *std::max_element(mem.begin(), mem.end());
        std::string target_text = "-", verdict = "(no target)";
        for (const auto& t : targets)
            if (t.employees == n) {
                target_text = fmt::format("{:.0f}s {:.0f}MB", t.seconds, t.peak_mb);
                const bool met = med <= t.seconds && peak <= t.peak_mb;
                all_met = all_met && met;
                verdict = met ? "met" : "MISSED";
            }
        fmt::print("{:>10} {:>10.3f} {:>10.3f} {:>12.1f} {:>14}  {}\n", n, med,
                   *std::min_element(secs.begin(), secs.end()), peak, target_text, verdict);
    }
    return all_met ? 0 : 1;
}
