#include "core/assert.h"

#include <cstdio>
#include <cstdlib>

namespace cp::detail {

void assertion_failed(const char* expression, const char* message, const char* file, int line) {
  std::fprintf(stderr, "connectpost: invariant violated at %s:%d: %s (%s)\n", file, line, message,
               expression);
  std::fflush(stderr);
  std::abort();
}

}  // namespace cp::detail
