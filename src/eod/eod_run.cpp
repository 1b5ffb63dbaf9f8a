#include "eod/eod_run.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "eod/clearing_pipeline.h"
#include "eod/day_pipeline.h"
#include "eod/settlement_stage.h"
#include "store/audit_store.h"
#include "store/calendar_store.h"
#include "store/eod_inputs_store.h"
#include "store/eod_result_store.h"
#include "store/execution_segments.h"
#include "store/execution_store.h"
#include "store/input_generation.h"
#include "store/refdata_change_store.h"
#include "store/stored_runs.h"

namespace cp::eod {

Result<std::vector<clearing::PortfolioFeeTier>> load_portfolio_fee_tiers(
    const std::string& data_dir, Date rules_date) {
  const std::string shown = std::filesystem::path(data_dir).filename().string();
  return clearing::load_portfolio_fee_tiers(
      std::filesystem::path(data_dir) / "portfolio_fee_tiers.csv",
      shown + "/portfolio_fee_tiers.csv", rules_date);
}

Result<CsdcRiskReference> load_csdc_risk_reference(const std::string& data_dir) {
  const std::filesystem::path dir(data_dir);
  const std::string shown = dir.filename().string();
  CsdcRiskReference out;
  CP_ASSIGN_OR_RETURN(
      out.risk_parameters,
      refdata::ParameterTable::load(dir / "risk_parameters.csv", shown + "/risk_parameters.csv"));
  CP_ASSIGN_OR_RETURN(
      CsvReader instruments,
      CsvReader::open((dir / "risk_instruments.csv").string(), shown + "/risk_instruments.csv"));
  CP_ASSIGN_OR_RETURN(out.instruments, risk::RiskInstrumentTable::parse(instruments));
  CP_ASSIGN_OR_RETURN(CsvReader stress, CsvReader::open((dir / "stress_scenarios.csv").string(),
                                                        shown + "/stress_scenarios.csv"));
  CP_ASSIGN_OR_RETURN(out.stress, risk::StressLibrary::parse(stress));
  return out;
}

Result<std::unique_ptr<OpenedDay>> open_day(store::Database& db, Date date,
                                            const std::string& data_dir) {
  auto out = std::make_unique<OpenedDay>();
  CP_ASSIGN_OR_RETURN(out->refdata, refdata::load_refdata(data_dir));
  CP_ASSIGN_OR_RETURN(out->markets, refdata::load_market_calendars(data_dir));
  CP_ASSIGN_OR_RETURN(out->csdc_risk, load_csdc_risk_reference(data_dir));
  // One snapshot for every read, no write lock while the run computes (issue 15 §4).
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin_snapshot(db));
  out->tx.emplace(std::move(tx));
  // The day's execution segments are read first and decoded on a second thread while this one
  // reads the accounts and statements through the connection: at 10M each half takes about three
  // seconds (issue 15 §3). The decoder touches only the bytes read here, never the database.
  CP_ASSIGN_OR_RETURN(const store::FetchedExecutionSegments fetched,
                      store::fetch_execution_segments(db, date));
  std::future<Result<clearing::ExecutionTable>> decoded = std::async(
      std::launch::async, [&fetched] { return store::decode_execution_segments(fetched); });
  CP_RETURN_IF_ERROR(store::merge_calendar_additions(db, out->markets));
  // Fee rules approved in the operator's workspace (issue 6 item 7) apply from their date.
  CP_RETURN_IF_ERROR(store::merge_fee_additions(db, out->refdata.fees));
  CP_ASSIGN_OR_RETURN(out->accounts, store::load_account_book(db));
  DayInputs& in = out->inputs;
  in.date = date;
  in.rules_date = date;
  in.refdata = &out->refdata;
  in.csdc_risk = &out->csdc_risk;
  in.accounts = &out->accounts;
  CP_ASSIGN_OR_RETURN(in.portfolio_fee_tiers, load_portfolio_fee_tiers(data_dir, date));
  CP_RETURN_IF_ERROR(store::load_day_inputs(db, in));
  CP_ASSIGN_OR_RETURN(in.executions, decoded.get());
  out->execution_links = fetched.links;
  return out;
}

namespace {

Result<EodReport> run_once(store::Database& db, Date date, const EodInputs& inputs,
                           bool first_attempt) {
  auto stage_start = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, double>> stages;
  const char* stage = "";
  // Each stage is told to the progress listener as it starts and ends (rows: what it did).
  auto tell = [&](int64_t done, int64_t total, bool finished) {
    if (inputs.progress != nullptr) inputs.progress->on_progress({stage, done, total, finished});
  };
  auto begin_stage = [&](const char* name, int64_t total = 0) {
    stage = name;
    tell(0, total, false);
  };
  auto end_stage = [&](const char* name, int64_t rows = 0) {
    const auto now = std::chrono::steady_clock::now();
    stages.emplace_back(name, std::chrono::duration<double>(now - stage_start).count());
    stage_start = now;
    tell(rows, rows, true);
  };
  // Computed over one snapshot, with no write lock held: the portal's writers go on meanwhile
  // (issue 15 §4). What the stages need of moved settlements is moved inside the snapshot and
  // rolled back with it; the writing transaction moves them again.
  begin_stage("load inputs");
  CP_ASSIGN_OR_RETURN(std::unique_ptr<OpenedDay> opened, open_day(db, date, inputs.data_dir));
  CP_ASSIGN_OR_RETURN(const int64_t generation, store::eod_input_generation(db, false));
  DayInputs& day_inputs = opened->inputs;
  CP_RETURN_IF_ERROR(prepare_day(day_inputs, opened->markets));
  store::StoredRuns earlier(db, date);
  DayContext day(day_inputs, earlier);
  // Settlements moved since their trade dates' runs move before any stage reads their dates.
  CP_ASSIGN_OR_RETURN(DelayedSettlements delayed, delayed_settlements(day));
  CP_RETURN_IF_ERROR(store::move_settlements(db, delayed));
  const auto executions = static_cast<int64_t>(day_inputs.executions.size());
  end_stage("load inputs", executions);

  // Cleared in one pass: each result goes into its encoded segment and the digest as it comes,
  // on a second thread while the next ones are computed.
  begin_stage("clear executions", executions);
  DayClearing clearing(day_inputs);
  store::ExecutionResultSegments segments(store::ExecutionResultSegments::Layout::kLinked);
  int64_t told = 0;
  clear_on_two_threads(
      clearing, [&](const clearing::ExecutionResult& r) { segments.add(r); },
      [&](int64_t cleared) {
        if (cleared - told < 65536) return;
        told = cleared;
        tell(cleared, executions, false);
      });
  segments.finish();
  const clearing::ClearingResult result = clearing.finish();
  end_stage("clear executions", executions);
  begin_stage("fees, risk funds, transfers, exceptions, pre-clearing");
  // The investors' trade-date entries, most of the journal, are encoded on a second thread
  // meanwhile: they read only the clearing's result, which no stage changes.
  std::future<store::JournalSegments> trade_entries = std::async(
      std::launch::async, [&result] { return store::encode_trade_date_entries(result); });
  CP_ASSIGN_OR_RETURN(DayComputation computed,
                      compute_day(day, result, delayed.delays, clearing.digest()));
  EodReport& report = computed.report;
  if (first_attempt && inputs.pause_while_computing_ms > 0) {
    std::fprintf(stderr, "eod: computed, paused before writing\n");
    std::fflush(stderr);
    std::this_thread::sleep_for(std::chrono::milliseconds(inputs.pause_while_computing_ms));
  }
  opened->tx.reset();  // the snapshot ends; nothing of it is kept in the database
  // The day's executions are in their result segments now; no later step reads them, and the
  // journal is finished next: let go of them first (about 400 MB at ten million).
  day_inputs.executions = clearing::ExecutionTable();
  end_stage("fees, risk funds, transfers, exceptions, pre-clearing");
  // The journal is finished here too, so that the writing transaction only stores bytes.
  begin_stage("journal");
  store::JournalSegments journal = trade_entries.get();
  store::encode_charges(journal, computed.charges);
  end_stage("journal", journal.rows());

  // One writing transaction, after checking under its lock that nothing the run read changed.
  begin_stage("write results");
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(const int64_t now_generation, store::eod_input_generation(db, true));
  if (now_generation != generation) {
    Error changed =
        make_error(ErrorCode::kStorage,
                   "the EOD inputs changed while the run computed (generation " +
                       std::to_string(generation) + " → " + std::to_string(now_generation) + ")");
    changed.reason = store::kSerializationFailure;  // computed again by run_eod
    return changed;
  }
  CP_RETURN_IF_ERROR(store::move_settlements(db, delayed));
  // A rerun keeps the settlement dates the first run gave (a calendar change in between moved
  // them, and the investors were told the first ones).
  CP_ASSIGN_OR_RETURN(const store::FirstPlans first_plans, store::first_plans_of(db, date));
  CP_RETURN_IF_ERROR(store::delete_results(db, date));
  CP_RETURN_IF_ERROR(store::write_execution_results(db, date, segments, opened->execution_links));
  CP_ASSIGN_OR_RETURN(report.postings,
                      store::write_results(db, date, {result, computed.settles_on, journal, report},
                                           format_utc(inputs.clock->now())));
  CP_RETURN_IF_ERROR(store::keep_first_plans(db, date, first_plans));
  CP_RETURN_IF_ERROR(store::write_fx_rates(db, date, day_inputs.fx));
  // The run's trace commits with its results (SPEC ORG-3).
  const nlohmann::json detail = {{"digest", report.digest},
                                 {"executions", report.executions},
                                 {"investors", report.investors},
                                 {"postings", report.postings}};
  CP_ASSIGN_OR_RETURN(
      audit::AuditEntry entry,
      store::append_audit(db, *inputs.clock,
                          {inputs.actor, "", "eod.run", "eod:" + date.to_string(), detail.dump()}));
  report.audit_seq = entry.seq;
  report.audit_hash = entry.hash;
  if (inputs.pause_before_commit_ms > 0) {
    std::fprintf(stderr, "eod: all results written, paused before commit\n");
    std::fflush(stderr);
    std::this_thread::sleep_for(std::chrono::milliseconds(inputs.pause_before_commit_ms));
  }
  end_stage("write results", report.postings);
  begin_stage("commit");
  CP_RETURN_IF_ERROR(tx.commit());
  end_stage("commit");
  report.stage_seconds = std::move(stages);
  return std::move(report);
}

}  // namespace

Result<EodReport> run_eod(store::Database& db, Date date, const EodInputs& inputs) {
  // A writer that overtook the run's snapshot (an import committing meanwhile) fails it with a
  // serialization failure; the run starts again from a fresh snapshot (issue 15 §4).
  // The same when the run's inputs changed while it computed (store/input_generation.h).
  bool first_attempt = true;
  return store::retry_serialization_failures(3, [&] {
    auto outcome = run_once(db, date, inputs, first_attempt);
    first_attempt = false;
    return outcome;
  });
}

}  // namespace cp::eod
