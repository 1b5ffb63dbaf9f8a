// A stored obligation as the command line and the API show it (issue 16 Interfaces): `id`,
// `kind`, `amount`, `currency`, `channel`, `deadline` and `report_issued_at` in Hong Kong time
// with +08:00, `report`, `status`, `paid`, `basis`, `defaulted_at`. Part of cp_risk_run.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/obligation_store.h"

namespace cp::risk {

// due: before its deadline; overdue: past it, short, not yet marked; defaulted: marked by
// `obligations check-defaults`; paid: the payments reach the amount (a late one too).
std::string obligation_status(const store::StoredObligation& obligation, UtcTime now);

// The operators' order (issue 16 item 6, "overdue first"): defaulted and overdue, then due,
// then paid; within each, earliest deadline first, then by id. Stable for equal keys.
void order_overdue_first(std::vector<store::StoredObligation>& obligations, UtcTime now);

nlohmann::ordered_json obligation_json(const store::StoredObligation& obligation, UtcTime now);

}  // namespace cp::risk
