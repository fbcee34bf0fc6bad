#include "names.hpp"

#include <array>
#include <span>
#include <string_view>

namespace jadwal::generate::detail {
namespace {

using sv = std::string_view;

// Jambi is mostly Malay, with many Javanese (transmigration villages in
// Bajubang and Batin XXIV), Minang, Batak and Chinese-Indonesian families.
// Each group: given names and second names by gender.
struct name_group {
    std::span<const sv> male_first, male_second, female_first, female_second;
    int weight;               ///< share of the population, per cent
    int second_per_mille;     ///< how often a second name follows
};

constexpr std::array malay_m{
    sv{"Muhammad"}, sv{"M."},     sv{"Ahmad"},   sv{"Abdul"},   sv{"Zulkifli"}, sv{"Syamsul"},
    sv{"Hasan"},    sv{"Husin"},  sv{"Yusuf"},   sv{"Ismail"},  sv{"Azhar"},    sv{"Rahmat"},
    sv{"Fauzi"},    sv{"Hendra"}, sv{"Rizal"},   sv{"Junaidi"}, sv{"Syahrial"}, sv{"Effendi"},
    sv{"Amran"},    sv{"Ma'ruf"}, sv{"Syafi'i"}, sv{"Ma'mun"},  sv{"Afrizal"},  sv{"Zulhendri"},
    sv{"Asrul"},    sv{"Yulizar"},sv{"Novrizal"},sv{"Firdaus"}, sv{"Ilham"},    sv{"Taufik"},
    sv{"Rif'at"},   sv{"Mukhlis"},sv{"Arief"},   sv{"Darmawan"},sv{"Fadli"},    sv{"Alamsyah"},
};
constexpr std::array malay_m2{
    sv{"Hidayat"}, sv{"Saputra"},  sv{"Rahman"}, sv{"Hakim"},  sv{"Yunus"},   sv{"Arifin"},
    sv{"Hamzah"},  sv{"Nasir"},    sv{"Kadir"},  sv{"Ridwan"}, sv{"Syahputra"}, sv{"Ma'arif"},
    sv{"Abdullah"},sv{"Ilyas"},    sv{"Ja'far"}, sv{"Amin"},   sv{"Chaniago"}, sv{"Piliang"},
    sv{"Tanjung"}, sv{"Sikumbang"},sv{"Fauzan"}, sv{"Sani"},   sv{"Effendi"}, sv{"Anwar"},
};
constexpr std::array malay_f{
    sv{"Nurhayati"}, sv{"Siti"},     sv{"Nur"},      sv{"Rahmi"},    sv{"Yuliana"}, sv{"Fitri"},
    sv{"Herlina"},   sv{"Lailatul"}, sv{"Aisyah"},   sv{"Fatimah"},  sv{"Ni'mah"},  sv{"Su'aidah"},
    sv{"Zubaidah"},  sv{"Nurul"},    sv{"Rosmawati"},sv{"Erna"},     sv{"Yusnidar"},sv{"Marlina"},
    sv{"Elvi"},      sv{"Mardiana"}, sv{"Rita"},     sv{"Desmawati"},sv{"Yusnimar"},sv{"Nelly"},
    sv{"Fitria"},    sv{"Yulia"},    sv{"Husna"},    sv{"Rahmah"},   sv{"Syarifah"},sv{"Mu'minah"},
};
constexpr std::array malay_f2{
    sv{"Aisyah"},  sv{"Fitriani"},  sv{"Rahmawati"}, sv{"Hasanah"}, sv{"Maryam"}, sv{"Khadijah"},
    sv{"Zahra"},   sv{"Marlina"},   sv{"Safitri"},   sv{"Yanti"},   sv{"Rosita"}, sv{"Amalia"},
    sv{"Jum'ati"}, sv{"Nurjanah"},  sv{"Zuraida"},   sv{"Hayati"},  sv{"Wati"},   sv{"Susanti"},
};

constexpr std::array java_m{
    sv{"Agus"},  sv{"Bambang"},   sv{"Budi"},    sv{"Joko"},   sv{"Eko"},      sv{"Slamet"},
    sv{"Sutrisno"}, sv{"Suparman"}, sv{"Sugeng"}, sv{"Wahyu"}, sv{"Teguh"},   sv{"Hadi"},
    sv{"Bayu"},  sv{"Dwi"},       sv{"Tri"},     sv{"Yudi"},   sv{"Heru"},     sv{"Purwanto"},
    sv{"Supriyadi"}, sv{"Adi"},   sv{"Gunawan"}, sv{"Rudi"},   sv{"Sigit"},    sv{"Edi"},
    sv{"Sapto"}, sv{"Margono"},   sv{"Suyatno"}, sv{"Wiji"},   sv{"Priyo"},    sv{"Kusnadi"},
};
constexpr std::array java_m2{
    sv{"Santoso"},  sv{"Prasetyo"}, sv{"Wibowo"},   sv{"Susilo"},  sv{"Hartono"}, sv{"Setiawan"},
    sv{"Nugroho"},  sv{"Saputro"},  sv{"Purnomo"},  sv{"Widodo"},  sv{"Kurniawan"}, sv{"Haryanto"},
    sv{"Wijayanto"},sv{"Pamungkas"},sv{"Raharjo"},  sv{"Sulistyo"},sv{"Irawan"},  sv{"Prabowo"},
    sv{"Utomo"},    sv{"Hidayat"},  sv{"Suryadi"},  sv{"Mulyono"},
};
constexpr std::array java_f{
    sv{"Sri"},    sv{"Dwi"},    sv{"Tri"},   sv{"Endang"},  sv{"Sumarni"}, sv{"Siti"},
    sv{"Rina"},   sv{"Wulan"},  sv{"Ratna"}, sv{"Yuni"},    sv{"Retno"},   sv{"Sulastri"},
    sv{"Ani"},    sv{"Dewi"},   sv{"Lestari"}, sv{"Kartini"}, sv{"Suryani"}, sv{"Puji"},
    sv{"Eni"},    sv{"Tutik"},  sv{"Sumiyati"}, sv{"Winarsih"}, sv{"Indah"}, sv{"Novi"},
};
constexpr std::array java_f2{
    sv{"Wahyuni"},   sv{"Lestari"},  sv{"Rahayu"},    sv{"Handayani"},   sv{"Astuti"},
    sv{"Purwaningsih"}, sv{"Susanti"}, sv{"Wulandari"}, sv{"Setyowati"}, sv{"Rahmawati"},
    sv{"Kusumawati"},sv{"Hartati"},  sv{"Pratiwi"},   sv{"Utami"},       sv{"Suryaningsih"},
    sv{"Mulyani"},   sv{"Ningsih"},  sv{"Marlina"},   sv{"Sari"},        sv{"Anggraini"},
};

constexpr std::array batak_m{
    sv{"Poltak"}, sv{"Jonni"},  sv{"Hotman"}, sv{"Parulian"}, sv{"Benny"},  sv{"Marihot"},
    sv{"Tigor"},  sv{"Robert"}, sv{"Sahat"},  sv{"Martua"},   sv{"Sahala"}, sv{"Togar"},
    sv{"Daniel"}, sv{"Markus"}, sv{"Samuel"}, sv{"Hasudungan"}, sv{"Ridwan"}, sv{"Irwansyah"},
};
constexpr std::array batak_f{
    sv{"Rosmaida"}, sv{"Lusiana"}, sv{"Tiurma"}, sv{"Romauli"}, sv{"Hotnida"}, sv{"Sondang"},
    sv{"Debora"},   sv{"Maria"},   sv{"Ruth"},   sv{"Elisabeth"}, sv{"Nurmala"}, sv{"Rotua"},
    sv{"Lenni"},    sv{"Fitri"},   sv{"Masniari"},
};
constexpr std::array batak_marga{
    sv{"Siregar"},  sv{"Simanjuntak"}, sv{"Hutapea"},  sv{"Nasution"},  sv{"Lubis"},  sv{"Harahap"},
    sv{"Sitompul"}, sv{"Pardede"},     sv{"Sinaga"},   sv{"Panjaitan"}, sv{"Silalahi"}, sv{"Manurung"},
    sv{"Hutagalung"}, sv{"Situmorang"}, sv{"Tambunan"}, sv{"Simatupang"}, sv{"Damanik"}, sv{"Purba"},
};

constexpr std::array chinese_m{
    sv{"Hendra"},  sv{"Yohanes"}, sv{"Handoko"}, sv{"Wilson"}, sv{"Sugianto"}, sv{"Andreas"},
    sv{"Kevin"},   sv{"Steven"},  sv{"Rudy"},    sv{"Yosef"},  sv{"Fransiskus"}, sv{"Sutanto"},
};
constexpr std::array chinese_f{
    sv{"Lenny"},  sv{"Susanti"}, sv{"Meiliana"}, sv{"Lili"},    sv{"Yuliana"}, sv{"Veronika"},
    sv{"Fransiska"}, sv{"Natalia"}, sv{"Cindy"}, sv{"Linda"},  sv{"Melinda"}, sv{"Mei Ling"},
};
constexpr std::array chinese_family{
    sv{"Halim"},    sv{"Wijaya"},  sv{"Gunawan"},  sv{"Tanjaya"}, sv{"Kusuma"},  sv{"Santoso"},
    sv{"Salim"},    sv{"Tjandra"}, sv{"Hartanto"}, sv{"Sugiharto"}, sv{"Tanoto"}, sv{"Lim"},
};

constexpr std::array<name_group, 4> groups{{
    {malay_m, malay_m2, malay_f, malay_f2, 52, 750},
    {java_m, java_m2, java_f, java_f2, 32, 700},
    {batak_m, batak_marga, batak_f, batak_marga, 10, 1000},
    {chinese_m, chinese_family, chinese_f, chinese_family, 6, 1000},
}};

template <std::size_t N>
sv pick(rng& r, const std::array<sv, N>& a) {
    return a[r.below(N)];
}
sv pick(rng& r, std::span<const sv> a) { return a[r.below(a.size())]; }

// Suffix titles. Several contain commas: "S.E., M.Si." is how they are written.
constexpr std::array office_titles{
    sv{", S.E."},  sv{", S.H."},  sv{", S.Sos."}, sv{", S.IP."},  sv{", S.Kom."}, sv{", S.T."},
    sv{", S.Ak."}, sv{", A.Md."}, sv{", S.E., M.Si."}, sv{", S.H., M.H."}, sv{", S.Sos., M.M."},
    sv{", S.P."},  sv{", S.STP."}, sv{", S.Pt."}, sv{", S.E., M.M."},
};
constexpr std::array teacher_titles{
    sv{", S.Pd."}, sv{", S.Pd."}, sv{", S.Pd."}, sv{", S.Pd.I."}, sv{", S.Pd.SD"},
    sv{", S.Pd., M.Pd."}, sv{", S.Si."}, sv{", S.Ag."}, sv{", A.Ma.Pd."},
};
constexpr std::array specialist_titles{
    sv{", Sp.PD"}, sv{", Sp.A"}, sv{", Sp.OG"}, sv{", Sp.B"}, sv{", M.Kes."}, sv{", Sp.An"},
};
constexpr std::array nurse_titles{sv{", S.Kep., Ns."}, sv{", A.Md.Kep."}, sv{", A.Md.Kep."}, sv{", S.Kep."}};
constexpr std::array midwife_titles{sv{", A.Md.Keb."}, sv{", A.Md.Keb."}, sv{", S.Tr.Keb."}, sv{", S.Keb., Bd."}};
constexpr std::array health_titles{
    sv{", S.KM."}, sv{", A.Md.AK."}, sv{", S.Farm."}, sv{", A.Md.Gz."}, sv{", S.KM., M.Kes."}, sv{", A.Md.Kes."},
};

const name_group& pick_group(rng& r) {
    const int weights[] = {groups[0].weight, groups[1].weight, groups[2].weight, groups[3].weight};
    return groups[r.weighted(weights)];
}

/// Given name, and usually a second or family name.
std::string bare_name(rng& r, const name_group& g, bool female) {
    const auto first = female ? g.female_first : g.male_first;
    const auto second = female ? g.female_second : g.male_second;
    const sv a = pick(r, first);
    std::string name(a);
    // An abbreviated first name ("M.") never stands alone.
    if (a.back() == '.' || r.chance(g.second_per_mille)) {
        sv b = pick(r, second);
        for (int tries = 0; b == a && tries < 4; ++tries) b = pick(r, second);
        if (b != a) {
            name += ' ';
            name += b;
        }
    }
    return name;
}

constexpr std::array trainer_admin_titles{sv{", S.E., M.Si."}, sv{", S.H., M.H."}, sv{", S.Sos., M.AP."},
                                          sv{", S.IP., M.Si."}, sv{", S.Kom., M.T.I."}, sv{", S.E., M.Ak."}};

}  // namespace

std::string trainer_name(rng& r, bool female, profession p) {
    const name_group& g = pick_group(r);
    const bool doctorate = r.chance(200);
    std::string name = doctorate ? "Dr. " : "";
    switch (p) {
    case profession::doctor:
        return (doctorate ? "Dr. dr. " : "dr. ") + bare_name(r, g, female) + ", M.Kes.";
    case profession::nurse:
        return name + bare_name(r, g, female) + ", S.Kep., Ns., M.Kep.";
    case profession::teacher:
        return name + bare_name(r, g, female) + (doctorate ? ", M.Pd." : ", S.Pd., M.Pd.");
    case profession::security:
        return name + bare_name(r, g, female) + ", S.H., M.H.";
    default:
        if (!doctorate && r.chance(250)) return (female ? "Dra. " : "Drs. ") + bare_name(r, g, female) + ", M.Si.";
        return name + bare_name(r, g, female) + std::string(pick(r, trainer_admin_titles));
    }
}

std::string person_name(rng& r, bool female, int age, profession p) {
    const name_group& g = pick_group(r);

    std::string name;
    std::string prefix;
    std::string suffix;

    // Pilgrims are addressed as Haji/Hajjah; mostly older, mostly Malay or Javanese.
    const bool muslim_group = &g == &groups[0] || &g == &groups[1];
    if (muslim_group && age >= 42 && r.chance(120)) prefix = female ? "Hj. " : "H. ";

    switch (p) {
    case profession::administrator:
        if (age >= 52 && r.chance(250)) {
            prefix += female ? "Dra. " : (r.chance(300) ? "Ir. " : "Drs. ");
        } else if (r.chance(650)) {
            suffix = pick(r, office_titles);
        }
        break;
    case profession::teacher:
        if (age >= 52 && r.chance(200)) {
            prefix += female ? "Dra. " : "Drs. ";
        } else if (r.chance(850)) {
            suffix = pick(r, teacher_titles);
        }
        break;
    case profession::doctor:
        prefix += "dr. ";
        if (age >= 35 && r.chance(350)) suffix = pick(r, specialist_titles);
        break;
    case profession::nurse:
        if (r.chance(850)) suffix = pick(r, nurse_titles);
        break;
    case profession::midwife:
        if (r.chance(900)) suffix = pick(r, midwife_titles);
        break;
    case profession::health_staff:
        if (r.chance(150)) {
            prefix += "apt. ";
            suffix = ", S.Farm.";
        } else if (r.chance(750)) {
            suffix = pick(r, health_titles);
        }
        break;
    case profession::security:
        if (r.chance(180)) suffix = r.chance(500) ? ", S.H." : ", A.Md.";
        break;
    }

    name.reserve(40);
    name += prefix;
    name += bare_name(r, g, female);
    name += suffix;
    return name;
}

}  // namespace jadwal::generate::detail
