#include "corpactions/event_json.h"

namespace cp::corpactions {

nlohmann::ordered_json event_json(const CorporateAction& a) {
  using Json = nlohmann::ordered_json;
  const auto or_null = [](const std::string& text) {
    return text.empty() ? Json(nullptr) : Json(text);
  };
  const auto date = [](const std::optional<Date>& d) {
    return d ? Json(d->to_string()) : Json(nullptr);
  };
  const auto instant = [](const std::optional<HktInstant>& i) {
    return i ? Json(i->to_string()) : Json(nullptr);
  };
  return {{"event_id", a.event_id},
          {"type", action_type_code(a.type)},
          {"security_code", a.security_code},
          {"ex_date", date(a.ex_date)},
          {"record_date", date(a.record_date)},
          {"holders_date", a.holders_date().to_string()},
          {"payment_date", date(a.payment_date)},
          {"currency", a.currency ? Json(std::string(currency_code(*a.currency))) : Json(nullptr)},
          {"rate", a.rate ? Json(a.rate->to_string()) : Json(nullptr)},
          {"price", a.price ? Json(a.price->to_string()) : Json(nullptr)},
          {"ratio", a.ratio ? Json(std::to_string(a.ratio->new_units) + ":" +
                                   std::to_string(a.ratio->old_units))
                            : Json(nullptr)},
          {"new_security_code", or_null(a.new_security_code)},
          {"issuer_type", issuer_type_code(a.issuer_type)},
          {"election_open", instant(a.election_open)},
          {"csdc_deadline", instant(a.csdc_deadline)},
          {"hkscc_deadline", instant(a.hkscc_deadline)},
          {"options", or_null(options_text(a.options))},
          {"source", a.source}};
}

}  // namespace cp::corpactions
