// Duties (one-off or recurring blocks of busy time) and the `duty_templates`
// section that employees and CSV rows refer to by name.
#include "sections.hpp"
#include "values.hpp"

#include <jadwal/calendar/rrule.hpp>

#include <fmt/format.h>

#include <array>

namespace jadwal::load::detail {

std::optional<model::duty> read_duty(load_context& c, const yval& v) {
    static constexpr std::array<std::string_view, 6> keys{"what", "rrule", "start", "date", "time", "except"};
    const auto m = c.yr.map(v, "a duty", keys);
    if (!m) return std::nullopt;
    const ypath& p = *v.path;
    auto& yr = c.yr;
    model::duty d;
    d.what = "duty";
    bool ok = true;
    if (const yentry* f = m->find("what")) {
        const ypath q = p.key("what");
        if (auto t = yr.text(yval{*f, q}, "what")) d.what = std::move(*t);
    }
    const yentry* rule = m->find("rrule");
    const yentry* once = m->find("date");
    if (rule && once) {
        const ypath q = p.key("date");
        yr.error_at(code::key_conflict, say("a duty has either 'rrule' (recurring) or 'date' (once), not both"),
                    once->key_node, q);
        ok = false;
    } else if (!rule && !once) {
        yr.error_at(code::key_missing, say("a duty needs 'rrule' (recurring) or 'date' (once)"), m->node, p);
        ok = false;
    }
    if (rule) {
        const ypath q = p.key("rrule");
        const yval rv{*rule, q};
        if (const auto t = yr.text(rv, "rrule")) {
            auto parsed = calendar::parse_rrule(*t);
            if (!parsed.rule) {
                loc at = yr.where(rv);
                // Point into the rule when it sits on one line (quoted text starts one column later).
                if (at.line > 0 && t->find('\n') == std::string::npos && parsed.offset <= t->size())
                    at.column += static_cast<std::int32_t>(parsed.offset) + (rule->value.Tag() == "!" ? 1 : 0);
                c.rep.error(code::rrule, say("rrule {}: {}", in_quotes(*t), parsed.error), at, q.str());
                ok = false;
            } else {
                d.rule = std::move(parsed.rule);
            }
        } else {
            ok = false;
        }
    }
    if (once) {
        const ypath q = p.key("date");
        if (const auto dt = yr.date(yval{*once, q}, "date"))
            d.start = *dt;
        else
            ok = false;
    } else {
        d.start = c.horizon_ok ? c.s.horizon.first : calendar::local_date{};
    }
    if (const yentry* f = m->find("start")) {
        const ypath q = p.key("start");
        if (!rule) {
            yr.error_at(code::key_conflict,
                        say("'start' is the first day of a recurring duty; a one-off duty has 'date'"), f->key_node, q);
            ok = false;
        } else if (const auto dt = yr.date(yval{*f, q}, "start")) {
            d.start = *dt;
        } else {
            ok = false;
        }
    }
    if (const yentry* f = yr.need(*m, p, "time", "a duty")) {
        const ypath q = p.key("time");
        if (const auto r = yr.clock_range(yval{*f, q}, "time"))
            d.time = *r;
        else
            ok = false;
    } else {
        ok = false;
    }
    if (const yentry* f = m->find("except")) {
        const ypath q = p.key("except");
        if (!rule) {
            yr.error_at(code::key_conflict, say("'except' lists dates a recurring duty skips; a one-off duty has none"),
                        f->key_node, q);
            ok = false;
        } else if (const auto items = yr.scalar_or_list(yval{*f, q}, "except", 1000)) {
            for (std::size_t i = 0; i < items->size(); ++i) {
                const ypath qi = q.at(i);
                if (const auto dt = yr.date(yval{(*items)[i], qi}, "except"))
                    d.except.push_back(*dt);
                else
                    ok = false;
            }
        } else {
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return d;
}

std::vector<model::duty> read_duties(load_context& c, const yval& v) {
    std::vector<model::duty> out;
    const auto items = c.yr.list(v, "duties", 1000);
    if (!items) return out;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath pi = v.path->at(i);
        const yval iv{(*items)[i], pi};
        if (auto d = read_duty(c, iv)) {
            check_duty_dates(c, *d, c.yr.where(iv), pi.str());
            out.push_back(std::move(*d));
        }
    }
    return out;
}

void check_duty_dates(load_context& c, const model::duty& d, loc at, const std::string& path) {
    if (!c.horizon_ok) return;
    if (!d.rule) {
        if (!c.s.horizon.contains(d.start))
            c.rep.warning(code::outside_horizon,
                          say("the duty {} on {} lies outside the horizon and has no effect", in_quotes(d.what),
                              calendar::format_date(d.start)),
                          at, path);
        return;
    }
    if (calendar::occurrences(*d.rule, d.start, c.s.horizon, d.except).empty())
        c.rep.warning(code::duty_no_occurrence,
                      say("the recurring duty {} never occurs inside the horizon", in_quotes(d.what)), at, path);
}

bool copy_template_duties(load_context& c, std::uint32_t tmpl, std::vector<model::duty>& out, loc at) {
    const model::duty& d = c.templates[tmpl];
    const std::size_t cost = 1 + d.except.size();
    if (cost > c.copy_budget) {
        if (!c.copy_budget_reported)
            c.rep.error(code::limit, say("duty templates are copied into too many employees; loading stopped copying"),
                        at);
        c.copy_budget_reported = true;
        return false;
    }
    c.copy_budget -= cost;
    out.push_back(d);
    return true;
}

void read_duty_templates(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) return;
    const ypath p = root.key("duty_templates");
    const auto m = c.yr.free_map(yval{*e, p}, "duty_templates");
    if (!m) return;
    for (const auto& entry : m->entries) {
        const ypath q = p.key(entry.key);
        if (const auto problem = id_problem(entry.key); !problem.empty()) {
            c.yr.error_at(code::id_invalid, say("duty template: {}", problem), entry.key_node, q);
            continue;
        }
        const yval v{entry, q};
        auto d = read_duty(c, v);
        if (!c.duty_templates.add(std::string{entry.key}, c.yr.where(entry), q.str(), c.rep)) continue;
        // A template with errors stays registered (so references to it do not
        // cascade); the errors already stop the load.
        if (d) check_duty_dates(c, *d, c.yr.where(v), q.str());
        c.templates.push_back(d ? std::move(*d) : model::duty{});
    }
}

}  // namespace jadwal::load::detail
