// Personal preferences for a share of the staff (batanghari_options::preferences),
// shaped by who they are: village clinic and school staff with no signal for
// live online sessions, teachers who can only come outside teaching hours,
// mothers who must be home before evening, market days, and a few who simply
// prefer the classroom or the screen. Some offices name their training days.
#include "population.hpp"

#include "random.hpp"

#include <array>
#include <cmath>

namespace jadwal::generate::detail {
namespace {

// Streams of their own, so that these draws never shift anything generated before them.
enum stream : std::uint64_t { stream_preferences = 40, stream_unit_preferences = 41 };

constexpr std::array<const char*, 7> weekday_names{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

/// The index of Muara Bulian, the regency's capital, among the districts (units.cpp):
/// staff elsewhere work in villages.
constexpr int capital_district = 5;

/// Each district's weekly market (hari pasar), Monday to Saturday.
const char* market_day(int district) {
    return weekday_names[1 + static_cast<std::size_t>(district) % 6];
}

/// Whether every mandatory programme asked of employee `e` can still be taken without live
/// online sessions. An elective webinar they cannot join is what refusing it means (the loader
/// says so with W-DEMAND-PARTLY-UNSERVABLE).
bool can_refuse_online(const population& pop, std::uint32_t e) {
    for (const auto& d : pop.demands) {
        if (!d.mandatory || !matches(pop, d, e)) continue;
        bool other = false;
        for (const auto& m : pop.programs[d.program].modes) other = other || m.mode != "online_live";
        if (!other) return false;
    }
    return true;
}

void state_preferences(population& pop, std::uint32_t i, rng& r) {
    employee& e = pop.employees[i];
    const unit& u = pop.units[e.unit];
    stated_preferences& p = e.prefs;
    const bool remote =
        u.kind == unit_kind::puskesmas ||
        ((u.kind == unit_kind::school || u.kind == unit_kind::district_office) && u.district != capital_district);
    const bool teacher = e.job == profession::teacher && u.kind == unit_kind::school;
    const bool on_shifts = e.rotation_offset >= 0;
    // Mothers of school-age children: home before the evening.
    const bool carer = e.female && e.age >= 25 && e.age <= 45;

    if (remote && r.chance(200) && can_refuse_online(pop, i)) {
        p.refuse_modes = {"online_live"};  // no signal at the village clinic or school
        if (r.chance(300)) p.modes = {"classroom"};
    }
    if (teacher) {
        // Outside teaching: Saturday where the school has a five-day week, else the afternoon.
        if (u.pattern == "school_5d" && r.chance(400))
            p.days = {"sat"};
        else if (r.chance(550))
            p.times = {"13:30-16:30"};
    } else if (!on_shifts && r.chance(250)) {
        p.times = {"08:00-12:00"};  // mornings, before the day's paperwork piles up
    }
    if (carer && p.times.empty() && r.chance(450)) p.times = {"07:30-16:30"};
    if (r.chance(150)) p.avoid_days.emplace_back(market_day(u.district));
    if (r.chance(50)) {
        // A family occasion on one day of the year.
        const auto span = static_cast<std::uint64_t>((pop.horizon_to - pop.horizon_from).count() + 1);
        p.avoid_days.push_back(format_day(pop.horizon_from + date::days{static_cast<int>(r.below(span))}));
    }
    if (p.modes.empty() && p.refuse_modes.empty()) {
        if (r.chance(100))
            p.modes = {"classroom"};
        else if (e.age < 35 && r.chance(120))
            p.modes = {"online_live", "self_paced"};
    }
    if (p.empty()) {
        // Everyone chosen says something: the middle of the week, away from Monday's
        // assembly and Friday's prayers, or mornings.
        if (on_shifts || r.chance(500))
            p.days = {"tue", "wed", "thu"};
        else
            p.times = {"08:00-12:00"};
    }
}

}  // namespace

void add_preferences(population& pop) {
    const auto threshold = static_cast<std::uint64_t>(std::llround(pop.opts.preferences * 1'000'000.0));
    for (std::uint32_t i = 0; i < pop.employees.size(); ++i) {
        rng r(stream_seed(pop.opts.seed, stream_preferences, i));
        if (r.below(1'000'000) >= threshold) continue;
        state_preferences(pop, i, r);
    }
    for (std::uint32_t ui = 0; ui < pop.units.size(); ++ui) {
        unit& u = pop.units[ui];
        if (u.kind != unit_kind::office) continue;
        rng r(stream_seed(pop.opts.seed, stream_unit_preferences, ui));
        if (!r.chance(100)) continue;
        u.preferred_days =
            r.chance(500) ? std::vector<std::string>{"tue", "wed", "thu"} : std::vector<std::string>{"tue", "thu"};
    }
}

}  // namespace jadwal::generate::detail
