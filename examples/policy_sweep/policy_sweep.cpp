// A policy sweep: how much training does a regency reach when it lets more of a
// unit's staff be away at once, or asks people for more evenings?
//
// The program generates a Batanghari population in code, derives 16 policies
// from the shipped `flexible` one (unit absence limit 5%, 10%, 15%, 20% times
// after-hours cap 0, 2, 4, 6 hours a week), plans each with the same seed and
// the same move budget, checks every plan with the independent checker, and
// prints one table. It also writes the table as CSV and a chart as SVG.
//
//   policy_sweep --out DIR [--employees 1000] [--seed 1] [--max-moves 50000]
//                [--time-limit SECONDS] [--threads 1] [--lang id|en]
//
// The chart speaks the language of --lang, else the scenario's `locale`, else
// English, through jadwal's message catalogue (po/id/sweep.po), with that
// language's number formats. The table and the CSV are for analysts and stay
// as they are.
//
// With a move budget and no time limit every figure is reproducible: the same
// arguments give the same table on any machine. A time limit only ever stops a
// solve early, so it makes the result depend on the machine's speed.
//
// Exit status: 0 when every plan passes the checker, 1 when any plan breaks a
// hard rule, 2 for bad arguments or a scenario that does not load.
#include <jadwal/generate/batanghari.hpp>
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/output/csv.hpp>
#include <jadwal/solve/solver.hpp>
#include <jadwal/text/messages.hpp>
#include <jadwal/verify/verify.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using namespace jadwal;
namespace fs = std::filesystem;

namespace {

// ------------------------------------------------------------------ arguments

struct arguments {
    fs::path out;
    int employees = 1000;
    std::uint64_t seed = 1;
    std::int64_t max_moves = 50'000;
    std::optional<double> time_limit;
    int threads = 1;
    std::optional<text::language> language;  ///< of the chart; none: the scenario's locale
};

/// The command line, read with CLI11 (the library the jadwal tool uses).
/// Returns an exit code when the program should stop here (help, bad arguments).
std::optional<int> parse_arguments(int argc, char** argv, arguments& a) {
    CLI::App app{"Sweeps the unit absence limit and the after-hours cap on a generated population", "policy_sweep"};
    app.add_option("--out", a.out, "Directory for policy_sweep.csv and policy_sweep.svg")->required();
    app.add_option("--employees", a.employees, "Population size")->check(CLI::Range(1, 1'000'000));
    app.add_option("--seed", a.seed, "Population and solver seed");
    app.add_option("--max-moves", a.max_moves, "Local-search moves per plan")->check(CLI::NonNegativeNumber);
    app.add_option("--time-limit", a.time_limit, "Seconds per plan (results then depend on the machine)")
        ->check(CLI::PositiveNumber);
    app.add_option("--threads", a.threads, "Search threads")->check(CLI::Range(1, 256));
    std::string lang;
    app.add_option("--lang", lang, "Language of the chart: id or en (default: the scenario's locale, else en)")
        ->check(CLI::IsMember({"id", "en"}));
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (!lang.empty()) a.language = text::parse_language(lang);
    return std::nullopt;
}

// ------------------------------------------------------------------ the scenario

/// The generated population, loaded exactly as `jadwal solve` would load the
/// file `jadwal generate batanghari` writes: the generator emits YAML and the
/// loader turns it into the model, validating it on the way.
model::scenario generate_population(int employees, std::uint64_t seed) {
    generate::batanghari_options g;
    g.employees = employees;
    g.seed = seed;
    g.csv_threshold = 1 << 30;  // keep everyone inline: nothing to write to disk
    auto loaded = load::load_scenario_text(generate::batanghari_yaml(g), "batanghari.yaml");
    if (!loaded.scenario) {
        for (const auto& d : loaded.diags.items()) std::cerr << load::format(d) << "\n";
        throw std::runtime_error("the generated scenario does not load");
    }
    return std::move(*loaded.scenario);
}

/// One point of the sweep: a unit absence limit and an after-hours cap.
struct setting {
    int absence_percent = 0;    ///< at most this share of a unit's staff away in working time at once
    int after_hours_hours = 0;  ///< at most this many hours of training outside working time per person and week
};

/// A policy derived in code from `flexible`: the same modes, windows and
/// weights, with this setting's two limits. The shipped policies are ordinary
/// values in the scenario, so a program can copy one and change what it wants.
model::policy derive_policy(const model::policy& flexible, const setting& at) {
    model::policy p = flexible;
    p.id = fmt::format("flexible-absent{}-evening{}h", at.absence_percent, at.after_hours_hours);
    p.description = fmt::format("flexible, at most {}% of a unit away, at most {} h a week after hours",
                                at.absence_percent, at.after_hours_hours);
    // policy.max_absent replaces every unit's own limit (docs/model.md, hard 6).
    // As a share it is rounded down but never below one person, so a unit of
    // six may still send one person (17%) under a 5% limit.
    p.max_absent = model::staffing_limit{model::staffing_limit::kind::share, at.absence_percent / 100.0, 0};
    const int week = at.after_hours_hours * 60;
    p.max_after_hours_minutes_per_week = week;
    // The daily cap may not exceed the weekly one (the loader calls that E-RANGE-ORDER).
    if (p.max_after_hours_minutes_per_day) p.max_after_hours_minutes_per_day = std::min(*p.max_after_hours_minutes_per_day, week);
    return p;
}

/// Adds a policy to the scenario and returns its index. The look-up table is
/// kept in step so that find_policy (and solving by id) sees it too.
model::policy_index add_policy(model::scenario& s, model::policy p) {
    model::policy_index at{static_cast<std::uint32_t>(s.policies.size())};
    s.policy_by_id[p.id] = at.value;
    s.policies.push_back(std::move(p));
    return at;
}

// ------------------------------------------------------------------ one row

struct row {
    setting at;
    std::string policy;
    std::int64_t demand_total = 0, demand_placed = 0;
    double participation = 0;        ///< placed demand items / all demand items
    double jp_attainment = 0;        ///< staff reaching their JP target / staff with a target
    std::int64_t placed_jp = 0;      ///< the JP of every placed demand item
    std::int64_t disruption = 0;     ///< training minutes inside participants' working time
    double disruption_per_jp = 0;    ///< disruption / placed_jp
    std::int64_t after_hours = 0;    ///< training minutes outside participants' working time
    std::int64_t max_evening_week = 0;  ///< the most after-hours minutes of one person in one week
    double max_unit_absence = 0;     ///< the largest share of one unit in training at once in working time
    std::int64_t violations = 0;
    double seconds = 0;
};

/// The JP a plan delivers: every demand item's programme JP, less the items the
/// plan could not place.
std::int64_t placed_jp_of(const model::scenario& s, const solve::solution& plan) {
    std::int64_t jp = 0;
    for (const auto& d : s.demand) jp += s.programs[d.program.value].jp;
    for (const auto& u : plan.unplaced) jp -= s.programs[u.program.value].jp;
    return jp;
}

row plan_and_check(const model::scenario& s, model::policy_index policy, const setting& at, const arguments& args) {
    solve::solve_options o;
    o.policy_index = policy;
    o.seed = args.seed;              // the same seed for every point...
    o.max_moves = args.max_moves;    // ...and the same search effort
    o.time_limit_seconds = args.time_limit;
    o.threads = args.threads;
    const solve::solution plan = solve::solve(s, o);

    // The figures come from the independent checker, not from the solver's own
    // account: verify recomputes every hard rule and every metric from the
    // scenario and the plan alone, on a code path that shares no solver code.
    const model::policy& pol = s.policies[policy.value];
    const verify::report check = verify::verify(s, plan, pol);
    for (const auto& v : check.violations) std::cerr << pol.id << ": " << v.code << " " << v.message << "\n";

    row r;
    r.at = at;
    r.policy = pol.id;
    const auto& m = check.metrics;
    r.demand_total = m.demand_total;
    r.demand_placed = m.demand_placed;
    r.participation = m.participation_rate;
    r.jp_attainment = m.jp_target_attainment;
    r.placed_jp = placed_jp_of(s, plan);
    r.disruption = m.disruption_minutes;
    r.disruption_per_jp = r.placed_jp > 0 ? static_cast<double>(r.disruption) / static_cast<double>(r.placed_jp) : 0;
    r.after_hours = m.after_hours_minutes;
    r.max_evening_week = m.max_after_hours_minutes_per_person_week;
    r.max_unit_absence = m.max_unit_absence_ratio;
    r.violations = static_cast<std::int64_t>(check.violations.size());
    // The plan's list of unplaced demand must agree with what the checker counts as placed.
    if (m.demand_total - static_cast<std::int64_t>(plan.unplaced.size()) != m.demand_placed) {
        std::cerr << pol.id << ": the plan lists " << plan.unplaced.size() << " unplaced items, the checker finds "
                  << (m.demand_total - m.demand_placed) << "\n";
        ++r.violations;
    }
    r.seconds = plan.elapsed_seconds;
    return r;
}

// ------------------------------------------------------------------ outputs

std::string percent(double share) { return fmt::format("{:.1f}%", 100.0 * share); }

/// A share on the chart: "65%" / "65.5%" in English as the chart always had it,
/// "65%" / "65,5%" in Indonesian.
std::string share_text(const text::messages& m, double share, int decimals) {
    if (m.lang() == text::language::en) return fmt::format("{:.{}f}%", 100.0 * share, decimals);
    return m.percent(share, decimals);
}

/// A count on the chart: "7200" in English as the chart always had it, "7.200" in Indonesian.
std::string number_text(const text::messages& m, std::int64_t n) {
    return m.lang() == text::language::en ? std::to_string(n) : m.number(n);
}

/// A thousands separator makes six- and seven-digit minute counts readable.
std::string grouped(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

void print_table(const std::vector<row>& rows) {
    std::cout << fmt::format("{:>7} {:>9} | {:>15} {:>9} {:>10} {:>13} {:>10} {:>10}\n", "absence", "evenings",
                             "participation", "JP target", "disr./JP", "after-hours", "max week", "max unit");
    std::cout << fmt::format("{:>7} {:>9} | {:>15} {:>9} {:>10} {:>13} {:>10} {:>10}\n", "limit", "cap/week",
                             "(placed)", "reached", "(minutes)", "(minutes)", "(minutes)", "absence");
    std::cout << std::string(100, '-') << "\n";
    for (const auto& r : rows)
        std::cout << fmt::format("{:>6}% {:>7} h | {:>6} {:>8} {:>9} {:>10.1f} {:>13} {:>10} {:>10.3f}\n",
                                 r.at.absence_percent, r.at.after_hours_hours, percent(r.participation),
                                 fmt::format("({})", r.demand_placed), percent(r.jp_attainment), r.disruption_per_jp,
                                 grouped(r.after_hours), r.max_evening_week, r.max_unit_absence);
}

/// The table through jadwal's CSV writer (RFC 4180, spreadsheet formulas
/// neutralised), as the exports of a plan are written.
void write_csv(const fs::path& file, const std::vector<row>& rows) {
    output::csv_writer w;
    for (const char* h : {"absence_limit_percent", "after_hours_cap_hours_per_week", "policy", "demand_total",
                          "demand_placed", "participation_rate", "jp_target_attainment", "placed_jp",
                          "disruption_minutes", "disruption_minutes_per_placed_jp", "after_hours_minutes",
                          "max_after_hours_minutes_per_person_week", "max_unit_absence_ratio", "hard_violations"})
        w.text(h);
    w.end_row();
    for (const auto& r : rows) {
        w.number(r.at.absence_percent).number(r.at.after_hours_hours).text(r.policy);
        w.number(r.demand_total).number(r.demand_placed).decimal(r.participation, 4).decimal(r.jp_attainment, 4);
        w.number(r.placed_jp).number(r.disruption).decimal(r.disruption_per_jp, 2).number(r.after_hours);
        w.number(r.max_evening_week).decimal(r.max_unit_absence, 4).number(r.violations);
        w.end_row();
    }
    std::ofstream f(file, std::ios::binary);
    f << w.str();
    if (!f.flush()) throw std::runtime_error("cannot write " + file.string());
}

/// A y range with round ends that holds every value, in steps of `step`.
/// The axis starts at zero only when the data come near it: the lines of a
/// sweep often lie close together, and a chart squeezed into the top tenth of
/// a 0-100% axis would hide the differences it is meant to show. The axis
/// labels say where it starts.
std::pair<double, double> y_range(const std::vector<double>& values, double step) {
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    double bottom = std::floor(*lo / step) * step, top = std::ceil(*hi / step) * step;
    if (bottom < 2 * step) bottom = 0;
    if (top - bottom < step) top = bottom + step;
    return {bottom, std::min(top, 1.0)};
}

/// One panel of the chart: a figure (y) against the after-hours cap (x), one
/// line per absence limit. Plain SVG 1.1, drawn by hand, so the file needs
/// nothing to display: any browser opens it.
std::string svg_panel(const text::messages& m, const std::vector<row>& rows, const std::vector<int>& limits,
                      const std::vector<int>& caps, double (*figure)(const row&), const std::string& title, double x0,
                      double y0) {
    static const char* colours[] = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"};
    const double w = 400, h = 260;  // the plot area, inside the panel's margins
    const double left = x0 + 60, top = y0 + 40;
    std::vector<double> ys;
    for (const auto& r : rows) ys.push_back(figure(r));
    const auto [ymin, ymax] = y_range(ys, 0.05);
    const double xmax = caps.back();
    auto px = [&](double cap) { return left + w * cap / xmax; };
    auto py = [&](double v) { return top + h * (1 - (v - ymin) / (ymax - ymin)); };

    std::string s;
    s += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" font-size="15" font-weight="bold">{}</text>)" "\n", left,
                     y0 + 22, title);
    // Grid and y labels every 5 percentage points.
    for (double v = ymin; v <= ymax + 1e-9; v += 0.05) {
        s += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#ddd"/>)" "\n", left,
                         py(v), left + w, py(v));
        s += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" font-size="12" text-anchor="end">{}</text>)" "\n",
                         left - 6, py(v) + 4, share_text(m, v, 0));
    }
    // Axes, x ticks and axis titles.
    s += fmt::format(R"(<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" stroke="#333"/>)" "\n", left, top,
                     top + h);
    s += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#333"/>)" "\n", left, top + h,
                     left + w, top + h);
    for (int c : caps) {
        s += fmt::format(R"(<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" stroke="#333"/>)" "\n", px(c),
                         top + h, top + h + 5);
        s += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" font-size="12" text-anchor="middle">{}</text>)" "\n", px(c),
                         top + h + 19, m.format("{} h", c));
    }
    s += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" font-size="12" text-anchor="middle">{}</text>)" "\n",
                     left + w / 2, top + h + 38, m.tr("after-hours cap per person and week"));
    s += fmt::format(
        R"svg(<text x="{0:.1f}" y="{1:.1f}" font-size="12" text-anchor="middle" transform="rotate(-90 {0:.1f} {1:.1f})">{2}</text>)svg" "\n",
        x0 + 14, top + h / 2, m.format("{} (axis from {})", title, share_text(m, ymin, 0)));
    // One line with markers per absence limit.
    for (std::size_t k = 0; k < limits.size(); ++k) {
        std::string points;
        for (const auto& r : rows)
            if (r.at.absence_percent == limits[k])
                points += fmt::format("{:.1f},{:.1f} ", px(r.at.after_hours_hours), py(figure(r)));
        const char* colour = colours[k % std::size(colours)];
        s += fmt::format(R"(<polyline fill="none" stroke="{}" stroke-width="2.5" points="{}"/>)" "\n", colour, points);
        for (const auto& r : rows)
            if (r.at.absence_percent == limits[k])
                s += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="4" fill="{}"><title>{}</title></circle>)" "\n",
                                 px(r.at.after_hours_hours), py(figure(r)), colour,
                                 m.format("absence {}%, {} h: {}", r.at.absence_percent, r.at.after_hours_hours,
                                          share_text(m, figure(r), 1)));
    }
    return s;
}

void write_svg(const fs::path& file, const text::messages& m, const std::vector<row>& rows,
               const std::vector<int>& limits, const std::vector<int>& caps, int employees, std::uint64_t seed,
               std::int64_t moves) {
    const double width = 1000, height = 420;
    std::string s = fmt::format(
        R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0:.0f}" height="{1:.0f}" viewBox="0 0 {0:.0f} {1:.0f}" font-family="sans-serif" xml:lang="{2}">)" "\n",
        width, height, text::code(m.lang()));
    s += fmt::format(R"(<rect width="{:.0f}" height="{:.0f}" fill="white"/>)" "\n", width, height);
    s += svg_panel(m, rows, limits, caps, [](const row& r) { return r.participation; }, std::string(m.tr("Participation")),
                   0, 0);
    s += svg_panel(m, rows, limits, caps, [](const row& r) { return r.jp_attainment; },
                   std::string(m.tr("JP target reached")), 500, 0);
    // The legend, shared by both panels.
    static const char* colours[] = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"};
    double x = 60;
    const double y = 392;
    s += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" font-size="12">{}</text>)" "\n", x, y + 4,
                     m.tr("unit absence limit:"));
    // Room for the legend's title: the English one fits in 120 px; a longer
    // translation gets about 6 px a letter (12 px sans-serif).
    const bool english = m.lang() == text::language::en;
    const auto legend_title = static_cast<double>(m.tr("unit absence limit:").size());
    x += english ? 120.0 : std::max(120.0, 6.0 * legend_title + 12);
    for (std::size_t k = 0; k < limits.size(); ++k) {
        s += fmt::format(R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}" stroke-width="2.5"/>)" "\n", x,
                         y, x + 24, y, colours[k % std::size(colours)]);
        s += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" font-size="12">{}%</text>)" "\n", x + 30, y + 4, limits[k]);
        x += 70;
    }
    // The run's note after the legend; a longer translation ends at the right edge instead.
    s += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" font-size="11" fill="#555"{}>{}</text>)" "\n",
                     english ? x + 20 : width - 10, y + 4, english ? "" : R"( text-anchor="end")",
                     m.format("{} employees, seed {}, {} moves per plan; flexible policy", number_text(m, employees),
                              seed, number_text(m, moves)));
    s += "</svg>\n";
    std::ofstream f(file);
    f << s;
    if (!f.flush()) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace

int main(int argc, char** argv) {
    arguments args;
    if (const auto stop = parse_arguments(argc, argv, args)) return *stop;
    try {
        model::scenario s = generate_population(args.employees, args.seed);
        const auto flexible = s.find_policy("flexible");
        if (!flexible) throw std::runtime_error("the generated scenario has no 'flexible' policy");
        std::cout << fmt::format("Batanghari, {} employees (seed {}): {} demand items; {} moves per plan{}\n\n",
                                 s.employees.size(), args.seed, s.demand.size(), args.max_moves,
                                 args.time_limit ? fmt::format(", at most {} s each", *args.time_limit) : "");

        // The sweep: 4 x 4 settings, each a policy of its own. Policies are
        // added first and solved after, because adding one may move the vector.
        const std::vector<int> limits{5, 10, 15, 20};  // percent of a unit's staff
        const std::vector<int> caps{0, 2, 4, 6};       // hours per person and week
        std::vector<std::pair<setting, model::policy_index>> points;
        const model::policy base = s.policies[flexible->value];
        for (int limit : limits)
            for (int cap : caps) {
                const setting at{limit, cap};
                points.emplace_back(at, add_policy(s, derive_policy(base, at)));
            }

        std::vector<row> rows;
        for (const auto& [at, policy] : points) {
            std::cerr << fmt::format("planning: absence {:>2}%, evenings {} h ...", at.absence_percent,
                                     at.after_hours_hours);
            rows.push_back(plan_and_check(s, policy, at, args));
            std::cerr << fmt::format(" {:.1f} s\n", rows.back().seconds);
        }

        print_table(rows);

        fs::create_directories(args.out);
        write_csv(args.out / "policy_sweep.csv", rows);
        // The chart in the language asked for, else the scenario's (docs/languages.md).
        const text::messages m(text::choose_language(args.language, s.locale));
        write_svg(args.out / "policy_sweep.svg", m, rows, limits, caps, args.employees, args.seed, args.max_moves);
        std::cout << "\nwrote " << (args.out / "policy_sweep.csv").string() << " and "
                  << (args.out / "policy_sweep.svg").string() << "\n";

        std::int64_t violations = 0;
        for (const auto& r : rows) violations += r.violations;
        if (violations > 0) {
            std::cout << "the checker found " << violations << " violations: see above\n";
            return 1;
        }
        std::cout << "all " << rows.size() << " plans pass the independent checker (0 violations)\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "policy_sweep: " << e.what() << "\n";
        return 2;
    }
}
