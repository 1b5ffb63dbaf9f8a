#include "cli/progress_output.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/output.h"
#include "core/decimal.h"

namespace cp::cli {
namespace {

// "1,234,567": a count of rows, grouped as amounts are.
std::string grouped(int64_t n) {
  return Decimal::from_int(n).to_string_grouped();
}

}  // namespace

ProgressPrinter::ProgressPrinter(const AppContext& context, std::string job)
    : context_(context), job_(std::move(job)) {
  const std::string level = context.config.get("log_level");
  enabled_ = level == "trace" || level == "debug" || level == "info";
  json_ = context.config.get("log_format") == "json";
  terminal_ = ::isatty(STDERR_FILENO) == 1;
}

void ProgressPrinter::on_progress(const Progress& progress) {
  if (!enabled_) return;
  const auto now = SteadyClock::now();
  if (progress.stage != stage_) {
    stage_ = std::string(progress.stage);
    stage_start_ = now;
    last_shown_ = SteadyClock::time_point{};
  }
  // Running reports at most five times a second; every finished stage.
  if (!progress.finished && now - last_shown_ < std::chrono::milliseconds(200)) return;
  last_shown_ = now;
  const double elapsed_s = std::chrono::duration<double>(now - stage_start_).count();
  // Throughput and time left are for people watching, not money: binary floating point is fine.
  const double rows_per_s = elapsed_s > 0 ? static_cast<double>(progress.done) / elapsed_s : 0;
  const double left_s = progress.total > progress.done && rows_per_s > 0
                            ? static_cast<double>(progress.total - progress.done) / rows_per_s
                            : 0;
  if (json_) {
    Json line = {{"time", format_utc(context_.clock.now())},
                 {"level", "info"},
                 {"event", "progress"},
                 {"job", job_},
                 {"stage", stage_},
                 {"done", progress.done},
                 {"finished", progress.finished},
                 {"elapsed_s", std::round(elapsed_s * 1000) / 1000}};
    if (progress.total > 0) line["total"] = progress.total;
    if (rows_per_s > 0) line["rows_per_s"] = std::llround(rows_per_s);
    if (left_s > 0) line["left_s"] = std::round(left_s * 10) / 10;
    std::cerr << line.dump() << "\n" << std::flush;
    return;
  }
  if (!progress.finished && !terminal_) return;  // a log file gets one line per stage
  std::string text = job_ + ": " + stage_;
  if (progress.done > 0 || progress.total > 0) {
    text += " " + grouped(progress.done);
    if (progress.total > 0 && !progress.finished) text += " / " + grouped(progress.total);
    text += " rows";
  }
  char timing[96];
  if (progress.finished) {
    std::snprintf(timing, sizeof timing, " in %.2f s", elapsed_s);
  } else if (left_s > 0) {
    std::snprintf(timing, sizeof timing, ", %s rows/s, %.0f s left",
                  grouped(std::llround(rows_per_s)).c_str(), std::ceil(left_s));
  } else {
    std::snprintf(timing, sizeof timing, ", %.0f s", elapsed_s);
  }
  text += timing;
  if (terminal_) {
    std::cerr << "\r\033[K" << text << (progress.finished ? "\n" : "") << std::flush;
  } else {
    std::cerr << text << "\n" << std::flush;
  }
}

}  // namespace cp::cli
