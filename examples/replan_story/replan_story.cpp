// The re-planning story: a plan for the year is published, people import it
// into their calendars, and then in April the regency learns that its busiest
// training hall will be closed for two weeks in May. What has to move, who is
// affected, and what lands in their calendars?
//
//   replan_story --out DIR [--employees 600] [--seed 3] [--max-moves 20000]
//                [--policy classroom_only]
//
// The defaults are the run that README.md tells and the test checks.
//
// Steps, each a call into the library:
//   1. generate a Batanghari population and load it (generate, load);
//   2. plan the year under the `classroom_only` policy (README.md says why) and
//      publish it to DIR/before
//      (solve, verify, publish_plan): solution.json, the CSVs, the calendars;
//   3. close the busiest venue for the fortnight of May in which it has the
//      most sessions, on a copy of the scenario;
//   4. re-plan from Monday 20 April with the published plan as `previous`
//      (solve_options::previous and replan_from): what started before stays,
//      the rest may move, every change costs;
//   5. check the new plan against the closed scenario *and* the previous plan
//      (verify with previous_plan: pins, changes), and check ourselves that
//      nothing sits in the closed hall and nothing before 20 April moved;
//   6. print what moved, session by session, and who is affected;
//   7. publish the new plan to DIR/after with the old one as `previous`, so
//      the calendar files carry SEQUENCE > 0 for moved sessions and
//      cancellations for removed ones, and count what the files hold.
//
// Every plan in the story goes through the independent checker, and the
// re-plan also through a second, plain comparison written here.
//
// Exit status: 0 when every check passes, 1 when one fails, 2 for bad
// arguments or a scenario that does not load.
#include <jadwal/generate/batanghari.hpp>
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/output/publish.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/verify/verify.hpp>

#include <date/tz.h>
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

using namespace jadwal;
namespace fs = std::filesystem;
using calendar::instant;

namespace {

// ------------------------------------------------------------------ arguments

struct arguments {
    fs::path out;
    int employees = 600;
    std::uint64_t seed = 3;
    std::int64_t max_moves = 20'000;
    std::string policy = "classroom_only";
};

/// The command line, read with CLI11 (the library the jadwal tool uses).
/// Returns an exit code when the program should stop here (help, bad arguments).
std::optional<int> parse_arguments(int argc, char** argv, arguments& a) {
    CLI::App app{"The re-planning story: the main hall closes for two weeks in May", "replan_story"};
    app.add_option("--out", a.out, "Directory for the plans and calendars before and after")->required();
    app.add_option("--employees", a.employees, "Population size")->check(CLI::Range(1, 1'000'000));
    app.add_option("--seed", a.seed, "Population and solver seed");
    app.add_option("--max-moves", a.max_moves, "Local-search moves per solve")->check(CLI::NonNegativeNumber);
    app.add_option("--policy", a.policy, "The policy of both plans (a hall matters to classroom_only and flexible)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    return std::nullopt;
}

// ------------------------------------------------------------------ time

/// Midnight starting a local date in the scenario's zone, as an instant.
instant midnight(const model::scenario& s, calendar::local_date day) {
    return date::floor<calendar::minutes>(s.zone->to_sys(day));
}

/// "Tue 05 May 08:00-12:30" in the scenario's zone.
std::string when(const model::scenario& s, const solve::session& x) {
    const auto a = date::make_zoned(s.zone, x.start).get_local_time();
    const auto b = date::make_zoned(s.zone, x.end).get_local_time();
    return date::format("%a %d %b %H:%M", a) + date::format("-%H:%M", b);
}

std::string day_text(calendar::local_date d) { return date::format("%Y-%m-%d", d); }

// ------------------------------------------------------------------ the scenario

model::scenario generate_population(int employees, std::uint64_t seed) {
    generate::batanghari_options g;
    g.employees = employees;
    g.seed = seed;
    g.csv_threshold = 1 << 30;  // everyone inline: nothing to write to disk
    auto loaded = load::load_scenario_text(generate::batanghari_yaml(g), "batanghari.yaml");
    if (!loaded.scenario) {
        for (const auto& d : loaded.diags.items()) std::cerr << load::format(d) << "\n";
        throw std::runtime_error("the generated scenario does not load");
    }
    return std::move(*loaded.scenario);
}

const model::policy& policy_named(const model::scenario& s, const std::string& id) {
    const auto p = s.find_policy(id);
    if (!p) throw std::runtime_error("the scenario has no policy " + id);
    return s.policies[p->value];
}

/// Classroom sessions per venue that overlap [from, to).
std::vector<int> sessions_per_venue(const model::scenario& s, const solve::solution& plan, instant from, instant to) {
    std::vector<int> n(s.venues.size(), 0);
    for (const auto& c : plan.cohorts)
        if (c.venue.valid())
            for (const auto& x : c.sessions) n[c.venue.value] += (x.start < to && from < x.end) ? 1 : 0;
    return n;
}

const solve::cohort* find_cohort(const solve::solution& plan, const std::string& id) {
    for (const auto& c : plan.cohorts)
        if (c.id == id) return &c;
    return nullptr;
}

const solve::session* find_session(const solve::cohort& c, std::uint32_t module, std::uint32_t part) {
    for (const auto& x : c.sessions)
        if (x.module == module && x.part == part) return &x;
    return nullptr;
}

std::string place(const model::scenario& s, const solve::cohort& c) {
    if (c.venue.valid()) return s.venues[c.venue.value].id;
    if (c.platform.valid()) return s.platforms[c.platform.value].id;
    return "-";
}

bool verified(const verify::report& r, std::string_view what) {
    for (const auto& v : r.violations) std::cout << "  violation: " << v.code << " " << v.message << "\n";
    std::cout << fmt::format("check: {}: {} violations\n", what, r.violations.size());
    return r.feasible();
}

// ------------------------------------------------------------------ the calendar files

/// What a directory of published calendars holds, read back from the files
/// (not from the plan): the proof that the updates reach people's calendars.
struct calendar_census {
    int files = 0, cancel_files = 0;
    int events = 0, revised = 0, cancelled = 0;  ///< revised: SEQUENCE >= 1
    int moved_sessions = 0;  ///< events of cohort files, not cancelled, with SEQUENCE >= 1
    std::string example;                         ///< one revised VEVENT, unfolded
};

calendar_census read_calendars(const fs::path& dir) {
    calendar_census c;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".ics") files.push_back(e.path());
    std::sort(files.begin(), files.end());  // directory order is not stable; the example is
    for (const auto& path : files) {
        const bool cancel_file = path.stem().extension() == ".cancel";
        (cancel_file ? c.cancel_files : c.files) += 1;
        if (cancel_file) continue;  // its events are copies of the cancelled ones in the .ics
        std::ifstream in(path);
        std::string line, event;
        bool revised = false;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line == "BEGIN:VEVENT") event.clear(), revised = false;
            if (!line.empty() && line.front() == ' ') event += line.substr(1);  // an RFC 5545 folded line
            else event += (event.empty() ? "" : "\n") + line;
            if (line.rfind("SEQUENCE:", 0) == 0 && line != "SEQUENCE:0") revised = true;
            if (line == "STATUS:CANCELLED") ++c.cancelled;
            if (line == "END:VEVENT") {
                ++c.events;
                if (revised) {
                    ++c.revised;
                    // A cohort file holds each session once: a confirmed event
                    // with SEQUENCE >= 1 there is a session that moved.
                    if (path.parent_path().filename() == "cohorts" &&
                        event.find("\nSTATUS:CONFIRMED") != std::string::npos) {
                        ++c.moved_sessions;
                        if (c.example.empty()) c.example = event;
                    }
                }
            }
        }
    }
    return c;
}

}  // namespace

int main(int argc, char** argv) {
    arguments args;
    if (const auto stop = parse_arguments(argc, argv, args)) return *stop;
    try {
        bool ok = true;
        const std::string& policy = args.policy;

        // 1. The population.
        const model::scenario s = generate_population(args.employees, args.seed);
        std::cout << fmt::format("Batanghari, {} employees (seed {}), {} demand items, policy {}, {} moves per solve\n\n",
                                 s.employees.size(), args.seed, s.demand.size(), policy, args.max_moves);

        // 2. The plan everyone received in January.
        solve::solve_options first;
        first.policy = policy;
        first.seed = args.seed;
        first.max_moves = args.max_moves;  // a move budget, no time limit: reproducible
        const solve::solution before = solve::solve(s, first);
        ok &= verified(verify::verify(s, before, policy_named(s, policy)), "the published plan");
        output::publish_request pub;
        pub.html = false;  // the report is not part of this story
        // A fixed DTSTAMP: the same run writes the same calendar bytes.
        pub.dtstamp = midnight(s, calendar::local_date{date::year{2026} / date::January / 5});
        output::publish_plan(s, before, args.out / "before", pub);
        std::cout << fmt::format("published plan: {} of {} demand items placed, {} cohorts, {} sessions -> {}\n",
                                 before.metrics.demand_placed, before.metrics.demand_total, before.metrics.cohorts,
                                 before.metrics.sessions, (args.out / "before").string());

        // 3. The closure. The main venue is the one with the most classroom
        //    sessions in the year; it closes for the two weeks (Monday to Sunday)
        //    of May in which it has the most sessions: 4-17, 11-24 or 18-31 May.
        const auto all_year = sessions_per_venue(s, before, instant::min(), instant::max());
        const auto hall = static_cast<std::size_t>(std::max_element(all_year.begin(), all_year.end()) - all_year.begin());
        calendar::date_range closure;
        int in_closure = -1;
        for (unsigned monday : {4U, 11U, 18U}) {
            const calendar::local_date start{date::year{2026} / date::May / monday};
            const int n = sessions_per_venue(s, before, midnight(s, start), midnight(s, start + date::days{14}))[hall];
            if (n > in_closure) closure = {start, start + date::days{13}}, in_closure = n;
        }
        const instant closed_from = midnight(s, closure.first);
        const instant closed_to = midnight(s, closure.last + date::days{1});
        model::scenario closed = s;  // the scenario is a value: change a copy
        closed.venues[hall].closed.push_back(closure);
        std::cout << fmt::format("closure: {} ({}), {} classroom sessions in the year, {} of them {} to {}\n",
                                 s.venues[hall].id, s.venues[hall].name, all_year[hall], in_closure,
                                 day_text(closure.first), day_text(closure.last));
        // For the test's own look at the calendar files.
        std::ofstream(args.out / "closure.txt") << "venue=" << s.venues[hall].id << "\nfrom="
                                               << date::format("%Y%m%d", closure.first) << "\nto="
                                               << date::format("%Y%m%d", closure.last) << "\n";

        // 4. The re-plan, from Monday 20 April: everything that started before
        //    then happened and stays; cohorts under way keep their people.
        const calendar::local_date replan_day{date::year{2026} / date::April / 20};
        const instant from = midnight(s, replan_day);
        solve::solve_options again = first;
        again.previous = &before;
        again.replan_from = from;
        const solve::solution after = solve::solve(closed, again);

        // 5. The checks. verify with the previous plan checks the pins (H8) and
        //    counts the changes; it knows nothing of the solver.
        verify::options vo;
        vo.previous.plan = &before;
        vo.previous.replan_from = from;
        const auto check = verify::verify(closed, after, policy_named(closed, policy), vo);
        ok &= verified(check, "the new plan, against the closed scenario and the published plan");
        std::cout << fmt::format("the solver's own account: {} hard violations\n", after.metrics.hard_violations);

        int in_hall = 0;
        for (const auto& c : after.cohorts)
            if (c.venue.valid() && c.venue.value == hall)
                for (const auto& x : c.sessions) in_hall += (x.start < closed_to && closed_from < x.end) ? 1 : 0;
        std::cout << fmt::format("check: sessions in {} from {} to {}: {}\n", s.venues[hall].id,
                                 day_text(closure.first), day_text(closure.last), in_hall);
        ok &= in_hall == 0;

        int locked = 0, locked_changed = 0;
        for (const auto& was : before.cohorts)
            for (const auto& x : was.sessions) {
                if (x.start >= from) continue;
                ++locked;
                const auto* now_c = find_cohort(after, was.id);
                const auto* now = now_c ? find_session(*now_c, x.module, x.part) : nullptr;
                const bool same = now && now->start == x.start && now->end == x.end && now_c->venue == was.venue &&
                                  now_c->platform == was.platform && now_c->participants == was.participants;
                locked_changed += same ? 0 : 1;
            }
        std::cout << fmt::format("check: sessions before {} (locked): {}, changed: {}\n", day_text(replan_day), locked,
                                 locked_changed);
        ok &= locked_changed == 0;

        // 6. What moved, session by session.
        std::cout << "\nwhat moved (cohort, programme, module/part: before -> after, participants):\n";
        int moved = 0, forced = 0, cancelled = 0;
        std::set<std::uint32_t> people_moved, people_added, people_removed;
        for (const auto& was : before.cohorts) {
            const auto* now = find_cohort(after, was.id);
            const auto& prog = s.programs[was.program.value];
            for (const auto& x : was.sessions) {
                const auto* y = now ? find_session(*now, x.module, x.part) : nullptr;
                const std::string label = fmt::format("  {:<16} {:<34} {}/{}", was.id, prog.title.substr(0, 34),
                                                      prog.modules[x.module].id, x.part + 1);
                if (!y) {
                    ++cancelled;
                    std::cout << fmt::format("{}: {} @ {} -> cancelled, {} participants\n", label, when(s, x),
                                             place(s, was), was.participants.size());
                    for (auto p : was.participants) people_moved.insert(p.value);
                    continue;
                }
                if (y->start == x.start && y->end == x.end && now->venue == was.venue && now->platform == was.platform)
                    continue;
                ++moved;
                const bool was_in_hall = was.venue.valid() && was.venue.value == hall && x.start < closed_to &&
                                         closed_from < x.end;
                forced += was_in_hall ? 1 : 0;
                std::cout << fmt::format("{}: {} @ {} -> {} @ {}, {} participants, revision {}{}\n", label, when(s, x),
                                         place(s, was), when(s, *y), place(s, *now), now->participants.size(),
                                         y->revision, was_in_hall ? "  (closed hall)" : "");
                for (auto p : now->participants) people_moved.insert(p.value);
            }
            if (!now) continue;
            for (auto p : was.participants)
                if (!std::binary_search(now->participants.begin(), now->participants.end(), p))
                    people_removed.insert(p.value);
            for (auto p : now->participants)
                if (!std::binary_search(was.participants.begin(), was.participants.end(), p))
                    people_added.insert(p.value);
        }
        // Cohorts the re-plan opened: where the people of a cancelled cohort went.
        int new_cohorts = 0;
        for (const auto& c : after.cohorts) {
            if (find_cohort(before, c.id)) continue;
            ++new_cohorts;
            std::cout << fmt::format("  {:<16} {:<34} new: {} sessions from {} @ {}, {} participants\n", c.id,
                                     s.programs[c.program.value].title.substr(0, 34), c.sessions.size(),
                                     c.sessions.empty() ? std::string("-") : when(s, c.sessions.front()), place(s, c),
                                     c.participants.size());
        }
        // Study blocks are personal: count the people whose blocks differ.
        using block_key = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, instant, instant>;
        std::set<block_key> old_blocks, new_blocks;
        for (const auto& b : before.study_blocks) old_blocks.insert({b.employee.value, b.program.value, b.module, b.start, b.end});
        for (const auto& b : after.study_blocks) new_blocks.insert({b.employee.value, b.program.value, b.module, b.start, b.end});
        std::set<std::uint32_t> people_study;
        int blocks_changed = 0;
        for (const auto& k : old_blocks)
            if (!new_blocks.count(k)) ++blocks_changed, people_study.insert(std::get<0>(k));

        // Where the people of a cohort that no longer exists went: another
        // cohort of the same programme, self-paced study of it, or nowhere.
        for (const auto& was : before.cohorts) {
            if (find_cohort(after, was.id)) continue;
            int to_cohort = 0, to_study = 0, unplaced = 0;
            for (auto p : was.participants) {
                bool in_cohort = false, studying = false;
                for (const auto& c : after.cohorts)
                    in_cohort = in_cohort || (c.program == was.program &&
                                              std::binary_search(c.participants.begin(), c.participants.end(), p));
                for (const auto& b : after.study_blocks) studying = studying || (b.employee == p && b.program == was.program);
                (in_cohort ? to_cohort : studying ? to_study : unplaced) += 1;
            }
            std::cout << fmt::format("  {} is cancelled: of its {} participants, {} joined another cohort of the "
                                     "programme, {} study it self-paced, {} are not placed\n",
                                     was.id, was.participants.size(), to_cohort, to_study, unplaced);
        }
        std::cout << fmt::format("\nsessions moved: {} ({} of them in the closed hall), cancelled: {}, new cohorts: {}\n",
                                 moved, forced, cancelled, new_cohorts);
        std::cout << fmt::format("participants: {} in moved or cancelled sessions, {} added to cohorts, {} removed from cohorts\n",
                                 people_moved.size(), people_added.size(), people_removed.size());
        std::cout << fmt::format("study blocks moved or removed: {} of {}, for {} people\n", blocks_changed,
                                 before.study_blocks.size(), people_study.size());
        std::cout << fmt::format("changes counted by the checker (docs/model.md): {}\n", check.changes);
        std::cout << fmt::format("placed: {} -> {} of {} demand items; classroom cohorts: {} -> {} (budget: {})\n",
                                 before.metrics.demand_placed, check.metrics.demand_placed, check.metrics.demand_total,
                                 verify::verify(s, before, policy_named(s, policy)).classroom_cohorts,
                                 check.classroom_cohorts,
                                 s.budget.max_classroom_cohorts ? std::to_string(*s.budget.max_classroom_cohorts) : "none");

        // The same re-plan with no search at all: only the repair of what no
        // longer fits, the least the closure forces. Under strict stability
        // (the default) the search above may add only changes that place
        // demand; the settings that let it trade stability for burden follow.
        solve::solve_options repair_only = again;
        repair_only.max_moves = 0;
        const auto repaired = solve::solve(closed, repair_only);
        const auto repaired_check = verify::verify(closed, repaired, policy_named(closed, policy), vo);
        std::cout << fmt::format("repair only (no search): {} changes, {} of {} placed, {} violations; "
                                 "burden {:.0f} (searched: {:.0f})\n",
                                 repaired_check.changes, repaired_check.metrics.demand_placed,
                                 repaired_check.metrics.demand_total, repaired_check.violations.size(),
                                 repaired_check.objective.burden, check.objective.burden);
        for (const auto& v : repaired_check.violations) std::cout << "  violation: " << v.code << " " << v.message << "\n";
        ok &= repaired_check.feasible();

        // The same re-plan under each stability setting (docs/model.md
        // "Stability"), the changes by the reason the checker finds for each.
        std::cout << "\nchanges by reason (repair / placement / other) under each stability setting:\n";
        const auto reasons = [](const verify::report& r) {
            return fmt::format("{} / {} / {}", r.changes_by_reason.at("repair"), r.changes_by_reason.at("placement"),
                               r.changes_by_reason.at("other"));
        };
        std::cout << fmt::format("  {:<9} {:>5} changes ({}), {} placed, burden {:.0f}\n", "repair", repaired_check.changes,
                                 reasons(repaired_check), repaired_check.metrics.demand_placed,
                                 repaired_check.objective.burden);
        for (const auto mode : {model::stability_mode::strict, model::stability_mode::balanced, model::stability_mode::free}) {
            solve::solve_options o = again;
            o.stability = mode;
            const auto plan = solve::solve(closed, o);
            const auto r = verify::verify(closed, plan, policy_named(closed, policy), vo);
            std::cout << fmt::format("  {:<9} {:>5} changes ({}), {} placed, burden {:.0f}, {} violations\n",
                                     model::to_string(mode), r.changes, reasons(r), r.metrics.demand_placed,
                                     r.objective.burden, r.violations.size());
            ok &= r.feasible();
            if (mode != model::stability_mode::strict) continue;
            // The targets of strict stability: at least what the repair places,
            // at most twice its changes, and none that neither repairs nor places.
            const bool kept = r.metrics.demand_placed >= repaired_check.metrics.demand_placed &&
                              r.changes <= 2 * std::max<std::int64_t>(repaired_check.changes, 1) &&
                              r.changes_by_reason.at("other") == 0;
            std::cout << fmt::format("check: strict places at least the repair's {} ({}), with at most twice its changes "
                                     "({} <= {}) and no other change ({}): {}\n",
                                     repaired_check.metrics.demand_placed, r.metrics.demand_placed, r.changes,
                                     2 * std::max<std::int64_t>(repaired_check.changes, 1),
                                     r.changes_by_reason.at("other"), kept ? "yes" : "no");
            ok &= kept;
        }

        // 7. The calendar updates. With `previous` the writer compares each file
        //    with what the old plan put there: moved events keep their UID with a
        //    higher SEQUENCE, removed ones come back as STATUS:CANCELLED copies
        //    and in a METHOD:CANCEL file next to the calendar.
        pub.previous = &before;
        pub.dtstamp = midnight(s, replan_day);
        output::publish_plan(closed, after, args.out / "after", pub);
        const auto census = read_calendars(args.out / "after" / "calendars");
        std::cout << fmt::format("\ncalendar updates in {}: {} calendars, {} events, {} with SEQUENCE >= 1, "
                                 "{} cancelled (STATUS:CANCELLED), {} METHOD:CANCEL files\n",
                                 (args.out / "after" / "calendars").string(), census.files, census.events,
                                 census.revised, census.cancelled, census.cancel_files);
        if (!census.example.empty()) {
            std::cout << "a moved session as its cohort's calendar now has it:\n";
            std::istringstream lines(census.example);
            for (std::string l; std::getline(lines, l);)
                if (l.rfind("UID", 0) == 0 || l.rfind("DTSTART", 0) == 0 || l.rfind("DTEND", 0) == 0 ||
                    l.rfind("SEQUENCE", 0) == 0 || l.rfind("STATUS", 0) == 0 || l.rfind("SUMMARY", 0) == 0 ||
                    l.rfind("LOCATION", 0) == 0)
                    std::cout << "  " << l << "\n";
        }
        std::cout << fmt::format("check: moved sessions in the cohort calendars with SEQUENCE >= 1: {} (sessions moved: {})\n",
                                 census.moved_sessions, moved);
        ok &= census.moved_sessions == moved;

        std::cout << (ok ? "\nthe re-plan keeps the past, empties the closed hall and updates the calendars\n"
                         : "\nSOME CHECK FAILED\n");
        return ok ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "replan_story: " << e.what() << "\n";
        return 2;
    }
}
