// load::validate: the structural checks every entry point shares (validate.hpp).
#include "say.hpp"

#include <fmt/format.h>

#include <jadwal/load/validate.hpp>
#include <set>
#include <string>
#include <unordered_set>

namespace jadwal::load {
namespace {

using detail::phrase;
using detail::say;
using detail::term;

class checker {
public:
    explicit checker(const model::scenario& s) : s_(s) {}

    diagnostics run() {
        if (s_.zone == nullptr) error("E-MODEL-ZONE", say("the scenario has no time zone"), {}, "zone");
        if (!s_.horizon.ok()) error("E-MODEL-VALUE", say("the horizon ends before it starts"), {}, "horizon");
        if (s_.granularity_minutes <= 0 || 1440 % s_.granularity_minutes != 0)
            error("E-MODEL-VALUE", say("granularity_minutes must divide a day, not {}", s_.granularity_minutes), {},
                  "granularity_minutes");
        if (s_.jp_minutes <= 0)
            error("E-MODEL-VALUE", say("jp_minutes must be positive, not {}", s_.jp_minutes), {}, "jp_minutes");
        patterns();
        locations();
        units();
        employees();
        venues();
        instructors();
        programs();
        demand();
        history();
        catalogue();
        policies();
        return std::move(out_);
    }

private:
    const model::scenario& s_;
    diagnostics out_;

    void error(const char* code, phrase message, model::source_mark at, std::string path) {
        diagnostic d;
        d.code = code;
        d.message = std::move(message.en);
        d.message_id = std::move(message.id);
        d.path = std::move(path);
        if (at.line > 0 && at.file < s_.source_files.size()) {
            d.file = s_.source_files[at.file];
            d.line = at.line;
            d.column = at.column;
        } else {
            d.file = "<scenario>";
        }
        out_.add(std::move(d));
    }

    /// A reference that must point at one of `count` entities (`optional`: or be unset).
    template <class Index>
    void ref(Index i, std::size_t count, bool optional, const char* what, model::source_mark at,
             const std::string& path) {
        if (!i.valid()) {
            if (!optional) error("E-MODEL-REF", say("no {} is given", term(what)), at, path);
            return;
        }
        if (i.value >= count)
            error("E-MODEL-REF",
                  say("{} index {} points past the scenario's {} {}s", term(what), i.value, count, term(what)), at,
                  path);
    }

    template <class Items>
    void unique_ids(const Items& items, const char* section) {
        std::unordered_set<std::string> seen;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (!seen.insert(items[i].id).second)
                error("E-MODEL-DUPLICATE", say("{} id '{}' is used twice", term(section), items[i].id), items[i].mark,
                      fmt::format("{}[{}].id", section, i));
    }

    /// The id look-ups (filled by the loader or index_ids()) agree with the ids.
    template <class Items>
    void index_agrees(const Items& items, const std::unordered_map<std::string, std::uint32_t>& by_id,
                      const char* section) {
        bool agrees = by_id.size() <= items.size();
        for (std::size_t i = 0; agrees && i < items.size(); ++i) {
            const auto it = by_id.find(items[i].id);
            agrees = it != by_id.end() && it->second < items.size() && items[it->second].id == items[i].id;
        }
        if (!agrees)
            error("E-MODEL-INDEX",
                  say("the {} look-up by id is out of date: call scenario::index_ids() after changing {}", section,
                      section),
                  {}, section);
    }

    void patterns() {
        for (std::size_t i = 0; i < s_.patterns.size(); ++i) {
            const auto& p = s_.patterns[i];
            if (!p.rotation) continue;
            const auto path = fmt::format("work_patterns[{}].rotation", i);
            if (p.rotation->cycle.empty()) error("E-MODEL-VALUE", say("the rotation's cycle is empty"), p.mark, path);
            for (std::size_t k = 0; k < p.rotation->cycle.size(); ++k) {
                const auto& code = p.rotation->cycle[k];
                if (code != "off" && p.rotation->find(code) == nullptr)
                    error("E-MODEL-REF", say("the cycle names shift '{}', which the rotation does not have", code),
                          p.mark, fmt::format("{}.cycle[{}]", path, k));
            }
        }
        unique_ids(s_.patterns, "work_patterns");
        index_agrees(s_.patterns, s_.pattern_by_id, "work_patterns");
    }

    void locations() {
        for (std::size_t i = 0; i < s_.locations.size(); ++i)
            for (const auto& [to, time] : s_.locations[i].travel)
                ref(to, s_.locations.size(), false, "location", s_.locations[i].mark,
                    fmt::format("locations[{}].travel", i));
    }

    void units() {
        for (std::size_t i = 0; i < s_.units.size(); ++i) {
            const auto& u = s_.units[i];
            ref(u.pattern, s_.patterns.size(), false, "work pattern", u.mark, fmt::format("units[{}].pattern", i));
            ref(u.location, s_.locations.size(), true, "location", u.mark, fmt::format("units[{}].location", i));
        }
        unique_ids(s_.units, "units");
        index_agrees(s_.units, s_.unit_by_id, "units");
        // The solver keeps critical-period weights in one byte (weight 1 included).
        std::set<double> weights{1.0};
        for (std::size_t i = 0; i < s_.units.size(); ++i)
            for (std::size_t k = 0; k < s_.units[i].critical.size(); ++k)
                if (weights.insert(s_.units[i].critical[k].weight).second && weights.size() > max_critical_weights)
                    error("E-MODEL-LIMIT",
                          say("more than {} distinct critical-period weights; use fewer levels",
                              max_critical_weights - 1),
                          s_.units[i].mark, fmt::format("units[{}].critical[{}].weight", i, k));
    }

    void employees() {
        for (std::size_t i = 0; i < s_.employees.size(); ++i) {
            const auto& e = s_.employees[i];
            ref(e.unit, s_.units.size(), false, "unit", e.mark, fmt::format("employees[{}].unit", i));
            ref(e.pattern, s_.patterns.size(), true, "work pattern", e.mark, fmt::format("employees[{}].pattern", i));
        }
        unique_ids(s_.employees, "employees");
        index_agrees(s_.employees, s_.employee_by_id, "employees");
    }

    void venues() {
        for (std::size_t i = 0; i < s_.venues.size(); ++i) {
            const auto& v = s_.venues[i];
            ref(v.location, s_.locations.size(), true, "location", v.mark, fmt::format("venues[{}].location", i));
            ref(v.pattern, s_.patterns.size(), true, "work pattern", v.mark, fmt::format("venues[{}].pattern", i));
        }
    }

    void instructors() {
        for (std::size_t i = 0; i < s_.instructors.size(); ++i) {
            const auto& t = s_.instructors[i];
            ref(t.pattern, s_.patterns.size(), true, "work pattern", t.mark, fmt::format("instructors[{}].pattern", i));
            ref(t.location, s_.locations.size(), true, "location", t.mark, fmt::format("instructors[{}].location", i));
        }
    }

    void programs() {
        for (std::size_t i = 0; i < s_.programs.size(); ++i) {
            const auto& p = s_.programs[i];
            const auto path = fmt::format("programs[{}]", i);
            if (p.modules.empty())
                error("E-MODEL-VALUE", say("the programme has no module"), p.mark, path + ".modules");
            if (p.cohort_min < 1 || p.cohort_max < p.cohort_min)
                error(
                    "E-MODEL-VALUE",
                    say("cohort sizes must satisfy 1 <= min <= max, not min {} and max {}", p.cohort_min, p.cohort_max),
                    p.mark, path + ".cohort");
            for (std::size_t m = 0; m < p.modules.size(); ++m) {
                const auto& mod = p.modules[m];
                if (mod.jp <= 0)
                    error("E-MODEL-VALUE", say("module '{}' must have positive JP, not {}", mod.id, mod.jp), mod.mark,
                          fmt::format("{}.modules[{}].jp", path, m));
                if (mod.after && *mod.after >= m)
                    error("E-MODEL-REF",
                          say("module '{}' must come after an earlier module, not module {}", mod.id, *mod.after),
                          mod.mark, fmt::format("{}.modules[{}].after", path, m));
            }
            for (std::size_t k = 0; k < p.instructors.size(); ++k)
                ref(p.instructors[k], s_.instructors.size(), false, "instructor", p.mark,
                    fmt::format("{}.instructors[{}]", path, k));
            for (std::size_t k = 0; k < p.modes.size(); ++k) {
                const auto& o = p.modes[k];
                const auto opath = fmt::format("{}.modes[{}]", path, k);
                for (std::size_t v = 0; v < o.venues.size(); ++v)
                    ref(o.venues[v], s_.venues.size(), false, "venue", o.mark, fmt::format("{}.venues[{}]", opath, v));
                ref(o.platform, s_.platforms.size(), o.mode != model::delivery_mode::online_live, "platform", o.mark,
                    opath + ".platform");
                for (std::size_t f = 0; f < o.fixed.size(); ++f)
                    if (o.fixed[f].module >= p.modules.size())
                        error("E-MODEL-REF",
                              say("fixed session for module index {}, but the programme has {} modules",
                                  o.fixed[f].module, p.modules.size()),
                              o.mark, fmt::format("{}.fixed[{}].module", opath, f));
            }
        }
        unique_ids(s_.programs, "programs");
        index_agrees(s_.programs, s_.program_by_id, "programs");
    }

    void demand() {
        for (std::size_t i = 0; i < s_.demand.size(); ++i) {
            const auto& d = s_.demand[i];
            ref(d.employee, s_.employees.size(), false, "employee", d.mark, fmt::format("demand[{}].employee", i));
            ref(d.program, s_.programs.size(), false, "programme", d.mark, fmt::format("demand[{}].program", i));
        }
    }

    void history() {
        for (std::size_t i = 0; i < s_.history.size(); ++i) {
            const auto& h = s_.history[i];
            ref(h.employee, s_.employees.size(), false, "employee", h.mark, fmt::format("history[{}].employee", i));
            ref(h.program, s_.programs.size(), true, "programme", h.mark, fmt::format("history[{}].program", i));
            if (h.jp < 0)
                error("E-MODEL-VALUE", say("a course's JP cannot be negative, not {}", h.jp), h.mark,
                      fmt::format("history[{}].jp", i));
            if (h.end < h.start)
                error("E-MODEL-VALUE", say("a course ends before it starts"), h.mark,
                      fmt::format("history[{}].end", i));
        }
        for (std::size_t i = 0; i < s_.completed.size(); ++i) {
            const auto& c = s_.completed[i];
            ref(c.demand.employee, s_.employees.size(), false, "employee", c.demand.mark,
                fmt::format("completed[{}].demand.employee", i));
            ref(c.demand.program, s_.programs.size(), false, "programme", c.demand.mark,
                fmt::format("completed[{}].demand.program", i));
            if (c.history >= s_.history.size())
                error("E-MODEL-REF",
                      say("completed demand names history row {}, but there are {}", c.history, s_.history.size()),
                      c.demand.mark, fmt::format("completed[{}].history", i));
        }
    }

    void catalogue() {
        const auto& c = s_.catalogue;
        for (std::size_t i = 0; i < c.programs.size(); ++i)
            ref(c.programs[i], s_.programs.size(), false, "programme", c.mark,
                fmt::format("catalogue.programs[{}]", i));
        for (std::size_t i = 0; i < c.eligible.units.size(); ++i)
            ref(c.eligible.units[i], s_.units.size(), false, "unit", c.mark,
                fmt::format("catalogue.eligible.units[{}]", i));
    }

    void policies() {
        ref(s_.default_policy, s_.policies.size(), true, "policy", {}, "policy");
        unique_ids(s_.policies, "policies");
        index_agrees(s_.policies, s_.policy_by_id, "policies");
    }
};

std::string first_error(const diagnostics& d) {
    for (const auto& x : d.items())
        if (x.level == severity::error) return format(x);
    return "the scenario has errors";
}

}  // namespace

diagnostics validate(const model::scenario& s) {
    return checker(s).run();
}

invalid_scenario::invalid_scenario(diagnostics d)
    : jadwal::error(errc::invalid_scenario, first_error(d)), diags_(std::move(d)) {}

void require_valid(const model::scenario& s) {
    auto d = validate(s);
    if (d.has_errors()) throw invalid_scenario(std::move(d));
}

}  // namespace jadwal::load
