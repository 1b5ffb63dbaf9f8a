// The reference data set loaded from the data directory: what is in force on any date, with
// sources. Calendars, fee schedules and the spread table join this set in their issues.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "refdata/eligibility_exclusions.h"
#include "refdata/fee_schedule.h"
#include "refdata/parameters.h"
#include "refdata/securities.h"
#include "refdata/spread_table.h"

namespace cp::refdata {

struct LoadedFile {
  std::string path;  // as shown to the user, relative to the data directory's parent
  size_t rows = 0;
};

struct RefData {
  ParameterTable parameters;
  SpreadTable spread_table;
  SecurityMaster securities;
  ExclusionTable exclusions;  // SPEC TRD-1: who is off a channel's list whatever the index
  FeeSchedule fees;
  std::vector<LoadedFile> files;
};

// Loads every reference-data file under `data_dir`; all-or-nothing.
Result<RefData> load_refdata(const std::filesystem::path& data_dir);

}  // namespace cp::refdata
