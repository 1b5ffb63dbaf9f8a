// The one error model of connectpost (docs/decisions/0004-error-model.md).
//
// Expected failures -- bad input, a rule that says no, a missing row, a database that refuses --
// are values of type Error, returned in a Result<T>. They carry a code, where it happened (file,
// line, column), the field concerned, and a message a clerk can act on. Programmer errors are
// CP_ASSERT failures (assert.h), which stay on in release builds.
#pragma once

#include <cstdint>
#include <string>

namespace cp {

enum class ErrorCode {
  kInvalidInput,   // malformed or out-of-range input: a file, a flag, a field. Exit code 2.
  kRuleViolation,  // well-formed input that a domain rule refuses. Exit code 1.
  kNotFound,       // the thing asked for does not exist. Exit code 1.
  kConflict,       // the input contradicts what is already stored. Exit code 1.
  kOverflow,       // an amount outside what the decimal type can hold exactly. Exit code 2.
  kStorage,        // the database failed or refused. Exit code 3.
  kInternal,       // a bug or an environment failure. Exit code 3.
};

// Returns a stable lower-case name for the code, e.g. "invalid_input".
const char* error_code_name(ErrorCode code);

// Exit codes of the command line (docs/cli.md): 0 ok, 1 rule or validation failure,
// 2 bad usage or input, 3 internal error.
int exit_code_for(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string file;    // empty when not from a file
  int64_t line = 0;    // 1-based; 0 when unknown
  int64_t column = 0;  // 1-based; 0 when unknown
  std::string field;   // column or parameter name; empty when not about one field
  // A stable word a scheduler can act on (with --log-format json), e.g. "not_a_trading_day" or
  // "inputs_missing"; empty when the code says enough.
  std::string reason;

  // "file:line:column: field 'price': message", leaving out the parts that are unknown.
  std::string to_string() const;

  // Returns a copy with the file name filled in when it was empty.
  Error in_file(const std::string& file_name) const;
};

Error make_error(ErrorCode code, std::string message);
Error invalid_input(std::string message, std::string field = {});
Error rule_violation(std::string message, std::string field = {});

}  // namespace cp
