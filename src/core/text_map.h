// Hash maps and sets keyed on text, for the millions of account ids of a busy day: Abseil's
// Swiss tables (open addressing, no node per entry), looked up by std::string_view without
// building a string. Debian's Abseil has its own string_view type, so its default string hash
// does not take the standard one: these functors do.
#pragma once

#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"

namespace cp {

struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return absl::Hash<std::string_view>{}(text); }
};

struct TextEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

// Iteration order is the hash's: sort what is shown or digested.
template <typename Value>
using TextMap = absl::flat_hash_map<std::string, Value, TextHash, TextEq>;
using TextSet = absl::flat_hash_set<std::string, TextHash, TextEq>;

}  // namespace cp
