#include <jadwal/io/explanation_json.hpp>

#include <jadwal/calendar/work_calendar.hpp>

#include <nlohmann/json.hpp>

namespace jadwal::io {
namespace {

using json = nlohmann::ordered_json;

// Upper case as HR writes the status; model::to_string gives the YAML spelling.
std::string status_name(model::employment_status s) { return s == model::employment_status::pppk ? "PPPK" : "PNS"; }

json unplaced_json(const model::scenario& s, const model::unplaced_demand& u) {
    json reasons = json::array();
    for (const auto& r : u.reasons) reasons.push_back(json{{"code", r.code}, {"message", r.message}});
    json alts = json::array();
    for (const auto& a : u.alternatives) alts.push_back(json{{"description", a.description}, {"cost", a.cost}});
    return json{{"program", s.programs[u.program.value].id},
                {"reasons", std::move(reasons)},
                {"alternatives", std::move(alts)}};
}

}  // namespace

std::string explanation_to_json(const model::scenario& s, const solve::employee_explanation& x) {
    const auto& e = s.employees[x.employee.value];
    const auto& zone = s.zone_of(e);
    json out;
    out["employee"] = e.id;
    out["name"] = e.name;
    out["unit"] = s.units[e.unit.value].id;
    out["status"] = status_name(e.status);
    out["jp_target"] = x.jp_target;
    out["jp_cap"] = x.jp_cap ? json(*x.jp_cap) : json(nullptr);
    out["placed_jp"] = x.placed_jp;
    json placed = json::array();
    for (const auto p : x.placed) placed.push_back(s.programs[p.value].id);
    out["placed"] = std::move(placed);
    json trainings = json::array();
    for (const auto& t : x.trainings) {
        const auto& prog = s.programs[t.program.value];
        trainings.push_back(json{{"program", prog.id},
                                 {"cohort", t.cohort.empty() ? json(nullptr) : json(t.cohort)},
                                 {"mode", model::to_string(t.mode)},
                                 {"module", prog.modules[t.module].id},
                                 {"start", calendar::format_instant(t.start, zone)},
                                 {"end", calendar::format_instant(t.end, zone)},
                                 {"working_minutes", t.working_minutes},
                                 {"after_hours_minutes", t.after_hours_minutes}});
        if (t.recording) trainings.back()["recording"] = true;
        if (t.top_up) trainings.back()["top_up"] = true;
    }
    out["trainings"] = std::move(trainings);
    json unplaced = json::array();
    for (const auto& u : x.unplaced) unplaced.push_back(unplaced_json(s, u));
    out["unplaced"] = std::move(unplaced);
    out["notes"] = x.notes;
    return out.dump(2);
}

}  // namespace jadwal::io
