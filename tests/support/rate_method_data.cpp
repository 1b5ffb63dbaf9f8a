#include "support/rate_method_data.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace cp::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kShippedRow = "risk.margin_method,hkscc_rpf,text,2022-06-13,,";
constexpr const char* kRateRow =
    "risk.margin_method,rate,text,2022-06-13,,\"tests/support/rate_method_data.h\",\"the EOD "
    "goldens worked with the rate formula\"";

struct RateMethodData {
  fs::path dir;
  std::string text;
  RateMethodData() {
    const fs::path shipped = fs::path(CONNECTPOST_SOURCE_DIR) / "data";
    dir = fs::temp_directory_path() / ("cp_rate_data_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(shipped)) {
      if (entry.path().filename() == "parameters.csv") continue;
      fs::create_symlink(entry.path(), dir / entry.path().filename());
    }
    std::ifstream in(shipped / "parameters.csv");
    std::ostringstream out;
    std::string line;
    bool replaced = false;
    while (std::getline(in, line)) {
      if (line.rfind(kShippedRow, 0) == 0) {
        line = kRateRow;
        replaced = true;
      }
      out << line << '\n';
    }
    if (!replaced) throw std::runtime_error("data/parameters.csv has no hkscc_rpf row to change");
    std::ofstream(dir / "parameters.csv") << out.str();
    text = dir.string();
  }
  ~RateMethodData() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

// Directories made by data_dir_with, removed at exit.
struct MadeDirs {
  std::vector<fs::path> dirs;
  ~MadeDirs() {
    for (const auto& dir : dirs) {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  }
};

}  // namespace

std::string data_dir_with(const std::map<std::string, std::string>& files) {
  static MadeDirs made;
  const fs::path shipped = fs::path(CONNECTPOST_SOURCE_DIR) / "data";
  const fs::path dir = fs::temp_directory_path() / ("cp_data_" + std::to_string(::getpid()) + "_" +
                                                    std::to_string(made.dirs.size()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  made.dirs.push_back(dir);
  for (const auto& entry : fs::directory_iterator(shipped)) {
    const auto replaced = files.find(entry.path().filename().string());
    fs::create_symlink(replaced == files.end() ? entry.path() : fs::absolute(replaced->second),
                       dir / entry.path().filename());
  }
  return dir.string();
}

const std::string& rate_method_data_dir() {
  static const RateMethodData data;
  return data.text;
}

}  // namespace cp::testing
