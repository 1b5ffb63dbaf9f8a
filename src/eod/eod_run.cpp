#include "eod/eod_run.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "eod/day_pipeline.h"
#include "eod/settlement_stage.h"
#include "store/audit_store.h"
#include "store/calendar_store.h"
#include "store/eod_inputs_store.h"
#include "store/eod_result_store.h"
#include "store/execution_store.h"
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

Result<std::unique_ptr<OpenedDay>> open_day(store::Database& db, Date date,
                                            const std::string& data_dir) {
  auto out = std::make_unique<OpenedDay>();
  CP_ASSIGN_OR_RETURN(out->refdata, refdata::load_refdata(data_dir));
  CP_ASSIGN_OR_RETURN(out->markets, refdata::load_market_calendars(data_dir));
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::begin_snapshot(db));
  out->tx.emplace(std::move(tx));
  CP_RETURN_IF_ERROR(store::merge_calendar_additions(db, out->markets));
  // Fee rules approved in the operator's workspace (issue 6 item 7) apply from their date.
  CP_RETURN_IF_ERROR(store::merge_fee_additions(db, out->refdata.fees));
  CP_ASSIGN_OR_RETURN(out->accounts, store::load_account_book(db));
  DayInputs& in = out->inputs;
  in.date = date;
  in.rules_date = date;
  in.refdata = &out->refdata;
  in.accounts = &out->accounts;
  CP_ASSIGN_OR_RETURN(in.portfolio_fee_tiers, load_portfolio_fee_tiers(data_dir, date));
  CP_RETURN_IF_ERROR(store::load_day_inputs(db, in));
  return out;
}

namespace {

Result<EodReport> run_once(store::Database& db, Date date, const EodInputs& inputs) {
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
  begin_stage("load inputs");
  CP_ASSIGN_OR_RETURN(std::unique_ptr<OpenedDay> opened, open_day(db, date, inputs.data_dir));
  DayInputs& day_inputs = opened->inputs;
  CP_RETURN_IF_ERROR(prepare_day(day_inputs, opened->markets));
  store::StoredRuns earlier(db, date);
  DayContext day(day_inputs, earlier);
  // Settlements moved since their trade dates' runs move before any stage reads their dates.
  CP_ASSIGN_OR_RETURN(DelayedSettlements delayed, delayed_settlements(day));
  CP_RETURN_IF_ERROR(store::move_settlements(db, delayed.moves));
  const auto executions = static_cast<int64_t>(day_inputs.executions.size());
  end_stage("load inputs", executions);

  // Cleared and written in one pass: each result goes to the table and the digest as it comes.
  begin_stage("clear and write executions", executions);
  CP_RETURN_IF_ERROR(store::delete_results(db, date));
  DayClearing clearing(day_inputs);
  int64_t cleared = 0;
  CP_RETURN_IF_ERROR(store::write_execution_results(db, date, [&] {
    if (++cleared % 65536 == 0) tell(cleared, executions, false);
    return clearing.next();
  }));
  const clearing::ClearingResult result = clearing.finish();
  end_stage("clear and write executions", executions);
  begin_stage("fees, risk funds, transfers, exceptions, pre-clearing");

  CP_ASSIGN_OR_RETURN(DayComputation computed,
                      compute_day(day, result, std::move(delayed.delays), clearing.digest()));
  EodReport& report = computed.report;
  end_stage("fees, risk funds, transfers, exceptions, pre-clearing");
  begin_stage("write results");

  CP_ASSIGN_OR_RETURN(
      report.postings,
      store::write_results(db, date, {result, computed.settles_on, computed.charges, report},
                           format_utc(inputs.clock->now())));
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
  CP_RETURN_IF_ERROR(opened->tx->commit());
  end_stage("commit");
  report.stage_seconds = std::move(stages);
  return std::move(report);
}

}  // namespace

Result<EodReport> run_eod(store::Database& db, Date date, const EodInputs& inputs) {
  // A writer that overtook the run's snapshot (an import committing meanwhile) fails it with a
  // serialization failure; the run starts again from a fresh snapshot (issue 15 §4).
  return store::retry_serialization_failures(3, [&] { return run_once(db, date, inputs); });
}

}  // namespace cp::eod
