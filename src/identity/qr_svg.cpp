#include "identity/qr_svg.h"

#include <qrencode.h>

#include <memory>

namespace cp::identity {

Result<std::string> qr_svg(const std::string& text) {
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!code) return invalid_input("text too long for a QR code", "text");
  const int size = code->width;
  constexpr int kQuiet = 4;
  const int total = size + 2 * kQuiet;
  std::string path;
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      if (code->data[y * size + x] & 1) {  // bit 0: a dark module
        path += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
      }
    }
  }
  const std::string box = std::to_string(total);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + box + " " + box +
         "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\">"
         "<rect width=\"" +
         box + "\" height=\"" + box +
         "\" fill=\"#fff\"/>"
         "<path fill=\"#000\" d=\"" +
         path + "\"/></svg>";
}

}  // namespace cp::identity
