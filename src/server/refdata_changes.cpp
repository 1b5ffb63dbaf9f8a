#include "server/refdata_changes.h"

#include <algorithm>

#include "core/csv.h"
#include "corpactions/event_file.h"
#include "refdata/refdata.h"
#include "store/ca_store.h"
#include "store/refdata_change_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;

Result<std::string> text_field(const Json& payload, const char* name) {
  const auto found = payload.find(name);
  if (found == payload.end() || !found->is_string() || found->get<std::string>().empty()) {
    return invalid_input(std::string(name) + " is required", name);
  }
  return found->get<std::string>();
}

// Names the field in an error of a parser that does not know it.
template <typename T>
Result<T> in_field(Result<T> parsed, const char* name) {
  if (parsed.ok()) return parsed;
  Error error = parsed.error();
  error.field = name;
  return error;
}

Result<CheckedChange> check_closure(store::Database& db, const std::string& data_dir,
                                    const Json& payload) {
  CP_ASSIGN_OR_RETURN(std::string market_text, text_field(payload, "market"));
  CP_ASSIGN_OR_RETURN(refdata::Market market,
                      in_field(refdata::parse_market(market_text), "market"));
  CP_ASSIGN_OR_RETURN(std::string date_text, text_field(payload, "date"));
  CP_ASSIGN_OR_RETURN(Date date, in_field(Date::parse(date_text), "date"));
  CP_ASSIGN_OR_RETURN(std::string kind, text_field(payload, "closure"));
  if (kind != "holiday" && kind != "half_day") {
    return invalid_input("closure must be holiday or half_day", "closure");
  }
  if (kind == "half_day" && market != refdata::Market::kSehk) {
    return invalid_input("only SEHK has half days", "closure");
  }
  CP_ASSIGN_OR_RETURN(std::string reason, text_field(payload, "reason"));
  CP_ASSIGN_OR_RETURN(std::string source, text_field(payload, "source"));
  refdata::Closure closure{
      date,
      market,
      kind == "holiday" ? refdata::ClosureKind::kHoliday : refdata::ClosureKind::kHalfDay,
      reason,
      source,
      "database"};
  CP_ASSIGN_OR_RETURN(auto calendars, refdata::load_market_calendars(data_dir));
  CP_RETURN_IF_ERROR(store::merge_calendar_additions(db, calendars));
  // The same checks as a file row: a weekday, inside the calendar's coverage, not listed yet.
  CP_RETURN_IF_ERROR(in_field(calendars.add_closure(closure), "date"));
  return CheckedChange{kind + " " + market_text + " " + date.to_string() + ": " + reason,
                       [closure](store::Database& into, const store::AddedBy& added) {
                         return store::insert_closure(into, closure, added);
                       }};
}

Result<CheckedChange> check_weather(store::Database& db, const std::string& data_dir,
                                    const Json& payload) {
  CP_ASSIGN_OR_RETURN(std::string signal_text, text_field(payload, "signal"));
  CP_ASSIGN_OR_RETURN(refdata::WeatherSignal signal,
                      in_field(refdata::parse_weather_signal(signal_text), "signal"));
  CP_ASSIGN_OR_RETURN(std::string issued_text, text_field(payload, "issued_at"));
  CP_ASSIGN_OR_RETURN(auto issued, in_field(refdata::parse_hkt_minute(issued_text), "issued_at"));
  CP_ASSIGN_OR_RETURN(std::string lifted_text, text_field(payload, "lifted_at"));
  CP_ASSIGN_OR_RETURN(auto lifted, in_field(refdata::parse_hkt_minute(lifted_text), "lifted_at"));
  CP_ASSIGN_OR_RETURN(std::string effect, text_field(payload, "effect"));
  CP_ASSIGN_OR_RETURN(std::string source, text_field(payload, "source"));
  refdata::WeatherEvent event{signal, issued, lifted, effect, source, "database"};
  CP_ASSIGN_OR_RETURN(auto calendars, refdata::load_market_calendars(data_dir));
  CP_RETURN_IF_ERROR(store::merge_calendar_additions(db, calendars));
  CP_RETURN_IF_ERROR(in_field(calendars.add_weather(event), "issued_at"));
  return CheckedChange{signal_text + " " + issued.to_string() + " to " + lifted.to_string(),
                       [event](store::Database& into, const store::AddedBy& added) {
                         return store::insert_weather(into, event, added);
                       }};
}

Result<CheckedChange> check_fee(store::Database& db, const std::string& data_dir,
                                const Json& payload, Date today) {
  CP_ASSIGN_OR_RETURN(std::string code_text, text_field(payload, "code"));
  CP_ASSIGN_OR_RETURN(refdata::FeeCode code, in_field(refdata::parse_fee_code(code_text), "code"));
  CP_ASSIGN_OR_RETURN(std::string from_text, text_field(payload, "effective_from"));
  CP_ASSIGN_OR_RETURN(Date from, in_field(Date::parse(from_text), "effective_from"));
  if (from <= today) {
    return invalid_input("effective_from must be after today (" + today.to_string() +
                             "): a day already traded, and perhaps cleared, keeps its fees",
                         "effective_from");
  }
  CP_ASSIGN_OR_RETURN(std::string source, text_field(payload, "source"));
  CP_ASSIGN_OR_RETURN(refdata::RefData data, refdata::load_refdata(data_dir));
  CP_RETURN_IF_ERROR(store::merge_fee_additions(db, data.fees));
  const auto* current = data.fees.in_force(code, from);
  if (current == nullptr) {
    return invalid_input(code_text + " has no rule in force on " + from.to_string() + " to change",
                         "effective_from");
  }
  refdata::FeeRule rule = current->row;
  // The new figure, in the rule's own basis, at the file's precision (fees.csv).
  const char* field = rule.per_trade ? "amount_hkd" : "rate";
  CP_ASSIGN_OR_RETURN(std::string figure_text, text_field(payload, field));
  CP_ASSIGN_OR_RETURN(
      Decimal figure,
      in_field(Decimal::parse(figure_text, rule.per_trade ? 2 : Decimal::kMaxInputScale), field));
  if (figure.is_negative())
    return invalid_input(std::string(field) + " must not be negative", field);
  (rule.per_trade ? rule.amount_hkd : rule.rate) = figure;
  refdata::Provenance provenance;
  provenance.source = source;
  provenance.effective_from = from;
  provenance.file = "database";
  CP_RETURN_IF_ERROR(in_field(data.fees.supersede(rule, provenance), "effective_from"));
  return CheckedChange{
      "fee " + code_text + " " + field + " " + figure.to_string() + " from " + from.to_string(),
      [rule, from, source](store::Database& into, const store::AddedBy& added) {
        return store::insert_fee_rule(into, rule, from, source, added);
      }};
}

// The form's fields are ca_events.csv's columns, read as a one-row file: the same checks as an
// imported announcement (corpactions/event_file.h), each error naming its field.
Result<CheckedChange> check_ca_event(store::Database& db, const std::string& data_dir,
                                     const Json& payload) {
  const auto columns = corpactions::event_file_columns();
  std::vector<std::string> header(columns.begin(), columns.end());
  std::vector<std::string> fields;
  for (const auto& column : columns) {
    const auto found = payload.find(std::string(column));
    if (found == payload.end() || found->is_null()) {
      fields.emplace_back();
    } else if (!found->is_string()) {
      return invalid_input(std::string(column) + " must be text", std::string(column));
    } else {
      fields.push_back(found->get<std::string>());
    }
  }
  for (const auto& [key, value] : payload.items()) {
    if (std::find(columns.begin(), columns.end(), key) == columns.end()) {
      return invalid_input(key + " is not a field of an announcement", key);
    }
  }
  std::string text;
  append_csv_record(text, header);
  append_csv_record(text, fields);
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::from_string("ca_event", std::move(text)));
  CP_ASSIGN_OR_RETURN(refdata::RefData data, refdata::load_refdata(data_dir));
  CP_ASSIGN_OR_RETURN(auto events, corpactions::read_event_file(reader, data));
  if (events.size() != 1) return invalid_input("one announcement is required", "event_id");
  corpactions::CorporateAction action = std::move(events.front());
  // A second announcement of an event is refused, even with the same terms: the form files new
  // events; a correction is a new event id (docs/corpactions.md).
  auto stored = store::ca_event(db, action.event_id);
  if (stored.ok()) {
    return invalid_input("event " + action.event_id + " is already announced", "event_id");
  }
  if (stored.error().code != ErrorCode::kNotFound) return stored.error();
  std::string summary = "ca_event " + action.event_id + " " +
                        std::string(corpactions::action_type_code(action.type)) + " " +
                        action.security_code + " holders at " + action.holders_date().to_string();
  return CheckedChange{
      std::move(summary),
      [action](store::Database& into, const store::AddedBy& added) -> Result<void> {
        auto imported = store::import_ca_events(into, {action}, "portal");
        if (!imported.ok()) return imported.error();
        (void)added;  // who and when: the change's own record and audit entry
        return Ok{};
      }};
}

}  // namespace

Result<CheckedChange> check_change(store::Database& db, const std::string& data_dir,
                                   const std::string& kind, const Json& payload, Date today) {
  if (!payload.is_object()) return invalid_input("the change must be a JSON object", "payload");
  if (kind == "closure") return check_closure(db, data_dir, payload);
  if (kind == "weather") return check_weather(db, data_dir, payload);
  if (kind == "fee") return check_fee(db, data_dir, payload, today);
  if (kind == "ca_event") return check_ca_event(db, data_dir, payload);
  return invalid_input("kind must be closure, weather, fee or ca_event", "kind");
}

}  // namespace cp::server
