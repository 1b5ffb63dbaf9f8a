// The HTTP/1.1 transport (Boost.Beast, C++20 coroutines, a thread or several): keep-alive, request
// size and idle-time limits, optional TLS (OpenSSL, TLS 1.2 and later), graceful shutdown on
// SIGTERM or SIGINT. The only file that sees Beast; everything else works on server/http_message.h.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/result.h"
#include "server/app.h"

namespace cp::server {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0 = any free port (tests); the chosen one is reported
  // A body's limit is the App's, chosen per route after sign-in (App::admit); the header's is
  // limits::kHeaderBytesMax.
  int idle_timeout_seconds = 30;  // reading a request (slow clients) or waiting between them
  // Worker threads, each serving the connections handed to it with its own io_context. The
  // handlers then run side by side: the App and everything it reaches must be thread-safe (the
  // database as store::ConnectionPerThread, one connection per thread).
  int threads = 1;
  // The pool that runs the password-hashing routes (Cost::kPasswordHash) apart from the
  // workers, and how many of its requests may wait; past that they are answered 503 with
  // Retry-After at once. Each pool thread needs a database connection too.
  int hash_threads = 1;
  int hash_queue_max = 32;
  // TLS: both set = HTTPS only (PEM files: the certificate chain and its private key).
  std::string tls_certificate_file;
  std::string tls_private_key_file;
};

// Serves until SIGTERM or SIGINT, then stops accepting, lets each connection finish the response
// it is writing, closes idle ones and returns. `on_listening` is called with the bound port.
Result<void> serve(App& app, const ServerOptions& options,
                   const std::function<void(uint16_t port)>& on_listening);

}  // namespace cp::server
