// The EOD stages one at a time over a DayInputs and earlier runs in memory (issue 15 §2), each
// with a case worked by hand. Friday 2024-03-15 is a Southbound trading day on both channels;
// the next is Monday 2024-03-18 (T+1), then Tuesday 03-19. The shipped parameters give: the
// portfolio fee at 0.008% a year over 365 days on holdings up to HK$50bn (CLR-6), the risk funds'
// margin by HKSCC's risk parameters (CLR-9, from 2022-06-13; 22% × 1 where the rate method is
// set), overdraft penalty interest at 0.05% a day (CLR-12).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "eod/book_stress_stage.h"
#include "eod/ca_cash_stage.h"
#include "eod/exception_stage.h"
#include "eod/instructed_days.h"
#include "eod/non_trade_stage.h"
#include "eod/portfolio_fee_stage.h"
#include "eod/pre_clearing_stage.h"
#include "eod/reserve_stage.h"
#include "eod/settlement_stage.h"
#include "eod/stage_testing.h"
#include "eod/transfer_stage.h"

namespace cp::eod {
namespace {

using namespace test_support;

// An investor of `result` with its buys and sells (net = buys − sells).
void add_investor(clearing::ClearingResult& result, const char* account, Channel channel,
                  MoneyKind reserve, const char* buys_rmb, const char* sells_rmb) {
  clearing::InvestorObligation& i = result.investors.emplace_back();
  i.account_id = account;
  i.channel = channel;
  i.reserve = reserve;
  i.buy_rmb = D(buys_rmb);
  i.sell_rmb = D(sells_rmb);
  i.net_rmb = i.buy_rmb - i.sell_rmb;
}

// A client's Shanghai portfolio fee of `fee_rmb`, collected on 2024-03-18.
void add_client_fee(std::vector<InvestorPortfolioFee>& fees, const char* account,
                    const char* fee_rmb) {
  InvestorPortfolioFee& fee = fees.emplace_back(
      InvestorPortfolioFee{account, Channel::kShanghai, MoneyKind::kClient, {}, d("2024-03-18")});
  fee.charge.fee_rmb = D(fee_rmb);
}

class Stages : public StageTest {
 protected:
  void SetUp() override {
    start("2024-03-15");
    inputs.fx[Channel::kShanghai] = rates("2024-03-15", "0.9150");
    inputs.closes_hkd["00700"] = D("300.00");
  }
};

// CLR-6 (第22条): Friday charges Friday, Saturday and Sunday, each on that day's end-of-day
// holdings. A holds 10,000 at the 03-14 statement; its 2,000 bought on Wednesday 03-13 settle on
// Friday (T+2), so it holds 12,000 on each of the three days; the 1,000 it sells today settle on
// 03-19 and change nothing. 12,000 × 300.00 = 3,600,000.00 a day; × 0.00008 × 3 / 365 =
// 864 / 365 = 2.3671… → HKD 2.37; × 0.9150 = 2.16855 → RMB 2.17, collected T+1 (03-18).
TEST_F(Stages, PortfolioFeeIsChargedOnEachCalendarDaysHoldings) {
  earlier.statements[{Channel::kShanghai, d("2024-03-14")}] = {d("2024-03-14"),
                                                               {{"A", "00700", 10000}}};
  earlier.executions[d("2024-03-13")] = {
      execution("T1", "2024-03-13", "A", "00700", Side::kBuy, 2000, "290.00")};
  inputs.executions = {execution("T2", "2024-03-15", "A", "00700", Side::kSell, 1000, "300.00")};
  auto fees = charge_portfolio_fees(prepare());
  ASSERT_TRUE(fees.ok()) << fees.error().to_string();
  ASSERT_EQ(fees->fees.size(), 1u);
  const auto& fee = fees->fees[0];
  EXPECT_EQ(fee.account_id, "A");
  EXPECT_EQ(fee.reserve, MoneyKind::kClient);
  EXPECT_EQ(fee.charge.days, 3);
  EXPECT_EQ(fee.charge.fee_hkd, D("2.37"));
  EXPECT_EQ(fee.charge.fee_rmb, D("2.17"));
  EXPECT_EQ(fee.collection_date, d("2024-03-18"));
  // The journal's charge: the investor pays, the client reserve owes CSDC.
  ASSERT_FALSE(fees->charges.empty());
  EXPECT_EQ(fees->charges.front().entry, "PF:A:sh");
}

// CLR-7 (第23条): CSDC clears E's HKD 2.40 dividend of 00700 today, 03-15, at 0.91850. The
// holders are those at the record date's close, Tuesday 03-12: the 03-11 statement (A 1,000,
// P 500) with A's 200 bought Friday 03-08 (T+2 = 03-12: A's by then) — 1,200 — and without A's 300
// sold Monday 03-11 (T+2 = 03-13: after the record date, still A's). A: 1,200 × 2.40 = 2,880.00
// × 0.91850 = 2,645.28; 20% = 529.056 → 529.06; net 2,116.22. P (own account): 500 × 2.40 =
// 1,200.00 × 0.91850 = 1,102.20, nothing withheld. Both payable at today's corporate-action flow,
// Monday 03-18.
TEST_F(Stages, CorporateActionCashReachesTheHoldersAtTheRecordDate) {
  earlier.statements[{Channel::kShanghai, d("2024-03-11")}] = {
      d("2024-03-11"), {{"A", "00700", 1000}, {"P", "00700", 500}}};
  earlier.executions[d("2024-03-08")] = {
      execution("T1", "2024-03-08", "A", "00700", Side::kBuy, 200, "290.00")};
  earlier.executions[d("2024-03-11")] = {
      execution("T2", "2024-03-11", "A", "00700", Side::kSell, 300, "291.00")};
  CaCashClearing clearing;
  clearing.action.event_id = "E";
  clearing.action.type = corpactions::ActionType::kCashDividend;
  clearing.action.security_code = "00700";
  clearing.action.record_date = d("2024-03-12");
  clearing.action.payment_date = d("2024-03-13");
  clearing.action.currency = Currency::kHKD;
  clearing.action.rate = D("2.40");
  clearing.action.issuer_type = corpactions::IssuerType::kOther;
  clearing.payment = {"E", Channel::kShanghai, Currency::kHKD, D("0.91850"), d("2024-03-15"), "x"};
  inputs.ca_cash = {clearing};
  auto credits = clear_ca_cash(prepare());
  ASSERT_TRUE(credits.ok()) << credits.error().to_string();
  ASSERT_EQ(credits->size(), 2u);
  const CaCredit& a = (*credits)[0];
  EXPECT_EQ(a.account_id, "A");
  EXPECT_EQ(a.holding, 1200);
  EXPECT_EQ(a.money.gross_rmb, D("2645.28"));
  EXPECT_EQ(a.money.individual_tax_rmb, D("529.06"));
  EXPECT_EQ(a.money.net_rmb, D("2116.22"));
  EXPECT_EQ(a.reserve, MoneyKind::kClient);
  EXPECT_EQ(a.payable_date, d("2024-03-18"));
  const CaCredit& p = (*credits)[1];
  EXPECT_EQ(p.account_id, "P");
  EXPECT_EQ(p.reserve, MoneyKind::kOwn);
  EXPECT_EQ(p.money.net_rmb, D("1102.20"));
}

// CA-3 in CSDC's clearing: a scrip dividend of HKD 0.50 or scrip at HKD 62.50 on 00700, record
// date 03-12 (the 03-11 statement: A 1,000, P 500). A filed 600 for scrip: only its other 400
// take cash — 200.00 × 0.91850 = 183.70, 20% = 36.74, net 146.96. P filed nothing: 250.00 ×
// 0.91850 = 229.625 → 229.62, not withheld (own account).
TEST_F(Stages, AScripElectionTakesItsSharesOutOfTheCash) {
  earlier.statements[{Channel::kShanghai, d("2024-03-11")}] = {
      d("2024-03-11"), {{"A", "00700", 1000}, {"P", "00700", 500}}};
  CaCashClearing clearing;
  clearing.action.event_id = "S";
  clearing.action.type = corpactions::ActionType::kScripDividend;
  clearing.action.security_code = "00700";
  clearing.action.record_date = d("2024-03-12");
  clearing.action.payment_date = d("2024-03-13");
  clearing.action.currency = Currency::kHKD;
  clearing.action.rate = D("0.50");
  clearing.action.price = D("62.50");
  clearing.action.issuer_type = corpactions::IssuerType::kOther;
  clearing.action.options = {corpactions::ElectionOption::kCash,
                             corpactions::ElectionOption::kScrip};
  clearing.payment = {"S", Channel::kShanghai, Currency::kHKD, D("0.91850"), d("2024-03-15"), "x"};
  inputs.ca_cash = {clearing};
  corpactions::ElectionInstruction instruction;
  instruction.channel = Channel::kShanghai;
  instruction.account_id = "A";
  instruction.choices = {{corpactions::ElectionOption::kScrip, 600}};
  earlier.instructions["S"] = {instruction};
  auto credits = clear_ca_cash(prepare());
  ASSERT_TRUE(credits.ok()) << credits.error().to_string();
  ASSERT_EQ(credits->size(), 2u);
  EXPECT_EQ((*credits)[0].gross_ccy, D("200.00"));
  EXPECT_EQ((*credits)[0].money.gross_rmb, D("183.70"));
  EXPECT_EQ((*credits)[0].money.net_rmb, D("146.96"));
  EXPECT_EQ((*credits)[1].money.net_rmb, D("229.62"));
}

TEST_F(Stages, PortfolioFeeRefusesAHeldSecurityWithoutAClose) {
  earlier.statements[{Channel::kShanghai, d("2024-03-14")}] = {d("2024-03-14"),
                                                               {{"A", "00005", 400}}};
  auto fees = charge_portfolio_fees(prepare());
  ASSERT_FALSE(fees.ok());
  EXPECT_EQ(fees.error().reason, kInputsMissing);
  EXPECT_NE(fees.error().message.find("00005"), std::string::npos);
}

// CLR-9 over what is unsettled at Friday's close: today's buy of 1,000 at 300.00 and Thursday's
// sale of 500 at 310.00 (settling 03-18); Wednesday's sale settles today and is out.
// Net q = 500, v = 300,000 − 155,000 = 145,000; marks = 500 × 300 − 145,000 = +5,000
// (favourable: nothing payable); long value 150,000; no short, no collateral; margin position
// 150,000 × 22% × 1 = HKD 33,000; × 0.9150 = RMB 30,195.00, due T+1 (03-18).
TEST_F(Stages, RiskFundsCoverTheTradesUnsettledAtTheClose) {
  // The rate method (shipped to 2022-06-12) on this 2024 day: an operator's choice, a what-if.
  refdata::RefData rules = shipped().refdata;
  ASSERT_TRUE(rules.parameters.set_value("risk.margin_method", d("2024-03-15"), "rate").ok());
  inputs.refdata = &rules;
  earlier.executions[d("2024-03-13")] = {
      execution("T1", "2024-03-13", "A", "00700", Side::kSell, 2000, "280.00")};
  earlier.executions[d("2024-03-14")] = {
      execution("T2", "2024-03-14", "A", "00700", Side::kSell, 500, "310.00")};
  inputs.executions = {execution("T3", "2024-03-15", "A", "00700", Side::kBuy, 1000, "300.00")};
  auto reserves = settle_reserves(prepare(), clearing::ClearingResult{}, {});
  ASSERT_TRUE(reserves.ok()) << reserves.error().to_string();
  ASSERT_EQ(reserves->size(), 1u);
  const ReserveDay& r = (*reserves)[0];
  EXPECT_EQ(r.reserve, MoneyKind::kClient);
  EXPECT_EQ(r.risk.marks_hkd, D("5000.00"));
  EXPECT_EQ(r.risk.marks_payable_hkd, D("0.00"));
  EXPECT_EQ(r.risk.long_value_hkd, D("150000.00"));
  EXPECT_EQ(r.risk.margin_hkd, D("33000.00"));
  EXPECT_EQ(r.risk.risk_funds_rmb, D("30195.00"));
  EXPECT_EQ(r.risk_funds_date, d("2024-03-18"));
}

// CLR-9 from 2022-06-13 (risk.margin_method hkscc_rpf, eod/csdc_margin.h): HKSCC's VaR margin of
// the reserve's unsettled positions after collateral, with the shipped risk parameters but a
// 4-scenario window at 75 % (a tail of ⌈0.25 × 4⌉ = 1, HVaR and SVaR both ending 03-15,
// unfiltered) so that it is worked by hand.
// Today A buys 100,000 00700 at 300.00 and sells 20,000 00005 at 65.00, holding 5,000 00005:
//   00700 +100,000, CV 30,000,000, close 300.00 → MV 30,000,000
//   00005 −20,000, 5,000 covered → −15,000, CV −1,300,000 × 15,000 / 20,000 = −975,000,
//         close 65.00 → MV −975,000
// Closes 03-11 … 03-15: 00700 400, 360, 378, 300, 300; 00005 60, 60, 60, 66, 65. P&L per day
// (each term to the dollar): 03-12 −0.1 × 30 m = −3,000,000; 03-13 +1,500,000; 03-14
// 300/378 − 1 = −0.2063492063 → −6,190,476, and 00005 +0.1 × −975,000 = −97,500: −6,287,976;
// 03-15 0 and −0.0151515152 × −975,000 = +14,773. Worst −6,287,976 = HVaR = SVaR = weighted;
// floor max(30,000,000, 975,000) × 3.2 % = 960,000; no LRA (00700 under its 300 m threshold,
// 27 m of beta-weighted value under the hedge's 250 m); rounded up to 10,000: HKD 6,290,000.
// Marks 0 (both at their trade prices). × 0.9150 = RMB 5,755,350.00. Uncovered, 00005 would
// lose 130,000 on 03-14 and the margin be 6,330,000.
class CsdcMarginStage : public Stages {
 protected:
  void SetUp() override {
    Stages::SetUp();
    const auto data = std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data";
    auto parameters = refdata::ParameterTable::load(data / "risk_parameters.csv");
    ASSERT_TRUE(parameters.ok()) << parameters.error().to_string();
    reference.risk_parameters = std::move(parameters).value();
    for (const auto& [key, value] : std::vector<std::pair<const char*, const char*>>{
             {"margin.hvar.scenario_count", "4"},
             {"margin.hvar.confidence_level", "75"},
             {"margin.hvar.ewma_lambda", "1"},
             {"margin.svar.scenario_count", "4"},
             {"margin.svar.confidence_level", "75"},
             {"margin.svar.window_end", "2024-03-15"}}) {
      ASSERT_TRUE(reference.risk_parameters.set_value(key, d("2024-03-15"), value).ok()) << key;
    }
    auto instruments = CsvReader::open((data / "risk_instruments.csv").string());
    ASSERT_TRUE(instruments.ok());
    auto table = risk::RiskInstrumentTable::parse(*instruments);
    ASSERT_TRUE(table.ok()) << table.error().to_string();
    reference.instruments = std::move(table).value();
    auto stress_file = CsvReader::open((data / "stress_scenarios.csv").string());
    ASSERT_TRUE(stress_file.ok());
    auto stress = risk::StressLibrary::parse(*stress_file);
    ASSERT_TRUE(stress.ok()) << stress.error().to_string();
    reference.stress = std::move(stress).value();
    inputs.csdc_risk = &reference;
    inputs.closes_hkd["00005"] = D("65.00");
    const char* days[] = {"2024-03-11", "2024-03-12", "2024-03-13", "2024-03-14"};
    const char* tencent[] = {"400.00", "360.00", "378.00", "300.00"};
    const char* hsbc[] = {"60.00", "60.00", "60.00", "66.00"};
    for (int i = 0; i < 4; ++i) {
      earlier.closes["00700"][d(days[i])] = D(tencent[i]);
      earlier.closes["00005"][d(days[i])] = D(hsbc[i]);
    }
    earlier.statements[{Channel::kShanghai, d("2024-03-14")}] = {d("2024-03-14"),
                                                                 {{"A", "00005", 5000}}};
    inputs.executions = {execution("T1", "2024-03-15", "A", "00700", Side::kBuy, 100000, "300.00"),
                         execution("T2", "2024-03-15", "A", "00005", Side::kSell, 20000, "65.00")};
  }
  CsdcRiskReference reference;
};

TEST_F(CsdcMarginStage, RiskFundsFollowHkscsRiskParametersFrom13June2022) {
  auto reserves = settle_reserves(prepare(), clearing::ClearingResult{}, {});
  ASSERT_TRUE(reserves.ok()) << reserves.error().to_string();
  ASSERT_EQ(reserves->size(), 1u);
  const ReserveDay& r = (*reserves)[0];
  EXPECT_EQ(r.risk.method, clearing::RiskMarginMethod::kHkscRpf);
  EXPECT_EQ(r.risk.marks_hkd, D("0.00"));
  EXPECT_EQ(r.risk.collateral_hkd, D("325000.00"));  // 5,000 × 65.00, shown as before
  EXPECT_EQ(r.risk.margin_position_hkd, D("0.00"));  // the rate method's only
  EXPECT_EQ(r.risk.margin_hkd, D("6290000.00"));
  EXPECT_EQ(r.risk.risk_funds_rmb, D("5755350.00"));
  const auto figures = nlohmann::json::parse(r.risk.margin_figures_json);
  EXPECT_EQ(figures["hvar"], "-6287976.00");
  EXPECT_EQ(figures["floor"], "960000");
  EXPECT_EQ(figures["rounded"], "6290000");
}

// ORG-4: the same book under the shipped scenarios, against the risk funds CSDC holds
// (HKD 6,290,000.00). The book is the whole net position, uncovered: 00700 +100,000 × 300.00 =
// 30,000,000.00 long, 00005 −20,000 × 65.00 = 1,300,000.00 short.
//   down 22 %: −6,600,000 + 286,000 = −6,314,000: a loss 24,000 beyond the risk funds
//   up 22 %: +6,314,000, no loss
//   historical worst over the 4 unfiltered returns: 03-14, −6,190,476 − 130,000 = −6,320,476
//   (03-12 −3,000,000; 03-13 +1,500,000; 03-15 +19,697): shortfall 30,476.
TEST_F(CsdcMarginStage, TheBookUnderStressAgainstTheRiskFundsHeld) {
  DayContext& day = prepare();
  auto reserves = settle_reserves(day, clearing::ClearingResult{}, {});
  ASSERT_TRUE(reserves.ok()) << reserves.error().to_string();
  auto stressed = stress_book(day, *reserves);
  ASSERT_TRUE(stressed.ok()) << stressed.error().to_string();
  ASSERT_EQ(stressed->size(), 3u);
  const BookStress& down = (*stressed)[0];
  EXPECT_EQ(down.scenario, "hk_market_down_22");
  EXPECT_EQ(down.long_value_hkd, D("30000000.00"));
  EXPECT_EQ(down.short_value_hkd, D("1300000.00"));
  EXPECT_EQ(down.pnl_hkd, D("-6314000"));
  EXPECT_EQ(down.collateral_hkd, D("6290000.00"));
  EXPECT_EQ(down.shortfall_hkd, D("24000"));
  EXPECT_EQ((*stressed)[1].scenario, "hk_market_up_22");
  EXPECT_EQ((*stressed)[1].loss_hkd, D("0"));
  const BookStress& worst = (*stressed)[2];
  EXPECT_EQ(worst.scenario, "historical_worst_day");
  EXPECT_EQ(worst.pnl_hkd, D("-6320476"));
  EXPECT_EQ(worst.shortfall_hkd, D("30476"));
}

// The firm's own holdings are its own book; the rate method reads no history, so the
// historical scenario does not apply. P buys 1,000 00700 at 300.00 today and holds 2,000 at the
// statement: 3,000 × 300.00 = 900,000.00 long; −22 %: −198,000; risk funds 1,000 × 300 × 22 % =
// 66,000: shortfall 132,000.
TEST_F(CsdcMarginStage, TheOwnReserveBookCarriesTheFirmsHoldings) {
  refdata::RefData rules = shipped().refdata;
  ASSERT_TRUE(rules.parameters.set_value("risk.margin_method", d("2024-03-15"), "rate").ok());
  inputs.refdata = &rules;
  earlier.statements[{Channel::kShanghai, d("2024-03-14")}] = {d("2024-03-14"),
                                                               {{"P", "00700", 2000}}};
  inputs.executions = {execution("T1", "2024-03-15", "P", "00700", Side::kBuy, 1000, "300.00")};
  DayContext& day = prepare();
  auto reserves = settle_reserves(day, clearing::ClearingResult{}, {});
  ASSERT_TRUE(reserves.ok()) << reserves.error().to_string();
  ASSERT_EQ(reserves->size(), 1u);
  EXPECT_EQ((*reserves)[0].reserve, MoneyKind::kOwn);
  auto stressed = stress_book(day, *reserves);
  ASSERT_TRUE(stressed.ok()) << stressed.error().to_string();
  ASSERT_EQ(stressed->size(), 3u);
  EXPECT_EQ((*stressed)[0].long_value_hkd, D("900000.00"));
  EXPECT_EQ((*stressed)[0].pnl_hkd, D("-198000"));
  EXPECT_EQ((*stressed)[0].collateral_hkd, D("66000.00"));
  EXPECT_EQ((*stressed)[0].shortfall_hkd, D("132000"));
  EXPECT_NE((*stressed)[2].description.find("not applicable"), std::string::npos);
}

TEST_F(CsdcMarginStage, AGapInTheStoredHistoryIsNamedWithWhatToImport) {
  earlier.closes["00005"].erase(d("2024-03-12"));
  auto reserves = settle_reserves(prepare(), clearing::ClearingResult{}, {});
  ASSERT_FALSE(reserves.ok());
  EXPECT_EQ(reserves.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(reserves.error().message.find("CSDC's margin of sh client"), std::string::npos);
  EXPECT_NE(reserves.error().message.find("no close of 00005 on 2024-03-12"), std::string::npos)
      << reserves.error().message;
  EXPECT_NE(reserves.error().message.find("import price-history"), std::string::npos);
}

TEST_F(CsdcMarginStage, ARunWithoutHkscsRiskParametersIsRefusedNamingTheMethod) {
  inputs.csdc_risk = nullptr;
  auto reserves = settle_reserves(prepare(), clearing::ClearingResult{}, {});
  ASSERT_FALSE(reserves.ok());
  EXPECT_EQ(reserves.error().field, "risk.margin_method");
}

// CLR-11 (第27条) for Monday 03-18, instructed by Friday's run: the reserve balance of 03-14
// 3,000,000.00 − Thursday's net payable 1,000,000.00 (T+2 = 03-18) − the risk funds due
// 50,000.00 + those they replace 40,000.00 − the portfolio fee collected 03-18 (2.17 today's +
// 1.00 Thursday's) + dividends 0 = 1,989,996.83 to the bank.
TEST_F(Stages, TransferOfTheNextSettlementDayTakesTheTradeDateSettlingThen) {
  auto& in = inputs;
  in.reserve_balances[Channel::kShanghai][MoneyKind::kClient] = {d("2024-03-14"), D("3000000.00")};
  earlier.nets[{d("2024-03-14"), Channel::kShanghai}] = {
      true, true, {{MoneyKind::kClient, D("1000000.00")}}};
  earlier.risk_previous[{Channel::kShanghai, d("2024-03-18")}] = {
      {MoneyKind::kClient, D("40000.00")}};
  earlier.fees_collected_on_day[{Channel::kShanghai, d("2024-03-18")}] = {
      {MoneyKind::kClient, D("1.00")}};
  ReserveDay risk;
  risk.reserve = MoneyKind::kClient;
  risk.risk.risk_funds_rmb = D("50000.00");
  InvestorPortfolioFee fee{"A", Channel::kShanghai, MoneyKind::kClient, {}, d("2024-03-18")};
  fee.charge.fee_rmb = D("2.17");
  auto transfers = instruct_transfers(prepare(), clearing::ClearingResult{}, {risk}, {fee}, {});
  ASSERT_TRUE(transfers.ok()) << transfers.error().to_string();
  ASSERT_EQ(transfers->size(), 1u);
  const auto& t = (*transfers)[0];
  EXPECT_EQ(t.inputs.settlement_date, d("2024-03-18"));
  ASSERT_EQ(t.inputs.trade_dates.size(), 1u);
  EXPECT_EQ(t.inputs.trade_dates[0].trade_date, d("2024-03-14"));
  EXPECT_EQ(t.inputs.reserve_balance_previous_rmb, D("3000000.00"));
  EXPECT_EQ(t.inputs.risk_funds_due_rmb, D("50000.00"));
  EXPECT_EQ(t.inputs.risk_funds_previous_rmb, D("40000.00"));
  EXPECT_EQ(t.inputs.portfolio_fee_rmb, D("3.17"));
  EXPECT_EQ(t.transfer.transfer_rmb, D("1989996.83"));
}

// Event E's credit on Shanghai of `net` RMB to `account`, payable on `payable`.
CaCredit credit(const char* account, MoneyKind reserve, const char* net,
                const char* payable = "2024-03-18") {
  CaCredit c;
  c.event_id = "E";
  c.channel = Channel::kShanghai;
  c.account_id = account;
  c.reserve = reserve;
  c.money.net_rmb = D(net);
  c.payable_date = d(payable);
  return c;
}

// CLR-11's last term (第27条 "+ T日应收红利/公司收购"): the dividends CSDC pays on 03-18 to the
// client reserve — 2,645.28 an earlier run cleared and 1,000.00 + 354.72 this run clears — are
// added: 500,000.00 + 4,000.00 = 504,000.00 to the bank. A credit payable another day (03-19) or
// to the own reserve is not in the client reserve's 03-18 transfer; the own reserve gets its own.
TEST_F(Stages, TransferAddsTheCorporateActionCashCsdcPaysThatDay) {
  auto& in = inputs;
  in.reserve_balances[Channel::kShanghai][MoneyKind::kClient] = {d("2024-03-14"), D("500000.00")};
  in.reserve_balances[Channel::kShanghai][MoneyKind::kOwn] = {d("2024-03-14"), D("0.00")};
  earlier.ca_money_on_day[{Channel::kShanghai, d("2024-03-18")}].receivable = {
      {MoneyKind::kClient, D("2645.28")}};
  auto transfers = instruct_transfers(prepare(), clearing::ClearingResult{}, {}, {},
                                      {credit("A", MoneyKind::kClient, "1000.00", "2024-03-18"),
                                       credit("B", MoneyKind::kClient, "354.72", "2024-03-18"),
                                       credit("C", MoneyKind::kClient, "99.00", "2024-03-19"),
                                       credit("P", MoneyKind::kOwn, "12.34", "2024-03-18")});
  ASSERT_TRUE(transfers.ok()) << transfers.error().to_string();
  ASSERT_EQ(transfers->size(), 2u);
  const auto& client = (*transfers)[0];
  EXPECT_EQ(client.reserve, MoneyKind::kClient);
  EXPECT_EQ(client.inputs.dividends_receivable_rmb, D("4000.00"));
  EXPECT_EQ(client.transfer.transfer_rmb, D("504000.00"));
  const auto& own = (*transfers)[1];
  EXPECT_EQ(own.reserve, MoneyKind::kOwn);
  EXPECT_EQ(own.inputs.dividends_receivable_rmb, D("12.34"));
  EXPECT_EQ(own.transfer.transfer_rmb, D("12.34"));
}

TEST_F(Stages, TransferRefusesATradeDateSettlingThenThatWasNeverRun) {
  inputs.reserve_balances[Channel::kShanghai][MoneyKind::kClient] = {d("2024-03-14"),
                                                                     D("3000000.00")};
  earlier.nets[{d("2024-03-14"), Channel::kShanghai}] = {false, true, {}};
  auto transfers = instruct_transfers(prepare(), clearing::ClearingResult{}, {}, {}, {});
  ASSERT_FALSE(transfers.ok());
  EXPECT_EQ(transfers.error().reason, kEarlierRunMissing);
  EXPECT_NE(transfers.error().message.find("2024-03-14"), std::string::npos);
}

// CLR-12 (第36条): A's statement 100,000.00 − today's net buys 120,000.00 − the fee 2.17 =
// −20,002.17. The broker advances 20,002.17 on T+1 (03-18) and charges 0.05% a day for the
// one day to 03-19: 10.001085 → RMB 10.00.
TEST_F(Stages, OverdraftIsAdvancedOnTPlusOneWithItsPenaltyFromThere) {
  inputs.cash_statements["A"] = {d("2024-03-14"), D("100000.00")};
  clearing::ClearingResult result;
  clearing::InvestorObligation a;
  a.account_id = "A";
  a.reserve = MoneyKind::kClient;
  a.net_rmb = D("120000.00");
  result.investors.push_back(a);
  InvestorPortfolioFee fee{"A", Channel::kShanghai, MoneyKind::kClient, {}, d("2024-03-18")};
  fee.charge.fee_rmb = D("2.17");
  auto exceptions = find_exceptions(prepare(), result, {fee});
  ASSERT_TRUE(exceptions.ok()) << exceptions.error().to_string();
  ASSERT_EQ(exceptions->size(), 1u);
  const auto& x = (*exceptions)[0];
  EXPECT_EQ(x.kind, "overdraft");
  EXPECT_EQ(x.amount_rmb, D("20002.17"));
  EXPECT_EQ(x.detail_rmb, D("-20002.17"));
  EXPECT_EQ(x.interest_rmb, D("10.00"));
  EXPECT_NE(x.action.find("2024-03-18"), std::string::npos);
}

// CLR-12 over several accounts, merged in account order from the investors (by account, then
// channel) and the fees (in any order); own money is never checked. A pays 600.00 on Shanghai
// and 500.00 on Shenzhen and a fee of 0.50 against 1,000.00: −100.50, overdrawn, penalty 100.50 ×
// 0.05% = 0.05025 → 0.05. B receives 100.00 and pays 0.30 against 50.00: 149.70, fine. C only
// owes a fee of 2.00 against 1.00: −1.00, penalty 0.0005 → 0.00. P's own money (and P has no
// cash statement, which a client would be refused for) is not looked at.
TEST_F(Stages, OverdraftsAreCheckedPerClientAccountOverChannelsAndFees) {
  inputs.cash_statements["A"] = {d("2024-03-14"), D("1000.00")};
  inputs.cash_statements["B"] = {d("2024-03-14"), D("50.00")};
  inputs.cash_statements["C"] = {d("2024-03-14"), D("1.00")};
  clearing::ClearingResult result;
  add_investor(result, "A", Channel::kShanghai, MoneyKind::kClient, "600.00", "0.00");
  add_investor(result, "A", Channel::kShenzhen, MoneyKind::kClient, "500.00", "0.00");
  add_investor(result, "B", Channel::kShanghai, MoneyKind::kClient, "0.00", "100.00");
  add_investor(result, "P", Channel::kShanghai, MoneyKind::kOwn, "5000.00", "0.00");
  std::vector<InvestorPortfolioFee> fees;
  add_client_fee(fees, "C", "2.00");
  add_client_fee(fees, "A", "0.50");
  add_client_fee(fees, "B", "0.30");
  auto exceptions = find_exceptions(prepare(), result, fees);
  ASSERT_TRUE(exceptions.ok()) << exceptions.error().to_string();
  ASSERT_EQ(exceptions->size(), 2u);
  EXPECT_EQ((*exceptions)[0].subject, "A");
  EXPECT_EQ((*exceptions)[0].amount_rmb, D("100.50"));
  EXPECT_EQ((*exceptions)[0].interest_rmb, D("0.05"));
  EXPECT_EQ((*exceptions)[1].subject, "C");
  EXPECT_EQ((*exceptions)[1].amount_rmb, D("1.00"));
  EXPECT_EQ((*exceptions)[1].interest_rmb, D("0.00"));
}

TEST_F(Stages, OverdraftCheckRefusesAChargedClientWithoutCash) {
  clearing::InvestorObligation a;
  a.account_id = "A";
  a.reserve = MoneyKind::kClient;
  a.net_rmb = D("1.00");
  clearing::ClearingResult result;
  result.investors.push_back(a);
  auto exceptions = find_exceptions(prepare(), result, {});
  ASSERT_FALSE(exceptions.ok());
  EXPECT_EQ(exceptions.error().reason, kInputsMissing);
}

// CLR-16 (第41条): the sh client reserve is 50,000.00 short after Friday's 10:30 batch and
// 20,000.00 short after 18:00. Three days run to Monday: penalty 50,000.00 × 0.1% × 3 = 150.00
// on the larger; interest 20,000.00 × 0.35% × 3 / 360 = 0.5833… → 0.58 on the end-of-day one.
TEST_F(Stages, AReserveShortAfterItsBatchesIsASettlementDefault) {
  inputs.reserve_checks.push_back(
      {Channel::kShanghai, MoneyKind::kClient, D("-50000.00"), D("-20000.00")});
  auto exceptions = find_exceptions(prepare(), clearing::ClearingResult{}, {});
  ASSERT_TRUE(exceptions.ok()) << exceptions.error().to_string();
  ASSERT_EQ(exceptions->size(), 1u);
  const auto& x = (*exceptions)[0];
  EXPECT_EQ(x.kind, "default");
  EXPECT_EQ(x.subject, "sh:client");
  EXPECT_EQ(x.amount_rmb, D("50000.00"));
  EXPECT_EQ(x.detail_rmb, D("20000.00"));
  EXPECT_EQ(x.penalty_rmb, D("150.00"));
  EXPECT_EQ(x.interest_rmb, D("0.58"));
}

// CLR-19 (第42条): the client reserve is RMB 5,000.00 short after 10:30 on Friday; the morning's
// instruction moved 200,000.00 to the bank, so the day's transfer becomes 195,000.00.
TEST_F(Stages, AShortfallAt1030ReissuesTheDaysTransfer) {
  inputs.reserve_checks.push_back(
      {Channel::kShanghai, MoneyKind::kClient, D("-5000.00"), D("0.00")});
  clearing::TransferInstruction morning;
  morning.channel = Channel::kShanghai;
  morning.reserve = MoneyKind::kClient;
  morning.transfer.transfer_rmb = D("200000.00");
  inputs.instructed_for_date.push_back(morning);
  auto reissued = reissue_transfers(prepare());
  ASSERT_TRUE(reissued.ok()) << reissued.error().to_string();
  ASSERT_EQ(reissued->size(), 1u);
  EXPECT_EQ((*reissued)[0].reissue.still_due_rmb, D("5000.00"));
  EXPECT_EQ((*reissued)[0].reissue.recomputed_rmb, D("195000.00"));
}

// CLR-13/14 (第34、37条) for A at Friday's close. Statement of 03-13: 100,000.00. Wednesday's
// buys of 30,000.00 settled today (T+2), after the statement: cash 70,000.00. Thursday's sale of
// 20,000.00 settles 03-18: unsettled. Today A bought 1,000 × 50.00 = HKD 50,000, frozen at the
// reference sell rate 0.9150: 45,750.00; settled at 46,000.00 (fees and commission in it): the
// frozen funds go up by 250.00. T's portfolio fee 2.17 is frozen for T+1.
// Available for Southbound = 70,000.00 − 46,000.00 − 2.17 + 20,000.00 = 43,997.83;
// for A shares (the sale reaches them only at T+2) = 70,000.00 − 46,000.00 − 2.17 = 23,997.83.
TEST_F(Stages, PreClearingRollsTheStatementForwardAndAdjustsTheFrozenFunds) {
  inputs.cash_statements["A"] = {d("2024-03-13"), D("100000.00")};
  earlier.trade_money["A"] = {{d("2024-03-13"), d("2024-03-15"), D("30000.00"), D("0.00")},
                              {d("2024-03-14"), d("2024-03-18"), D("0.00"), D("20000.00")}};
  inputs.executions = {execution("T1", "2024-03-15", "A", "00700", Side::kBuy, 1000, "50.00")};
  clearing::ClearingResult result;
  clearing::InvestorObligation a;
  a.account_id = "A";
  a.reserve = MoneyKind::kClient;
  a.buy_rmb = D("46000.00");
  a.net_rmb = D("46000.00");
  result.investors.push_back(a);
  InvestorPortfolioFee fee{"A", Channel::kShanghai, MoneyKind::kClient, {}, d("2024-03-18")};
  fee.charge.fee_rmb = D("2.17");
  auto rows = pre_clear_investors(prepare(), result, {fee}, {}, {});
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  ASSERT_EQ(rows->size(), 1u);
  const clearing::PreClearing& p = (*rows)[0].result;
  EXPECT_EQ(p.settled_since_rmb, D("-30000.00"));
  EXPECT_EQ(p.cash_rmb, D("70000.00"));
  EXPECT_EQ(p.unsettled_buys_rmb, D("46000.00"));
  EXPECT_EQ(p.unsettled_sells_rmb, D("20000.00"));
  EXPECT_EQ(p.frozen_adjustment_rmb, D("250.00"));
  EXPECT_EQ(p.available_southbound_rmb, D("43997.83"));
  EXPECT_EQ(p.available_a_share_rmb, D("23997.83"));
  EXPECT_FALSE(p.notify);
}

// CLR-13/14 over several accounts, each at stake through another source, merged in account
// order; statements of 03-14. A bought on both channels: 46,000.00 on Shanghai and 4,600.00 on
// Shenzhen at the settlement data; the counter froze 1,000 × 50.00 × 0.9150 = 45,750.00 and
// 100 × 50.00 × 0.9150 = 4,575.00: adjustment 50,600.00 − 50,325.00 = 275.00; available for
// Southbound 100,000.00 − 50,600.00 − 2.17 = 49,397.83. B owes only a fee of 1.00 against 10.00:
// 9.00. C only has a buy frozen (200 × 50.00 × 0.9150 = 9,150.00) and no money at the settlement
// data: −9,150.00. D only has Thursday's sale of 500.00 unsettled: available 0.00 + 500.00 for
// Southbound, 0.00 for A shares. P's own money is no investor's.
TEST_F(Stages, PreClearingMergesEveryClientAccountAtStakeInAccountOrder) {
  accounts.add({"B", AccountType::kIndividual, MoneyKind::kClient, D("0.0003"), D("0")});
  accounts.add({"C", AccountType::kIndividual, MoneyKind::kClient, D("0.0003"), D("0")});
  accounts.add({"D", AccountType::kIndividual, MoneyKind::kClient, D("0.0003"), D("0")});
  clearing::FxRates shenzhen = rates("2024-03-15", "0.9150");
  shenzhen.channel = Channel::kShenzhen;
  inputs.fx[Channel::kShenzhen] = shenzhen;
  for (const auto& [account, cash] : {std::pair{"A", "100000.00"}, std::pair{"B", "10.00"},
                                      std::pair{"C", "20000.00"}, std::pair{"D", "0.00"}}) {
    inputs.cash_statements[account] = {d("2024-03-14"), D(cash)};
  }
  earlier.trade_money["D"] = {{d("2024-03-14"), d("2024-03-18"), D("0.00"), D("500.00")}};
  clearing::Execution on_shenzhen =
      execution("T4", "2024-03-15", "A", "00700", Side::kBuy, 100, "50.00");
  on_shenzhen.channel = Channel::kShenzhen;
  inputs.executions = {execution("T1", "2024-03-15", "A", "00700", Side::kBuy, 1000, "50.00"),
                       execution("T2", "2024-03-15", "C", "00700", Side::kBuy, 200, "50.00"),
                       execution("T3", "2024-03-15", "P", "00700", Side::kBuy, 100, "50.00"),
                       on_shenzhen};
  clearing::ClearingResult result;
  add_investor(result, "A", Channel::kShanghai, MoneyKind::kClient, "46000.00", "0.00");
  add_investor(result, "A", Channel::kShenzhen, MoneyKind::kClient, "4600.00", "0.00");
  add_investor(result, "P", Channel::kShanghai, MoneyKind::kOwn, "4600.00", "0.00");
  std::vector<InvestorPortfolioFee> fees;  // not in account order
  add_client_fee(fees, "B", "1.00");
  add_client_fee(fees, "A", "2.17");
  auto rows = pre_clear_investors(prepare(), result, fees, {}, {});
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[0].account_id, "A");
  EXPECT_EQ((*rows)[0].inputs.frozen_at_reference_rmb, D("50325.00"));
  EXPECT_EQ((*rows)[0].result.frozen_adjustment_rmb, D("275.00"));
  EXPECT_EQ((*rows)[0].result.available_southbound_rmb, D("49397.83"));
  EXPECT_EQ((*rows)[1].account_id, "B");
  EXPECT_EQ((*rows)[1].result.available_southbound_rmb, D("9.00"));
  EXPECT_EQ((*rows)[2].account_id, "C");
  EXPECT_EQ((*rows)[2].result.frozen_adjustment_rmb, D("-9150.00"));
  EXPECT_EQ((*rows)[3].account_id, "D");
  EXPECT_EQ((*rows)[3].result.unsettled_sells_rmb, D("500.00"));
  EXPECT_EQ((*rows)[3].result.available_southbound_rmb, D("500.00"));
  EXPECT_EQ((*rows)[3].result.available_a_share_rmb, D("0.00"));
}

// STL-4 (issue 17): corporate-action cash and non-trade transfer fees in the available funds.
// E's statement of Wednesday 03-13 is 1,000.00. An earlier run's dividend of 50.00 settled on
// 03-13 (in the statement already) and one of 300.00 on 03-14 (cash: 1,300.00). Today CSDC
// cleared a dividend of 200.00 for E and an inheritance's fees of 15.00 + stamp duty 3.00, both
// settling Monday 03-18, the day the figures are for: + 182.00 in both, 1,482.00. F (statement of
// 03-14: 0.00) paid an earlier transfer's 5.00 today and owes today's 2.00 on Monday: cash
// −5.00, available −7.00, to be notified. P's dividend goes to the broker's own money: no row.
TEST_F(Stages, PreClearingCountsCorporateActionCashAndTransferFees) {
  accounts.add({"E", AccountType::kIndividual, MoneyKind::kClient, D("0.0003"), D("0")});
  accounts.add({"F", AccountType::kIndividual, MoneyKind::kClient, D("0.0003"), D("0")});
  inputs.cash_statements["E"] = {d("2024-03-13"), D("1000.00")};
  inputs.cash_statements["F"] = {d("2024-03-14"), D("0.00")};
  earlier.ca_credits[Channel::kShanghai] = {
      {"D-1", "E", MoneyKind::kClient, D("50.00"), d("2024-03-13")},
      {"D-2", "E", MoneyKind::kClient, D("300.00"), d("2024-03-14")}};
  earlier.non_trade_fees[Channel::kShenzhen] = {
      {"NT-1", "F", MoneyKind::kClient, D("5.00"), d("2024-03-15")}};
  std::vector<CaCredit> credits(2);
  credits[0].event_id = "D-3";
  credits[0].account_id = "P";
  credits[0].reserve = MoneyKind::kOwn;
  credits[0].money.net_rmb = D("999.00");
  credits[0].payable_date = d("2024-03-18");
  credits[1] = credits[0];
  credits[1].account_id = "E";
  credits[1].reserve = MoneyKind::kClient;
  credits[1].money.net_rmb = D("200.00");
  std::vector<NonTradeFee> transfer_fees{
      {"NT-2", Channel::kShanghai, "F", MoneyKind::kClient, D("2.00"), D("0.00"), d("2024-03-18")},
      {"NT-3", Channel::kShanghai, "E", MoneyKind::kClient, D("15.00"), D("3.00"),
       d("2024-03-18")}};
  auto rows =
      pre_clear_investors(prepare(), clearing::ClearingResult{}, {}, credits, transfer_fees);
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  ASSERT_EQ(rows->size(), 2u);
  const store::PreClearingRow& e = (*rows)[0];
  EXPECT_EQ(e.account_id, "E");
  EXPECT_EQ(e.result.other_settled_since_rmb, D("300.00"));
  EXPECT_EQ(e.result.other_unsettled_rmb, D("182.00"));
  EXPECT_EQ(e.result.cash_rmb, D("1300.00"));
  EXPECT_EQ(e.result.available_a_share_rmb, D("1482.00"));
  EXPECT_EQ(e.result.available_southbound_rmb, D("1482.00"));
  EXPECT_FALSE(e.result.notify);
  const store::PreClearingRow& f = (*rows)[1];
  EXPECT_EQ(f.account_id, "F");
  EXPECT_EQ(f.result.cash_rmb, D("-5.00"));
  EXPECT_EQ(f.result.available_southbound_rmb, D("-7.00"));
  EXPECT_TRUE(f.result.notify);
}

// CLR-18 (第40条): Wednesday 2023-09-06's trades were to settle on Friday 09-08, closed all day
// by the black rainstorm and Extreme Conditions. The run of Monday 09-11 (the previous run was
// Thursday 09-07's) moves them to 09-11 and names their investors, planned 09-08, now 09-11.
TEST_F(Stages, ASettlementDayClosedSinceTheTradeMovesItsInvestorsClearingDate) {
  inputs.date = d("2023-09-11");
  inputs.rules_date = d("2023-09-11");
  earlier.pending.push_back(
      {d("2023-09-06"), Channel::kShanghai, d("2023-09-08"), d("2023-09-08")});
  store::SettlementDelay investor;
  investor.trade_date = d("2023-09-06");
  investor.channel = Channel::kShanghai;
  investor.account_id = "A";
  investor.net_rmb = D("1000.00");
  earlier.investors[{d("2023-09-06"), Channel::kShanghai}] = {investor};
  auto delayed = delayed_settlements(prepare());
  ASSERT_TRUE(delayed.ok()) << delayed.error().to_string();
  ASSERT_EQ(delayed->moves.size(), 1u);
  EXPECT_EQ(delayed->moves[0].trade_date, d("2023-09-06"));
  EXPECT_EQ(delayed->moves[0].payable_date, d("2023-09-11"));
  ASSERT_EQ(delayed->delays.size(), 1u);
  EXPECT_EQ(delayed->delays[0].account_id, "A");
  EXPECT_EQ(delayed->delays[0].planned_date, d("2023-09-08"));
  EXPECT_EQ(delayed->delays[0].settlement_date, d("2023-09-11"));
  EXPECT_FALSE(delayed->delays[0].reason.empty());
}

// 第22条 with 第40条: Thursday 2023-09-07's portfolio fee was to be collected at T+1, Friday
// 09-08, which the black rainstorm then closed. The run of Monday 09-11 (previous run 09-07)
// moves its collection to 09-11, the next settlement day, with 09-06's trade money. A Shenzhen
// fee of the same day already stored for 09-11 stays; a fee collected 09-07 (not after the
// previous run) is not looked at.
TEST_F(Stages, APortfolioFeeDueOnADayClosedSinceItsRunIsCollectedOnTheNextSettlementDay) {
  inputs.date = d("2023-09-11");
  inputs.rules_date = d("2023-09-11");
  earlier.pending_fees = {{d("2023-09-06"), Channel::kShanghai, d("2023-09-07")},
                          {d("2023-09-07"), Channel::kShanghai, d("2023-09-08")},
                          {d("2023-09-07"), Channel::kShenzhen, d("2023-09-11")}};
  auto delayed = delayed_settlements(prepare());
  ASSERT_TRUE(delayed.ok()) << delayed.error().to_string();
  ASSERT_EQ(delayed->fee_moves.size(), 1u);
  EXPECT_EQ(delayed->fee_moves[0].business_date, d("2023-09-07"));
  EXPECT_EQ(delayed->fee_moves[0].channel, Channel::kShanghai);
  EXPECT_EQ(delayed->fee_moves[0].collection_date, d("2023-09-11"));
}

// The amount `entry` posts to `account`, or −999,999.99 when it posts none (no worked figure is
// that).
Decimal posted(const std::vector<ledger::Posting>& postings, const std::string& entry,
               const std::string& account) {
  for (const auto& p : postings) {
    if (p.entry == entry && p.account == account) return p.amount;
  }
  return D("-999999.99");
}
// The same, of one asset (an entry moving two securities of the account).
Decimal posted(const std::vector<ledger::Posting>& postings, const std::string& entry,
               const std::string& account, const std::string& asset) {
  for (const auto& p : postings) {
    if (p.entry == entry && p.account == account && p.asset == asset) return p.amount;
  }
  return D("-999999.99");
}

// CLR-3 (第21条), the run of Monday 2024-03-18 posts what settled since Friday's run: Thursday
// 03-14's trades (T+2 = 03-18) move A's money from unsettled to cash (1,000.00 paid) and its
// 100 shares into holdings, and the client reserve pays CSDC's net 995.00; Friday's portfolio fee
// of 2.17, collected 03-18 (T+1), is paid out of the reserve too. Each entry balances.
TEST_F(Stages, SettlementDayEntriesPostWhatSettledSinceThePreviousRun) {
  inputs.date = d("2024-03-18");
  inputs.rules_date = d("2024-03-18");
  const Channel sh = Channel::kShanghai;
  earlier.nets[{d("2024-03-14"), sh}] = {true, true, {{MoneyKind::kClient, D("995.00")}}};
  earlier.entries[{d("2024-03-14"), sh}] = {{
      {"TRADES:A:sh", "investor_unsettled:A", "CNY", D("-1000.00")},
      {"TRADES:A:sh", "csdc_settlement:sh:client", "CNY", D("995.00")},
      {"TRADES:A:sh", "commission_income", "CNY", D("5.00")},
      {"TRADES:A:sh", "investor_securities:A", "security:00700", D("100")},
      {"TRADES:A:sh", "csdc_securities:sh", "security:00700", D("-100")},
  }};
  earlier.nets_with_dates[{d("2024-03-14"), sh}] = {
      {MoneyKind::kClient, D("995.00"), d("2024-03-18")}};
  earlier.fees_of[{d("2024-03-15"), sh}] = {{MoneyKind::kClient, d("2024-03-18"), D("2.17")}};
  auto postings = settlement_entries(prepare());
  ASSERT_TRUE(postings.ok()) << postings.error().to_string();
  EXPECT_TRUE(ledger::check_journal(*postings).empty());
  auto amount = [&](const std::string& entry, const std::string& account) {
    return posted(*postings, entry, account);
  };
  const std::string settle = "SETTLE:2024-03-14:A:sh";
  EXPECT_EQ(amount(settle, "investor_unsettled:A"), D("1000.00"));
  EXPECT_EQ(amount(settle, "investor_cash:A"), D("-1000.00"));
  EXPECT_EQ(amount(settle, "investor_holdings:A"), D("100"));
  EXPECT_EQ(amount(settle, "custody:sh"), D("-100"));
  const std::string paid = "CSDC:trading_money:2024-03-14:2024-03-18:sh:client";
  EXPECT_EQ(amount(paid, "csdc_settlement:sh:client"), D("-995.00"));
  EXPECT_EQ(amount(paid, "csdc_reserve:sh:client"), D("995.00"));
  const std::string fee = "CSDC:portfolio_fee:2024-03-15:2024-03-18:sh:client";
  EXPECT_EQ(amount(fee, "csdc_reserve:sh:client"), D("2.17"));
}

// CLR-7's money in the journal (第23条; STL-2 T+1 10:30, STL-4 usable then). The run of Friday
// 03-15 credits A's 2,116.22 and P's 1,102.20 of
// CorporateActionCashReachesTheHoldersAtTheRecordDate: each is owed to its investor (unsettled) and
// by CSDC (a receivable on the account's reserve). The run of Monday 03-18, their payable day,
// makes them usable cash and takes CSDC's payment into each reserve: 2,116.22 + 380.00 (B's) =
// 2,496.22 into the client reserve, 1,102.20 into the own one. A credit payable 03-19 is not
// Monday's. Every entry balances.
TEST_F(Stages, CorporateActionCashIsJournaledWhenClearedAndWhenSettled) {
  const auto cleared = ca_credit_postings(
      {credit("A", MoneyKind::kClient, "2116.22"), credit("P", MoneyKind::kOwn, "1102.20")});
  EXPECT_TRUE(ledger::check_journal(cleared).empty());
  ASSERT_EQ(cleared.size(), 4u);
  EXPECT_EQ(cleared[0].entry, "CA:E:A:sh");
  EXPECT_EQ(cleared[0].account, "investor_unsettled:A");
  EXPECT_EQ(cleared[0].amount, D("2116.22"));
  EXPECT_EQ(cleared[1].account, "csdc_settlement:sh:client");
  EXPECT_EQ(cleared[1].amount, D("-2116.22"));
  EXPECT_EQ(cleared[3].account, "csdc_settlement:sh:own");
  EXPECT_EQ(cleared[3].amount, D("-1102.20"));

  inputs.date = d("2024-03-18");
  inputs.rules_date = d("2024-03-18");
  earlier.ca_credits[Channel::kShanghai] = {
      {"E", "A", MoneyKind::kClient, D("2116.22"), d("2024-03-18")},
      {"E", "B", MoneyKind::kClient, D("380.00"), d("2024-03-18")},
      {"E", "P", MoneyKind::kOwn, D("1102.20"), d("2024-03-18")},
      {"F", "A", MoneyKind::kClient, D("50.00"), d("2024-03-19")}};
  auto postings = settlement_entries(prepare());
  ASSERT_TRUE(postings.ok()) << postings.error().to_string();
  EXPECT_TRUE(ledger::check_journal(*postings).empty());
  auto amount = [&](const std::string& entry, const std::string& account) {
    return posted(*postings, entry, account);
  };
  EXPECT_EQ(amount("CA_SETTLE:E:A:sh", "investor_unsettled:A"), D("-2116.22"));
  EXPECT_EQ(amount("CA_SETTLE:E:A:sh", "investor_cash:A"), D("2116.22"));
  EXPECT_EQ(amount("CA_SETTLE:E:P:sh", "investor_cash:P"), D("1102.20"));
  const std::string client = "CSDC:ca:E:2024-03-18:sh:client";
  EXPECT_EQ(amount(client, "csdc_settlement:sh:client"), D("2496.22"));
  EXPECT_EQ(amount(client, "csdc_reserve:sh:client"), D("-2496.22"));
  EXPECT_EQ(amount("CSDC:ca:E:2024-03-18:sh:own", "csdc_reserve:sh:own"), D("-1102.20"));
  EXPECT_EQ(amount("CA_SETTLE:F:A:sh", "investor_cash:A"), D("-999999.99"));
}

// CLR-10 (第26条): CSDC's data of Friday 03-15 moves the 1,000 00700 the 03-14 statement has in
// A's account to B's by inheritance, B paying CSDC's transfer fee of 30.00 (the figures are the
// data's: the broker debits them, it does not compute them). At 03-15's close B holds the 1,000
// and A none — what the portfolio fee and collateral of the day read (CLR-6) — and the fee
// settles on the next Southbound trading day, Monday 03-18. A transfer naming an account the
// book lacks is refused.
TEST_F(Stages, ANonTradeTransferMovesTheSharesAtTheCloseAndDebitsItsFees) {
  accounts.add({"B", AccountType::kIndividual, MoneyKind::kClient, D("0.0003"), D("0")});
  earlier.statements[{Channel::kShanghai, d("2024-03-14")}] = {d("2024-03-14"),
                                                               {{"A", "00700", 1000}}};
  corpactions::NonTradeTransfer t;
  t.transfer_id = "NT-1";
  t.reason = corpactions::TransferReason::kInheritance;
  t.channel = Channel::kShanghai;
  t.clearing_date = d("2024-03-15");
  t.from_account = "A";
  t.to_account = "B";
  t.security_code = "00700";
  t.quantity = 1000;
  t.fee_account = "B";
  t.transfer_fee_rmb = D("30.00");
  t.stamp_duty_rmb = D("0.00");
  t.source = "csdc";
  inputs.non_trade_transfers = {t};
  DayContext& day = prepare();
  auto held = day.closing_holdings(Channel::kShanghai, d("2024-03-15"));
  ASSERT_TRUE(held.ok()) << held.error().to_string();
  ASSERT_EQ((*held)->size(), 1u);
  EXPECT_EQ((**held)[0].account_id, "B");
  EXPECT_EQ((**held)[0].quantity, 1000);
  auto before = day.closing_holdings(Channel::kShanghai, d("2024-03-14"));
  ASSERT_TRUE(before.ok());
  EXPECT_EQ((**before)[0].account_id, "A");  // the day before, A's

  auto fees = debit_non_trade_fees(day);
  ASSERT_TRUE(fees.ok()) << fees.error().to_string();
  ASSERT_EQ(fees->size(), 1u);
  EXPECT_EQ((*fees)[0].account_id, "B");
  EXPECT_EQ((*fees)[0].settlement_date, d("2024-03-18"));
  const auto postings = non_trade_postings(day, *fees);
  EXPECT_TRUE(ledger::check_journal(postings).empty());
  EXPECT_EQ(posted(postings, "NTT:NT-1", "investor_unsettled:B"), D("-30.00"));
  EXPECT_EQ(posted(postings, "NTT:NT-1", "csdc_settlement:sh:client"), D("30.00"));
  EXPECT_EQ(posted(postings, "NTT:NT-1", "investor_holdings:A"), D("-1000"));
  EXPECT_EQ(posted(postings, "NTT:NT-1", "investor_holdings:B"), D("1000"));

  inputs.non_trade_transfers[0].to_account = "Z";
  auto refused = debit_non_trade_fees(prepare());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("account Z"), std::string::npos);
}

// Monday 03-18's run settles it: B's cash pays the 30.00 and the client reserve pays CSDC.
TEST_F(Stages, ANonTradeTransfersFeesSettleOnTheNextSouthboundTradingDay) {
  inputs.date = d("2024-03-18");
  inputs.rules_date = d("2024-03-18");
  earlier.non_trade_fees[Channel::kShanghai] = {
      {"NT-1", "B", MoneyKind::kClient, D("30.00"), d("2024-03-18")}};
  auto postings = settlement_entries(prepare());
  ASSERT_TRUE(postings.ok()) << postings.error().to_string();
  EXPECT_TRUE(ledger::check_journal(*postings).empty());
  EXPECT_EQ(posted(*postings, "NTT_SETTLE:NT-1", "investor_cash:B"), D("-30.00"));
  EXPECT_EQ(posted(*postings, "NTT_SETTLE:NT-1", "investor_unsettled:B"), D("30.00"));
  const std::string paid = "CSDC:non_trade:2024-03-18:sh:client";
  EXPECT_EQ(posted(*postings, paid, "csdc_settlement:sh:client"), D("-30.00"));
  EXPECT_EQ(posted(*postings, paid, "csdc_reserve:sh:client"), D("30.00"));
}

// A 1-for-10 bonus issue of 00005, ex the day before its record date.
corpactions::CorporateAction bonus_of_00005(const char* id, const char* record,
                                            const char* distributed) {
  corpactions::CorporateAction bonus;
  bonus.event_id = id;
  bonus.type = corpactions::ActionType::kBonusShares;
  bonus.security_code = "00005";
  bonus.record_date = d(record);
  bonus.ex_date = bonus.record_date->plus_days(-1);
  bonus.payment_date = d(distributed);
  bonus.ratio = corpactions::Ratio{1, 10};
  return bonus;
}

// CLR-8 with tests/golden/ca/shares's B-5 (1 bonus share for every 10 of 00005), record date
// Wednesday 03-13, distributed today, Friday 03-15: the 03-12 statement's A 1,234 and P 4,000,
// with A's 100 bought Monday 03-11 (settled 03-13, by the record date) — 1,334 — get 133 (4/10
// not credited) and 400. D's close holds 1,467 and 4,400, and the day's journal moves them out of
// custody. A takeover distributed Monday 03-18 is not today's, nor in today's close.
TEST_F(Stages, BonusSharesReachTheHoldingsOnTheirDistributionDate) {
  earlier.statements[{Channel::kShanghai, d("2024-03-12")}] = {
      d("2024-03-12"), {{"A", "00005", 1234}, {"P", "00005", 4000}}};
  earlier.executions[d("2024-03-11")] = {
      execution("T1", "2024-03-11", "A", "00005", Side::kBuy, 100, "60.00")};
  const auto bonus = bonus_of_00005("B-5", "2024-03-13", "2024-03-15");
  corpactions::CorporateAction takeover;
  takeover.event_id = "T-5";
  takeover.type = corpactions::ActionType::kTakeover;
  takeover.security_code = "00005";
  takeover.record_date = d("2024-03-14");
  takeover.payment_date = d("2024-03-18");
  earlier.actions = {bonus, takeover};
  DayContext& day = prepare();
  auto held = day.closing_holdings(Channel::kShanghai, d("2024-03-15"));
  ASSERT_TRUE(held.ok()) << held.error().to_string();
  ASSERT_EQ((*held)->size(), 2u);
  EXPECT_EQ((**held)[0].account_id, "A");
  EXPECT_EQ((**held)[0].quantity, 1467);
  EXPECT_EQ((**held)[1].quantity, 4400);
  auto postings = ca_securities_postings(day);
  ASSERT_TRUE(postings.ok()) << postings.error().to_string();
  EXPECT_TRUE(ledger::check_journal(*postings).empty());
  EXPECT_EQ(posted(*postings, "CAS:B-5:sh", "investor_holdings:A"), D("133"));
  EXPECT_EQ(posted(*postings, "CAS:B-5:sh", "investor_holdings:P"), D("400"));
  EXPECT_EQ(posted(*postings, "CAS:T-5:sh", "investor_holdings:A"), D("-999999.99"));
}

// A rights issue of 1 right (29999) for every 5 shares of 00005 at HKD 3.50 (CA-1, CA-3; [D]
// docs/corpactions.md "Rights taken up"): record date Wednesday 03-06, rights credited the day
// after (03-07), CSDC's deadline Wednesday 03-13 16:00, so the broker files against the close of
// 03-12; the new shares are distributed today, Friday 03-15.
corpactions::CorporateAction rights_of_00005() {
  corpactions::CorporateAction r;
  r.event_id = "R";
  r.type = corpactions::ActionType::kRightsIssue;
  r.security_code = "00005";
  r.new_security_code = "29999";
  r.ex_date = d("2024-03-05");
  r.record_date = d("2024-03-06");
  r.payment_date = d("2024-03-15");
  r.currency = Currency::kHKD;
  r.price = D("3.50");
  r.ratio = corpactions::Ratio{1, 5};
  r.options = {corpactions::ElectionOption::kTakeUp};
  r.election_open = corpactions::HktInstant{d("2024-03-07"), *TimeOfDay::from_hms(9, 0, 0)};
  r.csdc_deadline = corpactions::HktInstant{d("2024-03-13"), *TimeOfDay::from_hms(16, 0, 0)};
  return r;
}

// The 03-06 statement: A 2,002 and P 1,000 of 00005. The day after the record date A holds 400
// rights (2,002 ÷ 5 = 400.4, the 0.4 not credited) and P 200. A sells 100 rights on Thursday
// 03-07 (settled Monday 03-11), so the filing's close, 03-12, holds A 300 and P 200. A files 300
// for take-up; P instructs 250, more than its 200 rights: an excess application, refused whole.
// Today A gets 300 new shares (2,002 + 300 = 2,302 at the close) and every right still held
// goes: A's 300 (taken up), P's 200 (lapsed). CSDC collects the subscription today at 0.91231:
// A 300 × 3.50 = HKD 1,050.00 × 0.91231 = 957.9255, rounded up to RMB 957.93 (floor would give
// 957.92), payable to CSDC at today's corporate-action flow, Monday 03-18; P pays nothing.
TEST_F(Stages, RightsAreCreditedAfterTheRecordDateAndTakenUpOnThePaymentDate) {
  earlier.statements[{Channel::kShanghai, d("2024-03-06")}] = {
      d("2024-03-06"), {{"A", "00005", 2002}, {"P", "00005", 1000}}};
  earlier.executions[d("2024-03-07")] = {
      execution("T1", "2024-03-07", "A", "29999", Side::kSell, 100, "0.40")};
  const auto rights = rights_of_00005();
  earlier.actions = {rights};
  corpactions::ElectionInstruction a;
  a.channel = Channel::kShanghai;
  a.account_id = "A";
  a.choices = {{corpactions::ElectionOption::kTakeUp, 300}};
  corpactions::ElectionInstruction p = a;
  p.account_id = "P";
  p.choices = {{corpactions::ElectionOption::kTakeUp, 250}};
  earlier.instructions["R"] = {a, p};
  CaCashClearing clearing;
  clearing.action = rights;
  clearing.payment = {"R", Channel::kShanghai, Currency::kHKD, D("0.91231"), d("2024-03-15"), "x"};
  inputs.ca_cash = {clearing};
  DayContext& day = prepare();

  // The rights' own step, on 03-07: from the record date's holders.
  const HoldingSources sources = day.holding_sources();
  auto credited =
      action_movements(rights, Channel::kShanghai, d("2024-03-06"), d("2024-03-07"), sources);
  ASSERT_TRUE(credited.ok()) << credited.error().to_string();
  ASSERT_EQ(credited->size(), 1u);
  EXPECT_EQ((*credited)[0].step.step, corpactions::SecuritiesStep::kRightsCredit);
  const auto& in = (*credited)[0].movements;
  ASSERT_EQ(in.size(), 2u);
  EXPECT_EQ(in[0].security_code, "29999");
  EXPECT_EQ(in[0].quantity, 400);
  EXPECT_EQ(in[1].quantity, 200);

  auto filing = day.closing_holdings(Channel::kShanghai, d("2024-03-12"));
  ASSERT_TRUE(filing.ok()) << filing.error().to_string();
  std::map<std::string, int64_t> rights_held;
  for (const auto& h : **filing) {
    if (h.security_code == "29999") rights_held[h.account_id] = h.quantity;
  }
  EXPECT_EQ(rights_held, (std::map<std::string, int64_t>{{"A", 300}, {"P", 200}}));

  auto held = day.closing_holdings(Channel::kShanghai, d("2024-03-15"));
  ASSERT_TRUE(held.ok()) << held.error().to_string();
  ASSERT_EQ((*held)->size(), 2u);  // no rights left
  EXPECT_EQ((**held)[0].account_id, "A");
  EXPECT_EQ((**held)[0].security_code, "00005");
  EXPECT_EQ((**held)[0].quantity, 2302);
  EXPECT_EQ((**held)[1].quantity, 1000);

  auto postings = ca_securities_postings(day);
  ASSERT_TRUE(postings.ok()) << postings.error().to_string();
  EXPECT_TRUE(ledger::check_journal(*postings).empty());
  EXPECT_EQ(posted(*postings, "CAS:R:sh", "investor_holdings:A", "security:00005"), D("300"));
  EXPECT_EQ(posted(*postings, "CAS:R:sh", "investor_holdings:A", "security:29999"), D("-300"));
  EXPECT_EQ(posted(*postings, "CAS:R:sh", "investor_holdings:P", "security:29999"), D("-200"));

  auto debits = clear_ca_cash(day);
  ASSERT_TRUE(debits.ok()) << debits.error().to_string();
  ASSERT_EQ(debits->size(), 1u);
  const CaCredit& debit = (*debits)[0];
  EXPECT_EQ(debit.account_id, "A");
  EXPECT_EQ(debit.holding, 300);
  EXPECT_EQ(debit.gross_ccy, D("-1050.00"));
  EXPECT_EQ(debit.money.net_rmb, D("-957.93"));
  EXPECT_EQ(debit.payable_date, d("2024-03-18"));
}

// CLR-11 with a subscription: CSDC collects A's 957.93 at the 03-18 corporate-action batch, a
// term of its own (not netted into the dividends): 500,000.00 + 2,645.28 receivable − 957.93
// payable = 501,687.35 to the bank.
TEST_F(Stages, TransferPaysTheSubscriptionsCsdcCollectsThatDay) {
  inputs.reserve_balances[Channel::kShanghai][MoneyKind::kClient] = {d("2024-03-14"),
                                                                     D("500000.00")};
  auto transfers = instruct_transfers(
      prepare(), clearing::ClearingResult{}, {}, {},
      {credit("B", MoneyKind::kClient, "2645.28"), credit("A", MoneyKind::kClient, "-957.93")});
  ASSERT_TRUE(transfers.ok()) << transfers.error().to_string();
  ASSERT_EQ(transfers->size(), 1u);
  const auto& client = (*transfers)[0];
  EXPECT_EQ(client.inputs.dividends_receivable_rmb, D("2645.28"));
  EXPECT_EQ(client.inputs.ca_money_payable_rmb, D("957.93"));
  EXPECT_EQ(client.transfer.transfer_rmb, D("501687.35"));
}

// A distribution on a day Southbound does not trade is journalled by the next run: HKSCC
// distributes a 1-for-10 bonus on Thursday 2024-10-03, inside the mainland's National Day
// holiday (Southbound closed 10-01 to 10-07, data/calendar); the run of Tuesday 10-08 credits
// A's 1,000 (the 09-30 statement, record date 09-30) with 100 and holds 1,100 at its close.
TEST_F(Stages, ADistributionOnAClosedDayIsPostedByTheNextRun) {
  inputs.date = d("2024-10-08");
  inputs.rules_date = d("2024-10-08");
  earlier.statements[{Channel::kShanghai, d("2024-09-30")}] = {d("2024-09-30"),
                                                               {{"A", "00005", 1000}}};
  const auto bonus = bonus_of_00005("B", "2024-09-30", "2024-10-03");
  earlier.actions = {bonus};
  DayContext& day = prepare();
  auto postings = ca_securities_postings(day);
  ASSERT_TRUE(postings.ok()) << postings.error().to_string();
  EXPECT_EQ(posted(*postings, "CAS:B:sh", "investor_holdings:A"), D("100"));
  auto held = day.closing_holdings(Channel::kShanghai, d("2024-10-08"));
  ASSERT_TRUE(held.ok()) << held.error().to_string();
  ASSERT_EQ((*held)->size(), 1u);
  EXPECT_EQ((**held)[0].quantity, 1100);
}

TEST_F(Stages, SettlementDayEntriesRefuseATradeDateSettlingThenThatWasNeverRun) {
  inputs.date = d("2024-03-18");
  inputs.rules_date = d("2024-03-18");
  earlier.nets[{d("2024-03-14"), Channel::kShanghai}] = {false, true, {}};
  auto postings = settlement_entries(prepare());
  ASSERT_FALSE(postings.ok());
  EXPECT_EQ(postings.error().reason, kEarlierRunMissing);
}

// prepare_day's refusals carry the reasons a scheduler reads (docs/eod.md).
TEST_F(Stages, ADayNeitherChannelTradesIsRefusedAsNotATradingDay) {
  inputs.date = d("2024-03-16");  // a Saturday
  auto prepared = prepare_day(inputs, shipped().markets);
  ASSERT_FALSE(prepared.ok());
  EXPECT_EQ(prepared.error().reason, kNotATradingDay);
}

TEST_F(Stages, MissingRatesAndClosesAreNamedTogether) {
  inputs.fx.clear();
  inputs.executions = {execution("T1", "2024-03-15", "A", "00005", Side::kBuy, 400, "60.00")};
  auto prepared = prepare_day(inputs, shipped().markets);
  ASSERT_FALSE(prepared.ok());
  EXPECT_EQ(prepared.error().reason, kInputsMissing);
  EXPECT_NE(prepared.error().message.find("FX rates for sh"), std::string::npos);
  EXPECT_NE(prepared.error().message.find("closing price of 00005"), std::string::npos);
}

// 第27条 with tests/golden/eod/christmas's calendar: the run of 12-24 (a half day) instructs
// 12-27, its T+1, up to the next trading day's T+1 (12-27's: 12-30). Close SEHK on 12-27 and
// the next trading day is 12-30: 12-24's T+1 becomes 12-30 and 12-30's own T+1 is 2025-01-02
// (12-31 a half day, 01-01 a holiday), so the run instructs 12-30 only. The run of 12-23
// instructs nothing either way (its T+1 is 12-24's).
TEST(InstructedDays, AClosureAfterTheRunMovesTheDayItInstructs) {
  auto before = instructed_days(shipped().markets, shipped().refdata.parameters, d("2024-12-24"));
  ASSERT_TRUE(before.ok()) << before.error().to_string();
  EXPECT_EQ((*before)[Channel::kShanghai], std::vector<Date>{d("2024-12-27")});
  refdata::MarketCalendarData closed = shipped().markets;
  ASSERT_TRUE(closed
                  .add_closure({d("2024-12-27"), refdata::Market::kSehk,
                                refdata::ClosureKind::kHoliday, "ad-hoc", "test", "test"})
                  .ok());
  auto after = instructed_days(closed, shipped().refdata.parameters, d("2024-12-24"));
  ASSERT_TRUE(after.ok()) << after.error().to_string();
  EXPECT_EQ((*after)[Channel::kShanghai], std::vector<Date>{d("2024-12-30")});
  EXPECT_EQ(describe_move(*before, *after),
            "sh 2024-12-27 → 2024-12-30; sz 2024-12-27 → 2024-12-30");
  EXPECT_EQ(describe_move(*after, *after), "");
  auto quiet = instructed_days(closed, shipped().refdata.parameters, d("2024-12-23"));
  ASSERT_TRUE(quiet.ok());
  EXPECT_TRUE((*quiet)[Channel::kShanghai].empty());
  // A channel not trading that day instructs nothing: the run of a Saturday has no channels.
  auto saturday = instructed_days(closed, shipped().refdata.parameters, d("2024-12-28"));
  ASSERT_TRUE(saturday.ok());
  EXPECT_TRUE(saturday->empty());
}

}  // namespace
}  // namespace cp::eod
