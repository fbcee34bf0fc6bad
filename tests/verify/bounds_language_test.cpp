// The reasons of demand no plan can place (solve::compute_bounds, `jadwal
// check`) in the language asked for, over the scenario's locale.
#include <jadwal/solve/bound.hpp>

#include "fixture.hpp"

#ifdef JADWAL_CLI
#include "../support/cli.hpp"
#endif

using namespace jadwal;
using namespace jadwal::test;

namespace {

// e2 accepts no after-hours training and etika runs only after hours and at weekends.
const std::string no_time_en =
    "before its deadline the person has too little time in its windows that they accept and are available in (with "
    "a trainer and a venue free, for live modes, in stretches as long as a session and, for classroom, with room for "
    "the drive to the venue) to take it whole";
const std::string no_time_id =
    "sebelum batas waktunya, pegawai tidak memiliki cukup waktu dalam jendela waktu yang ia setujui dan saat ia "
    "tersedia (dengan widyaiswara dan tempat yang kosong, untuk moda klasikal dan daring, dalam rentang sepanjang "
    "satu sesi dan, untuk moda klasikal, dengan waktu perjalanan ke tempatnya) untuk mengikutinya secara utuh";

const solve::unplaceable_demand& only(const solve::plan_bounds& b) {
    REQUIRE(b.unplaceable.size() == 1);
    CHECK(b.unplaceable.front().code == "U-NO-TIME");
    return b.unplaceable.front();
}

}  // namespace

TEST_CASE("the bounds' reasons are in the language asked for, else the scenario's", "[verify][bound][language]") {
    const auto en = base_scenario();  // no locale
    const auto id = load_yaml(edited({{"policy: flexible}", "policy: flexible, locale: id}"}}));
    const auto& pol = policy(en, "flexible");
    CHECK(only(solve::compute_bounds(en, pol)).reason == no_time_en);
    CHECK(only(solve::compute_bounds(id, policy(id, "flexible"))).reason == no_time_id);
    CHECK(only(solve::compute_bounds(en, pol, text::language::id)).reason == no_time_id);
    CHECK(only(solve::compute_bounds(id, policy(id, "flexible"), text::language::en)).reason == no_time_en);
}

#ifdef JADWAL_CLI
TEST_CASE("check --lang gives the unplaceable demand's reason in that language", "[verify][cli][language]") {
    const auto dir = scratch_dir("verify-test-check-lang").string();
    const std::string file = std::string{JADWAL_TEST_DATA} + "/verify/base.yaml";
    const auto id = run_cli("check --lang id '" + file + "'", dir);
    INFO(id.out << id.err);
    CHECK(id.exit_code == 0);
    CHECK(id.out.find(": peringatan: 1 dari 3 kebutuhan program etika di bpkad tidak dapat dijadwalkan") !=
          std::string::npos);
    CHECK(id.out.find(no_time_id + " [U-NO-TIME]") != std::string::npos);
    const auto json_id = run_cli("check --lang id --format json '" + file + "'", dir);
    CHECK(json_id.out.find(no_time_id) != std::string::npos);
    const auto en = run_cli("check --lang en '" + file + "'", dir);
    INFO(en.out << en.err);
    CHECK(en.out.find(": warning: 1 of 3 demand item(s) of etika in bpkad cannot be placed by any plan under policy "
                      "flexible: " +
                      no_time_en + " [U-NO-TIME]") != std::string::npos);
}
#endif  // JADWAL_CLI
