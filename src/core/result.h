// Result<T>: a value or an Error (error.h). C++20 has no std::expected, and this is the one
// small piece of it we need. Accessing the value of a failed Result is a programmer error.
#pragma once

#include <type_traits>
#include <utility>
#include <variant>

#include "core/assert.h"
#include "core/error.h"

namespace cp {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT: implicit
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    CP_ASSERT(ok(), "value() of a failed Result");
    return std::get<0>(state_);
  }
  const T& value() const& {
    CP_ASSERT(ok(), "value() of a failed Result");
    return std::get<0>(state_);
  }
  T&& value() && {
    CP_ASSERT(ok(), "value() of a failed Result");
    return std::get<0>(std::move(state_));
  }
  const Error& error() const& {
    CP_ASSERT(!ok(), "error() of a successful Result");
    return std::get<1>(state_);
  }
  Error&& error() && {
    CP_ASSERT(!ok(), "error() of a successful Result");
    return std::get<1>(std::move(state_));
  }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> state_;
};

// Success without a value.
struct Ok {};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Ok) {}                                                  // NOLINT: implicit
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& {
    CP_ASSERT(!ok_, "error() of a successful Result");
    return error_;
  }
  Error&& error() && {
    CP_ASSERT(!ok_, "error() of a successful Result");
    return std::move(error_);
  }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace cp

#define CP_CONCAT_INNER_(a, b) a##b
#define CP_CONCAT_(a, b) CP_CONCAT_INNER_(a, b)

// Evaluates expr (any Result); returns its error from the enclosing function on failure. The
// status variable is numbered per use, so a lambda with its own CP_RETURN_IF_ERROR can be passed
// inside another without shadowing.
#define CP_RETURN_IF_ERROR(expr) CP_RETURN_IF_ERROR_IMPL_(CP_CONCAT_(cp_status_, __COUNTER__), expr)
#define CP_RETURN_IF_ERROR_IMPL_(status, expr)          \
  do {                                                  \
    auto status = (expr);                               \
    if (!status.ok()) return std::move(status).error(); \
  } while (false)

// Declares `lhs` from the value of expr (a Result<T>); returns its error on failure.
#define CP_ASSIGN_OR_RETURN(lhs, expr) \
  CP_ASSIGN_OR_RETURN_IMPL_(CP_CONCAT_(cp_result_, __LINE__), lhs, expr)
#define CP_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return std::move(tmp).error();   \
  lhs = std::move(tmp).value()
