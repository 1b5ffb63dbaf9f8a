#include "clearing/account_book.h"

namespace cp::clearing {

bool AccountBook::add(Account account) {
  if (by_id_.contains(account.account_id)) return false;
  const Account& stored = accounts_.emplace_back(std::move(account));
  by_id_.emplace(stored.account_id, &stored);
  return true;
}

const Account* AccountBook::find(std::string_view account_id) const {
  const auto found = by_id_.find(account_id);
  return found == by_id_.end() ? nullptr : found->second;
}

std::vector<const Account*> AccountBook::accounts_of(const ExecutionTable& table) const {
  // A day's accounts are millions of look-ups spread over a map of millions: each slot is asked
  // for some look-ups ahead, so that the processor fetches several at once instead of waiting
  // for each in turn.
  constexpr size_t kAhead = 8;
  const auto& ids = table.accounts();
  std::vector<const Account*> out(ids.size(), nullptr);
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i + kAhead < ids.size()) by_id_.prefetch(std::string_view(ids[i + kAhead]));
    out[i] = find(ids[i]);
  }
  return out;
}

}  // namespace cp::clearing
