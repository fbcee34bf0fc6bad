// Internals of the C API: what the opaque handles hold, the thread-local last
// error, and the guard every exported function runs its body in so that no
// C++ exception reaches a C caller.
#pragma once

#include <jadwal/jadwal.h>

#include <jadwal/load/diagnostic.hpp>
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/load/validate.hpp>
#include <jadwal/model/error.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/solve/solution.hpp>
#include <jadwal/solve/solver.hpp>

#include <atomic>
#include <filesystem>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

struct jadwal_scenario {
    /// Null when loading failed: the handle then only carries diagnostics.
    /// Shared with the solutions made from it; a mutation copies it first when
    /// it is shared, so a solution always sees the scenario it was made for.
    std::shared_ptr<jadwal::model::scenario> model;
    jadwal::load::diagnostics diags;

    /// What it was loaded from, so that adding employees can load it again
    /// with them (the loader alone keeps units, patterns and demand consistent).
    struct source {
        bool from_file = false;
        std::filesystem::path file;  ///< from_file
        std::string text, name;      ///< from a string
        std::filesystem::path base_dir;
        bool confine_files = false;  ///< jadwal_load_options::confine_files
    } origin;
    std::vector<jadwal::load::employees_csv_text> added_employees;
    /// Leave added through the API, replayed on the model a reload makes.
    struct leave_edit {
        std::string employee;
        jadwal::calendar::date_range days;
    };
    std::vector<leave_edit> added_leave;
};

struct jadwal_cancel_token {
    std::atomic<bool> raised{false};
};

/// Text the C getters hand out, built once when the handle is made so that
/// reading a solution from several threads needs no locking.
struct jadwal_solution {
    std::shared_ptr<const jadwal::model::scenario> scenario;
    jadwal::solve::solution plan;
    std::string status;
    struct session_text {
        std::string start, end;
    };
    std::vector<std::vector<session_text>> session_times;  ///< per cohort, per session
    std::vector<session_text> block_times;                 ///< per study block
    std::vector<std::string> makeup_times;                 ///< per make-up: `missed` in the employee's zone
};

namespace jadwal::c_api {

/// Clears the calling thread's last error (code JADWAL_OK).
void clear_error() noexcept;
/// Records a failure; returns `code` so callers can `return fail(...)`.
int fail(int code, std::string_view message) noexcept;
/// Records a failure located by a diagnostic (file, line, column, code).
int fail(int code, const load::diagnostic& d) noexcept;

/// Runs `body` (returning a status) with the last error cleared first; maps
/// every exception to a status and a message.
/// The C status for each jadwal::error code: the one place errors are mapped.
constexpr int status_of(errc code) noexcept {
    switch (code) {
        case errc::invalid_argument: return JADWAL_E_INVALID_ARGUMENT;
        case errc::invalid_scenario: return JADWAL_E_LOAD;
        case errc::not_found: return JADWAL_E_NOT_FOUND;
        case errc::solve: return JADWAL_E_SOLVE;
        case errc::parse: return JADWAL_E_PARSE;
        case errc::io: return JADWAL_E_IO;
    }
    return JADWAL_E_INTERNAL;
}

/// JADWAL_E_LOAD with the first error's file, line, column and code.
inline int fail_invalid_scenario(const load::invalid_scenario& e) noexcept {
    for (const auto& d : e.diags().items())
        if (d.level == load::severity::error) return fail(JADWAL_E_LOAD, d);
    return fail(JADWAL_E_LOAD, e.what());
}

template <class F>
int guarded(F&& body) noexcept {
    try {
        clear_error();
        return body();
    } catch (const std::bad_alloc&) {
        return fail(JADWAL_E_NO_MEMORY, "out of memory");
    } catch (const load::invalid_scenario& e) {
        return fail_invalid_scenario(e);
    } catch (const jadwal::error& e) {
        return fail(status_of(e.code()), e.what());
    } catch (const std::exception& e) {
        return fail(JADWAL_E_INTERNAL, e.what());
    } catch (...) {
        return fail(JADWAL_E_INTERNAL, "unknown internal error");
    }
}

/// For the many "argument must not be NULL" checks.
inline int null_argument(const char* name) noexcept {
    try {
        return fail(JADWAL_E_INVALID_ARGUMENT, std::string(name) + " must not be NULL");
    } catch (...) {
        return fail(JADWAL_E_INVALID_ARGUMENT, "an argument must not be NULL");
    }
}

/// A solution handle for `plan`, made against `scenario`.
std::unique_ptr<jadwal_solution> make_solution(std::shared_ptr<const model::scenario> scenario,
                                               solve::solution plan);

/// Reads a caller's jadwal_solve_options (NULL: the defaults) into `so`, with
/// every check jadwal_solve makes (the scenario loaded, the struct's size, the
/// values); `carried` holds the previous plan when it had to be read against
/// the scenario's present model. Returns the failed status, or JADWAL_OK.
int read_solve_options(solve::solve_options& so, std::optional<solve::solution>& carried,
                       const jadwal_scenario* scenario, const jadwal_solve_options* opts);

/// Copies the metrics into a caller's struct of `out->size` bytes.
int copy_metrics(jadwal_metrics* out, const solve::solution_metrics& m, std::int64_t unplaced, std::int64_t moves);

}  // namespace jadwal::c_api
