#include "server/request_summary_json.h"

#include "core/utf8.h"
#include "workflow/request_workflow.h"

namespace cp::server {
namespace {

rapidjson::SizeType length_of(std::string_view text) {
  return static_cast<rapidjson::SizeType>(text.size());
}

void write_key(JsonWriter& out, std::string_view key) {
  out.Key(key.data(), length_of(key));
}

}  // namespace

void write_field(JsonWriter& out, std::string_view key, std::string_view value) {
  write_key(out, key);
  // Text is checked as it enters, but a row stored before that check must not break the list
  // for everyone (issue 14 finding 4): its bad bytes are shown as U+FFFD.
  if (!is_valid_utf8(value)) {
    const std::string shown = utf8_with_replacements(value);
    out.String(shown.data(), length_of(shown));
    return;
  }
  out.String(value.data(), length_of(value));
}

void write_request_summary(JsonWriter& out, const portal::ServiceCatalogue& services,
                           const store::StoredRequest& request) {
  const portal::ServiceDefinition* service = services.find(request.service_id);
  out.StartObject();
  write_field(out, "reference", request.reference);
  write_field(out, "firm", request.firm_id);
  write_key(out, "service");
  out.StartObject();
  write_field(out, "id", request.service_id);
  write_key(out, "number");
  out.Int(service != nullptr ? service->number : 0);
  write_key(out, "title");
  out.StartObject();
  if (service != nullptr) {  // a service since removed from the catalogue keeps its id only
    write_field(out, "en", service->title.en);
    write_field(out, "zh-Hant", service->title.zh_hant);
    write_field(out, "zh-Hans", service->title.zh_hans);
  }
  out.EndObject();
  out.EndObject();
  write_field(out, "status", workflow::status_code(request.status));
  write_field(out, "operator_team", request.operator_team);
  write_field(out, "created_by", request.created_by);
  write_field(out, "created_at", request.created_at);
  write_field(out, "updated_at", request.updated_at);
  write_field(out, "submitted_by", request.submitted_by);
  write_field(out, "submitted_at", request.submitted_at);
  write_field(out, "checked_by", request.checked_by);
  write_field(out, "checked_at", request.checked_at);
  write_field(out, "assignee", request.assignee);
  write_field(out, "reason", request.reason);
  write_key(out, "version");
  out.Int64(request.version);
  out.EndObject();
}

void write_request_list(JsonWriter& out, std::string_view key,
                        const portal::ServiceCatalogue& services,
                        const std::vector<store::StoredRequest>& requests) {
  write_key(out, key);
  out.StartArray();
  for (const store::StoredRequest& request : requests) {
    write_request_summary(out, services, request);
  }
  out.EndArray();
}

HttpResponse ListAnswer::finish() {
  out_.EndObject();
  HttpResponse response;
  response.body.assign(buffer_.GetString(), buffer_.GetSize());
  return response;
}

void write_string_list(JsonWriter& out, std::string_view key,
                       const std::vector<std::string>& values) {
  write_key(out, key);
  out.StartArray();
  for (const std::string& value : values) out.String(value.data(), length_of(value));
  out.EndArray();
}

std::string request_summary_text(const portal::ServiceCatalogue& services,
                                 const store::StoredRequest& request) {
  rapidjson::StringBuffer buffer;
  JsonWriter out(buffer);
  write_request_summary(out, services, request);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace cp::server
