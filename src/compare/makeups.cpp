// Make-ups from attendance records (docs/attendance.md "Make-ups"): the items
// a re-plan re-opens, and the published plan without them.
#include <jadwal/compare/makeups.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace jadwal::compare {
makeup_reopening reopen_makeups(const model::scenario& s, const model::solution& previous,
                                std::span<const attendance_record> records, calendar::instant replan_from,
                                std::string_view file, const text::messages& m,
                                std::vector<load::diagnostic>& errors) {
    makeup_reopening out;
    out.previous = previous;
    const auto error = [&](const attendance_record& r, std::int32_t column, const std::string& message,
                           std::string_view code) {
        load::diagnostic d;
        d.code = std::string(code);
        d.message = message;
        d.file = std::string(file);
        d.line = r.line;
        d.column = column;
        errors.push_back(std::move(d));
    };
    // (employee, programme, module) -> the starts of the missed live sessions
    // (a set: a repeated row counts once), or of the skipped study's first block.
    using item_key = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>;
    std::map<item_key, std::set<calendar::instant>> missed_live;
    std::map<item_key, calendar::instant> skipped_study;
    std::map<item_key, std::string> cohort_of_miss;
    const std::size_t errors_before = errors.size();
    for (const auto& r : records) {
        const auto e = s.find_employee(r.employee);
        const auto p = s.find_program(r.program);
        if (!e)
            error(r, r.nip_column, m.format("no employee with NIP '{}' in the scenario", r.employee), "E-REF-EMPLOYEE");
        if (!p) error(r, r.program_column, m.format("no programme '{}' in the scenario", r.program), "E-REF-PROGRAM");
        if (!p) continue;
        const auto& mods = s.programs[p->value].modules;
        const auto mit =
            std::find_if(mods.begin(), mods.end(), [&](const model::module& x) { return x.id == r.module; });
        if (mit == mods.end()) {
            error(r, r.module_column, m.format("programme {} has no module '{}'", r.program, r.module),
                  "E-REF-MODULE");
            continue;
        }
        if (!e) continue;
        const auto mi = static_cast<std::uint32_t>(mit - mods.begin());
        const item_key k{e->value, p->value, mi};
        bool matched = false;
        if (!r.self_paced) {
            for (const auto& c : previous.cohorts) {
                if (c.program != *p || !std::binary_search(c.participants.begin(), c.participants.end(), *e)) continue;
                for (const auto& x : c.sessions)
                    if (x.module == mi && x.start == r.start && x.start < replan_from) {
                        matched = true;
                        if (!r.attended) {
                            missed_live[k].insert(x.start);
                            cohort_of_miss[k] = c.id;
                        }
                    }
            }
        } else {
            std::optional<calendar::instant> first;
            for (const auto& b : previous.study_blocks)
                if (b.employee == *e && b.program == *p && b.module == mi && b.start < replan_from)
                    first = first ? std::min(*first, b.start) : b.start;
            if (first) {
                matched = true;
                if (!r.attended) skipped_study[k] = *first;
            }
        }
        if (!matched) ++out.records_unmatched;
        else if (!r.attended) ++out.records_missed;
    }
    if (errors.size() != errors_before) {
        out.makeups.clear();
        return out;
    }

    // The item of (employee, programme): its first module, by time, that re-opens it.
    std::map<std::pair<std::uint32_t, std::uint32_t>, model::makeup> chosen;
    const auto consider = [&](const item_key& k, calendar::instant when, const std::string& cohort, std::int32_t n) {
        const auto [e, p, mi] = k;
        auto [it, fresh] = chosen.try_emplace({e, p});
        if (!fresh && it->second.missed <= when) return;
        it->second = {model::employee_index{e}, model::program_index{p}, mi, when, cohort, n};
    };
    const auto allowed = static_cast<std::size_t>(std::max(0, s.attendance.missed_sessions_allowed));
    for (const auto& [k, starts] : missed_live)
        if (starts.size() > allowed)
            consider(k, *starts.begin(), cohort_of_miss[k], static_cast<std::int32_t>(starts.size()));
    for (const auto& [k, first] : skipped_study) consider(k, first, std::string{}, 0);

    for (const auto& [ep, x] : chosen) {
        out.makeups.push_back(x);
        for (auto& c : out.previous.cohorts)
            if (c.program == x.program)
                c.participants.erase(std::remove(c.participants.begin(), c.participants.end(), x.employee),
                                     c.participants.end());
        auto& blocks = out.previous.study_blocks;
        blocks.erase(std::remove_if(blocks.begin(), blocks.end(),
                                    [&](const model::study_block& b) {
                                        return b.employee == x.employee && b.program == x.program;
                                    }),
                     blocks.end());
    }
    return out;
}

makeup_reopening reopen_makeups_csv(const model::scenario& s, const model::solution& previous, std::string_view csv,
                                    calendar::instant replan_from, std::string_view file, const text::messages& m,
                                    std::vector<load::diagnostic>& errors) {
    const std::size_t before = errors.size();
    const auto records = parse_attendance_records(csv, file, errors, m);
    const bool syntax = errors.size() != before;
    // The rows that did parse are checked too, so one run lists every problem.
    auto out = reopen_makeups(s, previous, records, replan_from, file, m, errors);
    if (syntax) {
        out.previous = previous;
        out.makeups.clear();
    }
    // In file order: line, then column (the two passes append separately).
    std::stable_sort(errors.begin() + static_cast<std::ptrdiff_t>(before), errors.end(),
                     [](const load::diagnostic& a, const load::diagnostic& b) {
                         return std::pair{a.line, a.column} < std::pair{b.line, b.column};
                     });
    return out;
}

makeup_reopening reopen_makeups(const model::scenario& s, const model::solution& previous,
                                std::span<const attendance_record> records, calendar::instant replan_from,
                                std::string_view file, const text::messages& m, std::vector<std::string>& errors) {
    std::vector<load::diagnostic> problems;
    auto out = reopen_makeups(s, previous, records, replan_from, file, m, problems);
    for (const auto& d : problems) errors.push_back(record_error(m, d));
    return out;
}

makeup_reopening reopen_makeups_csv(const model::scenario& s, const model::solution& previous, std::string_view csv,
                                    calendar::instant replan_from, std::string_view file, const text::messages& m,
                                    std::vector<std::string>& errors) {
    std::vector<load::diagnostic> problems;
    auto out = reopen_makeups_csv(s, previous, csv, replan_from, file, m, problems);
    for (const auto& d : problems) errors.push_back(record_error(m, d));
    return out;
}

}  // namespace jadwal::compare
