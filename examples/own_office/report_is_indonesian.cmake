# The report of the own-office walkthrough says lang="id" and speaks Indonesian.
file(READ "${REPORT}" html)
foreach(want "lang=\"id\"" "Rencana pelatihan")
  string(FIND "${html}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${REPORT} lacks ${want}")
  endif()
endforeach()
