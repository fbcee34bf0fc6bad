#include "ics_plan.hpp"

#include "ics_text.hpp"
#include "plan_references.hpp"

#include <fmt/format.h>

#include <iterator>
#include <set>
#include <jadwal/model/error.hpp>
#include <stdexcept>
#include <utility>

namespace jadwal::output::detail {
namespace {

using model::delivery_mode;

[[noreturn]] void invalid(std::string_view which, const std::string& what) {
    throw error(errc::parse, fmt::format("cannot write calendars: the {} {}", which, what));
}

/// What calendars need beyond valid references (plan_references.hpp): events
/// that end after they start, and each session and cohort id once.
void check_cohort(const model::scenario& s, const model::cohort& c, std::string_view which) {
    const auto& prog = s.programs[c.program.value];
    std::set<std::pair<std::uint32_t, std::uint32_t>> parts;
    for (const auto& ses : c.sessions) {
        if (ses.end <= ses.start)
            invalid(which, fmt::format("has cohort '{}' with a session that does not end after it starts", c.id));
        if (!parts.insert({ses.module, ses.part}).second)
            invalid(which, fmt::format("has cohort '{}' with module '{}' part {} twice", c.id,
                                       prog.modules[ses.module].id, ses.part + 1));
    }
}

void check_block(const model::study_block& b, std::size_t i, std::string_view which) {
    if (b.end <= b.start) invalid(which, fmt::format("has study block {} that does not end after it starts", i + 1));
}

/// Writes one content line: `head` (name and parameters), ':', then what `value` appends.
template <class Value>
void line(std::string& out, std::string_view head, Value&& value) {
    const std::size_t start = out.size();
    out += head;
    out += ':';
    value();
    end_line(out, start);
}

void text_line(std::string& out, std::string_view name, std::string_view value) {
    line(out, name, [&] { append_text(out, value); });
}

std::string_view or_id(const std::string& name, const std::string& id) { return name.empty() ? id : name; }

/// "Title (id)", or the id alone when the title is the id (the loader's default).
std::string titled(const std::string& title, const std::string& id) {
    return title.empty() || title == id ? id : fmt::format("{} ({})", title, id);
}

std::string_view mode_label(const text::messages& m, delivery_mode mode) {
    switch (mode) {
        case delivery_mode::classroom: return m.tr("Classroom");
        case delivery_mode::online_live: return m.tr("Online (live)");
        case delivery_mode::self_paced: return m.tr("Self-paced study");
    }
    return m.tr("Training");
}

/// JP as people write them: whole when whole, else with one decimal (in the
/// language's digits: "1.5" / "1,5").
std::string jp_text(const text::messages& m, std::int64_t minutes, int jp_minutes) {
    if (jp_minutes <= 0) return "?";
    if (minutes % jp_minutes == 0) return m.number(minutes / jp_minutes);
    return m.number(static_cast<double>(minutes) / jp_minutes, 1);
}

/// "Programme: ...\nModule: ..., n JP\n": the first lines of every DESCRIPTION.
void programme_lines(const text::messages& m, std::string& out, const model::program& prog, const model::module& mod) {
    out += m.format("Programme: {}", titled(prog.title, prog.id));
    out += '\n';
    out += m.format("Module: {}, {} JP", titled(mod.title, mod.id), m.number(static_cast<std::int64_t>(mod.jp)));
    out += '\n';
}

/// ATTENDEE;CUTYPE=..;ROLE=..;PARTSTAT=NEEDS-ACTION;CN=name:address
void attendee_line(std::string& out, std::string_view cutype, std::string_view role, std::string_view name,
                   std::string_view email, std::string_view urn_kind, std::string_view id) {
    const std::size_t start = out.size();
    out += "ATTENDEE;CUTYPE=";
    out += cutype;
    out += ";ROLE=";
    out += role;
    out += ";PARTSTAT=NEEDS-ACTION;CN=";
    append_param_value(out, name);
    out += ':';
    if (!email.empty()) {
        append_mailto(out, email);
    } else {
        out += "urn:jadwal:";
        out += urn_kind;
        out += ':';
        append_id_component(out, id);
    }
    end_line(out, start);
}

void categories_line(const text::messages& m, std::string& out, delivery_mode mode) {
    line(out, "CATEGORIES", [&] {
        append_text(out, m.tr("Training"));
        out += ',';
        append_text(out, mode_label(m, mode));
    });
}

}  // namespace

void require_valid_plan(const model::scenario& s, const model::solution& sol, std::string_view which) {
    if (s.zone == nullptr) throw error(errc::invalid_scenario, "cannot write calendars: the scenario has no time zone");
    if (const auto problem = reference_problem(s, sol)) invalid(which, fmt::format("does not fit the scenario: {}", *problem));
    std::set<std::string_view> ids;
    for (const auto& c : sol.cohorts) {
        check_cohort(s, c, which);
        if (!ids.insert(c.id).second) invalid(which, fmt::format("has the cohort id '{}' twice", c.id));
    }
    for (std::size_t i = 0; i < sol.study_blocks.size(); ++i) check_block(sol.study_blocks[i], i, which);
}

// ---------------------------------------------------------------- address_book

address_book::address_book(const model::scenario& s, const text::messages& m)
    : s_(s),
      m_(m),
      employees_(s.employees.size()),
      instructors_(s.instructors.size()),
      venues_(s.venues.size()),
      organizers_(s.programs.size()),
      unit_organizers_(s.units.size()),
      study_bodies_(s.programs.size()) {}

const std::string& address_book::employee(model::employee_index e) {
    std::string& l = employees_[e.value];
    if (l.empty()) {
        const auto& p = s_.employees[e.value];
        attendee_line(l, "INDIVIDUAL", "REQ-PARTICIPANT", or_id(p.name, p.id), p.email, "employee", p.id);
    }
    return l;
}

const std::string& address_book::instructor(model::instructor_index i) {
    std::string& l = instructors_[i.value];
    if (l.empty()) {
        const auto& p = s_.instructors[i.value];
        attendee_line(l, "INDIVIDUAL", "CHAIR", or_id(p.name, p.id), p.email, "instructor", p.id);
    }
    return l;
}

const std::string& address_book::venue(model::venue_index v) {
    std::string& l = venues_[v.value];
    if (l.empty()) {
        const auto& p = s_.venues[v.value];
        attendee_line(l, "ROOM", "NON-PARTICIPANT", or_id(p.name, p.id), {}, "venue", p.id);
    }
    return l;
}

const std::string& address_book::organizer(model::program_index p) {
    std::string& l = organizers_[p.value];
    if (l.empty()) {
        const auto& prog = s_.programs[p.value];
        const std::size_t start = l.size();
        l += "ORGANIZER;CN=";
        if (prog.organizer.empty()) {
            append_param_value(l, or_id(prog.title, prog.id));
            l += ":urn:jadwal:program:";
            append_id_component(l, prog.id);
        } else {
            append_param_value(l, prog.organizer);
            l += ":urn:jadwal:organizer:";
            append_id_component(l, prog.organizer);
        }
        end_line(l, start);
    }
    return l;
}

const std::string& address_book::unit_organizer(model::employee_index e) {
    static const std::string none;
    const auto u = s_.employees[e.value].unit;
    if (!u.valid() || u.value >= s_.units.size()) return none;
    std::string& l = unit_organizers_[u.value];
    if (l.empty()) {
        const auto& unit = s_.units[u.value];
        const std::size_t start = l.size();
        l += "ORGANIZER;CN=";
        append_param_value(l, or_id(unit.name, unit.id));
        l += ":urn:jadwal:unit:";
        append_id_component(l, unit.id);
        end_line(l, start);
    }
    return l;
}

const std::string& address_book::study_body(model::program_index p, std::uint32_t module) {
    auto& bodies = study_bodies_[p.value];
    const auto& prog = s_.programs[p.value];
    if (bodies.empty()) bodies.resize(prog.modules.size());
    std::string& out = bodies[module];
    if (out.empty()) {
        const auto& mod = prog.modules[module];
        const std::string_view title = or_id(prog.title, prog.id);
        const std::string_view mod_title = or_id(mod.title, mod.id);
        scratch_ = m_.format("{}: {} (self-paced study)", title, mod_title);
        text_line(out, "SUMMARY", scratch_);
        scratch_.clear();
        programme_lines(m_, scratch_, prog, mod);
        scratch_ += m_.format("Mode: {}", mode_label(m_, delivery_mode::self_paced));
        if (!prog.organizer.empty()) scratch_ += "\n" + m_.format("Organizer: {}", prog.organizer);
        text_line(out, "DESCRIPTION", scratch_);
        categories_line(m_, out, delivery_mode::self_paced);
        out += organizer(p);
    }
    return out;
}

// ---------------------------------------------------------------- plan_events

plan_events::plan_events(const model::scenario& s, const model::solution& sol, address_book& book)
    : s_(s), sol_(sol), book_(book), attendees_(sol.cohorts.size()) {
    cohort_first_.reserve(sol.cohorts.size() + 1);
    std::vector<std::uint32_t> per_module;
    for (std::uint32_t c = 0; c < sol.cohorts.size(); ++c) {
        const auto& co = sol.cohorts[c];
        cohort_by_id_.emplace(co.id, c);
        cohort_first_.push_back(static_cast<std::uint32_t>(sessions_.size()));
        per_module.assign(s.programs[co.program.value].modules.size(), 0);
        for (const auto& ses : co.sessions) ++per_module[ses.module];
        const auto& prog = s.programs[co.program.value];
        for (std::uint32_t k = 0; k < co.sessions.size(); ++k) {
            const auto& ses = co.sessions[k];
            session_event ev{c, k, ses.start, ses.end, ses.revision, {}, {}};
            append_id_component(ev.uid, co.id);
            ev.uid += '.';
            append_id_component(ev.uid, prog.modules[ses.module].id);
            fmt::format_to(std::back_inserter(ev.uid), ".{}", ses.part + 1);
            sessions_.push_back(std::move(ev));
            parts_.push_back(per_module[ses.module]);
        }
    }
    cohort_first_.push_back(static_cast<std::uint32_t>(sessions_.size()));

    // Calls of_cohort(cohort, session id, emit) for every session: the pairs grouping::build wants.
    auto each_session = [&](auto&& of_cohort) {
        return [&, of_cohort](auto&& emit) {
            for (std::uint32_t c = 0; c < sol.cohorts.size(); ++c)
                for (std::uint32_t k = cohort_first_[c]; k < cohort_first_[c + 1]; ++k)
                    of_cohort(sol.cohorts[c], k, emit);
        };
    };
    using model::cohort;
    by_employee_ = grouping::build(s.employees.size(), each_session([](const cohort& co, std::uint32_t k, auto& emit) {
        for (const auto e : co.participants) emit(e.value, k);
    }));
    by_instructor_ = grouping::build(s.instructors.size(), each_session([](const cohort& co, std::uint32_t k, auto& emit) {
        for (const auto i : co.instructors) emit(i.value, k);
    }));
    by_venue_ = grouping::build(s.venues.size(), each_session([](const cohort& co, std::uint32_t k, auto& emit) {
        if (co.mode == delivery_mode::classroom && co.venue.valid()) emit(co.venue.value, k);
    }));

    // Study blocks in the order of (employee, programme, module, start): a
    // block's ordinal is its place among its person's blocks of one module.
    std::vector<std::uint32_t> order(sol.study_blocks.size());
    for (std::uint32_t b = 0; b < order.size(); ++b) order[b] = b;
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
        const auto& a = sol.study_blocks[x];
        const auto& b = sol.study_blocks[y];
        return std::tie(a.employee, a.program, a.module, a.start, a.end, x) <
               std::tie(b.employee, b.program, b.module, b.start, b.end, y);
    });
    blocks_.reserve(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto& b = sol.study_blocks[order[i]];
        const bool same_module = i > 0 && [&] {
            const auto& a = sol.study_blocks[order[i - 1]];
            return a.employee == b.employee && a.program == b.program && a.module == b.module;
        }();
        blocks_.push_back({order[i], same_module ? blocks_.back().ordinal + 1 : 1});
    }
    blocks_by_employee_ = grouping::build(s.employees.size(), [&](auto&& emit) {
        for (std::uint32_t b = 0; b < blocks_.size(); ++b) emit(sol.study_blocks[blocks_[b].index].employee.value, b);
    });
}

event_key plan_events::block_key(std::uint32_t b) const {
    const auto& sb = study_block(b);
    return {true, {}, sb.program.value, sb.module, blocks_[b].ordinal};
}

std::optional<std::uint32_t> plan_events::find_cohort(std::string_view id) const {
    const auto it = cohort_by_id_.find(id);
    if (it == cohort_by_id_.end()) return std::nullopt;
    return it->second;
}

const std::string& plan_events::session_body(std::uint32_t k) {
    std::string& body = sessions_[k].body;
    if (body.empty()) build_session_body(k, body);
    return body;
}

void plan_events::build_session_body(std::uint32_t k, std::string& out) {
    const session_event& ev = sessions_[k];
    const auto& co = sol_.cohorts[ev.cohort];
    const auto& ses = co.sessions[ev.index];
    const auto& prog = s_.programs[co.program.value];
    const auto& mod = prog.modules[ses.module];
    const std::string_view title = or_id(prog.title, prog.id);
    const std::string_view mod_title = or_id(mod.title, mod.id);
    const std::uint32_t parts = parts_[k];

    const text::messages& m = book_.messages();
    scratch_.clear();
    fmt::format_to(std::back_inserter(scratch_), "{}: {}", title, mod_title);
    if (parts > 1) scratch_ += m.format(" (part {} of {})", ses.part + 1, parts);
    text_line(out, "SUMMARY", scratch_);

    scratch_.clear();
    programme_lines(m, scratch_, prog, mod);
    const std::string jp = jp_text(m, (ses.end - ses.start).count(), s_.jp_minutes);
    if (parts > 1)
        scratch_ += m.format("This session: part {} of {}, {} JP", ses.part + 1, parts, jp);
    else
        scratch_ += m.format("This session: {} JP", jp);
    scratch_ += '\n';
    scratch_ += m.format("Mode: {}", mode_label(m, co.mode));
    scratch_ += '\n';
    scratch_ += m.format("Cohort: {}", co.id);
    if (!prog.organizer.empty()) scratch_ += "\n" + m.format("Organizer: {}", prog.organizer);
    text_line(out, "DESCRIPTION", scratch_);

    if (co.mode == delivery_mode::classroom && co.venue.valid()) {
        const auto& v = s_.venues[co.venue.value];
        scratch_ = or_id(v.name, v.id);
        if (v.location.valid() && v.location.value < s_.locations.size()) {
            const auto& l = s_.locations[v.location.value];
            scratch_ += ", ";
            scratch_ += or_id(l.name, l.id);
        }
        text_line(out, "LOCATION", scratch_);
    } else if (co.mode == delivery_mode::online_live && co.platform.valid()) {
        const auto& p = s_.platforms[co.platform.value];
        text_line(out, "LOCATION", or_id(p.name, p.id));
        if (!p.url.empty()) line(out, "URL", [&] { append_uri(out, p.url); });
    }
    categories_line(m, out, co.mode);
    out += book_.organizer(co.program);
}

const std::string& plan_events::cohort_attendees(std::uint32_t c) {
    std::string& out = attendees_[c];
    if (out.empty()) {
        const auto& co = sol_.cohorts[c];
        std::vector<std::uint32_t> seen;  // a plan may name an instructor twice; an ATTENDEE appears once
        for (const auto i : co.instructors) {
            if (std::find(seen.begin(), seen.end(), i.value) != seen.end()) continue;
            seen.push_back(i.value);
            out += book_.instructor(i);
        }
        std::vector<model::employee_index> people = co.participants;
        if (!std::is_sorted(people.begin(), people.end())) std::sort(people.begin(), people.end());
        people.erase(std::unique(people.begin(), people.end()), people.end());
        for (const auto e : people) out += book_.employee(e);
        if (co.mode == delivery_mode::classroom && co.venue.valid()) out += book_.venue(co.venue);
    }
    return out;
}

}  // namespace jadwal::output::detail
