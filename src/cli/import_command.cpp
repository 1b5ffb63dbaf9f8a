// connectpost import accounts|executions|prices|fx|…|cns-positions|price-history FILE: check the
// whole file, then store it in one transaction (clearing/input_files.h and risk/ for the
// grammars; store/import_store.h and store/risk_store.h for re-imports).
#include <filesystem>
#include <iostream>

#include "calendar/southbound_calendar.h"
#include "clearing/input_files.h"
#include "cli/audited.h"
#include "cli/commands.h"
#include "cli/loaded_reference.h"
#include "cli/progress_output.h"
#include "corpactions/csdc_payment.h"
#include "corpactions/event_file.h"
#include "corpactions/non_trade_transfer.h"
#include "investors/archive.h"
#include "investors/evidence_files.h"
#include "refdata/refdata.h"
#include "risk/cns_positions.h"
#include "risk/obligation_files.h"
#include "risk/risk_day.h"
#include "store/ca_store.h"
#include "store/import_store.h"
#include "store/investor_evidence_store.h"
#include "store/investor_permission_store.h"
#include "store/non_trade_store.h"
#include "store/obligation_store.h"
#include "store/risk_store.h"

namespace cp::cli {
namespace {

struct ImportOptions {
  std::string command;  // accounts, executions, …: the audit entry's action is import.<command>
  std::string file;
  bool replace = false;
};

void report(const std::string& kind, const std::string& file, const store::ImportCounts& counts) {
  std::cout << "imported " << kind << " from " << file << ": " << counts.inserted << " new, "
            << counts.unchanged << " unchanged";
  if (counts.replaced > 0) std::cout << ", " << counts.replaced << " replaced";
  std::cout << "\n";
}

// The archive's stamp for what an import stores (SUIT-7): the operator, now, and the retention
// in force today.
Result<store::ArchiveStamp> archive_stamp(const AppContext& context, Date today) {
  CP_ASSIGN_OR_RETURN(const refdata::RefData data,
                      refdata::load_refdata(context.config.get("data_dir")));
  CP_ASSIGN_OR_RETURN(const int32_t years,
                      investors::archive_retention_years(data.parameters, today));
  return store::ArchiveStamp{context.actor(), context.clock.now(), years};
}

template <typename Parse, typename Store>
Result<void> run_import(const AppContext& context, const std::string& kind,
                        const ImportOptions& options, Parse parse, Store store_rows) {
  const std::string file_name = std::filesystem::path(options.file).filename().string();
  ProgressPrinter progress(context, "import " + options.command + " " + file_name);
  progress.on_progress({"check", 0, 0, false});
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::open(options.file));
  CP_ASSIGN_OR_RETURN(auto rows, parse(reader));  // the whole file, before the database
  const auto row_count = static_cast<int64_t>(rows.size());
  progress.on_progress({"check", row_count, row_count, true});
  progress.on_progress({"store", 0, row_count, false});
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  store::ImportCounts counts;
  CP_RETURN_IF_ERROR(audited(context, *db, "import." + options.command, "import:" + options.command,
                             {{"file", file_name}, {"replace", options.replace}},
                             [&]() -> Result<void> {
                               CP_ASSIGN_OR_RETURN(counts, store_rows(*db, rows));
                               return Ok{};
                             }));
  progress.on_progress({"store", row_count, row_count, true});
  report(kind, options.file, counts);
  return Ok{};
}

}  // namespace

void register_import_commands(CLI::App& app, AppContext& context) {
  auto* import = app.add_subcommand("import", "Import end-of-day input files, all or nothing");
  import->require_subcommand(1);
  // replaceable: the file corrects earlier values (prices, rates) under --replace; the others
  // are statements of a date or never change once imported.
  auto add = [&](const char* kind, const char* help, bool replaceable, auto action) {
    auto options = std::make_shared<ImportOptions>();
    options->command = kind;
    auto* command = import->add_subcommand(kind, help);
    command->add_option("file", options->file, "CSV file (docs/formats.md)")->required();
    if (replaceable) {
      command->add_flag("--replace", options->replace, "Correct rows stored with other values");
    }
    command->callback([&context, options, action] {
      run_action(context, [&] { return action(context, *options); });
    });
  };
  add("accounts", "Investor and proprietary accounts with their commission", false,
      [](const AppContext& ctx, const ImportOptions& options) {
        return run_import(ctx, "accounts", options, clearing::parse_accounts,
                          [&](store::Database& db, const auto& rows) {
                            return store::import_accounts(db, rows, options.file);
                          });
      });
  add("executions", "The day's executions; a trade id is never changed by a re-import", false,
      [](const AppContext& ctx, const ImportOptions& options) -> Result<void> {
        CP_ASSIGN_OR_RETURN(refdata::RefData data,
                            refdata::load_refdata(ctx.config.get("data_dir")));
        return run_import(
            ctx, "executions", options,
            [&](CsvReader& reader) {
              return clearing::parse_executions(reader, data.securities, data.spread_table);
            },
            [&](store::Database& db, const auto& rows) {
              return store::import_executions(db, rows, options.file);
            });
      });
  add("prices", "Closing prices (HKD)", true,
      [](const AppContext& ctx, const ImportOptions& options) {
        return run_import(
            ctx, "prices", options,
            [](CsvReader& reader) { return clearing::parse_prices(reader); },
            [&](store::Database& db, const auto& rows) {
              return store::import_prices(db, rows, options.file, options.replace);
            });
      });
  add("fx", "Reference and settlement rates per channel (RMB per HKD)", true,
      [](const AppContext& ctx, const ImportOptions& options) -> Result<void> {
        CP_ASSIGN_OR_RETURN(refdata::RefData data,
                            refdata::load_refdata(ctx.config.get("data_dir")));
        return run_import(
            ctx, "fx rates", options,
            [&](CsvReader& reader) -> Result<std::vector<clearing::FxRates>> {
              CP_ASSIGN_OR_RETURN(auto rows, clearing::parse_fx(reader));
              CP_RETURN_IF_ERROR(
                  clearing::check_reference_rates(rows, data.parameters, options.file));
              return rows;
            },
            [&](store::Database& db, const auto& rows) {
              return store::import_fx(db, rows, options.file, options.replace);
            });
      });
  add("positions", "Shares held per account, channel and security at the end of a date", false,
      [](const AppContext& ctx, const ImportOptions& options) {
        return run_import(ctx, "positions", options, clearing::parse_positions,
                          [&](store::Database& db, const auto& rows) {
                            return store::import_positions(db, rows, options.file);
                          });
      });
  add("reserves", "CSDC reserve account balances per channel, client and own", false,
      [](const AppContext& ctx, const ImportOptions& options) {
        return run_import(ctx, "reserve balances", options, clearing::parse_reserves,
                          [&](store::Database& db, const auto& rows) {
                            return store::import_reserves(db, rows, options.file);
                          });
      });
  add("bank", "The broker's bank deposits per money kind, client and own (CLR-17)", false,
      [](const AppContext& ctx, const ImportOptions& options) {
        return run_import(ctx, "bank balances", options, clearing::parse_bank,
                          [&](store::Database& db, const auto& rows) {
                            return store::import_bank(db, rows, options.file);
                          });
      });
  add("cash", "Investors' cash with the broker at the end of a date", false,
      [](const AppContext& ctx, const ImportOptions& options) {
        return run_import(ctx, "cash", options, clearing::parse_cash,
                          [&](store::Database& db, const auto& rows) {
                            return store::import_cash(db, rows, options.file);
                          });
      });
  add("cns-positions", "Clearing participants' CNS positions at HKSCC (issue 16)", false,
      [](const AppContext& ctx, const ImportOptions& options) -> Result<void> {
        CP_ASSIGN_OR_RETURN(refdata::RefData data,
                            refdata::load_refdata(ctx.config.get("data_dir")));
        return run_import(
            ctx, "CNS positions", options,
            [&](CsvReader& reader) { return risk::parse_cns_positions(reader, data.securities); },
            [&](store::Database& db, const auto& rows) {
              return store::import_cns_positions(db, rows);
            });
      });
  add("price-history", "Closing prices over SEHK trading days with no gap (HKD)", true,
      [](const AppContext& ctx, const ImportOptions& options) -> Result<void> {
        // The gap check reads SEHK's days from the calendar, additions included.
        CP_ASSIGN_OR_RETURN(auto db, ctx.open_database());
        CP_ASSIGN_OR_RETURN(risk::RiskReference reference,
                            risk::load_risk_reference(ctx.config.get("data_dir"), *db));
        return run_import(
            ctx, "price history", options,
            [&](CsvReader& reader) -> Result<std::vector<clearing::ClosingPrice>> {
              CP_ASSIGN_OR_RETURN(auto rows, clearing::parse_prices(reader));
              CP_RETURN_IF_ERROR(
                  risk::check_price_history(rows, reference.trading_days, reader.file_name()));
              return rows;
            },
            [&](store::Database& store_db, const auto& rows) {
              return store::import_prices(store_db, rows, options.file, options.replace);
            });
      });
  add("guarantee-fund", "Guarantee Fund contributions and expected losses (issue 16)", false,
      [](const AppContext& ctx, const ImportOptions& options) {
        return run_import(ctx, "Guarantee Fund figures", options, risk::parse_guarantee_fund,
                          [&](store::Database& db, const auto& rows) {
                            return store::import_guarantee_fund(db, rows);
                          });
      });
  add("intraday-prices", "The prices of the 11:00 marks run (issue 16)", false,
      [](const AppContext& ctx, const ImportOptions& options) {
        return run_import(ctx, "intraday prices", options, risk::parse_intraday_prices,
                          [&](store::Database& db, const auto& rows) {
                            return store::import_intraday_prices(db, rows);
                          });
      });
  add("payments", "Payments to HKSCC against money obligations (CHATS or bank file)", false,
      [](const AppContext& ctx, const ImportOptions& options) {
        const std::string file = std::filesystem::path(options.file).filename().string();
        return run_import(ctx, "payments", options, risk::parse_payments,
                          [&](store::Database& db, const auto& rows) {
                            return store::record_payments(db, rows, "file:" + file, options.file);
                          });
      });
  add("ca-events", "Corporate-action announcements CSDC forwards (issue 17)", false,
      [](const AppContext& ctx, const ImportOptions& options) -> Result<void> {
        CP_ASSIGN_OR_RETURN(refdata::RefData data,
                            refdata::load_refdata(ctx.config.get("data_dir")));
        return run_import(
            ctx, "corporate actions", options,
            [&](CsvReader& reader) { return corpactions::read_event_file(reader, data); },
            [&](store::Database& db, const auto& rows) {
              return store::import_ca_events(db, rows, options.file);
            });
      });
  // Issue 18: the investor evidence the suitability rules read (docs/formats.md "Investor
  // evidence"), each dated no later than today (Hong Kong time).
  add("asset-snapshots", "Investors' own assets at a day's close (SUIT-1, SUIT-2)", false,
      [](const AppContext& ctx, const ImportOptions& options) -> Result<void> {
        CP_ASSIGN_OR_RETURN(LoadedReference loaded, load_reference(ctx));
        std::vector<calendar::SouthboundCalendar> channels;
        for (const Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
          CP_ASSIGN_OR_RETURN(auto southbound,
                              calendar::SouthboundCalendar::build(
                                  loaded.calendars, loaded.refdata.parameters, channel));
          channels.push_back(std::move(southbound));
        }
        // A Southbound trading day of either channel (the window of each is its own).
        const auto is_trading_day = [&channels](Date day) {
          for (const auto& southbound : channels) {
            auto info = southbound.day(day);
            if (info.ok() && (*info)->southbound_trading) return true;
          }
          return false;
        };
        return run_import(
            ctx, "asset snapshots", options,
            [&](CsvReader& reader) {
              return investors::read_asset_snapshots(reader, is_trading_day);
            },
            [&](store::Database& db, const auto& rows) {
              return store::import_asset_snapshots(db, rows, options.file);
            });
      });
  add("questionnaires", "Investors' risk questionnaires (SUIT-1, SUIT-6)", false,
      [](const AppContext& ctx, const ImportOptions& options) -> Result<void> {
        const Date today = to_hkt(ctx.clock.now()).date;
        CP_ASSIGN_OR_RETURN(const store::ArchiveStamp stamp, archive_stamp(ctx, today));
        return run_import(
            ctx, "questionnaires", options,
            [&](CsvReader& reader) { return investors::read_questionnaires(reader, today); },
            [&](store::Database& db, const auto& rows) {
              return store::import_questionnaires(db, rows, options.file, stamp);
            });
      });
  add("knowledge-tests", "Investors' marked knowledge-test sheets (SUIT-1, SUIT-2)", false,
      [](const AppContext& ctx, const ImportOptions& options) -> Result<void> {
        const Date today = to_hkt(ctx.clock.now()).date;
        CP_ASSIGN_OR_RETURN(const store::ArchiveStamp stamp, archive_stamp(ctx, today));
        return run_import(
            ctx, "knowledge tests", options,
            [&](CsvReader& reader) { return investors::read_knowledge_tests(reader, today); },
            [&](store::Database& db, const auto& rows) {
              return store::import_knowledge_tests(db, rows, options.file, stamp);
            });
      });
  add("trading-warnings", "Exchanges' abnormal-trading warnings to investors (SUIT-1)", false,
      [](const AppContext& ctx, const ImportOptions& options) {
        const Date today = to_hkt(ctx.clock.now()).date;
        return run_import(
            ctx, "trading warnings", options,
            [&](CsvReader& reader) { return investors::read_trading_warnings(reader, today); },
            [&](store::Database& db, const auto& rows) {
              return store::import_trading_warnings(db, rows, options.file);
            });
      });
  add("investor-profiles", "Investors' account state, integrity and legal bars per channel", false,
      [](const AppContext& ctx, const ImportOptions& options) {
        const Date today = to_hkt(ctx.clock.now()).date;
        return run_import(
            ctx, "investor profiles", options,
            [&](CsvReader& reader) { return investors::read_investor_profiles(reader, today); },
            [&](store::Database& db, const auto& rows) {
              return store::import_investor_profiles(db, rows, options.file);
            });
      });
  add("permission-documents",
      "The risk disclosure studied and the agreement signed, with their hashes (SUIT-4)", false,
      [](const AppContext& ctx, const ImportOptions& options) -> Result<void> {
        const Date today = to_hkt(ctx.clock.now()).date;
        CP_ASSIGN_OR_RETURN(const store::ArchiveStamp stamp, archive_stamp(ctx, today));
        return run_import(
            ctx, "permission documents", options,
            [&](CsvReader& reader) { return investors::read_permission_documents(reader, today); },
            [&](store::Database& db, const auto& rows) {
              return store::import_permission_documents(db, rows, options.file, stamp);
            });
      });
  add("permissions", "Southbound permissions granted before connectpost, into the registry", false,
      [](const AppContext& ctx, const ImportOptions& options) -> Result<void> {
        const Date today = to_hkt(ctx.clock.now()).date;
        CP_ASSIGN_OR_RETURN(const store::ArchiveStamp stamp, archive_stamp(ctx, today));
        return run_import(
            ctx, "permissions", options,
            [&](CsvReader& reader) { return investors::read_permission_grants(reader, today); },
            [&](store::Database& db, const auto& rows) {
              return store::import_permissions(db, rows, options.file, stamp);
            });
      });
  add("ca-payments", "CSDC's clearing of corporate-action cash: its rate and date (CLR-7)", false,
      [](const AppContext& ctx, const ImportOptions& options) -> Result<void> {
        CP_ASSIGN_OR_RETURN(LoadedReference loaded, load_reference(ctx));
        const refdata::RefData& data = loaded.refdata;
        store::Database& db = *loaded.db;
        return run_import(
            ctx, "CSDC corporate-action clearing", options,
            [&](CsvReader& reader) -> Result<std::vector<corpactions::CsdcPayment>> {
              CP_ASSIGN_OR_RETURN(auto rows, corpactions::read_payment_file(reader));
              // Each row against its stored event and its channel's calendar; the error names
              // the file and the event (nothing is stored on any).
              for (const auto& row : rows) {
                CP_ASSIGN_OR_RETURN(const auto action, store::ca_event(db, row.event_id));
                CP_ASSIGN_OR_RETURN(auto southbound,
                                    calendar::SouthboundCalendar::build(
                                        loaded.calendars, data.parameters, row.channel));
                CP_ASSIGN_OR_RETURN(
                    const int64_t days,
                    data.parameters.integer("ca.csdc_clearing_days", *action.payment_date));
                auto checked =
                    corpactions::check_payment(row, action, southbound, static_cast<int>(days));
                if (!checked.ok()) return checked.error().in_file(reader.file_name());
              }
              return rows;
            },
            [&](store::Database& store_db, const auto& rows) {
              return store::import_ca_payments(store_db, rows, options.file);
            });
      });
  add("non-trade-transfers", "CSDC's non-trade transfer data: inheritance, gifts, pledges (CLR-10)",
      false, [](const AppContext& ctx, const ImportOptions& options) -> Result<void> {
        CP_ASSIGN_OR_RETURN(LoadedReference loaded, load_reference(ctx));
        return run_import(
            ctx, "non-trade transfers", options,
            [&](CsvReader& reader) -> Result<std::vector<corpactions::NonTradeTransfer>> {
              CP_ASSIGN_OR_RETURN(auto rows, corpactions::read_non_trade_transfer_file(reader));
              // CSDC clears on a Southbound trading day of the channel (its fees settle on the
              // next one): checked here so the EOD of that day finds nothing to refuse.
              for (const auto& row : rows) {
                CP_ASSIGN_OR_RETURN(auto southbound,
                                    calendar::SouthboundCalendar::build(
                                        loaded.calendars, loaded.refdata.parameters, row.channel));
                auto settles = corpactions::fee_settlement_date(southbound, row.clearing_date);
                if (!settles.ok()) {
                  Error error = settles.error().in_file(reader.file_name());
                  error.message = "transfer " + row.transfer_id + ": " + error.message;
                  return error;
                }
              }
              return rows;
            },
            [&](store::Database& store_db, const auto& rows) {
              return store::import_non_trade_transfers(store_db, rows, options.file);
            });
      });
  add("reserve-checks", "Reserve balances after CSDC's 10:30 and 18:00 batches (CLR-16)", false,
      [](const AppContext& ctx, const ImportOptions& options) {
        return run_import(ctx, "reserve checks", options, clearing::parse_reserve_checks,
                          [&](store::Database& db, const auto& rows) {
                            return store::import_reserve_checks(db, rows, options.file);
                          });
      });
}

}  // namespace cp::cli
