# cmake -D OUTPUT=file -D "INPUTS=a|b|c" -P ConcatFiles.cmake: writes the inputs one after the other.
# A stylesheet (.css) goes in as a JavaScript string, cioStylesheets["<file name>"], for tags that
# print CSS ({% include_foundation_css %}).
string(REPLACE "|" ";" INPUTS "${INPUTS}")
file(WRITE "${OUTPUT}.tmp" "")
foreach(input IN LISTS INPUTS)
    file(READ "${input}" content)
    if(input MATCHES "\\.css$")
        get_filename_component(name "${input}" NAME)
        string(REPLACE "\\" "\\\\" content "${content}")
        string(REPLACE "\"" "\\\"" content "${content}")
        string(REPLACE "\r" "" content "${content}")
        string(REPLACE "\n" "\\n" content "${content}")
        file(APPEND "${OUTPUT}.tmp"
             "(function (root) { root.cioStylesheets = root.cioStylesheets || {}; "
             "root.cioStylesheets[\"${name}\"] = \"${content}\"; })"
             "(typeof window !== 'undefined' ? window : globalThis);\n")
    else()
        file(APPEND "${OUTPUT}.tmp" "${content}\n;\n")
    endif()
endforeach()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
