// The scenario of the verify tests (tests/data/verify/base.yaml), variants of
// it made by editing its text, and a valid plan for it made by hand, which
// each test breaks in one place.
#pragma once

#include <date/tz.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/solve/solution.hpp>
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/verify/verify.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jadwal::test {

inline std::string base_yaml() {
    std::ifstream in{std::string{JADWAL_TEST_DATA} + "/verify/base.yaml", std::ios::binary};
    if (!in) throw std::runtime_error("cannot read tests/data/verify/base.yaml");
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

/// The base text with each `from` replaced by its `to`; each `from` must occur exactly once.
inline std::string edited(std::vector<std::pair<std::string, std::string>> edits) {
    std::string text = base_yaml();
    for (const auto& [from, to] : edits) {
        const auto at = text.find(from);
        if (at == std::string::npos || text.find(from, at + 1) != std::string::npos)
            throw std::invalid_argument("edit must match exactly once: " + from);
        text.replace(at, from.size(), to);
    }
    return text;
}

inline model::scenario load_yaml(const std::string& yaml) {
    auto r = load::load_scenario_text(yaml, "base.yaml");
    for (const auto& d : r.diags.items())
        if (d.level == load::severity::error) FAIL("scenario does not load: " << load::format(d));
    REQUIRE(r.scenario);
    return std::move(*r.scenario);
}

inline model::scenario base_scenario() {
    return load_yaml(base_yaml());
}

/// "2026-04-07 08:00" in Asia/Jakarta.
inline calendar::instant at(std::string_view local) {
    const auto d = calendar::parse_date(local.substr(0, 10));
    const auto t = calendar::parse_time_of_day(local.substr(11));
    if (!d || !t) throw std::invalid_argument("bad time in test: " + std::string(local));
    return calendar::to_instant(calendar::local_minute{*d} + t->since_midnight, *date::locate_zone("Asia/Jakarta"));
}

inline model::employee_index emp(const model::scenario& s, const std::string& id) {
    const auto e = s.find_employee(id);
    if (!e) throw std::invalid_argument("no employee " + id);
    return *e;
}

inline model::program_index prog(const model::scenario& s, const std::string& id) {
    const auto p = s.find_program(id);
    if (!p) throw std::invalid_argument("no programme " + id);
    return *p;
}

template <class Index, class Items>
Index by_id(const Items& items, const std::string& id) {
    for (std::uint32_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return Index{i};
    throw std::invalid_argument("no such id " + id);
}

inline model::venue_index venue(const model::scenario& s, const std::string& id) {
    return by_id<model::venue_index>(s.venues, id);
}
inline model::platform_index platform(const model::scenario& s, const std::string& id) {
    return by_id<model::platform_index>(s.platforms, id);
}
inline model::instructor_index instructor(const model::scenario& s, const std::string& id) {
    return by_id<model::instructor_index>(s.instructors, id);
}

/// A session from "2026-04-07 08:00" to "11:00" the same day.
inline solve::session session(std::uint32_t module, std::string_view from, std::string_view to_hhmm,
                              std::uint32_t part = 0) {
    const std::string to = std::string{from.substr(0, 11)} + std::string{to_hhmm};
    return {module, part, at(from), at(to), false};
}

inline solve::study_block block(const model::scenario& s, const std::string& e, const std::string& p,
                                std::string_view from, std::string_view to_hhmm) {
    const std::string to = std::string{from.substr(0, 11)} + std::string{to_hhmm};
    return {emp(s, e), prog(s, p), 0, at(from), at(to)};
}

inline std::vector<model::employee_index> people(const model::scenario& s, std::initializer_list<const char*> ids) {
    std::vector<model::employee_index> out;
    for (const char* id : ids) out.push_back(emp(s, id));
    std::sort(out.begin(), out.end());
    return out;
}

/// A valid plan for base.yaml (under policy `flexible`):
///  - keuda-01, classroom in the aula, taught by wi_01: Siti and Ahmad, m1 on
///    Tue 7 April 08:00-11:00, m2 on Wed 8 April 13:00-16:00;
///  - etika-01 on zoom: Siti and Rudi, Thu 9 April 17:00-18:30;
///  - webinar-01 on zoom: Dewi and Nur, at the fixed time Wed 15 April 09:00-10:30;
///  - Nur studies prima on Mon 13 April 16:30-17:15 and 17:30-18:15 (after her
///    night shift's rest, on her day off);
///  - unplaced: Rudi and Dewi in keuda, Ahmad in etika, Nia in prima.
inline solve::solution base_plan(const model::scenario& s) {
    solve::solution p;
    p.policy = "flexible";
    solve::cohort keuda;
    keuda.id = "keuda-01";
    keuda.program = prog(s, "keuda");
    keuda.mode = model::delivery_mode::classroom;
    keuda.venue = venue(s, "aula");
    keuda.instructors = {instructor(s, "wi_01")};
    keuda.participants = people(s, {"e1", "e2"});
    keuda.sessions = {session(0, "2026-04-07 08:00", "11:00"), session(1, "2026-04-08 13:00", "16:00")};
    solve::cohort etika;
    etika.id = "etika-01";
    etika.program = prog(s, "etika");
    etika.mode = model::delivery_mode::online_live;
    etika.platform = platform(s, "zoom");
    etika.participants = people(s, {"e1", "e3"});
    etika.sessions = {session(0, "2026-04-09 17:00", "18:30")};
    solve::cohort webinar;
    webinar.id = "webinar-01";
    webinar.program = prog(s, "webinar");
    webinar.mode = model::delivery_mode::online_live;
    webinar.platform = platform(s, "zoom");
    webinar.participants = people(s, {"e4", "n1"});
    webinar.sessions = {session(0, "2026-04-15 09:00", "10:30")};
    webinar.sessions[0].pinned = true;
    p.cohorts = {keuda, etika, webinar};
    p.study_blocks = {block(s, "n1", "prima", "2026-04-13 16:30", "17:15"),
                      block(s, "n1", "prima", "2026-04-13 17:30", "18:15")};
    for (const auto& [e, pr] : std::vector<std::pair<const char*, const char*>>{
             {"e3", "keuda"}, {"e4", "keuda"}, {"e2", "etika"}, {"n2", "prima"}})
        p.unplaced.push_back({emp(s, e), prog(s, pr), {{"R-TEST", "left out by the test plan"}}, {}});
    return p;
}

inline const model::policy& policy(const model::scenario& s, const std::string& id) {
    const auto p = s.find_policy(id);
    if (!p) throw std::invalid_argument("no policy " + id);
    return s.policies[p->value];
}

inline verify::report check(const model::scenario& s, const solve::solution& p, const std::string& pol = "flexible",
                            const verify::options& opts = {}) {
    return verify::verify(s, p, policy(s, pol), opts);
}

/// The distinct codes of the report's violations, sorted.
inline std::vector<std::string> codes(const verify::report& r) {
    std::set<std::string> out;
    for (const auto& v : r.violations) out.insert(v.code);
    return {out.begin(), out.end()};
}

inline std::size_t count(const verify::report& r, std::string_view code) {
    return static_cast<std::size_t>(std::count_if(r.violations.begin(), r.violations.end(),
                                                  [&](const verify::violation& v) { return v.code == code; }));
}

/// Every violation, one per line, for INFO() when a test fails.
inline std::string listing(const verify::report& r) {
    std::string out;
    for (const auto& v : r.violations) out += v.code + ": " + v.message + "\n";
    return out;
}

/// The first violation with `code` (the test fails when there is none).
inline const verify::violation& first(const verify::report& r, std::string_view code) {
    for (const auto& v : r.violations)
        if (v.code == code) return v;
    FAIL("no violation " << code << "; got:\n" << listing(r));
    throw std::logic_error("unreachable");
}

/// Costs for base.yaml: keuda's classroom mode 5000 a cohort, zoom 100 a cohort,
/// the aula 1000 a day, wi_01 60 an hour. The base plan spends 5000 + 2 x 100 +
/// 2 x 1000 + 6 x 60 = 7560.
inline std::string with_costs(const std::string& budget) {
    return edited({{"{id: aula, capacity: 3, location: muara_bulian}",
                    "{id: aula, capacity: 3, location: muara_bulian, cost_per_day: 1000}"},
                   {"{id: zoom, concurrent: 1, capacity: 300}",
                    "{id: zoom, concurrent: 1, capacity: 300, cost_per_cohort: 100}"},
                   {"{id: wi_01, pattern: office, max_minutes_per_day: 360}",
                    "{id: wi_01, pattern: office, max_minutes_per_day: 360, cost_per_hour: 60}"},
                   {"venues: [aula, ruang_rapat, bpsdm_jambi]}",
                    "venues: [aula, ruang_rapat, bpsdm_jambi], cost_per_cohort: 5000}"}}) +
           "budget: " + budget + "\n";
}

}  // namespace jadwal::test
