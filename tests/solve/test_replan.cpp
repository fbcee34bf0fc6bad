// Re-planning (`solve --previous`): what is under way or pinned stays exactly,
// cohorts keep their ids, moved sessions get a higher revision, and the new
// plan changes much less than planning from scratch would.
#include "support.hpp"

#include "../../src/solve/construct.hpp"
#include "../../src/solve/extract.hpp"
#include "../../src/solve/local_search.hpp"
#include "../../src/solve/replan.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <tuple>
#include <sstream>

using namespace jadwal;
namespace sd = jadwal::solve::detail;

namespace {

/// A generated population big enough to have classroom cohorts through the year.
std::shared_ptr<model::scenario> population() { return test::batanghari(300, 7); }

/// A hall closed for twelve days from the day of a classroom session.
struct hall_closure {
    std::size_t venue = 0;
    calendar::date_range days;
    calendar::instant from, to;  ///< midnights that start the first day and end the last
};

/// The closure of the hall of `sol`'s first classroom session starting after
/// `after`: the plan's own use of a hall, whatever population made it.
hall_closure first_hall_use_after(const solve::solution& sol, calendar::instant after);

/// The scenario with venue v closed from May `first` to May `last` 2026.
std::shared_ptr<model::scenario> with_venue_closed(const model::scenario& s, std::size_t v, unsigned first,
                                                   unsigned last) {
    auto out = std::make_shared<model::scenario>(s);
    calendar::date_range may;
    may.first = calendar::local_date{date::year{2026} / date::May / first};
    may.last = calendar::local_date{date::year{2026} / date::May / last};
    out->venues[v].closed.push_back(may);
    return out;
}

std::shared_ptr<model::scenario> with_venue_closed(const model::scenario& s, const hall_closure& c) {
    auto out = std::make_shared<model::scenario>(s);
    out->venues[c.venue].closed.push_back(c.days);
    return out;
}

calendar::instant jakarta_midnight(int y, unsigned m, unsigned d) {
    const auto local = date::local_days{date::year{y} / m / d};
    return date::floor<calendar::minutes>(date::locate_zone("Asia/Jakarta")->to_sys(local));
}

solve::solution replan(const model::scenario& s, const solve::solution& previous, calendar::instant from,
                       std::int64_t moves = 20000,
                       model::stability_mode stability = model::stability_mode::strict) {
    solve::solve_options o;
    o.policy = "flexible";
    o.max_moves = moves;
    o.previous = &previous;
    o.replan_from = from;
    o.stability = stability;
    return solve::solve(s, o);
}

verify::report check_against(const model::scenario& s, const solve::solution& sol, const solve::solution& previous,
                             calendar::instant from) {
    verify::options vo;
    vo.previous.plan = &previous;
    vo.previous.replan_from = from;
    return verify::verify(s, sol, test::policy_of(s, "flexible"), vo);
}

std::string violations_of(const verify::report& r) {
    std::string out;
    for (const auto& v : r.violations) out += v.code + " " + v.message + "\n";
    return out;
}

const solve::cohort* by_id(const solve::solution& sol, const std::string& id) {
    for (const auto& c : sol.cohorts)
        if (c.id == id) return &c;
    return nullptr;
}

hall_closure first_hall_use_after(const solve::solution& sol, calendar::instant after) {
    const solve::cohort* first = nullptr;
    const solve::session* at = nullptr;
    for (const auto& c : sol.cohorts)
        if (c.venue.valid())
            for (const auto& ses : c.sessions)
                if (ses.start >= after && (!at || ses.start < at->start)) first = &c, at = &ses;
    REQUIRE(at != nullptr);
    const auto* zone = date::locate_zone("Asia/Jakarta");
    const auto day = date::floor<date::days>(zone->to_local(at->start));
    hall_closure out;
    out.venue = first->venue.value;
    out.days.first = calendar::local_date{day};
    out.days.last = calendar::local_date{day + date::days{11}};
    out.from = date::floor<calendar::minutes>(zone->to_sys(day));
    out.to = date::floor<calendar::minutes>(zone->to_sys(day + date::days{12}));
    return out;
}

}  // namespace

TEST_CASE("re-planning keeps every session and participant of cohorts already under way", "[solve][replan]") {
    const auto s = population();
    const auto before = test::solve_with(*s, "flexible", 20000);
    REQUIRE(before.metrics.hard_violations == 0);
    const auto from = jakarta_midnight(2026, 6, 1);
    const auto after = replan(*s, before, from);
    const auto rep = check_against(*s, after, before, from);
    INFO(violations_of(rep));
    CHECK(rep.feasible());
    CHECK(after.metrics.hard_violations == 0);
    int kept = 0;
    for (const auto& was : before.cohorts) {
        bool started = false;
        for (const auto& ses : was.sessions) started = started || ses.start < from;
        if (!started) continue;
        const auto* now = by_id(after, was.id);
        REQUIRE(now != nullptr);
        CHECK(now->participants == was.participants);
        CHECK(now->venue == was.venue);
        for (const auto& ses : was.sessions) {
            if (ses.start >= from) continue;
            bool same = false;
            for (const auto& x : now->sessions) same = same || (x.module == ses.module && x.part == ses.part &&
                                                               x.start == ses.start && x.end == ses.end);
            CHECK(same);
            ++kept;
        }
    }
    CHECK(kept > 0);
    // Study blocks before the re-plan date stay too.
    std::multiset<std::tuple<std::uint32_t, std::uint32_t, calendar::instant>> now_blocks;
    for (const auto& b : after.study_blocks) now_blocks.insert({b.employee.value, b.module, b.start});
    for (const auto& b : before.study_blocks)
        if (b.start < from) CHECK(now_blocks.count({b.employee.value, b.module, b.start}) == 1);
    // Nothing new is planned before the re-plan date.
    for (const auto& c : after.cohorts)
        if (!by_id(before, c.id))
            for (const auto& ses : c.sessions) CHECK(ses.start >= from);
    // The solver's own count of changes is the verifier's.
    CHECK(after.objective.breakdown.at("change") ==
          Approx(test::policy_of(*s, "flexible").weights.change * static_cast<double>(rep.changes)));
}

TEST_CASE("re-planning around a closed venue moves its sessions and changes far less than planning afresh",
          "[solve][replan]") {
    const auto s = population();
    const auto before = test::solve_with(*s, "flexible", 20000);
    const auto from = jakarta_midnight(2026, 4, 20);
    const auto hall = first_hall_use_after(before, from + std::chrono::days{7});
    const auto closed = with_venue_closed(*s, hall);
    const auto after = replan(*closed, before, from);
    const auto rep = check_against(*closed, after, before, from);
    INFO(violations_of(rep));
    CHECK(rep.feasible());
    // No session in the hall while it is closed.
    const auto closed_from = hall.from, closed_to = hall.to;
    for (const auto& c : after.cohorts)
        if (c.venue.valid() && c.venue.value == hall.venue)
            for (const auto& ses : c.sessions) CHECK_FALSE((ses.start < closed_to && closed_from < ses.end));
    CHECK(after.metrics.demand_placed >= before.metrics.demand_placed);
    // Without search, the re-plan changes only what the closure forces: the hall's
    // sessions in those two weeks (and people who cannot follow them).
    const auto repaired = replan(*closed, before, from, 0);
    const auto repaired_rep = check_against(*closed, repaired, before, from);
    INFO(violations_of(repaired_rep));
    CHECK(repaired_rep.feasible());
    int forced = 0;
    for (const auto& c : before.cohorts)
        if (c.venue.valid() && c.venue.value == hall.venue)
            for (const auto& ses : c.sessions)
                if (ses.start < closed_to && closed_from < ses.end) forced += 1 + static_cast<int>(c.participants.size());
    INFO("sessions in the closed hall, with their participants: " << forced);
    CHECK(forced > 0);
    CHECK(repaired_rep.changes <= forced);
    // Under strict stability (the default) the search changes an item only to
    // place demand; under free it trades stability for burden as the
    // lexicographic objective says (change is a cost-level term), and still
    // changes less than planning afresh.
    const auto fresh = test::solve_with(*closed, "flexible", 20000);
    const auto fresh_rep = check_against(*closed, fresh, before, from);
    const auto free = replan(*closed, before, from, 20000, model::stability_mode::free);
    const auto free_rep = check_against(*closed, free, before, from);
    INFO("changes: repaired " << repaired_rep.changes << ", strict " << rep.changes << ", free " << free_rep.changes
                              << ", afresh " << fresh_rep.changes);
    CHECK(free_rep.feasible());
    CHECK(free_rep.changes < fresh_rep.changes);
    CHECK(free.objective.burden <= repaired.objective.burden);
    CHECK(rep.changes <= free_rep.changes);
    CHECK(rep.changes_by_reason.at("other") == 0);
    CHECK(rep.published_dropped <= repaired_rep.published_dropped);
    CHECK(after.metrics.demand_placed >= repaired.metrics.demand_placed);
}

TEST_CASE("a strict re-plan of an unchanged scenario takes nobody's training away and changes nothing for burden",
          "[solve][replan][stability]") {
    const auto s = population();
    const auto before = test::solve_with(*s, "flexible", 5000);  // a short search: room left to improve
    const auto from = jakarta_midnight(2026, 4, 20);
    const auto strict = replan(*s, before, from, 40000);
    const auto rep = check_against(*s, strict, before, from);
    INFO(violations_of(rep));
    CHECK(rep.feasible());
    CHECK(strict.stability == model::stability_mode::strict);
    CHECK(rep.published_dropped == 0);
    CHECK(rep.changes_by_reason.at("repair") == 0);
    CHECK(rep.changes_by_reason.at("other") == 0);
    // The solver's own levels agree with the checker's.
    CHECK(strict.objective.published == Approx(rep.objective.published).margin(1e-6));
    CHECK(strict.objective.stability == Approx(rep.objective.stability).margin(1e-6));
    // Free stability moves published items for burden: the lever strict holds back.
    const auto free = replan(*s, before, from, 40000, model::stability_mode::free);
    const auto free_rep = check_against(*s, free, before, from);
    INFO("changes: strict " << rep.changes << ", free " << free_rep.changes);
    CHECK(free_rep.feasible());
    CHECK(free_rep.changes_by_reason.at("other") > 0);
    CHECK(free.objective.burden < strict.objective.burden);
}

TEST_CASE("sessions that move get a higher revision and the others keep theirs", "[solve][replan]") {
    const auto s = population();
    const auto before = test::solve_with(*s, "flexible", 20000);
    const auto from = jakarta_midnight(2026, 4, 20);
    const auto hall = first_hall_use_after(before, from + std::chrono::days{7});
    const auto closed = with_venue_closed(*s, hall);
    const auto after = replan(*closed, before, from);
    int moved = 0, same = 0;
    for (const auto& was : before.cohorts) {
        const auto* now = by_id(after, was.id);
        if (!now) continue;
        for (const auto& x : now->sessions)
            for (const auto& y : was.sessions) {
                if (x.module != y.module || x.part != y.part) continue;
                const bool unchanged = x.start == y.start && x.end == y.end && now->venue == was.venue;
                CHECK(x.revision == y.revision + (unchanged ? 0U : 1U));
                (unchanged ? same : moved) += 1;
            }
    }
    CHECK(same > 0);
    // A third plan carries revisions on: nothing changes, nothing is bumped.
    const auto third = replan(*closed, after, from, 0);
    for (const auto& c : third.cohorts)
        if (const auto* was = by_id(after, c.id))
            for (std::size_t k = 0; k < c.sessions.size() && k < was->sessions.size(); ++k)
                if (c.sessions[k].start == was->sessions[k].start) CHECK(c.sessions[k].revision == was->sessions[k].revision);
    INFO("moved " << moved << ", unchanged " << same);
}

TEST_CASE("a session pinned in the previous plan stays even after the re-plan date", "[solve][replan]") {
    const auto s = population();
    auto before = test::solve_with(*s, "flexible", 20000);
    const auto from = jakarta_midnight(2026, 3, 1);
    // Pin the last session of the first classroom cohort that starts after the re-plan date.
    solve::session* pinned = nullptr;
    std::string cohort_id;
    for (auto& c : before.cohorts)
        if (c.mode == model::delivery_mode::classroom && !c.sessions.empty() && c.sessions.front().start > from) {
            pinned = &c.sessions.back();
            cohort_id = c.id;
            break;
        }
    REQUIRE(pinned != nullptr);
    pinned->pinned = true;
    const auto kept = *pinned;
    const auto after = replan(*s, before, from, 50000);
    const auto* now = by_id(after, cohort_id);
    REQUIRE(now != nullptr);
    bool found = false;
    for (const auto& x : now->sessions)
        if (x.module == kept.module && x.part == kept.part) {
            found = true;
            CHECK(x.start == kept.start);
            CHECK(x.end == kept.end);
            CHECK(x.pinned);
        }
    CHECK(found);
    CHECK(check_against(*s, after, before, from).feasible());
}

TEST_CASE("re-planning is reproducible", "[solve][replan]") {
    const auto s = population();
    const auto before = test::solve_with(*s, "flexible", 20000);
    const auto from = jakarta_midnight(2026, 4, 20);
    const auto hall = first_hall_use_after(before, from + std::chrono::days{7});
    const auto closed = with_venue_closed(*s, hall);
    CHECK(test::json_without_elapsed(*closed, replan(*closed, before, from)) ==
          test::json_without_elapsed(*closed, replan(*closed, before, from)));
}

TEST_CASE("incremental change counting equals a full evaluation while re-planning", "[solve][replan]") {
    const auto s = test::batanghari(150, 5);
    const auto& pol = test::policy_of(*s, "flexible");
    const auto before = test::solve_with(*s, "flexible", 20000);
    const sd::compiled_model cm(*s, pol);
    const auto from = jakarta_midnight(2026, 5, 1);
    const text::messages m;  // English
    const sd::replan_context rc(m, cm, before, from);
    sd::plan pl(cm);
    pl.set_previous(&rc);
    sd::import_previous(m, pl, rc);
    sd::import_previous_top_up(m, pl, rc);
    CHECK(pl.self_check() == "");
    // Nothing lost on import of an unchanged scenario.
    CHECK(pl.placed_count() == before.metrics.demand_placed);
    CHECK(pl.tot.changes == 0);
    sd::rng r(3);
    sd::refusal_log log;
    sd::construct(pl, r, log, [] { return false; });
    for (int round = 0; round < 3; ++round) {
        sd::search_params sp;
        sp.max_moves = 20000;
        sp.stop = [] { return false; };
        (void)sd::local_search(pl, r, log, sp);
        INFO("round " << round);
        const auto sol = sd::extract(pl, log);
        const auto ev = sd::evaluate(cm, sol, &rc);
        CHECK(ev.violations.empty());
        CHECK(ev.raw == pl.tot);
        CHECK(pl.self_check() == "");
    }
}




TEST_CASE("a re-plan never overfills a week: study under way is kept and sessions still to come fit around it",
          "[solve][replan]") {
    // Found by examples/replan_story: a teacher's self-paced study had begun
    // before the re-plan date, and a session the repair moved into the same
    // week took her over the weekly after-hours limit (H7) once her study
    // blocks were taken over without a check.
    const auto s = test::batanghari(2000, 1);
    const auto before = test::solve_with(*s, "flexible", 20000);
    std::size_t hall = s->venues.size();
    for (std::size_t v = 0; v < s->venues.size(); ++v)
        if (s->venues[v].id == "aula_bkpsdmd") hall = v;
    REQUIRE(hall < s->venues.size());
    const auto closed = with_venue_closed(*s, hall, 11, 24);
    const auto from = jakarta_midnight(2026, 4, 20);
    for (const std::int64_t moves : {0, 20000}) {
        INFO("moves " << moves);
        const auto after = replan(*closed, before, from, moves);
        const auto rep = check_against(*closed, after, before, from);
        INFO(violations_of(rep));
        CHECK(rep.feasible());
        CHECK(after.metrics.hard_violations == 0);
    }
}

namespace {

/// examples/small/scenario.yaml as text, with its horizon ending on `to` instead.
std::string small_example_ending(const std::string& to) {
    std::ifstream in{std::string(JADWAL_SOURCE_DIR) + "/examples/small/scenario.yaml"};
    std::stringstream text;
    text << in.rdbuf();
    std::string yaml = text.str();
    const std::string was = "\n  to: 2026-12-18\n";
    const auto at = yaml.find(was);
    REQUIRE(at != std::string::npos);
    return yaml.replace(at, was.size(), "\n  to: " + to + "\n");
}

/// The plan read back against another version of its scenario, as `--previous` does.
solve::solution read_against(const model::scenario& made_for, const solve::solution& sol, const model::scenario& s) {
    auto read = io::solution_from_json(s, io::solution_to_json(made_for, sol), "previous.json");
    REQUIRE(read.solution);
    return std::move(*read.solution);
}

}  // namespace

TEST_CASE("the solver's evaluation counts a block outside the horizon once, as verify does", "[solve][replan]") {
    const auto full = test::scenario_from(small_example_ending("2026-12-18"));
    const auto shorter = test::scenario_from(small_example_ending("2026-09-30"));
    const auto plan = test::solve_with(*full, "flexible", 3000);
    const auto cut = jakarta_midnight(2026, 10, 1);
    std::size_t outside = 0;
    for (const auto& b : plan.study_blocks) outside += b.end > cut ? 1 : 0;
    REQUIRE(outside > 0);
    const auto old = read_against(*full, plan, *shorter);
    const std::string mine = test::own_violations(*shorter, old, "flexible");
    const std::string theirs = test::verify_violations(*shorter, old, "flexible");
    INFO("solver:\n" << mine << "verify:\n" << theirs);
    const auto lines = [](const std::string& t) { return std::count(t.begin(), t.end(), '\n'); };
    CHECK(lines(theirs) == static_cast<std::ptrdiff_t>(outside));
    CHECK(lines(mine) == lines(theirs));
    const solve::detail::compiled_model cm(*shorter, test::policy_of(*shorter, "flexible"));
    CHECK(test::metric_differences(solve::detail::evaluate(cm, old).metrics,
                                   verify::verify(*shorter, old, test::policy_of(*shorter, "flexible")).metrics) == "");
}

TEST_CASE("a re-plan after the horizon was shortened brings later study inside it, with or without a re-plan date",
          "[solve][replan]") {
    // Found by an outside probe (issue 11): study under way before the re-plan
    // date kept its blocks after the new end of the horizon (S-HORIZON), and
    // the solver counted each twice.
    const auto full = test::scenario_from(small_example_ending("2026-12-18"));
    const auto shorter = test::scenario_from(small_example_ending("2026-09-30"));
    const auto plan = test::solve_with(*full, "flexible", 3000);
    const auto june = jakarta_midnight(2026, 6, 1), cut = jakarta_midnight(2026, 10, 1);
    // The case of the probe: someone's study began before June and ends after September.
    bool spans_both = false;
    for (const auto& b : plan.study_blocks)
        if (b.end > cut)
            for (const auto& x : plan.study_blocks)
                spans_both = spans_both || (x.employee == b.employee && x.program == b.program && x.start < june);
    REQUIRE(spans_both);
    const auto old = read_against(*full, plan, *shorter);
    for (const bool with_date : {false, true}) {
        INFO((with_date ? "--replan-from 2026-06-01" : "no re-plan date"));
        solve::solve_options o;
        o.policy = "flexible";
        o.max_moves = 3000;
        o.previous = &old;
        if (with_date) o.replan_from = june;
        const auto after = solve::solve(*shorter, o);
        verify::options vo;
        vo.previous.plan = &old;
        if (with_date) vo.previous.replan_from = june;
        const auto rep = verify::verify(*shorter, after, test::policy_of(*shorter, "flexible"), vo);
        INFO(violations_of(rep));
        CHECK(rep.feasible());
        CHECK(after.metrics.hard_violations == rep.metrics.hard_violations);
        CHECK(test::metric_differences(after.metrics, rep.metrics) == "");
        for (const auto& b : after.study_blocks) CHECK(b.end <= cut);
        for (const auto& c : after.cohorts)
            for (const auto& ses : c.sessions) CHECK(ses.end <= cut);
        // What started before the re-plan date stays.
        if (with_date)
            for (const auto& b : old.study_blocks) {
                if (b.start >= june) continue;
                bool kept = false;
                for (const auto& x : after.study_blocks)
                    kept = kept || (x.employee == b.employee && x.module == b.module && x.start == b.start);
                CHECK(kept);
            }
        // Every block that had to move is a change.
        CHECK(rep.changes > 0);
        CHECK(after.objective.breakdown.at("change") ==
              Approx(test::policy_of(*shorter, "flexible").weights.change * static_cast<double>(rep.changes)));
    }
}

TEST_CASE("study kept by the re-plan date but outside a shortened horizon is named in the plan's notes",
          "[solve][replan]") {
    const auto full = test::scenario_from(small_example_ending("2026-12-18"));
    const auto shorter = test::scenario_from(small_example_ending("2026-09-30"));
    const auto old = read_against(*full, test::solve_with(*full, "flexible", 3000), *shorter);
    // Everything before December stays, and the horizon ends with September:
    // the blocks of November cannot be kept, nor left outside the horizon.
    const auto december = jakarta_midnight(2026, 12, 1);
    solve::solve_options o;
    o.policy = "flexible";
    o.max_moves = 3000;
    o.previous = &old;
    o.replan_from = december;
    const auto after = solve::solve(*shorter, o);
    std::string notes;
    for (const auto& n : after.notes) notes += n + "\n";
    INFO(notes);
    CHECK(after.notes.size() == 2);
    CHECK(notes.find("198701012011012008's study of pelayanan_prima began before the re-plan instant, but its block "
                     "on Tue 20 Oct 2026 18:15 lies outside the horizon, which is now 2026-01-05 to 2026-09-30; "
                     "the study is planned again") != std::string::npos);
    for (const auto& b : after.study_blocks) CHECK(b.end <= jakarta_midnight(2026, 10, 1));
    // What was dropped is a broken pin, counted alike by the solver and verify.
    verify::options vo;
    vo.previous.plan = &old;
    vo.previous.replan_from = december;
    const auto rep = verify::verify(*shorter, after, test::policy_of(*shorter, "flexible"), vo);
    CHECK_FALSE(rep.feasible());
    CHECK(rep.violations_by_code.count("S-HORIZON") == 0);
    CHECK(after.metrics.hard_violations == rep.metrics.hard_violations);
    // The notes travel with the plan.
    const auto back = read_against(*shorter, after, *shorter);
    CHECK(back.notes == after.notes);
}

namespace {

/// The population without demand for the national webinars: nothing is pinned,
/// so a shortened horizon loses only the sessions a test cuts off (a fixed
/// webinar it lost could not be kept at all).
std::shared_ptr<model::scenario> without_webinars(const model::scenario& s) {
    auto out = std::make_shared<model::scenario>(s);
    std::erase_if(out->demand, [&](const model::demand_item& d) {
        const auto& modes = s.programs[d.program.value].modes;
        return std::any_of(modes.begin(), modes.end(), [](const model::mode_offer& m) { return !m.fixed.empty(); });
    });
    return out;
}

/// Cohorts of several sessions.
std::vector<const solve::cohort*> multi_session_cohorts(const solve::solution& sol) {
    std::vector<const solve::cohort*> out;
    for (const auto& c : sol.cohorts)
        if (c.sessions.size() >= 2) out.push_back(&c);
    return out;
}

struct cut_replan {
    solve::solution after;
    verify::report check;
    calendar::instant end;  ///< of the shortened horizon
};

/// Re-plans `before` with the horizon ending on `last_day`, from an hour after
/// the first session of `c` (or without a re-plan date).
cut_replan replan_cut(const model::scenario& s, const solve::solution& before, const solve::cohort& c,
                      date::local_days last_day, bool with_date) {
    const auto* zone = date::locate_zone("Asia/Jakarta");
    auto shorter = std::make_shared<model::scenario>(s);
    shorter->horizon.last = calendar::local_date{last_day};
    const auto from = c.sessions.front().start + std::chrono::hours(1);
    solve::solve_options o;
    o.policy = "flexible";
    o.max_moves = 20000;
    o.previous = &before;
    if (with_date) o.replan_from = from;
    cut_replan r;
    r.after = solve::solve(*shorter, o);
    verify::options vo;
    vo.previous.plan = &before;
    if (with_date) vo.previous.replan_from = from;
    r.check = verify::verify(*shorter, r.after, test::policy_of(*shorter, "flexible"), vo);
    r.end = date::floor<calendar::minutes>(zone->to_sys(last_day + date::days{1}));
    return r;
}

/// The local day of a session's start.
date::local_days day_of(const solve::session& ses) {
    return date::floor<date::days>(date::locate_zone("Asia/Jakarta")->to_local(ses.start));
}

}  // namespace

TEST_CASE("a cohort under way whose last session a shortened horizon lost keeps the rest and moves that one inside",
          "[solve][replan]") {
    const auto s = without_webinars(*population());
    const auto before = test::solve_with(*s, "flexible", 20000);
    // The one whose sessions lie furthest apart: room to move the last one.
    const solve::cohort* wide = nullptr;
    for (const auto* c : multi_session_cohorts(before))
        if (!wide || c->sessions.back().start - c->sessions.front().start >
                         wide->sessions.back().start - wide->sessions.front().start)
            wide = c;
    REQUIRE(wide != nullptr);
    INFO("cohort " << wide->id << ", sessions from " << test::jakarta(wide->sessions.front().start) << " to "
                   << test::jakarta(wide->sessions.back().start));
    for (const bool with_date : {false, true}) {
        INFO((with_date ? "re-planned from after its first session" : "no re-plan date"));
        // The horizon ends the day before its last session.
        const auto r = replan_cut(*s, before, *wide, day_of(wide->sessions.back()) - date::days{1}, with_date);
        INFO(violations_of(r.check));
        CHECK(r.after.metrics.hard_violations == r.check.metrics.hard_violations);
        for (const auto& c : r.after.cohorts)
            for (const auto& ses : c.sessions) CHECK(ses.end <= r.end);
        for (const auto& b : r.after.study_blocks) CHECK(b.end <= r.end);
        if (!with_date) {
            CHECK(r.check.feasible());
            continue;
        }
        // Study begun before the re-plan date whose later blocks the horizon lost
        // is planned again, a note for each, which verify reports as the broken
        // pin it is; nothing else breaks.
        std::int64_t planned_again = 0;
        for (const auto& n : r.after.notes) planned_again += n.find("the study is planned again") != std::string::npos;
        for (const auto& [code, n] : r.check.violations_by_code) {
            INFO(code);
            CHECK(code == "H8-PIN");
            CHECK(n == planned_again);
        }
        // Under way: the same cohort, its people and its first session; the lost session moved inside.
        const auto* now = by_id(r.after, wide->id);
        REQUIRE(now != nullptr);
        CHECK(now->participants == wide->participants);
        CHECK(now->sessions.front().start == wide->sessions.front().start);
        CHECK(now->sessions.back().revision == wide->sessions.back().revision + 1);
        CHECK(r.check.changes > 0);
    }
}

TEST_CASE("a session of a cohort under way that fits nowhere in a shortened horizon is named in the notes, and "
          "solver and verify count what it breaks alike",
          "[solve][replan]") {
    const auto s = without_webinars(*population());
    const auto before = test::solve_with(*s, "flexible", 20000);
    // The horizon ends on the day of a cohort's first session, re-planned from an
    // hour after it: no day is left for the sessions after the first.
    const solve::cohort* last = nullptr;
    for (const auto* c : multi_session_cohorts(before))
        if (!last || c->sessions.front().start > last->sessions.front().start) last = c;
    REQUIRE(last != nullptr);
    INFO("cohort " << last->id << ", sessions from " << test::jakarta(last->sessions.front().start) << " to "
                   << test::jakarta(last->sessions.back().start));
    REQUIRE(day_of(last->sessions[1]) > day_of(last->sessions.front()));
    const auto r = replan_cut(*s, before, *last, day_of(last->sessions.front()), true);
    std::string notes;
    for (const auto& n : r.after.notes) notes += n + "\n";
    INFO(notes);
    CHECK(notes.find("cohort " + last->id + " is under way, and its session of module") != std::string::npos);
    CHECK(notes.find("lies outside the horizon now and fits on no day inside it") != std::string::npos);
    INFO("verify:\n" << violations_of(r.check));
    CHECK(r.after.metrics.hard_violations == r.check.metrics.hard_violations);
    for (const auto& c : r.after.cohorts)
        for (const auto& ses : c.sessions) CHECK(ses.end <= r.end);
}

TEST_CASE("published items changed for nothing are put back and the plan stays as good", "[solve][replan][stability]") {
    const auto s = test::batanghari(150, 5);
    const auto before = test::solve_with(*s, "flexible", 20000);
    const sd::compiled_model cm(*s, test::policy_of(*s, "flexible"));
    const auto from = jakarta_midnight(2026, 5, 1);
    const text::messages m;
    const sd::replan_context rc(m, cm, before, from);
    sd::plan pl(cm);
    pl.set_previous(&rc);
    sd::import_previous(m, pl, rc);
    sd::import_previous_top_up(m, pl, rc);
    REQUIRE(pl.tot.changes == 0);
    const sd::objective3 published = pl.objective();
    // Needless changes: a session of each of three cohorts some days later or
    // earlier at the same time, and three study blocks a week on, wherever the
    // rules allow them.
    int sessions = 0, blocks = 0;
    for (const auto c : pl.cohorts.indices()) {
        if (sessions == 3) break;
        const sd::cohort_t& co = pl.cohorts[c];
        if (!co.alive || co.origin < 0) continue;
        const auto moved = [&] {
            for (std::uint32_t k = 0; k < co.sessions.size(); ++k) {
                const sd::session_t at = co.sessions[k];
                for (const int shift : {1, -1, 2, -2, 7, -7})
                    if (at.day + shift >= 0 && at.day + shift < cm.days &&
                        pl.move_session(c, k, at.day + shift, at.a + shift * 24 * 60, at.b + shift * 24 * 60))
                        return true;
            }
            return false;
        };
        if (moved()) ++sessions;
    }
    for (const auto d : cm.declared_demand()) {
        if (blocks == 3) break;
        const sd::placement& p = pl.place[d];
        if (p.kind != sd::place_kind::self || pl.frozen(d) || rc.blocks[d].empty()) continue;
        const sd::span at = p.blocks[0];
        if (pl.move_block(d, 0, {at.a + 7 * 24 * 60, at.b + 7 * 24 * 60})) ++blocks;
    }
    // And two studies of one person that swap the times of a block each (through
    // a third time, so that neither can go back alone).
    bool swapped = false;
    for (const auto e : cm.employees.indices()) {
        std::vector<sd::demand_id> own;
        for (const auto d : cm.declared_of(e))
            if (pl.place[d].kind == sd::place_kind::self && !pl.frozen(d) && !rc.blocks[d].empty()) own.push_back(d);
        for (std::size_t i = 0; i < own.size() && !swapped; ++i)
            for (std::size_t j = i + 1; j < own.size() && !swapped; ++j)
                for (std::uint32_t k = 0; k < pl.place[own[i]].blocks.size() && !swapped; ++k)
                    for (std::uint32_t l = 0; l < pl.place[own[j]].blocks.size() && !swapped; ++l) {
                        const sd::span x = pl.place[own[i]].blocks[k], y = pl.place[own[j]].blocks[l];
                        if (x.length() != y.length()) continue;
                        for (const int days : {1, -1, 7, -7}) {
                            const std::size_t at = pl.mark();
                            const sd::span aside{x.a + days * 24 * 60, x.b + days * 24 * 60};
                            swapped = pl.move_block(own[i], k, aside) && pl.move_block(own[j], l, x) &&
                                      pl.move_block(own[i], k, y);
                            if (swapped) break;
                            pl.rollback(at);
                        }
                    }
        if (swapped) break;
    }
    pl.commit();
    INFO("sessions moved " << sessions << ", blocks moved " << blocks << ", swapped " << swapped);
    REQUIRE(sessions > 0);
    REQUIRE(blocks > 0);
    REQUIRE(swapped);
    REQUIRE(pl.tot.changes > 0);
    const std::int64_t restored = sd::restore_published(pl, rc, [] { return false; });
    CHECK(restored >= sessions + blocks + 1);
    CHECK(pl.tot.changes == 0);
    CHECK(pl.self_check() == "");
    // What was published is back, objective and all.
    CHECK(pl.objective().participation == Approx(published.participation));
    CHECK(pl.objective().burden == Approx(published.burden));
    CHECK(pl.objective().cost == Approx(published.cost));
    CHECK(pl.objective().stability == Approx(published.stability));
}
