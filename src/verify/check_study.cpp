// Self-paced study blocks, per person and programme: the mode is offered and
// allowed, every module's blocks add up to exactly its minutes, each block is
// of an allowed length, on the grid, in an allowed window, in module order,
// and done by the deadline. Fills context::items with the blocks.
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "context.hpp"

namespace jadwal::verify::detail {
namespace {

const model::mode_offer* self_paced_offer(const model::program& p) {
    for (const auto& mo : p.modes)
        if (mo.mode == model::delivery_mode::self_paced) return &mo;
    return nullptr;
}

/// The window in which a fixed session's recording may be watched: from the
/// session's end to `days` days of 24 hours later.
struct recording_window {
    interval span;
    std::int64_t minutes = 0;  ///< the session's minutes plus the post-test
};

std::vector<recording_window> recording_windows(const context& c, const model::program& p, std::uint32_t module) {
    std::vector<recording_window> out;
    for (const auto& mo : p.modes)
        for (const auto& f : mo.fixed) {
            if (f.module != module || !f.recording) continue;
            const instant a = calendar::to_instant(f.start, c.zone), b = calendar::to_instant(f.end, c.zone);
            out.push_back({{b, b + std::chrono::hours{24} * f.recording->days},
                           (b - a).count() + f.recording->post_test_minutes});
        }
    return out;
}

bool eligible(const model::scenario& s, const model::employee& e) {
    const auto& el = s.catalogue.eligible;
    if (e.jp_target <= 0 || !e.unit.valid() || e.unit.value >= s.units.size()) return false;
    const auto& u = s.units[e.unit.value];
    auto in = [](const auto& list, const auto& x) { return list.empty() || std::find(list.begin(), list.end(), x) != list.end(); };
    return in(el.status, e.status) && in(el.unit_kinds, u.kind) && in(el.units, e.unit) && in(el.districts, u.district);
}

void check_one(context& c, model::employee_index e, model::program_index pi, const std::vector<std::uint32_t>& blocks) {
    const auto& prog = c.s.programs[pi.value];
    const auto& emp = c.s.employees[e.value];
    const context::about about{emp.id, "", ""};
    const auto& blocks_of = c.sol.study_blocks;
    const auto first_start = blocks_of[blocks.front()].start;
    const bool recording = blocks_of[blocks.front()].recording;
    const bool top_up = blocks_of[blocks.front()].top_up;
    for (const auto b : blocks)
        if (blocks_of[b].recording != recording || blocks_of[b].top_up != top_up)
            c.add("S-STUDY-MIXED",
                  c.m.format("{}'s study blocks for programme {} are not all marked alike (recording, top-up)",
                             c.who(e), prog.id),
                  blocks_of[b].start, about);
    // A recording is watched in the self-paced windows the policy allows.
    static const model::mode_offer recording_offer = [] {
        model::mode_offer o;
        o.mode = model::delivery_mode::self_paced;
        o.windows = {model::window_kind::working_hours, model::window_kind::after_hours, model::window_kind::weekend};
        return o;
    }();
    const model::mode_offer* mo = recording ? &recording_offer : self_paced_offer(prog);
    if (recording) {
        if (!c.pol.recordings)
            c.add("S-RECORDING-REFUSED",
                  c.m.format("{} watches the recording of programme {}, but {} refuses recordings", c.who(e), prog.id,
                             c.policy_name()),
                  first_start, about);
    } else {
        if (!mo)
            c.add(
                "S-MODE-NOT-OFFERED",
                c.m.format("{} has study blocks for programme {}, which is not offered self-paced", c.who(e), prog.id),
                first_start, about);
        if (!c.policy_allows(model::delivery_mode::self_paced))
            c.add("S-MODE-NOT-ALLOWED",
                  c.m.format("{} has study blocks for programme {}, but {} does not allow self-paced study", c.who(e),
                             prog.id, c.policy_name()),
                  first_start, about);
    }
    const auto demand = c.demand(e, pi);
    if (top_up) {
        // Top-up (docs/model.md "Top-up"): a catalogue programme, not declared, for an eligible person.
        const auto& cat = c.s.catalogue.programs;
        if (std::find(cat.begin(), cat.end(), pi) == cat.end())
            c.add("S-TOP-UP-NOT-CATALOGUE",
                  c.m.format("{} takes programme {} as top-up, but it is not in the catalogue", c.who(e), prog.id),
                  first_start, about);
        if (demand)
            c.add("S-TOP-UP-DECLARED",
                  c.m.format("{} takes programme {} as top-up, but it is their declared demand", c.who(e), prog.id),
                  first_start, about);
        if (!eligible(c.s, emp))
            c.add("S-TOP-UP-INELIGIBLE",
                  c.m.format("{} takes catalogue programme {} as top-up, but the catalogue is not open to them{}",
                             c.who(e), prog.id,
                             emp.jp_target <= 0 ? std::string(c.m.tr(" (they have no JP target)")) : std::string{}),
                  first_start, about);
    } else if (!demand) {
        c.add("S-NOT-IN-DEMAND",
              c.m.format("{} has study blocks for programme {} but no demand entry asks for it for them", c.who(e),
                         prog.id),
              first_start, about);
    }
    // Per module: the recording window holding every block, with its minutes.
    std::vector<std::optional<recording_window>> window(prog.modules.size());
    if (recording) {
        for (std::uint32_t m = 0; m < prog.modules.size(); ++m) {
            std::vector<std::uint32_t> mine;
            for (const auto b : blocks)
                if (blocks_of[b].module == m) mine.push_back(b);
            if (mine.empty()) continue;
            const auto windows = recording_windows(c, prog, m);
            for (const auto& w : windows) {
                bool inside = true;
                for (const auto b : mine)
                    inside = inside && w.span.start <= blocks_of[b].start && blocks_of[b].end <= w.span.end;
                if (inside) {
                    window[m] = w;
                    break;
                }
            }
            if (!window[m]) {
                c.add("S-RECORDING-WINDOW",
                      windows.empty()
                          ? c.m.format("{} watches a recording of module {} of {}, which has no recorded session",
                                       c.who(e), prog.modules[m].id, prog.id)
                          : c.m.format("{}'s recording study of module {} of {} does not lie within the days after "
                                       "one recorded session (from its end to the recording's last day)",
                                       c.who(e), prog.modules[m].id, prog.id),
                      blocks_of[mine.front()].start, about);
                if (!windows.empty()) window[m] = windows.front();
            }
        }
    }

    const auto& ez = c.zone_of(e);
    const auto& mods = prog.modules;
    std::vector<std::int64_t> total(mods.size(), 0);
    struct span_of {
        bool any = false;
        instant first{}, last{};
    };
    std::vector<span_of> spans(mods.size());
    std::optional<instant> last_end;
    for (const auto b : blocks) {
        const auto& blk = blocks_of[b];
        if (blk.module >= mods.size()) {
            c.add("S-REFERENCE",
                  c.m.format("{} has a study block of module #{}, which programme {} does not have", c.who(e),
                             blk.module, prog.id),
                  blk.start, about);
            continue;
        }
        const auto& mod = mods[blk.module];
        const std::int64_t len = (blk.end - blk.start).count();
        if (len <= 0) {
            c.add("S-STUDY-BLOCK-LENGTH",
                  c.m.format("{} of {} does not end after it starts", c.describe_block(b), c.who(e)), blk.start, about);
            continue;
        }
        total[blk.module] += len;
        auto& sp = spans[blk.module];
        if (!sp.any || blk.start < sp.first) sp.first = blk.start;
        if (!sp.any || blk.end > sp.last) sp.last = blk.end;
        sp.any = true;
        if (!last_end || blk.end > *last_end) last_end = blk.end;
        c.items[e.value].push_back({{blk.start, blk.end}, {blk.start, blk.end}, none, b});

        const std::int64_t module_minutes = window[blk.module] ? window[blk.module]->minutes
                                                               : static_cast<std::int64_t>(mod.jp) * c.s.jp_minutes;
        const std::int64_t lo = c.pol.study_block_min_minutes;
        const std::int64_t hi = c.pol.study_block_max_minutes;
        if (module_minutes < lo) {
            if (len != module_minutes)
                c.add("S-STUDY-BLOCK-LENGTH",
                      c.m.format("{} of {} lasts {} min; module {} ({} min) is shorter than the shortest block ({} "
                                 "min), so it is one block of its own length",
                                 c.describe_block(b), c.who(e), c.num(len), mod.id, c.num(module_minutes), c.num(lo)),
                      blk.start, about);
        } else if (len < lo || len > hi) {
            c.add("S-STUDY-BLOCK-LENGTH",
                  c.m.format("{} of {} lasts {} min; study blocks last {} to {} min", c.describe_block(b), c.who(e),
                             c.num(len), c.num(lo), c.num(hi)),
                  blk.start, about);
        }
        if (c.s.granularity_minutes > 0 &&
            context::local_minute_of_day(blk.start, c.zone) % c.s.granularity_minutes != 0)
            c.add("S-GRID",
                  c.m.format("{} of {} does not start on the {}-minute grid", c.describe_block(b), c.who(e),
                             c.s.granularity_minutes),
                  blk.start, about);
        if (blk.start < c.horizon.start || blk.end > c.horizon.end)
            c.add("S-HORIZON", c.m.format("{} of {} lies outside the planning horizon", c.describe_block(b), c.who(e)),
                  blk.start, about);
        if (mo) {
            const window_fit f = c.fit(*mo, {blk.start, blk.end});
            if (!f.any())
                c.add("H3-WINDOW",
                      c.m.format("{} of {} lies in none of the windows that self-paced study of {} may use",
                                 c.describe_block(b), c.who(e), prog.id),
                      blk.start, about);
            else if (!f.allows(emp.accepts))
                c.add(
                    "H3-REFUSED-WINDOW",
                    c.m.format("{} of {} lies only in {} window, and they do not accept that", c.describe_block(b),
                               c.who(e), f.weekend && !f.after_hours ? c.m.tr("a weekend") : c.m.tr("an after-hours")),
                    blk.start, about);
        }
    }

    bool complete = true;
    for (std::uint32_t m = 0; m < mods.size(); ++m) {
        const std::int64_t want =
            window[m] ? window[m]->minutes : static_cast<std::int64_t>(mods[m].jp) * c.s.jp_minutes;
        if (total[m] == want) continue;
        complete = false;
        c.add(total[m] < want ? "S-STUDY-INCOMPLETE" : "S-STUDY-EXCESS",
              c.m.format("{}'s study blocks for module {} of {} add up to {} min; the module takes {} min", c.who(e),
                         mods[m].id, prog.id, c.num(total[m]), c.num(want)),
              spans[m].any ? std::optional<instant>{spans[m].first} : std::nullopt, about);
    }
    for (std::uint32_t b = 0; b < mods.size(); ++b) {
        const auto& mod = mods[b];
        if (!mod.after || *mod.after >= mods.size() || *mod.after == b) continue;
        const auto a = *mod.after;
        if (spans[a].any && spans[b].any && spans[b].first < spans[a].last)
            c.add("H4-MODULE-ORDER",
                  c.m.format("{} starts studying module {} of {} on {}, before finishing module {} ({})", c.who(e),
                             mod.id, prog.id, c.at(spans[b].first, ez), mods[a].id, c.at(spans[a].last, ez)),
                  spans[b].first, about);
    }
    const auto k = context::key(e, pi);
    c.study_complete[k] = complete;
    if (recording) c.recording_study[k] = true;
    if (top_up) c.top_up_study[k] = true;
    if (last_end) {
        c.study_end[k] = *last_end;
        if (demand && c.s.demand[*demand].deadline && *last_end > c.deadline_end(e, pi))
            c.add("S-DEADLINE",
                  c.m.format("{}'s study of {} ends on {}, after the deadline ({})", c.who(e), prog.id,
                             c.at(*last_end, ez), c.date_text(*c.s.demand[*demand].deadline)),
                  *last_end, about);
    }
}

}  // namespace

void check_study(context& c) {
    // Group by (employee, programme), in a stable order.
    std::map<std::uint64_t, std::vector<std::uint32_t>> groups;
    for (std::uint32_t b = 0; b < c.sol.study_blocks.size(); ++b) {
        const auto& blk = c.sol.study_blocks[b];
        if (!c.valid(blk.employee) || !c.valid(blk.program)) {
            c.add("S-REFERENCE",
                  c.m.format("study block #{} names employee #{} / programme #{}, not both in the scenario", b,
                             blk.employee.value, blk.program.value),
                  blk.start);
            continue;
        }
        groups[context::key(blk.employee, blk.program)].push_back(b);
    }
    for (auto& [k, blocks] : groups) {
        std::sort(blocks.begin(), blocks.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::tie(c.sol.study_blocks[a].start, a) < std::tie(c.sol.study_blocks[b].start, b);
        });
        check_one(c, model::employee_index{static_cast<std::uint32_t>(k >> 32)},
                  model::program_index{static_cast<std::uint32_t>(k & 0xffffffffU)}, blocks);
    }
}

}  // namespace jadwal::verify::detail
