#include "clearing/holdings.h"

#include <map>
#include <utility>

namespace cp::clearing {

std::vector<Holding> roll_forward(const std::vector<Holding>& statement,
                                  const std::vector<ExecutionRef>& settled,
                                  const std::vector<HoldingMovement>& moved) {
  std::map<std::pair<std::string, std::string>, int64_t> shares;
  for (const Holding& h : statement) shares[{h.account_id, h.security_code}] += h.quantity;
  for (const ExecutionRef& e : settled) {
    shares[{std::string(e.account_id()), std::string(e.security_code())}] +=
        e.side() == Side::kBuy ? e.quantity() : -e.quantity();
  }
  for (const HoldingMovement& m : moved) shares[{m.account_id, m.security_code}] += m.quantity;
  std::vector<Holding> out;
  out.reserve(shares.size());
  for (const auto& [key, quantity] : shares) {
    if (quantity != 0) out.push_back({key.first, key.second, quantity});
  }
  return out;
}

}  // namespace cp::clearing
