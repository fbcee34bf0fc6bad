// Calendar files: which events go into which file, the cancellations a
// re-plan causes, and the VCALENDAR/VEVENT frame around the shared text of
// ics_plan.cpp. Every file is one std::string appended to in place.
#include <jadwal/output/ics.hpp>

#include "ics_plan.hpp"
#include "ics_text.hpp"
#include "plan_references.hpp"
#include "vtimezone.hpp"

#include <jadwal/model/error.hpp>
#include <jadwal/text/messages.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <iterator>
#include <optional>
#include <span>
#include <unordered_set>

namespace jadwal::output {
namespace {

using detail::append_id_component;
using detail::event_key;
using detail::plan_events;

/// One event of one file, from either plan.
struct file_event {
    plan_events* plan = nullptr;
    std::uint32_t item = 0;  ///< session id or block id in `plan`
    bool block = false;
    bool cancelled = false;
    std::uint32_t sequence = 0;
    calendar::instant start{}, end{};
    event_key key;
    bool lieu = false;  ///< a day off in lieu: `item` indexes solution::days_in_lieu
};

/// Whose file it is: that decides the zone, the UIDs and the ATTENDEE lines
/// (of the cancel file: RFC 5546 allows none in METHOD:PUBLISH).
struct file_owner {
    std::string calendar_name;
    const date::time_zone* zone = nullptr;
    /// Set for an employee's own file: per-person UIDs and only their own ATTENDEE line.
    std::optional<model::employee_index> person;
};

bool by_time(const file_event& a, const file_event& b) {
    return std::tie(a.start, a.end, a.key) < std::tie(b.start, b.end, b.key);
}

bool by_key(const file_event& a, const file_event& b) { return a.key < b.key; }

/// Keeps the UID's right-hand side to letters, digits, '.' and '-'.
std::string uid_suffix(std::string_view domain) {
    std::string out = "@";
    if (domain.empty()) domain = "jadwal";
    for (const char ch : domain) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')
            out += ch;
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

/// Unique file name stems within one directory, also where the file system
/// ignores case: a stem taken in another case gets `~2`, `~3`, ...
/// (`~` never occurs in an encoded id).
class stem_namer {
public:
    std::string next(std::string_view id) {
        const std::string stem = detail::file_stem(id);
        std::string name = stem;
        for (int n = 2; !taken_.insert(folded(name)).second; ++n) name = fmt::format("{}~{}", stem, n);
        return name;
    }

private:
    static std::string folded(std::string s) {
        for (char& c : s)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return s;
    }
    std::unordered_set<std::string> taken_;
};

class calendar_writer {
public:
    calendar_writer(const model::scenario& s, const model::solution& sol, const ics_options& o)
        : s_(s),
          o_(o),
          m_(text::choose_language(o.language, s.locale)),
          book_(s, m_),
          now_(s, sol, book_),
          domain_(uid_suffix(o.uid_domain)),
          reminders_(o.reminder_minutes) {
        // Earliest first, each once: the same reminders give the same file whatever their order.
        std::sort(reminders_.begin(), reminders_.end(), std::greater<>{});
        reminders_.erase(std::unique(reminders_.begin(), reminders_.end()), reminders_.end());
        if (o.previous != nullptr) before_.emplace(s, *o.previous, book_);
        dtstamp_ = "DTSTAMP:";
        detail::append_utc(dtstamp_, o.dtstamp);
        dtstamp_ += detail::crlf;
    }

    ics_calendar employee(model::employee_index e) {
        collect_person(now_, e, now_events_);
        if (before_) collect_person(*before_, e, before_events_);
        const auto& p = s_.employees[e.value];
        return write({m_.format("Training: {}", p.name.empty() ? p.id : p.name), &s_.zone_of(p), e});
    }

    ics_calendar cohort(std::string_view id) {
        collect_cohort(now_, id, now_events_);
        if (before_) collect_cohort(*before_, id, before_events_);
        std::string name = m_.format("Cohort {}", id);
        for (const plan_events* p : {&now_, before_ ? &*before_ : nullptr}) {
            if (p == nullptr) continue;
            if (const auto c = p->find_cohort(id)) {
                const auto& prog = s_.programs[p->solution().cohorts[*c].program.value];
                name = m_.format("Cohort {}: {}", id, prog.title.empty() ? prog.id : prog.title);
                break;
            }
        }
        return write({std::move(name), s_.zone, std::nullopt});
    }

    ics_calendar instructor(model::instructor_index i) {
        collect_sessions(now_, now_.instructor_sessions(i), now_events_);
        if (before_) collect_sessions(*before_, before_->instructor_sessions(i), before_events_);
        const auto& p = s_.instructors[i.value];
        return write({m_.format("Teaching: {}", p.name.empty() ? p.id : p.name), s_.zone, std::nullopt});
    }

    ics_calendar venue(model::venue_index v) {
        collect_sessions(now_, now_.venue_sessions(v), now_events_);
        if (before_) collect_sessions(*before_, before_->venue_sessions(v), before_events_);
        const auto& p = s_.venues[v.value];
        return write({m_.format("Venue: {}", p.name.empty() ? p.id : p.name), s_.zone, std::nullopt});
    }

    output_files all() {
        output_files files;
        add_cohorts(files);
        add_indexed<model::employee_index>(
            files, "employees", s_.employees,
            [](const plan_events& p, model::employee_index e) {
                return !p.employee_sessions(e).empty() || !p.employee_blocks(e).empty();
            },
            [&](model::employee_index e) { return employee(e); });
        add_indexed<model::instructor_index>(
            files, "instructors", s_.instructors,
            [](const plan_events& p, model::instructor_index i) { return !p.instructor_sessions(i).empty(); },
            [&](model::instructor_index i) { return instructor(i); });
        add_indexed<model::venue_index>(
            files, "venues", s_.venues,
            [](const plan_events& p, model::venue_index v) { return !p.venue_sessions(v).empty(); },
            [&](model::venue_index v) { return venue(v); });
        return files;
    }

private:
    void add_cohorts(output_files& files) {
        stem_namer names;
        std::vector<std::string_view> ids;
        for (const auto& c : now_.solution().cohorts) ids.push_back(c.id);
        if (before_)
            for (const auto& c : before_->solution().cohorts)
                if (!now_.find_cohort(c.id)) ids.push_back(c.id);
        for (const auto id : ids) add(files, "cohorts", names.next(id), cohort(id));
    }

    /// A file for each entity (scenario order) with events in either plan.
    template <class Index, class Items, class Has, class Make>
    void add_indexed(output_files& files, std::string_view dir, const Items& items, Has&& has, Make&& make) {
        stem_namer names;
        for (std::uint32_t i = 0; i < items.size(); ++i) {
            // Every id gets its name, used or not, so that a name never depends on who has training.
            std::string stem = names.next(items[i].id);
            const Index ix{i};
            if (has(now_, ix) || (before_ && has(*before_, ix))) add(files, dir, stem, make(ix));
        }
    }

    static void add(output_files& files, std::string_view dir, const std::string& stem, ics_calendar&& cal) {
        const std::string base = fmt::format("calendars/{}/{}", dir, stem);
        files.push_back({base + ".ics", std::move(cal.publish)});
        if (!cal.cancel.empty()) files.push_back({base + ".cancel.ics", std::move(cal.cancel)});
    }

    // ------------------------------------------------------------ collecting events

    static void collect_sessions(plan_events& p, std::span<const std::uint32_t> ids, std::vector<file_event>& out) {
        out.clear();
        for (const auto k : ids) {
            const auto& ses = p.session(k);
            out.push_back({&p, k, false, false, ses.revision, ses.start, ses.end, p.session_key(k)});
        }
    }

    static void collect_person(plan_events& p, model::employee_index e, std::vector<file_event>& out) {
        collect_sessions(p, p.employee_sessions(e), out);
        for (const auto b : p.employee_blocks(e)) {
            const auto& sb = p.study_block(b);
            out.push_back({&p, b, true, false, sb.revision, sb.start, sb.end, p.block_key(b)});
        }
        // Days off in lieu (docs/model.md "Assigned duty"): the rostered shift the person is off.
        const auto& lieu = p.solution().days_in_lieu;
        for (std::uint32_t i = 0; i < lieu.size(); ++i) {
            if (lieu[i].employee != e) continue;
            const auto span = detail::lieu_shift(p.scenario(), lieu[i]);
            if (!span) continue;
            event_key key;
            key.lieu = true;
            key.program = static_cast<std::uint32_t>(lieu[i].date.time_since_epoch().count());
            out.push_back({&p, i, false, false, 0, span->start, span->end, key, true});
        }
    }

    static void collect_cohort(plan_events& p, std::string_view id, std::vector<file_event>& out) {
        out.clear();
        const auto c = p.find_cohort(id);
        if (!c) return;
        for (auto [k, last] = p.cohort_sessions(*c); k < last; ++k) {
            const auto& ses = p.session(k);
            out.push_back({&p, k, false, false, ses.revision, ses.start, ses.end, p.session_key(k)});
        }
    }

    /// Pairs the file's events of both plans by key. An event of the previous
    /// plan that is gone becomes a cancellation (SEQUENCE one above what was
    /// published). One that stays takes its SEQUENCE from its revision, but
    /// never below what was published, and above it when its times changed:
    /// a plan whose revisions missed a change must still update calendars.
    void reconcile() {
        cancelled_.clear();
        past_.clear();
        if (!before_) return;
        std::sort(now_events_.begin(), now_events_.end(), by_key);
        std::sort(before_events_.begin(), before_events_.end(), by_key);
        auto now = now_events_.begin();
        for (const auto& old : before_events_) {
            while (now != now_events_.end() && now->key < old.key) ++now;
            if (now != now_events_.end() && now->key == old.key) {
                const bool moved = now->start != old.start || now->end != old.end;
                now->sequence = std::max(now->sequence, old.sequence + (moved ? 1U : 0U));
                continue;
            }
            if (o_.past_until && old.start < *o_.past_until) {
                past_.push_back(old);  // history: it stays as it was published
                continue;
            }
            file_event gone = old;
            gone.cancelled = true;
            gone.sequence = old.sequence + 1;
            cancelled_.push_back(gone);
        }
    }

    // ------------------------------------------------------------ writing

    ics_calendar write(const file_owner& owner) {
        reconcile();
        ics_calendar cal;
        now_events_.insert(now_events_.end(), cancelled_.begin(), cancelled_.end());
        now_events_.insert(now_events_.end(), past_.begin(), past_.end());
        std::sort(now_events_.begin(), now_events_.end(), by_time);
        cal.publish = render(owner, now_events_, false);
        if (!cancelled_.empty()) {
            std::sort(cancelled_.begin(), cancelled_.end(), by_time);
            cal.cancel = render(owner, cancelled_, true);
        }
        return cal;
    }

    /// A METHOD:PUBLISH file (cancel: false) or a METHOD:CANCEL one (RFC 5546
    /// 3.2.1 and 3.2.5; docs/outputs.md "Methods").
    std::string render(const file_owner& owner, std::span<const file_event> events, bool cancel) {
        std::string out;
        out.reserve(2048 + events.size() * 1024);
        auto text_line = [&out](std::string_view name, std::string_view value) {
            const std::size_t start = out.size();
            out += name;
            out += ':';
            detail::append_text(out, value);
            detail::end_line(out, start);
        };
        out += "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
        text_line("PRODID", o_.product_id);
        out += "CALSCALE:GREGORIAN\r\nMETHOD:";
        out += cancel ? "CANCEL" : "PUBLISH";
        out += detail::crlf;
        text_line("X-WR-CALNAME", owner.calendar_name);

        detail::zone_table& zone = zones_.of(*owner.zone);
        calendar::instant first = o_.dtstamp;
        calendar::instant last = o_.dtstamp;
        if (!events.empty()) {
            first = events.front().start;
            last = events.front().end;
            for (const auto& ev : events) last = std::max(last, ev.end);
        }
        zone.cover(first, last);
        zone.append_vtimezone(out, first, last);

        for (const auto& ev : events) write_event(out, owner, zone, ev, cancel);
        out += "END:VCALENDAR\r\n";
        return out;
    }

    void write_event(std::string& out, const file_owner& owner, const detail::zone_table& zone, const file_event& ev,
                     bool cancel) {
        plan_events& p = *ev.plan;
        out += "BEGIN:VEVENT\r\n";
        const std::size_t start = out.size();
        out += "UID:";
        if (ev.lieu) {
            const auto& l = p.solution().days_in_lieu[ev.item];
            append_id_component(out, s_.employees[l.employee.value].id);
            const date::year_month_day ymd{l.date};
            fmt::format_to(std::back_inserter(out), ".lieu.{:04}{:02}{:02}", static_cast<int>(ymd.year()),
                           static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        } else if (ev.block) {
            const auto& sb = p.study_block(ev.item);
            const auto& prog = s_.programs[sb.program.value];
            append_id_component(out, s_.employees[sb.employee.value].id);
            out += '.';
            append_id_component(out, prog.id);
            out += '.';
            append_id_component(out, prog.modules[sb.module].id);
            fmt::format_to(std::back_inserter(out), ".study.{}", p.block(ev.item).ordinal);
        } else {
            out += p.session(ev.item).uid;
            if (owner.person) {
                out += '.';
                append_id_component(out, s_.employees[owner.person->value].id);
            }
        }
        out += domain_;
        detail::end_line(out, start);
        out += dtstamp_;
        zone.append_date_time(out, "DTSTART", ev.start);
        zone.append_date_time(out, "DTEND", ev.end);
        fmt::format_to(std::back_inserter(out), "SEQUENCE:{}\r\n", ev.sequence);
        // A cancelled event no longer takes the time it held.
        out += ev.cancelled ? "STATUS:CANCELLED\r\nTRANSP:TRANSPARENT\r\n" : "STATUS:CONFIRMED\r\n";
        const std::size_t body = out.size();
        if (ev.lieu) {
            const auto& l = p.solution().days_in_lieu[ev.item];
            const std::size_t at = out.size();
            out += "SUMMARY:";
            detail::append_text(out, m_.format("Day off in lieu (shift {})", l.shift));
            detail::end_line(out, at);
            const std::size_t at2 = out.size();
            out += "DESCRIPTION:";
            detail::append_text(out, m_.format("Earned by assigned-duty training on {} (a rostered day off). "
                                               "You are off this shift.",
                                               date_text(l.earned)));
            detail::end_line(out, at2);
            out += book_.unit_organizer(l.employee);
        } else if (ev.block) {
            const auto& sb = p.study_block(ev.item);
            out += book_.study_body(sb.program, sb.module);
        } else {
            out += p.session_body(ev.item);
        }
        // RFC 5546: ATTENDEE only where the method allows it (CANCEL: those the
        // event is cancelled for), VALARM only in PUBLISH and only for an event
        // that takes place.
        if (cancel) {
            if (owner.person)
                out += book_.employee(*owner.person);
            else if (!ev.lieu && !ev.block)
                out += p.cohort_attendees(p.session(ev.item).cohort);
        } else if (!ev.cancelled) {
            append_alarms(out, std::string_view{out}.substr(body));
        }
        out += "END:VEVENT\r\n";
    }

    /// A date in a sentence: "2026-03-02" in English (as before languages
    /// came), "Senin, 2 Maret 2026" in Indonesian.
    [[nodiscard]] std::string date_text(calendar::local_date d) const {
        return m_.lang() == text::language::en ? calendar::format_date(d) : m_.day(d, text::date_style::full);
    }

    /// How long before the start a reminder goes off: "1 day", "30 min".
    [[nodiscard]] std::string lead_text(int minutes) const {
        if (minutes > 0 && minutes % (24 * 60) == 0) {
            const int days = minutes / (24 * 60);
            return m_.plural("{} day", "{} days", days, m_.number(static_cast<std::int64_t>(days)));
        }
        return m_.duration(std::chrono::minutes{minutes});
    }

    /// One VALARM per ics_options::reminder_minutes value (earliest first,
    /// each once): ACTION:DISPLAY,
    /// TRIGGER before the start (-P1D, -PT2H, -PT30M), DESCRIPTION saying
    /// how soon it starts, then the event's SUMMARY. A negative value goes
    /// off after the start.
    void append_alarms(std::string& out, std::string_view body) const {
        if (reminders_.empty()) return;
        // The SUMMARY value as written (escaped), its folding undone.
        std::string summary;
        if (body.starts_with("SUMMARY:")) {
            std::size_t i = 8;
            while (i < body.size()) {
                const std::size_t end = body.find("\r\n", i);
                if (end == std::string_view::npos) break;
                summary.append(body.substr(i, end - i));
                if (end + 2 < body.size() && body[end + 2] == ' ') {
                    i = end + 3;
                    continue;
                }
                break;
            }
        }
        for (const int before : reminders_) {
            out += "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:";
            const long long abs = before < 0 ? -static_cast<long long>(before) : before;
            if (before > 0) out += '-';
            if (abs > 0 && abs % (24 * 60) == 0)
                fmt::format_to(std::back_inserter(out), "P{}D", abs / (24 * 60));
            else if (abs > 0 && abs % 60 == 0)
                fmt::format_to(std::back_inserter(out), "PT{}H", abs / 60);
            else
                fmt::format_to(std::back_inserter(out), "PT{}M", abs);
            out += detail::crlf;
            const std::size_t at = out.size();
            out += "DESCRIPTION:";
            if (before == 0)
                detail::append_text(out, m_.tr("Starts now"));
            else if (before > 0)
                detail::append_text(out, m_.format("Starts in {}", lead_text(before)));
            else
                detail::append_text(out, m_.format("Started {} ago", lead_text(before < 0 ? -before : before)));
            if (!summary.empty()) {
                out += "\\n";
                out += summary;
            }
            detail::end_line(out, at);
            out += "END:VALARM\r\n";
        }
    }

    const model::scenario& s_;
    const ics_options& o_;
    text::messages m_;
    detail::address_book book_;
    plan_events now_;
    std::optional<plan_events> before_;
    detail::zone_tables zones_;
    std::string domain_;
    std::string dtstamp_;
    std::vector<int> reminders_;
    std::vector<file_event> now_events_, before_events_, cancelled_;
    std::vector<file_event> past_;  ///< gone from the plan but before ics_options::past_until: kept
};

/// Both plans are checked before anything indexes the scenario with them.
void require_valid_plans(const model::scenario& s, const model::solution& sol, const ics_options& o) {
    detail::require_valid_plan(s, sol, "plan");
    if (o.previous != nullptr) detail::require_valid_plan(s, *o.previous, "previous plan");
}

}  // namespace

output_files calendar_files(const model::scenario& s, const model::solution& sol, const ics_options& o) {
    require_valid_plans(s, sol, o);
    calendar_writer w{s, sol, o};
    return w.all();
}

ics_calendar employee_calendar(const model::scenario& s, const model::solution& sol, model::employee_index employee,
                               const ics_options& o) {
    if (!employee.valid() || employee.value >= s.employees.size())
        throw error(errc::not_found, "employee_calendar: no such employee in the scenario");
    require_valid_plans(s, sol, o);
    calendar_writer w{s, sol, o};
    return w.employee(employee);
}

}  // namespace jadwal::output
