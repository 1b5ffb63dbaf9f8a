// Printing for the command line: aligned text tables for people, JSON for scripts (--json).
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cp::cli {

using Json = nlohmann::ordered_json;

// Prints rows under a header, columns padded to their widest cell (East Asian wide characters
// count two). Cells in `right_aligned` columns (by index) are aligned right: numbers.
void print_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows,
                 const std::vector<size_t>& right_aligned = {});

// Pretty JSON with two-space indent and a final newline.
void print_json(std::ostream& out, const Json& value);

// Display width of UTF-8 text in a terminal.
size_t display_width(const std::string& text);

}  // namespace cp::cli
