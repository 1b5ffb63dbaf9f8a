// Shared helpers of the libFuzzer targets in fuzz/ (fuzz/CMakeLists.txt).
//
// CP_FUZZ_CHECK(condition, message): an invariant the target asserts. A violation prints where
// and aborts, which libFuzzer reports as a crash and saves the input.
//
// CP_FUZZ_CHECK_SUSPECT(condition, message): an invariant we expect the code to break today
// (a suspected bug, named in the target where it is used). It is checked like CP_FUZZ_CHECK
// unless CP_FUZZ_LENIENT is defined, so that one known finding does not stop a campaign from
// finding the next one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/csv.h"

#ifndef CONNECTPOST_SOURCE_DIR
#error "CONNECTPOST_SOURCE_DIR must be defined (fuzz/CMakeLists.txt defines it)"
#endif

namespace cp::fuzz {

[[noreturn]] inline void check_failed(const char* expression, const char* message, const char* file,
                                      int line) {
  std::fprintf(stderr, "fuzz invariant violated at %s:%d: %s (%s)\n", file, line, message,
               expression);
  std::fflush(stderr);
  std::abort();
}

// A problem with the target's own setup (a missing data directory): not a finding.
[[noreturn]] inline void setup_failed(const std::string& what) {
  std::fprintf(stderr, "fuzz target setup failed: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The value of environment variable `name`, or `fallback` when it is unset or empty.
inline std::string env_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

// The reference-data directory: CONNECTPOST_DATA_DIR, else the repository's data/.
inline std::string data_dir() {
  return env_or("CONNECTPOST_DATA_DIR", std::string(CONNECTPOST_SOURCE_DIR) + "/data");
}

// The records of `text` read as CSV named `name`, counted with a reader of their own; -1 when
// the file does not read.
inline int64_t count_csv_records(const std::string& name, const std::string& text) {
  auto opened = CsvReader::from_string(name, text);
  if (!opened.ok()) return -1;
  CsvReader reader = std::move(opened).value();
  CsvRecord record;
  int64_t count = 0;
  while (true) {
    auto more = reader.next(record);
    if (!more.ok()) return -1;
    if (!*more) return count;
    ++count;
  }
}

// An input whose first byte picks one of `names` (modulo their number) and whose rest is that
// file's CSV text: the file's index, name, records (count_csv_records) and reader.
struct SelectedCsv {
  size_t kind = 0;
  std::string name;
  int64_t records = -1;
  CsvReader reader;

  void check_named(const Error& error) const;
};

// The selected file, or none when the input is empty or its text does not open as CSV (the
// refusal checked to name the file).
std::optional<SelectedCsv> select_csv(const uint8_t* data, size_t size,
                                      std::span<const char* const> names);

}  // namespace cp::fuzz

#define CP_FUZZ_CHECK(condition, message)                                  \
  do {                                                                     \
    if (!(condition)) [[unlikely]]                                         \
      ::cp::fuzz::check_failed(#condition, (message), __FILE__, __LINE__); \
  } while (false)

#ifdef CP_FUZZ_LENIENT
#define CP_FUZZ_CHECK_SUSPECT(condition, message) \
  do {                                            \
    (void)sizeof(!(condition));                   \
    (void)sizeof(message);                        \
  } while (false)
#else
#define CP_FUZZ_CHECK_SUSPECT(condition, message) CP_FUZZ_CHECK(condition, message)
#endif

inline std::optional<cp::fuzz::SelectedCsv> cp::fuzz::select_csv(
    const uint8_t* data, size_t size, std::span<const char* const> names) {
  if (size == 0) return std::nullopt;
  const size_t kind = data[0] % names.size();
  const std::string name = names[kind];
  const std::string text(as_text(data + 1, size - 1));
  auto opened = CsvReader::from_string(name, text);
  if (!opened.ok()) {
    CP_FUZZ_CHECK(opened.error().file == name, "a refusal names the file");
    return std::nullopt;
  }
  return SelectedCsv{kind, name, count_csv_records(name, text), std::move(opened).value()};
}

inline void cp::fuzz::SelectedCsv::check_named(const Error& error) const {
  CP_FUZZ_CHECK(error.file == name, "a refusal names the file");
}
