// Where a long job is (issue 15 §4: an import or an EOD run of millions of rows), told to
// whoever shows it — a terminal line, JSON lines for a scheduler. The job only counts; the
// listener owns the clock, so the job stays a function of its inputs.
#pragma once

#include <cstdint>
#include <string_view>

namespace cp {

struct Progress {
  std::string_view stage;
  int64_t done = 0;       // rows done in the stage so far
  int64_t total = 0;      // rows the stage will do; 0 when not known
  bool finished = false;  // the stage is over (done is then its count)
};

class ProgressListener {
 public:
  virtual ~ProgressListener() = default;
  virtual void on_progress(const Progress& progress) = 0;
};

}  // namespace cp
