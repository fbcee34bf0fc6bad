// Shared by the tests of several areas: a scenario that must load, or the test
// fails with every diagnostic.
#pragma once

#include <jadwal/load/load_scenario.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <string>

namespace jadwal::test {

inline std::shared_ptr<const model::scenario> load_or_fail(const load::load_result& r) {
    if (!r.scenario) {
        std::string all;
        for (const auto& d : r.diags.items()) all += load::format(d) + "\n";
        FAIL("scenario does not load:\n" << all);
    }
    return std::make_shared<const model::scenario>(*r.scenario);
}

}  // namespace jadwal::test
