#include "server/http_server.h"

#include <algorithm>

// Boost 1.74 with GCC 12 in C++20 needs <utility> before Asio (stack-notes).
#include <utility>
// clang-format off
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast.hpp>
#include <boost/beast/ssl.hpp>
// clang-format on

#include <atomic>
#include <csignal>
#include <optional>
#include <set>
#include <thread>
#include <vector>

namespace cp::server {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

// The live connections of one worker thread, so that a shutdown can close the idle ones. Each
// connection lives on one worker's io_context from accept to close, so `idle` is only touched
// on that worker's thread; `stopping` is set by the signal handler on worker 0.
struct Connections {
  std::atomic<bool>* stopping = nullptr;
  std::set<beast::tcp_stream*> idle;
};

// A thread with its io_context; the guard keeps run() going while it waits for connections.
// Not the single-thread concurrency hint: worker 0's thread hands connections to the others
// (accept and co_spawn on their io_context), and the hint would drop the locking that needs.
struct Worker {
  net::io_context ioc;
  net::executor_work_guard<net::io_context::executor_type> busy = net::make_work_guard(ioc);
  Connections connections;
};

HttpRequest to_plain(const http::request<http::string_body>& in, const std::string& remote,
                     bool& valid) {
  HttpRequest out;
  out.method = std::string(in.method_string());
  valid =
      parse_target(std::string_view(in.target().data(), in.target().size()), out.path, out.query);
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(field.value());
  }
  out.body = in.body();
  out.remote_address = remote;
  return out;
}

http::response<http::string_body> to_beast(const HttpResponse& in, unsigned version,
                                           bool keep_alive, bool head) {
  http::response<http::string_body> out{static_cast<http::status>(in.status), version};
  out.set(http::field::server, "connectpost");
  out.set(http::field::content_type, in.content_type);
  for (const auto& [name, value] : in.headers) out.set(name, value);
  out.keep_alive(keep_alive);
  out.body() = head ? std::string() : in.body;
  out.prepare_payload();
  if (head) out.content_length(in.body.size());
  return out;
}

bool is_upload(const http::request<http::string_body>& request) {
  if (request.method() != http::verb::post) return false;
  const std::string_view target(request.target().data(), request.target().size());
  const std::string_view path = target.substr(0, target.find('?'));
  for (const std::string_view suffix :
       {std::string_view("/attachments"), std::string_view("/versions")}) {
    if (path.size() > suffix.size() &&
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return true;
    }
  }
  return false;
}

// Requests and responses on one connection until it closes, times out or the server stops.
// `Stream` is a beast::tcp_stream or an ssl_stream over one.
template <typename Stream>
net::awaitable<void> exchange(Stream& stream, const std::string& remote, App& app,
                              const ServerOptions& options, Connections& connections) {
  beast::tcp_stream& lowest = beast::get_lowest_layer(stream);
  beast::error_code ec;
  beast::flat_buffer buffer;
  while (!*connections.stopping) {
    lowest.expires_after(std::chrono::seconds(options.idle_timeout_seconds));
    http::request_parser<http::string_body> parser;
    // Beast checks a Content-Length against the limit while it reads the header, so the header
    // is read under the larger (upload) limit and other requests are held to theirs after it.
    parser.body_limit(std::max(options.body_limit_bytes, options.upload_body_limit_bytes));
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit_bytes));
    connections.idle.insert(&lowest);
    // The header first: an upload's larger body limit depends on where it goes.
    co_await http::async_read_header(stream, buffer, parser,
                                     net::redirect_error(net::use_awaitable, ec));
    if (!ec && !is_upload(parser.get())) {
      const auto length = parser.content_length();
      if (length && *length > options.body_limit_bytes) {
        ec = http::error::body_limit;
      } else {
        parser.body_limit(options.body_limit_bytes);  // a chunked body is counted as it comes
      }
    }
    if (!ec && !parser.is_done()) {
      co_await http::async_read(stream, buffer, parser,
                                net::redirect_error(net::use_awaitable, ec));
    }
    connections.idle.erase(&lowest);
    if (ec == http::error::body_limit || ec == http::error::header_limit) {
      const HttpResponse too_large =
          error_response(413, "too_large", "the request is larger than this server accepts");
      auto out = to_beast(too_large, 11, false, false);
      co_await http::async_write(stream, out, net::redirect_error(net::use_awaitable, ec));
      break;
    }
    if (ec) break;  // closed, timed out, cancelled by a shutdown, or malformed: drop it
    const auto& request = parser.get();
    bool valid = true;
    HttpRequest plain = to_plain(request, remote, valid);
    const HttpResponse response =
        valid ? app.handle(plain) : error_response(400, "bad_request", "malformed request target");
    const bool keep_alive = request.keep_alive() && !*connections.stopping;
    auto out =
        to_beast(response, request.version(), keep_alive, request.method() == http::verb::head);
    co_await http::async_write(stream, out, net::redirect_error(net::use_awaitable, ec));
    if (ec || !keep_alive) break;
  }
}

net::awaitable<void> session(tcp::socket socket, App& app, const ServerOptions& options,
                             Connections& connections, net::ssl::context* tls) {
  beast::error_code ec;
  const std::string remote = socket.remote_endpoint(ec).address().to_string();
  beast::tcp_stream plain(std::move(socket));
  if (tls == nullptr) {
    co_await exchange(plain, remote, app, options, connections);
    plain.socket().shutdown(tcp::socket::shutdown_send, ec);
    co_return;
  }
  beast::ssl_stream<beast::tcp_stream> stream(std::move(plain), *tls);
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(options.idle_timeout_seconds));
  co_await stream.async_handshake(net::ssl::stream_base::server,
                                  net::redirect_error(net::use_awaitable, ec));
  if (ec) co_return;  // not TLS, or a failed handshake: nothing was read
  co_await exchange(stream, remote, app, options, connections);
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(2));
  co_await stream.async_shutdown(net::redirect_error(net::use_awaitable, ec));
}

// Accepts on worker 0 and hands each connection to the next worker in turn, whose thread then
// serves it to the end.
net::awaitable<void> listen(tcp::acceptor& acceptor, App& app, const ServerOptions& options,
                            std::vector<std::unique_ptr<Worker>>& workers, net::ssl::context* tls) {
  beast::error_code ec;
  size_t next = 0;
  while (!*workers[0]->connections.stopping) {
    Worker& worker = *workers[next];
    next = (next + 1) % workers.size();
    tcp::socket socket =
        co_await acceptor.async_accept(worker.ioc, net::redirect_error(net::use_awaitable, ec));
    if (ec) break;                               // the acceptor was closed by a shutdown
    socket.set_option(tcp::no_delay(true), ec);  // small JSON answers: no Nagle delay
    net::co_spawn(worker.ioc, session(std::move(socket), app, options, worker.connections, tls),
                  net::detached);
  }
}

}  // namespace

Result<void> serve(App& app, const ServerOptions& options,
                   const std::function<void(uint16_t port)>& on_listening) {
  std::atomic<bool> stopping = false;
  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < std::max(1, options.threads); ++i) {
    workers.push_back(std::make_unique<Worker>());
    workers.back()->connections.stopping = &stopping;
  }
  net::io_context& ioc = workers[0]->ioc;
  beast::error_code ec;
  const auto address = net::ip::make_address(options.address, ec);
  if (ec) return invalid_input("not an IP address: " + options.address, "listen");
  tcp::acceptor acceptor(ioc);
  const tcp::endpoint endpoint(address, options.port);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return make_error(ErrorCode::kInternal, "cannot listen on " + options.address + ":" +
                                                std::to_string(options.port) + ": " + ec.message());
  }
  std::optional<net::ssl::context> tls;
  if (!options.tls_certificate_file.empty() || !options.tls_private_key_file.empty()) {
    tls.emplace(net::ssl::context::tls_server);
    tls->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                     net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 |
                     net::ssl::context::no_tlsv1_1 | net::ssl::context::single_dh_use);
    tls->use_certificate_chain_file(options.tls_certificate_file, ec);
    if (!ec) tls->use_private_key_file(options.tls_private_key_file, net::ssl::context::pem, ec);
    if (ec) {
      return invalid_input("TLS certificate or key: " + ec.message() + " (" +
                               options.tls_certificate_file + ", " + options.tls_private_key_file +
                               ")",
                           "tls");
    }
  }
  net::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](const beast::error_code&, int) {
    // Stop accepting; a connection writing a response finishes it and closes; idle ones close
    // now, each on its own worker's thread. Each run() returns when its last one has.
    stopping = true;
    acceptor.close(ec);
    for (auto& worker : workers) {
      net::post(worker->ioc, [&w = *worker] {
        for (beast::tcp_stream* idle : w.connections.idle) idle->cancel();
        w.busy.reset();
      });
    }
  });
  on_listening(acceptor.local_endpoint().port());
  net::co_spawn(ioc, listen(acceptor, app, options, workers, tls ? &*tls : nullptr), net::detached);
  std::vector<std::thread> threads;
  for (size_t i = 1; i < workers.size(); ++i) {
    threads.emplace_back([&w = *workers[i]] { w.ioc.run(); });
  }
  ioc.run();
  for (std::thread& thread : threads) thread.join();
  return Ok{};
}

}  // namespace cp::server
