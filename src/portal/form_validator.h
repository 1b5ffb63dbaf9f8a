// Validates a request's data against its e-service's JSON Schema (SPEC PORTAL-6; DESIGN: the
// server validates with valijson, the browser from the same schema). valijson stays inside
// form_validator.cpp.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.h"

namespace cp::portal {

// One problem, at a JSON pointer into the data ("" = the whole request).
struct FieldError {
  std::string pointer;
  std::string message;
};

class FormValidator {
 public:
  // Compiles a draft-07 schema; refuses one valijson cannot read, naming the keyword.
  static Result<std::shared_ptr<const FormValidator>> compile(const nlohmann::json& schema);
  ~FormValidator();

  // Nothing when the data is valid. Otherwise the most specific problems: an instruction whose
  // `instruction_type` picks one branch of a `oneOf` is reported against that branch (the
  // field at fault), not as "matches none of the instruction types".
  std::vector<FieldError> validate(const nlohmann::json& data) const;

  FormValidator(const FormValidator&) = delete;
  FormValidator& operator=(const FormValidator&) = delete;

 private:
  struct Compiled;
  explicit FormValidator(std::unique_ptr<Compiled> compiled);
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace cp::portal
