// libFuzzer entry for the scenario loader: any bytes must give diagnostics,
// never a crash, a hang or runaway memory; and a scenario that loads must be
// internally consistent (every index points into its vector).
#include <jadwal/load/load_scenario.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

// A check the fuzzer must never see fail: abort so libFuzzer records the input.
void require(bool ok) {
    if (!ok) std::abort();
}

template <class Index, class Vector>
void valid_index(Index i, const Vector& v) {
    require(i.valid() && i.value < v.size());
}

template <class Index, class Vector>
void optional_index(Index i, const Vector& v) {
    require(!i.valid() || i.value < v.size());
}

void check_model(const jadwal::model::scenario& s) {
    require(s.zone != nullptr);
    require(s.horizon.ok());
    require(s.granularity_minutes > 0 && 60 % s.granularity_minutes == 0);
    for (const auto& u : s.units) {
        valid_index(u.pattern, s.patterns);
        optional_index(u.location, s.locations);
    }
    for (const auto& e : s.employees) {
        valid_index(e.unit, s.units);
        optional_index(e.pattern, s.patterns);
        if (e.jp_cap) require(e.jp_target <= *e.jp_cap);
        for (const auto& l : e.leaves) require(l.days.ok());
    }
    for (const auto& p : s.programs) {
        require(!p.modules.empty() && !p.modes.empty());
        require(p.cohort_min >= 1 && p.cohort_min <= p.cohort_max);
        int sum = 0;
        for (std::size_t m = 0; m < p.modules.size(); ++m) {
            sum += p.modules[m].jp;
            if (p.modules[m].after) require(*p.modules[m].after < m);
            if (p.modules[m].gap_max_days) require(*p.modules[m].gap_max_days >= p.modules[m].gap_min_days);
        }
        require(sum == p.jp);
        for (const auto& i : p.instructors) valid_index(i, s.instructors);
        require(static_cast<std::size_t>(p.instructors_per_session) <= p.instructors.size());
        for (const auto& mo : p.modes) {
            for (const auto& v : mo.venues) valid_index(v, s.venues);
            optional_index(mo.platform, s.platforms);
            for (const auto& f : mo.fixed) require(f.module < p.modules.size() && f.start < f.end);
            std::size_t explicit_count = 0;
            for (const auto w : mo.windows)
                explicit_count += w == jadwal::model::window_kind::explicit_hours ? 1 : 0;
            require(explicit_count == mo.explicit_windows.size());
        }
    }
    for (const auto& d : s.demand) {
        valid_index(d.employee, s.employees);
        valid_index(d.program, s.programs);
    }
    for (const auto& season : s.seasons) require(season.ranges.size() == season.estimated.size());
    for (const auto& l : s.locations)
        for (const auto& [to, minutes] : l.travel) {
            valid_index(to, s.locations);
            require(s.locations[to.value].travel.count({static_cast<std::uint32_t>(&l - s.locations.data())}) == 1);
        }
    optional_index(s.default_policy, s.policies);
    require(s.employee_by_id.size() == s.employees.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // JADWAL_FUZZ_LAST=FILE keeps the input being run in FILE: when an input
    // exhausts memory, libFuzzer can take very long to write its artifact.
    if (const char* last = std::getenv("JADWAL_FUZZ_LAST")) {
        if (std::FILE* f = std::fopen(last, "wb")) {
            std::fwrite(data, 1, size, f);
            std::fclose(f);
        }
    }
    jadwal::load::load_options opts;
    opts.read_referenced_files = false;
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto r = jadwal::load::load_scenario_text(text, "fuzz.yaml", opts);
    require(r.scenario.has_value() == !r.diags.has_errors());
    for (const auto& d : r.diags.items()) {
        require(!d.code.empty() && !d.message.empty());
        require(d.code != "E-INTERNAL");  // an exception escaped a reader: a bug
        require(d.line >= 0 && d.column >= 0);
        (void)jadwal::load::format(d);
    }
    if (r.scenario) check_model(*r.scenario);
    return 0;
}
