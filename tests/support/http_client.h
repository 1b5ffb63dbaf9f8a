// A minimal HTTP/1.1 client over a loopback socket for the server tests: no library between the
// test and the bytes the server sends.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace cp::testing {

// A connected socket to 127.0.0.1:port (10 s receive timeout), or -1.
int connect_to(uint16_t port);
// Sends everything it can (the server may close early, e.g. after a 413).
void send_all(int fd, const std::string& data);
// Reads one response: headers, then Content-Length bytes of body.
std::string read_response(int fd);

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string raw;
};

// One request on a new connection ("Connection: close"); `headers` are extra lines. A POST is
// sent as application/json unless `headers` has a Content-Type.
HttpReply http_call(uint16_t port, const std::string& method, const std::string& path,
                    const std::string& body = "",
                    const std::map<std::string, std::string>& headers = {});

// The value of a cookie set by a reply's Set-Cookie header ("" if none).
std::string set_cookie_value(const HttpReply& reply, const std::string& name);

}  // namespace cp::testing
