// The shipped reference data for the fuzz targets that check against it (fuzz/CMakeLists.txt:
// those linking cp_refdata).
#pragma once

#include <utility>

#include "fuzz_check.h"
#include "refdata/refdata.h"

namespace cp::fuzz {

// data/'s reference data (CONNECTPOST_DATA_DIR overrides), loaded once as the commands load it;
// a directory that does not load is the target's setup failing, not a finding.
inline const refdata::RefData& shipped_refdata() {
  static const refdata::RefData* data = [] {
    auto loaded = refdata::load_refdata(data_dir());
    if (!loaded.ok()) setup_failed("reference data: " + loaded.error().to_string());
    return new refdata::RefData(std::move(loaded).value());
  }();
  return *data;
}

}  // namespace cp::fuzz
