// Assertions for programmer errors and money invariants. They stay on in release builds
// (STYLE.md: assert the money invariants in release too): a broken invariant stops the process
// before a wrong number reaches a ledger, a statement or a database commit.
#pragma once

namespace cp::detail {
[[noreturn]] void assertion_failed(const char* expression, const char* message, const char* file,
                                   int line);
}  // namespace cp::detail

#define CP_ASSERT(condition, message)                                            \
  do {                                                                           \
    if (!(condition)) [[unlikely]]                                               \
      ::cp::detail::assertion_failed(#condition, (message), __FILE__, __LINE__); \
  } while (false)
