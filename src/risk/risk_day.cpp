#include "risk/risk_day.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "calendar/southbound_calendar.h"
#include "refdata/market_calendar.h"
#include "risk/margin_json.h"
#include "store/calendar_store.h"
#include "store/margin_history_store.h"
#include "store/obligation_store.h"
#include "store/risk_store.h"

namespace cp::risk {
namespace {

struct SehkDays {
  HkTradingDays trading_days;
  HkBusinessCalendar business_calendar;
};

Result<SehkDays> sehk_days(const std::string& data_dir, store::Database& db,
                           const refdata::ParameterTable& parameters) {
  CP_ASSIGN_OR_RETURN(auto markets, refdata::load_market_calendars(data_dir));
  CP_RETURN_IF_ERROR(store::merge_calendar_additions(db, markets));
  // SEHK's days are the same in either channel's calendar; Shanghai's covers the longest.
  CP_ASSIGN_OR_RETURN(auto calendar,
                      calendar::SouthboundCalendar::build(markets, parameters, Channel::kShanghai));
  HkBusinessCalendar business;
  for (Date d = calendar.covered_from(); d <= calendar.covered_to(); d = d.plus_days(1)) {
    CP_ASSIGN_OR_RETURN(const calendar::DayInfo* info, calendar.day(d));
    if (info->hk_trading) business.trading_days.push_back(d);
    if (info->hk_settlement_day) business.settlement_days.push_back(d);
    if (info->hk_trading || info->hk_settlement_day) business.business_days.push_back(d);
  }
  HkTradingDays trading(business.trading_days, calendar.covered_from(), calendar.covered_to());
  return SehkDays{std::move(trading), std::move(business)};
}

// The held securities' closes over what the margin reads (margin.h closes_needed).
Result<PriceHistory> closes_for(store::Database& db, const RiskReference& reference,
                                const MarginParameters& parameters,
                                const std::vector<InstrumentPosition>& positions) {
  std::set<std::string> securities;
  for (const auto& position : positions) {
    if (position.quantity != 0) securities.insert(position.security);
  }
  const CloseSpan span = closes_needed(parameters, reference.trading_days);
  PriceHistory history;
  CP_RETURN_IF_ERROR(store::read_closes(db, securities, span.from, span.to, history));
  return history;
}

}  // namespace

Result<RiskReference> load_risk_reference(const std::string& data_dir, store::Database& db) {
  CP_ASSIGN_OR_RETURN(refdata::RefData refdata, refdata::load_refdata(data_dir));
  const std::filesystem::path dir(data_dir);
  const std::string shown = dir.filename().string();
  CP_ASSIGN_OR_RETURN(
      auto parameters,
      refdata::ParameterTable::load(dir / "risk_parameters.csv", shown + "/risk_parameters.csv"));
  CP_ASSIGN_OR_RETURN(
      CsvReader instruments_file,
      CsvReader::open((dir / "risk_instruments.csv").string(), shown + "/risk_instruments.csv"));
  CP_ASSIGN_OR_RETURN(auto instruments, RiskInstrumentTable::parse(instruments_file));
  CP_ASSIGN_OR_RETURN(
      CsvReader schedule_file,
      CsvReader::open((dir / "money_obligations.csv").string(), shown + "/money_obligations.csv"));
  CP_ASSIGN_OR_RETURN(auto schedule, ObligationSchedule::parse(schedule_file));
  CP_ASSIGN_OR_RETURN(
      CsvReader stress_file,
      CsvReader::open((dir / "stress_scenarios.csv").string(), shown + "/stress_scenarios.csv"));
  CP_ASSIGN_OR_RETURN(auto stress, StressLibrary::parse(stress_file));
  CP_ASSIGN_OR_RETURN(SehkDays days, sehk_days(data_dir, db, refdata.parameters));
  return RiskReference{std::move(refdata),
                       std::move(parameters),
                       std::move(instruments),
                       std::move(schedule),
                       std::move(stress),
                       std::move(days.trading_days),
                       std::move(days.business_calendar)};
}

Result<ParticipantDay> participant_day(store::Database& db, const RiskReference& reference,
                                       const std::string& participant, Date date) {
  CP_ASSIGN_OR_RETURN(MarginParameters parameters,
                      margin_parameters_on(reference.risk_parameters, date));
  CP_ASSIGN_OR_RETURN(auto rows, store::cns_positions_of(db, participant, date));
  if (rows.empty()) {
    return make_error(ErrorCode::kNotFound, "no CNS positions of " + participant + " as of " +
                                                date.to_string() + " (import cns-positions)");
  }
  ParticipantDay out;
  std::vector<CnsPosition> open;
  for (auto& row : rows) {
    // On a day HKSCC does not settle (a typhoon), the positions due stay open and margined.
    if (row.settlement_date == date && reference.business_calendar.is_settlement_day(date)) {
      out.settlement_money_hkd += row.contract_value_hkd;
    } else {
      open.push_back(std::move(row));
    }
  }
  MarginInputs inputs;
  inputs.participant = participant;
  inputs.parameters = &parameters;
  inputs.positions = prepare_positions(open);
  inputs.securities = &reference.refdata.securities;
  inputs.instruments = &reference.instruments;
  CP_ASSIGN_OR_RETURN(PriceHistory history,
                      closes_for(db, reference, parameters, inputs.positions));
  inputs.history = &history;
  inputs.trading_days = &reference.trading_days;
  CP_ASSIGN_OR_RETURN(out.margin, compute_margin(inputs));
  return out;
}

Result<std::vector<ParticipantObligations>> work_out_obligations(store::Database& db,
                                                                 const RiskReference& reference,
                                                                 Date date) {
  CP_ASSIGN_OR_RETURN(auto participants, store::participants_with_positions(db, date));
  CP_ASSIGN_OR_RETURN(MarginParameters parameters,
                      margin_parameters_on(reference.risk_parameters, date));
  CP_ASSIGN_OR_RETURN(auto intraday_prices, store::intraday_prices_of(db, date));
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(db));
  std::vector<ParticipantObligations> out;
  for (const std::string& participant : participants) {
    CP_ASSIGN_OR_RETURN(ParticipantDay day, participant_day(db, reference, participant, date));
    ObligationInputs inputs;
    inputs.participant = participant;
    inputs.date = date;
    inputs.schedule = &reference.schedule;
    inputs.calendar = &reference.business_calendar;
    inputs.day_end = &day.margin;
    inputs.rounding_hkd =
        parameters.regime == MarginRegime::kVarPlatform ? parameters.rounding_hkd : 1;
    CP_ASSIGN_OR_RETURN(inputs.collateral_on_hand_hkd,
                        store::collateral_on_hand(db, participant, date));
    inputs.settlement_money_hkd = day.settlement_money_hkd;
    if (!intraday_prices.empty()) {
      // The 11:00 run values the day's positions at the morning's prices (G14 §4.8).
      std::vector<InstrumentPosition> positions;
      for (const PositionFigures& p : day.margin.positions) {
        positions.push_back({p.security, p.quantity, p.contract_value_hkd, 0, Decimal()});
      }
      CP_ASSIGN_OR_RETURN(inputs.intraday_mtm_requirement_hkd,
                          mtm_requirement_at(positions, intraday_prices));
      CP_ASSIGN_OR_RETURN(
          inputs.intraday_tolerance_hkd,
          hkd_parameter(reference.risk_parameters, "margin.intraday_marks_tolerance", date));
    }
    CP_ASSIGN_OR_RETURN(auto fund, store::guarantee_fund_of(db, participant, date));
    if (fund) {
      GuaranteeFundInputs gf;
      gf.contribution_hkd = fund->contribution_hkd;
      gf.expected_uncollateralised_loss_hkd = fund->expected_loss_hkd;
      gf.fund_at_limit = fund->fund_at_limit;
      if (gf.fund_at_limit) {
        auto limit = reference.risk_parameters.money("gf.limit", date);
        if (limit.ok() && limit->currency() != Currency::kHKD) {
          return invalid_input("gf.limit is not in HKD", "gf.limit");
        }
        if (!limit.ok()) {
          return invalid_input(participant + "'s Guarantee Fund figures of " + date.to_string() +
                                   " say the fund is at its limit, but no gf.limit is in "
                                   "force that day",
                               "gf.limit");
        }
        gf.fund_limit_hkd = limit->amount();
        CP_ASSIGN_OR_RETURN(gf.risk_share_of_limit, reference.risk_parameters.ratio(
                                                        "gf.risk_collateral_share_of_limit", date));
      }
      inputs.guarantee_fund = gf;
    }
    CP_ASSIGN_OR_RETURN(auto obligations, obligations_of_day(inputs));
    CP_RETURN_IF_ERROR(store::replace_obligations(db, participant, date, obligations));
    store::MarginDay figures;
    figures.participant = participant;
    figures.as_of = date;
    figures.regime = margin_regime_code(day.margin.regime);
    figures.net_margin_hkd = day.margin.net_margin_after_credit_hkd;
    figures.mtm_requirement_hkd = day.margin.mtm_requirement_hkd;
    figures.total_requirement_hkd = day.margin.total_requirement_hkd;
    figures.collateral_on_hand_hkd = inputs.collateral_on_hand_hkd;
    figures.figures_json = margin_json(day.margin).dump();
    CP_RETURN_IF_ERROR(store::save_margin_day(db, figures));
    out.push_back({participant, std::move(day.margin), std::move(obligations)});
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return out;
}

}  // namespace cp::risk
