// Helpers for the calendar tests: plans to write (the solved example, a
// hand-made plan whose every name and id is hostile), a reader of the written
// text that checks the RFC 5545 line rules on the way, and a second, plain
// implementation of which events each file must hold. The writer's output is
// compared with that here, and (through a JSON manifest) by two independent
// iCalendar parsers: Python's icalendar and libical.
#pragma once

#include "../support/temp_dir.hpp"

#include <jadwal/load/load_scenario.hpp>
#include <jadwal/output/ics.hpp>
#include <jadwal/solve/solver.hpp>
#include "../support/load_or_fail.hpp"

#include <catch2/catch.hpp>
#include <date/tz.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <unistd.h>
#include <utility>
#include <vector>

namespace jadwal::test_ics {

using calendar::instant;
namespace fs = std::filesystem;
using test::load_or_fail;

inline instant at(int y, unsigned m, unsigned d, int hour, int minute = 0) {
    return instant{date::sys_days{date::year{y} / m / d}} + std::chrono::hours{hour} + std::chrono::minutes{minute};
}

/// The DTSTAMP every test writes with.
inline const instant stamp = at(2026, 1, 2, 3, 4);

inline output::ics_options options(const solve::solution* previous = nullptr) {
    output::ics_options o;
    o.dtstamp = stamp;
    o.previous = previous;
    return o;
}

// ---------------------------------------------------------------- plans


struct plan {
    std::shared_ptr<const model::scenario> scenario;
    solve::solution solution;
};

inline std::shared_ptr<const model::scenario> example_scenario() {
    static const auto s =
        load_or_fail(load::load_scenario_file(std::string{JADWAL_SOURCE_DIR} + "/examples/small/scenario.yaml"));
    return s;
}

template <class Items>
std::uint32_t index_of(const Items& items, std::string_view id) {
    for (std::uint32_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return i;
    FAIL("no " << id);
    return 0;
}

/// A hand-made plan of examples/small/scenario.yaml with every kind of event:
/// a classroom cohort (two instructors, a venue, a module in two parts, a
/// participant in Asia/Makassar), a live online cohort, the fixed webinar,
/// and study blocks listed out of time order.
inline const plan& example() {
    static const plan p = [] {
        auto s = example_scenario();
        auto emp = [&](std::string_view id) { return model::employee_index{index_of(s->employees, id)}; };
        auto wib = [](unsigned month, unsigned day, int hour, int minute = 0) {
            return at(2026, month, day, hour - 7, minute);
        };
        solve::solution sol;
        solve::cohort room;
        room.id = "keuda-01";
        room.program = {index_of(s->programs, "keuda")};
        room.mode = model::delivery_mode::classroom;
        room.venue = {index_of(s->venues, "aula_bkpsdmd")};
        room.instructors = {{index_of(s->instructors, "wi_01")}, {index_of(s->instructors, "wi_02")}};
        room.participants = {emp("198203142006041002"), emp("198507212010012003"), emp("199001012019031004"),
                             emp("199203152022211005"), emp("199511112022031017")};
        std::sort(room.participants.begin(), room.participants.end());
        room.sessions = {{0, 0, wib(3, 2, 8), wib(3, 2, 11), false, 0},
                         {0, 1, wib(3, 3, 8), wib(3, 3, 11), false, 1},
                         {1, 0, wib(3, 10, 8), wib(3, 10, 14), false, 0},
                         {2, 0, wib(3, 24, 8), wib(3, 24, 14), false, 0}};
        solve::cohort online;
        online.id = "keuda-02";
        online.program = room.program;
        online.mode = model::delivery_mode::online_live;
        online.platform = {index_of(s->platforms, "zoom_bkpsdmd")};
        online.instructors = {{index_of(s->instructors, "wi_02")}};
        online.participants = {emp("198811112015031006"), emp("199406062020122007")};
        online.sessions = {{0, 0, wib(4, 6, 16, 30), wib(4, 6, 19, 30), false, 0},
                           {1, 0, wib(4, 13, 16, 30), wib(4, 13, 19, 30), false, 0},
                           {2, 0, wib(4, 20, 16, 30), wib(4, 20, 19, 30), false, 0}};
        solve::cohort webinar;
        webinar.id = "webinar_smart_asn-01";
        webinar.program = {index_of(s->programs, "webinar_smart_asn")};
        webinar.mode = model::delivery_mode::online_live;
        webinar.platform = online.platform;
        webinar.participants = {emp("198612122012122010"), emp("199303032018032012")};
        webinar.sessions = {{0, 0, wib(9, 10, 9), wib(9, 10, 10, 30), true, 0}};
        sol.cohorts = {room, online, webinar};
        const model::program_index prima{index_of(s->programs, "pelayanan_prima")};
        for (const char* id : {"198701012011012008", "199109092019032009"})
            for (std::uint32_t module = 0; module < 2; ++module)
                for (unsigned week = 3; week > 0; --week)  // latest first: ordinals follow time, not the list
                    sol.study_blocks.push_back({emp(id), prima, module, wib(5 + module, week * 7, 19, 30),
                                                wib(5 + module, week * 7, 21), 0});
        return plan{s, std::move(sol)};
    }();
    return p;
}

/// What the solver makes of examples/small/scenario.yaml under `flexible`.
inline const plan& solved_example() {
    static const plan p = [] {
        auto s = example_scenario();
        solve::solve_options o;
        o.policy = "flexible";
        o.max_moves = 20000;
        o.seed = 1;
        return plan{s, solve::solve(*s, o)};
    }();
    return p;
}

/// Names that try to end a line and start a property, quotes, separators,
/// markup and formulas, long non-ASCII titles; ids that try to leave the
/// directory, collide when case is ignored, or look like a cancel file.
/// One participant lives in Europe/Berlin (a zone with daylight saving time).
inline constexpr std::string_view hostile_yaml = R"yaml(
jadwal: 1
scenario: {name: "hostile", timezone: Asia/Jakarta, from: 2026-01-05, to: 2026-12-18}
holidays: [id-2026]
work_patterns:
  office:
    week: {mon-fri: [08:00-16:00]}
locations: [{id: kota, name: "Kota; Jambi, \"Pusat\""}]
units:
  - {id: u1, pattern: office, location: kota, max_absent: 100%}
employees:
  - {id: "198203142006041002", name: "Evil\nATTENDEE:mailto:evil@x", unit: u1, status: pns, email: siti@bkpsdmd.go.id}
  - {id: "../../etc/passwd", name: "<script>alert(1)</script>", unit: u1, status: pns}
  - {id: "CON", name: "=HYPERLINK(\"http://evil\",\"x\")", unit: u1, status: pns}
  - {id: "Keuda", name: "Back\\slash; semi, comma: colon", unit: u1, status: pns}
  - {id: "keuda", name: "Nur'aini \"Ani\"\r\nEND:VEVENT", unit: u1, status: pns, timezone: Europe/Berlin}
  - {id: "x.cancel", name: "Ñoño Đặng 🎓", unit: u1, status: pns}
  - {id: "x", name: "Tab\there\x01ctl\x7f", unit: u1, status: pns}
venues: [{id: "a/b", name: "Aula \"Utama\";\nLOCATION:evil", capacity: 50, location: kota}]
platforms: [{id: zoom, name: "Zoom\nURL:http://evil", capacity: 100, url: "https://zoom.us/j/1?pwd=a,b;c=%41&x=ü"}]
instructors: [{id: "wi/1", name: "Drs. \"Hasan\", M.Si.\nORGANIZER:mailto:evil", email: hasan+wi@bpsdm.go.id}]
programs:
  - id: "p.1"
    title: "Pelatihan Kepemimpinan Administrator Angkatan XXVII Kabupaten Batanghari — Pengembangan Kompetensi Manajerial, Sosial Kultural dan Teknis"
    organizer: "BKPSDMD; \"Batanghari\"\nMETHOD:REQUEST"
    modules:
      - {id: "m/1", title: "Étika, integritas & akuntabilitas — penguatan budaya kerja ASN BerAKHLAK", jp: 8}
      - {id: m2, jp: 4}
    modes: [{mode: classroom, windows: [working_hours], venues: ["a/b"]}, {mode: online_live, platform: zoom}, {mode: self_paced}]
    instructors: ["wi/1"]
demand: [{program: "p.1", where: {unit: u1}}]
)yaml";

/// A hand-made plan of the hostile scenario (times need not respect the
/// calendars: only the writer is under test). The online cohort has a session
/// at 2026-10-25 01:30 UTC, 02:30 the second time in Berlin that night.
inline const plan& hostile() {
    static const plan p = [] {
        auto s = load_or_fail(load::load_scenario_text(hostile_yaml, "hostile.yaml"));
        solve::solution sol;
        solve::cohort room;
        room.id = "../c;1";
        room.program = {0};
        room.mode = model::delivery_mode::classroom;
        room.venue = {0};
        room.instructors = {{0}};
        room.participants = {{0}, {1}, {2}, {3}, {4}};
        room.sessions = {{0, 0, at(2026, 3, 16, 1), at(2026, 3, 16, 5), false, 0},
                         {0, 1, at(2026, 3, 17, 1), at(2026, 3, 17, 5), false, 2},
                         {1, 0, at(2026, 3, 30, 1), at(2026, 3, 30, 4), false, 0}};
        solve::cohort online;
        online.id = "KEUDA";
        online.program = {0};
        online.mode = model::delivery_mode::online_live;
        online.platform = {0};
        online.instructors = {{0}};
        online.participants = {{4}, {5}, {6}};
        online.sessions = {{0, 0, at(2026, 10, 25, 1, 30), at(2026, 10, 25, 3), false, 1},
                           {1, 0, at(2026, 10, 26, 1), at(2026, 10, 26, 4), false, 0}};
        sol.cohorts = {room, online};
        sol.study_blocks = {{{5}, {0}, 1, at(2026, 4, 2, 12), at(2026, 4, 2, 13, 30), 0},
                            {{5}, {0}, 1, at(2026, 4, 1, 12), at(2026, 4, 1, 13), 3}};
        return plan{s, std::move(sol)};
    }();
    return p;
}

/// The example plan changed the way a re-plan changes a plan: one session
/// moved a day later (revision raised), one participant dropped from that
/// cohort, its last session dropped, a whole other cohort dropped, and one
/// person's last study block of a module dropped.
struct replanned {
    solve::solution before, after;
    std::size_t cohort = 0;   ///< the changed cohort
    std::size_t gone = 0;     ///< the dropped cohort (index in `before`)
    model::employee_index dropped;
    solve::session moved, removed;
    solve::study_block block;
};

inline replanned make_replan() {
    const auto& [s, sol] = example();
    replanned r{sol, sol, 0, 0, {}, {}, {}, {}};
    std::size_t c = 0;
    while (c < sol.cohorts.size() && (sol.cohorts[c].sessions.size() < 2 || sol.cohorts[c].participants.size() < 2)) ++c;
    REQUIRE(c < sol.cohorts.size());
    r.cohort = c;
    r.gone = c == 0 ? 1 : 0;
    REQUIRE(r.gone < sol.cohorts.size());
    auto& co = r.after.cohorts[c];
    auto& first = co.sessions.front();
    first.start += date::days{1};
    first.end += date::days{1};
    first.revision += 1;
    r.moved = first;
    r.removed = co.sessions.back();
    co.sessions.pop_back();
    r.dropped = co.participants.back();
    co.participants.pop_back();
    // The block with the latest start among the first block's person and module.
    const auto& b0 = sol.study_blocks.front();
    std::size_t last = 0;
    for (std::size_t i = 0; i < sol.study_blocks.size(); ++i) {
        const auto& b = sol.study_blocks[i];
        if (b.employee == b0.employee && b.program == b0.program && b.module == b0.module &&
            b.start >= sol.study_blocks[last].start)
            last = i;
    }
    r.block = sol.study_blocks[last];
    r.after.study_blocks.erase(r.after.study_blocks.begin() + static_cast<std::ptrdiff_t>(last));
    r.after.cohorts.erase(r.after.cohorts.begin() + static_cast<std::ptrdiff_t>(r.gone));
    return r;
}

// ---------------------------------------------------------------- reading the text

/// The text split at CRLF. Fails the test on a bare CR or LF, a line over 75
/// octets, or text that does not end with CRLF.
inline std::vector<std::string_view> physical_lines(std::string_view text) {
    std::vector<std::string_view> out;
    REQUIRE(text.size() >= 2);
    REQUIRE(text.substr(text.size() - 2) == "\r\n");
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t end = text.find("\r\n", begin);
        REQUIRE(end != std::string_view::npos);
        const std::string_view line = text.substr(begin, end - begin);
        INFO(line);
        REQUIRE(line.find_first_of("\r\n") == std::string_view::npos);
        REQUIRE(line.size() <= 75);
        out.push_back(line);
        begin = end + 2;
    }
    return out;
}

/// Content lines: physical lines with folding undone.
inline std::vector<std::string> content_lines(std::string_view text) {
    std::vector<std::string> out;
    for (const auto line : physical_lines(text)) {
        if (!line.empty() && line[0] == ' ') {
            REQUIRE_FALSE(out.empty());
            out.back().append(line.substr(1));
        } else {
            REQUIRE_FALSE(line.empty());
            out.emplace_back(line);
        }
    }
    return out;
}

struct property {
    std::string name;
    std::vector<std::pair<std::string, std::string>> params;  ///< values without their quotes
    std::string value;

    [[nodiscard]] std::string param(std::string_view key) const {
        for (const auto& [k, v] : params)
            if (k == key) return v;
        return {};
    }
};

/// name *(";" param) ":" value, with quoted parameter values (RFC 5545 3.1).
inline property parse_property(std::string_view line) {
    property p;
    std::size_t k = line.find_first_of(";:");
    REQUIRE(k != std::string_view::npos);
    p.name = std::string{line.substr(0, k)};
    while (line[k] == ';') {
        const std::size_t eq = line.find('=', k);
        REQUIRE(eq != std::string_view::npos);
        std::string key{line.substr(k + 1, eq - k - 1)};
        std::string value;
        k = eq + 1;
        if (k < line.size() && line[k] == '"') {
            const std::size_t close = line.find('"', k + 1);
            REQUIRE(close != std::string_view::npos);
            value = std::string{line.substr(k + 1, close - k - 1)};
            k = close + 1;
        } else {
            const std::size_t stop = line.find_first_of(";:", k);
            REQUIRE(stop != std::string_view::npos);
            value = std::string{line.substr(k, stop - k)};
            k = stop;
        }
        p.params.emplace_back(std::move(key), std::move(value));
        REQUIRE(k < line.size());
    }
    REQUIRE(line[k] == ':');
    p.value = std::string{line.substr(k + 1)};
    return p;
}

/// A TEXT value with its escapes undone; fails on an escape RFC 5545 does not define.
inline std::string unescape_text(std::string_view v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] != '\\') {
            out += v[i];
            continue;
        }
        REQUIRE(i + 1 < v.size());
        const char c = v[++i];
        if (c == 'n' || c == 'N')
            out += '\n';
        else if (c == '\\' || c == ';' || c == ',')
            out += c;
        else
            FAIL("undefined escape \\" << c);
    }
    return out;
}

struct parsed_event {
    std::vector<property> props;

    [[nodiscard]] std::size_t count(std::string_view name) const {
        return static_cast<std::size_t>(
            std::count_if(props.begin(), props.end(), [&](const property& p) { return p.name == name; }));
    }
    [[nodiscard]] const property& one(std::string_view name) const {
        INFO(name);
        REQUIRE(count(name) == 1);
        return *std::find_if(props.begin(), props.end(), [&](const property& p) { return p.name == name; });
    }
};

struct parsed_calendar {
    std::vector<property> header;  ///< the VCALENDAR's own properties
    std::vector<std::string> zones;  ///< TZID of each VTIMEZONE
    std::vector<parsed_event> events;

    [[nodiscard]] std::string get(std::string_view name) const {
        for (const auto& p : header)
            if (p.name == name) return p.value;
        return {};
    }
};

/// Reads one calendar file, checking the component structure on the way.
inline parsed_calendar parse_calendar(std::string_view text) {
    parsed_calendar cal;
    std::vector<std::string> stack;
    for (const auto& line : content_lines(text)) {
        const property p = parse_property(line);
        if (p.name == "BEGIN") {
            if (stack.empty()) REQUIRE(p.value == "VCALENDAR");
            if (p.value == "VEVENT") cal.events.emplace_back();
            stack.push_back(p.value);
            continue;
        }
        if (p.name == "END") {
            REQUIRE_FALSE(stack.empty());
            REQUIRE(stack.back() == p.value);
            stack.pop_back();
            continue;
        }
        REQUIRE_FALSE(stack.empty());
        if (stack.back() == "VCALENDAR") cal.header.push_back(p);
        if (stack.back() == "VEVENT") cal.events.back().props.push_back(p);
        if (stack.back() == "VTIMEZONE" && p.name == "TZID") cal.zones.push_back(p.value);
    }
    REQUIRE(stack.empty());
    return cal;
}

/// DTSTART or DTEND as an instant: the UTC form, or a TZID local time read
/// with the time zone database (not with the file's VTIMEZONE, which the
/// Python and libical checks use).
inline instant instant_of(const property& p) {
    const std::string& v = p.value;
    INFO(p.name << " " << v);
    REQUIRE((v.size() == 15 || v.size() == 16));
    auto number = [&](std::size_t from, std::size_t digits) {
        int n = 0;
        for (std::size_t i = from; i < from + digits; ++i) {
            REQUIRE(std::isdigit(static_cast<unsigned char>(v[i])) != 0);
            n = n * 10 + (v[i] - '0');
        }
        return n;
    };
    REQUIRE(v[8] == 'T');
    const date::year_month_day day{date::year{number(0, 4)}, date::month{static_cast<unsigned>(number(4, 2))},
                                   date::day{static_cast<unsigned>(number(6, 2))}};
    REQUIRE(day.ok());
    const date::local_seconds local = date::local_days{day} + std::chrono::hours{number(9, 2)} +
                                      std::chrono::minutes{number(11, 2)} + std::chrono::seconds{number(13, 2)};
    if (v.size() == 16) {
        REQUIRE(v.back() == 'Z');
        REQUIRE(p.param("TZID").empty());
        return std::chrono::floor<std::chrono::minutes>(date::sys_seconds{local.time_since_epoch()});
    }
    const auto* zone = date::locate_zone(p.param("TZID"));
    const auto info = zone->get_info(local);
    REQUIRE(info.result != date::local_info::nonexistent);
    // An ambiguous local time means the earlier instant (RFC 5545 3.3.5).
    return std::chrono::floor<std::chrono::minutes>(date::sys_seconds{local.time_since_epoch() - info.first.offset});
}

// ---------------------------------------------------------------- what each file must hold

/// Ids as docs/outputs.md encodes them: bytes outside [A-Za-z0-9_-] as %XX.
inline std::string encode(std::string_view id) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : id) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) != 0 && c < 0x80)
            out += ch;
        else if (c == '-' || c == '_')
            out += ch;
        else
            out += {'%', hex[c >> 4], hex[c & 15]};
    }
    return out;
}

struct expected_event {
    std::string uid;
    instant start{}, end{};
    int attendees = 0;  ///< ATTENDEE lines: none in a PUBLISH file (RFC 5546 3.2.1)
    std::uint32_t sequence = 0;
    bool cancelled = false;
    std::string summary;  ///< checked when not empty
};

struct expected_file {
    std::string method;  ///< PUBLISH or CANCEL
    std::vector<expected_event> events;  ///< by UID
};

/// The file stems of one directory in naming order (docs/outputs.md).
class stem_model {
public:
    std::string name(std::string_view id) {
        std::string stem = encode(id);
        std::string l = lower(stem);
        if (l == "con" || l == "prn" || l == "aux" || l == "nul" ||
            (l.size() == 4 && (l.starts_with("com") || l.starts_with("lpt")) && std::isdigit(l[3]) != 0))
            stem = "%" + hex2(stem[0]) + stem.substr(1);
        std::string candidate = stem;
        for (int n = 2; !taken_.insert(lower(candidate)).second; ++n) candidate = stem + "~" + std::to_string(n);
        return candidate;
    }

private:
    static std::string lower(std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }
    static std::string hex2(char c) {
        static constexpr char hex[] = "0123456789ABCDEF";
        const auto u = static_cast<unsigned char>(c);
        return {hex[u >> 4], hex[u & 15]};
    }
    std::set<std::string> taken_;
};

/// Which events each file must hold, computed plainly from the plans and the
/// rules of docs/outputs.md (not from the writer's code).
inline std::map<std::string, expected_file> expected_calendars(const model::scenario& s, const solve::solution& now,
                                                               const solve::solution* before) {
    struct item {
        instant start, end;
        std::uint32_t revision;
        int attendees;
    };
    using file_key = std::pair<std::string, std::string>;  // directory, entity id
    using events = std::map<std::string, item>;            // by UID
    auto events_of = [&](const solve::solution& sol) {
        std::map<file_key, events> files;
        for (const auto& c : sol.cohorts) {
            const auto& prog = s.programs[c.program.value];
            std::set<std::uint32_t> teachers, people;
            for (const auto i : c.instructors) teachers.insert(i.value);
            for (const auto e : c.participants) people.insert(e.value);
            const bool room = c.mode == model::delivery_mode::classroom && c.venue.valid();
            const int everyone = static_cast<int>(teachers.size() + people.size()) + (room ? 1 : 0);
            for (const auto& ses : c.sessions) {
                const std::string base =
                    encode(c.id) + "." + encode(prog.modules[ses.module].id) + "." + std::to_string(ses.part + 1);
                const item shared{ses.start, ses.end, ses.revision, everyone};
                files[{"cohorts", c.id}][base + "@jadwal"] = shared;
                for (const auto i : teachers) files[{"instructors", s.instructors[i].id}][base + "@jadwal"] = shared;
                if (room) files[{"venues", s.venues[c.venue.value].id}][base + "@jadwal"] = shared;
                for (const auto e : people) {
                    const std::string& id = s.employees[e].id;
                    files[{"employees", id}][base + "." + encode(id) + "@jadwal"] = {ses.start, ses.end, ses.revision, 1};
                }
            }
        }
        std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, std::vector<const solve::study_block*>> blocks;
        for (const auto& b : sol.study_blocks) blocks[{b.employee.value, b.program.value, b.module}].push_back(&b);
        for (auto& [key, list] : blocks) {
            std::stable_sort(list.begin(), list.end(), [](const auto* a, const auto* b) {
                return std::tie(a->start, a->end) < std::tie(b->start, b->end);
            });
            const auto& [e, p, m] = key;
            const auto& prog = s.programs[p];
            for (std::size_t n = 0; n < list.size(); ++n)
                files[{"employees", s.employees[e].id}][encode(s.employees[e].id) + "." + encode(prog.id) + "." +
                                                        encode(prog.modules[m].id) + ".study." +
                                                        std::to_string(n + 1) + "@jadwal"] = {
                    list[n]->start, list[n]->end, list[n]->revision, 1};
        }
        return files;
    };
    const auto current = events_of(now);
    const auto previous = before ? events_of(*before) : std::map<file_key, events>{};

    // File names, in the writer's naming order.
    std::map<file_key, std::string> stems;
    {
        stem_model cohorts;
        for (const auto& c : now.cohorts) stems[{"cohorts", c.id}] = cohorts.name(c.id);
        if (before)
            for (const auto& c : before->cohorts)
                if (!stems.count({"cohorts", c.id})) stems[{"cohorts", c.id}] = cohorts.name(c.id);
        stem_model employees, instructors, venues;
        for (const auto& e : s.employees) stems[{"employees", e.id}] = employees.name(e.id);
        for (const auto& i : s.instructors) stems[{"instructors", i.id}] = instructors.name(i.id);
        for (const auto& v : s.venues) stems[{"venues", v.id}] = venues.name(v.id);
    }

    std::set<file_key> keys;
    for (const auto& [k, v] : current) keys.insert(k);
    for (const auto& [k, v] : previous) keys.insert(k);
    std::map<std::string, expected_file> out;
    for (const auto& key : keys) {
        const std::string base = "calendars/" + key.first + "/" + stems.at(key);
        const auto cur = current.count(key) ? current.at(key) : events{};
        const auto old = previous.count(key) ? previous.at(key) : events{};
        expected_file& publish = out[base + ".ics"];
        publish.method = "PUBLISH";
        expected_file cancel{"CANCEL", {}};
        for (const auto& [uid, ev] : cur) {
            std::uint32_t sequence = ev.revision;
            if (const auto it = old.find(uid); it != old.end()) {
                const bool moved = it->second.start != ev.start || it->second.end != ev.end;
                sequence = std::max(sequence, it->second.revision + (moved ? 1U : 0U));
            }
            publish.events.push_back({uid, ev.start, ev.end, 0, sequence, false, {}});
        }
        for (const auto& [uid, ev] : old) {
            if (cur.count(uid)) continue;
            // The cancel file names whom the event is cancelled for; the
            // PUBLISH file's struck-through copy names nobody.
            const expected_event gone{uid, ev.start, ev.end, ev.attendees, ev.revision + 1, true, {}};
            cancel.events.push_back(gone);
            publish.events.push_back(gone);
            publish.events.back().attendees = 0;
        }
        if (!cancel.events.empty()) out[base + ".cancel.ics"] = cancel;
    }
    for (auto& [path, f] : out)
        std::sort(f.events.begin(), f.events.end(), [](const auto& a, const auto& b) { return a.uid < b.uid; });
    return out;
}

/// Compares the written files with the expectations, event by event.
inline void check_against(const output::output_files& files, const std::map<std::string, expected_file>& want) {
    std::set<std::string> written;
    for (const auto& f : files) {
        const std::string path = f.relative.generic_string();
        INFO(path);
        REQUIRE(written.insert(path).second);
        REQUIRE(want.count(path) == 1);
        const expected_file& w = want.at(path);
        const parsed_calendar cal = parse_calendar(f.content);
        CHECK(cal.get("METHOD") == w.method);
        REQUIRE(cal.events.size() == w.events.size());
        std::vector<const parsed_event*> by_uid;
        for (const auto& ev : cal.events) by_uid.push_back(&ev);
        std::sort(by_uid.begin(), by_uid.end(),
                  [](const auto* a, const auto* b) { return a->one("UID").value < b->one("UID").value; });
        for (std::size_t i = 0; i < w.events.size(); ++i) {
            const parsed_event& got = *by_uid[i];
            const expected_event& e = w.events[i];
            INFO(e.uid);
            CHECK(got.one("UID").value == e.uid);
            CHECK(instant_of(got.one("DTSTART")) == e.start);
            CHECK(instant_of(got.one("DTEND")) == e.end);
            CHECK(got.count("ATTENDEE") == static_cast<std::size_t>(e.attendees));
            CHECK(got.one("SEQUENCE").value == std::to_string(e.sequence));
            CHECK(got.one("STATUS").value == (e.cancelled ? "CANCELLED" : "CONFIRMED"));
            if (!e.summary.empty()) CHECK(unescape_text(got.one("SUMMARY").value) == e.summary);
        }
    }
    for (const auto& [path, f] : want) {
        INFO(path);
        CHECK(written.count(path) == 1);
    }
}

// ---------------------------------------------------------------- files on disk

using jadwal::test::temp_dir;

inline std::string utc_text(instant t) { return date::format("%Y-%m-%dT%H:%M:%SZ", date::sys_seconds{t}); }

/// The manifest ics_check.py reads: per file, its METHOD and events.
inline nlohmann::json manifest(const std::map<std::string, expected_file>& want) {
    nlohmann::json files = nlohmann::json::object();
    for (const auto& [path, f] : want) {
        nlohmann::json events = nlohmann::json::array();
        for (const auto& e : f.events) {
            nlohmann::json j{{"uid", e.uid},
                             {"start", utc_text(e.start)},
                             {"end", utc_text(e.end)},
                             {"attendees", e.attendees},
                             {"sequence", e.sequence},
                             {"status", e.cancelled ? "CANCELLED" : "CONFIRMED"}};
            if (!e.summary.empty()) j["summary"] = e.summary;
            events.push_back(std::move(j));
        }
        files[path] = nlohmann::json{{"method", f.method}, {"events", std::move(events)}};
    }
    return nlohmann::json{{"files", std::move(files)}};
}

inline void write_text(const fs::path& file, std::string_view text) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    REQUIRE(out.good());
}

inline const output::output_file& file_named(const output::output_files& files, std::string_view path) {
    for (const auto& f : files)
        if (f.relative.generic_string() == path) return f;
    FAIL("no file " << path);
    throw std::logic_error("unreachable");
}

}  // namespace jadwal::test_ics
