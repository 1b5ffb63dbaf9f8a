// connectpost: the command line. Exit codes (docs/cli.md): 0 ok, 1 rule or validation failure,
// 2 bad usage or input, 3 internal error.
#include <CLI/CLI.hpp>
#include <cstdlib>
#ifdef CONNECTPOST_MIMALLOC
#include <mimalloc.h>
#endif

#include "cli/app_context.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
#ifdef CONNECTPOST_MIMALLOC
  // Large OS pages (2 MiB, transparent huge pages where the kernel allows them by madvise) for
  // mimalloc's segments: a run touching a gigabyte of fresh memory otherwise takes a page fault
  // per 4 KiB, a third of `ca entitlements` at 2 million holders (docs/performance.md). Where the
  // kernel refuses them mimalloc falls back to normal pages. Set before the first large
  // allocation; MIMALLOC_LARGE_OS_PAGES=0 in the environment still turns it off.
  if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr) {
    mi_option_enable(mi_option_large_os_pages);
  }
#endif
  cp::cli::AppContext context;
  CLI::App app{"connectpost: post-trade platform for Southbound Stock Connect", "connectpost"};
  app.set_version_flag("--version", "connectpost " CONNECTPOST_VERSION);
  app.require_subcommand(1);

  // Global options: each one overrides the file and the environment (cli/config.h).
  app.add_option("--config", context.config_file,
                 "Configuration file (default ./connectpost.conf)");
  auto flag = [&](const char* name, const char* key, const char* help) {
    app.add_option_function<std::string>(
        name, [&context, key](const std::string& value) { context.flags[key] = value; }, help);
  };
  flag("--db", "db",
       "Database URL: sqlite:PATH (default sqlite:var/connectpost.db) or postgresql://…");
  flag("--data-dir", "data_dir", "Reference-data directory (default ./data)");
  flag("--catalog-dir", "catalog_dir", "E-service catalogue directory (default ./catalog)");
  flag("--log-level", "log_level", "trace, debug, info, warn, error or off");
  flag("--log-format", "log_format", "text or json (JSON lines)");
  flag("--smtp-url", "smtp_url", "SMTP relay for mail, e.g. smtp://127.0.0.1:25 (default: none)");
  flag("--sms-sink-file", "sms_sink_file",
       "File every SMS is appended to as a JSON line, for the SMS gateway (default: no SMS)");
  flag("--mail-from", "mail_from", "Sender address of the mail connectpost sends");
  flag("--secret-key-file", "secret_key_file",
       "Key file sealing authenticator secrets at rest (made by `secret-key new FILE`)");
  flag("--public-url", "public_url",
       "The portal's address for links in mail, e.g. https://portal.example.com");
  flag("--metrics-token-file", "metrics_token_file",
       "File with the bearer token a scraper sends to /metrics (default: /metrics closed)");
  flag("--book-firm", "book_firm",
       "The firm whose Southbound book the EOD runs: its users see the book under stress");

  cp::cli::register_config_commands(app, context);
  cp::cli::register_refdata_commands(app, context);
  cp::cli::register_db_commands(app, context);
  cp::cli::register_calendar_commands(app, context);
  cp::cli::register_trading_commands(app, context);
  cp::cli::register_fees_command(app, context);
  cp::cli::register_import_commands(app, context);
  cp::cli::register_eod_commands(app, context);
  cp::cli::register_report_command(app, context);
  cp::cli::register_risk_commands(app, context);
  cp::cli::register_ca_commands(app, context);
  cp::cli::register_investor_commands(app, context);
  cp::cli::register_archive_commands(app, context);
  cp::cli::register_obligations_commands(app, context);
  cp::cli::register_audit_commands(app, context);
  cp::cli::register_identity_commands(app, context);
  cp::cli::register_session_commands(app, context);
  cp::cli::register_firm_profile_command(app, context);
  cp::cli::register_notifications_command(app, context);
  cp::cli::register_secret_key_command(app, context);
  cp::cli::register_serve_command(app, context);
  cp::cli::register_demo_command(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);  // prints help, version or the usage error
    return code == 0 ? 0 : 2;
  }
  return context.exit_code;
}
