// The small vocabulary every module shares: the Southbound channel and the side of a trade.
#pragma once

#include <string_view>

#include "core/result.h"

namespace cp {

// SPEC ACT-4: Shanghai and Shenzhen Southbound are separate channels (quota, permission, CSDC
// branch, FX conversion).
enum class Channel { kShanghai, kShenzhen };
enum class Side { kBuy, kSell };

// "sh" / "sz"
std::string_view channel_code(Channel channel);
Result<Channel> parse_channel(std::string_view code);
// "buy" / "sell"
std::string_view side_code(Side side);
Result<Side> parse_side(std::string_view code);

}  // namespace cp
