# cmake -D OUTPUT=file -D "INPUTS=a|b|c" -P ConcatFiles.cmake: writes the inputs one after the other.
string(REPLACE "|" ";" INPUTS "${INPUTS}")
file(WRITE "${OUTPUT}.tmp" "")
foreach(input IN LISTS INPUTS)
    file(READ "${input}" content)
    file(APPEND "${OUTPUT}.tmp" "${content}\n;\n")
endforeach()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
