// CSV reading (RFC 4180) with errors that name file, line and column.
//
// file   := [BOM] header { record }
// header := record                      -- column names, unique, non-empty
// record := field { "," field } EOL     -- EOL is CRLF or LF; optional after the last record
// field  := quoted | bare
// quoted := '"' { any char but '"' | '""' } '"'   -- may span lines; "" is one quote
// bare   := { any char but ',', '"', CR, LF }
//
// Two tolerances, both documented in docs/formats.md: a blank line is skipped, and a final
// line without EOL is a record. Everything else that breaks the grammar -- a quote inside a bare
// field, text after a closing quote, an unterminated quote, a stray CR, a record with a
// different number of fields than the header -- is an error. Columns count characters
// (UTF-8 code points) from 1.
#pragma once

#include <cstdint>
#include <deque>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace cp {

class CsvRecord {
 public:
  // The line on which the record starts (1-based; the header is line 1 when there is no blank
  // line before it).
  int64_t line() const { return line_; }
  size_t size() const { return fields_.size(); }
  std::string_view operator[](size_t index) const { return fields_[index]; }
  // Byte offset of field `index` in the input (CsvReader::field_error_at).
  size_t field_offset(size_t index) const { return field_offsets_[index]; }
  // True when a field is not a view of the input but of the record's own storage (a quoted
  // field with "" in it): such a view ends with the record.
  bool has_own_fields() const { return !unescaped_.empty(); }

 private:
  friend class CsvReader;
  int64_t line_ = 0;
  size_t offset_ = 0;  // byte offset of the record in the input
  std::vector<std::string_view> fields_;
  std::vector<size_t> field_offsets_;  // byte offset of each field's first character
  std::deque<std::string> unescaped_;  // storage for quoted fields that contained ""
};

class CsvReader {
 public:
  // Reads the whole file and its header. `display_name` (default: path) is used in errors.
  static Result<CsvReader> open(const std::string& path, std::string display_name = {});
  // Parses text held in memory; `name` is used in errors.
  static Result<CsvReader> from_string(std::string name, std::string text);

  const std::string& file_name() const { return name_; }
  const std::vector<std::string>& header() const { return header_; }

  // The index of a header column, or an error naming the file and the missing column.
  Result<size_t> column(std::string_view name) const;
  // An error listing every named column that the header lacks.
  Result<void> require_columns(std::initializer_list<std::string_view> names) const;

  // How many records are left at most (the line breaks left, plus one): what a caller reserves.
  size_t lines_left() const;
  // Reads the next record into `record`. Returns false at the end of the input.
  Result<bool> next(CsvRecord& record);

  // An error located at field `index` of `record`: "file:line:column: field 'name': message".
  Error field_error(const CsvRecord& record, size_t index, std::string message,
                    ErrorCode code = ErrorCode::kInvalidInput) const;
  // The same for a field known by its byte offset (CsvRecord::field_offset) and column index,
  // once the record is gone.
  Error field_error_at(size_t offset, size_t index, std::string message,
                       ErrorCode code = ErrorCode::kInvalidInput) const;
  // An error located at the start of `record`.
  Error record_error(const CsvRecord& record, std::string message,
                     ErrorCode code = ErrorCode::kInvalidInput) const;

  CsvReader(CsvReader&&) noexcept = default;
  CsvReader& operator=(CsvReader&&) noexcept = default;

 private:
  CsvReader(std::string name, std::string text);
  Result<bool> read_record(CsvRecord& record);
  Error error_at(size_t offset, std::string message) const;

  std::string name_;
  std::string text_;
  size_t pos_ = 0;
  int64_t line_ = 1;  // line of text_[pos_]
  std::vector<std::string> header_;
};

// Appends one CSV record (fields joined by commas, quoted when needed, LF at the end).
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace cp
