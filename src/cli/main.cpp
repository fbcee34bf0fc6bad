#include "commands.hpp"

#include <jadwal/load/diagnostic.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <exception>
#include <iostream>
#include <string_view>
#include <vector>

namespace {

using namespace jadwal::cli;

constexpr std::string_view lang_help = "Language of what jadwal prints and writes: id (Bahasa Indonesia) or en "
                                       "(English); default: the scenario's locale, else the environment (LANG), "
                                       "else English";

/// `jadwal slove`: the first word that is not an option (nor the value of
/// --lang) and names no verb. Checked before CLI11 parses, which would only
/// say that a subcommand is required.
std::optional<std::string> unknown_verb(int argc, char** argv, const std::vector<std::string>& verbs) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--lang") {
            ++i;
            continue;
        }
        if (arg.empty() || arg.front() == '-') continue;
        if (std::find(verbs.begin(), verbs.end(), arg) != verbs.end()) return std::nullopt;
        return std::string(arg);
    }
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    std::string lang_text;
    run_context ctx;
    ctx.environment = jadwal::text::language_from_environment();
    // --lang is read by hand first: the usage errors below speak it too.
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--lang" && i + 1 < argc) lang_text = argv[i + 1];
        else if (arg.starts_with("--lang=")) lang_text = arg.substr(7);
    }
    if (!lang_text.empty()) {
        const auto asked = jadwal::text::parse_language(lang_text);
        if (!asked) {
            const auto m = ctx.messages();
            fmt::print(stderr, "jadwal: {}\n",
                       m.format("unknown language '{}' for --lang: use id (Bahasa Indonesia) or en (English)",
                                jadwal::load::printable(lang_text)));
            return usage_error;
        }
        ctx.asked = asked;
    }

    CLI::App app{"jadwal: schedules competency training around civil servants' work calendars"};
    // CLI11's own usage errors, in the chosen language where we know their
    // shape; set before the verbs are added, which inherit it.
    app.failure_message([&ctx](const CLI::App*, const CLI::Error& e) {
        const auto m = ctx.messages();
        std::string what = e.what();
        constexpr std::string_view required = " is required";
        if (what == "A subcommand is required")
            what = m.tr("A subcommand is required");
        else if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && what.ends_with(required))
            what = m.format("{} is required", what.substr(0, what.size() - required.size()));
        return what + "\n" + std::string(m.tr("Run with --help for more information.")) + "\n";
    });
    app.require_subcommand(1);
    app.set_version_flag("--version", "jadwal 0.1.0");

    app.add_option("--lang", lang_text, std::string(lang_help));
    std::vector<std::pair<CLI::App*, action>> verbs;
    auto add = [&](auto adder) {
        const auto before = app.get_subcommands({}).size();
        auto act = adder(app);
        auto* sub = app.get_subcommands({})[before];
        // Every verb (and `attendance fit`) takes --lang.
        sub->add_option("--lang", lang_text, std::string(lang_help));
        for (auto* nested : sub->get_subcommands({})) nested->add_option("--lang", lang_text, std::string(lang_help));
        verbs.emplace_back(sub, std::move(act));
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

    std::vector<std::string> names;
    for (const auto& [sub, act] : verbs) names.push_back(sub->get_name());
    if (const auto typed = unknown_verb(argc, argv, names)) {
        const auto m = ctx.messages();
        const auto suggestion = closest_name(*typed, names);
        if (suggestion)
            fmt::print(stderr, "jadwal: {}\n",
                       m.format("unknown command '{}'; did you mean '{}'?", jadwal::load::printable(*typed),
                                *suggestion));
        else
            fmt::print(stderr, "jadwal: {}\n",
                       m.format("unknown command '{}'; the commands are {}", jadwal::load::printable(*typed),
                                fmt::format("{}", fmt::join(names, ", "))));
        fmt::print(stderr, "{}\n", m.tr("Run with --help for more information."));
        return usage_error;
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? success : usage_error;
    }
    try {
        for (auto& [sub, act] : verbs)
            if (sub->parsed()) return act(ctx);
    } catch (const std::exception& e) {
        fmt::print(stderr, "jadwal: {}\n",
                   ctx.messages().format("internal error: {}", jadwal::load::printable(e.what())));
        return internal_error;
    } catch (...) {
        fmt::print(stderr, "jadwal: {}\n", ctx.messages().tr("internal error"));
        return internal_error;
    }
    return usage_error;
}
