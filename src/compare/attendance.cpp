// The expected-attendance model, its simulation and its fit (docs/attendance.md).
#include <jadwal/time/iso_week.hpp>
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/compare/attendance.hpp>
#include <jadwal/compare/records.hpp>
#include <jadwal/load/csv_reader.hpp>
#include <jadwal/model/random.hpp>
#include <jadwal/model/policy.hpp>
#include <jadwal/verify/preferences.hpp>
#include <jadwal/verify/verify.hpp>

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <map>
#include <jadwal/model/error.hpp>
#include <stdexcept>
#include <tuple>

namespace jadwal::compare {
namespace {

using calendar::instant;
using calendar::interval;
using calendar::interval_set;
using calendar::local_day;


std::int64_t overlap_minutes(const interval_set& set, interval i) {
    return set.intersect(interval_set::from_unsorted({i})).total().count();
}

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

/// P(at most k failures) of independent trials with success probabilities p:
/// the Poisson-binomial distribution, by the usual dynamic programme.
double at_most_missed(std::span<const double> p, int k) {
    std::vector<double> missed(static_cast<std::size_t>(k) + 2, 0.0);  // missed[j]: P(j misses), j > k lumped away
    missed[0] = 1;
    for (const double q : p) {
        for (std::size_t j = missed.size() - 1; j > 0; --j) missed[j] = missed[j] * q + missed[j - 1] * (1 - q);
        missed[0] *= q;
    }
    double sum = 0;
    for (std::size_t j = 0; j <= static_cast<std::size_t>(k); ++j) sum += missed[j];
    return clamp01(sum);
}

spread spread_of(std::vector<double> v) {
    spread r;
    if (v.empty()) return r;
    double sum = 0;
    for (const double x : v) sum += x;
    r.mean = sum / static_cast<double>(v.size());
    double sq = 0;
    for (const double x : v) sq += (x - r.mean) * (x - r.mean);
    r.stddev = std::sqrt(sq / static_cast<double>(v.size()));
    std::sort(v.begin(), v.end());
    const auto quantile = [&](double q) {
        const double pos = q * static_cast<double>(v.size() - 1);
        const auto lo = static_cast<std::size_t>(std::floor(pos));
        const std::size_t hi = std::min(lo + 1, v.size() - 1);
        return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
    };
    r.p05 = quantile(0.05);
    r.p95 = quantile(0.95);
    return r;
}

}  // namespace

namespace {

/// Everything each person is booked on, by (employee, programme): live
/// sessions by module and study blocks by module.
struct booked {
    std::map<std::uint32_t, std::vector<const model::session*>> live;
    std::map<std::uint32_t, std::vector<const model::study_block*>> blocks;
    model::delivery_mode mode = model::delivery_mode::online_live;  ///< of the live cohort
};
using bookings = std::map<std::pair<std::uint32_t, std::uint32_t>, booked>;

/// The plan's placed pairs; throws jadwal::error (errc::parse) when the plan
/// names an employee, programme or module the scenario lacks.
bookings book(const model::scenario& s, const model::solution& sol) {
    const auto check_employee = [&](model::employee_index e) {
        if (!e.valid() || e.value >= s.employees.size())
            throw error(errc::parse, "the plan names an unknown employee");
    };
    const auto check_program = [&](model::program_index p, std::optional<std::uint32_t> module) {
        if (!p.valid() || p.value >= s.programs.size()) throw error(errc::parse, "the plan names an unknown programme");
        if (module && *module >= s.programs[p.value].modules.size())
            throw error(errc::parse, "the plan names an unknown module of programme " + s.programs[p.value].id);
    };
    bookings by_pair;
    for (const auto& c : sol.cohorts) {
        check_program(c.program, std::nullopt);
        for (const auto& ss : c.sessions) check_program(c.program, ss.module);
        for (const auto e : c.participants) {
            check_employee(e);
            auto& b = by_pair[{e.value, c.program.value}];
            if (c.mode != model::delivery_mode::self_paced) b.mode = c.mode;
            for (const auto& ss : c.sessions) b.live[ss.module].push_back(&ss);
        }
    }
    for (const auto& blk : sol.study_blocks) {
        check_employee(blk.employee);
        check_program(blk.program, blk.module);
        by_pair[{blk.employee.value, blk.program.value}].blocks[blk.module].push_back(&blk);
    }
    for (const auto& u : sol.unplaced) by_pair.erase({u.employee.value, u.program.value});
    return by_pair;
}

/// The seats and modules of the booked pairs, with the checker's measures of
/// each person (`check`: the report of verify on the same plan).
exposure measure(const model::scenario& s, const bookings& by_pair, const verify::report& check) {
    const auto n_employees = s.employees.size();
    std::map<std::pair<std::uint32_t, std::uint32_t>, calendar::local_date> deadline;
    for (const auto& d : s.demand)
        if (d.deadline) {
            const std::pair key{d.employee.value, d.program.value};
            const auto it = deadline.find(key);
            if (it == deadline.end() || *d.deadline < it->second) deadline[key] = *d.deadline;
        }

    exposure x;
    x.jp_targets.reserve(n_employees);
    for (const auto& e : s.employees) {
        x.jp_targets.push_back(e.jp_target);
        if (e.jp_target > 0) ++x.jp_target_employees;
    }

    const calendar::work_calendar wc(s);
    // What the checker measured of each person (docs/attendance.md "What a seat
    // asks of a person"): their training inside working time, and their
    // after-hours minutes per ISO week, travel included and breaks and
    // assigned-duty time (attended like a working day people are sent to)
    // neither working time nor after hours.
    static const interval_set nothing;
    static const std::vector<std::pair<calendar::local_date, std::int64_t>> no_weeks;
    std::uint32_t current = static_cast<std::uint32_t>(-1);
    const interval_set* working = &nothing;
    const std::vector<std::pair<calendar::local_date, std::int64_t>>* weeks = &no_weeks;
    std::vector<std::pair<interval, double>> critical;
    const date::time_zone* zone = nullptr;
    const auto week_after_hours = [&](instant start) -> std::int64_t {
        const auto monday = calendar::week_monday(local_day(start, *zone));
        const auto w = std::lower_bound(weeks->begin(), weeks->end(), monday,
                                        [](const auto& entry, calendar::local_date d) { return entry.first < d; });
        return w != weeks->end() && w->first == monday ? w->second : 0;
    };

    for (auto it = by_pair.begin(); it != by_pair.end(); ++it) {
        const auto [emp, prog] = it->first;
        const model::employee_index ei{emp};
        if (emp != current) {
            current = emp;
            const auto& person = s.employees[emp];
            zone = &s.zone_of(person);
            working = emp < check.working_time_training.size() ? &check.working_time_training[emp] : &nothing;
            const auto pm = std::lower_bound(
                check.people.begin(), check.people.end(), emp,
                [](const verify::person_measures& m, std::uint32_t e) { return m.employee.value < e; });
            weeks = pm != check.people.end() && pm->employee.value == emp ? &pm->after_hours_weeks : &no_weeks;
            critical = person.unit.valid() ? wc.critical_periods(person.unit) : decltype(critical){};
        }
        const auto& p = s.programs[prog];
        // Preferences (docs/model.md "Preferences"): the person's, with their unit's days.
        const auto& person = s.employees[emp];
        const auto& prefs = person.prefs;
        const std::uint8_t unit_days =
            person.unit.valid() && person.unit.value < s.units.size() ? s.units[person.unit.value].preferred_days : 0;
        const bool any_prefs = !prefs.empty() || unit_days != 0;
        enrolment en;
        en.employee = ei;
        en.program = model::program_index{prog};
        en.jp = p.jp;
        en.modules.resize(p.modules.size());
        const auto dl_it = deadline.find(it->first);
        const calendar::local_date due = dl_it != deadline.end() ? dl_it->second : s.horizon.last;
        for (std::uint32_t m = 0; m < p.modules.size(); ++m) {
            auto& parts = en.modules[m];
            parts.live_first = static_cast<std::uint32_t>(x.live.size());
            if (const auto lv = it->second.live.find(m); lv != it->second.live.end()) {
                for (const auto* ss : lv->second) {
                    live_seat seat;
                    seat.employee = ei;
                    seat.program = en.program;
                    seat.module = m;
                    seat.start = ss->start;
                    seat.end = ss->end;
                    // The person's training in working time holds the session's
                    // minutes in working time (its travel is around it).
                    const interval i{ss->start, ss->end};
                    const auto len = i.length().count();
                    seat.working_share = len > 0 ? static_cast<double>(overlap_minutes(*working, i)) /
                                                       static_cast<double>(len)
                                                 : 0.0;
                    double w = 1;
                    bool inside = false;
                    for (const auto& [span, weight] : critical)
                        if (span.start <= ss->start && ss->start < span.end) {
                            w = inside ? std::max(w, weight) : weight;
                            inside = true;
                        }
                    seat.critical_weight = w;
                    seat.week_after_hours_minutes = week_after_hours(ss->start);
                    if (any_prefs) {
                        const auto tm = verify::session_misses(prefs, unit_days, ss->start, ss->end, *zone);
                        seat.preference_misses = tm.count() + (verify::mode_miss(prefs, it->second.mode) ? 1 : 0);
                    }
                    x.live.push_back(seat);
                }
            }
            parts.live_last = static_cast<std::uint32_t>(x.live.size());
            if (const auto bl = it->second.blocks.find(m); bl != it->second.blocks.end()) {
                instant last = bl->second.front()->end;
                for (const auto* b : bl->second) last = std::max(last, b->end);
                // A block ending at midnight finishes the day before.
                const auto last_day = local_day(last - calendar::minutes{1}, *zone);
                parts.self_paced = static_cast<std::int64_t>(x.self_paced.size());
                int misses = 0;
                if (any_prefs) {
                    bool day = false, time = false;
                    for (const auto* b : bl->second) {
                        const auto tm = verify::session_misses(prefs, unit_days, b->start, b->end, *zone);
                        day = day || tm.day;
                        time = time || tm.time;
                    }
                    const auto mode = verify::study_mode(bl->second.front()->recording);
                    misses = (day ? 1 : 0) + (time ? 1 : 0) + (verify::mode_miss(prefs, mode) ? 1 : 0);
                }
                x.self_paced.push_back({ei, en.program, m, (due - last_day).count(), misses});
            }
        }
        x.enrolments.push_back(std::move(en));
    }
    return x;
}

}  // namespace

exposure compute_exposure(const model::scenario& s, const model::solution& sol) {
    auto by_pair = book(s, sol);
    return measure(s, by_pair, verify::verify(s, sol, model::policy_or_builtin(model::plan_policy(s, sol))));
}

exposure compute_exposure(const model::scenario& s, const model::solution& sol, const verify::report& check) {
    return measure(s, book(s, sol), check);
}

double attend_probability(const live_seat& seat, const model::attendance_model& a) {
    const double work = std::max(0.0, 1.0 - a.working_time_penalty * seat.working_share * seat.critical_weight);
    const double overload =
        seat.week_after_hours_minutes > a.overload_minutes_per_week ? 1.0 - a.overload_penalty : 1.0;
    return clamp01(a.live_base * work * overload * std::pow(preference_miss_factor, seat.preference_misses));
}

double complete_probability(const self_paced_module& m, const model::attendance_model& a) {
    const double t = a.full_slack_days <= 0
                         ? (m.slack_days >= 0 ? 1.0 : 0.0)
                         : clamp01(static_cast<double>(m.slack_days) / static_cast<double>(a.full_slack_days));
    return clamp01((a.self_paced_min + (a.self_paced_max - a.self_paced_min) * t) *
                   std::pow(preference_miss_factor, m.preference_misses));
}

namespace {
/// enrolment_probability, with the records' outcomes where `known` has them.
double enrolment_probability_known(const exposure& x, const enrolment& e, const model::attendance_model& a,
                                   const known_outcomes* known) {
    double p = 1;
    std::vector<double> seats;
    for (const auto& parts : e.modules) {
        seats.clear();
        for (auto i = parts.live_first; i < parts.live_last; ++i) {
            const int k = known ? known->live_at(i) : -1;
            seats.push_back(k >= 0 ? static_cast<double>(k) : attend_probability(x.live[i], a));
        }
        if (!seats.empty()) p *= at_most_missed(seats, a.missed_sessions_allowed);
        if (parts.self_paced >= 0) {
            const auto i = static_cast<std::size_t>(parts.self_paced);
            const int k = known ? known->self_paced_at(i) : -1;
            p *= k >= 0 ? static_cast<double>(k) : complete_probability(x.self_paced[i], a);
        }
    }
    return p;
}
}  // namespace

double enrolment_probability(const exposure& x, const enrolment& e, const model::attendance_model& a) {
    return enrolment_probability_known(x, e, a, nullptr);
}

double enrolment_probability(const exposure& x, const enrolment& e, const model::attendance_model& a,
                             const known_outcomes& known) {
    return enrolment_probability_known(x, e, a, &known);
}

attendance_summary simulate_attendance(const exposure& x, const model::attendance_model& a,
                                       const simulation_options& opts) {
    if (opts.runs < 1) throw error(errc::invalid_argument, "the simulation needs at least one run");
    attendance_summary r;
    r.runs = opts.runs;
    r.seed = opts.seed;
    r.enrolments = static_cast<std::int64_t>(x.enrolments.size());
    r.live_seats = static_cast<std::int64_t>(x.live.size());
    r.jp_target_employees = x.jp_target_employees;

    // Probabilities do not change between runs: compute them once; a part
    // the records tell about has probability 1 or 0.
    const auto* known = opts.known;
    std::vector<double> seat_p(x.live.size());
    double seat_sum = 0;
    for (std::size_t i = 0; i < x.live.size(); ++i) {
        const int k = known ? known->live_at(i) : -1;
        seat_sum += seat_p[i] = k >= 0 ? k : attend_probability(x.live[i], a);
    }
    r.expected_seat_attendance = x.live.empty() ? 1.0 : seat_sum / static_cast<double>(x.live.size());
    std::vector<double> self_p(x.self_paced.size());
    for (std::size_t i = 0; i < x.self_paced.size(); ++i) {
        const int k = known ? known->self_paced_at(i) : -1;
        self_p[i] = k >= 0 ? k : complete_probability(x.self_paced[i], a);
    }
    for (const auto& e : x.enrolments) r.expected_completions += enrolment_probability_known(x, e, a, known);

    std::vector<double> completions(static_cast<std::size_t>(opts.runs));
    std::vector<double> target_share(static_cast<std::size_t>(opts.runs));
    // People who can reach a target are those with enrolments; the others
    // count in the denominator only.
    std::vector<std::int64_t> jp;  // completed JP in this run, parallel to `people`
    std::vector<std::uint32_t> people;
    std::vector<std::size_t> person_of(x.enrolments.size());
    for (std::size_t i = 0; i < x.enrolments.size(); ++i) {
        const auto e = x.enrolments[i].employee.value;
        if (people.empty() || people.back() != e) people.push_back(e);
        person_of[i] = people.size() - 1;
    }
    jp.resize(people.size());
    for (int run = 0; run < opts.runs; ++run) {
        jadwal::detail::rng g(jadwal::detail::mix(opts.seed, static_cast<std::uint64_t>(run)));
        std::fill(jp.begin(), jp.end(), 0);
        std::int64_t done = 0;
        for (std::size_t i = 0; i < x.enrolments.size(); ++i) {
            const auto& e = x.enrolments[i];
            bool ok = true;
            // Every draw is made even once the enrolment has failed, so one
            // enrolment's outcome never shifts the stream of the next.
            for (const auto& parts : e.modules) {
                int missed = 0;
                for (auto k = parts.live_first; k < parts.live_last; ++k)
                    if (g.unit() >= seat_p[k]) ++missed;
                if (missed > a.missed_sessions_allowed) ok = false;
                if (parts.self_paced >= 0 && g.unit() >= self_p[static_cast<std::size_t>(parts.self_paced)]) ok = false;
            }
            if (ok) {
                ++done;
                jp[person_of[i]] += e.jp;
            }
        }
        completions[static_cast<std::size_t>(run)] = static_cast<double>(done);
        std::int64_t met = 0;
        for (std::size_t k = 0; k < people.size(); ++k)
            if (const int t = x.jp_targets[people[k]]; t > 0 && jp[k] >= t) ++met;
        target_share[static_cast<std::size_t>(run)] =
            x.jp_target_employees > 0 ? static_cast<double>(met) / static_cast<double>(x.jp_target_employees) : 1.0;
    }
    r.completions = spread_of(std::move(completions));
    r.jp_target_share = spread_of(std::move(target_share));
    return r;
}

std::string record_error(const text::messages& m, const load::diagnostic& problem) {
    return fmt::format("{}:{}:{}: {}: {} [{}]", problem.file, problem.line, problem.column,
                       m.tr_in("diagnostic", "error"), problem.message, problem.code);
}

std::vector<attendance_record> parse_attendance_records(std::string_view csv, std::string_view file,
                                                        std::vector<std::string>& errors, const text::messages& m) {
    std::vector<load::diagnostic> problems;
    auto out = parse_attendance_records(csv, file, problems, m);
    for (const auto& d : problems) errors.push_back(record_error(m, d));
    return out;
}

std::vector<attendance_record> parse_attendance_records(std::string_view csv, std::string_view file,
                                                        std::vector<load::diagnostic>& problems,
                                                        const text::messages& m) {
    std::vector<attendance_record> out;
    const std::size_t earlier = problems.size();
    load::csv_reader reader(csv, load::csv_reader::sniff_delimiter(csv));
    std::vector<load::csv_field> fields;
    const auto error = [&](std::int32_t line, std::int32_t column, const std::string& message, std::string_view code) {
        load::diagnostic d;
        d.code = std::string(code);
        d.message = message;
        d.file = std::string(file);
        d.line = line;
        d.column = column;
        problems.push_back(std::move(d));
    };
    auto st = reader.next(fields);
    if (st == load::csv_reader::status::error) {
        error(reader.error_line(), reader.error_column(), std::string(m.tr(reader.error())), "E-CSV-SYNTAX");
        return out;
    }
    if (st == load::csv_reader::status::end) {
        error(1, 1,
              std::string(m.tr("the records file is empty (expected a header: nip,program,module,start,attended)")),
              "E-EMPTY");
        return out;
    }
    static constexpr std::array<std::string_view, 5> names{"nip", "program", "module", "start", "attended"};
    std::array<std::size_t, 5> column{};
    column.fill(static_cast<std::size_t>(-1));
    for (std::size_t i = 0; i < fields.size(); ++i)
        for (std::size_t k = 0; k < names.size(); ++k)
            if (fields[i].text == names[k]) column[k] = i;
    for (std::size_t k = 0; k < names.size(); ++k)
        if (column[k] == static_cast<std::size_t>(-1))
            error(1, 1,
                  m.format("the header has no column '{}' (needs nip, program, module, start, attended)", names[k]),
                  "E-CSV-HEADER");
    if (problems.size() != earlier) return out;

    while ((st = reader.next(fields)) == load::csv_reader::status::record) {
        const auto line = reader.record_line();
        if (fields.size() < names.size() || *std::max_element(column.begin(), column.end()) >= fields.size()) {
            error(line, 1, m.format("a record needs {} columns, this one has {}", names.size(), fields.size()),
                  "E-CSV-COLUMNS");
            continue;
        }
        attendance_record r;
        r.line = line;
        r.employee = std::string(fields[column[0]].text);
        r.program = std::string(fields[column[1]].text);
        r.module = std::string(fields[column[2]].text);
        r.nip_column = fields[column[0]].column();
        r.program_column = fields[column[1]].column();
        r.module_column = fields[column[2]].column();
        const auto& start = fields[column[3]];
        if (start.text.empty()) {
            r.self_paced = true;
        } else if (const auto t = calendar::parse_instant(start.text)) {
            r.start = *t;
        } else {
            error(line, start.column(),
                  m.format("start '{}' is not an ISO 8601 instant with offset (2026-03-16T08:00:00+07:00)",
                           start.text),
                  "E-DATE");
            continue;
        }
        const auto& att = fields[column[4]];
        if (att.text == "1" || att.text == "true")
            r.attended = true;
        else if (att.text == "0" || att.text == "false")
            r.attended = false;
        else {
            error(line, att.column(), m.format("attended '{}' is not 0 or 1", att.text), "E-ENUM");
            continue;
        }
        out.push_back(std::move(r));
    }
    if (st == load::csv_reader::status::error)
        error(reader.error_line(), reader.error_column(), std::string(m.tr(reader.error())), "E-CSV-SYNTAX");
    return out;
}

namespace {

/// The best point of f over a grid of a in [a_lo, a_hi] and b in [b_lo, b_hi]
/// (`coarse` steps), then of a finer grid (steps of 0.001) around it, inside
/// the box [a_min, a_max] x [b_min, b_max] and where `allowed(a, b)`. The
/// likelihoods here are smooth and single-peaked over such small boxes, so
/// this finds the maximum without the fragility of a derivative-based
/// optimiser, and it is deterministic. Ties keep the first point met.
struct grid_best {
    double a = 0, b = 0, value = -std::numeric_limits<double>::infinity();
};
template <class F, class Allowed>
grid_best grid_search(const F& f, const Allowed& allowed, double a_min, double a_max, double a_coarse, double b_min,
                      double b_max, double b_coarse, grid_best best) {
    const auto search = [&](double a_lo, double a_hi, double a_step, double b_lo, double b_hi, double b_step) {
        const auto na = a_step > 0 ? static_cast<int>(std::lround((a_hi - a_lo) / a_step)) : 0;
        const auto nb = b_step > 0 ? static_cast<int>(std::lround((b_hi - b_lo) / b_step)) : 0;
        for (int i = 0; i <= na; ++i)
            for (int j = 0; j <= nb; ++j) {
                const double a = a_lo + a_step * i, b = b_lo + b_step * j;
                if (a < a_min - 1e-12 || a > a_max + 1e-12 || b < b_min - 1e-12 || b > b_max + 1e-12 ||
                    !allowed(a, b))
                    continue;
                const double v = f(a, b);
                if (v > best.value) best = {a, b, v};
            }
    };
    search(a_min, a_max, a_coarse, b_min, b_max, b_coarse);
    const double a_fine = a_coarse > 0 ? 0.001 : 0, b_fine = b_coarse > 0 ? 0.001 : 0;
    search(best.a - a_coarse, best.a + a_coarse, a_fine, best.b - b_coarse, best.b + b_coarse, b_fine);
    return best;
}

double thousandths(double v) { return std::round(v * 1000) / 1000; }

/// log p or log(1 - p), with p kept off 0 and 1 so a single surprising record
/// costs a large but finite amount instead of ruling a parameter out.
double log_outcome(double p, bool happened) {
    p = std::clamp(p, 1e-9, 1 - 1e-9);
    return happened ? std::log(p) : std::log1p(-p);
}

}  // namespace

fit_result fit_attendance(const model::scenario& s, const exposure& x, std::span<const attendance_record> records,
                          const model::attendance_model& start) {
    fit_result r;
    r.fitted = start;
    const known_outcomes matched = match_records(s, x, records);
    r.records_unmatched = matched.unmatched;
    // Each matched record reduces to what its likelihood needs. Live: the
    // working-time exposure (share x critical weight) and whether the week is
    // over the after-hours threshold. Self-paced: the slack fraction t of
    // complete_probability (full_slack_days held). Records that share these
    // share a probability, so the likelihood sums over groups of them (yes and
    // no counts) and its cost does not grow with the number of records. The
    // preference misses of a seat or module (preference_miss_factor each, not
    // fitted) are part of the group.
    struct outcomes {
        double yes = 0, no = 0;
        void add(bool happened) { (happened ? yes : no) += 1; }
    };
    std::map<std::tuple<double, bool, int>, outcomes> live_groups;  // (exposure, overloaded, misses)
    std::map<std::pair<double, int>, outcomes> module_groups;       // (t, misses)
    // complete_probability with min 0 and max 1 is t itself.
    model::attendance_model slack_only = start;
    slack_only.self_paced_min = 0;
    slack_only.self_paced_max = 1;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto part = matched.part_of_record[i];
        if (part < 0) continue;
        const auto& rec = records[i];
        if (rec.self_paced) {
            auto slack = x.self_paced[static_cast<std::size_t>(part)];
            const int misses = slack.preference_misses;
            slack.preference_misses = 0;
            module_groups[{complete_probability(slack, slack_only), misses}].add(rec.attended);
            ++r.records_self_paced;
            continue;
        }
        const auto& seat = x.live[static_cast<std::size_t>(part)];
        live_groups[{seat.working_share * seat.critical_weight,
                     seat.week_after_hours_minutes > start.overload_minutes_per_week, seat.preference_misses}]
            .add(rec.attended);
        ++r.records_live;
    }
    r.records_used = r.records_live + r.records_self_paced;

    const auto group_ll = [](double p, const outcomes& g) {
        return (g.yes > 0 ? g.yes * log_outcome(p, true) : 0) + (g.no > 0 ? g.no * log_outcome(p, false) : 0);
    };
    const auto live_ll = [&](double base, double penalty, double overload) {
        double ll = 0;
        for (const auto& [k, g] : live_groups)
            ll += group_ll(base * std::max(0.0, 1 - penalty * std::get<0>(k)) * (std::get<1>(k) ? 1 - overload : 1.0) *
                               std::pow(preference_miss_factor, std::get<2>(k)),
                           g);
        return ll;
    };
    const auto module_ll = [&](double lo, double hi) {
        double ll = 0;
        for (const auto& [k, g] : module_groups)
            ll += group_ll((lo + (hi - lo) * k.first) * std::pow(preference_miss_factor, k.second), g);
        return ll;
    };
    r.log_likelihood_start = live_ll(start.live_base, start.working_time_penalty, start.overload_penalty) +
                             module_ll(start.self_paced_min, start.self_paced_max);
    auto& f = r.fitted;

    if (!live_groups.empty()) {
        // The base rate and the working-time penalty together; the overload
        // penalty apart, holding them; alternately until nothing moves. The
        // overload penalty is told apart from the base rate only by sessions
        // in both light and heavy weeks.
        const auto overloaded = [](const auto& group) { return std::get<1>(group.first); };
        const bool heavy = std::any_of(live_groups.begin(), live_groups.end(), overloaded);
        const bool light = !std::all_of(live_groups.begin(), live_groups.end(), overloaded);
        r.fitted_live = true;
        r.fitted_overload = heavy && light;
        const auto any = [](double, double) { return true; };
        for (int round = 0; round < 8; ++round) {
            const auto before = std::tuple{f.live_base, f.working_time_penalty, f.overload_penalty};
            const auto bp = grid_search([&](double b, double pen) { return live_ll(b, pen, f.overload_penalty); }, any,
                                        0.01, 0.999, 0.01, 0, 1, 0.02, {});
            f.live_base = thousandths(bp.a);
            f.working_time_penalty = thousandths(bp.b);
            if (!r.fitted_overload) break;
            const auto ov = grid_search(
                [&](double o, double) { return live_ll(f.live_base, f.working_time_penalty, o); }, any, 0, 1, 0.01,
                0, 0, 0, {});
            f.overload_penalty = thousandths(ov.a);
            if (before == std::tuple{f.live_base, f.working_time_penalty, f.overload_penalty}) break;
        }
    }

    if (!module_groups.empty()) {
        // Records with no slack tell self_paced_min; with full_slack_days or
        // more, self_paced_max; in between, both. Each is fitted only when
        // some record speaks to it, and min <= max holds throughout.
        // Keys are sorted: the smallest t is first, the largest last.
        const bool some_min = module_groups.begin()->first.first < 1;
        const bool some_max = module_groups.rbegin()->first.first > 0;
        r.fitted_self_paced_min = some_min;
        r.fitted_self_paced_max = some_max;
        const double lo_min = some_min ? 0 : f.self_paced_min, lo_max = some_min ? 1 : f.self_paced_min;
        const double hi_min = some_max ? 0 : f.self_paced_max, hi_max = some_max ? 1 : f.self_paced_max;
        const auto best = grid_search(module_ll, [](double lo, double hi) { return lo <= hi; }, lo_min, lo_max,
                                      some_min ? 0.01 : 0, hi_min, hi_max, some_max ? 0.01 : 0, {});
        f.self_paced_min = thousandths(best.a);
        f.self_paced_max = thousandths(std::max(best.a, best.b));
    }

    r.log_likelihood = live_ll(f.live_base, f.working_time_penalty, f.overload_penalty) +
                       module_ll(f.self_paced_min, f.self_paced_max);
    return r;
}

std::string attendance_yaml(const model::attendance_model& a) {
    return fmt::format(
        "attendance:\n"
        "  live_base: {}\n"
        "  working_time_penalty: {}\n"
        "  overload_minutes_per_week: {}\n"
        "  overload_penalty: {}\n"
        "  self_paced_min: {}\n"
        "  self_paced_max: {}\n"
        "  full_slack_days: {}\n"
        "  missed_sessions_allowed: {}\n",
        a.live_base, a.working_time_penalty, a.overload_minutes_per_week, a.overload_penalty, a.self_paced_min,
        a.self_paced_max, a.full_slack_days, a.missed_sessions_allowed);
}

}  // namespace jadwal::compare
