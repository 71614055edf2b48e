# cio_add_test(NAME SOURCES... [LIBS ...] [WIDGETS] [WEBENGINE] [LABELS ...] [TIMEOUT s])
#
# Builds one Qt Test executable and registers it with CTest. Every test runs on the
# offscreen platform with its own temporary HOME/XDG folders so no test sees the
# developer's settings, keychain or app data. Tests locate the shared API contract
# and the sandbox binary through environment variables set here.
function(cio_add_test name)
    cmake_parse_arguments(ARG "WIDGETS;WEBENGINE" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
    set_target_properties(${name} PROPERTIES WIN32_EXECUTABLE OFF MACOSX_BUNDLE OFF)
    target_link_libraries(${name} PRIVATE cio_build_options Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        CIO_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        CIO_BINARY_DIR="${PROJECT_BINARY_DIR}")
    add_test(NAME ${name} COMMAND ${name})
    # Each test has a HOME of its own; tests that inspect it empty it first (cio::test::freshHome()).
    file(MAKE_DIRECTORY "${PROJECT_BINARY_DIR}/test-home/${name}")
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set(env
        "QT_QPA_PLATFORM=offscreen"
        "CIO_TEST_TMP=${PROJECT_BINARY_DIR}/test-home/${name}"
        "HOME=${PROJECT_BINARY_DIR}/test-home/${name}"
        "XDG_CONFIG_HOME=${PROJECT_BINARY_DIR}/test-home/${name}/.config"
        "XDG_DATA_HOME=${PROJECT_BINARY_DIR}/test-home/${name}/.local/share"
        "XDG_CACHE_HOME=${PROJECT_BINARY_DIR}/test-home/${name}/.cache"
        "CIO_SANDBOX_BIN=$<TARGET_FILE:cio-sandbox>"
        "CIO_CLI_BIN=$<TARGET_FILE:cio-studio-cli>"
        "CIO_STUDIO_BIN=$<TARGET_FILE:cio-studio>"
        "CIO_API_SPEC=${CIO_API_SPEC}"
        "CIO_PRISM=${CIO_PRISM}"
        "QT_LOGGING_RULES=cio.*.debug=false")
    if(ARG_WEBENGINE)
        list(APPEND env "QTWEBENGINE_DISABLE_SANDBOX=1" "QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu")
    endif()
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "${env}"
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}")
endfunction()
