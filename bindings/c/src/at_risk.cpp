// The at-risk list through the C API (jadwal.h, docs/c_api.md "At-risk list").
#include <cmath>
#include <jadwal/compare/at_risk.hpp>
#include <string>
#include <vector>

#include "api.hpp"

struct jadwal_at_risk {
    /// Keeps the names and ids the getters hand out alive.
    std::shared_ptr<const jadwal::model::scenario> scenario;
    std::vector<jadwal::compare::at_risk_person> people;
};

using jadwal::c_api::fail;
using jadwal::c_api::guarded;
using jadwal::c_api::null_argument;

int jadwal_at_risk_list(jadwal_at_risk** out, const jadwal_solution* solution, double threshold) {
    if (out) *out = nullptr;
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!solution) return null_argument("solution");
        if (!(threshold >= 0 && threshold <= 1))
            return fail(JADWAL_E_INVALID_ARGUMENT, "threshold must be a probability from 0 to 1");
        auto list = std::make_unique<jadwal_at_risk>();
        list->scenario = solution->scenario;
        const auto& s = *solution->scenario;
        // A plan naming something the scenario lacks is jadwal::error(errc::parse): JADWAL_E_PARSE in guarded().
        list->people = jadwal::compare::at_risk_list(s, jadwal::compare::compute_exposure(s, solution->plan),
                                                     s.attendance, threshold);
        *out = list.release();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_at_risk_count(size_t* out, const jadwal_at_risk* list) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!list) return null_argument("list");
        *out = list->people.size();
        return static_cast<int>(JADWAL_OK);
    });
}

int jadwal_at_risk_person_at(jadwal_at_risk_person* out, const jadwal_at_risk* list, size_t index) {
    return guarded([&] {
        if (!out) return null_argument("out");
        if (!list) return null_argument("list");
        if (index >= list->people.size())
            return fail(JADWAL_E_INVALID_ARGUMENT, "index " + std::to_string(index) + " is past the list's " +
                                                       std::to_string(list->people.size()) + " people");
        const auto& p = list->people[index];
        const auto& s = *list->scenario;
        const auto& e = s.employees.at(p.employee.value);
        out->employee = e.id.c_str();
        out->name = e.name.c_str();
        out->unit = s.units.at(e.unit.value).id.c_str();
        out->staff_group = jadwal::model::to_string(jadwal::model::staff_group_of(s.pattern_of(e))).data();
        out->jp_target = p.jp_target;
        out->jp_earned = p.jp_earned;
        out->jp_planned = p.jp_planned;
        out->expected_jp = p.expected_jp;
        out->probability = p.probability;
        return static_cast<int>(JADWAL_OK);
    });
}

void jadwal_at_risk_free(jadwal_at_risk* list) {
    delete list;
}
