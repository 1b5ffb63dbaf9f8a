#include "clearing/holdings.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace cp::clearing {
namespace {

bool key_less(const Holding& a, const Holding& b) {
  return std::tie(a.account_id, a.security_code) < std::tie(b.account_id, b.security_code);
}
bool same_key(const Holding& a, const Holding& b) {
  return a.account_id == b.account_id && a.security_code == b.security_code;
}

// Any statement: every row into a map by account and security.
std::vector<Holding> roll_forward_by_map(const std::vector<Holding>& statement,
                                         const std::vector<Holding>& deltas) {
  std::map<std::pair<std::string, std::string>, int64_t> shares;
  for (const Holding& h : statement) shares[{h.account_id, h.security_code}] += h.quantity;
  for (const Holding& d : deltas) shares[{d.account_id, d.security_code}] += d.quantity;
  std::vector<Holding> out;
  out.reserve(shares.size());
  for (const auto& [key, quantity] : shares) {
    if (quantity != 0) out.push_back({key.first, key.second, quantity});
  }
  return out;
}

}  // namespace

std::vector<Holding> roll_forward(const std::vector<Holding>& statement,
                                  const std::vector<ExecutionRef>& settled,
                                  const std::vector<HoldingMovement>& moved) {
  std::vector<Holding> deltas;
  deltas.reserve(settled.size() + moved.size());
  for (const ExecutionRef& e : settled) {
    deltas.push_back({std::string(e.account_id()), std::string(e.security_code()),
                      e.side() == Side::kBuy ? e.quantity() : -e.quantity()});
  }
  for (const HoldingMovement& m : moved)
    deltas.push_back({m.account_id, m.security_code, m.quantity});
  // A statement in account and security order (as stored) is merged with the few changes after
  // it, sorted, without a node per holding: a statement of millions of rows took most of an
  // event's entitlements in allocation and page faults (docs/performance.md).
  if (!std::is_sorted(statement.begin(), statement.end(), key_less)) {
    return roll_forward_by_map(statement, deltas);
  }
  std::stable_sort(deltas.begin(), deltas.end(), key_less);
  std::vector<Holding> out;
  out.reserve(statement.size() + deltas.size());
  size_t s = 0;
  size_t d = 0;
  while (s < statement.size() || d < deltas.size()) {
    // The smaller key left; the rows of both with it summed.
    const Holding& next =
        d == deltas.size() || (s < statement.size() && !key_less(deltas[d], statement[s]))
            ? statement[s]
            : deltas[d];
    Holding sum{next.account_id, next.security_code, 0};
    for (; s < statement.size() && same_key(statement[s], sum); ++s)
      sum.quantity += statement[s].quantity;
    for (; d < deltas.size() && same_key(deltas[d], sum); ++d) sum.quantity += deltas[d].quantity;
    if (sum.quantity != 0) out.push_back(std::move(sum));
  }
  return out;
}

}  // namespace cp::clearing
