// connectpost audit verify | show
#include <charconv>
#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "store/audit_store.h"

namespace cp::cli {
namespace {

struct AuditOptions {
  std::string anchor;  // SEQ:HASH, as an EOD summary printed it
  std::string object;
  std::string actor;
  bool json = false;
};

Result<std::optional<audit::Anchor>> parse_anchor(const std::string& text) {
  if (text.empty()) return std::optional<audit::Anchor>();
  const size_t colon = text.find(':');
  int64_t seq = 0;
  if (colon == std::string::npos ||
      std::from_chars(text.data(), text.data() + colon, seq).ptr != text.data() + colon ||
      seq < 1 || text.size() - colon - 1 != 64) {
    return invalid_input("--anchor must be SEQ:HASH (a sequence number, a colon and 64 hex digits)",
                         "anchor");
  }
  return std::optional<audit::Anchor>(audit::Anchor{seq, text.substr(colon + 1)});
}

Result<void> verify(const AppContext& context, const AuditOptions& options) {
  CP_ASSIGN_OR_RETURN(auto anchor, parse_anchor(options.anchor));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(store::AuditVerification result, store::verify_audit(*db, anchor));
  const bool ok = !result.first_break.has_value();
  if (options.json) {
    Json out = {{"ok", ok},
                {"entries", result.entries},
                {"head", {{"seq", result.head.seq}, {"hash", result.head.hash}}}};
    if (!ok) {
      out["first_break"] = {{"seq", result.first_break->seq},
                            {"message", result.first_break->message}};
    }
    print_json(std::cout, out);
  } else if (ok) {
    std::cout << "audit trail intact: " << result.entries << " entries, head " << result.head.seq
              << ":" << result.head.hash
              << (anchor ? ", anchor " + std::to_string(anchor->seq) + " matches" : "") << "\n";
  } else {
    std::cout << "audit trail broken at " << result.first_break->message << "\n";
  }
  if (!ok) return rule_violation("audit trail broken: " + result.first_break->message);
  return Ok{};
}

Result<void> show(const AppContext& context, const AuditOptions& options) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  Json entries = Json::array();
  std::vector<std::vector<std::string>> rows;
  CP_RETURN_IF_ERROR(store::for_each_audit_entry(
      *db, {options.object, options.actor}, [&](const audit::AuditEntry& e) -> Result<void> {
        if (options.json) {
          entries.push_back({{"seq", e.seq},
                             {"at_utc", e.at_utc},
                             {"actor", e.actor},
                             {"firm", e.firm},
                             {"action", e.action},
                             {"object", e.object},
                             {"detail", e.detail},
                             {"hash", e.hash}});
        } else {
          rows.push_back(
              {std::to_string(e.seq), e.at_utc, e.actor, e.firm, e.action, e.object, e.detail});
        }
        return Ok{};
      }));
  if (options.json) {
    print_json(std::cout, {{"entries", entries}});
  } else {
    print_table(std::cout, {"SEQ", "AT (UTC)", "ACTOR", "FIRM", "ACTION", "OBJECT", "DETAIL"}, rows,
                {0});
  }
  return Ok{};
}

}  // namespace

void register_audit_commands(CLI::App& app, AppContext& context) {
  auto options = std::make_shared<AuditOptions>();
  auto* audit = app.add_subcommand("audit", "The tamper-evident audit trail");
  audit->require_subcommand(1);
  auto* verify_command = audit->add_subcommand(
      "verify", "Walk the hash chain; exit 1 naming the first edited, deleted or inserted entry");
  verify_command->add_option("--anchor", options->anchor,
                             "SEQ:HASH of a head noted earlier (an EOD summary prints it)");
  verify_command->add_flag("--json", options->json, "Print JSON");
  verify_command->callback(
      [&context, options] { run_action(context, [&] { return verify(context, *options); }); });
  auto* show_command =
      audit->add_subcommand("show", "Entries in order: all, one object's or one actor's");
  show_command->add_option("--object", options->object, "TYPE:ID, e.g. eod:2024-03-15");
  show_command->add_option("--actor", options->actor, "e.g. cli:ops or user:7");
  show_command->add_flag("--json", options->json, "Print JSON");
  show_command->callback(
      [&context, options] { run_action(context, [&] { return show(context, *options); }); });
}

}  // namespace cp::cli
