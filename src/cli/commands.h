// Each module's subcommands, registered on the `connectpost` application.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/app_context.h"

namespace cp::cli {

void register_config_commands(CLI::App& app, AppContext& context);
void register_refdata_commands(CLI::App& app, AppContext& context);
void register_db_commands(CLI::App& app, AppContext& context);
void register_demo_command(CLI::App& app, AppContext& context);
void register_calendar_commands(CLI::App& app, AppContext& context);
void register_trading_commands(CLI::App& app, AppContext& context);
void register_fees_command(CLI::App& app, AppContext& context);
void register_import_commands(CLI::App& app, AppContext& context);
void register_eod_commands(CLI::App& app, AppContext& context);
// `eod what-if`, under the `eod` command.
void register_what_if_command(CLI::App& eod, AppContext& context);
void register_report_command(CLI::App& app, AppContext& context);
void register_audit_commands(CLI::App& app, AppContext& context);
void register_identity_commands(CLI::App& app, AppContext& context);
// After register_identity_commands: adds to its `user` command.
void register_session_commands(CLI::App& app, AppContext& context);
// After register_identity_commands: adds `firm profile`.
void register_firm_profile_command(CLI::App& app, AppContext& context);
void register_secret_key_command(CLI::App& app, AppContext& context);
void register_serve_command(CLI::App& app, AppContext& context);
// The portal on the configured database until SIGTERM (`serve`, and `demo --serve`);
// `book_firm` is the book_firm key's default (the demo's broker).
Result<void> serve_portal(const AppContext& context, const std::string& listen,
                          const std::string& web_dir, const std::string& book_firm = {});
void register_notifications_command(CLI::App& app, AppContext& context);
// `risk margin` (issue 16).
void register_risk_commands(CLI::App& app, AppContext& context);
// connectpost ca: corporate actions (issue 17).
void register_ca_commands(CLI::App& app, AppContext& context);
// connectpost investor check: the Southbound permission's suitability rules (issue 18).
void register_investor_commands(CLI::App& app, AppContext& context);
// connectpost archive: the investors' archives, their export and verification (SUIT-7).
void register_archive_commands(CLI::App& app, AppContext& context);
// The permission registry's subcommands of `investor` (cli/investor_permission_command.cpp).
void register_investor_permission_commands(CLI::App& investor, AppContext& context);
// `obligations`, `obligations run`, `obligations check-defaults` (issue 16).
void register_obligations_commands(CLI::App& app, AppContext& context);
// `obligations notify`, under the `obligations` command.
void register_obligation_notices_command(CLI::App& obligations, AppContext& context);

}  // namespace cp::cli
