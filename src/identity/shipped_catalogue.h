// For tests: the role catalogue shipped in data/identity, loaded once.
#pragma once

#include <filesystem>

#include "identity/roles.h"

namespace cp::identity {

inline const RoleCatalogue& shipped_catalogue() {
  static const RoleCatalogue catalogue =
      *RoleCatalogue::load(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data" / "identity");
  return catalogue;
}

}  // namespace cp::identity
