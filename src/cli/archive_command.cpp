// The investor archive from the command line (issue 18 item 6; SPEC SUIT-7, ORG-2):
//   connectpost archive show --account A [--json]      every record, in order (audited read)
//   connectpost archive verify --account A             the chain checked link by link (audited)
//   connectpost archive export --account A --out FILE  a zip of every record and a manifest of
//                                                      their SHA-256 (audited)
//   connectpost archive verify-export FILE             the zip checked alone: each file against
//                                                      the manifest, the chain recomputed
//   connectpost archive purge --account A --date D     the leading records past their retention
//                                                      date; refused before it (audited)
//
// An export holds records/<seq>-<kind>.json, each a record with its content as the exact text
// stored (so its hash can be recomputed), and manifest.json: the account, when and by whom it
// was exported, where the chain starts (genesis or the purge anchor), each record's file and
// SHA-256, and the head hash.
#include <iostream>

#include "audit/audit_chain.h"
#include "cli/archive_zip.h"
#include "cli/audited.h"
#include "cli/commands.h"
#include "cli/investor_steps.h"
#include "store/investor_archive_store.h"
#include "store/investor_evidence_store.h"

namespace cp::cli {
namespace {

struct ArchiveOptions {
  std::string account;
  std::string out;
  std::string file;
  std::string date;
  bool json = false;
};

Json record_json(const investors::ArchiveRecord& r) {
  return {{"account", r.account_id},
          {"seq", r.seq},
          {"at_utc", r.at_utc},
          {"actor", r.actor},
          {"kind", investors::archive_kind_code(r.kind)},
          {"channel", r.channel},
          {"retain_until", r.retain_until.to_string()},
          {"content", r.content},
          {"prev_hash", r.prev_hash},
          {"hash", r.hash}};
}

// A record file of an export back as a record; anything missing or malformed is an error naming
// the entry.
Result<investors::ArchiveRecord> record_from(const std::string& entry, const std::string& text) {
  const auto bad = [&](const std::string& what) {
    return invalid_input("export entry " + entry + ": " + what);
  };
  const Json j = Json::parse(text, nullptr, false);
  if (!j.is_object()) return bad("not a JSON object");
  for (const char* key : {"account", "at_utc", "actor", "kind", "channel", "retain_until",
                          "content", "prev_hash", "hash"}) {
    if (!j.contains(key) || !j[key].is_string()) return bad(std::string("no text '") + key + "'");
  }
  if (!j.contains("seq") || !j["seq"].is_number_integer()) return bad("no whole 'seq'");
  investors::ArchiveRecord r;
  r.account_id = j["account"];
  r.seq = j["seq"];
  r.at_utc = j["at_utc"];
  r.actor = j["actor"];
  CP_ASSIGN_OR_RETURN(r.kind, investors::parse_archive_kind(j["kind"].get<std::string>()));
  r.channel = j["channel"];
  CP_ASSIGN_OR_RETURN(r.retain_until, Date::parse(j["retain_until"].get<std::string>()));
  r.content = j["content"];
  r.prev_hash = j["prev_hash"];
  r.hash = j["hash"];
  return r;
}

Result<std::vector<investors::ArchiveRecord>> records_of(store::Database& db,
                                                         const std::string& account) {
  std::vector<investors::ArchiveRecord> out;
  CP_RETURN_IF_ERROR(store::each_archive_record(
      db, account, [&](const investors::ArchiveRecord& r) -> Result<void> {
        out.push_back(r);
        return Ok{};
      }));
  return out;
}

Result<void> show(const AppContext& context, const ArchiveOptions& options) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_RETURN_IF_ERROR(store::investor_type(*db, options.account));
  std::vector<investors::ArchiveRecord> records;
  // ORG-2: every read of an investor's archive leaves its trace.
  CP_RETURN_IF_ERROR(audited(context, *db, "archive.read", "archive:" + options.account, {},
                             [&]() -> Result<void> {
                               CP_ASSIGN_OR_RETURN(records, records_of(*db, options.account));
                               return Ok{};
                             }));
  if (options.json) {
    Json out = Json::array();
    for (const auto& r : records) out.push_back(record_json(r));
    print_json(std::cout, {{"account", options.account}, {"records", out}});
    return Ok{};
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : records) {
    rows.push_back({std::to_string(r.seq), r.at_utc,
                    std::string(investors::archive_kind_code(r.kind)),
                    r.channel.empty() ? "-" : r.channel, r.retain_until.to_string(), r.actor});
  }
  print_table(std::cout, {"SEQ", "RECORDED (UTC)", "KIND", "CHANNEL", "KEPT UNTIL", "BY"}, rows);
  return Ok{};
}

Result<void> verify(const AppContext& context, const ArchiveOptions& options) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_RETURN_IF_ERROR(store::investor_type(*db, options.account));
  store::ArchiveCheck check;
  CP_RETURN_IF_ERROR(audited(
      context, *db, "archive.verify", "archive:" + options.account, {}, [&]() -> Result<void> {
        CP_ASSIGN_OR_RETURN(check, store::verify_archive(*db, options.account));
        return Ok{};
      }));
  if (check.first_break) {
    return rule_violation("archive of " + options.account +
                          " broken: " + check.first_break->message);
  }
  std::cout << "archive of " << options.account << ": " << check.records
            << " records, chain intact, head " << check.head_hash << "\n";
  return Ok{};
}

Result<void> export_archive(const AppContext& context, const ArchiveOptions& options) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_RETURN_IF_ERROR(store::investor_type(*db, options.account));
  std::vector<investors::ArchiveRecord> records;
  store::ArchiveStart start;
  CP_RETURN_IF_ERROR(audited(context, *db, "archive.export", "archive:" + options.account,
                             {{"file", options.out}}, [&]() -> Result<void> {
                               CP_ASSIGN_OR_RETURN(start,
                                                   store::archive_start(*db, options.account));
                               CP_ASSIGN_OR_RETURN(records, records_of(*db, options.account));
                               return Ok{};
                             }));
  std::vector<ZipEntry> entries;
  Json listed = Json::array();
  for (const auto& r : records) {
    char name[64];
    std::snprintf(name, sizeof name, "records/%06lld-", static_cast<long long>(r.seq));
    ZipEntry entry{name + std::string(investors::archive_kind_code(r.kind)) + ".json",
                   record_json(r).dump(2) + "\n"};
    listed.push_back(
        {{"seq", r.seq}, {"file", entry.name}, {"sha256", audit::sha256_hex(entry.bytes)}});
    entries.push_back(std::move(entry));
  }
  const Json manifest{{"account", options.account},
                      {"exported_at_utc", format_utc(context.clock.now())},
                      {"exported_by", context.actor()},
                      {"start", {{"seq", start.seq}, {"hash", start.hash}}},
                      {"head_hash", records.empty() ? start.hash : records.back().hash},
                      {"records", listed}};
  entries.push_back({"manifest.json", manifest.dump(2) + "\n"});
  CP_RETURN_IF_ERROR(write_zip(options.out, entries));
  std::cout << "exported " << records.size() << " records of " << options.account << " to "
            << options.out << "\n";
  return Ok{};
}

Result<void> verify_export(const ArchiveOptions& options) {
  CP_ASSIGN_OR_RETURN(const auto entries, read_zip(options.file));
  const auto manifest_entry = entries.find("manifest.json");
  if (manifest_entry == entries.end()) {
    return invalid_input(options.file + ": no manifest.json: not an archive export");
  }
  const Json manifest = Json::parse(manifest_entry->second, nullptr, false);
  if (!manifest.is_object() || !manifest.contains("records") || !manifest["records"].is_array() ||
      !manifest.contains("start") || !manifest["start"].is_object() ||
      !manifest["start"].contains("seq") || !manifest["start"]["seq"].is_number_integer() ||
      !manifest["start"].contains("hash") || !manifest["start"]["hash"].is_string() ||
      !manifest.contains("head_hash") || !manifest["head_hash"].is_string()) {
    return invalid_input(options.file + ": manifest.json is not an archive manifest");
  }
  investors::ArchiveVerifier verifier(manifest["start"]["seq"].get<int64_t>(),
                                      manifest["start"]["hash"].get<std::string>());
  size_t listed = 0;
  for (const Json& item : manifest["records"]) {
    if (!item.is_object() || !item.contains("file") || !item["file"].is_string() ||
        !item.contains("sha256") || !item["sha256"].is_string()) {
      return invalid_input(options.file + ": a manifest record has no file or sha256");
    }
    const std::string file = item["file"];
    const auto found = entries.find(file);
    if (found == entries.end()) return rule_violation(options.file + ": " + file + " is missing");
    if (audit::sha256_hex(found->second) != item["sha256"].get<std::string>()) {
      return rule_violation(options.file + ": " + file + " does not match its SHA-256 in the " +
                            "manifest: it was changed after the export");
    }
    CP_ASSIGN_OR_RETURN(const investors::ArchiveRecord record, record_from(file, found->second));
    verifier.feed(record);
    ++listed;
  }
  // Every file but the manifest is listed: a record added to the zip is found out too.
  if (listed + 1 != entries.size()) {
    return rule_violation(options.file + ": it holds files the manifest does not list");
  }
  if (verifier.first_break()) {
    return rule_violation(options.file + ": chain broken: " + verifier.first_break()->message);
  }
  if (verifier.head_hash() != manifest["head_hash"].get<std::string>()) {
    return rule_violation(options.file + ": the last record is not the manifest's head");
  }
  std::cout << options.file << ": " << listed << " records of "
            << manifest.value("account", std::string("?"))
            << ", every file matches the manifest, chain intact, head " << verifier.head_hash()
            << "\n";
  return Ok{};
}

Result<void> purge(const AppContext& context, const ArchiveOptions& options) {
  CP_ASSIGN_OR_RETURN(const Date today, Date::parse(options.date));
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_RETURN_IF_ERROR(store::investor_type(*db, options.account));
  int64_t purged = 0;
  CP_RETURN_IF_ERROR(audited(context, *db, "archive.purge", "archive:" + options.account,
                             {{"date", today.to_string()}}, [&]() -> Result<void> {
                               CP_ASSIGN_OR_RETURN(
                                   purged, store::purge_archive(*db, options.account, today));
                               return Ok{};
                             }));
  std::cout << "purged " << purged << " records of " << options.account
            << " past their retention date\n";
  return Ok{};
}

}  // namespace

void register_archive_commands(CLI::App& app, AppContext& context) {
  auto* archive = app.add_subcommand("archive", "Investors' archives (SUIT-7)");
  archive->require_subcommand(1);
  auto options = std::make_shared<ArchiveOptions>();
  auto* show_command = archive->add_subcommand("show", "Every record of an account's archive");
  show_command->add_option("--account", options->account, "The investor's account")->required();
  show_command->add_flag("--json", options->json, "Print JSON");
  show_command->callback(
      [&context, options] { run_action(context, [&] { return show(context, *options); }); });
  auto* verify_command = archive->add_subcommand("verify", "Check an account's archive chain");
  verify_command->add_option("--account", options->account, "The investor's account")->required();
  verify_command->callback(
      [&context, options] { run_action(context, [&] { return verify(context, *options); }); });
  auto* export_command =
      archive->add_subcommand("export", "A zip of the archive with a manifest of hashes");
  export_command->add_option("--account", options->account, "The investor's account")->required();
  export_command->add_option("--out", options->out, "The zip file to write")->required();
  export_command->callback([&context, options] {
    run_action(context, [&] { return export_archive(context, *options); });
  });
  auto* check_export = archive->add_subcommand(
      "verify-export", "Check an export alone: each file against the manifest, the chain");
  check_export->add_option("file", options->file, "The export's zip file")->required();
  check_export->callback(
      [&context, options] { run_action(context, [&] { return verify_export(*options); }); });
  auto* purge_command = archive->add_subcommand(
      "purge", "Delete the leading records past their retention date (refused before it)");
  purge_command->add_option("--account", options->account, "The investor's account")->required();
  purge_command->add_option("--date", options->date, "Today, YYYY-MM-DD")->required();
  purge_command->callback(
      [&context, options] { run_action(context, [&] { return purge(context, *options); }); });
}

}  // namespace cp::cli
