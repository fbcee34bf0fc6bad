// The at-risk list (include/jadwal/compare/at_risk.hpp).
#include <algorithm>
#include <cmath>
#include <jadwal/compare/at_risk.hpp>
#include <jadwal/model/error.hpp>
#include <jadwal/model/policy.hpp>
#include <stdexcept>
#include <tuple>

namespace jadwal::compare {
namespace {

/// The at-risk threshold's check, for the list and the outlook alike.
void require_probability(double threshold) {
    if (!(threshold >= 0 && threshold <= 1))
        throw error(errc::invalid_argument, "the at-risk threshold must be a probability from 0 to 1");
}

}  // namespace

double target_probability(int earned, int target, std::span<const std::pair<int, double>> programmes) {
    if (earned >= target) return 1;
    const int need = target - earned;
    std::int64_t reachable = 0;
    for (const auto& [jp, p] : programmes)
        if (jp > 0) reachable += jp;
    if (reachable < need) return 0;
    // reach[j]: P(the completed programmes so far sum to j JP), j == need lumping every sum at or over it.
    std::vector<double> reach(static_cast<std::size_t>(need) + 1, 0.0);
    reach[0] = 1;
    for (const auto& [jp, p0] : programmes) {
        if (jp <= 0) continue;
        const double p = std::clamp(p0, 0.0, 1.0);
        const auto step = static_cast<std::size_t>(jp);
        // From the top down, so each programme counts once.
        for (std::size_t j = reach.size(); j-- > 0;) {
            if (reach[j] == 0) continue;
            const std::size_t to = std::min(reach.size() - 1, j + step);
            if (j == reach.size() - 1) continue;  // already there, whatever this programme does
            reach[to] += reach[j] * p;
            reach[j] *= 1 - p;
        }
    }
    return std::clamp(reach.back(), 0.0, 1.0);
}

std::vector<at_risk_person> jp_prospects(const model::scenario& s, const exposure& x, const model::attendance_model& a,
                                         const known_outcomes* known) {
    const std::vector<int> earned = s.earned_jp();
    std::vector<at_risk_person> out;
    std::vector<std::pair<int, double>> programmes;
    std::size_t k = 0;  // x.enrolments are by employee
    for (std::size_t e = 0; e < s.employees.size(); ++e) {
        programmes.clear();
        while (k < x.enrolments.size() && x.enrolments[k].employee.value < e) ++k;
        for (; k < x.enrolments.size() && x.enrolments[k].employee.value == e; ++k) {
            const auto& en = x.enrolments[k];
            programmes.emplace_back(en.jp, known ? enrolment_probability(x, en, a, *known)
                                                 : enrolment_probability(x, en, a));
        }
        const int target = s.employees[e].jp_target;
        if (target <= 0) continue;
        at_risk_person r;
        r.employee = model::employee_index{static_cast<std::uint32_t>(e)};
        r.jp_target = target;
        r.jp_earned = e < earned.size() ? earned[e] : 0;
        r.expected_jp = r.jp_earned;
        for (const auto& [jp, p] : programmes) {
            r.jp_planned += jp;
            r.expected_jp += jp * p;
        }
        r.probability = target_probability(r.jp_earned, target, programmes);
        out.push_back(r);
    }
    return out;
}

std::vector<at_risk_person> at_risk_list(const model::scenario& s, const exposure& x, const model::attendance_model& a,
                                         double threshold) {
    require_probability(threshold);
    std::vector<at_risk_person> out = jp_prospects(s, x, a);
    std::erase_if(out, [&](const at_risk_person& r) { return !(r.probability < threshold); });
    std::sort(out.begin(), out.end(), [&](const at_risk_person& l, const at_risk_person& r) {
        const auto& el = s.employees[l.employee.value];
        const auto& er = s.employees[r.employee.value];
        return std::tie(el.unit.value, l.probability, el.id) < std::tie(er.unit.value, r.probability, er.id);
    });
    return out;
}

std::vector<jp_outlook_group> jp_outlook(const model::scenario& s, std::span<const at_risk_person> prospects,
                                         double threshold) {
    require_probability(threshold);
    std::vector<jp_outlook_group> groups(model::staff_group_count + 1);
    for (std::size_t g = 0; g < model::staff_group_count; ++g) groups[g].group = static_cast<model::staff_group>(g);
    const auto add = [&](jp_outlook_group& g, const at_risk_person& p) {
        ++g.people;
        g.jp_earned += p.jp_earned;
        g.jp_planned += p.jp_planned;
        g.expected_jp += p.expected_jp;
        g.expected_reaching += p.probability;
        if (p.probability < threshold) ++g.at_risk;
    };
    for (const auto& p : prospects) {
        const auto group = model::staff_group_of(s.pattern_of(s.employees.at(p.employee.value)));
        add(groups[static_cast<std::size_t>(group)], p);
        add(groups.back(), p);
    }
    std::erase_if(groups, [](const jp_outlook_group& g) { return g.group && g.people == 0; });
    return groups;
}

std::vector<at_risk_unit> at_risk_units(const model::scenario& s, std::span<const at_risk_person> people) {
    std::vector<at_risk_unit> per(s.units.size());
    for (std::size_t u = 0; u < per.size(); ++u) per[u].unit = model::unit_index{static_cast<std::uint32_t>(u)};
    for (const auto& e : s.employees)
        if (e.jp_target > 0 && e.unit.value < per.size()) ++per[e.unit.value].staff_with_target;
    for (const auto& p : people) {
        const auto u = s.employees.at(p.employee.value).unit.value;
        if (u < per.size()) ++per[u].at_risk;
    }
    std::erase_if(per, [](const at_risk_unit& u) { return u.staff_with_target == 0; });
    return per;
}

namespace {
at_risk_table table_of(const model::scenario& s, const exposure& x, double threshold) {
    at_risk_table t;
    t.threshold = threshold;
    t.people = at_risk_list(s, x, s.attendance, threshold);
    t.units = at_risk_units(s, t.people);
    return t;
}
}  // namespace

at_risk_table at_risk(const model::scenario& s, const model::solution& sol, double threshold) {
    return table_of(s, compute_exposure(s, sol), threshold);
}

void publish_with_at_risk(const model::scenario& s, const model::solution& sol, const std::filesystem::path& dir,
                          output::publish_request req, const verify::report* check) {
    std::optional<verify::report> own;
    std::optional<at_risk_table> at_risk_list;
    // A caller's own check (the CLI's `export`, against the previous plan)
    // serves report.html too, so what the report shows is what solution.json
    // says; one given as req.checked serves the at-risk list as well. Only
    // without either is the plan checked here, once.
    if (check && !req.checked) req.checked = check;
    if (req.csv || req.html) {
        const verify::report* used = check ? check : req.checked;
        if (!used) {
            verify::options vo;
            vo.language = req.language;  // as publish_plan checks it for report.html
            own = verify::verify(s, sol, model::policy_or_builtin(model::plan_policy(s, sol)), vo);
            used = &*own;
            req.checked = used;
        }
        at_risk_list = at_risk(s, sol, req.at_risk_below, *used);
        req.at_risk = &*at_risk_list;
    }
    output::publish_plan(s, sol, dir, req);
}

at_risk_table at_risk(const model::scenario& s, const model::solution& sol, double threshold,
                      const verify::report& check) {
    return table_of(s, compute_exposure(s, sol, check), threshold);
}

}  // namespace jadwal::compare
