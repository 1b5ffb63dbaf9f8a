// Typed identifiers: an account id cannot be passed where a security code is expected.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>

namespace cp {

// A numeric surrogate key (database row ids, run ids).
template <typename Tag>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(int64_t value) : value_(value) {}
  constexpr int64_t value() const { return value_; }
  friend constexpr auto operator<=>(const Id&, const Id&) = default;

 private:
  int64_t value_ = 0;
};

// A business code as the outside world writes it ("00700", "A123456789").
template <typename Tag>
class Code {
 public:
  Code() = default;
  explicit Code(std::string value) : value_(std::move(value)) {}
  const std::string& value() const { return value_; }
  friend auto operator<=>(const Code&, const Code&) = default;

 private:
  std::string value_;
};

using AccountId = Code<struct AccountIdTag>;        // investor fund / securities account
using SecurityCode = Code<struct SecurityCodeTag>;  // SEHK stock code, five digits
using TradeId = Code<struct TradeIdTag>;            // execution id from the exchange feed
using FirmId = Code<struct FirmIdTag>;              // participant firm
using UserId = Id<struct UserIdTag>;
using RunId = Id<struct RunIdTag>;  // one EOD run

}  // namespace cp

template <typename Tag>
struct std::hash<cp::Id<Tag>> {
  size_t operator()(const cp::Id<Tag>& id) const noexcept {
    return std::hash<int64_t>{}(id.value());
  }
};

template <typename Tag>
struct std::hash<cp::Code<Tag>> {
  size_t operator()(const cp::Code<Tag>& code) const noexcept {
    return std::hash<std::string>{}(code.value());
  }
};
