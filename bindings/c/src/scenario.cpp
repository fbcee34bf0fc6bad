// Loading a scenario, reading its diagnostics, and the few edits the model
// allows without re-validation.
#include "api.hpp"

#include <jadwal/calendar/civil.hpp>
#include <jadwal/load/load_scenario.hpp>

#include <algorithm>
#include <filesystem>

using namespace jadwal;
using c_api::fail;
using c_api::guarded;
using c_api::null_argument;

namespace {

int adopt(jadwal_scenario** out, load::load_result loaded) {
    auto handle = std::make_unique<jadwal_scenario>();
    handle->diags = std::move(loaded.diags);
    if (loaded.scenario) handle->model = std::make_shared<model::scenario>(std::move(*loaded.scenario));
    int status = JADWAL_OK;
    if (!handle->model) {
        status = JADWAL_E_LOAD;
        const auto& items = handle->diags.items();
        const auto first_error = std::find_if(items.begin(), items.end(), [](const load::diagnostic& d) {
            return d.level == load::severity::error;
        });
        if (first_error != items.end()) fail(status, *first_error);
        else fail(status, "the scenario could not be loaded");
    }
    *out = handle.release();
    return status;
}

}  // namespace

extern "C" {

int jadwal_scenario_load_file(jadwal_scenario** out, const char* path) {
    if (out) *out = nullptr;
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!path) return null_argument("path");
        return adopt(out, load::load_scenario_file(std::filesystem::path(path)));
    });
}

int jadwal_scenario_load_string(jadwal_scenario** out, const char* yaml, size_t length, const char* name) {
    if (out) *out = nullptr;
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!yaml && length) return null_argument("yaml");
        const std::string_view text = yaml ? std::string_view(yaml, length) : std::string_view();
        return adopt(out, load::load_scenario_text(text, name ? name : "<string>"));
    });
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
// at solve time. Adding employees is not offered: an employee pulls in a unit,
// a pattern, demand resolved from `where:` filters and the id maps, which only
// the loader keeps consistent.
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
        // Solutions share the model: give them the unchanged copy.
        if (scenario->model.use_count() > 1) scenario->model = std::make_shared<model::scenario>(*scenario->model);
        scenario->model->employees[e->value].leaves.push_back({days, "added through the C API"});
        return static_cast<int>(JADWAL_OK);
    });
}

}  // extern "C"
