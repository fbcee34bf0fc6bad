// A public holiday or collective-leave day as a value. The built-in Indonesian
// sets and the Ramadan season are in the calendar layer (jadwal/calendar/holidays.hpp).
#pragma once

#include <jadwal/time/civil.hpp>
#include <string>
#include <string_view>

namespace jadwal::calendar {

enum class holiday_kind {
    national,    ///< libur nasional (LN)
    collective,  ///< cuti bersama (CB)
    regional     ///< declared by the region (e.g. the regency's anniversary)
};

struct holiday {
    local_date date{};
    std::string name;
    holiday_kind kind = holiday_kind::national;
    bool provisional = false;  ///< from a report not yet confirmed against the official text
};

[[nodiscard]] inline std::string_view to_string(holiday_kind k) {
    switch (k) {
        case holiday_kind::national:
            return "national";
        case holiday_kind::collective:
            return "collective";
        case holiday_kind::regional:
            return "regional";
    }
    return "national";
}

}  // namespace jadwal::calendar
