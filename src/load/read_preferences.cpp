// Personal preferences and a unit's preferred days (preferences.hpp). Each
// word is parsed once here for both the YAML and the CSV, so a value means the
// same in either and is refused with the same code and sentence.
#include "preferences.hpp"

#include "sections.hpp"
#include "values.hpp"

#include <jadwal/load/diagnostic.hpp>

#include <algorithm>
#include <array>

namespace jadwal::load::detail {
namespace {

constexpr std::size_t max_preference_items = 64;

/// Why a word was refused: its code and sentence.
struct refusal {
    std::string_view code;
    phrase why;
};

std::optional<model::delivery_mode> parse_mode(std::string_view s, refusal& r) {
    const std::string word = lower(trim(s));
    if (const auto m = model::parse_delivery_mode(word)) return m;
    const std::string hint = closest_match(word, {"classroom", "online_live", "self_paced"});
    constexpr std::string_view all = "classroom, online_live, self_paced";
    r = {code::enum_value,
         hint.empty() ? say("{} is not a valid {} (one of: {})", in_quotes(trim(s)), term("delivery mode"), all)
                      : say("{} is not a valid {} (did you mean '{}'? one of: {})", in_quotes(trim(s)),
                            term("delivery mode"), hint, all)};
    return std::nullopt;
}

std::optional<std::uint8_t> parse_days(std::string_view s, refusal& r) {
    phrase problem;
    const auto mask = parse_weekdays(s, problem);
    if (!mask) r = {code::weekday, std::move(problem)};
    return mask;
}

/// A preferred clock range within one day.
std::optional<calendar::clock_range> parse_time(std::string_view s, refusal& r) {
    const auto range = calendar::parse_clock_range(trim(s));
    if (!range) {
        r = {code::time, clock_range_problem(s)};
        return std::nullopt;
    }
    if (range->crosses_midnight()) {
        r = {code::range_order,
             say("the preferred time {} ends before it starts; it must lie within one day", in_quotes(trim(s)))};
        return std::nullopt;
    }
    return range;
}

/// A day to avoid: a date (YYYY-MM-DD) or a DAYSPEC.
struct avoided {
    std::optional<calendar::local_date> date;
    std::uint8_t weekdays = 0;
};

std::optional<avoided> parse_avoided(std::string_view s, refusal& r) {
    const std::string_view t = trim(s);
    if (!t.empty() && t.front() >= '0' && t.front() <= '9') {
        if (const auto d = calendar::parse_date(t)) return avoided{d, 0};
        r = {code::date, date_problem(t)};
        return std::nullopt;
    }
    const auto mask = parse_days(t, r);
    if (!mask) return std::nullopt;
    return avoided{std::nullopt, *mask};
}

void add_mode(std::vector<model::delivery_mode>& out, model::delivery_mode m) {
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
}

void add_time(std::vector<calendar::clock_range>& out, calendar::clock_range t) {
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
}

void add_avoided(model::preferences& p, const avoided& a) {
    if (a.date)
        p.avoid_dates.push_back(*a.date);
    else
        p.avoid_weekdays = static_cast<std::uint8_t>(p.avoid_weekdays | a.weekdays);
}

/// Dates are kept sorted and unique (model::preferences).
void settle_dates(model::preferences& p) {
    std::sort(p.avoid_dates.begin(), p.avoid_dates.end());
    p.avoid_dates.erase(std::unique(p.avoid_dates.begin(), p.avoid_dates.end()), p.avoid_dates.end());
}

bool prefers(const model::preferences& p, model::delivery_mode m) {
    return std::find(p.modes.begin(), p.modes.end(), m) != p.modes.end();
}

/// Why refusing `m` contradicts what `p` says already; empty when it does not.
phrase refusal_conflict(const model::preferences& p, model::delivery_mode m) {
    if (prefers(p, m)) return say("the {} mode is both preferred and refused", model::to_string(m));
    return {};
}

/// Why the refusals of `p` leave nothing; empty when some mode is left.
phrase refuses_everything(const model::preferences& p) {
    if (p.refused_modes.size() < 3) return {};
    return say(
        "every delivery mode is refused (classroom, online_live and self_paced): this person could never be "
        "trained; leave at least one");
}

/// Each item of a DAYSPEC/value list, read as text, handed to `take` with its yval.
template <class F>
void each_word(load_context& c, const yval& v, std::string_view what, F&& take) {
    const auto items = c.yr.scalar_or_list(v, what, max_preference_items);
    if (!items) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const ypath qi = v.path->at(i);
        const yval iv{(*items)[i], items->size() == 1 && v.node.IsScalar() ? *v.path : qi};
        if (const auto t = c.yr.text(iv, what)) take(*t, iv);
    }
}

}  // namespace

model::preferences read_preferences(load_context& c, const yval& v) {
    static constexpr std::array<std::string_view, 5> keys{"modes", "refuse_modes", "days", "times", "avoid_days"};
    model::preferences p;
    const auto m = c.yr.map(v, "preferences", keys);
    if (!m) return p;
    const ypath& root = *v.path;
    if (const yentry* f = m->find("modes")) {
        const ypath q = root.key("modes");
        each_word(c, yval{*f, q}, "modes", [&](const std::string& t, const yval& iv) {
            refusal r;
            if (const auto mode = parse_mode(t, r))
                add_mode(p.modes, *mode);
            else
                c.yr.error(r.code, std::move(r.why), iv);
        });
    }
    if (const yentry* f = m->find("refuse_modes")) {
        const ypath q = root.key("refuse_modes");
        bool conflict = false;
        each_word(c, yval{*f, q}, "refuse_modes", [&](const std::string& t, const yval& iv) {
            refusal r;
            const auto mode = parse_mode(t, r);
            if (!mode) {
                c.yr.error(r.code, std::move(r.why), iv);
                return;
            }
            if (phrase why = refusal_conflict(p, *mode); !why.empty()) {
                c.yr.error(code::preference_conflict, std::move(why), iv);
                conflict = true;
                return;
            }
            add_mode(p.refused_modes, *mode);
        });
        if (phrase why = refuses_everything(p); !conflict && !why.empty())
            c.yr.error(code::preference_conflict, std::move(why), yval{*f, q});
    }
    if (const yentry* f = m->find("days")) {
        const ypath q = root.key("days");
        each_word(c, yval{*f, q}, "days", [&](const std::string& t, const yval& iv) {
            refusal r;
            if (const auto mask = parse_days(t, r))
                p.days = static_cast<std::uint8_t>(p.days | *mask);
            else
                c.yr.error(r.code, std::move(r.why), iv);
        });
    }
    if (const yentry* f = m->find("times")) {
        const ypath q = root.key("times");
        each_word(c, yval{*f, q}, "times", [&](const std::string& t, const yval& iv) {
            refusal r;
            if (const auto range = parse_time(t, r))
                add_time(p.times, *range);
            else
                c.yr.error(r.code, std::move(r.why), iv);
        });
    }
    if (const yentry* f = m->find("avoid_days")) {
        const ypath q = root.key("avoid_days");
        each_word(c, yval{*f, q}, "avoid_days", [&](const std::string& t, const yval& iv) {
            refusal r;
            if (const auto a = parse_avoided(t, r))
                add_avoided(p, *a);
            else
                c.yr.error(r.code, std::move(r.why), iv);
        });
        settle_dates(p);
    }
    return p;
}

std::optional<std::uint8_t> read_preferred_days(load_context& c, const yval& v) {
    std::uint8_t days = 0;
    bool ok = true;
    each_word(c, v, "preferred_days", [&](const std::string& t, const yval& iv) {
        refusal r;
        if (const auto mask = parse_days(t, r)) {
            days = static_cast<std::uint8_t>(days | *mask);
        } else {
            c.yr.error(r.code, std::move(r.why), iv);
            ok = false;
        }
    });
    if (!ok) return std::nullopt;
    return days;
}

void read_preference_cell(load_context& c, preference_column col, std::string_view text, loc at,
                          const std::string& column, model::preferences& out) {
    std::string_view rest = text;
    while (!rest.empty()) {
        const auto semi = rest.find(';');
        const std::string_view part = trim(rest.substr(0, semi));
        rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
        if (part.empty()) continue;
        refusal r;
        bool ok = true;
        switch (col) {
            case preference_column::prefer_modes:
                if (const auto m = parse_mode(part, r))
                    add_mode(out.modes, *m);
                else
                    ok = false;
                break;
            case preference_column::refuse_modes:
                if (const auto m = parse_mode(part, r)) {
                    if (phrase why = refusal_conflict(out, *m); !why.empty())
                        r = {code::preference_conflict, std::move(why)}, ok = false;
                    else
                        add_mode(out.refused_modes, *m);
                } else {
                    ok = false;
                }
                break;
            case preference_column::prefer_days:
                if (const auto mask = parse_days(part, r))
                    out.days = static_cast<std::uint8_t>(out.days | *mask);
                else
                    ok = false;
                break;
            case preference_column::prefer_times:
                if (const auto t = parse_time(part, r))
                    add_time(out.times, *t);
                else
                    ok = false;
                break;
            case preference_column::avoid_days:
                if (const auto a = parse_avoided(part, r))
                    add_avoided(out, *a);
                else
                    ok = false;
                break;
        }
        if (!ok) c.rep.error(r.code, say("{}: {}", column, r.why), at, column);
    }
    if (col == preference_column::avoid_days) settle_dates(out);
    if (col == preference_column::refuse_modes)
        if (phrase why = refuses_everything(out); !why.empty())
            c.rep.error(code::preference_conflict, say("{}: {}", column, why), at, column);
}

}  // namespace jadwal::load::detail
