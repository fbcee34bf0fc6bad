// Optional addresses for calendar files: `email` of employees (YAML and the
// CSV column) and instructors, `url` of platforms.
#include "helpers.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace jadwal;

namespace {

std::string scenario_with(std::string_view employees, std::string_view platform, std::string_view instructor) {
    std::string yaml = R"(jadwal: 1
scenario: {name: t, from: 2026-01-05, to: 2026-12-18}
holidays: [id-2026]
work_patterns:
  office:
    week: {mon-fri: [08:00-16:00]}
units:
  - {id: bpkad, pattern: office}
employees: )";
    yaml += employees;
    yaml += R"(
programs:
  - id: p1
    modules: [{id: m1, jp: 2}]
    modes: [{mode: self_paced}, {mode: online_live}]
    instructors: [wi]
platforms: [)";
    yaml += platform;
    yaml += "]\ninstructors: [";
    yaml += instructor;
    yaml += "]\ndemand:\n  - {program: p1, where: {unit: bpkad}}\n";
    return yaml;
}

}  // namespace

TEST_CASE("Employees, instructors and platforms may carry an e-mail address or a URL", "[load][address]") {
    const auto r = test::load_text(scenario_with(
        R"([{id: "198203142006041002", name: Siti, unit: bpkad, status: pns, email: siti.rahma@bkpsdmd.go.id},
            {id: "198507212010012003", name: Ahmad, unit: bpkad, status: pns}])",
        "{id: zoom, capacity: 100, url: \"https://zoom.us/j/123?pwd=a%20b\"}", "{id: wi, email: o'hara@bpsdm.go.id}"));
    INFO(test::dump(r));
    REQUIRE(r.scenario.has_value());
    CHECK(r.scenario->employees[0].email == "siti.rahma@bkpsdmd.go.id");
    CHECK(r.scenario->employees[1].email.empty());
    CHECK(r.scenario->platforms[0].url == "https://zoom.us/j/123?pwd=a%20b");
    CHECK(r.scenario->instructors[0].email == "o'hara@bpsdm.go.id");
}

TEST_CASE("An address that is not one e-mail address or not an http(s) URL is E-ADDRESS", "[load][address]") {
    const std::string staff = R"([{id: "198203142006041002", name: Siti, unit: bpkad, status: pns, email: EMAIL}])";
    auto with_email = [&](std::string_view email) {
        std::string employees = staff;
        employees.replace(employees.find("EMAIL"), 5, email);
        return test::load_text(scenario_with(employees, "{id: zoom, capacity: 100}", "{id: wi}"));
    };
    const auto bad_email = GENERATE(as<std::string>{}, "siti", "\"@bkpsdmd.go.id\"", "siti@bkpsdmd", "siti@.go.id",
                                    "siti@bkpsdmd.go.id.", "\"a@x.go.id, b@y.go.id\"", "\"Siti <siti@x.go.id>\"",
                                    "a@b@x.go.id", "\"siti @x.go.id\"");
    INFO(bad_email);
    const auto r = with_email(bad_email);
    CHECK(test::codes(r) == std::vector<std::string>{"E-ADDRESS"});

    auto with_url = [&](std::string_view url) {
        return test::load_text(scenario_with(R"([{id: "198203142006041002", name: Siti, unit: bpkad, status: pns}])",
                                             "{id: zoom, capacity: 100, url: " + std::string{url} + "}", "{id: wi}"));
    };
    const auto bad_url = GENERATE(as<std::string>{}, "zoom.us/j/1", "ftp://x.go.id", "https://", "\"https:// x\"",
                                  "javascript:alert(1)", "\"https://x.go.id/<script>\"");
    INFO(bad_url);
    CHECK(test::codes(with_url(bad_url)) == std::vector<std::string>{"E-ADDRESS"});
}

TEST_CASE("The employees CSV may have an email column, checked like the YAML key", "[load][address][csv]") {
    test::temp_dir dir;
    dir.write("staff.csv",
              "nip,name,unit,status,email\n"
              "198203142006041002,Siti,bpkad,pns, siti@bkpsdmd.go.id \n"
              "198507212010012003,Ahmad,bpkad,pns,\n"
              "199001012019031004,Dewi,bpkad,pns,dewi at bkpsdmd\n");
    const auto yaml = dir.write("scenario.yaml", scenario_with("{csv: staff.csv}", "{id: zoom, capacity: 100}", "{id: wi}"));
    const auto r = load::load_scenario_file(yaml);
    INFO(test::dump(r));
    REQUIRE(test::summary(r) == std::vector<std::string>{"E-ADDRESS 4:35"});
    const auto* d = test::first_with(r, "E-ADDRESS");
    CHECK(d->path == "email");

    dir.write("staff.csv",
              "nip,name,unit,status,email\n"
              "198203142006041002,Siti,bpkad,pns, siti@bkpsdmd.go.id \n"
              "198507212010012003,Ahmad,bpkad,pns,\n");
    const auto ok = load::load_scenario_file(yaml);
    INFO(test::dump(ok));
    REQUIRE(ok.scenario.has_value());
    CHECK(ok.scenario->employees[0].email == "siti@bkpsdmd.go.id");  // trimmed
    CHECK(ok.scenario->employees[1].email.empty());
}
