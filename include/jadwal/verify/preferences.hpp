// THE definition of preference misses and refused modes (docs/model.md
// "Preferences"), written once for the checker (`verify`, which counts them
// per person) and the attendance model (`compare`, which reads them per
// session), apart from the solver's own count so that a bug in either shows
// up as a disagreement.
#pragma once

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/time/civil.hpp>
#include <vector>

namespace jadwal::verify {

/// The mode study blocks count as for preferences and refusals (a cohort
/// counts as its own mode): self_paced, or online_live for a recording.
[[nodiscard]] inline model::delivery_mode study_mode(bool recording) {
    return recording ? model::delivery_mode::online_live : model::delivery_mode::self_paced;
}

[[nodiscard]] inline bool mode_listed(const std::vector<model::delivery_mode>& list, model::delivery_mode m) {
    return std::find(list.begin(), list.end(), m) != list.end();
}

/// The person refused this mode: placing them in it is `S-MODE-REFUSED`.
[[nodiscard]] inline bool mode_refused(const model::preferences& p, model::delivery_mode m) {
    return mode_listed(p.refused_modes, m);
}

/// One miss per placed item in a mode the person does not prefer (when they prefer some).
[[nodiscard]] inline bool mode_miss(const model::preferences& p, model::delivery_mode m) {
    return !p.modes.empty() && !mode_listed(p.modes, m);
}

/// The misses of one live session or study block [start, end) of one person.
struct time_misses {
    bool day = false;   ///< on an avoided date or weekday, or (else) not on a preferred day
    bool time = false;  ///< not wholly inside one of the preferred clock ranges
    [[nodiscard]] int count() const { return (day ? 1 : 0) + (time ? 1 : 0); }
};

/// The person's preferred weekdays, or their unit's when they state none (bit d = c_encoding d).
[[nodiscard]] inline std::uint8_t effective_days(const model::preferences& p, std::uint8_t unit_days) {
    return p.days != 0 ? p.days : unit_days;
}

/// D = the local date of `start` in `zone`, W its weekday, [a, b) the local
/// clock minutes of the stretch from D's midnight (b past 1440 when it runs
/// past midnight).
[[nodiscard]] inline time_misses session_misses(const model::preferences& p, std::uint8_t unit_days,
                                                calendar::instant start, calendar::instant end,
                                                const date::time_zone& zone) {
    time_misses out;
    const calendar::local_date d = calendar::local_day(start, zone);
    const unsigned w = date::weekday{d}.c_encoding();
    const bool avoided =
        std::binary_search(p.avoid_dates.begin(), p.avoid_dates.end(), d) || ((p.avoid_weekdays >> w) & 1U) != 0;
    const std::uint8_t preferred = effective_days(p, unit_days);
    out.day = avoided || (preferred != 0 && ((preferred >> w) & 1U) == 0);
    if (!p.times.empty()) {
        using std::chrono::duration_cast;
        const auto midnight = calendar::local_minute{d};
        const auto a = duration_cast<calendar::minutes>(zone.to_local(start) - midnight);
        const auto b = duration_cast<calendar::minutes>(zone.to_local(end) - midnight);
        out.time = std::none_of(p.times.begin(), p.times.end(),
                                [&](const calendar::clock_range& r) { return r.start <= a && b <= r.end; });
    }
    return out;
}

}  // namespace jadwal::verify
