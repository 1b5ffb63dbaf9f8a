// connectpost fees: the fee lines of one execution (SPEC CLR-4).
#include <iostream>

#include "clearing/fees.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "core/market.h"
#include "refdata/refdata.h"
#include "store/refdata_change_store.h"

namespace cp::cli {
namespace {

struct FeesOptions {
  std::string trade_date;
  std::string side;
  std::string price;
  std::string quantity;
  bool etf = false;
  bool json = false;
};

Result<void> show_fees(const AppContext& context, const FeesOptions& options) {
  CP_ASSIGN_OR_RETURN(Date date, Date::parse(options.trade_date));
  CP_ASSIGN_OR_RETURN(Side side, parse_side(options.side));
  auto price = Decimal::parse(options.price, 3);
  if (!price.ok() || price->sign() <= 0) {
    return invalid_input(price.ok() ? "price must be positive" : price.error().message, "price");
  }
  auto quantity = Decimal::parse(options.quantity, 0);
  if (!quantity.ok() || quantity->sign() <= 0) {
    return invalid_input("quantity must be a positive whole number of shares", "quantity");
  }
  CP_ASSIGN_OR_RETURN(refdata::RefData data, refdata::load_refdata(context.config.get("data_dir")));
  // With the fee rules approved in the operator's workspace since the file was written.
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_RETURN_IF_ERROR(store::merge_fee_additions(*db, data.fees));
  const Decimal consideration = *price * *quantity;
  const auto fees =
      clearing::DayFees::for_date(data.fees, date).compute(consideration, options.etf);
  // Fees are computed on the exact consideration; it is shown at two places (half-up).
  const std::string consideration_text = consideration.round(2, Rounding::kHalfUp).to_string();
  if (options.json) {
    Json lines = Json::array();
    for (const auto& line : fees.lines) {
      lines.push_back(
          {{"code", refdata::fee_code_name(line.code)}, {"amount", line.amount_hkd.to_string()}});
    }
    print_json(std::cout, {{"trade_date", date.to_string()},
                           {"side", side_code(side)},
                           {"consideration", consideration_text},
                           {"currency", "HKD"},
                           {"etf", options.etf},
                           {"lines", lines},
                           {"total", fees.total_hkd.to_string()}});
    return Ok{};
  }
  std::cout << "trade date     " << date.to_string() << " (" << side_code(side) << ")\n"
            << "consideration  HKD "
            << consideration.round(2, Rounding::kHalfUp).to_string_grouped()
            << (options.etf ? " (ETF)" : "") << "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& line : fees.lines) {
    rows.push_back({refdata::fee_code_name(line.code), line.amount_hkd.to_string_grouped()});
  }
  rows.push_back({"total", fees.total_hkd.to_string_grouped()});
  print_table(std::cout, {"FEE", "HKD"}, rows, {1});
  return Ok{};
}

}  // namespace

void register_fees_command(CLI::App& app, AppContext& context) {
  auto options = std::make_shared<FeesOptions>();
  auto* fees = app.add_subcommand("fees", "Fees and taxes of one execution on a trade date");
  fees->add_option("--trade-date", options->trade_date, "YYYY-MM-DD")->required();
  fees->add_option("--side", options->side, "buy or sell")->required();
  fees->add_option("--price", options->price, "HKD per share")->required();
  fees->add_option("--quantity", options->quantity, "Shares")->required();
  fees->add_flag("--etf", options->etf, "The security is an ETF (no stamp duty)");
  fees->add_flag("--json", options->json, "Print JSON");
  fees->callback(
      [&context, options] { run_action(context, [&] { return show_fees(context, *options); }); });
}

}  // namespace cp::cli
