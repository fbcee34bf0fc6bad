// schedule.csv and siasn_courses.csv: RFC 4180 text that survives any name,
// spreadsheet formulas neutralised, one row per participant and session or
// study block, and JP that add up to each module's.
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/output/csv.hpp>

#include <date/tz.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "output_fixtures.hpp"
#include "rfc4180.hpp"
#include "../support/error_code.hpp"

using namespace jadwal;
using namespace jadwal::test;

namespace {

std::string one_cell(std::string_view value) {
    output::csv_writer w;
    w.text(value);
    w.end_row();
    return w.str();
}

/// Column index by header name; fails the test when missing.
std::size_t column(const csv_table& t, std::string_view name) {
    REQUIRE(!t.empty());
    for (std::size_t k = 0; k < t[0].size(); ++k)
        if (t[0][k] == name) return k;
    FAIL("no column " << name);
    return 0;
}

/// How a spreadsheet splits CSV text at `sep` (written independently of the
/// writer): a field that starts with a quote is read to its closing quote
/// (doubled quotes are one) and whatever follows is kept up to the next
/// separator; any other field runs to the next separator or line break, quotes
/// and all. A record ends at CR, LF or CRLF outside quotes. Every cell of every
/// record, in order.
std::vector<std::string> spreadsheet_cells(std::string_view text, char sep) {
    std::vector<std::string> cells;
    std::size_t k = 0;
    while (k < text.size()) {
        std::string cell;
        if (text[k] == '"') {
            ++k;
            while (k < text.size()) {
                if (text[k] == '"') {
                    if (k + 1 < text.size() && text[k + 1] == '"') {
                        cell += '"';
                        k += 2;
                        continue;
                    }
                    ++k;
                    break;
                }
                cell += text[k++];
            }
        }
        while (k < text.size() && text[k] != sep && text[k] != '\r' && text[k] != '\n') cell += text[k++];
        cells.push_back(std::move(cell));
        if (k < text.size() && text[k] == sep) {
            ++k;
            continue;
        }
        if (k < text.size() && text[k] == '\r') ++k;
        if (k < text.size() && text[k] == '\n') ++k;
    }
    return cells;
}

/// The cells that start a formula when `text` is opened with `,`, `;` or tab as the separator.
std::vector<std::string> formulas_when_split(std::string_view text) {
    std::vector<std::string> out;
    for (const char sep : {',', ';', '\t'})
        for (auto& cell : spreadsheet_cells(text, sep))
            if (output::looks_like_formula(cell)) out.push_back(std::string{sep} + " -> " + cell);
    return out;
}

std::size_t expected_schedule_rows(const solve::solution& sol) {
    std::size_t n = sol.study_blocks.size();
    for (const auto& c : sol.cohorts) n += c.participants.size() * c.sessions.size();
    return n;
}

}  // namespace

TEST_CASE("a CSV cell is quoted exactly when it holds a comma, semicolon, quote, tab, CR or LF", "[output][csv]") {
    const auto [in, out] = GENERATE(table<std::string, std::string>({
        {"plain", "plain\r\n"},
        {"", "\r\n"},
        {"a,b", "\"a,b\"\r\n"},
        {"say \"hi\"", "\"say \"\"hi\"\"\"\r\n"},
        {"two\nlines", "\"two\nlines\"\r\n"},
        {"cr\rinside", "\"cr\rinside\"\r\n"},
        {"a;b", "\"a;b\"\r\n"},
        {"a\tb", "\"a\tb\"\r\n"},
        {"Ñoño Đặng", "Ñoño Đặng\r\n"},
        {"Nur'aini", "Nur'aini\r\n"},
    }));
    CHECK(one_cell(in) == out);
}

TEST_CASE("a cell a spreadsheet would run as a formula gets a leading apostrophe", "[output][csv]") {
    const auto [in, out, formula] = GENERATE(table<std::string, std::string, bool>({
        {"=1+1", "'=1+1\r\n", true},
        {"+1", "'+1\r\n", true},
        {"-2+3", "'-2+3\r\n", true},
        {"@SUM(A1)", "'@SUM(A1)\r\n", true},
        {"\tTab", "\"'\tTab\"\r\n", true},
        {"\r-1", "\"'\r'-1\"\r\n", true},
        // Quoting and neutralising together: the apostrophe goes inside the quotes.
        {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n", true},
        // At the start of the cell only the first character decides.
        {"1-2", "1-2\r\n", false},
        {"a=b", "a=b\r\n", false},
        {" =1", " =1\r\n", false},
        {"'quoted", "'quoted\r\n", false},
        {"198203142006041002", "198203142006041002\r\n", false},
        {"2026-04-07T08:00:00+07:00", "2026-04-07T08:00:00+07:00\r\n", false},
    }));
    CHECK(output::looks_like_formula(in) == formula);
    CHECK(one_cell(in) == out);
    // Read back, the cell is the text with an apostrophe in front when it was a formula
    // (and one after the CR of "\r-1", where a spreadsheet may start a record).
    CHECK(read_rfc4180(one_cell(in)).at(0).at(0) == output::neutralise_formulas(in));
    CHECK((output::neutralise_formulas(in) != in) == formula);
}

TEST_CASE("no cell starts a formula when a spreadsheet splits the file at ';' or tabs instead of commas",
          "[output][csv][hostile]") {
    const std::string in = GENERATE(as<std::string>{},
                                    "Modul;=cmd|' /C calc'!A0;x",  // the probe of issue 11
                                    "a,=1+1", "a;+1", "a; b;-1", "x;@SUM(A1)", "x\t=1", "x;\"=cmd\"",
                                    "x;\"\"=cmd", "two\n=lines", "cr\r=inside", "crlf\r\n@x", ";;=x", "=a;=b,=c");
    INFO("cell [" << in << "]");
    output::csv_writer w;
    w.text("first").text(in).text("last");
    w.end_row();
    w.text(in);
    w.end_row();
    CHECK(formulas_when_split(w.str()).empty());
    // Read as the RFC 4180 file it is, the text is all there, with apostrophes added.
    const auto t = read_rfc4180(w.str());
    CHECK(t.at(0).at(1) == output::neutralise_formulas(in));
    CHECK(t.at(1).at(0) == output::neutralise_formulas(in));
}

TEST_CASE("apostrophes go before every formula start a spreadsheet could see, and nowhere else",
          "[output][csv]") {
    const auto [in, out] = GENERATE(table<std::string, std::string>({
        {"Modul;=cmd|' /C calc'!A0;x", "Modul;'=cmd|' /C calc'!A0;x"},
        {"a,=1", "a,'=1"},
        {"a; =1", "a; =1"},  // as at the start of a cell, a space in front is text
        {"x;\"=cmd\"", "x;\"'=cmd\""},
        {"\tTab\r-1", "'\tTab\r'-1"},
        {"two\n@lines", "two\n'@lines"},
        {"a-b;c=d", "a-b;c=d"},
        {"\"=x\"", "\"=x\""},  // a quote at the start of the cell is the writer's own quoting's business
    }));
    CHECK(output::neutralise_formulas(in) == out);
}

TEST_CASE("schedule.csv and siasn_courses.csv hold no formula for a spreadsheet that splits at ';'",
          "[output][csv][hostile]") {
    // The hostile plan with the probe's title and names that hide a formula after a separator.
    const auto& h = hostile_plan();
    model::scenario s = *h.scenario;
    for (auto& p : s.programs) {
        p.title = "Modul;=cmd|' /C calc'!A0;" + p.title;
        p.organizer = "BKPSDM;@SUM(1)";
        for (auto& m : p.modules) m.title = "m;-1+2";
    }
    for (auto& e : s.employees) e.name = e.name + ";+1\n=2";
    for (auto& u : s.units) u.name = "u\t=HYPERLINK(\"x\")";
    for (const auto& file : {output::schedule_csv(s, h.plan), output::siasn_courses_csv(s, h.plan)}) {
        INFO(file.relative.string());
        CHECK(file.content.find("Modul;'=cmd|' /C calc'!A0;") != std::string::npos);
        CHECK(formulas_when_split(file.content) == std::vector<std::string>{});
        CHECK_NOTHROW(read_rfc4180(file.content));
    }
}

TEST_CASE("numbers are written as digits and never neutralised", "[output][csv]") {
    output::csv_writer w;
    w.number(8).number(0).number(-5);
    w.end_row();
    CHECK(w.str() == "8,0,-5\r\n");
}

TEST_CASE("a byte order mark is written only when asked for", "[output][csv]") {
    CHECK(output::csv_writer{}.str().empty());
    CHECK(output::csv_writer{true}.str() == "\xEF\xBB\xBF");
    const auto& ex = example_plan();
    output::csv_options o;
    o.byte_order_mark = true;
    CHECK(output::schedule_csv(*ex.scenario, ex.plan, o).content.rfind("\xEF\xBB\xBFnip,", 0) == 0);
    CHECK(output::schedule_csv(*ex.scenario, ex.plan).content.rfind("nip,", 0) == 0);
}

TEST_CASE("names with apostrophes, commas, quotes, line breaks and non-ASCII letters round-trip", "[output][csv]") {
    const std::vector<std::string> names = {"Nur'aini, S.Pd.",
                                            "Zulkarnain \"Zul\"",
                                            "Ñoño Đặng",
                                            "Evil\nATTENDEE:mailto:evil@x",
                                            "a\r\nb",
                                            ",",
                                            "\"",
                                            "\"\"",
                                            ""};
    output::csv_writer w;
    for (const auto& n : names) w.text(n);
    w.end_row();
    for (const auto& n : names) w.text(n).text(n);
    w.end_row();
    const auto t = read_rfc4180(w.str());
    REQUIRE(t.size() == 2);
    CHECK(t[0] == names);
    REQUIRE(t[1].size() == 2 * names.size());
    for (std::size_t k = 0; k < names.size(); ++k) CHECK(t[1][2 * k + 1] == names[k]);
}

TEST_CASE("the test plans have every kind of schedule row", "[output][csv]") {
    // Classroom sessions (with travel in the verify plan), online sessions, a fixed
    // webinar and study blocks: otherwise the tests below would miss a kind.
    std::set<model::delivery_mode> modes;
    bool blocks = false;
    for (const auto* p : all_plans()) {
        for (const auto& c : p->plan.cohorts)
            if (!c.sessions.empty() && !c.participants.empty()) modes.insert(c.mode);
        blocks = blocks || !p->plan.study_blocks.empty();
    }
    CHECK(modes.contains(model::delivery_mode::classroom));
    CHECK(modes.contains(model::delivery_mode::online_live));
    CHECK(blocks);
}

TEST_CASE("schedule.csv has one row per participant and session and one per study block", "[output][csv]") {
    for (const auto* p : all_plans()) {
        const auto file = output::schedule_csv(*p->scenario, p->plan);
        CHECK(file.relative == "schedule.csv");
        const auto t = read_rfc4180(file.content);
        CHECK(t[0] == std::vector<std::string>{"nip", "name", "unit_id", "unit_name", "program_id", "program_title",
                                               "module_id", "module_title", "part", "mode", "start", "end", "jp",
                                               "venue_or_platform_id", "venue_or_platform_name", "cohort"});
        CHECK(t.size() - 1 == expected_schedule_rows(p->plan));
        for (std::size_t r = 1; r < t.size(); ++r) CHECK(t[r].size() == t[0].size());
    }
}

TEST_CASE("schedule.csv rows carry the person's zone, the place and the cohort", "[output][csv]") {
    std::set<std::string> offsets;
    for (const auto* p : all_plans()) {
        const auto& s = *p->scenario;
        const auto t = read_rfc4180(output::schedule_csv(s, p->plan).content);
        const auto nip = column(t, "nip"), start = column(t, "start"), end = column(t, "end"), mode = column(t, "mode"),
                   place = column(t, "venue_or_platform_id"), cohort = column(t, "cohort"), unit = column(t, "unit_id");
        std::map<std::string, const solve::cohort*> cohorts;
        for (const auto& c : p->plan.cohorts) cohorts[c.id] = &c;
        for (std::size_t r = 1; r < t.size(); ++r) {
            const auto& row = t[r];
            INFO("row " << r << ": " << row[nip] << " " << row[start]);
            const auto e = s.find_employee(row[nip].rfind('\'', 0) == 0 ? row[nip].substr(1) : row[nip]);
            REQUIRE(e);
            const auto& emp = s.employees[e->value];
            // Times as ISO 8601 with the person's offset (the hostile plan has someone in Asia/Jayapura).
            const auto t0 = calendar::parse_instant(row[start]), t1 = calendar::parse_instant(row[end]);
            REQUIRE(t0);
            REQUIRE(t1);
            CHECK(row[start] == calendar::format_instant(*t0, s.zone_of(emp)));
            CHECK(row[end] == calendar::format_instant(*t1, s.zone_of(emp)));
            offsets.insert(row[start].substr(19));
            CHECK(*t0 < *t1);
            if (row[unit].rfind('\'', 0) != 0) CHECK(row[unit] == s.units[emp.unit.value].id);
            if (row[mode] == "self_paced") {
                CHECK(row[place].empty());
                CHECK(std::any_of(p->plan.study_blocks.begin(), p->plan.study_blocks.end(),
                                  [&](const auto& b) { return b.employee == *e && b.start == *t0 && b.end == *t1; }));
                continue;
            }
            const std::string cohort_id = row[cohort].rfind('\'', 0) == 0 ? row[cohort].substr(1) : row[cohort];
            REQUIRE(cohorts.contains(cohort_id));
            const auto& co = *cohorts[cohort_id];
            CHECK(std::binary_search(co.participants.begin(), co.participants.end(), *e));
            CHECK(row[place] == (co.mode == model::delivery_mode::classroom ? s.venues[co.venue.value].id
                                                                            : s.platforms[co.platform.value].id));
            // The session itself, without travel: travel is the person's, not the session's.
            CHECK(std::any_of(co.sessions.begin(), co.sessions.end(),
                              [&](const auto& ses) { return ses.start == *t0 && ses.end == *t1; }));
        }
    }
    CHECK(offsets == std::set<std::string>{"+07:00", "+09:00"});
}

TEST_CASE("the JP of a module's parts add up to the module's JP for every person", "[output][csv]") {
    for (const auto* p : all_plans()) {
        const auto& s = *p->scenario;
        const auto t = read_rfc4180(output::schedule_csv(s, p->plan).content);
        const auto nip = column(t, "nip"), prog = column(t, "program_id"), mod = column(t, "module_id"),
                   jp = column(t, "jp"), part = column(t, "part");
        auto id = [](const std::string& cell) { return cell.rfind('\'', 0) == 0 ? cell.substr(1) : cell; };
        std::map<std::tuple<std::string, std::string, std::string>, int> sums;
        std::map<std::tuple<std::string, std::string, std::string>, std::set<int>> parts;
        for (std::size_t r = 1; r < t.size(); ++r) {
            const std::tuple k{t[r][nip], id(t[r][prog]), id(t[r][mod])};
            sums[k] += std::stoi(t[r][jp]);
            parts[k].insert(std::stoi(t[r][part]));
        }
        for (const auto& [k, total] : sums) {
            const auto& [n, pr, m] = k;
            const auto& program = s.programs[s.find_program(pr)->value];
            const auto module =
                std::find_if(program.modules.begin(), program.modules.end(), [&](const auto& x) { return x.id == m; });
            REQUIRE(module != program.modules.end());
            INFO(n << " " << pr << " " << m);
            CHECK(total == module->jp);
            // Parts are numbered 1..n.
            CHECK(*parts[k].begin() == 1);
            CHECK(*parts[k].rbegin() == static_cast<int>(parts[k].size()));
        }
    }
}

TEST_CASE("study blocks of uneven length share their module's JP by largest remainder", "[output][csv]") {
    // Module m1 of p1 is 3 JP = 135 minutes, studied as 60 + 75 minutes: 1.33 and
    // 1.67 JP, so 1 and 2. Module m2 (1 JP) as one block of 45: 1.
    const auto s = load_or_fail(load::load_scenario_text(R"yaml(
jadwal: 1
scenario: {name: t, from: 2026-01-05, to: 2026-12-18}
holidays: [id-2026]
work_patterns:
  office:
    week: {mon-fri: [08:00-16:00]}
units:
  - {id: bpkad, pattern: office}
employees:
  - {id: "198203142006041002", name: Siti, unit: bpkad, status: pns}
programs:
  - id: p1
    modules: [{id: m1, jp: 3}, {id: m2, jp: 1}]
    modes: [{mode: self_paced}]
demand:
  - {program: p1, where: {unit: bpkad}}
)yaml",
                                                         "t.yaml"));
    const auto& z = *s->zone;
    auto at = [&](const char* day, int h, int m) {
        return calendar::to_instant(
            calendar::local_minute{*calendar::parse_date(day)} + std::chrono::minutes{h * 60 + m}, z);
    };
    solve::solution sol;
    const model::employee_index e{0};
    const model::program_index p{0};
    sol.study_blocks = {{e, p, 0, at("2026-03-03", 17, 0), at("2026-03-03", 18, 15), 0},
                        {e, p, 0, at("2026-03-02", 17, 0), at("2026-03-02", 18, 0), 0},
                        {e, p, 1, at("2026-03-04", 17, 0), at("2026-03-04", 17, 45), 0}};
    const auto t = read_rfc4180(output::schedule_csv(*s, sol).content);
    REQUIRE(t.size() == 4);
    const auto jp = column(t, "jp"), part = column(t, "part"), mod = column(t, "module_id");
    // Ordered by start: the 60-minute block (part 1), the 75-minute one (part 2), then m2.
    CHECK(t[1][mod] == "m1");
    CHECK(t[1][part] == "1");
    CHECK(t[1][jp] == "1");
    CHECK(t[2][part] == "2");
    CHECK(t[2][jp] == "2");
    CHECK(t[3][mod] == "m2");
    CHECK(t[3][jp] == "1");
    CHECK(t[1][column(t, "cohort")].empty());  // no self-paced cohort lists her
}

TEST_CASE("siasn_courses.csv has one record per person and placed programme", "[output][csv]") {
    std::size_t records = 0;
    for (const auto* p : all_plans()) {
        const auto& s = *p->scenario;
        const auto& plan = p->plan;
        output::csv_options o;
        o.default_organizer = "BKPSDMD (default)";
        const auto file = output::siasn_courses_csv(s, plan, o);
        CHECK(file.relative == "siasn_courses.csv");
        const auto t = read_rfc4180(file.content);
        CHECK(t[0] == std::vector<std::string>{"nip", "nama", "namaKursus", "institusiPenyelenggara", "jumlahJam",
                                               "tahunKursus", "tanggalKursus", "tanggalSelesaiKursus", "program_id",
                                               "mode", "cohort"});
        // Expected: every (person, programme) with sessions or blocks that the plan does not list as unplaced.
        std::set<std::pair<model::employee_index, model::program_index>> unplaced, expected, got;
        for (const auto& u : plan.unplaced) unplaced.insert({u.employee, u.program});
        for (const auto& c : plan.cohorts)
            if (!c.sessions.empty())
                for (const auto e : c.participants) expected.insert({e, c.program});
        for (const auto& b : plan.study_blocks) expected.insert({b.employee, b.program});
        for (const auto& k : unplaced) expected.erase(k);
        records += expected.size();

        const auto nip = column(t, "nip"), prog = column(t, "program_id"), jam = column(t, "jumlahJam"),
                   org = column(t, "institusiPenyelenggara"), first = column(t, "tanggalKursus"),
                   last = column(t, "tanggalSelesaiKursus"), year = column(t, "tahunKursus");
        auto id = [](const std::string& cell) { return cell.rfind('\'', 0) == 0 ? cell.substr(1) : cell; };
        for (std::size_t r = 1; r < t.size(); ++r) {
            const auto& row = t[r];
            const auto e = *s.find_employee(id(row[nip]));
            const auto pi = *s.find_program(id(row[prog]));
            CHECK(got.insert({e, pi}).second);  // one record per pair
            const auto& program = s.programs[pi.value];
            CHECK(row[jam] == std::to_string(program.jp));
            CHECK(id(row[org]) == (program.organizer.empty() ? "BKPSDMD (default)" : program.organizer));
            // Day-first dates of the first and last session or block, in the person's zone.
            std::vector<calendar::instant> starts, ends;
            for (const auto& c : plan.cohorts)
                if (c.program == pi && std::binary_search(c.participants.begin(), c.participants.end(), e))
                    for (const auto& ses : c.sessions) {
                        starts.push_back(ses.start);
                        ends.push_back(ses.end);
                    }
            for (const auto& b : plan.study_blocks)
                if (b.employee == e && b.program == pi) {
                    starts.push_back(b.start);
                    ends.push_back(b.end);
                }
            REQUIRE(!starts.empty());
            const auto& z = s.zone_of(s.employees[e.value]);
            auto day_first = [&](calendar::instant t0) {
                const auto iso = calendar::format_instant(t0, z);  // 2026-04-07T...
                return iso.substr(8, 2) + "-" + iso.substr(5, 2) + "-" + iso.substr(0, 4);
            };
            CHECK(row[first] == day_first(*std::min_element(starts.begin(), starts.end())));
            CHECK(row[last] == day_first(*std::max_element(ends.begin(), ends.end()) - std::chrono::minutes{1}));
            CHECK(row[year] == row[last].substr(6));
        }
        CHECK(got == expected);
    }
    CHECK(records > 20);
}

TEST_CASE("an export refuses a plan that points outside the scenario", "[output][csv]") {
    const auto& ex = example_plan();
    solve::solution broken = ex.plan;
    REQUIRE(!broken.cohorts.empty());
    broken.cohorts[0].participants.push_back(model::employee_index{9999});
    CHECK(jadwal::test::error_code_of([&] { (void)output::schedule_csv(*ex.scenario, broken); }) ==
          jadwal::errc::parse);
    CHECK(jadwal::test::error_code_of([&] { (void)output::siasn_courses_csv(*ex.scenario, broken); }) ==
          jadwal::errc::parse);
}
