// The `policies` section: scheduling policies to solve or compare with
// (allowed modes and windows, after-hours limits, objective weights).
#include "sections.hpp"
#include "values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace jadwal::load::detail {
namespace {

template <class T, std::size_t N>
void read_kinds(load_context& c, const yentry& f, const ypath& q, std::string_view what,
                const std::array<std::string_view, N>& names, std::vector<T>& out, T (*convert)(std::string_view)) {
    const auto items = c.yr.scalar_or_list(yval{f, q}, what, 20);
    if (!items) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath qi = q.at(i);
        const yval iv{(*items)[i], qi};
        const auto k = c.yr.choice(iv, what, names);
        if (!k) continue;
        const T value = convert(names[*k]);
        if (std::find(out.begin(), out.end(), value) != out.end()) {
            c.yr.warning(code::duplicate, say("{} is listed twice", names[*k]), iv);
            continue;
        }
        out.push_back(value);
    }
}

model::delivery_mode to_mode(std::string_view s) { return *model::parse_delivery_mode(s); }
model::window_kind to_window(std::string_view s) { return *model::parse_window_kind(s); }

void read_weights(load_context& c, const yentry& f, const ypath& q, model::objective_weights& w) {
    static constexpr std::array<std::string_view, 12> keys{
        "unmet_mandatory", "unmet_elective", "jp_shortfall",       "disruption",        "after_hours", "fairness",
        "preference",      "cohort_opened",  "cohort_underfilled", "instructor_minute", "change",     "duty_day"};
    const auto m = c.yr.map(yval{f, q}, "weights", keys);
    if (!m) return;
    double* fields[] = {&w.unmet_mandatory, &w.unmet_elective,    &w.jp_shortfall,     &w.disruption,
                        &w.after_hours,     &w.fairness,          &w.preference,       &w.cohort_opened,
                        &w.cohort_underfilled, &w.instructor_minute, &w.change, &w.duty_day};
    for (std::size_t k = 0; k < keys.size(); ++k) {
        if (const yentry* x = m->find(keys[k])) {
            const ypath qx = q.key(keys[k]);
            if (const auto v = c.yr.real(yval{*x, qx}, say("the weight {}", keys[k]), 0, 1e9)) *fields[k] = *v;
        }
    }
}

/// `assigned_duty`: {rostered_days_off, seasons, hours, max_days_per_month,
/// allowance_per_day, lieu_window_days} (docs/model.md "Assigned duty").
std::optional<model::assigned_duty> read_assigned_duty(load_context& c, const yentry& f, const ypath& q) {
    static constexpr std::array<std::string_view, 6> keys{"rostered_days_off",  "seasons",
                                                          "hours",              "max_days_per_month",
                                                          "allowance_per_day",  "lieu_window_days"};
    const auto m = c.yr.map(yval{f, q}, "assigned_duty", keys);
    if (!m) return std::nullopt;
    auto& yr = c.yr;
    model::assigned_duty ad;
    bool ok = true;
    if (const yentry* x = m->find("rostered_days_off")) {
        if (const auto b = yr.boolean(yval{*x, q.key("rostered_days_off")}, "rostered_days_off"))
            ad.rostered_days_off = *b;
        else
            ok = false;
    }
    if (const yentry* x = m->find("seasons")) {
        const ypath qs = q.key("seasons");
        if (const auto items = yr.scalar_or_list(yval{*x, qs}, "seasons", 50)) {
            for (std::size_t i = 0; i < items->size(); ++i) {
                const ypath qi = qs.at(i);
                const yval iv{(*items)[i], qi};
                auto id = yr.text(iv, "a season");
                if (!id) {
                    ok = false;
                    continue;
                }
                if (*id != "ramadan" && !c.seasons.resolve(*id, yr.where(iv), qi, c.rep)) {
                    ok = false;
                    continue;
                }
                if (std::find(ad.seasons.begin(), ad.seasons.end(), *id) != ad.seasons.end()) {
                    yr.warning(code::duplicate, say("season {} is listed twice", in_quotes(*id)), iv);
                    continue;
                }
                ad.seasons.push_back(std::move(*id));
            }
        } else {
            ok = false;
        }
    }
    if (const yentry* x = m->find("hours")) {
        if (const auto r = read_day_hours(c, yval{*x, q.key("hours")}, "assigned_duty.hours"))
            ad.hours = *r;
        else
            ok = false;
    }
    if (const yentry* x = m->find("max_days_per_month")) {
        if (const auto n = yr.small_int(yval{*x, q.key("max_days_per_month")}, "max_days_per_month", 1, 31))
            ad.max_days_per_month = *n;
        else
            ok = false;
    }
    if (const yentry* x = m->find("allowance_per_day")) {
        if (const auto v = yr.real(yval{*x, q.key("allowance_per_day")}, "allowance_per_day", 0, 1e12))
            ad.allowance_per_day = *v;
        else
            ok = false;
    }
    if (const yentry* x = m->find("lieu_window_days")) {
        if (const auto n = yr.small_int(yval{*x, q.key("lieu_window_days")}, "lieu_window_days", 0, 366))
            ad.lieu_window_days = *n;
        else
            ok = false;
    }
    if (ok && !ad.rostered_days_off && ad.seasons.empty())
        yr.warning(code::unused, say("assigned_duty names neither rostered_days_off nor a season: it changes nothing"),
                   yval{f, q});
    if (!ok) return std::nullopt;
    return ad;
}

void read_policy(load_context& c, const std::string& id, const yentry& entry, const ypath& p) {
    static constexpr std::array<std::string_view, 17> keys{
        "description",  "modes",         "windows",          "after_hours",        "weekend",
        "max_absent",   "max_module_jp", "study_block_minutes", "weights",         "max_training_minutes_per_day",
        "max_session_minutes_per_day", "recordings", "working_hours", "friday_prayer", "breaks", "assigned_duty",
        "stability"};
    const auto m = c.yr.map(yval{entry, p}, "a policy", keys);
    model::policy pol;
    pol.id = id;
    pol.mark = c.yr.where(entry).mark();
    if (m) {
        auto& yr = c.yr;
        if (const yentry* f = m->find("description")) {
            const ypath q = p.key("description");
            if (auto t = yr.text(yval{*f, q}, "description")) pol.description = std::move(*t);
        }
        if (const yentry* f = m->find("recordings")) {
            if (const auto b = yr.boolean(yval{*f, p.key("recordings")}, "recordings")) pol.recordings = *b;
        }
        if (const yentry* f = m->find("modes")) {
            const ypath q = p.key("modes");
            static constexpr std::array<std::string_view, 3> names{"classroom", "online_live", "self_paced"};
            read_kinds(c, *f, q, "delivery mode", names, pol.modes, &to_mode);
        }
        if (const yentry* f = m->find("windows")) {
            const ypath q = p.key("windows");
            static constexpr std::array<std::string_view, 3> names{"working_hours", "after_hours", "weekend"};
            read_kinds(c, *f, q, "window", names, pol.windows, &to_window);
        }
        if (const yentry* f = m->find("after_hours")) {
            const ypath q = p.key("after_hours");
            static constexpr std::array<std::string_view, 3> akeys{"weekday", "max_minutes_per_week",
                                                                   "max_minutes_per_day"};
            if (const auto am = yr.map(yval{*f, q}, "after_hours", akeys)) {
                if (const yentry* x = am->find("weekday")) {
                    const ypath qx = q.key("weekday");
                    if (const auto r = yr.clock_range(yval{*x, qx}, "after_hours.weekday")) pol.after_hours = *r;
                }
                if (const yentry* x = am->find("max_minutes_per_week")) {
                    const ypath qx = q.key("max_minutes_per_week");
                    pol.max_after_hours_minutes_per_week = yr.small_int(yval{*x, qx}, "max_minutes_per_week", 0, 10080);
                }
                if (const yentry* x = am->find("max_minutes_per_day")) {
                    const ypath qx = q.key("max_minutes_per_day");
                    pol.max_after_hours_minutes_per_day = yr.small_int(yval{*x, qx}, "max_minutes_per_day", 0, 1440);
                }
                if (pol.max_after_hours_minutes_per_day && pol.max_after_hours_minutes_per_week &&
                    *pol.max_after_hours_minutes_per_day > *pol.max_after_hours_minutes_per_week)
                    yr.error(code::range_order,
                             say("after-hours minutes per day ({}) exceed those per week ({})",
                                 *pol.max_after_hours_minutes_per_day, *pol.max_after_hours_minutes_per_week),
                             yval{*f, q});
            }
        }
        if (const yentry* f = m->find("weekend")) {
            const ypath q = p.key("weekend");
            static constexpr std::array<std::string_view, 1> wkeys{"hours"};
            if (const auto wm = yr.map(yval{*f, q}, "weekend", wkeys))
                if (const yentry* x = wm->find("hours")) {
                    const ypath qx = q.key("hours");
                    if (const auto r = yr.clock_range(yval{*x, qx}, "weekend.hours")) pol.weekend = *r;
                }
        }
        // The standard windows' clock hours: within one day, as windows are.
        auto same_day = [&](const yentry& f, const ypath& q, std::string_view what) {
            return read_day_hours(c, yval{f, q}, what);
        };
        if (const yentry* f = m->find("working_hours")) {
            const ypath q = p.key("working_hours");
            if (const auto r = same_day(*f, q, "working_hours")) pol.working_hours = *r;
        }
        if (const yentry* f = m->find("friday_prayer")) {
            const ypath q = p.key("friday_prayer");
            if (f->value.IsScalar() && f->value.Scalar() == "none")
                pol.friday_prayer.reset();
            else if (const auto r = same_day(*f, q, "friday_prayer"))
                pol.friday_prayer = *r;
        }
        if (const yentry* f = m->find("breaks")) {
            const ypath q = p.key("breaks");
            static constexpr std::array<std::string_view, 2> names{"protected", "allowed"};
            if (const auto k = yr.choice(yval{*f, q}, "breaks policy", names)) pol.protect_breaks = *k == 0;
        }
        if (const yentry* f = m->find("stability")) {
            const ypath q = p.key("stability");
            static constexpr std::array<std::string_view, 3> names{"strict", "balanced", "free"};
            if (const auto k = yr.choice(yval{*f, q}, "stability", names))
                pol.stability = static_cast<model::stability_mode>(*k);
        }
        if (const yentry* f = m->find("max_training_minutes_per_day")) {
            const ypath q = p.key("max_training_minutes_per_day");
            pol.max_training_minutes_per_day = yr.small_int(yval{*f, q}, "max_training_minutes_per_day", 1, 1440);
        }
        if (const yentry* f = m->find("max_absent")) {
            const ypath q = p.key("max_absent");
            pol.max_absent = read_staffing_limit(c, yval{*f, q});
        }
        if (const yentry* f = m->find("max_session_minutes_per_day")) {
            const ypath q = p.key("max_session_minutes_per_day");
            if (const auto n = yr.small_int(yval{*f, q}, "max_session_minutes_per_day", 1, 1440))
                pol.max_session_minutes_per_day = *n;
        }
        if (const yentry* f = m->find("max_module_jp")) {
            const ypath q = p.key("max_module_jp");
            if (const auto n = yr.small_int(yval{*f, q}, "max_module_jp", 0, 1000)) pol.max_module_jp = *n;
        }
        if (const yentry* f = m->find("study_block_minutes")) {
            const ypath q = p.key("study_block_minutes");
            if (const auto items = yr.list(yval{*f, q}, "study_block_minutes", 2)) {
                if (items->size() != 2) {
                    yr.error(code::type, say("study_block_minutes is [min, max] minutes"), yval{*f, q});
                } else {
                    const ypath q0 = q.at(0);
                    const ypath q1 = q.at(1);
                    const auto lo = yr.small_int(yval{(*items)[0], q0}, "the shortest study block", 1, 1440);
                    const auto hi = yr.small_int(yval{(*items)[1], q1}, "the longest study block", 1, 1440);
                    if (lo && hi && *hi < *lo)
                        yr.error(
                            code::range_order,
                            say("the longest study block ({} minutes) is shorter than the shortest ({})", *hi, *lo),
                            yval{*f, q});
                    else if (lo && hi) {
                        pol.study_block_min_minutes = *lo;
                        pol.study_block_max_minutes = *hi;
                    }
                }
            }
        }
        if (const yentry* f = m->find("assigned_duty")) pol.assigned_duty = read_assigned_duty(c, *f, p.key("assigned_duty"));
        if (const yentry* f = m->find("weights")) {
            const ypath q = p.key("weights");
            read_weights(c, *f, q, pol.weights);
        }
    }
    c.s.policies.push_back(std::move(pol));
}

}  // namespace

void read_policies(load_context& c, const yentry* e, const ypath& root) {
    if (e != nullptr) {
        const ypath p = root.key("policies");
        if (const auto m = c.yr.free_map(yval{*e, p}, "policies")) {
            for (const auto& entry : m->entries) {
                const ypath q = p.key(entry.key);
                if (const auto problem = id_problem(entry.key); !problem.empty()) {
                    c.yr.error_at(code::id_invalid, say("policy: {}", problem), entry.key_node, q);
                    continue;
                }
                if (!c.policies.add(std::string{entry.key}, c.yr.where(entry), q.str(), c.rep)) continue;
                read_policy(c, std::string{entry.key}, entry, q);
            }
        }
    }
    if (c.default_policy) {
        const auto& [name, at] = *c.default_policy;
        if (const auto i = c.policies.resolve(name, at, "scenario.policy", c.rep))
            c.s.default_policy = model::policy_index{*i};
    }
}

}  // namespace jadwal::load::detail
