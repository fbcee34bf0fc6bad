// Employees from a CSV file: the fast path for large populations.
#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

using namespace jadwal;

namespace {

// A scenario skeleton whose employees come from `file`.
std::string scenario_with_csv(const std::string& file) {
    return fmt::format(R"(jadwal: 1
scenario: {{name: t, from: 2026-01-05, to: 2026-12-18}}
holidays: [id-2026]
work_patterns:
  office: {{week: {{mon-fri: [08:00-16:00]}}}}
  ward: {{rotation: {{cycle: [P, off], shifts: {{P: 07:00-19:00}}}}}}
duty_templates:
  apel: {{rrule: "FREQ=WEEKLY;BYDAY=MO", time: 07:30-08:00}}
units:
  - {{id: bpkad, pattern: office}}
  - {{id: igd, pattern: ward}}
employees: {{csv: {}}}
programs:
  - {{id: p1, modules: [{{id: m1, jp: 2}}], modes: [{{mode: self_paced}}]}}
demand:
  - {{program: p1, where: {{}}}}
)",
                       file);
}

load::load_result load_csv(const test::temp_dir& dir, const std::string& csv, const std::string& name = "staff.csv") {
    dir.write(name, csv);
    const auto yaml = dir.write("scenario.yaml", scenario_with_csv(name));
    return load::load_scenario_file(yaml);
}

}  // namespace

TEST_CASE("An employees CSV loads into the same employees as the example's YAML list", "[load][csv]") {
    const auto from_yaml = load::load_scenario_file(test::source_dir() / "examples/small/scenario.yaml");
    const auto from_csv = load::load_scenario_file(test::data_dir() / "good/csv_scenario.yaml");
    INFO(test::dump(from_csv));
    REQUIRE(from_yaml.scenario.has_value());
    REQUIRE(from_csv.scenario.has_value());
    CHECK(test::codes(from_csv).empty());
    const auto& a = from_yaml.scenario->employees;
    const auto& b = from_csv.scenario->employees;
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO("employee " << a[i].id);
        CHECK(a[i].id == b[i].id);
        CHECK(a[i].name == b[i].name);
        CHECK(a[i].unit == b[i].unit);
        CHECK(a[i].status == b[i].status);
        CHECK(a[i].pattern == b[i].pattern);
        CHECK(a[i].rotation_offset == b[i].rotation_offset);
        CHECK(a[i].jp_target == b[i].jp_target);
        CHECK(a[i].jp_cap == b[i].jp_cap);
        CHECK(a[i].accepts.after_hours == b[i].accepts.after_hours);
        CHECK(a[i].accepts.weekend == b[i].accepts.weekend);
        CHECK(a[i].works_collective_leave == b[i].works_collective_leave);
        CHECK(a[i].zone == b[i].zone);
        REQUIRE(a[i].leaves.size() == b[i].leaves.size());
        for (std::size_t k = 0; k < a[i].leaves.size(); ++k) CHECK(a[i].leaves[k].days == b[i].leaves[k].days);
        REQUIRE(a[i].duties.size() == b[i].duties.size());
        for (std::size_t k = 0; k < a[i].duties.size(); ++k) {
            CHECK(a[i].duties[k].what == b[i].duties[k].what);
            CHECK(a[i].duties[k].start == b[i].duties[k].start);
            CHECK(a[i].duties[k].rule == b[i].duties[k].rule);
            CHECK(a[i].duties[k].time == b[i].duties[k].time);
            CHECK(a[i].duties[k].except == b[i].duties[k].except);
        }
    }
    CHECK(from_csv.scenario->demand.size() == from_yaml.scenario->demand.size());
    REQUIRE(from_csv.scenario->source_files.size() == 2);
    CHECK(std::filesystem::path{from_csv.scenario->source_files[1]}.filename() == "employees.csv");
    CHECK(b[3].mark.file == 1);
    CHECK(b[3].mark.line == 5);  // header is line 1
}

TEST_CASE("CSV columns are matched by name in any order and any case; cells are trimmed", "[load][csv]") {
    test::temp_dir dir;
    const auto r = load_csv(dir,
                            "\xEF\xBB\xBF Status ,UNIT,Name,NIP,jp_target\r\n"
                            "pppk, igd ,\"Lestari, Dewi\",199001012019031004,12\r\n"
                            "PNS,bpkad,Budi,198203142006041002,\r\n");
    INFO(test::dump(r));
    REQUIRE(r.scenario.has_value());
    const auto& e = r.scenario->employees;
    REQUIRE(e.size() == 2);
    CHECK(e[0].id == "199001012019031004");
    CHECK(e[0].name == "Lestari, Dewi");
    CHECK(e[0].status == model::employment_status::pppk);
    CHECK(r.scenario->units[e[0].unit.value].id == "igd");
    CHECK(e[0].jp_target == 12);
    CHECK(e[0].jp_cap == 24);
    CHECK(e[1].status == model::employment_status::pns);
    CHECK(e[1].jp_target == 20);  // empty cell: the default
    CHECK_FALSE(e[1].jp_cap.has_value());
}

TEST_CASE("A semicolon-separated CSV, as spreadsheets in Indonesian locales save it, is read", "[load][csv]") {
    test::temp_dir dir;
    const auto r = load_csv(dir,
                            "nip;name;unit;status;leave;duties;after_hours;weekend;works_collective_leave;"
                            "rotation_offset;pattern\n"
                            "198203142006041002;Siti;bpkad;pns;\"2026-07-06/2026-07-10; 2026-08-03\";apel;tidak;ya;1;"
                            ";\n"
                            "198612122012122010;Maya;igd;pns;;;;;;1;ward\n");
    INFO(test::dump(r));
    REQUIRE(r.scenario.has_value());
    const auto& siti = r.scenario->employees[0];
    REQUIRE(siti.leaves.size() == 2);
    CHECK(siti.leaves[1].days.first == siti.leaves[1].days.last);  // a single day
    REQUIRE(siti.duties.size() == 1);
    CHECK(siti.duties[0].rule.has_value());
    CHECK_FALSE(siti.accepts.after_hours);
    CHECK(siti.accepts.weekend);
    CHECK(siti.works_collective_leave);
    const auto& maya = r.scenario->employees[1];
    CHECK(maya.rotation_offset == 1);
    CHECK(r.scenario->patterns[maya.pattern.value].id == "ward");
}

TEST_CASE("An HR export's Indonesian column names are read as the same columns", "[load][csv]") {
    test::temp_dir dir;
    const auto r = load_csv(dir,
                            "NIP;Nama;Unit Kerja;Status_Kepegawaian;Cuti;Tugas;Surel\n"
                            "198203142006041002;Siti;bpkad;PNS;2026-07-06/2026-07-10;apel;siti@example.go.id\n");
    INFO(test::dump(r));
    REQUIRE(r.scenario.has_value());
    CHECK_FALSE(test::has_code(r, "W-CSV-COLUMN-UNKNOWN"));
    const auto& siti = r.scenario->employees[0];
    CHECK(siti.name == "Siti");
    CHECK(siti.leaves.size() == 1);
    CHECK(siti.duties.size() == 1);
    CHECK(siti.email == "siti@example.go.id");
}

TEST_CASE("Quoted CSV fields may hold commas, quotes and line breaks; later positions stay right", "[load][csv]") {
    test::temp_dir dir;
    const auto r = load_csv(dir,
                            "nip,name,unit,status\n"
                            "198203142006041002,\"Siti \"\"Ani\"\"\nRahmawati\",bpkad,pns\n"
                            "198507212010012003,Ahmad,bpkad,pnx\n");
    INFO(test::dump(r));
    REQUIRE(r.diags.items().size() == 1);
    const auto& d = r.diags.items()[0];
    CHECK(d.code == "E-ENUM");
    CHECK(d.line == 4);  // the quoted line break moved the last row to line 4
    CHECK(d.column == 32);
}

TEST_CASE("CSV header problems: missing required columns, repeated ones, unknown ones", "[load][csv]") {
    test::temp_dir dir;
    const auto r = load_csv(dir, "nip,name,nip,unit,golongan\n198203142006041002,Siti,x,bpkad,III/a\n");
    INFO(test::dump(r));
    CHECK_FALSE(r.scenario.has_value());
    CHECK(test::summary(r) ==
          std::vector<std::string>{"E-CSV-HEADER 1:1", "E-CSV-HEADER 1:10", "W-CSV-COLUMN-UNKNOWN 1:19"});
}

TEST_CASE("CSV rows with too many fields are refused unless the extra fields are empty", "[load][csv]") {
    test::temp_dir dir;
    const auto r = load_csv(dir,
                            "nip,name,unit,status\n"
                            "198203142006041002,Siti,bpkad,pns,,\n"
                            "198507212010012003,Ahmad,bpkad,pns,extra\n");
    INFO(test::dump(r));
    CHECK(test::summary(r) == std::vector<std::string>{"E-CSV-COLUMNS 3:36"});
}

TEST_CASE("CSV cell values are checked like YAML values, at their cell", "[load][csv]") {
    test::temp_dir dir;
    const auto r = load_csv(dir,
                            "nip,name,unit,status,jp_target,after_hours,timezone,leave,duties,pattern\n"
                            "198203142006041002,Siti,bpkad,pppk,30,maybe,Asia/Jakata,2026-07-10/2026-07-06,rapat,"
                            "ofice\n"
                            "198203142006041002,,bpkad,pns,,,,,,\n");
    INFO(test::dump(r));
    CHECK_FALSE(r.scenario.has_value());
    CHECK(test::summary(r) == std::vector<std::string>{"E-JP-CAP 2:36", "E-TYPE 2:39", "E-TZ-UNKNOWN 2:45",
                                                       "E-RANGE-ORDER 2:57", "E-REF-DUTY-TEMPLATE 2:79",
                                                       "E-REF-PATTERN 2:85", "E-ID-DUPLICATE 3:1",
                                                       "E-KEY-MISSING 3:20"});
}

TEST_CASE("A NIP that a spreadsheet turned into a number is flagged with a hint", "[load][csv]") {
    test::temp_dir dir;
    const auto r = load_csv(dir, "nip,name,unit,status\n1.98203E+17,Siti,bpkad,pns\n");
    const auto* d = test::first_with(r, "W-NIP-FORMAT");
    REQUIRE(d != nullptr);
    CHECK(d->message.find("format the NIP column as text") != std::string::npos);
    CHECK(r.scenario.has_value());  // a warning only
}

TEST_CASE("An employees CSV that is empty, missing or not UTF-8 is a diagnostic", "[load][csv]") {
    test::temp_dir dir;
    SECTION("empty") {
        const auto r = load_csv(dir, "");
        CHECK(test::codes(r) == std::vector<std::string>{"E-EMPTY"});
    }
    SECTION("only a header") {
        const auto r = load_csv(dir, "nip,name,unit,status\n");
        CHECK(r.diags.error_count() == 0);
        REQUIRE(r.scenario.has_value());
        CHECK(r.scenario->employees.empty());
    }
    SECTION("Latin-1 instead of UTF-8") {
        const auto r = load_csv(dir, "nip,name,unit,status\n198203142006041002,Jos\xe9,bpkad,pns\n");
        CHECK(test::summary(r) == std::vector<std::string>{"E-ENCODING 2:23"});
    }
    SECTION("missing") {
        const auto yaml = dir.write("scenario.yaml", scenario_with_csv("nowhere.csv"));
        const auto r = load::load_scenario_file(yaml);
        CHECK(test::codes(r) == std::vector<std::string>{"E-FILE"});
        CHECK(r.diags.items()[0].line == 12);
    }
}

TEST_CASE("With read_referenced_files off, the CSV is not read and a note says so", "[load][csv]") {
    load::load_options opts;
    opts.read_referenced_files = false;
    const auto r = load::load_scenario_file(test::data_dir() / "good/csv_scenario.yaml", opts);
    INFO(test::dump(r));
    REQUIRE(r.scenario.has_value());
    CHECK(r.scenario->employees.empty());
    CHECK(test::has_code(r, "N-CSV-SKIPPED"));
    CHECK(r.diags.error_count() == 0);
}

TEST_CASE("The CSV path resolves against load_options::base_dir when given", "[load][csv]") {
    test::temp_dir dir;
    dir.write("staff.csv", "nip,name,unit,status\n198203142006041002,Siti,bpkad,pns\n");
    load::load_options opts;
    opts.base_dir = dir.path();
    const auto r = load::load_scenario_text(scenario_with_csv("staff.csv"), "inline.yaml", opts);
    INFO(test::dump(r));
    REQUIRE(r.scenario.has_value());
    CHECK(r.scenario->employees.size() == 1);
}

TEST_CASE("Confined to the scenario's folder, a file reference that leads outside it is E-FILE-OUTSIDE",
          "[load][csv][confine]") {
    test::temp_dir dir;
    const auto folder = dir.path() / "scenario";
    std::filesystem::create_directories(folder / "data");
    const std::string staff = "nip,name,unit,status\n198203142006041002,Siti,bpkad,pns\n";
    dir.write("outside.csv", staff);
    dir.write("scenario/data/staff.csv", staff);
    std::filesystem::create_symlink(dir.path() / "outside.csv", folder / "link-out.csv");
    std::filesystem::create_symlink(folder / "data" / "staff.csv", folder / "link-in.csv");
    std::filesystem::create_symlink(dir.path(), folder / "up");
    load::load_options confined;
    confined.confine_to_scenario_dir = true;

    SECTION("files inside the folder, directly, in a subfolder or through a link that stays inside, load") {
        for (const std::string& ref : std::vector<std::string>{"data/staff.csv", "./data/../data/staff.csv",
                                                               "link-in.csv", (folder / "data" / "staff.csv").string()}) {
            INFO(ref);
            const auto yaml = dir.write("scenario/s.yaml", scenario_with_csv("'" + ref + "'"));
            const auto r = load::load_scenario_file(yaml, confined);
            INFO(test::dump(r));
            CHECK(r.scenario.has_value());
        }
    }
    SECTION("a relative path out, an absolute path elsewhere and links that lead out are refused at the reference") {
        for (const std::string& ref :
             std::vector<std::string>{"../outside.csv", "data/../../outside.csv", (dir.path() / "outside.csv").string(),
                                      "/etc/passwd", "link-out.csv", "up/outside.csv"}) {
            INFO(ref);
            const auto yaml = dir.write("scenario/s.yaml", scenario_with_csv("'" + ref + "'"));
            const auto r = load::load_scenario_file(yaml, confined);
            INFO(test::dump(r));
            CHECK_FALSE(r.scenario.has_value());
            CHECK(test::summary(r) == std::vector<std::string>{"E-FILE-OUTSIDE 12:18"});
            const auto* d = test::first_with(r, "E-FILE-OUTSIDE");
            REQUIRE(d != nullptr);
            CHECK(d->file == yaml.string());
            CHECK(d->path == "employees.csv");
            CHECK(d->message.find("outside the scenario's folder") != std::string::npos);
            // Without the option the same scenario reads the file (or tries to).
            CHECK_FALSE(test::has_code(load::load_scenario_file(yaml), "E-FILE-OUTSIDE"));
        }
    }
    SECTION("from text, the folder is base_dir") {
        load::load_options o = confined;
        o.base_dir = folder;
        CHECK(load::load_scenario_text(scenario_with_csv("data/staff.csv"), "inline.yaml", o).scenario.has_value());
        CHECK(test::codes(load::load_scenario_text(scenario_with_csv("../outside.csv"), "inline.yaml", o)) ==
              std::vector<std::string>{"E-FILE-OUTSIDE"});
    }
}

TEST_CASE("A file that is not an employees CSV is named, but none of its content is shown", "[load][csv]") {
    test::temp_dir dir;
    for (const std::string text : {"root:x:0:0:secret-token-4711:/root:/bin/bash\ndaemon:x:1:1\n",
                                   "# secret-token-4711, key\n[section]\n", "secret-token-4711;key\nvalue\n"}) {
        INFO(text);
        const auto r = load_csv(dir, text);
        INFO(test::dump(r));
        CHECK(test::summary(r) == std::vector<std::string>{"E-CSV-HEADER 1:1"});
        const auto* d = test::first_with(r, "E-CSV-HEADER");
        REQUIRE(d != nullptr);
        CHECK(d->message.find("none of the columns nip, name, unit and status") != std::string::npos);
        CHECK(test::dump(r).find("secret") == std::string::npos);
    }
}

TEST_CASE("7,200 employees from a CSV load quickly", "[load][csv]") {
    test::temp_dir dir;
    std::string csv = "nip,name,unit,status,pattern,rotation_offset,jp_target,after_hours,weekend,leave,duties\n";
    for (int i = 0; i < 7200; ++i) {
        const bool shift = i % 5 == 0;
        csv += fmt::format("198001012{:06}{:03},\"Pegawai {}, S.Kom.\",{},{},{},{},,{},no,{},{}\n", i, i % 1000, i,
                           shift ? "igd" : "bpkad", i % 3 == 0 ? "pppk" : "pns", shift ? "ward" : "",
                           shift ? std::to_string(i % 2) : std::string{}, i % 4 ? "yes" : "no",
                           i % 7 == 0 ? "2026-07-06/2026-07-10" : "", i % 2 ? "apel" : "");
    }
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = load_csv(dir, csv);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    INFO(test::dump(r));
    REQUIRE(r.scenario.has_value());
    CHECK(r.scenario->employees.size() == 7200);
    CHECK(r.scenario->demand.size() == 7200);
    CHECK(seconds < 5.0);  // ~0.05 s in a release build; generous for sanitizer builds
}
