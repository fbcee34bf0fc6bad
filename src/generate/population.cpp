#include "population.hpp"

#include "dates.hpp"

#include <jadwal/calendar/holidays.hpp>

#include <fmt/format.h>

#include <jadwal/model/error.hpp>
#include <stdexcept>

namespace jadwal::generate::detail {

using date::days;

const char* to_string(unit_kind k) {
    switch (k) {
    case unit_kind::office: return "office";
    case unit_kind::district_office: return "district_office";
    case unit_kind::school: return "school";
    case unit_kind::hospital: return "hospital";
    case unit_kind::puskesmas: return "puskesmas";
    case unit_kind::satpol_pp: return "satpol_pp";
    case unit_kind::fire_service: return "fire_service";
    case unit_kind::head_office: return "head_office";
    }
    return "office";
}

std::string format_day(day d) {
    const date::year_month_day ymd{d};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::string hospital_name(const population& pop, std::string_view name) {
    constexpr std::string_view hamba = "RSUD Hamba";
    std::string out(name);
    if (const auto at = out.find(hamba); at != std::string::npos && !pop.opts.hospital.empty())
        out.replace(at, hamba.size(), pop.opts.hospital);
    return out;
}

population build_population(const batanghari_options& opts) {
    if (opts.employees < 1) throw error(errc::invalid_argument, "employees must be at least 1");
    if (opts.year < 2000 || opts.year > 2100) throw error(errc::invalid_argument, "year must be within 2000..2100");
    if (opts.csv_threshold < 0) throw error(errc::invalid_argument, "csv_threshold must not be negative");
    if (opts.nip_stride < 1 || opts.nip_stride > 999 || opts.nip_offset < 0 || opts.nip_offset >= opts.nip_stride)
        throw error(errc::invalid_argument, "nip_stride must be within 1..999 and nip_offset within 0..nip_stride-1");
    if (!(opts.preferences >= 0.0 && opts.preferences <= 1.0))
        throw error(errc::invalid_argument, "preferences must be a share within 0..1");
    if (opts.history_until) {
        const date::year_month_day& h = *opts.history_until;
        if (!h.ok() || h.year() != date::year{opts.year} || h == date::year{opts.year} / date::January / 1)
            throw error(errc::invalid_argument, "history_until must be a day from 2 January to 31 December of the year");
    }

    population pop;
    pop.opts = opts;
    pop.year = opts.year;
    const int y = opts.year;

    // The planning year: first Monday after New Year to the Friday before the
    // December school holiday.
    pop.horizon_from = next_weekday_on_or_after(ymd(y, 1, 2));
    while (date::weekday{pop.horizon_from} != date::Monday) pop.horizon_from += days{1};
    const day december_break = nth_weekday(y, 12, date::Saturday, 3);
    pop.horizon_to = december_break - days{1};

    const auto ramadan = calendar::ramadan(y);
    if (!ramadan.estimated) pop.ramadan = day_range{ramadan.days.first, ramadan.days.last};
    pop.idul_fitri = ramadan.days.last + days{1};

    day first_sunday = ymd(y, 1, 2);
    while (date::weekday{first_sunday} != date::Sunday) first_sunday += days{1};
    const day june_break = last_weekday(y, 6, date::Saturday);
    pop.school_holidays = {
        {ymd(y, 1, 1), first_sunday},
        {june_break, june_break + days{15}},
        {december_break, ymd(y, 12, 31)},
    };

    pop.builtin_holidays = calendar::builtin_holidays(fmt::format("id-{}", y)).has_value();
    if (!pop.builtin_holidays) {
        pop.fixed_date_holidays = {
            {ymd(y, 1, 1), "Tahun Baru Masehi"}, {ymd(y, 5, 1), "Hari Buruh"},
            {ymd(y, 6, 1), "Hari Lahir Pancasila"}, {ymd(y, 8, 17), "Hari Proklamasi"},
            {ymd(y, 12, 25), "Natal"},
        };
    }

    add_places(pop);
    add_duty_templates(pop);
    add_units(pop);
    add_staff(pop);
    build_training(pop);
    if (opts.preferences > 0) add_preferences(pop);
    return pop;
}

}  // namespace jadwal::generate::detail
