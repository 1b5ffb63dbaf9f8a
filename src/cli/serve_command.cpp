// connectpost serve: the HTTP server (issue 5): /healthz, /metrics and, as they are built, the
// portal's API and static files. Stops gracefully on SIGTERM.
#include <spdlog/spdlog.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include "cli/commands.h"
#include "identity/password.h"
#include "identity/roles.h"
#include "mail/mail_queue.h"
#include "mail/sms.h"
#include "refdata/refdata.h"
#include "server/auth_routes.h"
#include "server/http_server.h"
#include "server/opening_routes.h"
#include "server/portal_notifications.h"
#include "server/routes.h"
#include "store/connection_per_thread.h"

namespace cp::cli {
namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string web_dir = "web";
  std::string tls_certificate;
  std::string tls_private_key;
  // Worker threads, each with its own database connection. Default: one per core (a thread
  // waiting on PostgreSQL or on a password hash leaves the others serving).
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // The firm whose Southbound book the EOD runs when the book_firm key is empty (the demo's).
  std::string book_firm_default;
};

// Messages waiting for the relay at most; past that a reset link is dropped (and logged) and the
// user asks again. A relay down for a minute under a burst of resets fits.
constexpr size_t kMailQueueCapacity = 1000;

// The monitoring token from its file: one line, at least 32 characters (a guessable token
// would open the metrics to anyone).
Result<std::string> read_token_file(const std::string& path) {
  std::ifstream in(path);
  std::string token;
  if (!in || !std::getline(in, token)) {
    return invalid_input("cannot read the metrics token file " + path, "metrics_token_file");
  }
  while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
  if (token.size() < 32) {
    return invalid_input(path + ": the metrics token must be at least 32 characters",
                         "metrics_token_file");
  }
  return token;
}

Result<server::ServerOptions> parse_listen(const std::string& text) {
  const size_t colon = text.rfind(':');
  server::ServerOptions options;
  unsigned port = 0;
  if (colon == std::string::npos ||
      std::from_chars(text.data() + colon + 1, text.data() + text.size(), port).ptr !=
          text.data() + text.size() ||
      port > 65535) {
    return invalid_input("--listen must be ADDRESS:PORT, e.g. 127.0.0.1:8080", "listen");
  }
  options.address = text.substr(0, colon);
  options.port = static_cast<uint16_t>(port);
  return options;
}

// The authentication policy in force today (data/parameters.csv, auth.*).
Result<server::AuthPolicy> auth_policy(const refdata::ParameterTable& parameters, Date today) {
  server::AuthPolicy policy;
  for (const auto& [key, field] : std::initializer_list<std::pair<const char*, int64_t*>>{
           {"auth.password_failures_max", &policy.password_failures_max},
           {"auth.password_lock_minutes", &policy.password_lock_minutes},
           {"auth.factor_failures_max", &policy.factor_failures_max},
           {"auth.factor_lock_minutes", &policy.factor_lock_minutes},
           {"auth.login_attempt_minutes", &policy.login_attempt_minutes},
           {"auth.session_idle_minutes", &policy.session_idle_minutes},
           {"auth.session_absolute_minutes", &policy.session_absolute_minutes},
           {"auth.email_code_minutes", &policy.email_code_minutes},
           {"auth.email_code_resend_seconds", &policy.email_code_resend_seconds},
           {"auth.totp_enrolment_minutes", &policy.totp_enrolment_minutes},
           {"auth.password_reset_minutes", &policy.password_reset_minutes},
           {"auth.sign_in_attempts_per_address", &policy.sign_in_attempts_per_address},
           {"auth.sign_in_attempts_per_login", &policy.sign_in_attempts_per_login}}) {
    CP_ASSIGN_OR_RETURN(*field, parameters.integer(key, today));
  }
  identity::MigrationDates& m = policy.migration;
  for (const auto& [key, field] : std::initializer_list<std::pair<const char*, Date*>>{
           {"auth.2fa.user_registration_from", &m.user_registration_from},
           {"auth.2fa.admin_registration_from", &m.admin_registration_from},
           {"auth.2fa.registration_deadline", &m.registration_deadline},
           {"auth.2fa.on_from", &m.two_factor_on},
           {"auth.2fa.only_from", &m.two_factor_only}}) {
    CP_ASSIGN_OR_RETURN(*field, parameters.date(key, today));
  }
  return policy;
}

Result<void> serve(const AppContext& context, const ServeOptions& options) {
  CP_ASSIGN_OR_RETURN(server::ServerOptions server_options, parse_listen(options.listen));
  if (options.tls_certificate.empty() != options.tls_private_key.empty()) {
    return invalid_input("--tls-cert and --tls-key go together", "tls");
  }
  server_options.tls_certificate_file = options.tls_certificate;
  server_options.tls_private_key_file = options.tls_private_key;
  CP_ASSIGN_OR_RETURN(auto catalogue,
                      identity::RoleCatalogue::load(
                          std::filesystem::path(context.config.get("data_dir")) / "identity"));
  if (options.threads < 1 || options.threads > 64) {
    return invalid_input("--threads must be 1 to 64", "threads");
  }
  server_options.threads = options.threads;
  // The database is opened (and migrated) before listening, so a bad URL fails at start; then a
  // connection for each further thread, the password-hashing pool's included.
  std::vector<std::unique_ptr<store::Database>> connections;
  CP_ASSIGN_OR_RETURN(auto first, context.open_database());
  connections.push_back(std::move(first));
  for (int i = 1; i < options.threads + server_options.hash_threads; ++i) {
    CP_ASSIGN_OR_RETURN(auto more, context.connect_database());
    connections.push_back(std::move(more));
  }
  auto db = std::make_unique<store::ConnectionPerThread>(std::move(connections));
  if (!db->secret_key()) {
    spdlog::warn(
        "no secret_key_file: authenticator secrets are stored unsealed in the database "
        "(docs/identity.md)");
  }
  const std::filesystem::path web =
      std::filesystem::is_directory(options.web_dir) ? options.web_dir : "";
  CP_ASSIGN_OR_RETURN(refdata::RefData reference,
                      refdata::load_refdata(context.config.get("data_dir")));
  CP_ASSIGN_OR_RETURN(server::AuthPolicy policy,
                      auth_policy(reference.parameters, to_hkt(context.clock.now()).date));
  // Email codes need a relay; without one, users sign in with their authenticator app only.
  const std::string& smtp_url = context.config.get("smtp_url");
  std::unique_ptr<mail::Mailer> mailer =
      smtp_url.empty() ? nullptr : mail::smtp_mailer(smtp_url, context.config.get("mail_from"));
  policy.secure_cookies = !options.tls_certificate.empty();  // cookies only over HTTPS
  policy.public_url = context.config.get("public_url");
  while (!policy.public_url.empty() && policy.public_url.back() == '/')
    policy.public_url.pop_back();
  // Mail that must not hold up its request (the password-reset link) leaves through a queue.
  std::optional<mail::MailQueue> mail_queue;
  if (mailer) {
    mail_queue.emplace(*mailer, kMailQueueCapacity, [](const Error& error) {
      spdlog::warn("queued mail not sent: {}", error.message);
    });
  }
  server::AuthContext auth{*db, context.clock, policy, mailer.get(), std::nullopt, {}};
  auth.mail_queue = mail_queue ? &*mail_queue : nullptr;
  auth.login_limiter.reset(server::attempts_per_minute(policy.sign_in_attempts_per_login));
  CP_ASSIGN_OR_RETURN(
      auth.password_policy.common,
      identity::load_common_passwords((std::filesystem::path(context.config.get("data_dir")) /
                                       "identity" / "common_passwords.txt")
                                          .string()));
  server::App app(
      catalogue,
      [&auth](const server::HttpRequest& request) { return server::authenticate(auth, request); },
      web, context.clock);
  app.set_address_limit(server::attempts_per_minute(policy.sign_in_attempts_per_address));
  if (const std::string& token_file = context.config.get("metrics_token_file");
      !token_file.empty()) {
    CP_ASSIGN_OR_RETURN(std::string token, read_token_file(token_file));
    app.set_monitoring_token(std::move(token));
  }
  CP_ASSIGN_OR_RETURN(auto services,
                      portal::ServiceCatalogue::load(context.config.get("catalog_dir")));
  // The online opening's documents and question banks (catalog/opening/): a bad file stops the
  // start, naming it, rather than failing an investor halfway through.
  CP_ASSIGN_OR_RETURN(const auto opening_kits,
                      server::load_opening_kits(context.config.get("catalog_dir")));
  server::Notifier notifier(mailer.get(), policy.public_url);
  server::PortalContext portal{auth, catalogue, services};
  portal.opening_kits = &opening_kits;
  portal.notifier = &notifier;
  // SMS through the file the deployment's gateway picks up (mail/sms.h); opened here, once.
  std::unique_ptr<mail::SmsGateway> sms;
  if (const std::string& sink = context.config.get("sms_sink_file"); !sink.empty()) {
    auto file = std::make_unique<std::ofstream>(sink, std::ios::app);
    if (!*file) return invalid_input("cannot open the SMS sink file " + sink, "sms_sink_file");
    sms = std::make_unique<mail::FileSmsSink>(std::move(file));
  }
  portal.sms = sms.get();
  portal.data_dir = context.config.get("data_dir");
  portal.book_firm = context.config.get("book_firm");
  if (portal.book_firm.empty()) portal.book_firm = options.book_firm_default;
  // Attachments travel as request bodies: upload routes may carry the largest file allowed;
  // every other route keeps its limit (core/input_limits.h).
  app.set_upload_bytes_max(static_cast<size_t>(portal.max_attachment_bytes));
  server::add_all_routes(app, auth, catalogue, portal);
  return server::serve(app, server_options, [&](uint16_t port) {
    std::cout << "listening on " << (options.tls_certificate.empty() ? "http" : "https") << "://"
              << server_options.address << ":" << port << std::endl;
  });
}

}  // namespace

Result<void> serve_portal(const AppContext& context, const std::string& listen,
                          const std::string& web_dir, const std::string& book_firm) {
  ServeOptions options;
  options.listen = listen;
  options.web_dir = web_dir;
  options.book_firm_default = book_firm;
  return serve(context, options);
}

void register_serve_command(CLI::App& app, AppContext& context) {
  auto options = std::make_shared<ServeOptions>();
  auto* command = app.add_subcommand("serve", "Run the HTTP server until SIGTERM");
  command->add_option("--listen", options->listen, "ADDRESS:PORT (port 0: any free port)");
  command->add_option("--web-dir", options->web_dir, "The portal's static files");
  command->add_option("--tls-cert", options->tls_certificate,
                      "PEM certificate chain: serve HTTPS only (with --tls-key)");
  command->add_option("--tls-key", options->tls_private_key, "PEM private key of --tls-cert");
  command->add_option("--threads", options->threads,
                      "Worker threads, each with a database connection (default: one per core)");
  command->callback(
      [&context, options] { run_action(context, [&] { return serve(context, *options); }); });
}

}  // namespace cp::cli
