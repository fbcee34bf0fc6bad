// Runs the built jadwal executable and captures what it prints; scratch
// directories for the files a test writes.
#pragma once

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>

namespace jadwal::test {

struct cli_result {
    int exit_code = -1;
    std::string out;  ///< stdout
    std::string err;  ///< stderr
    /// What a user at a terminal would see (stdout then stderr).
    [[nodiscard]] std::string all() const { return out + err; }
};

inline std::string read_file_text(const std::filesystem::path& path) {
    std::string text;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
        std::fclose(f);
    }
    return text;
}

/// A fresh, empty directory under the system temp dir, unique to this process
/// and call: `jadwal-<name>-<pid>-<n>`.
inline std::filesystem::path scratch_dir(std::string_view name) {
    static int counter = 0;
    auto dir = std::filesystem::temp_directory_path() /
               ("jadwal-" + std::string(name) + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

#ifdef JADWAL_CLI
/// Runs `jadwal ARGS` (passed to the shell; quote as needed); stderr goes
/// through `scratch/stderr.txt`.
inline cli_result run_cli(const std::string& args, const std::filesystem::path& scratch) {
    const auto err_file = scratch / "stderr.txt";
    const std::string cmd = std::string{"'"} + JADWAL_CLI + "' " + args + " 2>'" + err_file.string() + "'";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + cmd);
    cli_result r;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read_file_text(err_file);
    return r;
}

/// The same, with a scratch directory of its own for stderr.
inline cli_result run_cli(const std::string& args) { return run_cli(args, scratch_dir("cli")); }
#endif

}  // namespace jadwal::test
