#include "refdata/refdata.h"

namespace cp::refdata {

Result<RefData> load_refdata(const std::filesystem::path& data_dir) {
  if (!std::filesystem::is_directory(data_dir)) {
    Error error = invalid_input("reference-data directory does not exist");
    error.file = data_dir.string();
    return error;
  }
  RefData data;
  const auto parameters_path = data_dir / "parameters.csv";
  const std::string shown = (data_dir.filename() / "parameters.csv").string();
  CP_ASSIGN_OR_RETURN(data.parameters, ParameterTable::load(parameters_path, shown));
  data.files.push_back({shown, data.parameters.table().size()});
  const std::string dir_name = data_dir.filename().string();
  CP_ASSIGN_OR_RETURN(data.spread_table, SpreadTable::load(data_dir / "spread_table.csv",
                                                           dir_name + "/spread_table.csv"));
  size_t bands = 0;
  for (const auto& version : data.spread_table.versions()) bands += version.bands.size();
  data.files.push_back({dir_name + "/spread_table.csv", bands});
  CP_ASSIGN_OR_RETURN(data.securities, SecurityMaster::load(data_dir / "securities.csv",
                                                            dir_name + "/securities.csv"));
  data.files.push_back({dir_name + "/securities.csv", data.securities.table().size()});
  CP_ASSIGN_OR_RETURN(data.exclusions,
                      ExclusionTable::load(data_dir / "eligibility_exclusions.csv",
                                           dir_name + "/eligibility_exclusions.csv"));
  data.files.push_back({dir_name + "/eligibility_exclusions.csv", data.exclusions.table().size()});
  CP_ASSIGN_OR_RETURN(data.fees, FeeSchedule::load(data_dir / "fees.csv", dir_name + "/fees.csv"));
  data.files.push_back({dir_name + "/fees.csv", data.fees.table().size()});
  return data;
}

}  // namespace cp::refdata
