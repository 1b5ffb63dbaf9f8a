// portal::check_attachment (src/portal/request_data.h): an uploaded file's name and bytes.
//
// Input: the bytes up to the first NUL are the file name, the rest the file (without a NUL the
// whole input is the file, named "upload.bin"). The slot takes every type, as the technical
// documents' upload does (src/server/document_routes.cpp); the size limit is the server's
// default, 4 MiB.
//
// Properties: on success the type is one of pdf, png, jpeg, csv with its content type; the
// name is 1..kFileNameBytesMax bytes of UTF-8 without control characters, '/', '\' or '"'; the
// file is not empty; the type agrees with the file's first bytes (a csv is UTF-8 text); a slot
// taking one type accepts the file exactly when it is of that type; a limit one byte below the
// file's size refuses it. A refusal names the field (file or file_name).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/input_limits.h"
#include "core/utf8.h"
#include "fuzz_check.h"
#include "portal/request_data.h"
#include "portal/service_catalogue.h"

namespace {

namespace portal = cp::portal;

constexpr int64_t kMaxBytes = 4 << 20;
const char* const kTypes[] = {"pdf", "png", "jpeg", "csv"};

std::string content_type_of(const std::string& type) {
  if (type == "pdf") return "application/pdf";
  if (type == "png") return "image/png";
  if (type == "jpeg") return "image/jpeg";
  return "text/csv";
}

void fuzz_one(std::string_view input) {
  const size_t nul = input.find('\0');
  const std::string name =
      nul == std::string_view::npos ? "upload.bin" : std::string(input.substr(0, nul));
  const std::string bytes(nul == std::string_view::npos ? input : input.substr(nul + 1));

  const portal::AttachmentSlot any{"document", {}, true, {"pdf", "png", "jpeg", "csv"}};
  auto check = portal::check_attachment(any, name, bytes, kMaxBytes);
  if (!check.ok()) {
    const std::string& field = check.error().field;
    CP_FUZZ_CHECK(field == "file" || field == "file_name", "a refusal names file or file_name");
    return;
  }
  const std::string type = check->type;
  CP_FUZZ_CHECK(type == "pdf" || type == "png" || type == "jpeg" || type == "csv",
                "the type is pdf, png, jpeg or csv");
  CP_FUZZ_CHECK(check->content_type == content_type_of(type), "the content type fits the type");
  CP_FUZZ_CHECK(!name.empty() && name.size() <= cp::limits::kFileNameBytesMax,
                "the name has 1..kFileNameBytesMax bytes");
  CP_FUZZ_CHECK(cp::is_valid_utf8(name), "the name is UTF-8");
  CP_FUZZ_CHECK(!cp::has_control_characters(name, false), "the name has no control character");
  CP_FUZZ_CHECK(name.find_first_of("/\\\"") == std::string::npos, "the name has no / \\ or \"");
  CP_FUZZ_CHECK(!bytes.empty() && static_cast<int64_t>(bytes.size()) <= kMaxBytes,
                "the file is within 1..max bytes");
  if (type == "pdf") CP_FUZZ_CHECK(bytes.starts_with("%PDF-"), "a PDF starts %PDF-");
  if (type == "png") CP_FUZZ_CHECK(bytes.starts_with("\x89PNG\r\n\x1a\n"), "a PNG's signature");
  if (type == "jpeg") CP_FUZZ_CHECK(bytes.starts_with("\xFF\xD8\xFF"), "a JPEG's signature");
  if (type == "csv") {
    CP_FUZZ_CHECK(cp::is_valid_utf8(bytes) && !cp::has_control_characters(bytes, true),
                  "a CSV is UTF-8 text");
  }

  for (const char* only : kTypes) {
    const portal::AttachmentSlot slot{"slot", {}, false, {only}};
    auto one = portal::check_attachment(slot, name, bytes, kMaxBytes);
    CP_FUZZ_CHECK(one.ok() == (type == only), "a one-type slot takes exactly its type");
    if (one.ok()) CP_FUZZ_CHECK(one->type == type, "the type does not depend on the slot");
  }
  auto too_big = portal::check_attachment(any, name, bytes, static_cast<int64_t>(bytes.size()) - 1);
  CP_FUZZ_CHECK(!too_big.ok() && too_big.error().field == "file",
                "a file over the limit is refused");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_one(cp::fuzz::as_text(data, size));
  return 0;
}
