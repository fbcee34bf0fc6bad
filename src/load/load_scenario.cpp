// The loader's entry points: read the file, guard against hostile input, parse
// the YAML, read the sections in dependency order, cross-check, and hand back
// the scenario with every diagnostic. No exception leaves this file.
#include <jadwal/load/load_scenario.hpp>
#include <jadwal/load/validate.hpp>

#include "codes.hpp"
#include "context.hpp"
#include "file_io.hpp"
#include "sections.hpp"
#include "values.hpp"
#include "yaml_prescan.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <array>
#include <new>
#include <optional>

namespace jadwal::load {
namespace {

using namespace detail;

constexpr std::array<std::string_view, 20> top_keys{
    "jadwal",   "scenario",  "holidays",   "seasons",   "work_patterns", "locations", "duty_templates",
    "units",    "employees", "venues",     "platforms", "instructors",   "programs",  "demand",
    "policies", "budget",    "attendance", "catalogue", "history",       "outputs"};

loc mark_loc(const YAML::Mark& m) {
    if (m.is_null()) return {0, 0, 0};
    return {0, m.line + 1, m.column + 1};
}

bool before(std::int32_t line_a, std::int32_t col_a, std::int32_t line_b, std::int32_t col_b) {
    return line_a < line_b || (line_a == line_b && col_a < col_b);
}

/// When yaml-cpp gives up at `failed` (1-based), the quote that made it: an
/// unclosed quote swallows text up to the next quote of its kind and the
/// parser fails far below. A candidate is a quoted scalar that runs over lines
/// (prescan); it is the culprit when the document, with that opening quote
/// taken away, parses or fails only further down. A legal multi-line text
/// then still fails where the real error is, so it is not blamed.
std::optional<prescan_result::open_quote> unclosed_quote(std::string_view text, const prescan_result& pre,
                                                         loc failed) {
    constexpr int max_tries = 3;  // each one is a parse; this runs only on a syntax error
    int tries = 0;
    for (const auto& q : pre.multiline_quotes) {
        if (!before(q.line, q.column, failed.line, failed.column) || tries++ == max_tries) break;
        std::size_t offset = 0;
        for (std::int32_t l = 1; l < q.line && offset != std::string_view::npos; ++l) {
            offset = text.find('\n', offset);
            if (offset != std::string_view::npos) ++offset;
        }
        if (offset == std::string_view::npos) break;
        offset += static_cast<std::size_t>(q.column - 1);
        if (offset >= text.size() || text[offset] != q.quote) continue;
        std::string repaired{text};
        repaired[offset] = ' ';
        try {
            (void)YAML::Load(repaired);
            return q;
        } catch (const YAML::Exception& e) {
            const loc again = mark_loc(e.mark);
            if (before(failed.line, failed.column, again.line, again.column)) return q;
        } catch (const std::exception&) {
        }
    }
    return std::nullopt;
}

void read_sections(load_context& c, const ymap& m, const ypath& root) {
    auto& yr = c.yr;
    if (const yentry* v = yr.need(m, root, "jadwal", "the scenario file (the format version, jadwal: 1)")) {
        const ypath q = root.key("jadwal");
        if (const auto n = yr.integer(yval{*v, q}, "the format version", 0, 1'000'000); n && *n != 1)
            yr.error(code::version, say("this jadwal reads format version 1; the file has version {}", *n),
                     yval{*v, q});
    }
    // Dependency order: each section refers only to sections read before it.
    read_scenario_header(c, m.find("scenario"), root);
    read_holidays(c, m.find("holidays"), root);
    read_seasons(c, m.find("seasons"), root);
    read_work_patterns(c, m.find("work_patterns"), root);
    read_locations(c, m.find("locations"), root);
    read_duty_templates(c, m.find("duty_templates"), root);
    read_units(c, m.find("units"), root);
    read_employees(c, m.find("employees"), root);
    read_added_employees(c);
    read_venues(c, m.find("venues"), root);
    read_platforms(c, m.find("platforms"), root);
    read_instructors(c, m.find("instructors"), root);
    read_programs(c, m.find("programs"), root);
    read_demand(c, m.find("demand"), root);
    read_history(c, m.find("history"), root);
    read_catalogue(c, m.find("catalogue"), root);
    read_policies(c, m.find("policies"), root);
    read_budget(c, m.find("budget"), root);
    read_attendance(c, m.find("attendance"), root);
    read_outputs(c, m.find("outputs"), root);
    if (!yr.exhausted()) validate_scenario(c);
    // After the cross-checks, which still see the demand as written.
    if (!yr.exhausted()) apply_history(c);
}

void load_document(std::string_view text, const load_options& opts, const std::filesystem::path& base_dir,
                   reporter& rep, load_result& result) {
    if (text.size() > opts.max_file_bytes) {
        rep.error(code::limit, say("the file is larger than the limit of {} bytes", opts.max_file_bytes), {0, 0, 0});
        return;
    }
    const prescan_result pre = prescan_yaml(text);
    switch (pre.what) {
        case prescan_result::problem::none: break;
        case prescan_result::problem::encoding:
            rep.error(code::encoding, pre.message, {0, pre.line, pre.column});
            return;
        case prescan_result::problem::depth:
            rep.error(code::yaml_depth, pre.message, {0, pre.line, pre.column});
            return;
        case prescan_result::problem::nodes:
            rep.error(code::limit, pre.message, {0, pre.line, pre.column});
            return;
    }

    if (pre.blank) {
        rep.error(code::empty, say("the scenario file is empty"), {0, 0, 0});
        return;
    }
    if (pre.second_document_line > 0) {
        rep.error(code::yaml_syntax,
                  say("the file holds more than one YAML document (separated by ---); a scenario is one"),
                  {0, pre.second_document_line, 1});
        return;
    }
    YAML::Node root;
    try {
        root = YAML::Load(std::string{text});
    } catch (const YAML::DeepRecursion& e) {
        rep.error(code::yaml_depth, say("the YAML nests too deeply"), mark_loc(e.mark));
        return;
    } catch (const YAML::ParserException& e) {
        const loc failed = mark_loc(e.mark);
        if (const auto q = unclosed_quote(text, pre, failed)) {
            rep.error(code::yaml_syntax,
                      say("the {}-quoted text that starts here is never closed (a closing {} is missing), "
                          "so YAML reads on and fails at line {}: {}",
                          q->quote == '"' ? say("double") : say("single"), q->quote == '"' ? "'\"'" : "\"'\"",
                          failed.line, e.msg),
                      {0, q->line, q->column});
            return;
        }
        rep.error(code::yaml_syntax, say("YAML syntax error: {}", e.msg), failed);
        return;
    } catch (const YAML::Exception& e) {
        rep.error(code::yaml_syntax, say("YAML error: {}", e.msg), mark_loc(e.mark));
        return;
    }
    if (!root.IsDefined() || root.IsNull()) {
        rep.error(code::yaml_syntax, say("no YAML value could be read (a stray ',' or ']'?)"), {0, 1, 1});
        return;
    }
    // Every node the loader looks at costs one unit: a legitimate file is
    // walked about once; aliases repeated many times are stopped.
    const std::size_t budget = std::max<std::size_t>(200'000, 4 * pre.estimated_nodes);
    yreader yr{rep, 0, budget};
    load_context c{rep, yr, opts};
    c.base_dir = base_dir;
    c.root_at = {0, 1, 1};
    c.holidays_at = c.root_at;
    const ypath root_path;
    if (!root.IsMap()) {
        rep.error(code::type,
                  say("a scenario file is a map of sections (jadwal, scenario, units, ...), got {}", describe(root)),
                  yr.where(root));
        return;
    }
    const auto m = yr.map(yval{root, root_path}, "the scenario file", top_keys);
    if (!m) return;
    read_sections(c, *m, root_path);
    result.locale = c.s.locale;
    if (!rep.has_errors()) result.scenario = std::move(c.s);
}

template <class Body>
void guarded(reporter& rep, Body&& body) {
    try {
        body();
    } catch (const std::bad_alloc&) {
        rep.error(code::limit, say("the input needs more memory than is available"), {0, 0, 0});
    } catch (const std::exception& e) {
        rep.error(code::internal, say("internal error while loading: {}", e.what()), {0, 0, 0});
    } catch (...) {
        rep.error(code::internal, say("internal error while loading"), {0, 0, 0});
    }
}

void finish(reporter& rep, load_result& result) {
    rep.finish();
    // The checks every entry point shares (validate.hpp): after the loader's
    // own, they find nothing unless the loader let something through.
    if (result.scenario && !rep.has_errors()) {
        const diagnostics shared = validate(*result.scenario);
        for (const auto& d : shared.items()) result.diags.add(d);
    }
    result.diags.sort();
    if (rep.has_errors() || result.diags.has_errors()) result.scenario.reset();
}

}  // namespace

load_result load_scenario_text(std::string_view yaml_text, std::string_view name, const load_options& opts) {
    load_result result;
    reporter rep{result.diags};
    guarded(rep, [&] {
        rep.add_file(std::string{name});
        load_document(yaml_text, opts, opts.base_dir, rep, result);
    });
    finish(rep, result);
    return result;
}

load_result load_scenario_file(const std::filesystem::path& file, const load_options& opts) {
    load_result result;
    reporter rep{result.diags};
    guarded(rep, [&] {
        rep.add_file(file.string());
        std::string text;
        phrase why;
        const auto status = read_whole_file(file, opts.max_file_bytes, text, why);
        if (status != read_status::ok) {
            rep.report(severity::error, status == read_status::too_large ? code::limit : code::file,
                       say("cannot read the scenario file: {}", why), {0, 0, 0}, {}, status == read_status::failed);
            return;
        }
        const std::filesystem::path base = opts.base_dir.empty() ? file.parent_path() : opts.base_dir;
        load_document(text, opts, base, rep, result);
    });
    finish(rep, result);
    return result;
}

}  // namespace jadwal::load
