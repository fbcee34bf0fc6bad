#include "vtimezone.hpp"

#include "ics_text.hpp"

#include <algorithm>
#include <stdexcept>

namespace jadwal::output::detail {
namespace {

// Before this, no period is looked up: the table only needs one period ahead
// of the events, and zones such as UTC have a single period from year -32767.
const date::sys_seconds earliest_lookup{date::sys_days{date::year{1800} / 1 / 1}};
const date::local_seconds earliest_observance{date::local_days{date::year{1970} / 1 / 1}};

}  // namespace

zone_table::zone_table(const date::time_zone& zone) : zone_(&zone), name_(zone.name()) {}

void zone_table::cover(calendar::instant first, calendar::instant last) {
    const date::sys_seconds a{first};
    const date::sys_seconds b{last};
    // With the OS database, date reports `save` as one minute for any daylight
    // time: only whether it is zero matters here.
    auto make = [](const date::sys_info& i) {
        return period{i.begin, i.end, i.offset, i.save != std::chrono::minutes{0}, i.abbrev};
    };
    auto prepend = [&] {
        const auto before = periods_.front().begin - std::chrono::seconds{1};
        periods_.insert(periods_.begin(), make(zone_->get_info(before)));
    };
    if (periods_.empty()) periods_.push_back(make(zone_->get_info(a)));
    while (a < periods_.front().begin) prepend();
    // One period ahead of the first event: it tells whether that event's local time occurred twice.
    if (index_of(a) == 0 && periods_.front().begin > earliest_lookup) prepend();
    while (b >= periods_.back().end) periods_.push_back(make(zone_->get_info(periods_.back().end)));
}

std::size_t zone_table::index_of(date::sys_seconds t) const {
    const auto it = std::upper_bound(periods_.begin(), periods_.end(), t,
                                     [](date::sys_seconds x, const period& p) { return x < p.begin; });
    if (it == periods_.begin() || t >= std::prev(it)->end)
        throw std::logic_error("zone_table: an instant outside the covered span");
    return static_cast<std::size_t>(it - periods_.begin()) - 1;
}

void zone_table::append_date_time(std::string& out, std::string_view name, calendar::instant t) const {
    const date::sys_seconds s{t};
    const std::size_t i = index_of(s);
    const period& p = periods_[i];
    const std::size_t start = out.size();
    out += name;
    if (i > 0) {
        const period& before = periods_[i - 1];
        if (before.offset > p.offset && s < p.begin + (before.offset - p.offset)) {
            out += ':';
            append_utc(out, s);
            end_line(out, start);
            return;
        }
    }
    out += ";TZID=";
    append_param_value(out, name_);
    out += ':';
    append_local(out, date::local_seconds{s.time_since_epoch() + p.offset});
    end_line(out, start);
}

void zone_table::append_vtimezone(std::string& out, calendar::instant first, calendar::instant last) {
    const std::size_t a = index_of(date::sys_seconds{first});
    const std::size_t b = index_of(date::sys_seconds{last});
    auto [it, fresh] = vtimezones_.try_emplace({periods_[a].begin, periods_[b].begin});
    if (fresh) build_vtimezone(it->second, a, b);
    out += it->second;
}

void zone_table::build_vtimezone(std::string& out, std::size_t first, std::size_t last) const {
    auto line = [&out](std::string_view name, auto&& value) {
        const std::size_t start = out.size();
        out += name;
        out += ':';
        value();
        end_line(out, start);
    };
    line("BEGIN", [&] { out += "VTIMEZONE"; });
    line("TZID", [&] { append_text(out, name_); });
    for (std::size_t k = first; k <= last;) {
        const period& p = periods_[k];
        std::size_t next = k + 1;
        while (next <= last && periods_[next].offset == p.offset && periods_[next].daylight == p.daylight &&
               periods_[next].abbrev == p.abbrev)
            ++next;
        const std::string_view kind = p.daylight ? "DAYLIGHT" : "STANDARD";
        const std::chrono::seconds from = k == first ? p.offset : periods_[k - 1].offset;
        const date::local_seconds onset{p.begin.time_since_epoch() + from};
        line("BEGIN", [&] { out += kind; });
        line("DTSTART", [&] { append_local(out, k == first ? std::max(onset, earliest_observance) : onset); });
        line("TZOFFSETFROM", [&] { append_utc_offset(out, from); });
        line("TZOFFSETTO", [&] { append_utc_offset(out, p.offset); });
        if (!p.abbrev.empty()) line("TZNAME", [&] { append_text(out, p.abbrev); });
        line("END", [&] { out += kind; });
        k = next;
    }
    line("END", [&] { out += "VTIMEZONE"; });
}

zone_table& zone_tables::of(const date::time_zone& zone) {
    return tables_.try_emplace(&zone, zone).first->second;
}

}  // namespace jadwal::output::detail
