# cp_add_gtest(NAME SOURCES <files> LIBS <targets> [POSTGRES]) builds one test executable and
# registers each of its tests with ctest. POSTGRES tests need the throwaway cluster fixture.
set(CP_PG_STATE_DIR "${CMAKE_BINARY_DIR}/pgtest")

function(cp_add_gtest name)
  cmake_parse_arguments(ARG "POSTGRES" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE CONNECTPOST_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  # Paths the tests need are compiled in (an ENVIRONMENT list does not survive
  # gtest_discover_tests' PROPERTIES); the environment may still override them.
  target_compile_definitions(${name} PRIVATE
    CONNECTPOST_TEST_BIN="$<TARGET_FILE:connectpost>"
    CONNECTPOST_TEST_PG_URL_FILE_DEFAULT="${CP_PG_STATE_DIR}/url")
  if(ARG_POSTGRES)
    gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST PROPERTIES FIXTURES_REQUIRED postgres)
  else()
    gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST)
  endif()
endfunction()
