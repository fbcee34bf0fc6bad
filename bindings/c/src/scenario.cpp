// Loading a scenario, reading its diagnostics, and editing it: leave, which
// needs no re-validation, and employees, which load the scenario again.
#include "api.hpp"

#include <jadwal/time/civil.hpp>
#include <jadwal/load/load_scenario.hpp>

#include <algorithm>
#include <filesystem>

using namespace jadwal;
using c_api::fail;
using c_api::guarded;
using c_api::null_argument;

namespace {

const load::diagnostic* first_error(const load::diagnostics& diags) {
    const auto& items = diags.items();
    const auto it = std::find_if(items.begin(), items.end(),
                                 [](const load::diagnostic& d) { return d.level == load::severity::error; });
    return it == items.end() ? nullptr : &*it;
}

/// JADWAL_E_LOAD with the first error of `diags` as the last error.
int load_failed(const load::diagnostics& diags) {
    if (const auto* d = first_error(diags)) return fail(JADWAL_E_LOAD, *d);
    return fail(JADWAL_E_LOAD, "the scenario could not be loaded");
}

int adopt(jadwal_scenario** out, load::load_result loaded, jadwal_scenario::source origin) {
    // A file the scenario is, or names, that cannot be read (E-FILE) is an I/O
    // failure, not an error in the scenario: JADWAL_E_IO, and no handle.
    if (const auto* d = first_error(loaded.diags); !loaded.scenario && d && d->code == "E-FILE")
        return fail(JADWAL_E_IO, *d);
    auto handle = std::make_unique<jadwal_scenario>();
    handle->diags = std::move(loaded.diags);
    handle->origin = std::move(origin);
    if (loaded.scenario) handle->model = std::make_shared<model::scenario>(std::move(*loaded.scenario));
    const int status = handle->model ? static_cast<int>(JADWAL_OK) : load_failed(handle->diags);
    *out = handle.release();
    return status;
}

/// The loader's options for a handle's source.
load::load_options options_of(const jadwal_scenario::source& origin) {
    load::load_options opts;
    opts.confine_to_scenario_dir = origin.confine_files;
    return opts;
}

/// Reads jadwal_load_options into `origin`; false (the last error set) for a size it does not know.
bool read_options(const jadwal_load_options* options, jadwal_scenario::source& origin) {
    if (!options) return true;
    if (options->size != sizeof(jadwal_load_options)) {
        fail(JADWAL_E_INVALID_ARGUMENT,
             "jadwal_load_options.size is not a size this library knows: call jadwal_load_options_init");
        return false;
    }
    origin.confine_files = options->confine_files != 0;
    return true;
}

int load_file(jadwal_scenario** out, const char* path, const jadwal_load_options* options) {
    if (out) *out = nullptr;
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!path) return null_argument("path");
        jadwal_scenario::source origin;
        if (!read_options(options, origin)) return static_cast<int>(JADWAL_E_INVALID_ARGUMENT);
        origin.from_file = true;
        origin.file = path;
        auto loaded = load::load_scenario_file(origin.file, options_of(origin));  // before origin is moved from
        return adopt(out, std::move(loaded), std::move(origin));
    });
}

int load_string(jadwal_scenario** out, const char* yaml, size_t length, const char* name,
                const jadwal_load_options* options) {
    if (out) *out = nullptr;
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!yaml && length) return null_argument("yaml");
        jadwal_scenario::source origin;
        if (!read_options(options, origin)) return static_cast<int>(JADWAL_E_INVALID_ARGUMENT);
        origin.text.assign(yaml ? yaml : "", yaml ? length : 0);
        origin.name = name ? name : "<string>";
        // Relative paths resolve against the current directory of this call,
        // also when adding employees loads the scenario again later.
        std::error_code ec;
        origin.base_dir = std::filesystem::current_path(ec);
        load::load_options opts = options_of(origin);
        opts.base_dir = origin.base_dir;
        auto loaded = load::load_scenario_text(origin.text, origin.name, opts);
        return adopt(out, std::move(loaded), std::move(origin));
    });
}

/// Loads the scenario's source again with `added` employees.
load::load_result reload(const jadwal_scenario& h, std::vector<load::employees_csv_text> added) {
    load::load_options opts = options_of(h.origin);
    opts.added_employees = std::move(added);
    if (h.origin.from_file) return load::load_scenario_file(h.origin.file, opts);
    opts.base_dir = h.origin.base_dir;
    return load::load_scenario_text(h.origin.text, h.origin.name, opts);
}

void add_leave_to(model::scenario& s, model::employee_index e, const calendar::date_range& days) {
    s.employees[e.value].leaves.push_back({days, "added through the C API"});
}

}  // namespace

extern "C" {

int jadwal_scenario_load_file(jadwal_scenario** out, const char* path) { return load_file(out, path, nullptr); }

int jadwal_scenario_load_file_ex(jadwal_scenario** out, const char* path, const jadwal_load_options* options) {
    return load_file(out, path, options);
}

int jadwal_scenario_load_string(jadwal_scenario** out, const char* yaml, size_t length, const char* name) {
    return load_string(out, yaml, length, name, nullptr);
}

int jadwal_scenario_load_string_ex(jadwal_scenario** out, const char* yaml, size_t length, const char* name,
                                   const jadwal_load_options* options) {
    return load_string(out, yaml, length, name, options);
}

void jadwal_scenario_free(jadwal_scenario* scenario) { delete scenario; }

int jadwal_scenario_diagnostic_count(size_t* out, const jadwal_scenario* scenario) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!scenario) return null_argument("scenario");
        *out = scenario->diags.items().size();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_scenario_diagnostic(jadwal_diagnostic* out, const jadwal_scenario* scenario, size_t index) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!scenario) return null_argument("scenario");
        const auto& items = scenario->diags.items();
        if (index >= items.size()) return fail(JADWAL_E_INVALID_ARGUMENT, "diagnostic index out of range");
        const auto& d = items[index];
        out->severity = d.level == load::severity::error     ? JADWAL_SEVERITY_ERROR
                        : d.level == load::severity::warning ? JADWAL_SEVERITY_WARNING
                                                             : JADWAL_SEVERITY_NOTE;
        out->code = d.code.c_str();
        out->message = d.message.c_str();
        out->file = d.file.c_str();
        out->line = d.line;
        out->column = d.column;
        out->path = d.path.c_str();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_scenario_employee_count(size_t* out, const jadwal_scenario* scenario) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!scenario) return null_argument("scenario");
        if (!scenario->model) return fail(JADWAL_E_STATE, "the scenario did not load");
        *out = scenario->model->employees.size();
        return static_cast<int>(JADWAL_OK);
    });
}

// Leave is the one edit that is safe without re-running the loader's
// validation: it references nothing by id, the model keeps no cache derived
// from it (the id maps cover ids only), and the calendars are computed from it
// at solve time. Employees are another matter (a unit, a pattern, demand from
// `where:` filters, the id maps): jadwal_scenario_add_employees_csv loads the
// scenario again with them, and replays the leave added here.
int jadwal_scenario_add_leave(jadwal_scenario* scenario, const char* employee_id, const char* from, const char* to) {
    return guarded([&] {
        if (!scenario) return null_argument("scenario");
        if (!employee_id) return null_argument("employee_id");
        if (!from) return null_argument("from");
        if (!to) return null_argument("to");
        if (!scenario->model) return fail(JADWAL_E_STATE, "the scenario did not load");
        const auto e = scenario->model->find_employee(employee_id);
        if (!e) return fail(JADWAL_E_NOT_FOUND, std::string("no employee '") + employee_id + "' in the scenario");
        const auto first = calendar::parse_date(from);
        const auto last = calendar::parse_date(to);
        if (!first || !last)
            return fail(JADWAL_E_INVALID_ARGUMENT, "leave dates must be real dates written YYYY-MM-DD");
        const calendar::date_range days{*first, *last};
        if (!days.ok()) return fail(JADWAL_E_INVALID_ARGUMENT, "the leave ends before it starts");
        scenario->added_leave.push_back({employee_id, days});  // first: it may throw
        // Solutions share the model: give them the unchanged copy.
        try {
            if (scenario->model.use_count() > 1)
                scenario->model = std::make_shared<model::scenario>(*scenario->model);
            add_leave_to(*scenario->model, *e, days);
        } catch (...) {
            scenario->added_leave.pop_back();
            throw;
        }
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_scenario_add_employees_csv(jadwal_scenario* scenario, const char* csv, size_t length, const char* name) {
    return guarded([&] {
        if (!scenario) return null_argument("scenario");
        if (!csv && length) return null_argument("csv");
        if (!scenario->model) return fail(JADWAL_E_STATE, "the scenario did not load");
        auto added = scenario->added_employees;
        added.push_back({name ? name : "<employees>", std::string(csv ? csv : "", csv ? length : 0)});
        auto loaded = reload(*scenario, added);
        if (!loaded.scenario) {
            // The scenario stays as it was; its diagnostics are the attempt's.
            scenario->diags = std::move(loaded.diags);
            return load_failed(scenario->diags);
        }
        auto fresh = std::make_shared<model::scenario>(std::move(*loaded.scenario));
        for (const auto& l : scenario->added_leave)
            if (const auto e = fresh->find_employee(l.employee)) add_leave_to(*fresh, *e, l.days);
        // Solutions made before keep the model they share.
        scenario->model = std::move(fresh);
        scenario->diags = std::move(loaded.diags);
        scenario->added_employees = std::move(added);
        return static_cast<int>(JADWAL_OK);
    });
}

}  // extern "C"
