// SplitMix64 (Steele, Lea and Flood 2014, as java.util.SplittableRandom): a tiny, fully specified
// generator, so the same seed gives the same numbers on every compiler and library
// (std::uniform_int_distribution is implementation-defined). Not a cryptographic source: where
// the draw must not be guessed (the knowledge test), the shell seeds it from one.
#pragma once

#include <cstdint>

namespace cp {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, bound), by rejection so that no value is favoured. REQUIRES: bound ≥ 1.
  uint64_t uniform_below(uint64_t bound) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    for (;;) {
      const uint64_t x = next();
      if (x < limit) return x % bound;
    }
  }

 private:
  uint64_t state_;
};

}  // namespace cp
