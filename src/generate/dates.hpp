// Small civil-date helpers for the generator (proleptic Gregorian, no zones).
#pragma once

#include <date/date.h>

namespace jadwal::generate::detail {

using day = date::local_days;

inline day ymd(int y, unsigned m, unsigned d) { return day{date::year{y} / date::month{m} / date::day{d}}; }

inline bool weekend(day d) {
    const date::weekday w{d};
    return w == date::Saturday || w == date::Sunday;
}

/// The n-th given weekday of a month (n >= 1).
inline day nth_weekday(int y, unsigned m, date::weekday w, unsigned n) {
    return day{date::year{y} / date::month{m} / w[n]};
}

inline day last_weekday(int y, unsigned m, date::weekday w) {
    return day{date::year{y} / date::month{m} / w[date::last]};
}

inline day next_weekday_on_or_after(day d) {
    while (weekend(d)) d += date::days{1};
    return d;
}

}  // namespace jadwal::generate::detail
