// Investors' election instructions (SPEC CA-3; corpactions/elections.h), as given: every
// instruction is kept, in the order it arrived (its sequence), so the last one prevails and the
// trail of earlier ones stays visible to the back office.
#pragma once

#include <string>
#include <vector>

#include "corpactions/elections.h"
#include "store/database.h"

namespace cp::store {

// Appends `instruction` to the event's and returns its sequence (1, 2, … per event).
// REQUIRES: the instruction was checked (corpactions check_instruction).
Result<int64_t> record_ca_election(Database& db, const std::string& event_id,
                                   const corpactions::ElectionInstruction& instruction,
                                   const std::string& entered_by);

// Every instruction of the event, in arrival order, with its sequence.
Result<std::vector<corpactions::ElectionInstruction>> ca_elections_of(Database& db,
                                                                      const std::string& event_id);

}  // namespace cp::store
