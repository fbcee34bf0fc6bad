#include "commands.hpp"

#include <jadwal/generate/batanghari.hpp>
#include <jadwal/load/diagnostic.hpp>

#include <fmt/format.h>

#include <memory>
#include <stdexcept>

namespace jadwal::cli {

action add_generate(CLI::App& app) {
    auto* cmd = app.add_subcommand("generate", "Write a synthetic scenario");
    struct args {
        std::string kind;
        std::string out;
        std::string locale;
        generate::batanghari_options opts;
    };
    auto a = std::make_shared<args>();
    cmd->add_option("kind", a->kind, "Which population (batanghari)")
        ->required()
        ->check(CLI::IsMember({"batanghari"}));
    cmd->add_option("--employees", a->opts.employees, "Number of employees")
        ->check(CLI::Range(1, 2'000'000))
        ->capture_default_str();
    cmd->add_option("--seed", a->opts.seed, "Random seed")->capture_default_str();
    cmd->add_option("--year", a->opts.year, "Planning year")->check(CLI::Range(2000, 2100))->capture_default_str();
    cmd->add_option("--out", a->out, "Scenario file to write (YAML)")->required();
    cmd->add_option("--locale", a->locale,
                    "The scenario's locale, the language of what people read: id or en (default: none written)")
        ->check(CLI::IsMember({"id", "en"}));
    return [a](const run_context& ctx) {
        const auto m = ctx.messages();
        if (!a->locale.empty()) a->opts.locale = text::parse_language(a->locale);
        generate::generated_files files;
        try {
            files = generate::write_batanghari(a->out, a->opts);
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
        return static_cast<int>(success);
    };
}

}  // namespace jadwal::cli
