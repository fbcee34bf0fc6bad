#include "emit.hpp"

#include <jadwal/text/messages.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <stdexcept>

namespace jadwal::generate::detail {
namespace {

// Shorthands that keep the emitting code close to the YAML it writes.
struct yaml_writer {
    YAML::Emitter out;

    void key(const char* k) { out << YAML::Key << k << YAML::Value; }
    template <class T>
    void kv(const char* k, const T& v) {
        out << YAML::Key << k << YAML::Value << v;
    }
    void kv(const char* k, day d) { kv(k, format_day(d)); }
    void quoted(const char* k, const std::string& v) { out << YAML::Key << k << YAML::Value << YAML::DoubleQuoted << v; }
    void flow_map() { out << YAML::Flow << YAML::BeginMap; }
    void block_map() { out << YAML::Block << YAML::BeginMap; }
    void end_map() { out << YAML::EndMap; }
    void flow_seq() { out << YAML::Flow << YAML::BeginSeq; }
    void block_seq() { out << YAML::Block << YAML::BeginSeq; }
    void end_seq() { out << YAML::EndSeq; }
    void strings(const char* k, const std::vector<std::string>& v) {
        key(k);
        flow_seq();
        for (const auto& s : v) out << s;
        end_seq();
    }
    void range(day_range r) {
        flow_map();
        kv("from", r.from);
        kv("to", r.to);
        end_map();
    }
};

using day_hours = std::initializer_list<std::pair<const char*, std::vector<std::string>>>;

void week(yaml_writer& w, const char* name, day_hours days) {
    w.key(name);
    w.flow_map();
    for (const auto& [d, hours] : days) w.strings(d, hours);
    w.end_map();
}

/// A seasonal variant with breaks: {week: {...}, breaks: {...}}.
void variant(yaml_writer& w, const char* name, day_hours days, day_hours breaks) {
    w.key(name);
    w.flow_map();
    week(w, "week", days);
    week(w, "breaks", breaks);
    w.end_map();
}

std::set<std::string> used_patterns(const population& pop) {
    std::set<std::string> used;
    for (const auto& u : pop.units) used.insert(u.pattern);
    for (const auto& e : pop.employees)
        if (!e.pattern.empty()) used.insert(e.pattern);
    for (const auto& v : pop.venues)
        if (!v.pattern.empty()) used.insert(v.pattern);
    if (!pop.instructors.empty()) used.insert("office");
    return used;
}

void write_patterns(yaml_writer& w, const population& pop) {
    const auto used = used_patterns(pop);
    const std::string anchor = format_day(day{date::year{pop.year} / date::January / 1});
    w.key("work_patterns");
    w.block_map();
    if (used.contains("office")) {
        // Perpres 21/2023: 37.5 h a week from 07:30, excluding breaks of 60 minutes
        // Monday-Thursday and 90 on Friday (Friday prayer); Ramadan 32.5 h from 08:00.
        w.key("office");
        w.block_map();
        week(w, "week", {{"mon-thu", {"07:30-16:00"}}, {"fri", {"07:30-16:30"}}});
        week(w, "breaks", {{"mon-thu", {"12:00-13:00"}}, {"fri", {"11:30-13:00"}}});
        variant(w, "ramadan", {{"mon-thu", {"08:00-15:00"}}, {"fri", {"08:00-15:30"}}},
                {{"mon-thu", {"12:00-12:30"}}, {"fri", {"11:30-12:30"}}});
        w.end_map();
    }
    if (used.contains("school_6d")) {
        w.key("school_6d");
        w.block_map();
        week(w, "week", {{"mon-thu", {"07:00-13:30"}}, {"fri", {"07:00-11:00"}}, {"sat", {"07:00-12:30"}}});
        w.key("school_holiday");
        w.flow_map();
        w.end_map();
        week(w, "ramadan", {{"mon-thu", {"07:30-12:00"}}, {"fri", {"07:30-10:30"}}, {"sat", {"07:30-11:30"}}});
        w.end_map();
    }
    if (used.contains("school_5d")) {
        w.key("school_5d");
        w.block_map();
        week(w, "week", {{"mon-thu", {"07:00-14:30"}}, {"fri", {"07:00-11:30"}}});
        w.key("school_holiday");
        w.flow_map();
        w.end_map();
        week(w, "ramadan", {{"mon-thu", {"07:30-13:00"}}, {"fri", {"07:30-11:00"}}});
        w.end_map();
    }
    if (used.contains("puskesmas")) {
        w.key("puskesmas");
        w.block_map();
        week(w, "week", {{"mon-thu", {"07:30-14:30"}}, {"fri", {"07:30-11:30"}}, {"sat", {"07:30-13:00"}}});
        week(w, "breaks", {{"mon-thu", {"12:00-12:30"}}});  // lunch; Friday's service ends before the prayer
        week(w, "ramadan", {{"mon-thu", {"08:00-13:00"}}, {"fri", {"08:00-11:00"}}, {"sat", {"08:00-12:00"}}});
        w.end_map();
    }
    if (used.contains("ward")) {
        w.key("ward");
        w.block_map();
        w.kv("holidays", "none");
        w.key("rotation");
        w.block_map();
        w.kv("anchor", anchor);
        w.strings("cycle", {"P", "P", "S", "S", "M", "M", "off", "off"});
        w.key("shifts");
        w.flow_map();
        w.kv("P", "07:00-14:00");
        w.kv("S", "14:00-21:00");
        w.kv("M", "21:00-07:00");
        w.end_map();
        w.end_map();
        w.end_map();
    }
    if (used.contains("roster_24_48")) {
        w.key("roster_24_48");
        w.block_map();
        w.kv("holidays", "none");
        w.key("rotation");
        w.block_map();
        w.kv("anchor", anchor);
        w.strings("cycle", {"D", "off", "off"});
        w.key("shifts");
        w.flow_map();
        w.key("D");
        w.flow_map();
        w.kv("hours", "08:00-08:00");
        w.kv("night", true);
        w.end_map();
        w.end_map();
        w.end_map();
        w.end_map();
    }
    w.end_map();
}

void write_unit(yaml_writer& w, const population& pop, const unit& u) {
    w.flow_map();
    w.kv("id", u.id);
    w.kv("name", u.name);
    w.kv("kind", to_string(u.kind));
    w.kv("pattern", u.pattern);
    w.kv("location", u.location);
    w.kv("district", pop.districts[static_cast<std::size_t>(u.district)]);
    if (u.max_absent.percent > 0) {
        w.kv("max_absent", fmt::format("{}%", u.max_absent.percent));
    } else {
        w.kv("max_absent", u.max_absent.people);
    }
    if (!u.min_on_duty.empty()) {
        w.key("min_on_duty");
        w.flow_map();
        for (const auto& [shift, n] : u.min_on_duty) w.kv(shift.c_str(), n);
        w.end_map();
    }
    if (u.apel || u.upacara) {
        w.key("duties");
        w.flow_seq();
        w.flow_map();
        w.quoted("rrule", "FREQ=WEEKLY;BYDAY=MO");
        w.kv("time", u.apel ? "07:30-08:00" : "07:00-07:45");
        w.kv("what", u.apel ? "apel pagi" : "upacara bendera");
        w.end_map();
        w.end_seq();
    }
    if (!u.critical.empty()) {
        w.key("critical");
        w.flow_seq();
        for (const auto& c : u.critical) {
            w.flow_map();
            w.kv("from", c.days.from);
            w.kv("to", c.days.to);
            w.kv("weight", c.weight);
            w.kv("why", c.why);
            w.end_map();
        }
        w.end_seq();
    }
    if (!u.preferred_days.empty()) w.strings("preferred_days", u.preferred_days);
    w.end_map();
}

void write_preferences(yaml_writer& w, const stated_preferences& p) {
    w.key("preferences");
    w.flow_map();
    if (!p.modes.empty()) w.strings("modes", p.modes);
    if (!p.refuse_modes.empty()) w.strings("refuse_modes", p.refuse_modes);
    if (!p.days.empty()) w.strings("days", p.days);
    if (!p.times.empty()) w.strings("times", p.times);
    if (!p.avoid_days.empty()) w.strings("avoid_days", p.avoid_days);
    w.end_map();
}

void write_employee(yaml_writer& w, const population& pop, const employee& e) {
    w.flow_map();
    w.quoted("id", e.nip);
    w.kv("name", e.name);
    w.kv("unit", pop.units[e.unit].id);
    w.kv("status", e.pppk ? "pppk" : "pns");
    if (!e.pattern.empty()) w.kv("pattern", e.pattern);
    if (e.rotation_offset >= 0) w.kv("rotation_offset", e.rotation_offset);
    if (!e.after_hours || e.weekend) {
        w.key("accepts");
        w.flow_map();
        if (!e.after_hours) w.kv("after_hours", false);
        if (e.weekend) w.kv("weekend", true);
        w.end_map();
    }
    if (!e.leaves.empty()) {
        w.key("leave");
        w.flow_seq();
        for (const auto& l : e.leaves) {
            w.flow_map();
            w.kv("from", l.days.from);
            w.kv("to", l.days.to);
            w.kv("why", l.why);
            w.end_map();
        }
        w.end_seq();
    }
    if (!e.duties.empty()) {
        w.key("duty_templates");
        w.flow_seq();
        for (auto d : e.duties) w.out << pop.duty_templates[d].id;
        w.end_seq();
    }
    if (!e.prefs.empty()) write_preferences(w, e.prefs);
    w.end_map();
}

void write_program(yaml_writer& w, const program& p) {
    w.block_map();
    w.kv("id", p.id);
    w.kv("title", p.title);
    w.kv("organizer", p.organizer);
    w.kv("jp", p.jp());
    w.key("modules");
    w.block_seq();
    for (const auto& m : p.modules) {
        w.flow_map();
        w.kv("id", m.id);
        w.kv("title", m.title);
        w.kv("jp", m.jp);
        if (!m.after.empty()) {
            w.kv("after", m.after);
            w.key("gap_days");
            w.flow_seq();
            w.out << m.gap_min << m.gap_max;
            w.end_seq();
        }
        w.end_map();
    }
    w.end_seq();
    w.key("modes");
    w.block_seq();
    for (const auto& m : p.modes) {
        w.flow_map();
        w.kv("mode", m.mode);
        w.key("windows");
        w.flow_seq();
        for (const auto& win : m.windows) w.out << win;
        for (const auto& x : m.explicit_windows) {
            w.flow_map();
            w.kv("days", x.days);
            w.strings("hours", x.hours);
            w.end_map();
        }
        w.end_seq();
        if (!m.venues.empty()) w.strings("venues", m.venues);
        if (!m.platform.empty()) w.kv("platform", m.platform);
        if (m.max_jp_per_day > 0) w.kv("max_jp_per_day", m.max_jp_per_day);
        if (m.cost_per_cohort > 0) w.kv("cost_per_cohort", m.cost_per_cohort);
        if (!m.fixed.empty()) {
            w.key("fixed");
            w.flow_seq();
            for (const auto& f : m.fixed) {
                w.flow_map();
                w.kv("module", f.module);
                w.kv("date", f.date);
                w.kv("time", f.time);
                w.kv("capacity", f.capacity);
                if (f.recording_days > 0) {
                    w.key("recording");
                    w.flow_map();
                    w.kv("days", f.recording_days);
                    w.kv("post_test_minutes", f.post_test_minutes);
                    w.end_map();
                }
                w.end_map();
            }
            w.end_seq();
        }
        w.end_map();
    }
    w.end_seq();
    w.key("cohort");
    w.flow_map();
    w.kv("min", p.cohort_min);
    w.kv("max", p.cohort_max);
    w.end_map();
    if (!p.instructors.empty()) w.strings("instructors", p.instructors);
    w.end_map();
}

void write_demand(yaml_writer& w, const population& pop, const demand& d) {
    const bool listed = !d.employees.empty();
    if (listed) {
        w.block_map();
    } else {
        w.flow_map();
    }
    w.kv("program", pop.programs[d.program].id);
    if (!listed) {
        w.key("where");
        w.flow_map();
        if (!d.units.empty()) w.strings("unit", d.units);
        if (!d.kinds.empty()) {
            w.key("unit_kind");
            w.flow_seq();
            for (auto k : d.kinds) w.out << to_string(k);
            w.end_seq();
        }
        if (!d.districts.empty()) {
            w.key("district");
            w.flow_seq();
            for (int k : d.districts) w.out << pop.districts[static_cast<std::size_t>(k)];
            w.end_seq();
        }
        w.key("status");
        w.flow_seq();
        if (d.pns) w.out << "pns";
        if (d.pppk) w.out << "pppk";
        w.end_seq();
        w.end_map();
    }
    w.kv("priority", d.mandatory ? "mandatory" : "elective");
    if (d.deadline) w.kv("deadline", *d.deadline);
    if (listed) {
        w.key("employees");
        w.block_seq();
        for (auto e : d.employees) w.out << YAML::DoubleQuoted << pop.employees[e].nip;
        w.end_seq();
    }
    w.end_map();
}

// The descriptions are text people read (the report shows them), so they are
// in the scenario's language.
void write_policies(yaml_writer& w, const text::messages& m) {
    auto after_hours = [&] {
        w.key("after_hours");
        w.flow_map();
        w.kv("weekday", "16:30-21:00");
        w.kv("max_minutes_per_week", 180);
        w.kv("max_minutes_per_day", 135);
        w.end_map();
        w.key("weekend");
        w.flow_map();
        w.kv("hours", "08:00-16:00");
        w.end_map();
    };
    auto common = [&](const char* disruption, const char* after) {
        w.kv("max_training_minutes_per_day", 480);
        w.key("study_block_minutes");
        w.flow_seq();
        w.out << 45 << 90;
        w.end_seq();
        w.key("weights");
        w.flow_map();
        w.kv("disruption", disruption);
        w.kv("after_hours", after);
        w.kv("fairness", "2.0");
        w.end_map();
    };
    w.key("policies");
    w.block_map();

    w.key("classroom_only");
    w.block_map();
    w.kv("description", std::string(m.tr("In person, in office hours, as today.")));
    w.strings("modes", {"classroom"});
    w.strings("windows", {"working_hours"});
    w.end_map();

    w.key("flexible");
    w.block_map();
    w.kv("description", std::string(m.tr("Classroom plus live online after hours and at weekends (for those who accept) "
                                         "plus self-paced.")));
    w.strings("modes", {"classroom", "online_live", "self_paced"});
    after_hours();
    common("1.0", "0.6");
    w.end_map();

    w.key("flexible_duty");
    w.block_map();
    w.kv("description",
         std::string(m.tr("Flexible, and training on a nurse's rostered day off or a teacher's school holiday is "
                          "assigned duty (surat tugas) with a day off in lieu for shift staff.")));
    w.strings("modes", {"classroom", "online_live", "self_paced"});
    after_hours();
    common("1.0", "0.6");
    w.key("assigned_duty");
    w.block_map();
    w.kv("rostered_days_off", true);
    w.strings("seasons", {"school_holiday"});
    w.kv("hours", "07:30-16:30");
    w.kv("max_days_per_month", 2);
    w.kv("allowance_per_day", 150000);
    w.kv("lieu_window_days", 30);
    w.end_map();
    w.end_map();

    w.key("modular");
    w.block_map();
    w.kv("description", std::string(m.tr("Short modules of at most 3 JP, online and self-paced first, classroom where "
                                         "nothing else fits.")));
    w.strings("modes", {"online_live", "self_paced", "classroom"});
    w.kv("max_module_jp", 3);
    after_hours();
    common("1.0", "0.6");
    w.end_map();

    w.key("after_hours_only");
    w.block_map();
    w.kv("description", std::string(m.tr("Nothing in working time: weekday evenings and weekends only.")));
    w.strings("modes", {"online_live", "self_paced"});
    w.strings("windows", {"after_hours", "weekend"});
    after_hours();
    common("1.0", "0.3");
    w.end_map();

    w.end_map();
}

}  // namespace

std::string emit_yaml(const population& pop, const std::string& employees_csv, const std::string& history_csv) {
    const text::messages m(pop.opts.locale.value_or(text::language::en));
    yaml_writer w;
    w.out.SetIndent(2);
    const auto& o = pop.opts;
    if (o.agency.empty()) {
        w.out << YAML::Comment(
            fmt::format("Synthetic Batanghari scenario: {} employees, year {}, seed {} (jadwal generate batanghari).\n"
                        "Every person, NIP and number here is invented; the shape follows the domain facts.",
                        pop.employees.size(), pop.year, o.seed));
    } else {
        w.out << YAML::Comment(
            fmt::format("Synthetic scenario of {}: {} employees, year {}, seed {} (jadwal generate nation).\n"
                        "Every person, NIP and number here is invented; the shape follows the domain facts.",
                        o.agency, pop.employees.size(), pop.year, o.seed));
    }
    w.block_map();
    w.kv("jadwal", 1);

    w.key("scenario");
    w.block_map();
    if (o.agency.empty())
        w.kv("name", m.format("Batanghari {} (synthetic, {} ASN, seed {})", pop.year, pop.employees.size(), o.seed));
    else
        w.kv("name", m.format("{} {} (synthetic, {} ASN, seed {})", o.agency, pop.year, pop.employees.size(), o.seed));
    w.kv("timezone", "Asia/Jakarta");
    w.kv("from", pop.horizon_from);
    w.kv("to", pop.horizon_to);
    w.kv("granularity_minutes", 15);
    w.kv("jp_minutes", 45);
    w.kv("rest_after_night_shift_hours", 8);
    if (o.locale) w.kv("locale", std::string(text::code(*o.locale)));
    if (!o.default_policy.empty()) w.kv("policy", o.default_policy);
    w.end_map();

    w.key("holidays");
    w.block_seq();
    if (pop.builtin_holidays) {
        w.out << fmt::format("id-{}", pop.year);
    } else {
        // No built-in set for this year: the fixed-date national holidays only
        // (those inside the planning period).
        for (const auto& [d, name] : pop.fixed_date_holidays) {
            if (d < pop.horizon_from || pop.horizon_to < d) continue;
            w.flow_map();
            w.kv("date", d);
            w.kv("name", name);
            w.kv("kind", "national");
            w.end_map();
        }
    }
    const std::string regional = o.regional_holiday.value_or(
        o.agency.empty() ? std::string("Hari Jadi Kabupaten Batanghari") : "Hari Jadi " + o.agency);
    if (!regional.empty()) {
        w.flow_map();
        w.kv("date", day{date::year{pop.year} / date::December / 1});
        w.kv("name", regional);
        w.kv("kind", "regional");
        w.end_map();
    }
    w.end_seq();

    w.key("seasons");
    w.block_map();
    if (pop.ramadan) {
        w.key("ramadan");
        w.range(*pop.ramadan);
    }
    w.key("school_holiday");
    w.block_seq();
    for (const auto& r : pop.school_holidays) w.range(r);
    w.end_seq();
    w.end_map();

    write_patterns(w, pop);

    // Small populations leave some places and duties unused; leave them out.
    std::set<std::string> places;
    for (const auto& u : pop.units) places.insert(u.location);
    for (const auto& v : pop.venues) places.insert(v.location);
    for (const auto& i : pop.instructors) places.insert(i.location);
    w.key("locations");
    w.block_seq();
    for (const auto& l : pop.locations) {
        if (!places.contains(l.id)) continue;
        w.flow_map();
        w.kv("id", l.id);
        w.kv("name", l.name);
        const bool travels = std::any_of(l.travel.begin(), l.travel.end(),
                                         [&](const auto& t) { return places.contains(t.first); });
        if (travels) {
            w.key("travel_minutes");
            w.flow_map();
            for (const auto& [to, minutes] : l.travel)
                if (places.contains(to)) w.kv(to.c_str(), minutes);
            w.end_map();
        }
        w.end_map();
    }
    w.end_seq();

    std::vector<bool> duty_used(pop.duty_templates.size(), false);
    for (const auto& e : pop.employees)
        for (auto d : e.duties) duty_used[d] = true;
    w.key("duty_templates");
    w.block_map();
    for (std::size_t k = 0; k < pop.duty_templates.size(); ++k) {
        if (!duty_used[k]) continue;
        const auto& t = pop.duty_templates[k];
        w.key(t.id.c_str());
        w.flow_map();
        w.quoted("rrule", t.rrule);
        w.kv("time", t.time);
        w.kv("what", t.what);
        w.end_map();
    }
    w.end_map();

    w.key("units");
    w.block_seq();
    for (const auto& u : pop.units) write_unit(w, pop, u);
    w.end_seq();

    w.key("employees");
    if (employees_csv.empty()) {
        w.block_seq();
        for (const auto& e : pop.employees) write_employee(w, pop, e);
        w.end_seq();
    } else {
        w.flow_map();
        w.kv("csv", employees_csv);
        w.end_map();
    }
    if (!history_csv.empty()) {
        w.key("history");
        w.flow_map();
        w.kv("csv", history_csv);
        w.end_map();
    }

    w.key("venues");
    w.block_seq();
    for (const auto& v : pop.venues) {
        w.flow_map();
        w.kv("id", v.id);
        w.kv("name", v.name);
        w.kv("capacity", v.capacity);
        w.kv("location", v.location);
        if (!v.pattern.empty()) w.kv("pattern", v.pattern);
        w.kv("cost_per_day", v.cost_per_day);
        if (!v.closed.empty()) {
            w.key("closed");
            w.flow_seq();
            for (const auto& c : v.closed) w.range(c);
            w.end_seq();
        }
        w.end_map();
    }
    w.end_seq();

    w.key("platforms");
    w.block_seq();
    for (const auto& p : pop.platforms) {
        w.flow_map();
        w.kv("id", p.id);
        w.kv("name", p.name);
        w.kv("concurrent", p.concurrent);
        w.kv("capacity", p.capacity);
        if (p.cost_per_cohort > 0) w.kv("cost_per_cohort", p.cost_per_cohort);
        w.end_map();
    }
    w.end_seq();

    w.key("instructors");
    w.block_seq();
    for (const auto& i : pop.instructors) {
        w.flow_map();
        w.kv("id", i.id);
        w.kv("name", i.name);
        w.kv("pattern", "office");
        w.kv("location", i.location);
        w.kv("max_minutes_per_day", 360);
        w.kv("max_days_per_month", i.max_days_per_month);
        w.kv("cost_per_hour", i.cost_per_hour);
        if (i.evenings) {
            w.key("evenings");
            w.flow_map();
            w.kv("hours", "18:30-21:00");
            w.kv("max_per_week", 2);
            w.kv("cost_per_hour", i.evening_cost_per_hour);
            w.end_map();
        }
        if (!i.unavailable.empty()) {
            w.key("unavailable");
            w.flow_seq();
            for (const auto& r : i.unavailable) w.range(r);
            w.end_seq();
        }
        w.end_map();
    }
    w.end_seq();

    w.key("programs");
    w.block_seq();
    for (const auto& p : pop.programs) write_program(w, p);
    w.end_seq();

    w.key("demand");
    w.block_seq();
    for (const auto& d : pop.demands) write_demand(w, pop, d);
    w.end_seq();

    write_policies(w, m);

    w.key("budget");
    w.flow_map();
    w.kv("max_classroom_cohorts", pop.max_classroom_cohorts);
    w.kv("max_cost", pop.max_cost);
    w.kv("currency", "IDR");
    w.end_map();

    if (!pop.catalogue.empty()) {
        w.key("catalogue");
        w.block_map();
        w.strings("programs", pop.catalogue);
        w.key("eligible");
        w.flow_map();
        w.strings("status", {"pns"});
        w.end_map();
        w.kv("max_jp_per_person", pop.catalogue_max_jp);
        w.end_map();
    }

    w.end_map();
    if (!w.out.good()) throw std::logic_error("YAML emitter: " + w.out.GetLastError());
    std::string text(w.out.c_str(), w.out.size());
    text += '\n';
    return text;
}

void append_csv_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string emit_csv(const population& pop) {
    std::string out;
    out.reserve(pop.employees.size() * 96 + 128);
    // Without generated preferences the file is as it always was: no preference columns.
    const bool preferences = pop.opts.preferences > 0;
    out += "nip,name,unit,status,pattern,rotation_offset,jp_target,jp_cap,after_hours,weekend,works_collective_leave,"
           "leave,duties";
    if (preferences) out += ",prefer_modes,refuse_modes,prefer_days,prefer_times,avoid_days";
    out += "\r\n";
    std::string cell;
    auto joined = [&](const std::vector<std::string>& values) {
        cell.clear();
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0) cell += ';';
            cell += values[i];
        }
        out += ',';
        append_csv_field(out, cell);
    };
    for (const auto& e : pop.employees) {
        append_csv_field(out, e.nip);
        out += ',';
        append_csv_field(out, e.name);
        out += ',';
        append_csv_field(out, pop.units[e.unit].id);
        out += e.pppk ? ",pppk," : ",pns,";
        append_csv_field(out, e.pattern);
        out += ',';
        if (e.rotation_offset >= 0) out += std::to_string(e.rotation_offset);
        out += ",,,";  // jp_target and jp_cap: the status defaults
        out += e.after_hours ? "true," : "false,";
        out += e.weekend ? "true," : "false,";
        out += ',';  // works_collective_leave: default
        cell.clear();
        for (std::size_t i = 0; i < e.leaves.size(); ++i) {
            if (i > 0) cell += ';';
            cell += format_day(e.leaves[i].days.from);
            cell += '/';
            cell += format_day(e.leaves[i].days.to);
        }
        append_csv_field(out, cell);
        out += ',';
        cell.clear();
        for (std::size_t i = 0; i < e.duties.size(); ++i) {
            if (i > 0) cell += ';';
            cell += pop.duty_templates[e.duties[i]].id;
        }
        append_csv_field(out, cell);
        if (preferences) {
            joined(e.prefs.modes);
            joined(e.prefs.refuse_modes);
            joined(e.prefs.days);
            joined(e.prefs.times);
            joined(e.prefs.avoid_days);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace jadwal::generate::detail
