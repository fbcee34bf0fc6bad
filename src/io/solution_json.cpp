#include <jadwal/io/solution_json.hpp>

#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/io/metrics_json.hpp>
#include <jadwal/load/input_file.hpp>

#include <date/tz.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <system_error>

namespace jadwal::io {
namespace {

using json = nlohmann::ordered_json;

std::string_view status_name(model::solve_status s) { return model::to_string(s); }

// Reads a solution document, collecting every problem with its JSON path.
class reader {
public:
    reader(const model::scenario& s, std::string_view file) : s_(s), file_(file) {}

    void error(const std::string& path, const std::string& code, const std::string& message) {
        diags_.add({load::severity::error, code, message, file_, 0, 0, path});
    }

    template <class T>
    std::optional<T> get(const json& parent, const char* key, const std::string& path, bool required = true) {
        const auto it = parent.find(key);
        if (it == parent.end() || it->is_null()) {
            if (required) error(path + "." + key, "E-SOL-MISSING", fmt::format("missing field '{}'", key));
            return std::nullopt;
        }
        try {
            return it->get<T>();
        } catch (const json::exception&) {
            error(path + "." + key, "E-SOL-TYPE", fmt::format("field '{}' has the wrong type", key));
            return std::nullopt;
        }
    }

    std::optional<calendar::local_date> day(const json& parent, const char* key, const std::string& path) {
        const auto text = get<std::string>(parent, key, path);
        if (!text) return std::nullopt;
        const auto d = calendar::parse_date(*text);
        if (!d) error(path + "." + key, "E-SOL-TIME", fmt::format("'{}' is not a date (YYYY-MM-DD)", *text));
        return d;
    }

    std::optional<calendar::instant> time(const json& parent, const char* key, const std::string& path) {
        const auto text = get<std::string>(parent, key, path);
        if (!text) return std::nullopt;
        const auto t = calendar::parse_instant(*text);
        if (!t) error(path + "." + key, "E-SOL-TIME", fmt::format("'{}' is not an ISO 8601 time with an offset", *text));
        return t;
    }

    template <class Index, class Items>
    std::optional<Index> ref(const Items& items, const std::string& id, const std::string& path, const char* what) {
        for (std::uint32_t i = 0; i < items.size(); ++i)
            if (items[i].id == id) return Index{i};
        error(path, "E-SOL-REF", fmt::format("unknown {} '{}'", what, id));
        return std::nullopt;
    }

    std::optional<model::employee_index> employee(const std::string& id, const std::string& path) {
        const auto e = s_.find_employee(id);
        if (!e) error(path, "E-SOL-REF", fmt::format("unknown employee '{}'", id));
        return e;
    }

    std::optional<model::program_index> program(const std::string& id, const std::string& path) {
        const auto p = s_.find_program(id);
        if (!p) error(path, "E-SOL-REF", fmt::format("unknown programme '{}'", id));
        return p;
    }

    std::optional<std::uint32_t> module(model::program_index p, const std::string& id, const std::string& path) {
        const auto& mods = s_.programs[p.value].modules;
        for (std::uint32_t i = 0; i < mods.size(); ++i)
            if (mods[i].id == id) return i;
        error(path, "E-SOL-REF", fmt::format("programme '{}' has no module '{}'", s_.programs[p.value].id, id));
        return std::nullopt;
    }

    solution_read_result read(std::string_view text) {
        solution_read_result out;
        json doc;
        try {
            doc = json::parse(text.begin(), text.end());
        } catch (const json::parse_error& e) {
            diags_.add({load::severity::error, "E-SOL-SYNTAX", e.what(), file_, 0, 0,
                        fmt::format("byte {}", e.byte)});
            out.diags = std::move(diags_);
            return out;
        }
        if (!doc.is_object()) {
            error("", "E-SOL-TYPE", "a solution is a JSON object");
            out.diags = std::move(diags_);
            return out;
        }
        model::solution sol;
        if (const auto v = get<int>(doc, "jadwal", "$"); v && *v != 1)
            error("$.jadwal", "E-SOL-VERSION", fmt::format("unsupported solution format version {}", *v));
        if (const auto st = get<std::string>(doc, "status", "$")) {
            bool known = false;
            for (auto k : {model::solve_status::optimal, model::solve_status::feasible, model::solve_status::infeasible,
                           model::solve_status::time_limit_no_solution})
                if (status_name(k) == *st) sol.status = k, known = true;
            if (!known) error("$.status", "E-SOL-VALUE", fmt::format("unknown status '{}'", *st));
        }
        sol.seed = get<std::uint64_t>(doc, "seed", "$", false).value_or(0);
        sol.policy = get<std::string>(doc, "policy", "$", false).value_or("");
        sol.strategy = get<std::string>(doc, "strategy", "$", false).value_or("optimized");
        sol.threads = get<int>(doc, "threads", "$", false).value_or(1);
        if (const auto st = get<std::string>(doc, "stability", "$", false)) {
            if (const auto mode = model::parse_stability_mode(*st)) sol.stability = *mode;
            else error("$.stability", "E-SOL-VALUE", fmt::format("unknown stability '{}'", *st));
        }
        read_cohorts(doc, sol);
        read_study_blocks(doc, sol);
        read_unplaced(doc, sol);
        read_days_in_lieu(doc, sol);
        read_makeups(doc, sol);
        if (const auto it = doc.find("bounds"); it != doc.end() && it->is_object()) {
            const std::string path = "$.bounds";
            model::solution_bounds b;
            b.demand_placed = get<std::int64_t>(*it, "demand_placed", path).value_or(0);
            b.jp_target_met = get<std::int64_t>(*it, "jp_target_met", path).value_or(0);
            b.unplaceable = get<std::int64_t>(*it, "unplaceable", path).value_or(0);
            sol.bounds = b;
        }
        if (const auto it = doc.find("neighbourhoods"); it != doc.end() && it->is_object()) {
            const std::string path = "$.neighbourhoods";
            model::neighbourhood_counts n;
            n.asked = get<int>(*it, "asked", path).value_or(0);
            n.solved = get<int>(*it, "solved", path).value_or(0);
            n.proven = get<int>(*it, "proven", path).value_or(0);
            n.improved = get<int>(*it, "improved", path).value_or(0);
            n.too_large = get<int>(*it, "too_large", path).value_or(0);
            n.empty = get<int>(*it, "empty", path).value_or(0);
            n.not_run = get<int>(*it, "not_run", path).value_or(0);
            sol.neighbourhoods = n;
        }
        sol.notes = get<std::vector<std::string>>(doc, "notes", "$", false).value_or(std::vector<std::string>{});
        // How the plan was found, so that writing it again keeps it.
        sol.moves = get<std::int64_t>(doc, "moves", "$", false).value_or(0);
        sol.elapsed_seconds = get<double>(doc, "elapsed_seconds", "$", false).value_or(0.0);
        if (!diags_.has_errors()) out.solution = std::move(sol);
        out.diags = std::move(diags_);
        return out;
    }

private:
    const json* array(const json& doc, const char* key) {
        const auto it = doc.find(key);
        if (it == doc.end()) return nullptr;
        if (!it->is_array()) {
            error(std::string{"$."} + key, "E-SOL-TYPE", fmt::format("'{}' must be a list", key));
            return nullptr;
        }
        return &*it;
    }

    void read_cohorts(const json& doc, model::solution& sol) {
        const json* items = array(doc, "cohorts");
        if (!items) return;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const json& c = (*items)[i];
            const std::string path = fmt::format("$.cohorts[{}]", i);
            if (!c.is_object()) {
                error(path, "E-SOL-TYPE", "a cohort is an object");
                continue;
            }
            model::cohort out;
            out.id = get<std::string>(c, "id", path).value_or("");
            const auto prog_id = get<std::string>(c, "program", path);
            const auto prog = prog_id ? program(*prog_id, path + ".program") : std::nullopt;
            if (prog) out.program = *prog;
            if (const auto mode = get<std::string>(c, "mode", path)) {
                if (const auto m = model::parse_delivery_mode(*mode)) out.mode = *m;
                else error(path + ".mode", "E-SOL-VALUE", fmt::format("unknown mode '{}'", *mode));
            }
            if (const auto v = get<std::string>(c, "venue", path, false))
                if (const auto idx = ref<model::venue_index>(s_.venues, *v, path + ".venue", "venue")) out.venue = *idx;
            if (const auto p = get<std::string>(c, "platform", path, false))
                if (const auto idx = ref<model::platform_index>(s_.platforms, *p, path + ".platform", "platform"))
                    out.platform = *idx;
            if (const auto ins = get<std::vector<std::string>>(c, "instructors", path, false))
                for (std::size_t k = 0; k < ins->size(); ++k)
                    if (const auto idx = ref<model::instructor_index>(s_.instructors, (*ins)[k],
                                                                      fmt::format("{}.instructors[{}]", path, k),
                                                                      "instructor"))
                        out.instructors.push_back(*idx);
            if (const auto ps = get<std::vector<std::string>>(c, "participants", path))
                for (std::size_t k = 0; k < ps->size(); ++k)
                    if (const auto e = employee((*ps)[k], fmt::format("{}.participants[{}]", path, k)))
                        out.participants.push_back(*e);
            const json* sessions = c.contains("sessions") && c["sessions"].is_array() ? &c["sessions"] : nullptr;
            if (!sessions) error(path + ".sessions", "E-SOL-MISSING", "missing list 'sessions'");
            for (std::size_t k = 0; sessions && k < sessions->size(); ++k) {
                const json& sj = (*sessions)[k];
                const std::string sp = fmt::format("{}.sessions[{}]", path, k);
                if (!sj.is_object()) {
                    error(sp, "E-SOL-TYPE", "a session is an object");
                    continue;
                }
                model::session ses;
                const auto mod = get<std::string>(sj, "module", sp);
                if (mod && prog)
                    if (const auto m = module(*prog, *mod, sp + ".module")) ses.module = *m;
                ses.part = get<std::uint32_t>(sj, "part", sp, false).value_or(1U);
                if (ses.part == 0) error(sp + ".part", "E-SOL-VALUE", "parts count from 1");
                else ses.part -= 1;
                const auto start = time(sj, "start", sp);
                const auto end = time(sj, "end", sp);
                if (start) ses.start = *start;
                if (end) ses.end = *end;
                ses.pinned = get<bool>(sj, "pinned", sp, false).value_or(false);
                ses.revision = get<std::uint32_t>(sj, "revision", sp, false).value_or(0U);
                out.sessions.push_back(ses);
            }
            sol.cohorts.push_back(std::move(out));
        }
    }

    void read_study_blocks(const json& doc, model::solution& sol) {
        const json* items = array(doc, "study_blocks");
        if (!items) return;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const json& b = (*items)[i];
            const std::string path = fmt::format("$.study_blocks[{}]", i);
            if (!b.is_object()) {
                error(path, "E-SOL-TYPE", "a study block is an object");
                continue;
            }
            model::study_block out;
            const auto e = get<std::string>(b, "employee", path);
            const auto p = get<std::string>(b, "program", path);
            const auto m = get<std::string>(b, "module", path);
            const auto emp = e ? employee(*e, path + ".employee") : std::nullopt;
            const auto prog = p ? program(*p, path + ".program") : std::nullopt;
            if (emp) out.employee = *emp;
            if (prog) {
                out.program = *prog;
                if (m)
                    if (const auto mi = module(*prog, *m, path + ".module")) out.module = *mi;
            }
            if (const auto t = time(b, "start", path)) out.start = *t;
            if (const auto t = time(b, "end", path)) out.end = *t;
            out.revision = get<std::uint32_t>(b, "revision", path, false).value_or(0U);
            out.recording = get<bool>(b, "recording", path, false).value_or(false);
            out.top_up = get<bool>(b, "top_up", path, false).value_or(false);
            sol.study_blocks.push_back(out);
        }
    }

    void read_days_in_lieu(const json& doc, model::solution& sol) {
        const json* items = array(doc, "days_in_lieu");
        if (!items) return;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const json& l = (*items)[i];
            const std::string path = fmt::format("$.days_in_lieu[{}]", i);
            if (!l.is_object()) {
                error(path, "E-SOL-TYPE", "a day in lieu is an object");
                continue;
            }
            model::day_in_lieu out;
            if (const auto e = get<std::string>(l, "employee", path))
                if (const auto idx = employee(*e, path + ".employee")) out.employee = *idx;
            if (const auto d = day(l, "earned", path)) out.earned = *d;
            if (const auto d = day(l, "date", path)) out.date = *d;
            out.shift = get<std::string>(l, "shift", path).value_or("");
            sol.days_in_lieu.push_back(std::move(out));
        }
    }

    void read_makeups(const json& doc, model::solution& sol) {
        const json* items = array(doc, "makeups");
        if (!items) return;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const json& x = (*items)[i];
            const std::string path = fmt::format("$.makeups[{}]", i);
            if (!x.is_object()) {
                error(path, "E-SOL-TYPE", "a make-up is an object");
                continue;
            }
            model::makeup out;
            const auto e = get<std::string>(x, "employee", path);
            const auto p = get<std::string>(x, "program", path);
            const auto m = get<std::string>(x, "module", path);
            if (const auto emp = e ? employee(*e, path + ".employee") : std::nullopt) out.employee = *emp;
            if (const auto prog = p ? program(*p, path + ".program") : std::nullopt) {
                out.program = *prog;
                if (m)
                    if (const auto mi = module(*prog, *m, path + ".module")) out.module = *mi;
            }
            if (const auto t = time(x, "missed", path)) out.missed = *t;
            out.cohort = get<std::string>(x, "cohort", path, false).value_or("");
            out.sessions_missed = get<std::int32_t>(x, "sessions_missed", path, false).value_or(0);
            sol.makeups.push_back(std::move(out));
        }
    }

    void read_unplaced(const json& doc, model::solution& sol) {
        const json* items = array(doc, "unplaced");
        if (!items) return;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const json& u = (*items)[i];
            const std::string path = fmt::format("$.unplaced[{}]", i);
            if (!u.is_object()) {
                error(path, "E-SOL-TYPE", "an unplaced entry is an object");
                continue;
            }
            model::unplaced_demand out;
            if (const auto e = get<std::string>(u, "employee", path))
                if (const auto idx = employee(*e, path + ".employee")) out.employee = *idx;
            if (const auto p = get<std::string>(u, "program", path))
                if (const auto idx = program(*p, path + ".program")) out.program = *idx;
            if (const auto it = u.find("reasons"); it != u.end() && it->is_array())
                for (const auto& r : *it)
                    if (r.is_object())
                        out.reasons.push_back({r.value("code", ""), r.value("message", "")});
            if (const auto it = u.find("alternatives"); it != u.end() && it->is_array())
                for (const auto& a : *it)
                    if (a.is_object()) out.alternatives.push_back({a.value("description", ""), a.value("cost", 0.0)});
            sol.unplaced.push_back(std::move(out));
        }
    }

    const model::scenario& s_;
    std::string file_;
    load::diagnostics diags_;
};

}  // namespace

std::string solution_to_json(const model::scenario& s, const model::solution& sol) {
    const auto& zone = *s.zone;
    json doc;
    doc["jadwal"] = sol.format_version;
    doc["status"] = status_name(sol.status);
    doc["seed"] = sol.seed;
    doc["policy"] = sol.policy;
    doc["strategy"] = sol.strategy;
    doc["threads"] = sol.threads;
    if (sol.stability) doc["stability"] = model::to_string(*sol.stability);
    doc["scenario"] = s.name;
    doc["metrics"] = metrics_json<json>(sol.metrics);
    json breakdown = json::object();
    for (const auto& [k, v] : sol.objective.breakdown) breakdown[k] = v;
    json per_unit = json::object();
    for (const auto& [unit, terms] : sol.objective.per_unit) {
        json t = json::object();
        for (const auto& [k, v] : terms) t[k] = v;
        per_unit[unit] = std::move(t);
    }
    doc["objective"] = json{{"participation", sol.objective.participation},
                            {"burden", sol.objective.burden},
                            {"cost", sol.objective.cost},
                            {"breakdown", std::move(breakdown)},
                            {"per_unit", std::move(per_unit)}};
    if (sol.stability == model::stability_mode::strict) {
        doc["objective"]["published"] = sol.objective.published;
        doc["objective"]["stability"] = sol.objective.stability;
    }
    json cohorts = json::array();
    for (const auto& c : sol.cohorts) {
        const auto& prog = s.programs[c.program.value];
        json j;
        j["id"] = c.id;
        j["program"] = prog.id;
        j["mode"] = model::to_string(c.mode);
        j["venue"] = c.venue.valid() ? json(s.venues[c.venue.value].id) : json(nullptr);
        j["platform"] = c.platform.valid() ? json(s.platforms[c.platform.value].id) : json(nullptr);
        json ins = json::array();
        for (const auto i : c.instructors) ins.push_back(s.instructors[i.value].id);
        j["instructors"] = std::move(ins);
        json ps = json::array();
        for (const auto e : c.participants) ps.push_back(s.employees[e.value].id);
        j["participants"] = std::move(ps);
        json sessions = json::array();
        for (const auto& ses : c.sessions) {
            json sj{{"module", prog.modules[ses.module].id},
                    {"part", ses.part + 1},
                    {"start", calendar::format_instant(ses.start, zone)},
                    {"end", calendar::format_instant(ses.end, zone)}};
            if (ses.pinned) sj["pinned"] = true;
            if (ses.revision > 0) sj["revision"] = ses.revision;
            sessions.push_back(std::move(sj));
        }
        j["sessions"] = std::move(sessions);
        cohorts.push_back(std::move(j));
    }
    doc["cohorts"] = std::move(cohorts);
    json blocks = json::array();
    for (const auto& b : sol.study_blocks) {
        const auto& e = s.employees[b.employee.value];
        const auto& ez = s.zone_of(e);
        const auto& prog = s.programs[b.program.value];
        blocks.push_back(json{{"employee", e.id},
                              {"program", prog.id},
                              {"module", prog.modules[b.module].id},
                              {"start", calendar::format_instant(b.start, ez)},
                              {"end", calendar::format_instant(b.end, ez)}});
        if (b.revision > 0) blocks.back()["revision"] = b.revision;
        // Written only when set, so plans without recordings or top-up read as before.
        if (b.recording) blocks.back()["recording"] = true;
        if (b.top_up) blocks.back()["top_up"] = true;
    }
    doc["study_blocks"] = std::move(blocks);
    json unplaced = json::array();
    for (const auto& u : sol.unplaced) {
        json reasons = json::array();
        for (const auto& r : u.reasons) reasons.push_back(json{{"code", r.code}, {"message", r.message}});
        json alts = json::array();
        for (const auto& a : u.alternatives) alts.push_back(json{{"description", a.description}, {"cost", a.cost}});
        unplaced.push_back(json{{"employee", s.employees[u.employee.value].id},
                                {"program", s.programs[u.program.value].id},
                                {"reasons", std::move(reasons)},
                                {"alternatives", std::move(alts)}});
    }
    doc["unplaced"] = std::move(unplaced);
    // Written only when there are some, so plans without assigned duty read as before.
    if (!sol.days_in_lieu.empty()) {
        json lieu = json::array();
        for (const auto& l : sol.days_in_lieu)
            lieu.push_back(json{{"employee", s.employees[l.employee.value].id},
                                {"earned", calendar::format_date(l.earned)},
                                {"date", calendar::format_date(l.date)},
                                {"shift", l.shift}});
        doc["days_in_lieu"] = std::move(lieu);
    }
    // Likewise only for a re-plan with attendance records (docs/attendance.md "Make-ups").
    if (!sol.makeups.empty()) {
        json makeups = json::array();
        for (const auto& x : sol.makeups) {
            const auto& prog = s.programs[x.program.value];
            const auto& ez = s.zone_of(s.employees[x.employee.value]);
            makeups.push_back(json{{"employee", s.employees[x.employee.value].id},
                                   {"program", prog.id},
                                   {"module", x.module < prog.modules.size() ? prog.modules[x.module].id : ""},
                                   {"missed", calendar::format_instant(x.missed, ez)},
                                   {"cohort", x.cohort},
                                   {"sessions_missed", x.sessions_missed}});
        }
        doc["makeups"] = std::move(makeups);
    }
    if (sol.bounds) {
        const auto& b = *sol.bounds;
        doc["bounds"] = json{{"demand_placed", b.demand_placed},
                             {"demand_placed_gap", b.demand_placed - sol.metrics.demand_placed},
                             {"jp_target_met", b.jp_target_met},
                             {"jp_target_met_gap", b.jp_target_met - sol.metrics.jp_target_met},
                             {"unplaceable", b.unplaceable}};
    }
    if (sol.neighbourhoods) {
        const auto& n = *sol.neighbourhoods;
        doc["neighbourhoods"] = json{{"asked", n.asked},         {"solved", n.solved}, {"proven", n.proven},
                                     {"improved", n.improved},   {"too_large", n.too_large},
                                     {"empty", n.empty},         {"not_run", n.not_run}};
    }
    doc["notes"] = sol.notes;
    doc["moves"] = sol.moves;
    // The only field allowed to differ between identical runs comes last.
    doc["elapsed_seconds"] = sol.elapsed_seconds;
    return doc.dump(2) + "\n";
}

solution_read_result solution_from_json(const model::scenario& s, std::string_view text, std::string_view file_name) {
    reader r{s, file_name};
    return r.read(text);
}

solution_read_result read_solution_file(const model::scenario& s, const std::filesystem::path& file) {
    solution_read_result out;
    const auto text = load::read_input_file(file, "the solution file", out.diags);
    if (!text) return out;
    return solution_from_json(s, *text, file.string());
}

}  // namespace jadwal::io
