#include "store/non_trade_store.h"

#include <filesystem>

#include "store/input_generation.h"

namespace cp::store {

using corpactions::NonTradeTransfer;

Result<ImportCounts> import_non_trade_transfers(Database& db,
                                                const std::vector<NonTradeTransfer>& transfers,
                                                const std::string& file) {
  const std::string file_name = std::filesystem::path(file).filename().string();
  ImportCounts counts;
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  for (const NonTradeTransfer& t : transfers) {
    const std::string canonical = corpactions::canonical_text(t);
    CP_ASSIGN_OR_RETURN(auto stored, db.query("SELECT canonical, imported_from FROM "
                                              "ca_non_trade_transfer WHERE transfer_id = ?",
                                              {t.transfer_id}));
    if (!stored.rows.empty()) {
      if (stored.rows[0].text(0) == canonical) {
        ++counts.unchanged;
        continue;
      }
      return make_error(ErrorCode::kConflict,
                        file_name + ": transfer " + t.transfer_id + " is already imported (from " +
                            stored.rows[0].text(1) +
                            ") with other data: a transfer is never replaced; nothing was stored");
    }
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO ca_non_trade_transfer (transfer_id, reason, channel, clearing_date, "
        "from_account, to_account, security_code, quantity, fee_account, transfer_fee_rmb, "
        "stamp_duty_rmb, source, canonical, imported_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?)",
        {t.transfer_id, std::string(corpactions::transfer_reason_code(t.reason)),
         std::string(channel_code(t.channel)), t.clearing_date.to_string(), t.from_account,
         t.to_account, t.security_code, t.quantity, t.fee_account,
         decimal_value(t.transfer_fee_rmb), decimal_value(t.stamp_duty_rmb), t.source, canonical,
         file_name}));
    ++counts.inserted;
  }
  // An EOD computing meanwhile computes again (store/input_generation.h) if anything changed.
  if (counts.inserted > 0) CP_RETURN_IF_ERROR(bump_eod_input_generation(db));
  CP_RETURN_IF_ERROR(tx.commit());
  return counts;
}

Result<std::vector<NonTradeTransfer>> non_trade_transfers_between(Database& db,
                                                                  std::optional<Channel> channel,
                                                                  Date after, Date through) {
  std::string sql =
      "SELECT transfer_id, reason, channel, clearing_date, from_account, to_account, "
      "security_code, quantity, fee_account, transfer_fee_rmb, stamp_duty_rmb, source FROM "
      "ca_non_trade_transfer WHERE clearing_date > ? AND clearing_date <= ?";
  std::vector<Value> params = {after.to_string(), through.to_string()};
  if (channel) {
    sql += " AND channel = ?";
    params.emplace_back(std::string(channel_code(*channel)));
  }
  sql += " ORDER BY clearing_date, transfer_id";
  std::vector<NonTradeTransfer> out;
  CP_RETURN_IF_ERROR(db.query_each(sql, params, [&](const Row& row) -> Result<void> {
    NonTradeTransfer t;
    t.transfer_id = row.text(0);
    CP_ASSIGN_OR_RETURN(t.reason, corpactions::parse_transfer_reason(row.text(1)));
    CP_ASSIGN_OR_RETURN(t.channel, parse_channel(row.text(2)));
    CP_ASSIGN_OR_RETURN(t.clearing_date, Date::parse(row.text(3)));
    t.from_account = row.text(4);
    t.to_account = row.text(5);
    t.security_code = row.text(6);
    t.quantity = row.integer(7);
    t.fee_account = row.text(8);
    t.transfer_fee_rmb = row.decimal(9);
    t.stamp_duty_rmb = row.decimal(10);
    t.source = row.text(11);
    out.push_back(std::move(t));
    return Ok{};
  }));
  return out;
}

}  // namespace cp::store
