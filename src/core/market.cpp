#include "core/market.h"

#include <string>

namespace cp {

std::string_view channel_code(Channel channel) {
  return channel == Channel::kShanghai ? "sh" : "sz";
}

Result<Channel> parse_channel(std::string_view code) {
  if (code == "sh") return Channel::kShanghai;
  if (code == "sz") return Channel::kShenzhen;
  return invalid_input("unknown channel '" + std::string(code) + "' (sh or sz)", "channel");
}

std::string_view side_code(Side side) {
  return side == Side::kBuy ? "buy" : "sell";
}

Result<Side> parse_side(std::string_view code) {
  if (code == "buy") return Side::kBuy;
  if (code == "sell") return Side::kSell;
  return invalid_input("unknown side '" + std::string(code) + "' (buy or sell)", "side");
}

std::string_view money_kind_code(MoneyKind kind) {
  return kind == MoneyKind::kClient ? "client" : "own";
}

Result<MoneyKind> parse_money_kind(std::string_view code) {
  if (code == "client") return MoneyKind::kClient;
  if (code == "own") return MoneyKind::kOwn;
  return invalid_input("unknown money kind '" + std::string(code) + "' (client or own)",
                       "money_kind");
}

std::string_view account_type_code(AccountType type) {
  switch (type) {
    case AccountType::kIndividual:
      return "individual";
    case AccountType::kInstitution:
      return "institution";
    case AccountType::kProprietary:
      return "proprietary";
  }
  return "individual";  // unreachable: every enumerator is handled above
}

Result<AccountType> parse_account_type(std::string_view code) {
  if (code == "individual") return AccountType::kIndividual;
  if (code == "institution") return AccountType::kInstitution;
  if (code == "proprietary") return AccountType::kProprietary;
  return invalid_input(
      "unknown account type '" + std::string(code) + "' (individual, institution or proprietary)",
      "account_type");
}

}  // namespace cp
