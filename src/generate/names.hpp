// Invented Indonesian personal names with the academic titles civil servants
// carry in official documents ("dr. Maya Sari", "Ahmad Fauzi, S.E., M.Si.").
#pragma once

#include "random.hpp"

#include <string>

namespace jadwal::generate::detail {

/// Which titles fit a person's line of work.
enum class profession {
    administrator,  ///< office staff: S.E., S.H., S.Sos., M.Si., Drs. ...
    teacher,        ///< S.Pd., M.Pd.
    doctor,         ///< dr., sometimes a specialist or M.Kes.
    nurse,          ///< S.Kep., Ns. / A.Md.Kep.
    midwife,        ///< A.Md.Keb.
    health_staff,   ///< S.KM., apt., A.Md.AK.
    security,       ///< mostly without titles
};

/// A full name with titles, e.g. "Hj. Nurhayati, S.Pd." (may contain commas
/// and apostrophes).
[[nodiscard]] std::string person_name(rng& r, bool female, int age, profession p);

/// A senior trainer's name, with a master's degree or doctorate fitting the field.
[[nodiscard]] std::string trainer_name(rng& r, bool female, profession p);

}  // namespace jadwal::generate::detail
