# The layering rules of ARCHITECTURE.md, checked over the source tree (cmake -D SOURCE_DIR=… -P this file).
# Fails, naming each file and line, when
# - a file under ui/ includes a header of the API layer other than its plain value types (the data the
#   screens show and the errors they explain): widgets never send requests, the models' services do;
# - a source file is longer than MAX_LINES lines;
# - a class offers a process-wide instance (static … *instance()): workspace state lives in a
#   WorkspaceSession, handed to whoever needs it;
# - a source file under ui/, models/, app/ or liquid/ other than models/common/theme.cpp names a colour: a hex
#   colour in a string ("#b3261e", "#fff"), a QColor or qRgb made of literals, or a Qt::GlobalColor such as
#   Qt::white. Colours come from the palette or from the theme (models/common/theme.h), which has a light and
#   a dark value for each.
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
    "${SOURCE_DIR}/liquid/*.cpp" "${SOURCE_DIR}/liquid/*.h" "${SOURCE_DIR}/liquid/*.js"
    "${SOURCE_DIR}/models/*.cpp" "${SOURCE_DIR}/models/*.h"
    "${SOURCE_DIR}/qa/*.cpp" "${SOURCE_DIR}/qa/*.h"
    "${SOURCE_DIR}/sandbox/*.cpp" "${SOURCE_DIR}/sandbox/*.h"
    "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/ui/*.h")
foreach(file IN LISTS sources)
    file(STRINGS "${SOURCE_DIR}/${file}" singletons REGEX "static[ \t]+[A-Za-z_:<>]+[ \t]*\\*[ \t]*instance[ \t]*\\(\\)")
    if(singletons)
        list(APPEND problems "${file}: a process-wide instance() (pass the session or the object instead)")
    endif()
    file(STRINGS "${SOURCE_DIR}/${file}" lines ENCODING UTF-8) # else a non-ASCII character splits a line
    list(LENGTH lines count)
    if(count GREATER MAX_LINES)
        list(APPEND problems "${file}: ${count} lines (more than ${MAX_LINES}, split it by what it does)")
    endif()
endforeach()

# A hex colour inside a string: a quote before it on the line, then # and exactly 3 or 6 hex digits (not
# #include, #pragma, or an object name like "#messageWidget").
set(hex "[0-9a-fA-F]")
set(hex_colour "\"[^\"]*#${hex}${hex}${hex}(${hex}${hex}${hex})?([^0-9a-fA-F]|$)")
# QColor(0x…, …), QColor("…"), QColor(Qt::…), QColor name(1, 2, 3), QColor::fromRgb(…), qRgb(…) of literals.
set(literal_args "[ \t]*(0x|[0-9.]|\"|u\"|Qt::|QStringLiteral|QLatin1String)")
set(colour_constructor "(QColor(::fromRgbF?|::fromHsvF?|::fromHslF?)?|QColor[ \t]+[A-Za-z_][A-Za-z0-9_]*|qRgba?)[ \t]*[({]${literal_args}")
set(global_colour "Qt::(white|black|red|darkRed|green|darkGreen|blue|darkBlue|cyan|darkCyan|magenta|darkMagenta|yellow|darkYellow|gray|darkGray|lightGray|color0|color1)([^A-Za-z0-9_]|$)")
set(colour_pattern "${hex_colour}|${colour_constructor}|${global_colour}")
set(theme_file "models/common/theme.cpp")
set(colour_file_count 0)
foreach(file IN LISTS sources)
    if(NOT file MATCHES "^(ui|models|app|liquid)/" OR file STREQUAL theme_file)
        continue()
    endif()
    math(EXPR colour_file_count "${colour_file_count} + 1")
    # Cheap first: only a file with a hit is read line by line, for the line numbers.
    file(STRINGS "${SOURCE_DIR}/${file}" hits REGEX "${colour_pattern}")
    if(NOT hits)
        continue()
    endif()
    file(STRINGS "${SOURCE_DIR}/${file}" lines ENCODING UTF-8) # else a non-ASCII character splits a line
    set(number 0)
    foreach(line IN LISTS lines)
        math(EXPR number "${number} + 1")
        # What to name in the message (no semicolon: the problems are a CMake list).
        if(line MATCHES "${hex_colour}")
            string(REGEX MATCH "#${hex}${hex}${hex}(${hex}${hex}${hex})?([^0-9a-fA-F]|$)" what "${CMAKE_MATCH_0}")
            string(REGEX REPLACE "[^0-9a-fA-F]$" "" what "${what}")
        elseif(line MATCHES "${colour_constructor}")
            set(what "${CMAKE_MATCH_0}…")
        elseif(line MATCHES "${global_colour}")
            string(REGEX REPLACE "[^A-Za-z0-9_]$" "" what "${CMAKE_MATCH_0}")
        else()
            continue()
        endif()
        list(APPEND problems
            "${file}:${number}: names a colour, ${what} (take it from the palette or models/common/theme.h)")
    endforeach()
endforeach()

list(LENGTH ui_files ui_count)
list(LENGTH sources source_count)
if(problems)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "Layering check failed:\n  ${text}")
endif()
message(STATUS "Layering check: ${ui_count} files under ui/ include no API header but value types; "
               "${source_count} source files, none over ${MAX_LINES} lines, no singleton; "
               "${colour_file_count} files under ui/, models/, app/, liquid/ name no colour but the theme.")
