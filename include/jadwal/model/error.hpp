// The one exception type jadwal throws for a caller's mistake or a refused
// request, with a code that mirrors the C API's status codes, so each binding
// maps errors in one place (jadwal_status in jadwal.h, jadwal.Error in Python).
#pragma once

#include <stdexcept>
#include <string>

namespace jadwal {

/// What went wrong, as the C API's statuses say it (JADWAL_E_<NAME>).
enum class errc {
    invalid_argument = 1,  ///< a bad value in the options or the call
    invalid_scenario = 2,  ///< the scenario has errors (see its diagnostics)
    not_found = 3,         ///< an id the scenario does not have (employee, programme, policy)
    solve = 4,             ///< the solver refused its options
    parse = 5,             ///< a solution that does not read against the scenario
    io = 6,                ///< a file could not be read or written
};

class error : public std::runtime_error {
public:
    explicit error(const std::string& what, errc code = errc::solve) : std::runtime_error(what), code_(code) {}
    error(errc code, const std::string& what) : std::runtime_error(what), code_(code) {}
    [[nodiscard]] errc code() const noexcept { return code_; }

private:
    errc code_;
};

}  // namespace jadwal
