#include "clearing/execution_table.h"

#include <limits>

#include "core/assert.h"

namespace cp::clearing {

Execution ExecutionRef::to_execution() const {
  Execution e;
  e.trade_id = trade_id();
  e.trade_date = trade_date();
  e.channel = channel();
  e.account_id = account_id();
  e.security_code = security_code();
  e.side = side();
  e.quantity = quantity();
  e.price_hkd = price_hkd();
  return e;
}

ExecutionTable::ExecutionTable(std::initializer_list<Execution> executions) {
  reserve(executions.size());
  for (const Execution& e : executions) CP_ASSERT(add(e), "a test price beyond 64 bits");
}

ExecutionTable::ExecutionTable(const std::vector<Execution>& executions) {
  reserve(executions.size());
  for (const Execution& e : executions) CP_ASSERT(add(e), "a price beyond 64 bits");
}

void ExecutionTable::reserve(size_t rows) {
  trade_id_end_.reserve(rows);
  trade_date_.reserve(rows);
  channel_.reserve(rows);
  account_.reserve(rows);
  security_.reserve(rows);
  side_.reserve(rows);
  quantity_.reserve(rows);
  price_units_.reserve(rows);
  price_scale_.reserve(rows);
}

uint32_t ExecutionTable::number_of(std::string_view text, std::deque<std::string>& texts,
                                   Numbers& numbers, const std::vector<uint32_t>& column) {
  if (!column.empty() && texts[column.back()] == text) return column.back();
  if (const auto found = numbers.find(text); found != numbers.end()) return found->second;
  const auto number = static_cast<uint32_t>(texts.size());
  numbers.emplace(std::string(text), number);
  texts.emplace_back(text);
  return number;
}

bool ExecutionTable::add(std::string_view trade_id, Date trade_date, Channel channel,
                         std::string_view account, std::string_view security, Side side,
                         int64_t quantity, const Decimal& price_hkd) {
  const Int128 units = price_hkd.units();
  if (units > std::numeric_limits<int64_t>::max() || units < std::numeric_limits<int64_t>::min()) {
    return false;
  }
  CP_ASSERT(size() < std::numeric_limits<uint32_t>::max(), "more than 2^32 executions a day");
  trade_ids_.append(trade_id);
  trade_id_end_.push_back(trade_ids_.size());
  trade_date_.push_back(trade_date);
  channel_.push_back(channel);
  account_.push_back(number_of(account, accounts_, account_numbers_, account_));
  security_.push_back(number_of(security, securities_, security_numbers_, security_));
  side_.push_back(side);
  quantity_.push_back(quantity);
  price_units_.push_back(static_cast<int64_t>(units));
  price_scale_.push_back(static_cast<uint8_t>(price_hkd.scale()));
  return true;
}

std::vector<Execution> ExecutionTable::to_executions() const {
  std::vector<Execution> out;
  out.reserve(size());
  for (const ExecutionRef e : *this) out.push_back(e.to_execution());
  return out;
}

}  // namespace cp::clearing
