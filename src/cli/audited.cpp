#include "cli/audited.h"

#include "store/audit_store.h"

namespace cp::cli {

Result<void> audited(const AppContext& context, store::Database& db, const std::string& action,
                     const std::string& object, const Json& detail,
                     const std::function<Result<void>()>& change) {
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(db));
  CP_RETURN_IF_ERROR(change());
  CP_RETURN_IF_ERROR(
      store::append_audit(db, context.clock, {context.actor(), "", action, object, detail.dump()}));
  return tx.commit();
}

}  // namespace cp::cli
