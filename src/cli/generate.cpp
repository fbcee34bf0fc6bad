#include "commands.hpp"

#include <jadwal/generate/batanghari.hpp>
#include <jadwal/generate/nation.hpp>
#include <jadwal/load/diagnostic.hpp>
#include <jadwal/model/error.hpp>
#include <jadwal/time/civil.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace jadwal::cli {

namespace {

/// `jadwal generate nation`: a national folder (docs/scale.md).
int run_nation(const run_context& ctx, const std::string& out, const generate::nation_options& opts) {
    const auto m = ctx.messages();
    if (generate::inspect_nation_folder(out) == generate::nation_folder::in_use) {
        fmt::print(stderr, "jadwal generate: {}\n",
                   m.format("{} is not empty and holds no nation written by jadwal generate nation; choose a new "
                            "or empty folder",
                            load::printable(out)));
        return static_cast<int>(usage_error);
    }
    generate::nation_summary nation;
    try {
        nation = generate::write_nation(out, opts);
    } catch (const jadwal::error& e) {  // a file or folder could not be written (write_nation's contract)
        fmt::print(stderr, "jadwal generate: {}\n", load::printable(e.what()));
        return static_cast<int>(e.code() == errc::io ? io_error : usage_error);
    }
    const auto n = static_cast<std::int64_t>(nation.agencies.size());
    const auto what = m.format("({} employees, seed {})", count(m, opts.employees), opts.seed);
    fmt::print("{}\n",
               m.plural("wrote {} and {} agency scenario {}", "wrote {} and {} agency scenarios {}", n,
                        load::printable((std::filesystem::path(out) / "nation.yaml").string()), count(m, n), what));
    for (const auto& a : nation.agencies)
        fmt::print("  {:<32} {:<9} {:>9}  {}\n", a.id, a.kind, count(m, a.employees), a.name);
    fmt::print("{}\n", m.format("shared: {} national sessions, platform {} ({} at once), {} trainers, hall {}",
                                count(m, static_cast<std::int64_t>(nation.sessions.size())), nation.platform,
                                count(m, nation.platform_concurrent),
                                count(m, static_cast<std::int64_t>(nation.trainers.size())), nation.hall));
    return static_cast<int>(success);
}

}  // namespace

action add_generate(CLI::App& app) {
    auto* cmd = app.add_subcommand("generate", "Write a synthetic scenario, or a national folder of them");
    struct args {
        std::string kind;
        std::string out;
        std::string locale;
        std::string history_until;  ///< --history-until, as given
        generate::batanghari_options opts;
        int agencies = generate::nation_options{}.agencies;
    };
    auto a = std::make_shared<args>();
    cmd->add_option("kind", a->kind, "What to write: batanghari (one regency) or nation (a folder of agencies)")
        ->required()
        ->check(CLI::IsMember({"batanghari", "nation"}));
    auto* employees = cmd->add_option("--employees", a->opts.employees,
                                      "Number of employees (nation: over all agencies, default 60000)")
                          ->check(CLI::Range(1, 10'000'000))
                          ->capture_default_str();
    cmd->add_option("--agencies", a->agencies, "nation: number of agencies (the province, a ministry, regencies)")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    cmd->add_option("--seed", a->opts.seed, "Random seed")->capture_default_str();
    cmd->add_option("--year", a->opts.year, "Planning year")->check(CLI::Range(2000, 2100))->capture_default_str();
    cmd->add_option("--out", a->out, "Scenario file to write (YAML); nation: the folder to write")->required();
    cmd->add_option("--preferences", a->opts.preferences,
                    "batanghari: the share (0..1) of employees who state personal preferences (default 0: none)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    cmd->add_option("--history-until", a->history_until,
                    "batanghari: also write a training history (a SIASN course export) of the courses completed from "
                    "1 January of --year up to the day before this one (YYYY-MM-DD), named by the scenario's history");
    cmd->add_option("--locale", a->locale,
                    "The scenario's locale, the language of what people read: id or en (default: none written)")
        ->check(CLI::IsMember({"id", "en"}));
    return [a, employees](const run_context& ctx) {
        const auto m = ctx.messages();
        if (!a->locale.empty()) a->opts.locale = text::parse_language(a->locale);
        if (a->kind == "nation") {
            if (a->opts.preferences > 0) {
                fmt::print(stderr, "jadwal generate: {}\n", m.tr("--preferences applies to batanghari only"));
                return static_cast<int>(usage_error);
            }
            if (!a->history_until.empty()) {
                fmt::print(stderr, "jadwal generate: {}\n", m.tr("--history-until applies to batanghari only"));
                return static_cast<int>(usage_error);
            }
            generate::nation_options opts;
            opts.agencies = a->agencies;
            if (employees->count() > 0) opts.employees = a->opts.employees;
            opts.seed = a->opts.seed;
            opts.year = a->opts.year;
            opts.locale = a->opts.locale;
            if (opts.employees < opts.agencies) {
                fmt::print(stderr, "jadwal generate: {}\n",
                           m.format("--employees ({}) must be at least --agencies ({})", count(m, opts.employees),
                                    count(m, opts.agencies)));
                return static_cast<int>(usage_error);
            }
            return run_nation(ctx, a->out, opts);
        }
        if (a->opts.employees > 2'000'000) {
            fmt::print(stderr, "jadwal generate: {}\n",
                       m.format("--employees must be at most {} for one scenario", count(m, 2'000'000)));
            return static_cast<int>(usage_error);
        }
        if (!a->history_until.empty()) {
            const auto d = calendar::parse_date(a->history_until);
            if (!d || date::year_month_day{*d}.year() != date::year{a->opts.year} ||
                date::year_month_day{*d} == date::year{a->opts.year} / date::January / 1) {
                fmt::print(stderr, "jadwal generate: {}\n",
                           m.format("--history-until '{}' must be a day (YYYY-MM-DD) from 2 January to 31 December of "
                                    "--year {}",
                                    load::printable(a->history_until), a->opts.year));
                return static_cast<int>(usage_error);
            }
            a->opts.history_until = date::year_month_day{*d};
        }
        generate::generated_files files;
        try {
            files = generate::write_batanghari(a->out, a->opts);
        } catch (const jadwal::error& e) {  // options the checks above let through, or a file not written
            fmt::print(stderr, "jadwal generate: {}\n", load::printable(e.what()));
            return static_cast<int>(e.code() == errc::io ? io_error : usage_error);
        } catch (const std::runtime_error& e) {  // a file could not be written (write_batanghari's contract)
            fmt::print(stderr, "jadwal generate: {}\n", load::printable(e.what()));
            return static_cast<int>(io_error);
        }
        const auto what = m.format("({} employees, seed {})", count(m, a->opts.employees), a->opts.seed);
        if (files.employees.empty())
            fmt::print("{}\n", m.format("wrote {} {}", load::printable(files.scenario.string()), what));
        else
            fmt::print("{}\n", m.format("wrote {} and {} {}", load::printable(files.scenario.string()),
                                        load::printable(files.employees.string()), what));
        if (!files.history.empty())
            fmt::print("{}\n", m.format("wrote the training history {}", load::printable(files.history.string())));
        return static_cast<int>(success);
    };
}

}  // namespace jadwal::cli
