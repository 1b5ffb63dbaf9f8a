// The small vocabulary every module shares: the Southbound channel, the side of a trade, whose
// money an account holds and what kind of account it is.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace cp {

// SPEC ACT-4: Shanghai and Shenzhen Southbound are separate channels (quota, permission, CSDC
// branch, FX conversion).
enum class Channel { kShanghai, kShenzhen };
enum class Side { kBuy, kSell };
// SPEC CLR-17: client money and the broker's own money are never mixed; each has its own reserve
// account at CSDC (a proprietary account is own money). Ordered as their codes sort.
enum class MoneyKind { kClient, kOwn };
enum class AccountType { kIndividual, kInstitution, kProprietary };

// "sh" / "sz"
std::string_view channel_code(Channel channel);
Result<Channel> parse_channel(std::string_view code);
// "buy" / "sell"
std::string_view side_code(Side side);
Result<Side> parse_side(std::string_view code);
// "client" / "own": the reserve account of that money
std::string_view money_kind_code(MoneyKind kind);
Result<MoneyKind> parse_money_kind(std::string_view code);
inline std::string money_kind_text(MoneyKind kind) {
  return std::string(money_kind_code(kind));
}
// "individual" / "institution" / "proprietary"
std::string_view account_type_code(AccountType type);
Result<AccountType> parse_account_type(std::string_view code);
inline std::string account_type_text(AccountType type) {
  return std::string(account_type_code(type));
}

}  // namespace cp
