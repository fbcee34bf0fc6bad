// Scenarios built in code, as an HR system embedding jadwal builds them
// (header-only: the jadwal::model tests use it without the compiled library).
#pragma once

#include <jadwal/model/scenario.hpp>
#include <string>

namespace jadwal::test {

/// Adds unit `unit_id` with one employee `nip` in it (pattern left to the
/// caller) and rebuilds the id look-ups.
inline void add_unit_with_one_employee(model::scenario& s, const std::string& unit_id, const std::string& nip) {
    model::unit u;
    u.id = unit_id;
    s.units.push_back(u);
    model::employee e;
    e.id = nip;
    e.unit = model::unit_index{static_cast<std::uint32_t>(s.units.size() - 1)};
    s.employees.push_back(e);
    s.index_ids();
}

}  // namespace jadwal::test
