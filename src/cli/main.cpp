#include "commands.hpp"

#include <jadwal/load/diagnostic.hpp>

#include <fmt/format.h>

#include <exception>
#include <iostream>
#include <vector>

int main(int argc, char** argv) {
    using namespace jadwal::cli;
    CLI::App app{"jadwal: schedules competency training around civil servants' work calendars"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "jadwal 0.1.0");

    std::vector<std::pair<CLI::App*, action>> verbs;
    auto add = [&](auto adder) {
        const auto before = app.get_subcommands({}).size();
        auto act = adder(app);
        verbs.emplace_back(app.get_subcommands({})[before], std::move(act));
    };
    add(add_check);
    add(add_availability);
    add(add_generate);
    add(add_solve);
    add(add_verify);
    add(add_explain);
    add(add_export);
    add(add_compare);
    add(add_simulate);
    add(add_attendance);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? success : usage_error;
    }
    try {
        for (auto& [sub, act] : verbs)
            if (sub->parsed()) return act();
    } catch (const std::exception& e) {
        fmt::print(stderr, "jadwal: internal error: {}\n", jadwal::load::printable(e.what()));
        return internal_error;
    } catch (...) {
        fmt::print(stderr, "jadwal: internal error\n");
        return internal_error;
    }
    return usage_error;
}
