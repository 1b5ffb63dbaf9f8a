# cp_add_gtest(NAME SOURCES <files> LIBS <targets> [POSTGRES]) builds one test executable and
# registers each of its tests with ctest. POSTGRES tests need the throwaway cluster fixture.
set(CP_PG_STATE_DIR "${CMAKE_BINARY_DIR}/pgtest")

# The connectpost that process-level tests run. `make test` points it at the release build: a
# sanitized process takes ~1 s to start where a release one takes 0.08 s, and the CLI and server
# tests start thousands. The code is still run under the sanitizers in process (unit, store,
# server and matrix tests), and the hostile-input and serve tests run this build's sanitized
# binary (CONNECTPOST_SANITIZED_BIN).
set(CONNECTPOST_PROCESS_BIN "" CACHE FILEPATH
    "The connectpost process-level tests run (empty: this build's own)")
if(CONNECTPOST_PROCESS_BIN)
  set(CP_PROCESS_BIN "${CONNECTPOST_PROCESS_BIN}")
else()
  set(CP_PROCESS_BIN "$<TARGET_FILE:connectpost>")
endif()

function(cp_add_gtest name)
  cmake_parse_arguments(ARG "POSTGRES" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE CONNECTPOST_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  # Paths the tests need are compiled in (an ENVIRONMENT list does not survive
  # gtest_discover_tests' PROPERTIES); the environment may still override them.
  target_compile_definitions(${name} PRIVATE
    CONNECTPOST_TEST_BIN="${CP_PROCESS_BIN}"
    CONNECTPOST_SANITIZED_BIN="$<TARGET_FILE:connectpost>"
    CONNECTPOST_TEST_PG_URL_FILE_DEFAULT="${CP_PG_STATE_DIR}/url")
  if(ARG_POSTGRES)
    gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST PROPERTIES FIXTURES_REQUIRED postgres)
  else()
    gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST)
  endif()
endfunction()
