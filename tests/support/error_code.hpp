// The code of the jadwal::error a call throws, for tests that check a refusal
// is reported as the right kind (the status the bindings map it to).
#pragma once

#include <jadwal/model/error.hpp>

#include <optional>

namespace jadwal::test {

/// The code of the jadwal::error `call` throws; nullopt when it returns or
/// throws anything else.
template <class F>
std::optional<errc> error_code_of(F&& call) {
    try {
        call();
    } catch (const error& e) {
        return e.code();
    } catch (...) {
    }
    return std::nullopt;
}

}  // namespace jadwal::test
