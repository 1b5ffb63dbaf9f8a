// The CLR-11 instructions on the command line: one JSON object per channel, settlement day and
// reserve with every term of the formula (`eod run --json`, `report transfer --json`), and a
// table for people.
#pragma once

#include <iosfwd>
#include <vector>

#include "clearing/funds_transfer.h"
#include "cli/output.h"

namespace cp::cli {

Json transfer_json(const clearing::TransferInstruction& instruction);

// Prints the instructions, or says that the run instructs no day and why.
void print_transfers(std::ostream& out,
                     const std::vector<clearing::TransferInstruction>& instructions);

}  // namespace cp::cli
