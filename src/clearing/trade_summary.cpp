#include "clearing/trade_summary.h"

#include <array>
#include <cstdio>
#include <string_view>
#include <unordered_set>

namespace cp::clearing {

std::vector<TradeSummaryRow> summarize_trades(const std::vector<Execution>& executions) {
  // Four buckets: channel × side.
  std::array<TradeSummaryRow, 4> buckets{};
  std::array<std::unordered_set<std::string_view>, 4> accounts;
  for (size_t i = 0; i < buckets.size(); ++i) {
    buckets[i].channel = i < 2 ? Channel::kShanghai : Channel::kShenzhen;
    buckets[i].side = i % 2 == 0 ? Side::kBuy : Side::kSell;
  }
  for (const auto& execution : executions) {
    const size_t index =
        (execution.channel == Channel::kShanghai ? 0 : 2) + (execution.side == Side::kBuy ? 0 : 1);
    TradeSummaryRow& row = buckets[index];
    ++row.executions;
    row.quantity += execution.quantity;
    row.consideration_hkd += execution.consideration_hkd();
    accounts[index].insert(execution.account_id);
  }
  std::vector<TradeSummaryRow> out;
  for (size_t i = 0; i < buckets.size(); ++i) {
    if (buckets[i].executions == 0) continue;
    buckets[i].accounts = static_cast<int64_t>(accounts[i].size());
    out.push_back(buckets[i]);
  }
  return out;
}

std::string canonical_text(const std::vector<TradeSummaryRow>& rows) {
  std::string text;
  for (const auto& row : rows) {
    text += std::string(channel_code(row.channel)) + "," + std::string(side_code(row.side)) + "," +
            std::to_string(row.executions) + "," + std::to_string(row.quantity) + "," +
            row.consideration_hkd.to_string() + "," + std::to_string(row.accounts) + "\n";
  }
  return text;
}

std::string digest_hex(const std::string& text) {
  uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a offset basis
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;  // FNV prime
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

}  // namespace cp::clearing
