# Reads the calendar files the re-planning story wrote to DIR/after and checks,
# without the library, what a calendar user would see:
#  - the closed venue's calendar has no confirmed event starting during the
#    closure (DIR/closure.txt names the venue and the dates);
#  - the cohort calendars have at least one confirmed event with SEQUENCE >= 1
#    (a moved session);
#  - the events of the closed venue that the first plan had in the closure
#    are gone or cancelled (STATUS:CANCELLED) in the new venue calendar.
#   cmake -DDIR=... -P check_calendars.cmake
if(NOT DEFINED DIR)
  message(FATAL_ERROR "usage: cmake -DDIR=<story output> -P check_calendars.cmake")
endif()

file(STRINGS ${DIR}/closure.txt closure)
foreach(kv ${closure})
  string(REGEX MATCH "^([a-z]+)=(.*)$" _ "${kv}")
  set(closure_${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
endforeach()
if(NOT closure_venue OR NOT closure_from MATCHES "^[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$" OR NOT closure_to MATCHES "^[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$")
  message(FATAL_ERROR "${DIR}/closure.txt does not name a venue and two dates")
endif()

# The VEVENTs of one .ics file as a list, each with its lines joined by '|'.
# (';' separates list items in CMake, so it is replaced first.)
function(read_events file out)
  file(READ ${file} text)
  string(REPLACE "\r" "" text "${text}")   # lines end in CRLF (file(READ) may drop the CR already)
  string(REPLACE "\n " "" text "${text}")   # unfold RFC 5545 continuation lines
  string(REPLACE "\n" "|" text "${text}")
  string(REPLACE ";" "," text "${text}")
  string(REPLACE "END:VEVENT" "END:VEVENT;" text "${text}")
  set(events "")
  foreach(part ${text})
    string(FIND "${part}" "BEGIN:VEVENT" at)
    if(at GREATER_EQUAL 0)
      string(SUBSTRING "${part}" ${at} -1 ev)
      list(APPEND events "${ev}")
    endif()
  endforeach()
  set(${out} "${events}" PARENT_SCOPE)
endfunction()

# The local start date (YYYYMMDD) of an event.
function(start_day ev out)
  string(REGEX MATCH "\\|DTSTART[^:|]*:([0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9])" _ "${ev}")
  set(${out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
endfunction()

set(venue_file ${DIR}/after/calendars/venues/${closure_venue}.ics)
if(NOT EXISTS ${venue_file})
  message(FATAL_ERROR "no calendar for the closed venue: ${venue_file}")
endif()
read_events(${venue_file} venue_events)
set(cancelled_in_closure 0)
foreach(ev ${venue_events})
  start_day("${ev}" day)
  if(day STRGREATER_EQUAL closure_from AND day STRLESS_EQUAL closure_to)
    if(ev MATCHES "\\|STATUS:CONFIRMED\\|")
      message(FATAL_ERROR "${venue_file}: a confirmed event during the closure: ${ev}")
    endif()
    math(EXPR cancelled_in_closure "${cancelled_in_closure} + 1")
  endif()
endforeach()

# What the first plan had in the hall during the closure.
read_events(${DIR}/before/calendars/venues/${closure_venue}.ics before_events)
set(before_in_closure 0)
foreach(ev ${before_events})
  start_day("${ev}" day)
  if(day STRGREATER_EQUAL closure_from AND day STRLESS_EQUAL closure_to)
    math(EXPR before_in_closure "${before_in_closure} + 1")
  endif()
endforeach()
if(before_in_closure EQUAL 0)
  message(FATAL_ERROR "the first plan had nothing in ${closure_venue} during the closure: no story to tell")
endif()

file(GLOB cohort_files ${DIR}/after/calendars/cohorts/*.ics)
set(moved 0)
foreach(f ${cohort_files})
  if(f MATCHES "\\.cancel\\.ics$")
    continue()
  endif()
  read_events(${f} events)
  foreach(ev ${events})
    if(ev MATCHES "\\|SEQUENCE:[1-9][0-9]*\\|" AND ev MATCHES "\\|STATUS:CONFIRMED\\|")
      math(EXPR moved "${moved} + 1")
    endif()
  endforeach()
endforeach()
if(moved EQUAL 0)
  message(FATAL_ERROR "no cohort calendar has a confirmed event with SEQUENCE >= 1")
endif()
message(STATUS "${closure_venue}: ${before_in_closure} events in ${closure_from}-${closure_to} before, "
               "none confirmed after (${cancelled_in_closure} kept as cancelled copies); "
               "${moved} moved sessions with SEQUENCE >= 1 in the cohort calendars")
