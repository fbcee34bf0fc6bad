// Boost.Date_Time at the edge: HR code written with boost::gregorian and
// boost::posix_time adds leave, duties and horizons to a scenario and reads a
// plan's times without converting by hand. jadwal itself works with
// Howard Hinnant's date (calendar/civil.hpp); this header only translates, and
// is the one place that includes Boost. Header-only: include it where Boost's
// headers are (Debian: libboost-date-time-dev).
//
//   namespace bdt = jadwal::boost_dt;
//   boost::gregorian::date_period cuti(boost::gregorian::date(2026, 3, 16), boost::gregorian::days(5));
//   scenario.employees[i].leaves.push_back(bdt::leave_for(cuti, "cuti tahunan"));
//   boost::posix_time::ptime start = bdt::to_boost_local(session.start, *scenario.zone);
//
// Boost periods are half-open ([begin, end)); jadwal's date ranges include
// their last day. Times are at minute resolution: seconds are dropped.
// Special values (not_a_date_time, ±infinity) and empty periods are refused
// with jadwal::error (errc::invalid_argument, as the bindings report it),
// never converted to some date.
#pragma once

#include <jadwal/time/civil.hpp>
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/model/error.hpp>
#include <jadwal/model/scenario.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <date/tz.h>

#include <chrono>
#include <string>

namespace jadwal::boost_dt {

namespace detail {
[[noreturn]] inline void refuse(const std::string& what) { throw jadwal::error(jadwal::errc::invalid_argument, what); }
inline const boost::gregorian::date& usable(const boost::gregorian::date& d, const char* what) {
    if (d.is_special()) refuse(std::string(what) + ": not a date (a special value)");
    return d;
}
inline const boost::posix_time::ptime& usable(const boost::posix_time::ptime& t, const char* what) {
    if (t.is_special()) refuse(std::string(what) + ": not a time (a special value)");
    return t;
}
/// Minutes since midnight of a time of day, seconds dropped.
inline calendar::minutes minutes_of(const boost::posix_time::time_duration& d) {
    return calendar::minutes{d.hours() * 60 + d.minutes()};
}
}  // namespace detail

/// A Boost date as a jadwal local date (the zone is the caller's context).
inline calendar::local_date from_boost(const boost::gregorian::date& d) {
    const auto ymd = detail::usable(d, "from_boost").year_month_day();
    return calendar::local_date{date::year{static_cast<int>(ymd.year)} / static_cast<unsigned>(ymd.month) /
                                static_cast<unsigned>(ymd.day)};
}

/// A jadwal local date as a Boost date.
inline boost::gregorian::date to_boost(calendar::local_date d) {
    const date::year_month_day ymd{d};
    return boost::gregorian::date(static_cast<unsigned short>(static_cast<int>(ymd.year())),
                                  static_cast<unsigned short>(static_cast<unsigned>(ymd.month())),
                                  static_cast<unsigned short>(static_cast<unsigned>(ymd.day())));
}

/// A Boost period [begin, end) as jadwal's inclusive date range [begin, end - 1 day].
inline model::date_range from_boost(const boost::gregorian::date_period& p) {
    if (p.is_null()) detail::refuse("from_boost: an empty date period has no days");
    return model::date_range{from_boost(p.begin()), from_boost(p.last())};
}

/// jadwal's inclusive date range as a Boost period [first, last + 1 day).
inline boost::gregorian::date_period to_boost(const model::date_range& r) {
    if (!r.ok()) detail::refuse("to_boost: the date range ends before it starts");
    return boost::gregorian::date_period(to_boost(r.first), to_boost(r.last) + boost::gregorian::days(1));
}

/// A Boost time read as UTC, as an instant (seconds dropped).
inline calendar::instant from_boost_utc(const boost::posix_time::ptime& t) {
    detail::usable(t, "from_boost_utc");
    const calendar::local_date day = from_boost(t.date());
    return calendar::instant{std::chrono::floor<calendar::minutes>(date::sys_days{day.time_since_epoch()}) +
                             detail::minutes_of(t.time_of_day())};
}

/// An instant as a Boost time in UTC.
inline boost::posix_time::ptime to_boost_utc(calendar::instant t) {
    const auto day = date::floor<date::days>(t);
    const auto since = t - day;
    return boost::posix_time::ptime(to_boost(calendar::local_date{day.time_since_epoch()}),
                                    boost::posix_time::minutes(since.count()));
}

/// A Boost time read as wall-clock time in `zone`, as an instant. A time in a
/// daylight-saving gap maps to the first instant after the gap, an ambiguous
/// one to the earlier instant (calendar::to_instant).
inline calendar::instant from_boost_local(const boost::posix_time::ptime& t, const date::time_zone& zone) {
    detail::usable(t, "from_boost_local");
    const calendar::local_minute wall{from_boost(t.date()).time_since_epoch() + detail::minutes_of(t.time_of_day())};
    return calendar::to_instant(wall, zone);
}

/// An instant as Boost wall-clock time in `zone` (for a session's start in the
/// scenario's zone: `to_boost_local(session.start, *scenario.zone)`).
inline boost::posix_time::ptime to_boost_local(calendar::instant t, const date::time_zone& zone) {
    const auto wall = std::chrono::floor<calendar::minutes>(zone.to_local(t));
    const auto day = date::floor<date::days>(wall);
    return boost::posix_time::ptime(to_boost(day), boost::posix_time::minutes((wall - day).count()));
}

/// Leave over a Boost period (half-open: its last day is `p.last()`).
inline model::leave leave_for(const boost::gregorian::date_period& p, std::string why = {}) {
    return model::leave{from_boost(p), std::move(why)};
}

/// A one-off duty over a Boost wall-clock period within one day (a meeting,
/// a field visit): `p.begin()` to `p.end()`, which may be the next midnight.
inline model::duty one_off_duty(const boost::posix_time::time_period& p, std::string what) {
    detail::usable(p.begin(), "one_off_duty");
    detail::usable(p.end(), "one_off_duty");
    if (p.is_null()) detail::refuse("one_off_duty: the period is empty");
    const auto day = p.begin().date();
    const auto end_day = p.end().date();
    const bool to_midnight = end_day == day + boost::gregorian::days(1) && p.end().time_of_day().ticks() == 0;
    if (end_day != day && !to_midnight)
        detail::refuse("one_off_duty: the period runs past midnight; give one duty per day");
    model::duty d;
    d.what = std::move(what);
    d.start = from_boost(day);
    d.time = calendar::clock_range{detail::minutes_of(p.begin().time_of_day()),
                                   to_midnight ? calendar::minutes{1440} : detail::minutes_of(p.end().time_of_day())};
    return d;
}

}  // namespace jadwal::boost_dt
