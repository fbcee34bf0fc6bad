// The training history of a generated scenario (batanghari_options::history_until):
// the SIASN course export (riwayat diklat) an agency would hand over mid-year,
// with the courses its people completed from 1 January of the plan year up to
// the day before `history_until`, and some of the year before (which count
// toward no target: docs/format.md "history").
//
// The shape, an assumption stated here: office staff attend a short webinar
// (2-4 JP) in about one month of four and a provincial technical course
// (16-24 JP) about once in three years; teachers do so at 60% of that rate
// and shift staff at 40% (training takes them away from classes and wards,
// the problem jadwal exists for). PPPK staff, capped at 24 JP, take only
// webinars. The courses are not the scenario's programmes, so no demand is
// dropped; JP earned count toward targets and caps.
#include "emit.hpp"
#include "population.hpp"
#include "random.hpp"

#include <fmt/format.h>

#include <array>
#include <set>
#include <string>

namespace jadwal::generate::detail {
namespace {

enum stream : std::uint64_t { stream_history = 42 };

struct course {
    const char* name;
    const char* organizer;  ///< empty: the agency's own HR office
};

constexpr std::array<course, 6> webinars{{
    {"Webinar Smart ASN", "Lembaga Administrasi Negara"},
    {"Webinar Literasi Digital ASN", "Kementerian Komunikasi dan Informatika"},
    {"Webinar Pencegahan Korupsi", "Komisi Pemberantasan Korupsi"},
    {"Webinar Keterbukaan Informasi Publik", "Komisi Informasi Provinsi Jambi"},
    {"Webinar Manajemen ASN", "Badan Kepegawaian Negara"},
    {"Webinar Pelayanan Publik Berbasis Digital", "Kementerian PANRB"},
}};

constexpr std::array<course, 4> technical{{
    {"Pelatihan Teknis Penyusunan Laporan Kinerja", "BPSDM Provinsi Jambi"},
    {"Pelatihan Teknis Pengelolaan Arsip Dinamis", "BPSDM Provinsi Jambi"},
    {"Pelatihan Teknis Pelayanan Prima", ""},
    {"Pelatihan Teknis Penyusunan Standar Operasional Prosedur", ""},
}};

/// Per mille of the office rate a person trains at.
int rate_of(const population& pop, const employee& e) {
    if (e.rotation_offset >= 0) return 400;  // on shifts
    if (pop.units[e.unit].kind == unit_kind::school) return 600;
    return 1000;
}

std::string dmy(day d) {
    const date::year_month_day ymd{d};
    return fmt::format("{:02}-{:02}-{:04}", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                       static_cast<int>(ymd.year()));
}

/// A working day (Monday to Friday) drawn in [from, to); `from` < `to`.
day weekday_in(rng& r, day from, day to) {
    day d = from + date::days{r.below(static_cast<std::uint64_t>((to - from).count()))};
    const date::weekday w{d};
    if (w == date::Saturday) d -= date::days{1};
    if (w == date::Sunday) d -= date::days{2};
    return d < from ? from : d;
}

}  // namespace

std::string emit_history_csv(const population& pop) {
    const day year_start{date::year{pop.year} / date::January / 1};
    const day until = day{*pop.opts.history_until};
    const day last_year_from{date::year{pop.year - 1} / date::July / 1};
    const int months = static_cast<int>((until - year_start).count() / 30);
    const std::string hr_office = pop.opts.hr_office.empty() ? "BKPSDMD Kabupaten Batanghari" : pop.opts.hr_office;
    std::set<std::pair<const char*, day>> taken;  // (course, end) once a person: no duplicate rows
    std::string out = "nip;nama_diklat;institusi_penyelenggara;jumlah_jam;tanggal_mulai;tanggal_selesai\r\n";
    const auto row = [&](const employee& e, const course& c, int jp, day start, day end) {
        if (!taken.emplace(c.name, end).second) return;
        out += fmt::format("{};{};{};{};{};{}\r\n", e.nip, c.name, *c.organizer ? c.organizer : hr_office.c_str(), jp,
                           dmy(start), dmy(end));
    };
    for (std::size_t i = 0; i < pop.employees.size(); ++i) {
        const employee& e = pop.employees[i];
        rng r(stream_seed(pop.opts.seed, stream_history, i));
        taken.clear();
        const int rate = rate_of(pop, e);
        // Last year's: counted toward no target, as the loader's plan year says.
        if (r.chance(rate / 3)) {
            const day d = weekday_in(r, last_year_from, year_start - date::days{1});
            row(e, webinars[r.below(webinars.size())], r.between(2, 4), d, d);
        }
        for (int k = 0; k < months; ++k)
            if (r.chance(rate / 4) && until > year_start + date::days{1}) {
                const day d = weekday_in(r, year_start + date::days{1}, until);
                row(e, webinars[r.below(webinars.size())], r.between(2, 4), d, d);
            }
        if (!e.pppk && r.chance(rate * months / 36) && until - year_start > date::days{7}) {
            const day start = weekday_in(r, year_start + date::days{1}, until - date::days{4});
            const int days = r.between(2, 3);
            row(e, technical[r.below(technical.size())], 8 * days, start, start + date::days{days - 1});
        }
    }
    return out;
}

}  // namespace jadwal::generate::detail
