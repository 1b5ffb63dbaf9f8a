#include "core/error.h"

#include <utility>

namespace cp {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return "invalid_input";
    case ErrorCode::kRuleViolation:
      return "rule_violation";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kOverflow:
      return "overflow";
    case ErrorCode::kStorage:
      return "storage";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

int exit_code_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kRuleViolation:
    case ErrorCode::kNotFound:
    case ErrorCode::kConflict:
      return 1;
    case ErrorCode::kInvalidInput:
    case ErrorCode::kOverflow:
      return 2;
    case ErrorCode::kStorage:
    case ErrorCode::kInternal:
      return 3;
  }
  return 3;
}

std::string Error::to_string() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) {
      out += ":" + std::to_string(line);
      if (column > 0) out += ":" + std::to_string(column);
    }
    out += ": ";
  }
  if (!field.empty()) out += "field '" + field + "': ";
  out += message;
  return out;
}

Error Error::in_file(const std::string& file_name) const {
  Error copy = *this;
  if (copy.file.empty()) copy.file = file_name;
  return copy;
}

Error make_error(ErrorCode code, std::string message) {
  Error e;
  e.code = code;
  e.message = std::move(message);
  return e;
}

Error invalid_input(std::string message, std::string field) {
  Error e = make_error(ErrorCode::kInvalidInput, std::move(message));
  e.field = std::move(field);
  return e;
}

Error rule_violation(std::string message, std::string field) {
  Error e = make_error(ErrorCode::kRuleViolation, std::move(message));
  e.field = std::move(field);
  return e;
}

}  // namespace cp
