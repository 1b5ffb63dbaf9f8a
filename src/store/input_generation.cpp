#include "store/input_generation.h"

namespace cp::store {

Result<void> bump_eod_input_generation(Database& db) {
  CP_RETURN_IF_ERROR(
      db.execute("UPDATE eod_input_generation SET generation = generation + 1 WHERE id = 1"));
  return Ok{};
}

Result<int64_t> eod_input_generation(Database& db, bool lock) {
  const bool for_update = lock && db.backend() == Backend::kPostgresql;
  CP_ASSIGN_OR_RETURN(auto rows,
                      db.query(std::string("SELECT generation FROM eod_input_generation WHERE "
                                           "id = 1") +
                               (for_update ? " FOR UPDATE" : "")));
  if (rows.rows.empty()) return make_error(ErrorCode::kStorage, "eod_input_generation is empty");
  return rows.rows[0].integer(0);
}

}  // namespace cp::store
