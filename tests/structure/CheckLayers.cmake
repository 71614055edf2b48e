# The layering rules of ARCHITECTURE.md, checked over the source tree (cmake -D SOURCE_DIR=… -P this file).
# Fails, naming each file and line, when
# - a file under ui/ includes a header of the API layer other than its plain value types (the data the
#   screens show and the errors they explain): widgets never send requests, the models' services do;
# - a source file is longer than MAX_LINES lines;
# - a class offers a process-wide instance (static … *instance()): workspace state lives in a
#   WorkspaceSession, handed to whoever needs it.
cmake_minimum_required(VERSION 3.21)
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "Pass -D SOURCE_DIR=<the source tree>")
endif()
if(NOT MAX_LINES)
    set(MAX_LINES 600)
endif()

# What ui/ may include from api/: value types only.
set(allowed_api_headers "api/dto.h" "api/error.h" "api/queuestate.h" "api/region.h")

set(problems "")
file(GLOB_RECURSE ui_files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/ui/*.cpp")
foreach(file IN LISTS ui_files)
    file(STRINGS "${SOURCE_DIR}/${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]api/")
    foreach(line IN LISTS includes)
        string(REGEX MATCH "api/[^\">]+" header "${line}")
        if(NOT header IN_LIST allowed_api_headers)
            list(APPEND problems "${file}: includes ${header} (the API layer: ask the session's services)")
        endif()
    endforeach()
endforeach()

file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}"
    "${SOURCE_DIR}/api/*.cpp" "${SOURCE_DIR}/api/*.h"
    "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h"
    "${SOURCE_DIR}/liquid/*.cpp" "${SOURCE_DIR}/liquid/*.h"
    "${SOURCE_DIR}/models/*.cpp" "${SOURCE_DIR}/models/*.h"
    "${SOURCE_DIR}/qa/*.cpp" "${SOURCE_DIR}/qa/*.h"
    "${SOURCE_DIR}/sandbox/*.cpp" "${SOURCE_DIR}/sandbox/*.h"
    "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/ui/*.h")
foreach(file IN LISTS sources)
    file(STRINGS "${SOURCE_DIR}/${file}" singletons REGEX "static[ \t]+[A-Za-z_:<>]+[ \t]*\\*[ \t]*instance[ \t]*\\(\\)")
    if(singletons)
        list(APPEND problems "${file}: a process-wide instance() (pass the session or the object instead)")
    endif()
    file(STRINGS "${SOURCE_DIR}/${file}" lines)
    list(LENGTH lines count)
    if(count GREATER MAX_LINES)
        list(APPEND problems "${file}: ${count} lines (more than ${MAX_LINES}, split it by what it does)")
    endif()
endforeach()

list(LENGTH ui_files ui_count)
list(LENGTH sources source_count)
if(problems)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "Layering check failed:\n  ${text}")
endif()
message(STATUS "Layering check: ${ui_count} files under ui/ include no API header but value types; "
               "${source_count} source files, none over ${MAX_LINES} lines, no singleton.")
