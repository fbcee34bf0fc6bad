// jadwal._jadwal: the native half of the Python package. It hands plain
// tuples, lists and dicts to jadwal/__init__.py, which builds the public
// objects (dataclasses, datetimes with their zone) from them; this file only
// has to get the C++ values out, release the GIL around the long calls, and
// turn every C++ exception into one of the package's exception classes
// (jadwal/_errors.py), so none escapes as a bare RuntimeError.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <jadwal/time/civil.hpp>
#include <jadwal/compare/at_risk.hpp>
#include <jadwal/compare/makeups.hpp>
#include <jadwal/io/explanation_json.hpp>
#include <jadwal/io/solution_json.hpp>
#include <jadwal/load/validate.hpp>
#include <jadwal/model/error.hpp>
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/load/requests.hpp>
#include <jadwal/output/ics.hpp>
#include <jadwal/output/publish.hpp>
#include <jadwal/output/requests_csv.hpp>
#include <jadwal/share/allowance.hpp>
#include <jadwal/solve/explain.hpp>
#include <jadwal/solve/requests.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/text/language.hpp>
#include <jadwal/text/messages.hpp>
#include <jadwal/verify/verify.hpp>

#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <tuple>
#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;
using namespace jadwal;

namespace {

// ---------------------------------------------------------------- errors

/// A failure the binding reports as one of jadwal/_errors.py's classes.
/// `kind` picks the class (see _errors._from_native).
struct failure : std::exception {
    std::string kind;
    std::string message;
    std::optional<load::diagnostic> at;  ///< where, for input problems
    std::vector<load::diagnostic> diags;  ///< all of them, for a scenario or solution that did not read

    failure(std::string k, std::string m) : kind(std::move(k)), message(std::move(m)) {}
    [[nodiscard]] const char* what() const noexcept override { return message.c_str(); }
};

failure with_diagnostics(std::string kind, const load::diagnostics& diags, std::string fallback) {
    const auto& items = diags.items();
    const auto first = std::find_if(items.begin(), items.end(),
                                    [](const load::diagnostic& d) { return d.level == load::severity::error; });
    failure f(std::move(kind), first != items.end() ? load::format(*first) : std::move(fallback));
    if (first != items.end()) f.at = *first;
    f.diags = items;
    return f;
}

py::tuple diagnostic_tuple(const load::diagnostic& d) {
    return py::make_tuple(std::string(load::to_string(d.level)), d.code, d.message, d.file, d.line, d.column,
                          d.path);
}

py::list diagnostic_list(const std::vector<load::diagnostic>& items) {
    py::list out;
    for (const auto& d : items) out.append(diagnostic_tuple(d));
    return out;
}

/// The _errors._from_native kind for each jadwal::error code: the one place
/// C++ errors are mapped to Python classes.
constexpr std::string_view native_kind(errc code) {
    switch (code) {
        case errc::invalid_argument: return "invalid";
        case errc::invalid_scenario: return "scenario";
        case errc::not_found: return "not_found";
        case errc::solve: return "solve";
        case errc::parse: return "solution";
        case errc::io: return "output";
    }
    return "internal";
}

/// Sets the Python error for a failure: an instance of the class
/// _errors._from_native picks. Runs inside pybind11's translator (GIL held).
void raise_native(const std::string& kind, const std::string& message, const std::optional<load::diagnostic>& at,
                  const std::vector<load::diagnostic>& diags) {
    try {
        py::object make = py::module_::import("jadwal._errors").attr("_from_native");
        py::object code = py::none(), file = py::none(), line = py::none(), column = py::none();
        if (at) {
            if (!at->code.empty()) code = py::str(at->code);
            if (!at->file.empty()) file = py::str(at->file);
            if (at->line > 0) line = py::int_(at->line);
            if (at->column > 0) column = py::int_(at->column);
        }
        py::object exc = make(kind, message, code, file, line, column, diagnostic_list(diags));
        PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr());
    } catch (py::error_already_set& e) {
        e.restore();  // building the exception failed: report why rather than nothing
    }
}

void translate(std::exception_ptr p) {
    if (!p) return;
    try {
        std::rethrow_exception(p);
    } catch (const failure& f) {
        raise_native(f.kind, f.message, f.at, f.diags);
    } catch (const load::invalid_scenario& e) {
        const failure f = with_diagnostics("scenario", e.diags(), e.what());
        raise_native(f.kind, f.message, f.at, f.diags);
    } catch (const jadwal::error& e) {
        raise_native(std::string(native_kind(e.code())), e.what(), std::nullopt, {});
    } catch (const py::error_already_set&) {
        throw;  // a Python exception on its way back: pybind11 restores it
    } catch (const py::builtin_exception&) {
        throw;  // pybind11's own (cast errors and the like)
    } catch (const std::bad_alloc&) {
        throw;  // MemoryError
    } catch (const std::exception& e) {
        raise_native("internal", e.what(), std::nullopt, {});
    }
}

// ---------------------------------------------------------------- handles

/// A loaded scenario. The model is shared with the solutions made from it; an
/// edit copies it first while it is shared, so a solution (or a solve running
/// without the GIL) always sees the scenario it was made for.
struct py_scenario {
    std::shared_ptr<model::scenario> model;
    load::diagnostics diags;  ///< warnings and notes of the load
};

struct py_solution {
    std::shared_ptr<const model::scenario> scenario;
    solve::solution plan;
};

/// Stops solves from any thread. One token may serve several solves at once:
/// each registers its own flag while it runs.
class cancel_token {
public:
    void cancel() {
        const std::lock_guard<std::mutex> lock(m_);
        raised_ = true;
        for (auto* f : listening_) f->store(true);
    }
    [[nodiscard]] bool cancelled() const {
        const std::lock_guard<std::mutex> lock(m_);
        return raised_;
    }
    void attach(std::atomic<bool>* flag) {
        const std::lock_guard<std::mutex> lock(m_);
        listening_.push_back(flag);
        if (raised_) flag->store(true);
    }
    void detach(std::atomic<bool>* flag) {
        const std::lock_guard<std::mutex> lock(m_);
        listening_.erase(std::remove(listening_.begin(), listening_.end(), flag), listening_.end());
    }

private:
    mutable std::mutex m_;
    bool raised_ = false;
    std::vector<std::atomic<bool>*> listening_;
};

/// Keeps a solve's flag registered with a token for the length of the solve.
class attached {
public:
    attached(cancel_token* token, std::atomic<bool>* flag) : token_(token), flag_(flag) {
        if (token_) token_->attach(flag_);
    }
    ~attached() {
        if (token_) token_->detach(flag_);
    }
    attached(const attached&) = delete;
    attached& operator=(const attached&) = delete;

private:
    cancel_token* token_;
    std::atomic<bool>* flag_;
};

// ---------------------------------------------------------------- helpers

std::int64_t unix_seconds(calendar::instant t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string zone_name(const date::time_zone& z) { return std::string(z.name()); }

py::object id_or_none(const std::string& id) { return id.empty() ? py::object(py::none()) : py::object(py::str(id)); }

/// A bare date is midnight in the scenario's zone, as on the command line.
calendar::instant parse_replan_from(const model::scenario& s, const std::string& text) {
    if (const auto day = calendar::parse_date(text))
        return date::floor<calendar::minutes>(s.zone->to_sys(*day, date::choose::earliest));
    if (const auto at = calendar::parse_instant(text)) return *at;
    throw failure("invalid", "replan_from '" + text + "' is neither a date nor an ISO 8601 instant on the minute");
}

/// `previous` read against `s`: itself when made for this very model, else
/// carried over by id through its JSON (the scenario may have been edited).
const solve::solution* previous_for(std::optional<solve::solution>& carried, const py_solution& prev,
                                    const model::scenario& s) {
    if (prev.scenario.get() == &s) return &prev.plan;
    auto read = io::solution_from_json(s, io::solution_to_json(*prev.scenario, prev.plan), "<previous>");
    if (!read.solution)
        throw with_diagnostics("solution", read.diags, "the previous plan does not read against this scenario");
    carried = std::move(read.solution);
    return &*carried;
}

py::dict metrics_dict(const solve::solution_metrics& m) {
    py::dict d;
    solve::for_each_metric(m, [&](const char* name, auto value) { d[name] = value; });
    return d;
}

py::dict objective_dict(const solve::objective_value& o) {
    py::dict d;
    d["participation"] = o.participation;
    d["published"] = o.published;
    d["stability"] = o.stability;
    d["burden"] = o.burden;
    d["cost"] = o.cost;
    d["breakdown"] = o.breakdown;
    d["per_unit"] = o.per_unit;
    return d;
}

const model::scenario& loaded(const py_scenario& s) {
    if (!s.model) throw failure("invalid", "the scenario did not load");
    return *s.model;
}

// ---------------------------------------------------------------- loading

std::unique_ptr<py_scenario> adopt(load::load_result r) {
    if (!r.scenario) throw with_diagnostics("scenario", r.diags, "the scenario could not be loaded");
    auto h = std::make_unique<py_scenario>();
    h->model = std::make_shared<model::scenario>(std::move(*r.scenario));
    h->diags = std::move(r.diags);
    return h;
}

/// (name, CSV text) of employees added to the scenario's own (an HR export).
using employee_sources = std::vector<std::pair<std::string, std::string>>;

load::load_options load_options_for(const std::optional<std::string>& base_dir, const employee_sources& employees,
                                    bool confine_files) {
    load::load_options o;
    if (base_dir) o.base_dir = *base_dir;
    o.confine_to_scenario_dir = confine_files;
    for (const auto& [name, csv] : employees) o.added_employees.push_back({name, csv});
    return o;
}

std::unique_ptr<py_scenario> load_file(const std::string& path, const std::optional<std::string>& base_dir,
                                       const employee_sources& employees, bool confine_files) {
    load::load_result r;
    {
        const py::gil_scoped_release nogil;
        r = load::load_scenario_file(path, load_options_for(base_dir, employees, confine_files));
    }
    return adopt(std::move(r));
}

std::unique_ptr<py_scenario> load_text(const std::string& text, const std::string& name,
                                       const std::optional<std::string>& base_dir, const employee_sources& employees,
                                       bool confine_files) {
    load::load_result r;
    {
        const py::gil_scoped_release nogil;
        r = load::load_scenario_text(text, name, load_options_for(base_dir, employees, confine_files));
    }
    return adopt(std::move(r));
}

void add_leave(py_scenario& sc, const std::string& employee, const std::string& from, const std::string& to,
               const std::string& why) {
    const auto& s = loaded(sc);
    const auto e = s.find_employee(employee);
    if (!e) throw failure("not_found", "no employee '" + employee + "' in the scenario");
    const auto first = calendar::parse_date(from);
    const auto last = calendar::parse_date(to);
    if (!first || !last) throw failure("invalid", "leave dates must be real dates written YYYY-MM-DD");
    const calendar::date_range days{*first, *last};
    if (!days.ok()) throw failure("invalid", "the leave ends before it starts");
    // Solutions (and solves under way) share the model: leave them the unchanged copy.
    if (sc.model.use_count() > 1) sc.model = std::make_shared<model::scenario>(*sc.model);
    sc.model->employees[e->value].leaves.push_back({days, why});
}

// ---------------------------------------------------------------- shared resources

/// "YYYY-MM-DDTHH:MM" (local time, as a fixed session's date and time).
calendar::local_minute parse_local_minute(const std::string& text) {
    const auto day = text.size() == 16 && text[10] == 'T' && text[13] == ':'
                         ? calendar::parse_date(std::string_view(text).substr(0, 10))
                         : std::nullopt;
    const auto digits = [&](std::size_t at) {
        return std::isdigit(static_cast<unsigned char>(text[at])) && std::isdigit(static_cast<unsigned char>(text[at + 1]))
                   ? (text[at] - '0') * 10 + (text[at + 1] - '0')
                   : -1;
    };
    const int h = day ? digits(11) : -1, m = day ? digits(14) : -1;
    if (!day || h < 0 || h > 23 || m < 0 || m > 59)
        throw failure("invalid", "'" + text + "' is not a local time written YYYY-MM-DDTHH:MM");
    return calendar::local_minute{*day} + calendar::minutes{h * 60 + m};
}

std::string local_minute_text(calendar::local_minute t) { return date::format("%FT%R", t); }

share::resource_days resource_days_arg(const std::string& id, const std::vector<std::string>& dates) {
    share::resource_days r{id, {}};
    for (const auto& d : dates) {
        const auto day = calendar::parse_date(d);
        if (!day) throw failure("invalid", "'" + d + "' is not a date written YYYY-MM-DD");
        r.dates.push_back(*day);
    }
    return r;
}

using seats_arg = std::vector<std::tuple<std::string, std::string, std::string, int>>;
using days_arg = std::vector<std::pair<std::string, std::vector<std::string>>>;

void restrict_scenario(py_scenario& sc, const seats_arg& sessions, const std::vector<std::pair<std::string, int>>& platforms,
                       const days_arg& instructors, const days_arg& venues) {
    loaded(sc);
    share::allowance a;
    for (const auto& [program, module, start, seats] : sessions)
        a.sessions.push_back({program, module, parse_local_minute(start), seats});
    for (const auto& [id, lanes] : platforms) a.platforms.push_back({id, lanes});
    for (const auto& [id, dates] : instructors) a.instructors.push_back(resource_days_arg(id, dates));
    for (const auto& [id, dates] : venues) a.venues.push_back(resource_days_arg(id, dates));
    // As add_leave: solutions made from the scenario keep the version they were made from.
    auto edited = std::make_shared<model::scenario>(*sc.model);
    share::restrict_to(*edited, a);  // throws before changing anything when an id is unknown
    sc.model = std::move(edited);
}

py::dict resources_of(const py_scenario& sc) {
    const auto& s = loaded(sc);
    const auto named = [](const auto& r) {
        py::dict d;
        d["id"] = r.id;
        d["name"] = r.name;
        return d;
    };
    py::list venues, platforms, instructors, fixed;
    for (const auto& v : s.venues) {
        py::dict d = named(v);
        d["capacity"] = v.capacity;
        venues.append(d);
    }
    for (const auto& p : s.platforms) {
        py::dict d = named(p);
        d["concurrent"] = p.concurrent;
        d["capacity"] = p.capacity;
        platforms.append(d);
    }
    for (const auto& i : s.instructors) {
        py::dict d = named(i);
        d["max_minutes_per_day"] = i.max_minutes_per_day;
        d["max_days_per_month"] = i.max_days_per_month ? py::object(py::int_(*i.max_days_per_month)) : py::object(py::none());
        instructors.append(d);
    }
    for (const auto& pr : s.programs)
        for (const auto& mo : pr.modes)
            for (const auto& f : mo.fixed) {
                py::dict d;
                d["program"] = pr.id;
                d["module"] = f.module < pr.modules.size() ? pr.modules[f.module].id : std::string();
                d["start"] = local_minute_text(f.start);
                d["end"] = local_minute_text(f.end);
                d["capacity"] = f.capacity;
                d["platform"] = mo.platform.valid() ? py::object(py::str(s.platforms[mo.platform.value].id))
                                                    : py::object(py::none());
                fixed.append(d);
            }
    py::dict out;
    out["venues"] = venues;
    out["platforms"] = platforms;
    out["instructors"] = instructors;
    out["fixed_sessions"] = fixed;
    return out;
}

/// Which shared resources each programme can use, from the loaded model (defaults applied):
/// {program: {"platforms": [...], "venues": [...], "instructors": [...]}}.
py::dict program_uses(const py_scenario& sc) {
    const auto& s = loaded(sc);
    py::dict out;
    for (const auto& pr : s.programs) {
        std::vector<std::string> platforms, venues, instructors;
        const auto add = [](std::vector<std::string>& to, const std::string& id) {
            if (std::find(to.begin(), to.end(), id) == to.end()) to.push_back(id);
        };
        for (const auto& mo : pr.modes) {
            if (mo.mode == model::delivery_mode::online_live && mo.platform.valid())
                add(platforms, s.platforms[mo.platform.value].id);
            if (mo.mode == model::delivery_mode::classroom)
                for (const auto v : mo.venues) add(venues, s.venues[v.value].id);
        }
        for (const auto i : pr.instructors) add(instructors, s.instructors[i.value].id);
        py::dict d;
        d["platforms"] = platforms;
        d["venues"] = venues;
        d["instructors"] = instructors;
        out[py::str(pr.id)] = d;
    }
    return out;
}

py::dict demand_by_program(const py_scenario& sc) {
    const auto& s = loaded(sc);
    std::vector<std::int64_t> n(s.programs.size(), 0);
    for (const auto& d : s.demand) ++n[d.program.value];
    py::dict out;
    for (std::size_t p = 0; p < s.programs.size(); ++p) out[py::str(s.programs[p].id)] = n[p];
    return out;
}

// ---------------------------------------------------------------- solving

/// The Python side of a solve's progress: calls the callback with the GIL held,
/// checks for Ctrl-C, and turns an exception into a cancelled solve whose
/// exception is raised once the solver has returned.
struct progress_bridge {
    py::object callback;  ///< None: only signals are checked
    double interval = 0.25;
    std::atomic<bool>* stop = nullptr;
    std::optional<py::error_already_set> error;  ///< only touched with the GIL held
    std::string last_phase;
    double last_call = -1e9;

    void operator()(const solve::solve_progress& p) {
        const py::gil_scoped_acquire gil;
        if (error) return;  // already stopping
        try {
            if (PyErr_CheckSignals() != 0) throw py::error_already_set();
            const bool new_phase = p.phase != last_phase;
            if (callback.is_none() || (!new_phase && p.elapsed_seconds - last_call < interval)) return;
            last_phase = std::string(p.phase);
            last_call = p.elapsed_seconds;
            py::dict d;
            d["phase"] = last_phase;
            d["participation"] = p.participation;
            d["burden"] = p.burden;
            d["cost"] = p.cost;
            d["demand_placed"] = p.demand_placed;
            d["demand_total"] = p.demand_total;
            d["elapsed_seconds"] = p.elapsed_seconds;
            d["moves"] = p.moves;
            callback(d);
        } catch (py::error_already_set& e) {
            error.emplace(std::move(e));
            stop->store(true);
        }
    }
};

/// A `language` argument: None, else a language parse_language reads ("id", "en", "id_ID.UTF-8", ...).
std::optional<text::language> language_arg(const std::optional<std::string>& language) {
    if (!language) return std::nullopt;
    const auto l = text::parse_language(*language);
    if (!l) throw failure("invalid", "language '" + *language + "' is not a language jadwal speaks: 'id' or 'en'");
    return l;
}

/// A `reminders` argument: None, the default (a day and 30 minutes before);
/// else minutes before each calendar entry, 0 to 28 days, written largest
/// first and each once, as `--reminders` gives them; empty: none.
std::optional<std::vector<int>> reminders_arg(const std::optional<std::vector<std::int64_t>>& reminders) {
    if (!reminders) return std::nullopt;
    constexpr std::int64_t most = 28 * 24 * 60;
    std::vector<int> out;
    for (const auto m : *reminders) {
        if (m < 0 || m > most)
            throw failure("invalid", "reminder " + std::to_string(m) + " is not from 0 to " + std::to_string(most) +
                                         " minutes (28 days)");
        out.push_back(static_cast<int>(m));
    }
    std::sort(out.begin(), out.end(), std::greater<>());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// ---------------------------------------------------------------- make-ups

/// Attendance records read against the published plan and the re-plan instant
/// (docs/attendance.md "Make-ups"): the items they re-open and the plan
/// without them. Any error raises the "scenario" failure with every one.
compare::makeup_reopening reopen_records(const model::scenario& s, const solve::solution& previous,
                                         const std::string& text, const std::string& name, calendar::instant from,
                                         std::optional<text::language> language) {
    const text::messages m(text::choose_language(language, s.locale));
    std::vector<load::diagnostic> errors;
    compare::makeup_reopening out;
    {
        const py::gil_scoped_release nogil;
        out = compare::reopen_makeups_csv(s, previous, text, from, name, m, errors);
    }
    if (!errors.empty()) {
        load::diagnostics diags;
        for (auto& e : errors) diags.add(std::move(e));
        throw with_diagnostics("scenario", diags, "the attendance records could not be read");
    }
    return out;
}

/// The plan's make-ups as tuples (employee, program, module, missed unix
/// seconds, the employee's zone, cohort or "", sessions_missed).
py::list makeups_of(const py_solution& h) {
    const auto& s = *h.scenario;
    py::list out;
    for (const auto& x : h.plan.makeups) {
        const auto& e = s.employees.at(x.employee.value);
        const auto& prog = s.programs.at(x.program.value);
        out.append(py::make_tuple(e.id, prog.id, x.module < prog.modules.size() ? prog.modules[x.module].id : "",
                                  unix_seconds(x.missed), zone_name(s.zone_of(e)), x.cohort, x.sessions_missed));
    }
    return out;
}

/// The search options solve and answer_requests share, checked in this order:
/// threads, time_limit, max_moves, progress_interval and exact_seconds (when
/// given), policy.
solve::solve_options search_options(const model::scenario& s, std::uint64_t seed, std::optional<double> time_limit,
                                    std::optional<std::int64_t> max_moves, int threads,
                                    const std::optional<std::string>& policy,
                                    std::optional<double> progress_interval = std::nullopt,
                                    std::optional<double> exact_seconds = std::nullopt) {
    if (threads < 1 || threads > solve::max_threads)
        throw failure("invalid", "threads must be a whole number from 1 to " + std::to_string(solve::max_threads) +
                                     ", not " + std::to_string(threads));
    if (time_limit && !(*time_limit >= 0)) throw failure("invalid", "time_limit must not be negative");
    if (max_moves && *max_moves < 0) throw failure("invalid", "max_moves must not be negative");
    if (progress_interval && !(*progress_interval >= 0))
        throw failure("invalid", "progress_interval must not be negative");
    if (exact_seconds && !(*exact_seconds > 0 && std::isfinite(*exact_seconds)))
        throw failure("invalid", "exact_seconds must be a finite number of seconds above 0");
    solve::solve_options so;
    so.seed = seed;
    so.time_limit_seconds = time_limit;
    so.max_moves = max_moves;
    so.threads = threads;
    if (policy) {
        if (!s.find_policy(*policy)) throw failure("not_found", "no policy '" + *policy + "' in the scenario");
        so.policy = *policy;
    }
    return so;
}

std::unique_ptr<py_solution> solve_scenario(const py_scenario& sc, std::uint64_t seed,
                                            std::optional<double> time_limit, std::optional<std::int64_t> max_moves,
                                            int threads, const std::optional<std::string>& policy,
                                            const std::string& strategy, const py_solution* previous,
                                            const std::optional<std::string>& replan_from, py::object progress,
                                            double progress_interval, cancel_token* cancel,
                                            const std::optional<std::string>& language,
                                            const std::optional<std::string>& stability,
                                            const std::optional<std::string>& attendance,
                                            const std::string& attendance_name, bool exact, double exact_seconds) {
    // Hold the model for the whole solve: an edit meanwhile copies it instead.
    const std::shared_ptr<const model::scenario> model = sc.model;
    if (!model) throw failure("invalid", "the scenario did not load");
    const model::scenario& s = *model;
    solve::solve_options so =
        search_options(s, seed, time_limit, max_moves, threads, policy, progress_interval, exact_seconds);
    // The exact model (solve --exact): its refusal is the solver's solve_error, raised as SolveError.
    so.exact = exact;
    so.exact_seconds = exact_seconds;
    const auto st = solve::parse_solve_strategy(strategy);
    if (!st) throw failure("invalid", "unknown strategy '" + strategy + "': optimized or baseline");
    so.strategy = *st;
    so.language = language_arg(language);
    std::optional<solve::solution> carried;
    if (previous) so.previous = previous_for(carried, *previous, s);
    if (replan_from) {
        if (!previous) throw failure("invalid", "replan_from needs a previous plan");
        so.replan_from = parse_replan_from(s, *replan_from);
    }
    if (stability) {
        if (!previous) throw failure("invalid", "stability needs a previous plan");
        so.stability = model::parse_stability_mode(*stability);
        if (!so.stability) throw failure("invalid", "unknown stability '" + *stability + "': strict, balanced or free");
    }
    // Make-ups: the records re-open what people missed; the solver re-plans
    // against the published plan without those items.
    std::optional<compare::makeup_reopening> reopened;
    if (attendance) {
        if (!so.previous || !so.replan_from)
            throw failure("invalid", "attendance needs a previous plan and replan_from");
        reopened = reopen_records(s, *so.previous, *attendance, attendance_name, *so.replan_from, so.language);
        so.previous = &reopened->previous;
        so.makeups = &reopened->makeups;
    }

    std::atomic<bool> stop{false};
    progress_bridge bridge;
    bridge.callback = std::move(progress);
    bridge.interval = progress_interval;
    bridge.stop = &stop;
    // The bridge runs often enough to notice Ctrl-C and a raising callback
    // soon; it calls the callback itself only every `progress_interval`.
    so.on_progress = [&bridge](const solve::solve_progress& p) { bridge(p); };
    so.progress_interval_seconds = std::min(progress_interval, 0.1);
    so.cancel = &stop;

    std::optional<solve::solution> plan;
    {
        const attached listening(cancel, &stop);
        const py::gil_scoped_release nogil;
        plan = solve::solve(s, so);
    }
    if (bridge.error) {
        py::error_already_set e = std::move(*bridge.error);
        bridge.error.reset();
        throw e;
    }
    auto h = std::make_unique<py_solution>();
    h->scenario = model;
    h->plan = std::move(*plan);
    return h;
}

/// Change requests (docs/requests.md) answered against the published plan
/// `previous` by strict re-plans: (plan, [(nip, program, request, value,
/// reason, granted, code, explanation, alternative, round)], rounds, settled,
/// [affected NIP], requests.csv text). An error in the file raises the
/// "scenario" failure with every diagnostic, the first error naming where.
py::tuple answer_requests(const py_scenario& sc, const py_solution& previous, const std::string& text,
                          const std::string& name, const std::string& replan_from, std::uint64_t seed,
                          std::optional<double> time_limit, std::optional<std::int64_t> max_moves, int threads,
                          const std::optional<std::string>& policy, const std::optional<std::string>& language) {
    // Hold the model for the whole re-plan: an edit meanwhile copies it instead.
    const std::shared_ptr<const model::scenario> model = sc.model;
    if (!model) throw failure("invalid", "the scenario did not load");
    const model::scenario& s = *model;
    solve::solve_options so = search_options(s, seed, time_limit, max_moves, threads, policy);
    so.language = language_arg(language);
    std::optional<solve::solution> carried;
    const solve::solution& published = *previous_for(carried, previous, s);
    so.replan_from = parse_replan_from(s, replan_from);

    load::requests_read read;
    {
        const py::gil_scoped_release nogil;
        read = load::read_requests(s, text, name, {&published, so.replan_from});
    }
    if (read.diags.has_errors())
        throw with_diagnostics("scenario", read.diags, "the requests file could not be read");

    // Ctrl-C stops the re-plans as it stops a solve (no callback, no token).
    std::atomic<bool> stop{false};
    progress_bridge bridge;
    bridge.callback = py::none();
    bridge.stop = &stop;
    so.on_progress = [&bridge](const solve::solve_progress& p) { bridge(p); };
    so.progress_interval_seconds = 0.1;
    so.cancel = &stop;

    std::optional<solve::requests_outcome> outcome;
    std::string csv;
    {
        const py::gil_scoped_release nogil;
        outcome = solve::answer_requests(s, published, read.requests, so);
        csv = output::requests_csv(read.requests, *outcome);
    }
    if (bridge.error) {
        py::error_already_set e = std::move(*bridge.error);
        bridge.error.reset();
        throw e;
    }
    py::list answers;
    for (std::size_t i = 0; i < read.requests.size(); ++i) {
        const auto& r = read.requests[i];
        const auto& a = outcome->answers[i];
        answers.append(py::make_tuple(r.nip, r.program_id, std::string(load::to_string(r.kind)), r.value, r.reason,
                                      a.granted, a.code, a.explanation, a.alternative, a.round));
    }
    py::list affected;
    for (const auto e : outcome->affected) affected.append(s.employees.at(e.value).id);
    auto h = std::make_unique<py_solution>();
    h->scenario = model;
    h->plan = std::move(outcome->plan);
    return py::make_tuple(py::cast(std::move(h)), answers, outcome->rounds, outcome->settled, affected, csv);
}

std::unique_ptr<py_solution> solution_from_json(const py_scenario& sc, const std::string& text,
                                                const std::string& name) {
    const std::shared_ptr<const model::scenario> model = sc.model;
    if (!model) throw failure("invalid", "the scenario did not load");
    auto read = io::solution_from_json(*model, text, name);
    if (!read.solution) throw with_diagnostics("solution", read.diags, "the solution could not be read");
    // solution.json's metrics and objective are not read back: recompute them
    // (as the C API and `jadwal export` do), so the plan answers .metrics as it was written.
    try {
        (void)verify::recompute_metrics(*model, *read.solution);
    } catch (const solve::solve_error& e) {
        throw failure("solution", e.what());
    }
    auto h = std::make_unique<py_solution>();
    h->scenario = model;
    h->plan = std::move(*read.solution);
    return h;
}

// ---------------------------------------------------------------- reading a plan

py::list cohorts_of(const py_solution& h) {
    const auto& s = *h.scenario;
    py::list out;
    for (const auto& c : h.plan.cohorts) {
        const auto& prog = s.programs.at(c.program.value);
        py::list instructors, participants, sessions;
        for (const auto i : c.instructors) instructors.append(s.instructors.at(i.value).id);
        for (const auto e : c.participants) participants.append(s.employees.at(e.value).id);
        for (const auto& x : c.sessions)
            sessions.append(py::make_tuple(prog.modules.at(x.module).id, x.part + 1, unix_seconds(x.start),
                                           unix_seconds(x.end), x.pinned, x.revision));
        out.append(py::make_tuple(c.id, prog.id, std::string(model::to_string(c.mode)),
                                  c.venue.valid() ? py::object(py::str(s.venues.at(c.venue.value).id)) : py::none(),
                                  c.platform.valid() ? py::object(py::str(s.platforms.at(c.platform.value).id))
                                                     : py::none(),
                                  instructors, participants, sessions));
    }
    return out;
}

py::list study_blocks_of(const py_solution& h) {
    const auto& s = *h.scenario;
    py::list out;
    for (const auto& b : h.plan.study_blocks) {
        const auto& e = s.employees.at(b.employee.value);
        const auto& prog = s.programs.at(b.program.value);
        out.append(py::make_tuple(e.id, prog.id, prog.modules.at(b.module).id, unix_seconds(b.start),
                                  unix_seconds(b.end), b.revision, zone_name(s.zone_of(e))));
    }
    return out;
}

py::list days_in_lieu_of(const py_solution& h) {
    const auto& s = *h.scenario;
    py::list out;
    for (const auto& l : h.plan.days_in_lieu)
        out.append(py::make_tuple(s.employees.at(l.employee.value).id, calendar::format_date(l.earned),
                                  calendar::format_date(l.date), l.shift));
    return out;
}

py::list unplaced_list(const model::scenario& s, const std::vector<solve::unplaced_demand>& items) {
    py::list out;
    for (const auto& u : items) {
        py::list reasons, alternatives;
        for (const auto& r : u.reasons) reasons.append(py::make_tuple(r.code, r.message));
        for (const auto& a : u.alternatives) alternatives.append(py::make_tuple(a.description, a.cost));
        out.append(py::make_tuple(s.employees.at(u.employee.value).id, s.programs.at(u.program.value).id, reasons,
                                  alternatives));
    }
    return out;
}

/// The at-risk list (compare::at_risk_list) as tuples (employee, name, unit,
/// staff_group, jp_target, jp_earned, jp_planned, expected_jp, probability).
py::list at_risk_of(const py_solution& h, double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) throw failure("invalid", "threshold must be a probability from 0 to 1");
    const auto& s = *h.scenario;
    std::vector<compare::at_risk_person> people;
    {
        const py::gil_scoped_release nogil;
        people = compare::at_risk_list(s, compare::compute_exposure(s, h.plan), s.attendance, threshold);
    }
    py::list out;
    for (const auto& p : people) {
        const auto& e = s.employees.at(p.employee.value);
        out.append(py::make_tuple(e.id, e.name, s.units.at(e.unit.value).id,
                                  std::string(model::to_string(model::staff_group_of(s.pattern_of(e)))), p.jp_target,
                                  p.jp_earned, p.jp_planned, p.expected_jp, p.probability));
    }
    return out;
}

py::tuple explain(const py_solution& h, const std::string& employee, const std::optional<std::string>& program,
                  const std::optional<std::string>& language) {
    const auto lang = language_arg(language);
    const auto& s = *h.scenario;
    const auto e = s.find_employee(employee);
    if (!e) throw failure("not_found", "no employee '" + employee + "' in the scenario");
    std::optional<model::program_index> p;
    if (program) {
        p = s.find_program(*program);
        if (!p) throw failure("not_found", "no programme '" + *program + "' in the scenario");
    }
    std::string text;
    {
        const py::gil_scoped_release nogil;
        text = io::explanation_to_json(s, solve::explain_employee(s, h.plan, *e, p, lang));
    }
    return py::make_tuple(text, zone_name(s.zone_of(s.employees[e->value])));
}

py::list violation_list(const std::vector<verify::violation>& items) {
    py::list out;
    for (const auto& v : items)
        out.append(py::make_tuple(v.code, v.message,
                                  v.when ? py::object(py::int_(unix_seconds(*v.when))) : py::object(py::none()),
                                  id_or_none(v.employee), id_or_none(v.cohort), id_or_none(v.resource)));
    return out;
}

py::dict verify_plan(const py_solution& h, const py_solution* previous, const std::optional<std::string>& replan_from,
                     const std::optional<std::string>& language, const std::optional<std::string>& attendance,
                     const std::string& attendance_name) {
    const auto& s = *h.scenario;
    const model::policy* pol = solve::plan_policy(s, h.plan);
    verify::options o;
    o.language = language_arg(language);
    std::optional<solve::solution> carried;
    if (previous) o.previous.plan = previous_for(carried, *previous, s);
    if (replan_from) {
        if (!previous) throw failure("invalid", "replan_from needs a previous plan");
        o.previous.replan_from = parse_replan_from(s, *replan_from);
    }
    // With records: the items they re-open leave the published plan, and the
    // plan must list and place exactly those make-ups (H8-MAKEUP).
    std::optional<compare::makeup_reopening> reopened;
    if (attendance) {
        if (!o.previous.plan || !o.previous.replan_from)
            throw failure("invalid", "attendance needs a previous plan and replan_from");
        reopened = reopen_records(s, *o.previous.plan, *attendance, attendance_name, *o.previous.replan_from,
                                  o.language);
        o.previous.plan = &reopened->previous;
        o.previous.makeups = &reopened->makeups;
    }
    verify::report r;
    {
        const py::gil_scoped_release nogil;
        r = verify::verify(s, h.plan, model::policy_or_builtin(pol), o);
    }
    py::dict d;
    d["violations"] = violation_list(r.violations);
    d["warnings"] = violation_list(r.warnings);
    d["violations_by_code"] = r.violations_by_code;
    d["metrics"] = metrics_dict(r.metrics);
    d["objective"] = objective_dict(r.objective);
    py::list units;
    for (const auto& u : r.units) {
        py::dict x;
        x["unit"] = u.unit;
        x["headcount"] = u.headcount;
        x["absence_limit"] = u.absence_limit;
        x["max_absent"] = u.max_absent;
        x["max_absence_ratio"] = u.max_absence_ratio;
        x["demand_total"] = u.demand_total;
        x["demand_placed"] = u.demand_placed;
        x["disruption_minutes"] = u.disruption_minutes;
        x["disruption_weighted"] = u.disruption_weighted;
        x["after_hours_minutes"] = u.after_hours_minutes;
        units.append(x);
    }
    d["units"] = units;
    d["changes"] = r.changes;
    d["changes_by_reason"] = r.changes_by_reason;
    d["published_dropped"] = r.published_dropped;
    d["budget_cost"] = r.budget_cost;
    d["classroom_cohorts"] = r.classroom_cohorts;
    return d;
}

void write_outputs(const py_solution& h, const std::string& dir, const std::string& formats,
                   const py_solution* previous, const std::optional<std::string>& uid_domain,
                   const std::optional<std::string>& product_id, std::optional<std::int64_t> dtstamp_unix,
                   const std::optional<std::string>& language, std::optional<bool> spreadsheet,
                   const std::optional<std::vector<std::int64_t>>& reminders,
                   const std::optional<std::string>& organizer, std::optional<bool> csv_bom,
                   const std::optional<std::string>& replan_from) {
    // What the caller leaves at None comes from the scenario's `outputs`, else built in.
    output::publish_request req = output::scenario_publish_request(*h.scenario);
    if (replan_from) {
        if (!previous) throw failure("invalid", "replan_from needs a previous plan");
        req.past_until = parse_replan_from(*h.scenario, *replan_from);
    }
    req.language = language_arg(language);
    if (spreadsheet) req.csv_spreadsheet = *spreadsheet;
    if (organizer) req.default_organizer = *organizer;
    if (csv_bom) req.csv_bom = *csv_bom;
    if (auto r = reminders_arg(reminders)) req.reminder_minutes = std::move(*r);
    if (uid_domain) req.uid_domain = *uid_domain;
    if (product_id) req.product_id = *product_id;
    if (dtstamp_unix) req.dtstamp = output::dtstamp_from_unix(*dtstamp_unix);
    if (!output::parse_publish_formats(formats, req))
        throw failure("invalid", "formats '" + formats + "': write all, or a list of json, csv, html, ics");
    std::optional<solve::solution> carried;
    if (previous) req.previous = previous_for(carried, *previous, *h.scenario);
    try {
        const py::gil_scoped_release nogil;
        // With at_risk.csv and the report's at-risk section (the compare layer's list).
        compare::publish_with_at_risk(*h.scenario, h.plan, dir, req);
    } catch (const solve::solve_error&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        throw failure("output", e.what());  // publish_plan names the path it could not write
    }
}

/// One person's calendar (publish text, cancel text), as write_outputs writes it.
py::tuple employee_calendar(const py_solution& h, const std::string& employee, const py_solution* previous,
                            const std::optional<std::string>& uid_domain, const std::optional<std::string>& product_id,
                            std::optional<std::int64_t> dtstamp_unix, const std::optional<std::string>& language,
                            const std::optional<std::vector<std::int64_t>>& reminders) {
    const auto& s = *h.scenario;
    const auto e = s.find_employee(employee);
    if (!e) throw failure("not_found", "no employee '" + employee + "' in the scenario");
    output::ics_options o = output::scenario_ics_options(s);
    o.language = language_arg(language);
    if (auto r = reminders_arg(reminders)) o.reminder_minutes = std::move(*r);
    o.dtstamp = dtstamp_unix ? output::dtstamp_from_unix(*dtstamp_unix) : output::default_dtstamp();
    if (uid_domain) o.uid_domain = *uid_domain;
    if (product_id) o.product_id = *product_id;
    std::optional<solve::solution> carried;
    if (previous) o.previous = previous_for(carried, *previous, s);
    output::ics_calendar cal;
    {
        const py::gil_scoped_release nogil;
        cal = output::employee_calendar(s, h.plan, *e, o);
    }
    return py::make_tuple(cal.publish, cal.cancel);
}

// ---------------------------------------------------------------- scenario contents

py::list employees_of(const py_scenario& sc) {
    const auto& s = loaded(sc);
    py::list out;
    for (const auto& e : s.employees)
        out.append(py::make_tuple(e.id, e.name, s.units.at(e.unit.value).id, std::string(model::to_string(e.status)),
                                  e.jp_target, e.jp_cap ? py::object(py::int_(*e.jp_cap)) : py::object(py::none()),
                                  zone_name(s.zone_of(e))));
    return out;
}

py::list units_of(const py_scenario& sc) {
    const auto& s = loaded(sc);
    py::list out;
    for (const auto& u : s.units) out.append(py::make_tuple(u.id, u.name, u.kind, u.district, zone_name(s.zone_of(u))));
    return out;
}

py::list programs_of(const py_scenario& sc) {
    const auto& s = loaded(sc);
    py::list out;
    for (const auto& p : s.programs) {
        py::list modules, modes;
        for (const auto& m : p.modules) modules.append(py::make_tuple(m.id, m.title, m.jp));
        for (const auto& m : p.modes) modes.append(std::string(model::to_string(m.mode)));
        out.append(py::make_tuple(p.id, p.title, p.organizer, p.jp, modules, modes));
    }
    return out;
}

py::list policies_of(const py_scenario& sc) {
    const auto& s = loaded(sc);
    py::list out;
    for (const auto& p : s.policies) out.append(py::make_tuple(p.id, p.description));
    return out;
}

}  // namespace

PYBIND11_MODULE(_jadwal, m) {
    m.doc() = "The native part of the jadwal package; use the jadwal module instead.";
    m.attr("__version__") = JADWAL_VERSION;
    m.attr("max_threads") = solve::max_threads;
    py::register_exception_translator(&translate);

    py::class_<cancel_token>(m, "CancelToken")
        .def(py::init<>())
        .def("cancel", &cancel_token::cancel)
        .def_property_readonly("cancelled", &cancel_token::cancelled);

    py::class_<py_scenario>(m, "Scenario")
        .def_property_readonly("name", [](const py_scenario& sc) { return loaded(sc).name; })
        .def_property_readonly("zone", [](const py_scenario& sc) { return zone_name(*loaded(sc).zone); })
        .def_property_readonly("horizon",
                               [](const py_scenario& sc) {
                                   const auto& h = loaded(sc).horizon;
                                   return py::make_tuple(calendar::format_date(h.first),
                                                         calendar::format_date(h.last));
                               })
        .def_property_readonly("default_policy",
                               [](const py_scenario& sc) -> py::object {
                                   const auto& s = loaded(sc);
                                   if (!s.default_policy.valid()) return py::none();
                                   return py::str(s.policies.at(s.default_policy.value).id);
                               })
        .def_property_readonly("demand_count", [](const py_scenario& sc) { return loaded(sc).demand.size(); })
        .def("employees", &employees_of)
        .def("units", &units_of)
        .def("programs", &programs_of)
        .def("policies", &policies_of)
        .def("diagnostics", [](const py_scenario& sc) { return diagnostic_list(sc.diags.items()); })
        .def("add_leave", &add_leave, py::arg("employee"), py::arg("start"), py::arg("end"), py::arg("why"))
        .def("restrict", &restrict_scenario, py::arg("sessions"), py::arg("platforms"), py::arg("instructors"),
             py::arg("venues"))
        .def("resources", &resources_of)
        .def("demand_by_program", &demand_by_program)
        .def("program_uses", &program_uses);

    // The message catalogue (po/), for Python code that writes what people read (jadwal.nation).
    py::class_<text::messages>(m, "Messages")
        .def(py::init([](const std::string& language) { return text::messages(*language_arg(language)); }),
             py::arg("language"))
        .def_property_readonly("language", [](const text::messages& ms) { return std::string(text::code(ms.lang())); })
        .def("tr", [](const text::messages& ms, const std::string& id) { return std::string(ms.tr(id)); }, py::arg("id"))
        .def("tr_in", [](const text::messages& ms, const std::string& context, const std::string& id) {
                 return std::string(ms.tr_in(context, id));
             }, py::arg("context"), py::arg("id"))
        .def("number", [](const text::messages& ms, std::int64_t n) { return ms.number(n); }, py::arg("n"))
        .def("decimal", [](const text::messages& ms, double x, int decimals) { return ms.number(x, decimals); },
             py::arg("x"), py::arg("decimals"))
        .def("percent", [](const text::messages& ms, double ratio, int decimals) { return ms.percent(ratio, decimals); },
             py::arg("ratio"), py::arg("decimals") = 1);

    py::class_<py_solution>(m, "Solution")
        .def_property_readonly("status", [](const py_solution& h) { return std::string(solve::to_string(h.plan.status)); })
        .def_property_readonly("seed", [](const py_solution& h) { return h.plan.seed; })
        .def_property_readonly("policy", [](const py_solution& h) { return h.plan.policy; })
        .def_property_readonly("strategy", [](const py_solution& h) { return h.plan.strategy; })
        .def_property_readonly("stability",
                               [](const py_solution& h) -> std::optional<std::string> {
                                   if (!h.plan.stability) return std::nullopt;
                                   return std::string(model::to_string(*h.plan.stability));
                               })
        .def_property_readonly("moves", [](const py_solution& h) { return h.plan.moves; })
        .def_property_readonly("elapsed_seconds", [](const py_solution& h) { return h.plan.elapsed_seconds; })
        .def_property_readonly("notes", [](const py_solution& h) { return h.plan.notes; })
        .def_property_readonly("threads", [](const py_solution& h) { return h.plan.threads; })
        .def_property_readonly("zone", [](const py_solution& h) { return zone_name(*h.scenario->zone); })
        .def("metrics", [](const py_solution& h) { return metrics_dict(h.plan.metrics); })
        .def("objective", [](const py_solution& h) { return objective_dict(h.plan.objective); })
        .def("cohorts", &cohorts_of)
        .def("study_blocks", &study_blocks_of)
        .def("days_in_lieu", &days_in_lieu_of)
        .def("makeups", &makeups_of)
        .def("unplaced", [](const py_solution& h) { return unplaced_list(*h.scenario, h.plan.unplaced); })
        .def("at_risk", &at_risk_of, py::arg("threshold"))
        .def("to_json", [](const py_solution& h) { return io::solution_to_json(*h.scenario, h.plan); })
        .def("explain", &explain, py::arg("employee"), py::arg("program"), py::arg("language"))
        .def("verify", &verify_plan, py::arg("previous"), py::arg("replan_from"), py::arg("language"),
             py::arg("attendance"), py::arg("attendance_name"))
        .def("write_outputs", &write_outputs, py::arg("dir"), py::arg("formats"), py::arg("previous"),
             py::arg("uid_domain"), py::arg("product_id"), py::arg("dtstamp_unix"), py::arg("language"),
             py::arg("spreadsheet"), py::arg("reminders"), py::arg("organizer"), py::arg("csv_bom"),
             py::arg("replan_from"))
        .def("employee_calendar", &employee_calendar, py::arg("employee"), py::arg("previous"),
             py::arg("uid_domain"), py::arg("product_id"), py::arg("dtstamp_unix"), py::arg("language"),
             py::arg("reminders"));

    m.def("load_file", &load_file, py::arg("path"), py::arg("base_dir"), py::arg("employees"),
          py::arg("confine_files"));
    m.def("load_text", &load_text, py::arg("text"), py::arg("name"), py::arg("base_dir"), py::arg("employees"),
          py::arg("confine_files"));
    m.def("solve", &solve_scenario, py::arg("scenario"), py::arg("seed"), py::arg("time_limit"),
          py::arg("max_moves"), py::arg("threads"), py::arg("policy"), py::arg("strategy"), py::arg("previous"),
          py::arg("replan_from"), py::arg("progress"), py::arg("progress_interval"), py::arg("cancel"),
          py::arg("language"), py::arg("stability"), py::arg("attendance"), py::arg("attendance_name"),
          py::arg("exact"), py::arg("exact_seconds"));
    m.def("solution_from_json", &solution_from_json, py::arg("scenario"), py::arg("text"), py::arg("name"));
    m.def("answer_requests", &answer_requests, py::arg("scenario"), py::arg("previous"), py::arg("text"),
          py::arg("name"), py::arg("replan_from"), py::arg("seed"), py::arg("time_limit"), py::arg("max_moves"),
          py::arg("threads"), py::arg("policy"), py::arg("language"));
}
