// Policies side by side: solve, verify and simulate each, then tabulate.
#include <jadwal/compare/compare.hpp>
#include <jadwal/io/metrics_json.hpp>
#include <jadwal/output/comparison_page.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace jadwal::compare {
namespace {

std::int64_t placed_jp_of(const exposure& x) {
    std::int64_t jp = 0;
    for (const auto& e : x.enrolments) jp += e.jp;
    return jp;
}

}  // namespace

std::vector<std::string> policy_ids(const model::scenario& s) {
    std::vector<std::string> ids;
    for (const auto& p : s.policies) ids.push_back(p.id);
    return ids;
}

comparison compare_policies(const model::scenario& s, const compare_options& opts) {
    if (opts.policies.empty()) throw jadwal::error(errc::invalid_argument, "name at least one policy to compare");
    // Every id is checked before the first (possibly long) solve starts.
    std::set<std::string> seen;
    for (const auto& id : opts.policies) {
        if (!s.find_policy(id)) {
            std::string known;
            for (const auto& k : policy_ids(s)) known += (known.empty() ? "" : ", ") + k;
            throw jadwal::error(errc::not_found, fmt::format("unknown policy '{}' (the scenario has: {})", id,
                                                             known.empty() ? std::string{"none"} : known));
        }
        if (!seen.insert(id).second) throw jadwal::error(errc::invalid_argument, fmt::format("policy '{}' is named twice", id));
    }
    comparison c;
    c.strategy = opts.strategy;
    c.seed = opts.seed;
    c.language = opts.language;
    for (std::size_t i = 0; i < opts.policies.size(); ++i) {
        const auto& id = opts.policies[i];
        if (opts.on_policy) opts.on_policy(id, i, opts.policies.size());
        solve::solve_options so;
        so.policy = id;
        so.seed = opts.seed;
        so.time_limit_seconds = opts.time_limit_seconds;
        so.max_moves = opts.max_moves;
        so.cancel = opts.cancel;
        so.threads = opts.threads;
        so.strategy = opts.strategy;
        so.on_progress = opts.on_progress;
        so.progress_interval_seconds = opts.progress_interval_seconds;
        so.language = opts.language;
        policy_result r;
        r.policy = id;
        r.plan = solve::solve(s, so);
        r.check = verify::verify(s, r.plan, model::policy_or_builtin(solve::select_policy(s, so)));
        const auto x = compute_exposure(s, r.plan, r.check);
        r.attendance = simulate_attendance(x, s.attendance, opts.attendance);
        r.placed_jp = placed_jp_of(x);
        c.results.push_back(std::move(r));
    }
    return c;
}

std::vector<metric_row> comparison_rows(const comparison& c) {
    return comparison_rows(c, text::messages{});
}

std::vector<metric_row> comparison_rows(const comparison& c, const text::messages& m) {
    using k = metric_row::kind;
    std::vector<metric_row> rows;
    const auto add = [&](std::string key, std::string_view label, k format, bool higher_better, auto value) {
        metric_row row{std::move(key), std::string(label), format, higher_better, {}, {}};
        for (const auto& r : c.results) row.values.push_back(static_cast<double>(value(r)));
        rows.push_back(std::move(row));
        return rows.size() - 1;  // an index: a later add may move the rows
    };
    add("participation_rate", m.tr("participation rate"), k::share, true,
        [](const policy_result& r) { return r.check.metrics.participation_rate; });
    const auto placed = add("demand_placed", m.tr("demand placed / total"), k::count, true,
                            [](const policy_result& r) { return r.check.metrics.demand_placed; });
    for (const auto& r : c.results) rows[placed].totals.push_back(static_cast<double>(r.check.metrics.demand_total));
    // What no plan under the policy beats (docs/model.md "Bounds"): the gap
    // says how much of a shortfall is the rules' and how much the search's.
    const auto bound_placed =
        add("bound_demand_placed", m.tr("bound: no plan places more than"), k::count, true,
            [](const policy_result& r) { return r.plan.bounds ? r.plan.bounds->demand_placed : 0; });
    for (const auto& r : c.results)
        rows[bound_placed].totals.push_back(static_cast<double>(r.check.metrics.demand_total));
    add("jp_target_attainment", m.tr("JP target attainment"), k::share, true,
        [](const policy_result& r) { return r.check.metrics.jp_target_attainment; });
    add("bound_jp_target_attainment", m.tr("bound: no plan brings more to the JP target than"), k::share, true,
        [](const policy_result& r) {
            return r.plan.bounds && r.check.metrics.jp_target_employees > 0
                       ? static_cast<double>(r.plan.bounds->jp_target_met) /
                             static_cast<double>(r.check.metrics.jp_target_employees)
                       : 0.0;
        });
    // The same per staff group: shift staff and teachers meet rules office staff
    // do not (rotations, school holidays), so one total can hide them.
    const std::array<std::string_view, model::staff_group_count> group_labels{m.tr("office staff"), m.tr("teachers"),
                                                                              m.tr("shift staff"), m.tr("other staff")};
    for (std::size_t g = 0; g < model::staff_group_count; ++g) {
        const bool any = std::any_of(c.results.begin(), c.results.end(), [&](const policy_result& r) {
            return r.check.staff_groups[g].jp_target_employees > 0;
        });
        if (!any) continue;
        add(fmt::format("jp_target_attainment_{}", model::to_string(static_cast<model::staff_group>(g))),
            m.format("JP target attainment, {}", group_labels[g]), k::share, true,
            [g](const policy_result& r) { return r.check.staff_groups[g].attainment(); });
    }
    add("disruption_minutes", m.tr("disruption (minutes of work)"), k::minutes, false,
        [](const policy_result& r) { return r.check.metrics.disruption_minutes; });
    add("disruption_minutes_per_jp", m.tr("disruption minutes per placed JP"), k::real, false,
        [](const policy_result& r) {
            return r.placed_jp > 0
                       ? static_cast<double>(r.check.metrics.disruption_minutes) / static_cast<double>(r.placed_jp)
                       : 0.0;
        });
    add("after_hours_minutes", m.tr("after-hours minutes"), k::minutes, false,
        [](const policy_result& r) { return r.check.metrics.after_hours_minutes; });
    add("max_after_hours_minutes_per_person_week", m.tr("max after-hours minutes per person-week"), k::minutes, false,
        [](const policy_result& r) { return r.check.metrics.max_after_hours_minutes_per_person_week; });
    // docs/model.md "Preferences": sessions, blocks and items that miss what people asked for.
    add("preference_misses", m.tr("preference misses"), k::count, false,
        [](const policy_result& r) { return r.check.metrics.preference_misses; });
    add("assigned_duty_days", m.tr("days of training as assigned duty"), k::count, false,
        [](const policy_result& r) { return r.check.metrics.assigned_duty_days; });
    add("days_in_lieu", m.tr("days off in lieu"), k::count, false,
        [](const policy_result& r) { return r.check.metrics.days_in_lieu; });
    add("max_unit_absence_ratio", m.tr("max unit absence ratio"), k::ratio, false,
        [](const policy_result& r) { return r.check.metrics.max_unit_absence_ratio; });
    add("cohorts", m.tr("cohorts"), k::count, false, [](const policy_result& r) { return r.check.metrics.cohorts; });
    add("sessions", m.tr("sessions"), k::count, false, [](const policy_result& r) { return r.check.metrics.sessions; });
    add("study_blocks", m.tr("study blocks"), k::count, false,
        [](const policy_result& r) { return r.check.metrics.study_blocks; });
    add("hard_violations", m.tr("hard violations"), k::count, false,
        [](const policy_result& r) { return r.check.metrics.hard_violations; });
    add("expected_seat_attendance", m.tr("expected live-seat attendance"), k::share, true,
        [](const policy_result& r) { return r.attendance.expected_seat_attendance; });
    add("expected_completions", m.tr("expected completed programmes"), k::real, true,
        [](const policy_result& r) { return r.attendance.completions.mean; });
    add("expected_completion_rate", m.tr("expected completion rate of placed programmes"), k::share, true,
        [](const policy_result& r) {
            return r.attendance.enrolments > 0
                       ? r.attendance.completions.mean / static_cast<double>(r.attendance.enrolments)
                       : 1.0;
        });
    add("completions_p05", m.tr("completed programmes, 5th percentile"), k::real, true,
        [](const policy_result& r) { return r.attendance.completions.p05; });
    add("completions_p95", m.tr("completed programmes, 95th percentile"), k::real, true,
        [](const policy_result& r) { return r.attendance.completions.p95; });
    add("expected_jp_target_share", m.tr("expected share reaching the JP target"), k::share, true,
        [](const policy_result& r) { return r.attendance.jp_target_share.mean; });
    add("jp_target_share_stddev", m.tr("... its standard deviation"), k::share, false,
        [](const policy_result& r) { return r.attendance.jp_target_share.stddev; });
    add("jp_target_share_p05", m.tr("... its 5th percentile"), k::share, true,
        [](const policy_result& r) { return r.attendance.jp_target_share.p05; });
    add("jp_target_share_p95", m.tr("... its 95th percentile"), k::share, true,
        [](const policy_result& r) { return r.attendance.jp_target_share.p95; });
    return rows;
}

std::string format_value(const metric_row& row, std::size_t column, const text::messages& m) {
    if (m.lang() == text::language::en) return format_value(row, column);
    const double v = row.values.at(column);
    const auto whole = [&](double x) { return m.number(static_cast<std::int64_t>(std::llround(x))); };
    switch (row.format) {
        case metric_row::kind::share:
            return m.percent(v, 1);
        case metric_row::kind::ratio: return m.number(v, 3);
        case metric_row::kind::real: return m.number(v, 1);
        case metric_row::kind::count:
        case metric_row::kind::minutes:
            if (!row.totals.empty()) return whole(v) + "/" + whole(row.totals.at(column));
            return whole(v);
    }
    return {};
}

std::string format_value(const metric_row& row, std::size_t column) {
    const double v = row.values.at(column);
    switch (row.format) {
        case metric_row::kind::share: return fmt::format("{:.1f}%", 100 * v);
        case metric_row::kind::ratio: return fmt::format("{:.3f}", v);
        case metric_row::kind::real: return fmt::format("{:.1f}", v);
        case metric_row::kind::count:
        case metric_row::kind::minutes:
            if (!row.totals.empty()) return fmt::format("{:.0f}/{:.0f}", v, row.totals.at(column));
            return fmt::format("{:.0f}", v);
    }
    return {};
}

std::string comparison_text(const comparison& c) {
    const auto rows = comparison_rows(c);
    std::size_t label_width = 6;
    for (const auto& r : rows) label_width = std::max(label_width, r.key.size());
    std::vector<std::size_t> widths;
    for (std::size_t j = 0; j < c.results.size(); ++j) {
        std::size_t w = std::max<std::size_t>(c.results[j].policy.size(), 8);
        for (const auto& r : rows) w = std::max(w, format_value(r, j).size());
        widths.push_back(w);
    }
    std::string out = fmt::format("{:<{}}", "metric", label_width);
    for (std::size_t j = 0; j < c.results.size(); ++j) out += fmt::format("  {:>{}}", c.results[j].policy, widths[j]);
    out += "\n";
    for (const auto& r : rows) {
        out += fmt::format("{:<{}}", r.key, label_width);
        for (std::size_t j = 0; j < c.results.size(); ++j) out += fmt::format("  {:>{}}", format_value(r, j), widths[j]);
        out += "\n";
    }
    return out;
}

std::string policy_directory(std::string_view policy, std::size_t column) {
    const bool safe = !policy.empty() && policy.size() <= 64 && policy.front() != '.' &&
                      std::all_of(policy.begin(), policy.end(), [](char ch) {
                          return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                                 ch == '-' || ch == '_' || ch == '.';
                      });
    return safe ? std::string(policy) : fmt::format("policy-{}", column + 1);
}

std::string comparison_json(const model::scenario& s, const comparison& c) {
    using nlohmann::json;
    const auto spread_json = [](const spread& v) {
        return json{{"mean", v.mean}, {"stddev", v.stddev}, {"p05", v.p05}, {"p95", v.p95}};
    };
    json policies = json::array();
    for (std::size_t j = 0; j < c.results.size(); ++j) {
        const auto& r = c.results[j];
        const auto& m = r.check.metrics;
        const auto& a = r.attendance;
        policies.push_back(json{
            {"policy", r.policy},
            {"directory", policy_directory(r.policy, j)},
            {"status", model::to_string(r.plan.status)},
            {"metrics", io::metrics_json<json>(m)},
            {"placed_jp", r.placed_jp},
            {"violations_by_code", r.check.violations_by_code},
            {"attendance",
             {{"runs", a.runs},
              {"seed", a.seed},
              {"enrolments", a.enrolments},
              {"live_seats", a.live_seats},
              {"expected_seat_attendance", a.expected_seat_attendance},
              {"expected_completions", a.expected_completions},
              {"completions", spread_json(a.completions)},
              {"jp_target_employees", a.jp_target_employees},
              {"jp_target_share", spread_json(a.jp_target_share)}}},
            {"elapsed_seconds", r.plan.elapsed_seconds},
            {"moves", r.plan.moves}});
    }
    json rows = json::array();
    for (const auto& row : comparison_rows(c)) {
        json shown = json::array();
        for (std::size_t j = 0; j < row.values.size(); ++j) shown.push_back(format_value(row, j));
        rows.push_back(json{{"key", row.key}, {"label", row.label}, {"values", row.values}, {"shown", shown}});
    }
    const auto& a = s.attendance;
    const json doc{{"jadwal", 1},
                   {"scenario", s.name},
                   {"strategy", solve::to_string(c.strategy)},
                   {"seed", c.seed},
                   {"attendance_model",
                    {{"live_base", a.live_base},
                     {"working_time_penalty", a.working_time_penalty},
                     {"overload_minutes_per_week", a.overload_minutes_per_week},
                     {"overload_penalty", a.overload_penalty},
                     {"self_paced_min", a.self_paced_min},
                     {"self_paced_max", a.self_paced_max},
                     {"full_slack_days", a.full_slack_days},
                     {"missed_sessions_allowed", a.missed_sessions_allowed},
                     {"preference_miss_factor", preference_miss_factor}}},
                   {"policies", policies},
                   {"rows", rows}};
    return doc.dump(2) + "\n";
}

std::string comparison_html(const model::scenario& s, const comparison& c) {
    return comparison_html(s, c, text::messages(text::choose_language(c.language, s.locale)));
}

std::string comparison_html(const model::scenario& s, const comparison& c, const text::messages& m) {
    output::comparison_page page;
    page.scenario = s.name;
    page.strategy = solve::to_string(c.strategy);
    page.seed = c.seed;
    for (const auto& r : c.results) page.columns.push_back(r.policy);
    for (const auto& row : comparison_rows(c, m)) {
        output::comparison_page_row shown{row.label, row.higher_is_better, row.values, {}};
        for (std::size_t j = 0; j < row.values.size(); ++j) shown.shown.push_back(format_value(row, j, m));
        page.rows.push_back(std::move(shown));
    }
    return output::comparison_html(page, m);
}

}  // namespace jadwal::compare
