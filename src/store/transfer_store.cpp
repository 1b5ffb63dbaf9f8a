#include "store/transfer_store.h"

namespace cp::store {
namespace {

Value dec(const Decimal& value) {
  return decimal_value(value);
}

}  // namespace

Result<std::map<MoneyKind, ReserveBalance>> reserve_balances_on_or_before(Database& db,
                                                                          Channel channel,
                                                                          Date date) {
  std::map<MoneyKind, ReserveBalance> out;
  // Ordered by date: the latest row of each reserve wins.
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT reserve, balance_date, balance_rmb FROM reserve_balance WHERE channel = ? AND "
      "balance_date <= ? ORDER BY balance_date",
      {std::string(channel_code(channel)), date.to_string()}, [&](const Row& row) -> Result<void> {
        CP_ASSIGN_OR_RETURN(const MoneyKind reserve, parse_money_kind(row.text(0)));
        out[reserve] = {*Date::parse(row.text(1)), row.decimal(2)};  // written by import
        return Ok{};
      }));
  return out;
}

Result<StoredNets> csdc_nets_of(Database& db, Date trade_date, Channel channel) {
  StoredNets out;
  const std::string day = trade_date.to_string();
  const std::string ch(channel_code(channel));
  CP_ASSIGN_OR_RETURN(auto run, db.query("SELECT 1 FROM eod_run WHERE business_date = ? AND "
                                         "job = 'eod'",
                                         {day}));
  out.ran = !run.rows.empty();
  CP_ASSIGN_OR_RETURN(
      auto traded, db.query("SELECT 1 FROM execution_segment WHERE trade_date = ? AND channel = ? "
                            "LIMIT 1",
                            {day, ch}));
  out.has_executions = !traded.rows.empty();
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT reserve, net_rmb FROM eod_csdc_obligation WHERE business_date = ? AND channel = ?",
      {day, ch}, [&](const Row& row) -> Result<void> {
        CP_ASSIGN_OR_RETURN(const MoneyKind reserve, parse_money_kind(row.text(0)));
        out.net_rmb_by_reserve[reserve] = row.decimal(1);
        return Ok{};
      }));
  return out;
}

Result<std::map<MoneyKind, Decimal>> portfolio_fees_collected_on(Database& db, Channel channel,
                                                                 Date collection_date,
                                                                 Date before_run) {
  std::map<MoneyKind, Decimal> out;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT reserve, fee_rmb FROM eod_portfolio_fee WHERE channel = ? AND collection_date = ? "
      "AND business_date < ?",
      {std::string(channel_code(channel)), collection_date.to_string(), before_run.to_string()},
      [&](const Row& row) -> Result<void> {
        CP_ASSIGN_OR_RETURN(const MoneyKind reserve, parse_money_kind(row.text(0)));
        auto [found, inserted] = out.try_emplace(reserve, row.decimal(1));
        if (!inserted) found->second += row.decimal(1);
        return Ok{};
      }));
  return out;
}

Result<std::map<MoneyKind, Decimal>> risk_funds_at_previous_settlement(Database& db,
                                                                       Channel channel,
                                                                       Date settlement_date,
                                                                       Date before_run) {
  const std::string ch(channel_code(channel));
  std::map<MoneyKind, Decimal> out;
  CP_ASSIGN_OR_RETURN(auto latest,
                      db.query("SELECT MAX(settlement_date) FROM eod_transfer WHERE channel = ? "
                               "AND settlement_date < ? AND business_date < ?",
                               {ch, settlement_date.to_string(), before_run.to_string()}));
  if (latest.rows.empty() || latest.rows[0].is_null(0)) return out;
  // The latest run that instructed that day (a rerun of an older date never writes a later one).
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT reserve, risk_funds_due_rmb FROM eod_transfer WHERE channel = ? AND "
      "settlement_date = ? AND business_date = (SELECT MAX(business_date) FROM eod_transfer "
      "WHERE channel = ? AND settlement_date = ? AND business_date < ?)",
      {ch, latest.rows[0].text(0), ch, latest.rows[0].text(0), before_run.to_string()},
      [&](const Row& row) -> Result<void> {
        CP_ASSIGN_OR_RETURN(const MoneyKind reserve, parse_money_kind(row.text(0)));
        out[reserve] = row.decimal(1);
        return Ok{};
      }));
  return out;
}

Result<void> write_transfers(Database& db, Date business_date,
                             const std::vector<clearing::TransferInstruction>& instructions) {
  const std::string day = business_date.to_string();
  for (const auto& i : instructions) {
    const std::string ch(channel_code(i.channel));
    const std::string settles = i.inputs.settlement_date.to_string();
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO eod_transfer (business_date, settlement_date, channel, reserve, "
        "reserve_balance_date, reserve_balance_basis, reserve_balance_previous_rmb, "
        "trading_money_payable_rmb, trading_money_receivable_rmb, risk_funds_due_rmb, "
        "risk_funds_previous_rmb, portfolio_fee_rmb, dividends_receivable_rmb, transfer_rmb, "
        "direction, instruction, closing_balance_rmb, ca_money_payable_rmb) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {day, settles, ch, money_kind_text(i.reserve), i.reserve_balance_date.to_string(),
         std::string(clearing::balance_basis_code(i.balance_basis)),
         dec(i.inputs.reserve_balance_previous_rmb), dec(i.transfer.trading_money_payable_rmb),
         dec(i.transfer.trading_money_receivable_rmb), dec(i.inputs.risk_funds_due_rmb),
         dec(i.inputs.risk_funds_previous_rmb), dec(i.inputs.portfolio_fee_rmb),
         dec(i.inputs.dividends_receivable_rmb), dec(i.transfer.transfer_rmb),
         std::string(clearing::transfer_direction_code(i.transfer.direction)),
         i.transfer.instruction, dec(i.transfer.closing_balance_rmb),
         dec(i.inputs.ca_money_payable_rmb)}));
    for (const auto& net : i.inputs.trade_dates) {
      CP_RETURN_IF_ERROR(db.execute(
          "INSERT INTO eod_transfer_trade_date (business_date, settlement_date, channel, "
          "reserve, trade_date, net_rmb, batch) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {day, settles, ch, money_kind_text(i.reserve), net.trade_date.to_string(),
           dec(net.net_rmb), std::string(clearing::batch_code(net))}));
    }
  }
  return Ok{};
}

Result<std::vector<ReserveCheck>> reserve_checks_of(Database& db, Date date) {
  std::vector<ReserveCheck> out;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT channel, reserve, batch, balance_rmb FROM reserve_check WHERE check_date = ? ORDER "
      "BY channel, reserve, batch",
      {date.to_string()}, [&](const Row& row) -> Result<void> {
        const Channel channel = row.text(0) == "sz" ? Channel::kShenzhen : Channel::kShanghai;
        CP_ASSIGN_OR_RETURN(const MoneyKind reserve, parse_money_kind(row.text(1)));
        if (out.empty() || out.back().channel != channel || out.back().reserve != reserve) {
          out.push_back({channel, reserve, Decimal::from_units(0, 2), Decimal::from_units(0, 2)});
        }
        (row.text(2) == "10:30" ? out.back().after_1030_rmb : out.back().after_1800_rmb) =
            row.decimal(3);
        return Ok{};
      }));
  return out;
}

Result<void> write_reissues(Database& db, Date business_date, const std::vector<ReissueRow>& rows) {
  for (const auto& row : rows) {
    const auto& r = row.reissue;
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO eod_transfer_reissue (business_date, channel, reserve, still_due_rmb, "
        "instructed_rmb, recomputed_rmb, instruction) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {business_date.to_string(), std::string(channel_code(row.channel)),
         money_kind_text(row.reserve), dec(r.still_due_rmb),
         r.instructed_rmb ? dec(*r.instructed_rmb) : Value{}, dec(r.recomputed_rmb),
         r.instruction}));
  }
  return Ok{};
}

Result<std::optional<Date>> latest_eod_run_date(Database& db) {
  CP_ASSIGN_OR_RETURN(auto latest,
                      db.query("SELECT MAX(business_date) FROM eod_run WHERE job = ?", {"eod"}));
  if (latest.rows.empty() || latest.rows[0].is_null(0)) return std::optional<Date>();
  CP_ASSIGN_OR_RETURN(const Date date, Date::parse(latest.rows[0].text(0)));
  return std::optional<Date>(date);
}

Result<std::vector<clearing::TransferInstruction>> load_transfers(Database& db, Date date,
                                                                  bool by_settlement_date) {
  const std::string day = date.to_string();
  // The runs to read: the given one, or per channel the latest that instructed the day.
  const std::string where =
      by_settlement_date
          ? "t.settlement_date = ? AND t.business_date = (SELECT MAX(l.business_date) FROM "
            "eod_transfer l WHERE l.settlement_date = t.settlement_date AND l.channel = "
            "t.channel)"
          : "t.business_date = ?";
  std::vector<clearing::TransferInstruction> out;
  std::vector<std::string> runs;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT t.channel, t.reserve, t.settlement_date, t.reserve_balance_date, "
      "t.reserve_balance_basis, t.reserve_balance_previous_rmb, t.trading_money_payable_rmb, "
      "t.trading_money_receivable_rmb, t.risk_funds_due_rmb, t.risk_funds_previous_rmb, "
      "t.portfolio_fee_rmb, t.dividends_receivable_rmb, t.transfer_rmb, t.direction, "
      "t.instruction, t.closing_balance_rmb, t.business_date, t.ca_money_payable_rmb "
      "FROM eod_transfer t WHERE " +
          where + " ORDER BY t.channel, t.settlement_date, t.reserve",
      {day}, [&](const Row& row) -> Result<void> {
        clearing::TransferInstruction i;
        i.channel = row.text(0) == "sz" ? Channel::kShenzhen : Channel::kShanghai;  // CHECK'd
        CP_ASSIGN_OR_RETURN(i.reserve, parse_money_kind(row.text(1)));
        i.inputs.settlement_date = *Date::parse(row.text(2));  // written by the run: valid
        i.reserve_balance_date = *Date::parse(row.text(3));
        i.balance_basis = row.text(4) == "projected" ? clearing::BalanceBasis::kProjected
                                                     : clearing::BalanceBasis::kImported;
        i.inputs.reserve_balance_previous_rmb = row.decimal(5);
        i.transfer.trading_money_payable_rmb = row.decimal(6);
        i.transfer.trading_money_receivable_rmb = row.decimal(7);
        i.inputs.risk_funds_due_rmb = row.decimal(8);
        i.inputs.risk_funds_previous_rmb = row.decimal(9);
        i.inputs.portfolio_fee_rmb = row.decimal(10);
        i.inputs.dividends_receivable_rmb = row.decimal(11);
        i.transfer.transfer_rmb = row.decimal(12);
        i.transfer.direction =
            row.text(13) == "reserve_to_bank"   ? clearing::TransferDirection::kReserveToBank
            : row.text(13) == "bank_to_reserve" ? clearing::TransferDirection::kBankToReserve
                                                : clearing::TransferDirection::kNone;
        i.transfer.instruction = row.text(14);
        i.transfer.closing_balance_rmb = row.decimal(15);
        i.inputs.ca_money_payable_rmb = row.decimal(17);
        runs.push_back(row.text(16));
        out.push_back(std::move(i));
        return Ok{};
      }));
  for (size_t n = 0; n < out.size(); ++n) {
    auto& i = out[n];
    CP_RETURN_IF_ERROR(db.query_each(
        "SELECT trade_date, net_rmb, batch FROM eod_transfer_trade_date WHERE business_date = ? "
        "AND settlement_date = ? AND channel = ? AND reserve = ? ORDER BY trade_date",
        {runs[n], i.inputs.settlement_date.to_string(), std::string(channel_code(i.channel)),
         money_kind_text(i.reserve)},
        [&](const Row& row) -> Result<void> {
          i.inputs.trade_dates.push_back({*Date::parse(row.text(0)), row.decimal(1),
                                          row.text(2) == "10:30", row.text(2) == "18:00"});
          return Ok{};
        }));
  }
  return out;
}

}  // namespace cp::store
