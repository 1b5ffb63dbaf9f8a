// The plain request and response every handler sees (the transport, http_server.cpp, converts
// to and from Boost.Beast; nothing else includes Beast). Header names are lower case.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace cp::server {

struct HttpRequest {
  std::string method;  // "GET", "POST"…
  std::string path;    // without the query string, percent-decoded
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote_address;

  // The header's value, or "" when absent.
  std::string header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::map<std::string, std::string> headers;  // besides Content-Type and Content-Length
  std::string body;
};

// {"error": {"code": …, "message": …}} with the status; the message is for a person.
HttpResponse error_response(int status, std::string_view code, std::string_view message);

// Splits "/a/b?x=1&y=%20" into its decoded path and query; false if the percent-encoding is bad,
// or if what it decodes to is not UTF-8 text: a path with a control character (%00 too), a query
// name or value with one other than tab and line breaks, or bytes that are not UTF-8 (%ff%fe).
// Every path parameter and query value a handler sees is therefore text it may store.
bool parse_target(std::string_view target, std::string& path,
                  std::map<std::string, std::string>& query);

}  // namespace cp::server
