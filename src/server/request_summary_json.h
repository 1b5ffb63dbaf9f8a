// The requests' summary objects, the rows of every list the portal shows (the home page, search,
// tasks, the operator's queues), written straight to text with RapidJSON's streaming writer:
// a page of fifty built as a DOM cost more than the query behind it (docs/performance.md).
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>
#include <vector>

#include "portal/service_catalogue.h"
#include "server/http_message.h"
#include "store/request_store.h"

namespace cp::server {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Writes a key and a string value; the text is copied as it is (UTF-8 in, UTF-8 out).
void write_field(JsonWriter& out, std::string_view key, std::string_view value);

// One request's summary: reference, firm, service (id, number and title in the three
// languages), status, team, who and when at each step, assignee, reason and version. The detail
// view (request_json) starts from this same object.
void write_request_summary(JsonWriter& out, const portal::ServiceCatalogue& services,
                           const store::StoredRequest& request);

// `key`: [summary, ...].
void write_request_list(JsonWriter& out, std::string_view key,
                        const portal::ServiceCatalogue& services,
                        const std::vector<store::StoredRequest>& requests);

// An answer that is one JSON object of a few fields and lists of summaries, written as text.
class ListAnswer {
 public:
  ListAnswer() : out_(buffer_) { out_.StartObject(); }
  JsonWriter& out() { return out_; }
  HttpResponse finish();  // 200, application/json

 private:
  rapidjson::StringBuffer buffer_;
  JsonWriter out_;
};

// `key`: [text, ...].
void write_string_list(JsonWriter& out, std::string_view key,
                       const std::vector<std::string>& values);

// The summary of one request as JSON text.
std::string request_summary_text(const portal::ServiceCatalogue& services,
                                 const store::StoredRequest& request);

}  // namespace cp::server
