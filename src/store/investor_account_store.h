// Which securities accounts of the book a portal user holds as an investor (migration 0046;
// issue 17, SPEC CA-3): the holder's notices and elections in the portal show those accounts
// and act on them only. A link is made by the broker (today `connectpost user link-account`;
// issue 18's opening flow later), never by the investor.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/database.h"

namespace cp::store {

// Links `account_id` to `user_id` in `firm_id`. Refuses (kInvalidInput naming the field) an
// account not in the account book and a user without the investor role in the firm; a link that
// exists already is kept as it is (false), a new one returns true. The caller audits it.
Result<bool> link_investor_account(Database& db, const std::string& firm_id,
                                   const std::string& user_id, const std::string& account_id,
                                   const std::string& linked_by, UtcTime now);

// The user's accounts in `firm_id`, by account id.
Result<std::vector<std::string>> investor_accounts(Database& db, const std::string& firm_id,
                                                   const std::string& user_id);

// The users holding `account_id` in `firm_id` as investors, by login.
Result<std::vector<std::string>> investors_of_account(Database& db, const std::string& firm_id,
                                                      const std::string& account_id);

// Sets the mobile number `user_id` is texted at as an investor of `firm_id` (migration 0049),
// replacing any earlier one. REQUIRES: `mobile` checked (mail::is_mobile_number). Refuses
// (kInvalidInput naming "user") a user without the investor role in the firm. The caller audits.
Result<void> set_investor_mobile(Database& db, const std::string& firm_id,
                                 const std::string& user_id, const std::string& mobile,
                                 const std::string& set_by, UtcTime now);

// The investor's mobile number in `firm_id`, if the broker set one.
Result<std::optional<std::string>> investor_mobile(Database& db, const std::string& firm_id,
                                                   const std::string& user_id);

}  // namespace cp::store
