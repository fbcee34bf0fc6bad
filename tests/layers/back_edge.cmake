# Plants back edges in a scratch tree laid out like the source tree and runs the
# layer check on it (cmake -DCHECK=<check_layers.cmake> -DWORK=<dir> -P back_edge.cmake):
# each must fail the check with its file, line and the layers involved; a
# downward include next to them must not be reported.
cmake_minimum_required(VERSION 3.20)
file(REMOVE_RECURSE "${WORK}")
file(WRITE "${WORK}/include/jadwal/calendar/work_calendar.hpp"
     "// a calendar header\n#pragma once\n\n#include <jadwal/model/scenario.hpp>\n#include <jadwal/solve/solver.hpp>\n")
file(WRITE "${WORK}/src/verify/check_people.cpp"
     "#include <jadwal/verify/verify.hpp>\n#include \"../solve/compiled_model.hpp\"\n")
# Downward, but into another layer's private header.
file(WRITE "${WORK}/src/compare/compare.cpp"
     "#include <jadwal/compare/compare.hpp>\n#include <jadwal/output/report.hpp>\n#include \"../output/report_html.hpp\"\n")
execute_process(COMMAND "${CMAKE_COMMAND}" -DROOT=${WORK} -P "${CHECK}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "the layer check passed a tree with back edges:\n${out}${err}")
endif()
foreach(expected
    "include/jadwal/calendar/work_calendar.hpp:5: layer 'calendar' may not use 'solve'"
    "src/verify/check_people.cpp:2: layer 'verify' may not use 'solve'"
    "src/compare/compare.cpp:3: layer 'compare' includes a private header of layer 'output'")
  string(FIND "${err}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the layer check did not report \"${expected}\":\n${err}")
  endif()
endforeach()
foreach(allowed "may not use 'model'" "may not use 'verify'" "may not use 'output'" "compare.cpp:1" "compare.cpp:2")
  string(FIND "${err}" "${allowed}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "the layer check reported an allowed include (${allowed}):\n${err}")
  endif()
endforeach()
message(STATUS "the planted back edges were refused")
