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

}  // namespace cp
