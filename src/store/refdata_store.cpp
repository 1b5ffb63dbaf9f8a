#include "store/refdata_store.h"

namespace cp::store {

Result<int64_t> replace_reference_data(Database& db, const refdata::RefData& data,
                                       const std::string& loaded_at) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_RETURN_IF_ERROR(db.execute("DELETE FROM ref_parameter"));
  CP_RETURN_IF_ERROR(db.execute("DELETE FROM ref_load"));
  CP_ASSIGN_OR_RETURN(auto insert,
                      db.prepare("INSERT INTO ref_parameter (key, value, unit, effective_from, "
                                 "effective_to, source, note, file, line) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  int64_t rows = 0;
  for (const auto& entry : data.parameters.table().entries()) {
    const auto& p = entry.provenance;
    CP_RETURN_IF_ERROR(
        insert->execute({entry.key, entry.row.value, entry.row.unit, p.effective_from.to_string(),
                         p.effective_to ? Value(p.effective_to->to_string()) : null_value(),
                         p.source, entry.row.note, p.file, p.line}));
    ++rows;
  }
  for (const auto& file : data.files) {
    CP_RETURN_IF_ERROR(db.execute("INSERT INTO ref_load (file, rows, loaded_at) VALUES (?, ?, ?)",
                                  {file.path, static_cast<int64_t>(file.rows), loaded_at}));
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return rows;
}

Result<int64_t> count_parameters(Database& db) {
  CP_ASSIGN_OR_RETURN(QueryResult result, db.query("SELECT COUNT(*) FROM ref_parameter"));
  return result.rows.at(0).integer(0);
}

}  // namespace cp::store
