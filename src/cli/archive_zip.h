// Zip files for the investor archive's export (libzip): written whole to a temporary file and
// renamed into place, so a reader never sees half an export; read back with bounds, since an
// export handed back for verification may be anything.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"

namespace cp::cli {

struct ZipEntry {
  std::string name;  // the path inside the zip, UTF-8
  std::string bytes;
};

// Writes `entries` (names unique) to `path`, replacing it.
Result<void> write_zip(const std::string& path, const std::vector<ZipEntry>& entries);

// Every entry of the zip at `path` by name. Refuses (kInvalidInput, naming the file) what is not
// a zip, more than 100,000 entries, an entry above 16 MB or 512 MB in all, and a name twice.
Result<std::map<std::string, std::string>> read_zip(const std::string& path);

}  // namespace cp::cli
