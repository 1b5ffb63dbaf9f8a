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

#include <spdlog/spdlog.h>

#include <atomic>
#include <csignal>
#include <limits>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "core/input_limits.h"

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

// The request's head as the App sees it; `valid` is false for a target that is not UTF-8 text.
HttpRequest head_of(const http::request<http::string_body>& in, const std::string& remote,
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

// RFC 9112 §6.1 and §6.3: a request whose framing two parties could read two ways is refused,
// never guessed at (request smuggling). Transfer-Encoding is accepted only as exactly "chunked"
// and never beside Content-Length; "xchunked", "chunked, identity" or a second field are 400.
bool ambiguous_framing(const http::request<http::string_body>& in) {
  const size_t codings = in.count(http::field::transfer_encoding);
  if (codings == 0) return false;
  if (codings > 1 || in.count(http::field::content_length) > 0) return true;
  std::string coding(in[http::field::transfer_encoding]);
  for (char& c : coding) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const size_t first = coding.find_first_not_of(" \t");
  const size_t last = coding.find_last_not_of(" \t");
  return first == std::string::npos || coding.substr(first, last - first + 1) != "chunked";
}

// The hashing pool's requests, waiting or running, against its bound.
struct HashPool {
  net::thread_pool threads;
  std::atomic<int> busy = 0;
  int queue_max;
  HashPool(int size, int max) : threads(static_cast<size_t>(size)), queue_max(max) {}
};

// Requests and responses on one connection until it closes, times out or the server stops.
// `Stream` is a beast::tcp_stream or an ssl_stream over one.
template <typename Stream>
net::awaitable<void> exchange(Stream& stream, const std::string& remote, App& app,
                              const ServerOptions& options, Connections& connections,
                              HashPool& hashing) {
  beast::tcp_stream& lowest = beast::get_lowest_layer(stream);
  beast::error_code ec;
  beast::flat_buffer buffer;
  while (!*connections.stopping) {
    lowest.expires_after(std::chrono::seconds(options.idle_timeout_seconds));
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(limits::kHeaderBytesMax));
    // Beast checks a Content-Length against the body limit as it reads the header: none is
    // set until the route is known (below), so the largest any route takes stands in.
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    connections.idle.insert(&lowest);
    co_await http::async_read_header(stream, buffer, parser,
                                     net::redirect_error(net::use_awaitable, ec));
    connections.idle.erase(&lowest);
    // An answer after which the connection closes (its body unread, or the request refused
    // before it was routed). Built here and written once below: GCC 12 mis-destroys temporaries
    // inside a co_await expression, so none is written from one.
    std::optional<HttpResponse> last;
    HttpRequest request;
    Admission admission;
    if (ec == http::error::header_limit) {
      admission = app.unrouted();
      last = app.finish(admission, request,
                        error_response(413, "too_large",
                                       "the request's header is larger than this server accepts"));
    } else if (ec && ec.category() == http::make_error_code(http::error::bad_target).category() &&
               ec != http::error::end_of_stream && ec != http::error::partial_message) {
      // A head Beast could not parse (bad framing such as chunked beside a length, a bad
      // field): answered, so that the sender learns why, then closed.
      admission = app.unrouted();
      last =
          app.finish(admission, request,
                     error_response(400, "bad_request", "the request is not well-formed HTTP/1.1"));
    } else if (ec) {
      break;  // closed, timed out or cancelled by a shutdown: nothing to answer
    } else {
      bool valid = true;
      request = head_of(parser.get(), remote, valid);
      const bool has_body = parser.chunked() || parser.content_length().value_or(0) > 0;
      if (!valid || ambiguous_framing(parser.get())) {
        admission = app.unrouted();
        last = app.finish(
            admission, request,
            error_response(400, "bad_request",
                           valid ? "ambiguous framing: Transfer-Encoding must be chunked alone"
                                 : "the request target is not UTF-8 text"));
      } else {
        // Who asks and where it goes decide how much body is read, if any (issue 14 finding 8:
        // an anonymous 3 MiB upload was once read in full before it was refused).
        admission = app.admit(request);
        const auto length = parser.content_length();
        if (admission.answer && has_body) {
          last = app.respond(admission, request);  // refused on its head: the body stays unread
        } else if (!admission.answer && length && *length > admission.body_bytes_max) {
          last = app.finish(
              admission, request,
              error_response(413, "too_large", "the request is larger than this server accepts"));
        }
      }
    }
    if (!last && !parser.is_done()) {
      parser.body_limit(admission.body_bytes_max);  // a chunked body is counted as it comes
      lowest.expires_after(std::chrono::seconds(options.idle_timeout_seconds));
      co_await http::async_read(stream, buffer, parser,
                                net::redirect_error(net::use_awaitable, ec));
      if (ec == http::error::body_limit) {
        last = app.finish(
            admission, request,
            error_response(413, "too_large", "the request is larger than this server accepts"));
      } else if (ec) {
        break;
      }
    }
    if (last) {
      auto out = to_beast(*last, 11, false, false);
      co_await http::async_write(stream, out, net::redirect_error(net::use_awaitable, ec));
      break;
    }
    request.body = std::move(parser.get().body());
    HttpResponse response;
    if (admission.cost == Cost::kPasswordHash && !admission.answer) {
      if (++hashing.busy > hashing.queue_max) {
        --hashing.busy;
        HttpResponse busy = error_response(503, "busy", "too many sign-ins at once: try again");
        busy.headers["retry-after"] = "1";
        response = app.finish(admission, request, std::move(busy));
      } else {
        // The handler runs on the pool; this worker serves other connections meanwhile and
        // picks the answer up when it is ready.
        auto on_pool = [&]() -> net::awaitable<HttpResponse> {
          co_return app.respond(admission, request);
        };
        response = co_await net::co_spawn(hashing.threads.get_executor(), std::move(on_pool),
                                          net::use_awaitable);
        --hashing.busy;
      }
    } else {
      response = app.respond(admission, request);
    }
    const auto& head = parser.get();
    const bool keep_alive = head.keep_alive() && !*connections.stopping;
    auto out = to_beast(response, head.version(), keep_alive, head.method() == http::verb::head);
    co_await http::async_write(stream, out, net::redirect_error(net::use_awaitable, ec));
    if (ec || !keep_alive) break;
  }
}

net::awaitable<void> session(tcp::socket socket, App& app, const ServerOptions& options,
                             Connections& connections, net::ssl::context* tls, HashPool& hashing) {
  beast::error_code ec;
  const std::string remote = socket.remote_endpoint(ec).address().to_string();
  beast::tcp_stream plain(std::move(socket));
  if (tls == nullptr) {
    co_await exchange(plain, remote, app, options, connections, hashing);
    plain.socket().shutdown(tcp::socket::shutdown_send, ec);
    co_return;
  }
  beast::ssl_stream<beast::tcp_stream> stream(std::move(plain), *tls);
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(options.idle_timeout_seconds));
  co_await stream.async_handshake(net::ssl::stream_base::server,
                                  net::redirect_error(net::use_awaitable, ec));
  if (ec) co_return;  // not TLS, or a failed handshake: nothing was read
  co_await exchange(stream, remote, app, options, connections, hashing);
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(2));
  co_await stream.async_shutdown(net::redirect_error(net::use_awaitable, ec));
}

// Accepts on worker 0 and hands each connection to the next worker in turn, whose thread then
// serves it to the end.
net::awaitable<void> listen(tcp::acceptor& acceptor, App& app, const ServerOptions& options,
                            std::vector<std::unique_ptr<Worker>>& workers, net::ssl::context* tls,
                            HashPool& hashing) {
  beast::error_code ec;
  size_t next = 0;
  while (!*workers[0]->connections.stopping) {
    Worker& worker = *workers[next];
    next = (next + 1) % workers.size();
    tcp::socket socket =
        co_await acceptor.async_accept(worker.ioc, net::redirect_error(net::use_awaitable, ec));
    if (ec) break;                               // the acceptor was closed by a shutdown
    socket.set_option(tcp::no_delay(true), ec);  // small JSON answers: no Nagle delay
    // An exception escaping a connection's coroutine would end io_context::run() and so the
    // process: it ends that connection only, and is logged.
    net::co_spawn(worker.ioc,
                  session(std::move(socket), app, options, worker.connections, tls, hashing),
                  [](std::exception_ptr failure) {
                    if (!failure) return;
                    try {
                      std::rethrow_exception(failure);
                    } catch (const std::exception& e) {
                      spdlog::error("connection ended by an exception: {}", e.what());
                    } catch (...) {
                      spdlog::error("connection ended by an unknown exception");
                    }
                  });
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
  HashPool hashing(std::max(1, options.hash_threads), std::max(1, options.hash_queue_max));
  net::co_spawn(ioc, listen(acceptor, app, options, workers, tls ? &*tls : nullptr, hashing),
                net::detached);
  std::vector<std::thread> threads;
  for (size_t i = 1; i < workers.size(); ++i) {
    threads.emplace_back([&w = *workers[i]] { w.ioc.run(); });
  }
  ioc.run();
  for (std::thread& thread : threads) thread.join();
  hashing.threads.join();
  return Ok{};
}

}  // namespace cp::server
