// The training resources: `venues` (rooms), `platforms` (video-meeting
// licences) and `instructors`.
#include "sections.hpp"
#include "values.hpp"

#include <fmt/format.h>

#include <array>

namespace jadwal::load::detail {
namespace {

/// Reads the list, the map of each entry and its id; calls `body` for each
/// entry whose id was registered.
template <class Body>
void read_entities(load_context& c, const yentry* e, const ypath& root, std::string_view section,
                   std::string_view what, name_index& names, std::span<const std::string_view> keys,
                   std::vector<bool>* broken, Body&& body) {
    if (e == nullptr) return;
    const ypath p = root.key(section);
    const auto items = c.yr.list(yval{*e, p}, section, 10000);
    if (!items) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath pi = p.at(i);
        const yval v{(*items)[i], pi};
        const auto m = c.yr.map(v, what, keys);
        if (!m) continue;
        const yentry* idf = c.yr.need(*m, pi, "id", what);
        if (!idf) continue;
        const ypath qid = pi.key("id");
        const auto id = c.yr.id(yval{*idf, qid}, say("{} id", term(what)));
        if (!id) continue;
        if (!names.add(*id, c.yr.where(yval{*idf, qid}), qid.str(), c.rep)) continue;
        const std::size_t errors = c.rep.error_count();
        body(*id, *m, pi, c.yr.where(v));
        if (broken) broken->push_back(c.rep.error_count() != errors);
    }
}

template <class T>
void optional_text(load_context& c, const ymap& m, const ypath& p, std::string_view key, T& out) {
    if (const yentry* f = m.find(key)) {
        const ypath q = p.key(key);
        if (auto t = c.yr.text(yval{*f, q}, key)) out = std::move(*t);
    }
}

/// `key`, when present, as a whole number in [lo, hi] (reported otherwise).
template <class T>
void optional_int(load_context& c, const ymap& m, const ypath& p, std::string_view key, int lo, int hi, T& out) {
    if (const yentry* f = m.find(key)) {
        if (const auto n = c.yr.small_int(yval{*f, p.key(key)}, key, lo, hi)) out = *n;
    }
}

/// `key`, which `what` must have, as a whole number in [lo, hi].
template <class T>
void required_int(load_context& c, const ymap& m, const ypath& p, std::string_view key, std::string_view what,
                  int lo, int hi, T& out) {
    if (const yentry* f = c.yr.need(m, p, key, what)) {
        if (const auto n = c.yr.small_int(yval{*f, p.key(key)}, key, lo, hi)) out = *n;
    }
}

/// `key`, when present, as a number in [lo, hi].
template <class T>
void optional_real(load_context& c, const ymap& m, const ypath& p, std::string_view key, double lo, double hi,
                   T& out) {
    if (const yentry* f = m.find(key)) {
        if (const auto x = c.yr.real(yval{*f, p.key(key)}, key, lo, hi)) out = *x;
    }
}

std::optional<std::uint32_t> reference(load_context& c, const ymap& m, const ypath& p, std::string_view key,
                                       name_index& names) {
    const yentry* f = m.find(key);
    if (f == nullptr) return std::nullopt;
    const ypath q = p.key(key);
    const auto t = c.yr.text(yval{*f, q}, key);
    if (!t) return std::nullopt;
    return names.resolve(*t, c.yr.where(yval{*f, q}), q, c.rep);
}

std::vector<calendar::date_range> ranges(load_context& c, const ymap& m, const ypath& p, std::string_view key) {
    std::vector<calendar::date_range> out;
    if (const yentry* f = m.find(key)) {
        const ypath q = p.key(key);
        for (const auto& r : read_date_ranges(c, yval{*f, q}, key)) out.push_back(r.days);
    }
    return out;
}

/// An instructor's `evenings`: {hours, max_per_week, cost_per_hour}.
std::optional<model::instructor_evenings> read_evenings(load_context& c, const yentry& f, const ypath& q) {
    static constexpr std::array<std::string_view, 3> keys{"hours", "max_per_week", "cost_per_hour"};
    const auto m = c.yr.map(yval{f, q}, "evenings", keys);
    if (!m) return std::nullopt;
    model::instructor_evenings ev;
    bool ok = true;
    if (const yentry* h = m->find("hours")) {
        if (const auto r = read_day_hours(c, yval{*h, q.key("hours")}, "evening hours"))
            ev.hours = *r;
        else
            ok = false;
    }
    if (const yentry* x = m->find("max_per_week")) {
        if (const auto n = c.yr.small_int(yval{*x, q.key("max_per_week")}, "max_per_week", 1, 5))
            ev.max_per_week = *n;
        else
            ok = false;
    }
    if (const yentry* x = m->find("cost_per_hour")) {
        if (const auto v = c.yr.real(yval{*x, q.key("cost_per_hour")}, "cost_per_hour", 0, 1e15))
            ev.cost_per_hour = *v;
        else
            ok = false;
    }
    if (!ok) return std::nullopt;
    return ev;
}

}  // namespace

void read_venues(load_context& c, const yentry* e, const ypath& root) {
    static constexpr std::array<std::string_view, 7> keys{"id",      "name",   "capacity",    "location",
                                                          "pattern", "closed", "cost_per_day"};
    read_entities(c, e, root, "venues", "a venue", c.venues, keys, &c.venue_broken,
                  [&](const std::string& id, const ymap& m, const ypath& p, loc at) {
                      model::venue v;
                      v.id = id;
                      v.name = id;
                      v.mark = at.mark();
                      optional_text(c, m, p, "name", v.name);
                      required_int(c, m, p, "capacity", "a venue", 1, 100000, v.capacity);
                      if (const auto l = reference(c, m, p, "location", c.locations)) v.location = {*l};
                      if (const auto pat = reference(c, m, p, "pattern", c.patterns)) v.pattern = {*pat};
                      v.closed = ranges(c, m, p, "closed");
                      optional_real(c, m, p, "cost_per_day", 0, 1e15, v.cost_per_day);
                      c.s.venues.push_back(std::move(v));
                  });
}

void read_platforms(load_context& c, const yentry* e, const ypath& root) {
    static constexpr std::array<std::string_view, 6> keys{"id",       "name",           "concurrent",
                                                          "capacity", "cost_per_cohort", "url"};
    read_entities(c, e, root, "platforms", "a platform", c.platforms, keys, &c.platform_broken,
                  [&](const std::string& id, const ymap& m, const ypath& p, loc at) {
                      model::platform pl;
                      pl.id = id;
                      pl.name = id;
                      pl.mark = at.mark();
                      optional_text(c, m, p, "name", pl.name);
                      optional_int(c, m, p, "concurrent", 1, 1000, pl.concurrent);
                      required_int(c, m, p, "capacity", "a platform", 1, 1'000'000, pl.capacity);
                      optional_real(c, m, p, "cost_per_cohort", 0, 1e15, pl.cost_per_cohort);
                      read_address(c, m, p, "url", url_problem, pl.url);
                      c.s.platforms.push_back(std::move(pl));
                  });
}

void read_instructors(load_context& c, const yentry* e, const ypath& root) {
    static constexpr std::array<std::string_view, 10> keys{
        "id", "name", "pattern", "location", "max_minutes_per_day", "max_days_per_month", "unavailable",
        "cost_per_hour", "email", "evenings"};
    read_entities(c, e, root, "instructors", "an instructor", c.instructors, keys, nullptr,
                  [&](const std::string& id, const ymap& m, const ypath& p, loc at) {
                      model::instructor in;
                      in.id = id;
                      in.name = id;
                      in.mark = at.mark();
                      optional_text(c, m, p, "name", in.name);
                      read_address(c, m, p, "email", email_problem, in.email);
                      if (const auto pat = reference(c, m, p, "pattern", c.patterns)) in.pattern = {*pat};
                      if (const auto l = reference(c, m, p, "location", c.locations)) in.location = {*l};
                      optional_int(c, m, p, "max_minutes_per_day", 1, 1440, in.max_minutes_per_day);
                      optional_int(c, m, p, "max_days_per_month", 1, 31, in.max_days_per_month);
                      in.unavailable = ranges(c, m, p, "unavailable");
                      optional_real(c, m, p, "cost_per_hour", 0, 1e15, in.cost_per_hour);
                      if (const yentry* f = m.find("evenings")) in.evenings = read_evenings(c, *f, p.key("evenings"));
                      c.s.instructors.push_back(std::move(in));
                  });
}

}  // namespace jadwal::load::detail
