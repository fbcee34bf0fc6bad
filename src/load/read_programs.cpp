// The `programs` section: programmes, their modules (with prerequisites and
// gaps), their delivery modes (windows, venues, platform, fixed sessions) and
// cohort limits.
#include "sections.hpp"
#include "values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace jadwal::load::detail {
namespace {

constexpr std::size_t max_modules = 1000;

struct module_draft {
    std::string after;  ///< raw `after`, empty when none
    loc after_at;
    std::string after_path;
};

std::optional<std::pair<int, std::optional<int>>> read_gap(load_context& c, const yval& v) {
    std::vector<YAML::Node> items;
    if (const auto list = c.yr.scalar_or_list(v, "gap_days", 2))
        items = *list;
    else
        return std::nullopt;
    if (items.empty()) {
        c.yr.error(code::empty_list, say("gap_days is [min] or [min, max] days"), v);
        return std::nullopt;
    }
    const ypath q0 = v.path->at(0);
    const auto lo = c.yr.small_int(yval{items[0], q0}, "the minimum gap in days", 0, 3660);
    std::optional<int> hi;
    if (items.size() == 2) {
        const ypath q1 = v.path->at(1);
        hi = c.yr.small_int(yval{items[1], q1}, "the maximum gap in days", 0, 3660);
        if (!hi) return std::nullopt;
    }
    if (!lo) return std::nullopt;
    if (hi && *hi < *lo) {
        c.yr.error(code::range_order, say("the gap's maximum ({} days) is below its minimum ({} days)", *hi, *lo), v);
        return std::nullopt;
    }
    return std::pair{*lo, hi};
}

void read_modules(load_context& c, const yval& v, model::program& pr) {
    const auto items = c.yr.list(v, "modules", max_modules);
    if (!items) return;
    if (items->empty()) {
        c.yr.error(code::empty_list, say("a programme needs at least one module"), v);
        return;
    }
    std::vector<module_draft> drafts;
    string_map<std::uint32_t> ids;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath pi = v.path->at(i);
        static constexpr std::array<std::string_view, 5> keys{"id", "title", "jp", "after", "gap_days"};
        const auto m = c.yr.map(yval{(*items)[i], pi}, "a module", keys);
        if (!m) continue;
        const yentry* idf = c.yr.need(*m, pi, "id", "a module");
        if (!idf) continue;
        const ypath qid = pi.key("id");
        const auto id = c.yr.id(yval{*idf, qid}, "module id");
        if (!id) continue;
        if (const auto it = ids.find(*id); it != ids.end()) {
            c.yr.error(code::id_duplicate,
                       say("the module id {} is already used in this programme (line {})", in_quotes(*id),
                           pr.modules[it->second].mark.line),
                       yval{*idf, qid});
            continue;
        }
        model::module mod;
        module_draft draft;
        mod.id = *id;
        mod.title = *id;
        mod.mark = c.yr.where(yval{*idf, qid}).mark();
        if (const yentry* f = m->find("title")) {
            const ypath q = pi.key("title");
            if (auto t = c.yr.text(yval{*f, q}, "title")) mod.title = std::move(*t);
        }
        if (const yentry* f = c.yr.need(*m, pi, "jp", "a module")) {
            const ypath q = pi.key("jp");
            if (const auto n = c.yr.small_int(yval{*f, q}, "a module's jp", 1, 1000)) mod.jp = *n;
        }
        const yentry* after = m->find("after");
        if (after) {
            const ypath q = pi.key("after");
            if (auto t = c.yr.text(yval{*after, q}, "after")) {
                draft.after = std::move(*t);
                draft.after_at = c.yr.where(yval{*after, q});
                draft.after_path = q.str();
            }
        }
        if (const yentry* f = m->find("gap_days")) {
            const ypath q = pi.key("gap_days");
            if (!after) {
                c.yr.error_at(code::key_missing, say("gap_days counts from a prerequisite: give 'after' too"),
                              f->key_node, q);
            } else if (const auto g = read_gap(c, yval{*f, q})) {
                mod.gap_min_days = g->first;
                mod.gap_max_days = g->second;
            }
        }
        ids.emplace(mod.id, static_cast<std::uint32_t>(pr.modules.size()));
        pr.modules.push_back(std::move(mod));
        drafts.push_back(std::move(draft));
    }

    // Prerequisites: an earlier module; a later one is an ordering error, and a
    // chain that returns to its start is a cycle (reported once, at its first module).
    const std::size_t n = pr.modules.size();
    std::vector<std::optional<std::uint32_t>> target(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (drafts[i].after.empty()) continue;
        const auto it = ids.find(drafts[i].after);
        if (it == ids.end()) {
            std::vector<std::string> names;
            for (const auto& mo : pr.modules) names.push_back(mo.id);
            const std::string hint = closest_match(drafts[i].after, names);
            c.rep.error(code::ref_module,
                        say("unknown module {} in this programme{}", in_quotes(drafts[i].after),
                            hint.empty() ? std::string{} : say(" (did you mean '{}'?)", hint)),
                        drafts[i].after_at, drafts[i].after_path);
            continue;
        }
        target[i] = it->second;
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!target[i]) continue;
        if (*target[i] < i) {
            pr.modules[i].after = *target[i];
            continue;
        }
        std::vector<std::uint32_t> chain{static_cast<std::uint32_t>(i)};
        std::optional<std::uint32_t> j = target[i];
        bool cycle = false;
        for (std::size_t steps = 0; j && steps <= n; ++steps) {
            if (*j == i) {
                cycle = true;
                break;
            }
            chain.push_back(*j);
            j = target[*j];
        }
        if (cycle) {
            if (*std::min_element(chain.begin(), chain.end()) != i) continue;
            std::string names;
            for (const auto k : chain) names += pr.modules[k].id + " -> ";
            names += pr.modules[i].id;
            c.rep.error(code::module_cycle,
                        chain.size() == 1
                            ? say("module {} names itself as its prerequisite", in_quotes(pr.modules[i].id))
                            : say("the prerequisites form a cycle ({})", names),
                        drafts[i].after_at, drafts[i].after_path);
        } else {
            c.rep.error(code::module_order,
                        say("module {} comes after {} in the list; list a module's prerequisite before it",
                            in_quotes(pr.modules[*target[i]].id), in_quotes(pr.modules[i].id)),
                        drafts[i].after_at, drafts[i].after_path);
        }
    }
}

std::optional<model::explicit_window> read_explicit_window(load_context& c, const yval& v) {
    static constexpr std::array<std::string_view, 2> keys{"days", "hours"};
    const auto m = c.yr.map(v, "a window", keys);
    if (!m) return std::nullopt;
    model::explicit_window w;
    bool ok = true;
    if (const yentry* f = m->find("days")) {
        const ypath q = v.path->key("days");
        if (const auto mask = read_weekdays(c, yval{*f, q}))
            w.weekdays = *mask;
        else
            ok = false;
    }
    if (const yentry* f = c.yr.need(*m, *v.path, "hours", "a window")) {
        const ypath q = v.path->key("hours");
        if (const auto items = c.yr.scalar_or_list(yval{*f, q}, "hours", 24)) {
            if (items->empty()) {
                c.yr.error(code::empty_list, say("a window needs at least one range of hours"), yval{*f, q});
                ok = false;
            }
            for (std::size_t i = 0; i < items->size(); ++i) {
                const ypath qi = q.at(i);
                if (const auto r = c.yr.clock_range(yval{(*items)[i], qi}, "window hours"))
                    w.hours.push_back(*r);
                else
                    ok = false;
            }
        } else {
            ok = false;
        }
    } else {
        ok = false;
    }
    if (!ok) return std::nullopt;
    return w;
}

void read_windows(load_context& c, const yval& v, model::mode_offer& mo) {
    const auto items = c.yr.list(v, "windows", 50);
    if (!items) return;
    if (items->empty()) {
        c.yr.error(code::empty_list, say("a mode needs at least one window"), v);
        return;
    }
    static constexpr std::array<std::string_view, 3> kinds{"working_hours", "after_hours", "weekend"};
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath qi = v.path->at(i);
        const yval iv{(*items)[i], qi};
        if ((*items)[i].IsMap()) {
            if (auto w = read_explicit_window(c, iv)) {
                mo.windows.push_back(model::window_kind::explicit_hours);
                mo.explicit_windows.push_back(std::move(*w));
            }
            continue;
        }
        const auto k = c.yr.choice(iv, "window", kinds);
        if (!k) continue;
        const auto kind = *model::parse_window_kind(kinds[*k]);
        if (std::find(mo.windows.begin(), mo.windows.end(), kind) != mo.windows.end()) {
            c.yr.warning(code::duplicate, say("the window {} is listed twice", kinds[*k]), iv);
            continue;
        }
        mo.windows.push_back(kind);
    }
}

void read_fixed(load_context& c, const yval& v, const model::program& pr, model::mode_offer& mo) {
    const auto items = c.yr.list(v, "fixed", 1000);
    if (!items) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath qi = v.path->at(i);
        static constexpr std::array<std::string_view, 5> keys{"module", "date", "time", "capacity", "recording"};
        const auto m = c.yr.map(yval{(*items)[i], qi}, "a fixed session", keys);
        if (!m) continue;
        model::fixed_session fs;
        fs.capacity = pr.cohort_max;
        std::optional<std::uint32_t> module;
        std::optional<calendar::local_date> day;
        std::optional<calendar::clock_range> time;
        const yentry* mf = c.yr.need(*m, qi, "module", "a fixed session");
        const ypath qm = qi.key("module");
        if (mf) {
            if (const auto t = c.yr.text(yval{*mf, qm}, "module")) {
                for (std::uint32_t k = 0; k < pr.modules.size(); ++k)
                    if (pr.modules[k].id == *t) module = k;
                if (!module) {
                    std::vector<std::string> names;
                    for (const auto& mod : pr.modules) names.push_back(mod.id);
                    const std::string hint = closest_match(*t, names);
                    c.yr.error(code::ref_module,
                               say("unknown module {} in this programme{}", in_quotes(*t),
                                   hint.empty() ? std::string{} : say(" (did you mean '{}'?)", hint)),
                               yval{*mf, qm});
                }
            }
        }
        if (const yentry* f = c.yr.need(*m, qi, "date", "a fixed session")) {
            const ypath q = qi.key("date");
            day = c.yr.date(yval{*f, q}, "date");
            if (day && !in_horizon(c, *day))
                c.yr.warning(code::outside_horizon,
                             say("the fixed session on {} lies outside the horizon and cannot be used",
                                 calendar::format_date(*day)),
                             yval{*f, q});
        }
        const yentry* tf = c.yr.need(*m, qi, "time", "a fixed session");
        const ypath qt = qi.key("time");
        if (tf) time = c.yr.clock_range(yval{*tf, qt}, "time");
        if (const yentry* f = m->find("capacity")) {
            const ypath q = qi.key("capacity");
            if (const auto n = c.yr.small_int(yval{*f, q}, "capacity", 1, 1'000'000)) fs.capacity = *n;
        }
        if (const yentry* f = m->find("recording")) {
            const ypath q = qi.key("recording");
            static constexpr std::array<std::string_view, 2> rkeys{"days", "post_test_minutes"};
            if (const auto rm = c.yr.map(yval{*f, q}, "a recording", rkeys)) {
                model::recording rec;
                if (const yentry* x = c.yr.need(*rm, q, "days", "a recording")) {
                    if (const auto n = c.yr.small_int(yval{*x, q.key("days")}, "days", 1, 366)) rec.days = *n;
                }
                if (const yentry* x = rm->find("post_test_minutes")) {
                    if (const auto n = c.yr.small_int(yval{*x, q.key("post_test_minutes")}, "post_test_minutes", 0, 1440))
                        rec.post_test_minutes = *n;
                }
                // A recording places a person in the whole programme, so it is only
                // well defined for a programme of one module (a webinar).
                if (pr.modules.size() != 1)
                    c.yr.error(code::recording,
                               say("a recording needs a programme of one module; {} has {}", in_quotes(pr.id),
                                   pr.modules.size()),
                               yval{*f, q});
                else
                    fs.recording = rec;
            }
        }
        if (!module || !day || !time) continue;
        const int needed = pr.modules[*module].jp * c.s.jp_minutes;
        if (time->length().count() < needed) {
            c.yr.error(code::fixed_session,
                       say("the fixed session lasts {} minutes but module {} needs {} ({} JP of {} minutes)",
                           time->length().count(), in_quotes(pr.modules[*module].id), needed, pr.modules[*module].jp,
                           c.s.jp_minutes),
                       yval{*tf, qt});
            continue;
        }
        fs.module = *module;
        fs.start = calendar::local_minute{*day} + time->start;
        fs.end = calendar::local_minute{*day} + time->end;
        mo.fixed.push_back(fs);
    }
}

void read_mode(load_context& c, const yval& v, model::program& pr) {
    static constexpr std::array<std::string_view, 7> keys{"mode",          "windows",         "venues", "platform",
                                                          "max_jp_per_day", "cost_per_cohort", "fixed"};
    const auto m = c.yr.map(v, "a delivery mode", keys);
    if (!m) return;
    const ypath& p = *v.path;
    model::mode_offer mo;
    mo.mark = c.yr.where(v).mark();
    const yentry* mf = c.yr.need(*m, p, "mode", "a delivery mode");
    if (!mf) return;
    static constexpr std::array<std::string_view, 3> modes{"classroom", "online_live", "self_paced"};
    const ypath qm = p.key("mode");
    const auto k = c.yr.choice(yval{*mf, qm}, "delivery mode", modes);
    if (!k) return;
    mo.mode = *model::parse_delivery_mode(modes[*k]);

    if (const yentry* f = m->find("windows")) {
        const ypath q = p.key("windows");
        read_windows(c, yval{*f, q}, mo);
    } else if (mo.mode == model::delivery_mode::self_paced) {
        mo.windows = {model::window_kind::working_hours, model::window_kind::after_hours, model::window_kind::weekend};
    } else {
        mo.windows = {model::window_kind::working_hours};
    }

    const yentry* vf = m->find("venues");
    if (vf && mo.mode != model::delivery_mode::classroom) {
        c.yr.warning_at(code::ignored, say("venues are ignored: only a classroom mode uses venues"), vf->key_node,
                        p.key("venues"));
    } else if (vf) {
        const ypath q = p.key("venues");
        if (const auto items = c.yr.scalar_or_list(yval{*vf, q}, "venues", 1000)) {
            for (std::size_t i = 0; i < items->size(); ++i) {
                const ypath qi = q.at(i);
                const yval iv{(*items)[i], qi};
                const auto t = c.yr.text(iv, "venue");
                if (!t) continue;
                const auto vi = c.venues.resolve(*t, c.yr.where(iv), qi, c.rep);
                if (!vi) continue;
                const model::venue_index idx{*vi};
                if (std::find(mo.venues.begin(), mo.venues.end(), idx) != mo.venues.end()) {
                    c.yr.warning(code::duplicate, say("the venue {} is listed twice", in_quotes(*t)), iv);
                    continue;
                }
                mo.venues.push_back(idx);
                if (c.s.venues[*vi].capacity > 0 && c.s.venues[*vi].capacity < pr.cohort_min)
                    c.yr.warning(code::cohort_capacity,
                                 say("venue {} seats {}, fewer than the smallest cohort ({})", in_quotes(*t),
                                     c.s.venues[*vi].capacity, pr.cohort_min),
                                 iv);
            }
        }
    } else if (mo.mode == model::delivery_mode::classroom) {
        // No list: any venue of the scenario.
        for (std::uint32_t i = 0; i < c.s.venues.size(); ++i) {
            mo.venues.push_back(model::venue_index{i});
            c.venues.use(i);
        }
    }

    const yentry* pf = m->find("platform");
    if (pf && mo.mode != model::delivery_mode::online_live) {
        c.yr.warning_at(code::ignored, say("platform is ignored: only an online_live mode uses a platform"),
                        pf->key_node, p.key("platform"));
    } else if (pf) {
        const ypath q = p.key("platform");
        if (const auto t = c.yr.text(yval{*pf, q}, "platform"))
            if (const auto pi = c.platforms.resolve(*t, c.yr.where(yval{*pf, q}), q, c.rep)) {
                mo.platform = model::platform_index{*pi};
                if (c.s.platforms[*pi].capacity > 0 && c.s.platforms[*pi].capacity < pr.cohort_min)
                    c.yr.warning(code::cohort_capacity,
                                 say("platform {} takes {} participants, fewer than the smallest cohort ({})",
                                     in_quotes(*t), c.s.platforms[*pi].capacity, pr.cohort_min),
                                 yval{*pf, q});
            }
    } else if (mo.mode == model::delivery_mode::online_live) {
        if (c.s.platforms.size() == 1) {
            mo.platform = model::platform_index{0};
            c.platforms.use(0);
        } else if (c.s.platforms.size() > 1) {
            c.yr.error_at(code::key_missing, say("an online_live mode needs 'platform' (the scenario has several)"),
                          m->node, p);
        }
    }

    if (const yentry* f = m->find("max_jp_per_day")) {
        const ypath q = p.key("max_jp_per_day");
        if (const auto n = c.yr.small_int(yval{*f, q}, "max_jp_per_day", 1, std::max(1, 1440 / c.s.jp_minutes)))
            mo.max_jp_per_day = *n;
    }
    if (const yentry* f = m->find("cost_per_cohort")) {
        const ypath q = p.key("cost_per_cohort");
        if (const auto x = c.yr.real(yval{*f, q}, "cost_per_cohort", 0, 1e15)) mo.cost_per_cohort = *x;
    }
    if (const yentry* f = m->find("fixed")) {
        const ypath q = p.key("fixed");
        if (mo.mode == model::delivery_mode::self_paced)
            c.yr.error_at(code::key_conflict, say("a self_paced mode has no sessions to fix; fixed needs a live mode"),
                          f->key_node, q);
        else
            read_fixed(c, yval{*f, q}, pr, mo);
    }
    pr.modes.push_back(std::move(mo));
}

}  // namespace

void read_programs(load_context& c, const yentry* e, const ypath& root) {
    if (e == nullptr) return;
    const ypath p = root.key("programs");
    const auto items = c.yr.list(yval{*e, p}, "programs", 10000);
    if (!items) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath pi = p.at(i);
        const yval v{(*items)[i], pi};
        static constexpr std::array<std::string_view, 9> keys{
            "id", "title", "organizer", "jp", "modules", "modes", "cohort", "instructors", "instructors_per_session"};
        const auto m = c.yr.map(v, "a programme", keys);
        if (!m) continue;
        const yentry* idf = c.yr.need(*m, pi, "id", "a programme");
        if (!idf) continue;
        const ypath qid = pi.key("id");
        const auto id = c.yr.id(yval{*idf, qid}, "programme id");
        if (!id) continue;
        if (!c.programs.add(*id, c.yr.where(yval{*idf, qid}), qid.str(), c.rep)) continue;
        model::program pr;
        std::vector<bool> broken;
        pr.id = *id;
        pr.title = *id;
        pr.mark = c.yr.where(v).mark();
        if (const yentry* f = m->find("title")) {
            const ypath q = pi.key("title");
            if (auto t = c.yr.text(yval{*f, q}, "title")) pr.title = std::move(*t);
        }
        if (const yentry* f = m->find("organizer")) {
            const ypath q = pi.key("organizer");
            if (auto t = c.yr.text(yval{*f, q}, "organizer")) pr.organizer = std::move(*t);
        }
        const std::size_t errors_before_modules = c.rep.error_count();
        if (const yentry* f = c.yr.need(*m, pi, "modules", "a programme")) {
            const ypath q = pi.key("modules");
            read_modules(c, yval{*f, q}, pr);
        }
        const bool modules_ok = c.rep.error_count() == errors_before_modules;
        std::int64_t sum = 0;
        for (const auto& mod : pr.modules) sum += mod.jp;
        pr.jp = static_cast<int>(std::min<std::int64_t>(sum, 1'000'000));
        if (const yentry* f = m->find("jp")) {
            const ypath q = pi.key("jp");
            if (const auto n = c.yr.small_int(yval{*f, q}, "a programme's jp", 1, 100000))
                if (*n != sum && modules_ok)
                    c.yr.error(code::jp_mismatch, say("the programme's jp is {} but its modules add up to {}", *n, sum),
                               yval{*f, q});
        }
        if (const yentry* f = m->find("cohort")) {
            const ypath q = pi.key("cohort");
            static constexpr std::array<std::string_view, 2> ckeys{"min", "max"};
            if (const auto cm = c.yr.map(yval{*f, q}, "cohort", ckeys)) {
                std::optional<int> lo, hi;
                if (const yentry* x = cm->find("min")) {
                    const ypath qx = q.key("min");
                    lo = c.yr.small_int(yval{*x, qx}, "cohort min", 1, 100000);
                }
                if (const yentry* x = cm->find("max")) {
                    const ypath qx = q.key("max");
                    hi = c.yr.small_int(yval{*x, qx}, "cohort max", 1, 100000);
                }
                const int a = lo.value_or(pr.cohort_min);
                const int b = hi.value_or(std::max(pr.cohort_max, a));
                if (a > b)
                    c.yr.error(code::cohort_limits, say("the cohort's minimum ({}) is above its maximum ({})", a, b),
                               yval{*f, q});
                else {
                    pr.cohort_min = a;
                    pr.cohort_max = b;
                }
            }
        }
        if (const yentry* f = m->find("instructors")) {
            const ypath q = pi.key("instructors");
            if (const auto list = c.yr.scalar_or_list(yval{*f, q}, "instructors", 1000)) {
                for (std::size_t k = 0; k < list->size(); ++k) {
                    const ypath qk = q.at(k);
                    const yval kv{(*list)[k], qk};
                    const auto t = c.yr.text(kv, "instructor");
                    if (!t) continue;
                    const auto ii = c.instructors.resolve(*t, c.yr.where(kv), qk, c.rep);
                    if (!ii) continue;
                    const model::instructor_index idx{*ii};
                    if (std::find(pr.instructors.begin(), pr.instructors.end(), idx) != pr.instructors.end()) {
                        c.yr.warning(code::duplicate, say("the instructor {} is listed twice", in_quotes(*t)), kv);
                        continue;
                    }
                    pr.instructors.push_back(idx);
                }
            }
        }
        pr.instructors_per_session = pr.instructors.empty() ? 0 : 1;
        if (const yentry* f = m->find("instructors_per_session")) {
            const ypath q = pi.key("instructors_per_session");
            if (const auto n = c.yr.small_int(yval{*f, q}, "instructors_per_session", 0, 100)) {
                if (static_cast<std::size_t>(*n) > pr.instructors.size() && !m->find("instructors"))
                    c.yr.error(code::number,
                               say("instructors_per_session is {} but the programme names no instructors", *n),
                               yval{*f, q});
                else if (static_cast<std::size_t>(*n) > pr.instructors.size())
                    c.yr.error(
                        code::number,
                        say("instructors_per_session is {} but the programme names only {}", *n, pr.instructors.size()),
                        yval{*f, q});
                else
                    pr.instructors_per_session = *n;
            }
        }
        if (const yentry* f = c.yr.need(*m, pi, "modes", "a programme")) {
            const ypath q = pi.key("modes");
            if (const auto list = c.yr.list(yval{*f, q}, "modes", 20)) {
                if (list->empty())
                    c.yr.error(code::empty_list, say("a programme needs at least one mode"), yval{*f, q});
                for (std::size_t k = 0; k < list->size(); ++k) {
                    const ypath qk = q.at(k);
                    const std::size_t errors = c.rep.error_count();
                    const std::size_t modes = pr.modes.size();
                    read_mode(c, yval{(*list)[k], qk}, pr);
                    if (pr.modes.size() > modes) broken.push_back(c.rep.error_count() != errors);
                }
            }
        }
        c.program_paths.push_back(pi.str());
        c.mode_broken.push_back(std::move(broken));
        c.s.programs.push_back(std::move(pr));
    }
}

}  // namespace jadwal::load::detail
