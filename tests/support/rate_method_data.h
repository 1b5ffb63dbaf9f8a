// The shipped data/ with CSDC's margin on the rate method after 2022-06-13 as well
// (risk.margin_method rate: margin position × 22% × 1, SPEC CLR-9). The EOD golden cases of
// 2022–2024 (tests/golden/eod/*, what_if, the portal's re-instruction) were worked by hand with
// that formula before CSDC's margin followed HKSCC's risk parameters; they keep checking it, as
// an operator who sets the method would see it. tests/golden/eod/rpf checks the shipped method.
#pragma once

#include <map>
#include <string>

namespace cp::testing {

// A directory beside the test's own (made once per process, removed at its exit): every file
// of data/ linked, parameters.csv rewritten with the one row changed.
const std::string& rate_method_data_dir();

// The shipped data/ with `files` (name in data/ → the file to use instead) replaced: a new
// directory each call, removed at the process's exit.
std::string data_dir_with(const std::map<std::string, std::string>& files);

}  // namespace cp::testing
