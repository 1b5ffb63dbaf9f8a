#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>

namespace cp::testing {

int connect_to(uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return fd;
}

void send_all(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

std::string read_response(int fd) {
  std::string data;
  char buffer[4096];
  size_t body_start = std::string::npos;
  size_t length = 0;
  while (true) {
    if (body_start == std::string::npos) {
      body_start = data.find("\r\n\r\n");
      if (body_start != std::string::npos) {
        body_start += 4;
        const size_t at = data.find("Content-Length: ");
        length = at == std::string::npos ? 0 : std::stoul(data.substr(at + 16));
      }
    }
    if (body_start != std::string::npos && data.size() >= body_start + length) return data;
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return data;
    data.append(buffer, static_cast<size_t>(n));
  }
}

HttpReply http_call(uint16_t port, const std::string& method, const std::string& path,
                    const std::string& body, const std::map<std::string, std::string>& headers) {
  HttpReply reply;
  const int fd = connect_to(port);
  if (fd < 0) return reply;
  std::string request = method + " " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST") {
    if (!headers.count("Content-Type")) request += "Content-Type: application/json\r\n";
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  send_all(fd, request + "\r\n" + body);
  reply.raw = read_response(fd);
  ::close(fd);
  const size_t head_end = reply.raw.find("\r\n\r\n");
  if (reply.raw.size() < 12 || head_end == std::string::npos) return reply;
  reply.status = std::stoi(reply.raw.substr(9, 3));
  size_t line = reply.raw.find("\r\n") + 2;
  while (line < head_end) {
    const size_t end = reply.raw.find("\r\n", line);
    const std::string field = reply.raw.substr(line, end - line);
    const size_t colon = field.find(':');
    std::string name = field.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = field.substr(colon + 2);
    line = end + 2;
  }
  reply.body = reply.raw.substr(head_end + 4);
  return reply;
}

std::string set_cookie_value(const HttpReply& reply, const std::string& name) {
  const auto found = reply.headers.find("set-cookie");
  if (found == reply.headers.end() || found->second.rfind(name + "=", 0) != 0) return "";
  const std::string& text = found->second;
  return text.substr(name.size() + 1, text.find(';') - name.size() - 1);
}

}  // namespace cp::testing
