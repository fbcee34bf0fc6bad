// Change requests answered by a strict re-plan (docs/requests.md): granted
// requests are kept by the new plan (checked here on the plan itself and by
// verify), refused ones name the rule and an alternative and leave the seat as
// it was, and the answers are the same for the same seed.
#include <algorithm>
#include <jadwal/solve/requests.hpp>

#include "support.hpp"

using namespace jadwal;

namespace {

// Four office workers, a two-session course in cohorts of two, and a webinar
// fixed on 17 June. Published plan (seed 1): kursus-01 = Ani + Dedi (3 and 15
// June), kursus-02 = Budi + Citra (17 and 24 June, 15:00-16:30).
const std::string scenario_yaml =
    test::four_office_workers("requests", "date: 2026-06-17, time: 09:00-10:30", R"("199001012020011001")");

constexpr const char* ani = "199001012020011001";
constexpr const char* budi = "199001012020011002";
constexpr const char* citra = "199001012020011003";
constexpr const char* dedi = "199001012020011004";

const date::time_zone* jakarta() {
    return date::locate_zone("Asia/Jakarta");
}

calendar::instant midnight(unsigned month, unsigned day) {
    return date::floor<calendar::minutes>(jakarta()->to_sys(date::local_days{date::year{2026} / month / day}));
}

struct fixture {
    std::shared_ptr<model::scenario> s = test::scenario_from(scenario_yaml);
    solve::solution published = test::solve_with(*s, "only", 5000);
    calendar::instant from = midnight(6, 8);

    solve::solve_options options() const {
        solve::solve_options o;
        o.policy = "only";
        o.max_moves = 5000;
        o.replan_from = from;
        return o;
    }

    /// Requests from CSV rows (header added), failing the test on any diagnostic error.
    std::vector<load::change_request> requests(const std::string& rows) const {
        const auto r =
            load::read_requests(*s, "nip,program,request,value,reason\n" + rows, "requests.csv", {&published, from});
        std::string all;
        for (const auto& d : r.diags.items()) all += load::format(d) + "\n";
        INFO(all);
        REQUIRE_FALSE(r.diags.has_errors());
        return r.requests;
    }

    model::employee_index who(const char* nip) const { return *s->find_employee(nip); }
    model::program_index kursus() const { return *s->find_program("kursus"); }

    verify::report check(const model::scenario& against, const solve::solution& plan) const {
        verify::options vo;
        vo.previous.plan = &published;
        vo.previous.replan_from = from;
        return verify::verify(against, plan, test::policy_of(*s, "only"), vo);
    }
};

/// The published plan is the one these tests are written against.
void require_published_as_described(const fixture& f) {
    const auto* c = test::cohort_of(f.published, f.who(citra), f.kursus());
    REQUIRE(c != nullptr);
    REQUIRE(std::binary_search(c->participants.begin(), c->participants.end(), f.who(budi)));
    REQUIRE(c->sessions.size() == 2);
    REQUIRE(c->sessions[0].start >= f.from);
    REQUIRE(calendar::local_day(c->sessions[1].start, *jakarta()) == date::local_days{date::year{2026} / 6 / 23});
    const auto* d = test::cohort_of(f.published, f.who(dedi), f.kursus());
    REQUIRE(d != nullptr);
    REQUIRE(d->sessions.front().start < f.from);  // under way at the re-plan date
}

}  // namespace

TEST_CASE("a not_on request is granted: the person has no training that day and verify agrees", "[solve][requests]") {
    fixture f;
    require_published_as_described(f);
    const auto reqs = f.requests(std::string(citra) + ",kursus,not_on,2026-06-23,posyandu\n");
    const auto out = solve::answer_requests(*f.s, f.published, reqs, f.options());
    REQUIRE(out.answers.size() == 1);
    INFO(out.answers[0].code << " " << out.answers[0].explanation);
    CHECK(out.answers[0].granted);
    CHECK(out.settled);
    const auto* c = test::cohort_of(out.plan, f.who(citra), f.kursus());
    REQUIRE(c != nullptr);
    for (const auto& x : c->sessions)
        CHECK(calendar::local_day(x.start, *jakarta()) != date::local_days{date::year{2026} / 6 / 23});
    const auto asked = solve::apply_requests(*f.s, reqs, &f.published, f.from);
    // The outcome carries the scenario its plan was solved against: the granted request as a duty.
    CHECK(out.asked.employees[f.who(citra).value].duties.size() == asked.employees[f.who(citra).value].duties.size());
    CHECK(out.asked.employees[f.who(citra).value].duties.size() > f.s->employees[f.who(citra).value].duties.size());
    const auto r = f.check(asked, out.plan);
    INFO(test::violations_of(r));
    CHECK(r.feasible());
    // Citra's calendar changed; Ani's (untouched by the request) did not.
    CHECK(std::find(out.affected.begin(), out.affected.end(), f.who(citra)) != out.affected.end());
    CHECK(std::find(out.affected.begin(), out.affected.end(), f.who(ani)) == out.affected.end());
}

TEST_CASE("a not_after request is granted: no session of the person runs past that time", "[solve][requests]") {
    fixture f;
    require_published_as_described(f);
    const auto reqs = f.requests(std::string(citra) + ",kursus,not_after,15:00,menjemput anak\n");
    const auto out = solve::answer_requests(*f.s, f.published, reqs, f.options());
    INFO(out.answers[0].code << " " << out.answers[0].explanation);
    CHECK(out.answers[0].granted);
    const auto* c = test::cohort_of(out.plan, f.who(citra), f.kursus());
    REQUIRE(c != nullptr);
    for (const auto& x : c->sessions) {
        const auto local = jakarta()->to_local(x.end);
        const auto clock = date::floor<calendar::minutes>(local - date::floor<date::days>(local));
        CHECK(clock <= calendar::minutes{15 * 60});
    }
    CHECK(f.check(solve::apply_requests(*f.s, reqs, &f.published, f.from), out.plan).feasible());
}

TEST_CASE("a move request is granted: the person leaves their cohort for another", "[solve][requests]") {
    fixture f;
    require_published_as_described(f);
    const auto reqs = f.requests(std::string(budi) + ",kursus,move,,tugas luar\n");
    const auto out = solve::answer_requests(*f.s, f.published, reqs, f.options());
    INFO(out.answers[0].code << " " << out.answers[0].explanation);
    CHECK(out.answers[0].granted);
    const auto* before = test::cohort_of(f.published, f.who(budi), f.kursus());
    const auto* after = test::cohort_of(out.plan, f.who(budi), f.kursus());
    REQUIRE(after != nullptr);
    CHECK(after->id != before->id);
    // None of the new sessions is at a time of the cohort Budi left.
    for (const auto& x : after->sessions)
        for (const auto& y : before->sessions) CHECK_FALSE((x.start < y.end && y.start < x.end));
    CHECK_THAT(out.answers[0].explanation, Catch::Contains(after->id));
}

TEST_CASE("a request no plan can meet is refused with the rule and an alternative, and the seat stays as it was",
          "[solve][requests]") {
    fixture f;
    require_published_as_described(f);
    // The course meets only in working hours, 07:30-16:30: nothing of 90 minutes fits after 16:00.
    const auto reqs = f.requests(std::string(citra) + ",kursus,not_before,16:00,kuliah pagi\n");
    const auto out = solve::answer_requests(*f.s, f.published, reqs, f.options());
    const auto& a = out.answers[0];
    CHECK_FALSE(a.granted);
    CHECK(a.code == "R-UNAVAILABLE");
    CHECK_THAT(a.explanation, Catch::Contains("request: kuliah pagi"));
    CHECK_FALSE(a.alternative.empty());
    CHECK(a.round == 1);
    CHECK(out.rounds == 2);  // run again without the refused request
    const auto* before = test::cohort_of(f.published, f.who(citra), f.kursus());
    const auto* after = test::cohort_of(out.plan, f.who(citra), f.kursus());
    REQUIRE(after != nullptr);
    CHECK(after->id == before->id);
    REQUIRE(after->sessions.size() == before->sessions.size());
    for (std::size_t i = 0; i < after->sessions.size(); ++i) {
        CHECK(after->sessions[i].start == before->sessions[i].start);
        CHECK(after->sessions[i].end == before->sessions[i].end);
    }
    CHECK(out.affected.empty());
    CHECK(f.check(*f.s, out.plan).feasible());
    // The last round ran without the refused request: no duty of it in the scenario the plan was solved against.
    CHECK(out.asked.employees[f.who(citra).value].duties.size() == f.s->employees[f.who(citra).value].duties.size());
}

TEST_CASE("a request about a cohort under way is refused as R-REPLAN", "[solve][requests]") {
    fixture f;
    require_published_as_described(f);
    const auto reqs = f.requests(std::string(dedi) + ",kursus,not_after,08:00,shift pagi\n");
    const auto out = solve::answer_requests(*f.s, f.published, reqs, f.options());
    CHECK_FALSE(out.answers[0].granted);
    CHECK(out.answers[0].code == "R-REPLAN");
    CHECK_THAT(out.answers[0].alternative, Catch::Contains("kursus-01"));
    const auto r = f.check(*f.s, out.plan);
    INFO(test::violations_of(r));
    CHECK(r.feasible());
}

TEST_CASE("answering requests is deterministic for a seed", "[solve][requests]") {
    fixture f;
    const auto reqs = f.requests(std::string(budi) + ",kursus,move,,a\n" + citra + ",kursus,not_on,2026-06-23,b\n" +
                                 dedi + ",kursus,not_after,08:00,c\n" + ani + ",webinar,not_on,2026-06-17,d\n");
    auto one = solve::answer_requests(*f.s, f.published, reqs, f.options());
    auto two = solve::answer_requests(*f.s, f.published, reqs, f.options());
    one.plan.elapsed_seconds = two.plan.elapsed_seconds = 0;
    CHECK(io::solution_to_json(*f.s, one.plan) == io::solution_to_json(*f.s, two.plan));
    REQUIRE(one.answers.size() == two.answers.size());
    for (std::size_t i = 0; i < one.answers.size(); ++i) {
        CHECK(one.answers[i].granted == two.answers[i].granted);
        CHECK(one.answers[i].code == two.answers[i].code);
        CHECK(one.answers[i].explanation == two.answers[i].explanation);
        CHECK(one.answers[i].alternative == two.answers[i].alternative);
    }
    CHECK(one.affected == two.affected);
}

TEST_CASE("verify with the requests applied catches a plan that keeps a requester in a session on the refused date",
          "[solve][requests][verify]") {
    fixture f;
    require_published_as_described(f);
    const auto reqs = f.requests(std::string(citra) + ",kursus,not_on,2026-06-23,posyandu\n");
    const auto asked = solve::apply_requests(*f.s, reqs, &f.published, f.from);
    // The published plan, offered unchanged as the answer, keeps Citra in the session of 24 June.
    const auto planted = f.check(asked, f.published);
    CHECK_FALSE(planted.feasible());
    CHECK(planted.violations_by_code.count("H2-UNAVAILABLE") == 1);
    // Without the request the same plan is fine: the violation is the request's.
    CHECK(f.check(*f.s, f.published).feasible());
}

TEST_CASE("requests become the person's duties from the re-plan date on", "[solve][requests]") {
    fixture f;
    const auto reqs =
        f.requests(std::string(citra) + ",kursus,not_before,09:30,antar anak\n" + budi + ",kursus,move,,\n");
    const auto asked = solve::apply_requests(*f.s, reqs, &f.published, f.from);
    const auto& c = asked.employees[f.who(citra).value];
    REQUIRE(c.duties.size() == f.s->employees[f.who(citra).value].duties.size() + 1);
    const auto& d = c.duties.back();
    CHECK(d.what == "request: antar anak");
    REQUIRE(d.rule);
    CHECK(d.rule->freq == calendar::frequency::daily);
    CHECK(d.start == date::local_days{date::year{2026} / 6 / 8});
    CHECK(d.time.start == calendar::minutes{0});
    CHECK(d.time.end == calendar::minutes{9 * 60 + 30});
    // The move: one one-off duty per session of Budi's cohort after the re-plan date, at its exact times.
    const auto& b = asked.employees[f.who(budi).value];
    const auto* left = test::cohort_of(f.published, f.who(budi), f.kursus());
    REQUIRE(b.duties.size() == left->sessions.size());
    for (std::size_t i = 0; i < b.duties.size(); ++i) {
        CHECK_FALSE(b.duties[i].rule);
        CHECK(b.duties[i].what == "request: move");
        CHECK(calendar::to_instant(
                  calendar::local_minute{b.duties[i].start.time_since_epoch() + b.duties[i].time.start}, *jakarta()) ==
              left->sessions[i].start);
    }
}

TEST_CASE("answering requests without a re-plan instant is refused", "[solve][requests]") {
    fixture f;
    auto o = f.options();
    o.replan_from.reset();
    CHECK_THROWS_AS(solve::answer_requests(*f.s, f.published, {}, o), solve::solve_error);
}
