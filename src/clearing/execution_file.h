// The executions file (docs/formats.md), parsed into a table on two threads: the calling thread
// reads and checks each record (CSV, date, channel, security, side, quantity, price on the
// tick), a second numbers its account and security and stores it in the table, noting each
// trade id's hash; the ids are checked for repeats once the file is read, part by part of their
// hashes. The outcome, and the first error in the file's order, are the sequential parse's
// (issue 15 §3: the parse was most of an import of ten million executions).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "clearing/execution_table.h"
#include "core/csv.h"
#include "refdata/securities.h"
#include "refdata/spread_table.h"

namespace cp::clearing {

// An executions file as parsed: its rows as columns, in the file's order, with each row's line.
struct ExecutionFile {
  ExecutionTable table;
  std::vector<int64_t> lines;  // lines[row]: where the row is in the file
  size_t size() const { return table.size(); }
};

// `batch_rows`: rows handed from the reading thread to the table's at a time (tests use small
// batches to cross many hand-overs). REQUIRES: batch_rows > 0.
Result<ExecutionFile> parse_executions(CsvReader& reader, const refdata::SecurityMaster& securities,
                                       const refdata::SpreadTable& spread_table,
                                       size_t batch_rows = 4096);

}  // namespace cp::clearing
