#include "api.hpp"

#include <cstdlib>

namespace jadwal::c_api {
namespace {

struct error_state {
    jadwal_error view{JADWAL_OK, "", "", "", 0, 0};
    std::string message, code, file;

    // The view points into the strings, or at "" when they could not be kept.
    void point() noexcept {
        view.message = message.c_str();
        view.diagnostic_code = code.c_str();
        view.file = file.c_str();
    }
};

thread_local error_state last;

int record(int code, std::string_view message, std::string_view diag_code, std::string_view file, int line,
           int column) noexcept {
    last.view.code = code;
    last.view.line = line;
    last.view.column = column;
    try {
        last.message.assign(message);
        last.code.assign(diag_code);
        last.file.assign(file);
        last.point();
    } catch (...) {
        // Out of memory while reporting: keep the status, drop the text.
        last.message.clear();
        last.code.clear();
        last.file.clear();
        last.point();
        last.view.message = "out of memory while recording an error";
    }
    return code;
}

}  // namespace

void clear_error() noexcept {
    if (last.view.code == JADWAL_OK) return;
    record(JADWAL_OK, "", "", "", 0, 0);
}

int fail(int code, std::string_view message) noexcept { return record(code, message, "", "", 0, 0); }

int fail(int code, const load::diagnostic& d) noexcept {
    return record(code, d.message, d.code, d.file, d.line, d.column);
}

}  // namespace jadwal::c_api

extern "C" {

const jadwal_error* jadwal_last_error(void) {
    auto& s = jadwal::c_api::last;
    s.point();  // a fresh thread's state has never been pointed
    return &s.view;
}

unsigned jadwal_version(void) { return JADWAL_VERSION_NUMBER; }

#define JADWAL_STR2(x) #x
#define JADWAL_STR(x) JADWAL_STR2(x)
const char* jadwal_version_string(void) {
    return JADWAL_STR(JADWAL_VERSION_MAJOR) "." JADWAL_STR(JADWAL_VERSION_MINOR) "." JADWAL_STR(JADWAL_VERSION_PATCH);
}

void jadwal_string_free(char* s) { std::free(s); }

}  // extern "C"
