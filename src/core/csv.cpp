#include "core/csv.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <unordered_set>

#include "core/utf8.h"

namespace cp {

CsvReader::CsvReader(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {}

Result<CsvReader> CsvReader::open(const std::string& path, std::string display_name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Error error = invalid_input("cannot open file");
    error.file = display_name.empty() ? path : display_name;
    return error;
  }
  // Read whole in one piece: a stream into a growing buffer copied the ten-million-row file of
  // the EOD benchmark several times.
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  std::string text;
  if (size > 0) {
    text.resize(static_cast<size_t>(size));
    in.read(text.data(), size);
    text.resize(static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    Error error = invalid_input("cannot read file");
    error.file = display_name.empty() ? path : display_name;
    return error;
  }
  return from_string(display_name.empty() ? path : std::move(display_name), std::move(text));
}

size_t CsvReader::lines_left() const {
  return static_cast<size_t>(
             std::count(text_.begin() + static_cast<std::ptrdiff_t>(pos_), text_.end(), '\n')) +
         1;
}

Result<CsvReader> CsvReader::from_string(std::string name, std::string text) {
  CsvReader reader(std::move(name), std::move(text));
  if (reader.text_.starts_with("\xEF\xBB\xBF")) reader.pos_ = 3;  // UTF-8 byte order mark
  // Every text that enters is UTF-8; a mainland system's export is often GBK (GB18030), whose
  // Chinese characters are byte pairs that UTF-8 refuses: say so rather than store mojibake.
  if (const size_t bad = first_invalid_utf8(reader.text_); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(reader.text_[bad]));
    return reader.error_at(bad, std::string("the file is not UTF-8 (byte ") + byte +
                                    " starts no UTF-8 character): if it is a GBK or GB18030 "
                                    "export, convert it first, e.g. iconv -f GB18030 -t UTF-8");
  }
  CsvRecord header;
  CP_ASSIGN_OR_RETURN(bool has_header, reader.read_record(header));
  if (!has_header) return reader.error_at(reader.pos_, "empty file: a header row is required");
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i].empty()) return reader.field_error(header, i, "empty column name in header");
    if (!seen.insert(header[i]).second) {
      return reader.field_error(header, i, "column '" + std::string(header[i]) + "' appears twice");
    }
    reader.header_.emplace_back(header[i]);
  }
  return reader;
}

Result<size_t> CsvReader::column(std::string_view name) const {
  for (size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return i;
  }
  Error error = invalid_input("missing column '" + std::string(name) + "' in the header");
  error.file = name_;
  error.line = 1;
  return error;
}

Result<void> CsvReader::require_columns(std::initializer_list<std::string_view> names) const {
  std::string missing;
  for (std::string_view name : names) {
    if (!column(name).ok()) missing += (missing.empty() ? "'" : ", '") + std::string(name) + "'";
  }
  if (missing.empty()) return Ok{};
  Error error = invalid_input("missing column(s) " + missing + " in the header");
  error.file = name_;
  error.line = 1;
  return error;
}

Result<bool> CsvReader::next(CsvRecord& record) {
  CP_ASSIGN_OR_RETURN(bool found, read_record(record));
  if (found && record.size() != header_.size()) {
    return record_error(record, "record has " + std::to_string(record.size()) +
                                    " fields; the header has " + std::to_string(header_.size()));
  }
  return found;
}

Result<bool> CsvReader::read_record(CsvRecord& record) {
  const size_t size = text_.size();
  // Skip blank lines (a tolerance: spreadsheets leave them at the end).
  while (pos_ < size && (text_[pos_] == '\n' ||
                         (text_[pos_] == '\r' && pos_ + 1 < size && text_[pos_ + 1] == '\n'))) {
    pos_ += text_[pos_] == '\r' ? 2 : 1;
    ++line_;
  }
  if (pos_ >= size) return false;

  record.fields_.clear();
  record.field_offsets_.clear();
  record.unescaped_.clear();
  record.line_ = line_;
  record.offset_ = pos_;

  while (true) {
    const size_t start = pos_;
    record.field_offsets_.push_back(start);
    if (pos_ < size && text_[pos_] == '"') {
      ++pos_;
      const size_t content = pos_;
      bool escaped = false;
      while (true) {
        if (pos_ >= size) return error_at(start, "quoted field is not closed before end of file");
        const char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < size && text_[pos_ + 1] == '"') {
            escaped = true;
            pos_ += 2;
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        ++pos_;
      }
      std::string_view raw(text_.data() + content, pos_ - content);
      ++pos_;  // closing quote
      if (escaped) {
        std::string value;
        value.reserve(raw.size());
        for (size_t i = 0; i < raw.size(); ++i) {
          value.push_back(raw[i]);
          if (raw[i] == '"') ++i;  // "" → "
        }
        record.unescaped_.push_back(std::move(value));
        record.fields_.emplace_back(record.unescaped_.back());
      } else {
        record.fields_.push_back(raw);
      }
      if (pos_ < size && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        return error_at(pos_, "unexpected text after a closing quote");
      }
    } else {
      while (pos_ < size && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        if (text_[pos_] == '"') {
          return error_at(pos_, "quote inside an unquoted field (quote the whole field)");
        }
        ++pos_;
      }
      record.fields_.emplace_back(text_.data() + start, pos_ - start);
    }
    if (pos_ >= size) return true;
    const char delimiter = text_[pos_];
    if (delimiter == ',') {
      ++pos_;
      continue;
    }
    if (delimiter == '\r') {
      if (pos_ + 1 >= size || text_[pos_ + 1] != '\n') {
        return error_at(pos_, "carriage return without line feed");
      }
      ++pos_;
    }
    ++pos_;  // LF
    ++line_;
    return true;
  }
}

Error CsvReader::error_at(size_t offset, std::string message) const {
  // Find the line and the character column of `offset` by scanning from the start: errors are
  // rare, and keeping per-field line numbers would slow every good row down.
  int64_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  if (line_start == 0 && text_.starts_with("\xEF\xBB\xBF")) line_start = 3;  // skip the BOM
  int64_t column = 1;
  for (size_t i = line_start; i < offset && i < text_.size(); ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;  // not a continuation
  }
  Error error = invalid_input(std::move(message));
  error.file = name_;
  error.line = line;
  error.column = column;
  return error;
}

Error CsvReader::field_error(const CsvRecord& record, size_t index, std::string message,
                             ErrorCode code) const {
  return field_error_at(record.field_offsets_[index], index, std::move(message), code);
}

Error CsvReader::field_error_at(size_t offset, size_t index, std::string message,
                                ErrorCode code) const {
  Error error = error_at(offset, std::move(message));
  error.code = code;
  if (index < header_.size()) error.field = header_[index];
  return error;
}

Error CsvReader::record_error(const CsvRecord& record, std::string message, ErrorCode code) const {
  Error error = error_at(record.offset_, std::move(message));
  error.code = code;
  error.column = 0;
  return error;
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    const std::string& field = fields[i];
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      out += field;
      continue;
    }
    out.push_back('"');
    for (char c : field) {
      out.push_back(c);
      if (c == '"') out.push_back('"');
    }
    out.push_back('"');
  }
  out.push_back('\n');
}

}  // namespace cp
