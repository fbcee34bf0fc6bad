// The state of one load: the scenario being built, the id registries, the
// reporter and the YAML reader, and what the cross-checks need to know about
// where things were written. Each section reader (sections.hpp) fills its part.
#pragma once

#include "codes.hpp"
#include "names.hpp"
#include "reporter.hpp"
#include "yaml_reader.hpp"

#include <jadwal/load/load_scenario.hpp>
#include <jadwal/model/scenario.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace jadwal::load::detail {

/// Where a unit's min_on_duty entries were written, parallel to unit::min_on_duty.
struct unit_notes {
    std::vector<loc> min_on_duty_at;
    std::string path;  ///< "units[i]"
};

/// One entry of `demand`, before it is split into demand items.
struct demand_group {
    loc at;
    std::string path;
    std::uint32_t program = 0;
    model::priority level = model::priority::elective;
    std::optional<calendar::local_date> deadline;
    std::vector<std::uint32_t> members;  ///< employees, ascending, no repeats
};

/// A holiday set named in `holidays`, for the missing-years check.
struct holiday_set_use {
    std::string name;
    loc at;
};

struct load_context {
    load_context(reporter& r, yreader& y, const load_options& o) : rep(r), yr(y), opts(o) {}

    reporter& rep;
    yreader& yr;
    load_options opts;
    std::filesystem::path base_dir;  ///< relative paths in the scenario resolve against this

    model::scenario s;
    bool horizon_ok = false;       ///< s.horizon is valid
    bool employees_known = true;   ///< false when an employees CSV was not read
    loc root_at;                   ///< start of the document
    loc holidays_at;               ///< the holidays section (or the scenario section)

    name_index patterns{"work pattern", code::ref_pattern};
    name_index seasons{"season", code::ref_season};
    name_index locations{"location", code::ref_location};
    name_index duty_templates{"duty template", code::ref_duty_template};
    name_index units{"unit", code::ref_unit};
    name_index employees{"employee", code::ref_employee};
    name_index venues{"venue", code::ref_venue};
    name_index platforms{"platform", code::ref_platform};
    name_index instructors{"instructor", code::ref_instructor};
    name_index programs{"programme", code::ref_program};
    name_index policies{"policy", code::ref_policy};

    std::vector<model::duty> templates;  ///< parallel to duty_templates
    std::vector<unit_notes> unit_info;   ///< parallel to s.units
    std::vector<std::string> program_paths;  ///< "programs[i]", parallel to s.programs

    // Entities read with errors. Cross-checks give them the benefit of the
    // doubt, so that one error is not echoed by follow-up diagnostics.
    std::vector<bool> employee_broken;                ///< parallel to s.employees
    std::vector<bool> venue_broken;                   ///< parallel to s.venues
    std::vector<bool> platform_broken;                ///< parallel to s.platforms
    std::vector<std::vector<bool>> mode_broken;       ///< per programme, parallel to its modes
    std::vector<demand_group> demand;
    std::vector<holiday_set_use> holiday_sets;

    /// `seasons: {ramadan: auto}` was written (and where).
    std::optional<loc> ramadan_auto;
    /// Where patterns name a ramadan variant (first one), for the estimate warning.
    std::optional<loc> ramadan_used_at;

    /// `scenario.policy`, resolved once policies are read.
    std::optional<std::pair<std::string, loc>> default_policy;

    /// Budget for duties copied from templates into employees (copies x dates).
    std::size_t copy_budget = 20'000'000;
    bool copy_budget_reported = false;
    bool employee_limit_reported = false;

    /// Looks a time zone up (cached); reports E-TZ-UNKNOWN with a did-you-mean.
    const date::time_zone* zone(std::string_view name, loc at, const std::string& path);

    [[nodiscard]] model::source_mark mark(loc l) const { return l.mark(); }

private:
    string_map<const date::time_zone*> zone_cache_;
    std::vector<std::string> zone_names_;
};

}  // namespace jadwal::load::detail
