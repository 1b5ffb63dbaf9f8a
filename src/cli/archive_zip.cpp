#include "cli/archive_zip.h"

#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace cp::cli {
namespace {

constexpr zip_int64_t kEntriesMax = 100'000;
constexpr zip_uint64_t kEntryBytesMax = 16ull << 20;
constexpr zip_uint64_t kTotalBytesMax = 512ull << 20;

Error zip_error(const std::string& path, const std::string& what) {
  Error error = invalid_input(what);
  error.file = path;
  return error;
}

std::string libzip_message(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string message = zip_error_strerror(&error);
  zip_error_fini(&error);
  return message;
}

}  // namespace

Result<void> write_zip(const std::string& path, const std::vector<ZipEntry>& entries) {
  const std::string partial = path + ".partial";
  std::filesystem::remove(partial);
  int code = 0;
  zip_t* archive = zip_open(partial.c_str(), ZIP_CREATE | ZIP_EXCL, &code);
  if (archive == nullptr) {
    return make_error(ErrorCode::kInternal,
                      "cannot create " + partial + ": " + libzip_message(code));
  }
  // libzip reads each entry's bytes at zip_close: `entries` outlives it.
  for (const ZipEntry& entry : entries) {
    zip_source_t* source = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
    if (source == nullptr ||
        zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      const std::string message = zip_strerror(archive);
      if (source != nullptr) zip_source_free(source);
      zip_discard(archive);
      return make_error(ErrorCode::kInternal, "cannot add " + entry.name + ": " + message);
    }
  }
  if (zip_close(archive) != 0) {
    const std::string message = zip_strerror(archive);
    zip_discard(archive);
    std::filesystem::remove(partial);
    return make_error(ErrorCode::kInternal, "cannot write " + partial + ": " + message);
  }
  std::error_code renamed;
  std::filesystem::rename(partial, path, renamed);
  if (renamed) {
    return make_error(ErrorCode::kInternal,
                      "cannot move the export to " + path + ": " + renamed.message());
  }
  return Ok{};
}

Result<std::map<std::string, std::string>> read_zip(const std::string& path) {
  int code = 0;
  std::unique_ptr<zip_t, int (*)(zip_t*)> archive(zip_open(path.c_str(), ZIP_RDONLY, &code),
                                                  zip_close);
  if (!archive) return zip_error(path, "not a readable zip file: " + libzip_message(code));
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  if (count < 0 || count > kEntriesMax) {
    return zip_error(path, "more than " + std::to_string(kEntriesMax) + " entries");
  }
  std::map<std::string, std::string> out;
  zip_uint64_t total = 0;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &stat) != 0 ||
        (stat.valid & ZIP_STAT_SIZE) == 0 || (stat.valid & ZIP_STAT_NAME) == 0) {
      return zip_error(path, "entry " + std::to_string(i) + " cannot be read");
    }
    total += stat.size;
    if (stat.size > kEntryBytesMax || total > kTotalBytesMax) {
      return zip_error(path, std::string("entry ") + stat.name + " is too large");
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
        zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0), zip_fclose);
    if (!file) return zip_error(path, std::string("entry ") + stat.name + " cannot be opened");
    std::string bytes(stat.size, '\0');
    const zip_int64_t read = zip_fread(file.get(), bytes.data(), stat.size);
    if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
      return zip_error(path, std::string("entry ") + stat.name + " is damaged");
    }
    if (!out.emplace(stat.name, std::move(bytes)).second) {
      return zip_error(path, std::string("entry ") + stat.name + " appears twice");
    }
  }
  return out;
}

}  // namespace cp::cli
