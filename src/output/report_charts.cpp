#include "report_charts.hpp"

#include <jadwal/time/civil.hpp>
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/solve/explain.hpp>
#include <jadwal/time/iso_week.hpp>

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace jadwal::output::detail {
namespace {

using calendar::local_date;

// Row labels of the charts: the width they get, and the characters that fit in it
// at 11 px in a system font (the full text is in the label's tooltip).
constexpr double label_width = 250;
constexpr std::size_t label_chars = 32;

std::string percent(const text::messages& t, double share) {
    return t.percent(share, 1);
}

/// A date in a tooltip: ISO in English (as always), "7 Apr 2026" in Indonesian.
std::string date_text(const text::messages& t, local_date d) {
    if (t.lang() == text::language::en) return calendar::format_date(d);
    return t.day(d, text::date_style::short_);
}

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

double ratio(std::int64_t part, std::int64_t whole) {
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

/// Opens an SVG that scales down to its container (CSS: max-width 100%, height auto).
void open_svg(html& h, double width, double height, std::string_view label) {
    h.num(
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\" "
        "viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\" aria-label=\"",
        width, height, width, height);
    h.text(label).raw("\">");
}

void colour(html& h, rgb c) {
    h.num("#{:02x}{:02x}{:02x}", c.r, c.g, c.b);
}

/// Month boundaries of the horizon: (day index of the 1st, month) for each month
/// starting inside it, plus the horizon's first month at day 0.
std::vector<std::pair<int, unsigned>> month_starts(calendar::date_range days) {
    std::vector<std::pair<int, unsigned>> out;
    const date::year_month_day first{days.first};
    out.emplace_back(0, static_cast<unsigned>(first.month()));
    date::year_month ym = first.year() / first.month();
    for (;;) {
        ym += date::months{1};
        const local_date d{ym / date::day{1}};
        if (d > days.last) break;
        out.emplace_back(static_cast<int>((d - days.first).count()), static_cast<unsigned>(ym.month()));
    }
    return out;
}

/// Month labels and light grid lines over a time axis of `px_per_day`.
void month_axis(html& h, calendar::date_range days, double x0, double px_per_day, double top, double bottom,
                const text::messages& t) {
    for (const auto& [day, month] : month_starts(days)) {
        const double x = x0 + px_per_day * day;
        h.num("<line class=\"grid\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>", x, top - 4, x, bottom);
        h.num("<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\">", x + 2, top - 6);
        h.text(t.month_name(date::month{month}, true)).raw("</text>");
    }
}

/// A "nice" bucket width for a histogram of up to `max` minutes in about `buckets` buckets.
std::int64_t bucket_width(std::int64_t max, int buckets) {
    constexpr std::array<std::int64_t, 16> nice = {15,  30,  45,  60,  90,  120,  180,  240,
                                                   300, 360, 480, 600, 900, 1200, 1800, 2400};
    for (const auto w : nice)
        if (w * buckets >= max) return w;
    const std::int64_t step = 600;
    return (max / buckets / step + 1) * step;
}

}  // namespace

rgb heat_colour(double t) {
    // A sequential blue ramp: light for little absence, dark for the most.
    constexpr std::array<rgb, 5> stops = {rgb{222, 235, 247}, rgb{158, 202, 225}, rgb{66, 146, 198}, rgb{8, 81, 156},
                                          rgb{8, 48, 107}};
    t = std::clamp(t, 0.0, 1.0) * static_cast<double>(stops.size() - 1);
    const auto k = std::min(static_cast<std::size_t>(t), stops.size() - 2);
    const double u = t - static_cast<double>(k);
    auto mix = [&](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * u)); };
    return {mix(stops[k].r, stops[k + 1].r), mix(stops[k].g, stops[k + 1].g), mix(stops[k].b, stops[k + 1].b)};
}

// ---------------------------------------------------------------- per unit bars

html unit_attainment_chart(const model::scenario& s, const plan_figures& f, const std::vector<std::uint32_t>& units,
                           const text::messages& t) {
    constexpr double label_w = label_width, plot_w = 380, row_h = 28, top = 34, value_w = 60;
    const double width = label_w + plot_w + value_w, height = top + row_h * static_cast<double>(units.size()) + 22;
    html h;
    open_svg(h, width, height, t.tr("Participation and JP-target attainment per unit"));
    // Legend and axis.
    h.num("<rect class=\"bar-a\" x=\"{:.0f}\" y=\"4\" width=\"12\" height=\"10\"/>", label_w);
    const std::string_view first_key = t.tr("participation (demand placed)");
    h.num("<text x=\"{:.0f}\" y=\"13\">", label_w + 16).text(first_key).raw("</text>");
    // The second key after the first one's text (about 6 px a character at 11 px).
    const double second = std::max(200.0, 16.0 + 6.0 * static_cast<double>(code_points(first_key)) + 20.0);
    h.num("<rect class=\"bar-b\" x=\"{:.0f}\" y=\"4\" width=\"12\" height=\"10\"/>", label_w + second);
    h.num("<text x=\"{:.0f}\" y=\"13\">", label_w + second + 16).text(t.tr("JP target met")).raw("</text>");
    for (int pct = 0; pct <= 100; pct += 25) {
        const double x = label_w + plot_w * pct / 100.0;
        h.num("<line class=\"grid\" x1=\"{:.1f}\" y1=\"{:.0f}\" x2=\"{:.1f}\" y2=\"{:.0f}\"/>", x, top - 4, x,
              height - 18);
        h.num("<text class=\"tick\" x=\"{:.1f}\" y=\"{:.0f}\" text-anchor=\"middle\">{}%</text>", x, height - 6, pct);
        // (whole percentages: "25%" reads the same in both languages)
    }
    for (std::size_t row = 0; row < units.size(); ++row) {
        const auto& uf = f.units[units[row]];
        const auto& u = s.units[units[row]];
        const double y = top + row_h * static_cast<double>(row);
        h.num("<text x=\"{:.0f}\" y=\"{:.1f}\" text-anchor=\"end\"><title>", label_w - 6, y + 15);
        h.text(u.name).text(" (").text(u.id).raw(")</title>").text(truncated(u.name, label_chars)).raw("</text>");
        const double part = ratio(uf.demand_placed, uf.demand_total);
        const double jp = ratio(uf.jp_target_met, uf.jp_target_employees);
        h.num("<rect class=\"bar-a\" x=\"{:.0f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"10\"><title>", label_w, y + 3,
              std::max(plot_w * part, 0.5));
        h.text(t.format("{}: participation {} ({} of {} demand items placed)", u.id, percent(t, part),
                        plain_count(t, uf.demand_placed), plain_count(t, uf.demand_total)));
        h.raw("</title></rect>");
        h.num("<rect class=\"bar-b\" x=\"{:.0f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"10\"><title>", label_w, y + 14,
              std::max(plot_w * jp, 0.5));
        h.text(t.format("{}: JP target met by {} ({} of {} staff with a target)", u.id, percent(t, jp),
                        plain_count(t, uf.jp_target_met), plain_count(t, uf.jp_target_employees)));
        h.raw("</title></rect>");
        h.num("<text class=\"tick\" x=\"{:.0f}\" y=\"{:.1f}\">", label_w + plot_w + 6, y + 12)
            .text(uf.demand_total > 0 ? percent(t, part) : std::string{t.tr("n/a")})
            .raw("</text>");
        h.num("<text class=\"tick\" x=\"{:.0f}\" y=\"{:.1f}\">", label_w + plot_w + 6, y + 23)
            .text(uf.jp_target_employees > 0 ? percent(t, jp) : std::string{t.tr("n/a")})
            .raw("</text>");
    }
    h.raw("</svg>");
    return h;
}

// ---------------------------------------------------------------- absence heat map

html absence_heat_map(const model::scenario& s, const plan_figures& f, const std::vector<std::uint32_t>& units,
                      const text::messages& t) {
    // Columns are ISO weeks: the first starts on the Monday on or before the horizon's first date.
    const local_date monday0 = calendar::week_monday(f.days.first);
    const int weeks = static_cast<int>((f.days.last - monday0).count() / 7 + 1);
    const auto n_days = static_cast<int>((f.days.last - f.days.first).count() + 1);
    const int lead = static_cast<int>((f.days.first - monday0).count());  // days of week 0 before the horizon

    // Cell values first, to scale the colours to the largest one shown.
    std::vector<std::vector<std::int32_t>> cells(units.size(), std::vector<std::int32_t>(weeks, 0));
    double top_share = 0;
    for (std::size_t row = 0; row < units.size(); ++row) {
        const auto& uf = f.units[units[row]];
        for (int d = 0; d < n_days && d < static_cast<int>(uf.daily_max_absent.size()); ++d) {
            auto& cell = cells[row][static_cast<std::size_t>((d + lead) / 7)];
            cell = std::max(cell, uf.daily_max_absent[static_cast<std::size_t>(d)]);
        }
        for (const auto c : cells[row]) top_share = std::max(top_share, ratio(c, uf.headcount));
    }
    const double scale = top_share > 0 ? top_share : 1.0;

    constexpr double label_w = label_width, cell = 13, top = 36, legend_h = 30;
    const double width = label_w + cell * weeks + 12;
    const double height = top + cell * static_cast<double>(units.size()) + legend_h;
    html h;
    open_svg(h, width, height, t.tr("Unit absence by week"));
    month_axis(h, f.days, label_w + cell * lead / 7.0, cell / 7.0, top, top + cell * static_cast<double>(units.size()),
               t);
    for (std::size_t row = 0; row < units.size(); ++row) {
        const auto& uf = f.units[units[row]];
        const auto& u = s.units[units[row]];
        const double y = top + cell * static_cast<double>(row);
        h.num("<text x=\"{:.0f}\" y=\"{:.1f}\" text-anchor=\"end\"><title>", label_w - 6, y + cell - 3);
        h.text(u.name).text(" (").text(u.id).raw(")</title>").text(truncated(u.name, label_chars)).raw("</text>");
        h.num("<rect class=\"empty\" x=\"{:.0f}\" y=\"{:.1f}\" width=\"{:.0f}\" height=\"{:.0f}\"/>", label_w, y,
              cell * weeks, cell - 1);
        for (int w = 0; w < weeks; ++w) {
            const auto count = cells[row][static_cast<std::size_t>(w)];
            if (count <= 0) continue;  // the row's background shows an empty week
            const double share = ratio(count, uf.headcount);
            h.num("<rect x=\"{:.0f}\" y=\"{:.1f}\" width=\"{:.0f}\" height=\"{:.0f}\" fill=\"", label_w + cell * w, y,
                  cell - 1, cell - 1);
            colour(h, heat_colour(share / scale));
            h.raw("\"");
            if (count > uf.absence_limit) h.raw(" class=\"over\"");
            h.raw("><title>");
            h.text(t.format("{}, week of {}: at most {} of {} staff ({}) in training in working time; limit {}", u.id,
                            date_text(t, monday0 + date::days{7 * w}), plain_count(t, count),
                            plain_count(t, uf.headcount), percent(t, share), plain_count(t, uf.absence_limit)));
            h.raw("</title></rect>");
        }
    }
    // Legend: five steps of the ramp, labelled with the shares they stand for.
    const double ly = top + cell * static_cast<double>(units.size()) + 10;
    for (int k = 0; k < 5; ++k) {
        const double step = (k + 1) / 5.0;
        h.num("<rect x=\"{:.0f}\" y=\"{:.0f}\" width=\"{}\" height=\"10\" fill=\"", label_w + 70.0 * k, ly, 14);
        colour(h, heat_colour(step));
        h.num("\"/><text class=\"tick\" x=\"{:.0f}\" y=\"{:.0f}\">", label_w + 70.0 * k + 18, ly + 9)
            .text("\xE2\x89\xA4 " + percent(t, scale * step))  // "≤ 3.2%"
            .raw("</text>");
    }
    h.num("<rect class=\"over-key\" x=\"{:.0f}\" y=\"{:.0f}\" width=\"12\" height=\"8\"/>", label_w + 360, ly + 1);
    h.num("<text class=\"tick\" x=\"{:.0f}\" y=\"{:.0f}\">", label_w + 378, ly + 9)
        .text(t.tr("above the unit's limit"))
        .raw("</text>");
    h.raw("</svg>");
    return h;
}

// ---------------------------------------------------------------- histogram

html minutes_histogram(const std::vector<std::int64_t>& values, const std::string& what,
                       std::optional<std::int64_t> limit, const text::messages& t) {
    std::int64_t max = 0;
    for (const auto v : values) max = std::max(max, v);
    if (limit) max = std::max(max, *limit);
    const std::int64_t w = bucket_width(std::max<std::int64_t>(max, 1), 12);
    // Bucket 0 holds the people with none; bucket k > 0 holds ((k-1)w, kw].
    const auto n_buckets = static_cast<std::size_t>((max + w - 1) / w + 1);
    std::vector<std::int64_t> counts(n_buckets, 0);
    for (const auto v : values) ++counts[v <= 0 ? 0 : static_cast<std::size_t>((v + w - 1) / w)];
    std::int64_t most = 1;
    for (const auto c : counts) most = std::max(most, c);
    // The count axis in four or five round steps (1, 2 or 5 times a power of ten).
    std::int64_t step = 1;
    for (std::int64_t p = 1;; p *= 10) {
        if (p * 4 >= most) {
            step = p;
            break;
        }
        if (p * 2 * 4 >= most) {
            step = 2 * p;
            break;
        }
        if (p * 5 * 4 >= most) {
            step = 5 * p;
            break;
        }
    }
    const std::int64_t steps = (most + step - 1) / step;
    const std::int64_t top_count = steps * step;

    constexpr double left = 48, plot_h = 160, top = 14, bottom = 46;
    const double bar_w = std::clamp(560.0 / static_cast<double>(n_buckets), 14.0, 48.0);
    const double width = left + bar_w * static_cast<double>(n_buckets) + 16, height = top + plot_h + bottom;
    html h;
    open_svg(h, width, height, what);
    for (std::int64_t k = 0; k <= steps; ++k) {  // y grid: counts
        const double y = top + plot_h - plot_h * static_cast<double>(k) / static_cast<double>(steps);
        h.num("<line class=\"grid\" x1=\"{:.0f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>", left, y, width - 8, y);
        h.num("<text class=\"tick\" x=\"{:.0f}\" y=\"{:.1f}\" text-anchor=\"end\">", left - 4, y + 4)
            .text(plain_count(t, k * step))
            .raw("</text>");
    }
    for (std::size_t b = 0; b < n_buckets; ++b) {
        const double x = left + bar_w * static_cast<double>(b);
        const double bh = plot_h * static_cast<double>(counts[b]) / static_cast<double>(top_count);
        const auto lo = static_cast<std::int64_t>(b == 0 ? 0 : (b - 1)) * w, hi = static_cast<std::int64_t>(b) * w;
        const std::string range =
            b == 0 ? t.format("{} min", 0) : t.format("{}\u2013{} min", plain_count(t, lo + 1), plain_count(t, hi));
        h.num("<rect class=\"bar-a\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"><title>", x + 1,
              top + plot_h - bh, bar_w - 2, bh);
        h.text(range + ": " + t.plural("{} person", "{} people", counts[b], plain_count(t, counts[b])))
            .raw("</title></rect>");
        if (b == 0 || b % ((n_buckets + 7) / 8) == 0 || b + 1 == n_buckets)
            h.num("<text class=\"tick\" x=\"{:.1f}\" y=\"{:.0f}\" text-anchor=\"middle\">", x + bar_w / 2,
                  top + plot_h + 14)
                .text(plain_count(t, hi))
                .raw("</text>");
    }
    h.num("<text class=\"tick\" x=\"{:.0f}\" y=\"{:.0f}\">", left, height - 8)
        .text(t.tr("minutes (each bar: up to the value below it)"))
        .raw("</text>");
    if (limit) {
        // Bar k covers ((k-1)w, kw] and spans [k, k+1) bar widths: value v sits at v/w + 1.
        const double x = left + bar_w * (static_cast<double>(*limit) / static_cast<double>(w) + 1.0);
        h.num("<line class=\"limit\" x1=\"{:.1f}\" y1=\"{:.0f}\" x2=\"{:.1f}\" y2=\"{:.0f}\"/>", x, top, x,
              top + plot_h);
        // The label on the side of the line with room for it.
        if (x > width / 2)
            h.num("<text class=\"tick limit-label\" x=\"{:.1f}\" y=\"{:.0f}\" text-anchor=\"end\">", x - 4, top + 10);
        else
            h.num("<text class=\"tick limit-label\" x=\"{:.1f}\" y=\"{:.0f}\">", x + 4, top + 10);
        h.text(t.format("policy limit {} min", plain_count(t, *limit))).raw("</text>");
    }
    h.raw("</svg>");
    return h;
}

// ---------------------------------------------------------------- cohort calendar

html cohort_calendar(const model::scenario& s, const model::solution& sol, const text::messages& t) {
    struct bar {
        std::uint32_t cohort = 0;
        int first = 0, last = 0;  // day indices (scenario zone) of the first and last session
        int lane = 0;
    };
    const auto& zone = *s.zone;
    auto day_of = [&](calendar::instant at) {
        return static_cast<int>((calendar::local_day(at, zone) - s.horizon.first).count());
    };
    // Per programme (scenario order) its live cohorts by first session, packed
    // greedily into lanes: a cohort takes the first lane free since before its start.
    std::map<std::uint32_t, std::vector<bar>> bands;
    for (std::uint32_t c = 0; c < sol.cohorts.size(); ++c) {
        const auto& co = sol.cohorts[c];
        if (co.mode == model::delivery_mode::self_paced || co.sessions.empty()) continue;
        int first = day_of(co.sessions.front().start), last = first;
        for (const auto& ses : co.sessions) {
            first = std::min(first, day_of(ses.start));
            last = std::max(last, day_of(ses.end - calendar::minutes{1}));
        }
        bands[co.program.value].push_back({c, first, last, 0});
    }
    int lanes_total = 0;
    std::map<std::uint32_t, int> band_lanes;
    for (auto& [p, bars] : bands) {
        std::stable_sort(bars.begin(), bars.end(), [](const bar& a, const bar& b) { return a.first < b.first; });
        std::vector<int> lane_end;  // last day used per lane
        for (auto& b : bars) {
            std::size_t lane = 0;
            while (lane < lane_end.size() && lane_end[lane] >= b.first - 1) ++lane;  // a day's gap between bars
            if (lane == lane_end.size()) lane_end.push_back(b.last);
            lane_end[lane] = b.last;
            b.lane = static_cast<int>(lane);
        }
        band_lanes[p] = static_cast<int>(lane_end.size());
        lanes_total += static_cast<int>(lane_end.size());
    }

    const auto n_days = static_cast<int>((s.horizon.last - s.horizon.first).count() + 1);
    constexpr double label_w = label_width, plot_w = 720, lane_h = 11, band_gap = 6, top = 34;
    const double px = plot_w / n_days;
    const double height = top + lane_h * lanes_total + band_gap * static_cast<double>(bands.size()) + 12;
    html h;
    open_svg(h, label_w + plot_w + 10, height, t.tr("Calendar of cohorts"));
    month_axis(h, s.horizon, label_w, px, top, height - 8, t);
    h.num("<rect class=\"m-classroom\" x=\"{:.0f}\" y=\"2\" width=\"12\" height=\"9\"/>", label_w);
    h.num("<text class=\"tick\" x=\"{:.0f}\" y=\"10\">", label_w + 16).text(t.tr("classroom")).raw("</text>");
    h.num("<rect class=\"m-online_live\" x=\"{:.0f}\" y=\"2\" width=\"12\" height=\"9\"/>", label_w + 90);
    h.num("<text class=\"tick\" x=\"{:.0f}\" y=\"10\">", label_w + 106).text(t.tr("online live")).raw("</text>");
    h.num("<rect class=\"session\" x=\"{:.0f}\" y=\"2\" width=\"3\" height=\"9\"/>", label_w + 190);
    h.num("<text class=\"tick\" x=\"{:.0f}\" y=\"10\">", label_w + 197).text(t.tr("a session day")).raw("</text>");

    double y = top;
    for (const auto& [p, bars] : bands) {
        const auto& prog = s.programs[p];
        const int lanes = band_lanes[p];
        h.num("<line class=\"band\" x1=\"0\" y1=\"{:.1f}\" x2=\"{:.0f}\" y2=\"{:.1f}\"/>", y - band_gap / 2,
              label_w + plot_w, y - band_gap / 2);
        h.num("<text x=\"{:.0f}\" y=\"{:.1f}\" text-anchor=\"end\"><title>", label_w - 6,
              y + std::min(lanes * lane_h, 2 * lane_h) / 2 + 4);
        h.text(prog.title)
            .text(" (")
            .text(prog.id)
            .raw(")</title>")
            .text(truncated(prog.title, label_chars))
            .raw("</text>");
        for (const auto& b : bars) {
            const auto& co = sol.cohorts[b.cohort];
            const double by = y + lane_h * b.lane;
            const std::string mode = solve::mode_label(t, co.mode);
            std::string where;
            if (co.mode == model::delivery_mode::classroom && co.venue.valid())
                where = t.format(" at {}", s.venues[co.venue.value].name);
            else if (co.mode == model::delivery_mode::online_live && co.platform.valid())
                where = t.format(" on {}", s.platforms[co.platform.value].name);
            const auto n_sessions = static_cast<std::int64_t>(co.sessions.size());
            h.raw("<g><title>");
            h.text(t.format("{} ({}): {}{}, {} participants, {}, {} to {}", co.id, prog.title, mode, where,
                            plain_count(t, static_cast<std::int64_t>(co.participants.size())),
                            t.plural("{} session", "{} sessions", n_sessions, plain_count(t, n_sessions)),
                            date_text(t, s.horizon.first + date::days{b.first}),
                            date_text(t, s.horizon.first + date::days{b.last})));
            h.raw("</title>");
            if (co.mode == model::delivery_mode::classroom)
                h.raw("<rect class=\"m-classroom\"");
            else
                h.raw("<rect class=\"m-online_live\"");
            h.num(" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.0f}\"/>", label_w + px * b.first, by,
                  std::max(px * (b.last - b.first + 1), 1.5), lane_h - 2);
            int last_mark = -1;
            for (const auto& ses : co.sessions) {
                const int d = day_of(ses.start);
                if (d == last_mark) continue;
                last_mark = d;
                h.num("<rect class=\"session\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.0f}\"/>",
                      label_w + px * d, by, std::max(px, 1.2), lane_h - 2);
            }
            h.raw("</g>");
        }
        y += lane_h * lanes + band_gap;
    }
    h.raw("</svg>");
    return h;
}

std::string plain_count(const text::messages& t, std::int64_t n) {
    return t.lang() == text::language::en ? fmt::format("{}", n) : t.number(n);
}

std::string plain_decimal(const text::messages& t, double x, int decimals) {
    return t.lang() == text::language::en ? fmt::format("{:.{}f}", x, decimals) : t.number(x, decimals);
}

std::string strategy_name(const text::messages& t, std::string_view strategy) {
    if (t.lang() == text::language::en) return std::string(strategy);
    if (strategy == "optimized") return std::string(t.tr_in("strategy", "optimized"));
    if (strategy == "baseline") return std::string(t.tr_in("strategy", "baseline"));
    return std::string(strategy);
}

std::string priority_name(const text::messages& t, model::priority p) {
    if (t.lang() == text::language::en) return std::string(model::to_string(p));
    switch (p) {
        case model::priority::mandatory:
            return std::string(t.tr_in("priority", "mandatory"));
        case model::priority::elective:
            return std::string(t.tr_in("priority", "elective"));
    }
    return std::string(model::to_string(p));
}

}  // namespace jadwal::output::detail
