// Builds a scenario and a plan in code with the header-only jadwal::model and
// asks which policy the plan was made with; exits 1 when an answer is wrong.
#include <cstdio>
#include <jadwal/model/policy.hpp>
#include <jadwal/time/interval_set.hpp>
#include <jadwal/time/iso_week.hpp>

int main() {
    using namespace jadwal;
    model::scenario s;
    model::policy flexible;
    flexible.id = "flexible";
    s.policies.push_back(flexible);
    s.index_ids();
    model::solution plan;
    plan.policy = "flexible";
    const model::policy* made_with = model::plan_policy(s, plan);

    const auto monday = calendar::week_monday(*calendar::parse_date("2026-03-19"));
    const calendar::interval day{*calendar::parse_instant("2026-03-16T00:30Z"),
                                 *calendar::parse_instant("2026-03-16T09:00Z")};
    const calendar::interval lunch{*calendar::parse_instant("2026-03-16T05:00Z"),
                                   *calendar::parse_instant("2026-03-16T06:00Z")};
    const auto work = calendar::interval_set{day}.subtract(calendar::interval_set{lunch}).total().count();

    bool refused = false;
    try {
        plan.policy = "strict";
        (void)model::plan_policy(s, plan);
    } catch (const jadwal::error& e) {
        refused = e.code() == errc::not_found;
    }
    const bool ok = made_with != nullptr && made_with->id == "flexible" &&
                    calendar::format_date(monday) == "2026-03-16" && work == 450 && refused;
    std::printf("jadwal::model alone: policy %s, week of %s, %lld working minutes: %s\n",
                made_with ? made_with->id.c_str() : "?", calendar::format_date(monday).c_str(),
                static_cast<long long>(work), ok ? "ok" : "WRONG");
    return ok ? 0 : 1;
}
