#include "store/ca_election_store.h"

namespace cp::store {

Result<int64_t> record_ca_election(Database& db, const std::string& event_id,
                                   const corpactions::ElectionInstruction& instruction,
                                   const std::string& entered_by) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(auto last, db.query("SELECT COALESCE(MAX(sequence), 0) FROM ca_election "
                                          "WHERE event_id = ?",
                                          {event_id}));
  const int64_t sequence = last.rows[0].integer(0) + 1;
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO ca_election (event_id, sequence, channel, account_id, choices, instructed_at, "
      "entered_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {event_id, sequence, std::string(channel_code(instruction.channel)), instruction.account_id,
       corpactions::choices_text(instruction.choices), instruction.at.to_string(), entered_by}));
  CP_RETURN_IF_ERROR(tx.commit());
  return sequence;
}

Result<std::vector<corpactions::ElectionInstruction>> ca_elections_of(Database& db,
                                                                      const std::string& event_id) {
  CP_ASSIGN_OR_RETURN(auto result,
                      db.query("SELECT sequence, channel, account_id, choices, instructed_at FROM "
                               "ca_election WHERE event_id = ? ORDER BY sequence",
                               {event_id}));
  std::vector<corpactions::ElectionInstruction> out;
  out.reserve(result.rows.size());
  for (const Row& row : result.rows) {
    corpactions::ElectionInstruction instruction;
    instruction.sequence = row.integer(0);
    CP_ASSIGN_OR_RETURN(instruction.channel, parse_channel(row.text(1)));
    instruction.account_id = row.text(2);
    CP_ASSIGN_OR_RETURN(instruction.choices, corpactions::parse_choices(row.text(3)));
    CP_ASSIGN_OR_RETURN(instruction.at, corpactions::parse_hkt_instant(row.text(4)));
    out.push_back(std::move(instruction));
  }
  return out;
}

}  // namespace cp::store
