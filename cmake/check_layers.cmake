# The library's layers, lowest first, and what each may use. A layer is a
# folder of the same name under include/jadwal/ and src/; an #include of
# <jadwal/X/...> or "../X/..." from a layer that may not use X is a back edge,
# and configuring fails on it with the file and line. A layer uses the layers
# below it through their public headers only: "../X/..." from another layer
# (a private header, which X's target does not export) fails the same way. The
# same order is in the targets' links (CMakeLists.txt), so a back edge that
# slipped past this check would also miss its link.
#
#   time     civil time values, intervals and interval sets, recurrence and holiday values
#   text     languages, the message catalogue (po/*/*.po) and Indonesian and English formats
#   model    the scenario and policy vocabulary, typed ids, plan types, policy lookup, errors
#   calendar time zones and the calendar engine (work patterns, rotations, leave, duties)
#   load     reading and validating scenarios        generate  realistic scenarios
#   solve    the solver and its explanations         verify    the independent checker
#   io       solution and explanation JSON           output    files people read
#   compare  policies side by side                   adapt     Boost.Date_Time at the edge
#   share    an agency's allowance of resources shared with other agencies (the national planner)
#
# The solver and the checker sit side by side: neither may include the other.
#
# In a configure: include() this file and call jadwal_check_layers(<root>).
# As a script: cmake -DROOT=<root> -P check_layers.cmake (exit status 1 on a back edge).

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  cmake_minimum_required(VERSION 3.20)
endif()

set(JADWAL_LAYERS time text model calendar load generate solve verify io output compare adapt share)
set(JADWAL_LAYER_USES_time time)
set(JADWAL_LAYER_USES_text time text)
set(JADWAL_LAYER_USES_model time text model)
set(JADWAL_LAYER_USES_calendar time text model calendar)
set(JADWAL_LAYER_USES_load time text model calendar load)
set(JADWAL_LAYER_USES_generate time text model calendar io generate)
set(JADWAL_LAYER_USES_solve time text model calendar load solve)
set(JADWAL_LAYER_USES_verify time text model calendar verify)
set(JADWAL_LAYER_USES_io time text model calendar load solve verify io)
set(JADWAL_LAYER_USES_output time text model calendar load solve verify io output)
set(JADWAL_LAYER_USES_compare time text model calendar load solve verify io output compare)
set(JADWAL_LAYER_USES_adapt time text model calendar adapt)
set(JADWAL_LAYER_USES_share time text model share)

# Sets `out_var` to the back edges under `root`, one "file:line: message" per
# line (empty when there is none).
function(jadwal_layer_back_edges root out_var)
  set(found "")
  set(include_re "^[ \t]*#[ \t]*include[ \t]*[<\"](jadwal/|\\.\\./)([a-z_]+)/")
  foreach(layer IN LISTS JADWAL_LAYERS)
    file(GLOB_RECURSE files LIST_DIRECTORIES false
         "${root}/include/jadwal/${layer}/*.hpp" "${root}/src/${layer}/*.cpp" "${root}/src/${layer}/*.hpp")
    list(SORT files)
    foreach(f IN LISTS files)
      file(STRINGS "${f}" includes REGEX "${include_re}")
      foreach(line IN LISTS includes)
        string(REGEX MATCH "${include_re}" m "${line}")
        set(form "${CMAKE_MATCH_1}")
        set(used "${CMAKE_MATCH_2}")
        if(NOT used IN_LIST JADWAL_LAYERS OR used STREQUAL layer)
          continue()
        endif()
        # A layer below is used through its public headers only: "../X/..." is
        # another layer's private header, which the build does not declare.
        set(private_use FALSE)
        if(used IN_LIST JADWAL_LAYER_USES_${layer})
          if(NOT form STREQUAL "../")
            continue()
          endif()
          set(private_use TRUE)
        endif()
        # Only now read the whole file, for the line number.
        file(STRINGS "${f}" all_lines)
        list(FIND all_lines "${line}" index)
        math(EXPR line_no "${index} + 1")
        file(RELATIVE_PATH rel "${root}" "${f}")
        string(STRIP "${line}" shown)
        string(REPLACE ";" ", " uses "${JADWAL_LAYER_USES_${layer}}")
        if(private_use)
          string(APPEND found "${rel}:${line_no}: layer '${layer}' includes a private header of layer '${used}' "
                              "(${shown}); another layer is used through <jadwal/${used}/...> only\n")
        else()
          string(APPEND found "${rel}:${line_no}: layer '${layer}' may not use '${used}' (${shown}); "
                              "${layer} may use: ${uses}\n")
        endif()
      endforeach()
    endforeach()
  endforeach()
  set(${out_var} "${found}" PARENT_SCOPE)
endfunction()

function(jadwal_check_layers root)
  jadwal_layer_back_edges("${root}" edges)
  if(edges)
    # NOTICE prints the lines as they are (FATAL_ERROR would re-wrap them).
    message(NOTICE "${edges}")
    message(FATAL_ERROR "jadwal: the includes above go against the layer order (cmake/check_layers.cmake)")
  endif()
endfunction()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  if(NOT ROOT)
    message(FATAL_ERROR "usage: cmake -DROOT=<source tree> -P check_layers.cmake")
  endif()
  jadwal_check_layers("${ROOT}")
  message(STATUS "jadwal: no back edge between layers under ${ROOT}")
endif()
