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

}  // namespace cp::clearing
