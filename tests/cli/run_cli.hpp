// Runs the built jadwal executable and captures what it prints.
#pragma once

#include <cstdio>
#include <stdexcept>
#include <string>
#include <sys/wait.h>

namespace jadwal::test {

struct cli_result {
    int exit_code = -1;
    std::string out;  ///< stdout
    std::string err;  ///< stderr
};

inline std::string read_file_text(const std::string& path) {
    std::string text;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
        std::fclose(f);
    }
    return text;
}

/// `args` is passed to the shell after the executable; quote as needed.
inline cli_result run_cli(const std::string& args, const std::string& scratch) {
    const std::string err_file = scratch + "/stderr.txt";
    const std::string cmd = std::string{"'"} + JADWAL_CLI + "' " + args + " 2>'" + err_file + "'";
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

}  // namespace jadwal::test
