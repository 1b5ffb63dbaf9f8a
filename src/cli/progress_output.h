// Progress of `import` and `eod run` on standard error (issue 15 §4, docs/cli.md): at log level
// info or below, a line per stage, rewritten in place with rows, rate and time left while it
// runs when standard error is a terminal; with --log-format json, one JSON line per report
// ({"event":"progress", …}), for a scheduler. At warn and above, nothing.
#pragma once

#include <chrono>
#include <string>

#include "cli/app_context.h"
#include "core/progress.h"

namespace cp::cli {

class ProgressPrinter final : public ProgressListener {
 public:
  ProgressPrinter(const AppContext& context, std::string job);
  void on_progress(const Progress& progress) override;

 private:
  using SteadyClock = std::chrono::steady_clock;
  const AppContext& context_;
  std::string job_;
  bool enabled_ = false;
  bool json_ = false;
  bool terminal_ = false;
  std::string stage_;
  SteadyClock::time_point stage_start_;
  SteadyClock::time_point last_shown_;
};

}  // namespace cp::cli
