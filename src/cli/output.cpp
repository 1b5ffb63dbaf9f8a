#include "cli/output.h"

#include <algorithm>
#include <ostream>

namespace cp::cli {

size_t display_width(const std::string& text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    uint32_t code_point = byte;
    size_t length = 1;
    if (byte >= 0xF0) {
      length = 4;
      code_point = byte & 0x07;
    } else if (byte >= 0xE0) {
      length = 3;
      code_point = byte & 0x0F;
    } else if (byte >= 0xC0) {
      length = 2;
      code_point = byte & 0x1F;
    }
    for (size_t k = 1; k < length && i + k < text.size(); ++k) {
      code_point = (code_point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    // CJK ideographs, punctuation and full-width forms take two terminal cells.
    const bool wide = (code_point >= 0x1100 && code_point <= 0x115F) ||
                      (code_point >= 0x2E80 && code_point <= 0xA4CF) ||
                      (code_point >= 0xAC00 && code_point <= 0xD7A3) ||
                      (code_point >= 0xF900 && code_point <= 0xFAFF) ||
                      (code_point >= 0xFF00 && code_point <= 0xFF60) ||
                      (code_point >= 0xFFE0 && code_point <= 0xFFE6);
    width += wide ? 2 : 1;
    i += length;
  }
  return width;
}

void print_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows,
                 const std::vector<size_t>& right_aligned) {
  std::vector<size_t> widths(header.size(), 0);
  for (size_t c = 0; c < header.size(); ++c) widths[c] = display_width(header[c]);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      const size_t pad = widths[c] - display_width(row[c]);
      const bool right =
          std::find(right_aligned.begin(), right_aligned.end(), c) != right_aligned.end();
      const bool last = c + 1 == row.size();
      if (right) line.append(pad, ' ');
      line += row[c];
      if (!right && !last) line.append(pad, ' ');
      if (!last) line += "  ";
    }
    out << line << '\n';
  };
  print_row(header);
  for (const auto& row : rows) print_row(row);
}

void print_json(std::ostream& out, const Json& value) {
  out << value.dump(2) << '\n';
}

}  // namespace cp::cli
