#include "risk/obligation_json.h"

#include <algorithm>
#include <tuple>

namespace cp::risk {
namespace {

std::string hkt_iso(Date date, TimeOfDay time) {
  // TimeOfDay prints "HH:MM" or "HH:MM:SS"; ISO 8601 here always has the seconds.
  const std::string hm = time.to_string();
  return date.to_string() + "T" + (hm.size() == 5 ? hm + ":00" : hm) + "+08:00";
}

}  // namespace

std::string obligation_status(const store::StoredObligation& s, UtcTime now) {
  if (s.paid_hkd >= s.obligation.amount_hkd) return "paid";
  if (s.defaulted_at) return "defaulted";
  if (from_hkt(s.obligation.deadline_date, s.obligation.deadline_hkt) < now) return "overdue";
  return "due";
}

void order_overdue_first(std::vector<store::StoredObligation>& obligations, UtcTime now) {
  auto rank = [now](const store::StoredObligation& o) {
    const std::string status = obligation_status(o, now);
    return status == "defaulted" || status == "overdue" ? 0 : status == "due" ? 1 : 2;
  };
  std::stable_sort(
      obligations.begin(), obligations.end(),
      [&](const store::StoredObligation& a, const store::StoredObligation& b) {
        const UtcTime a_at = from_hkt(a.obligation.deadline_date, a.obligation.deadline_hkt);
        const UtcTime b_at = from_hkt(b.obligation.deadline_date, b.obligation.deadline_hkt);
        return std::tuple(rank(a), a_at, a.obligation.id) <
               std::tuple(rank(b), b_at, b.obligation.id);
      });
}

nlohmann::ordered_json obligation_json(const store::StoredObligation& s, UtcTime now) {
  using Json = nlohmann::ordered_json;
  const Obligation& o = s.obligation;
  return {{"id", o.id},
          {"participant", s.participant},
          {"kind", obligation_kind_code(o.kind)},
          {"amount", o.amount_hkd.to_string()},
          {"currency", "HKD"},
          {"channel", payment_channel_code(o.channel)},
          {"deadline", hkt_iso(o.deadline_date, o.deadline_hkt)},
          {"report", o.report},
          {"report_issued_at", hkt_iso(o.report_date, o.report_hkt)},
          {"status", obligation_status(s, now)},
          {"paid", s.paid_hkd.to_string()},
          {"basis", o.basis},
          {"defaulted_at", s.defaulted_at ? Json(*s.defaulted_at) : Json(nullptr)}};
}

}  // namespace cp::risk
