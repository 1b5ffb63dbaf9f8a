// connectpost firm profile ID [--participant-id HOUSE=ID ...] [--address …] [--json]
// The firm's record with the clearing houses that fills the portal's forms in (SPEC PORTAL-6):
// its participant id at each clearing house, Chinese name, address and contact. With no change
// given it prints the profile; a change is audited.
#include <iostream>

#include "cli/audited.h"
#include "cli/commands.h"
#include "store/request_store.h"

namespace cp::cli {
namespace {

struct ProfileOptions {
  std::string firm;
  std::optional<std::string> name_zh, address, contact_name, contact_phone, contact_email;
  std::vector<std::string> participant_ids;  // HOUSE=ID
  bool json = false;
};

Json profile_json(const portal::FirmProfile& p) {
  return {{"firm", p.firm_id},
          {"name", p.name},
          {"name_zh", p.name_zh},
          {"address", p.address},
          {"contact_name", p.contact_name},
          {"contact_phone", p.contact_phone},
          {"contact_email", p.contact_email},
          {"participant_ids", p.participant_ids}};
}

Result<void> firm_profile(const AppContext& context, const ProfileOptions& o) {
  CP_ASSIGN_OR_RETURN(auto db, context.open_database());
  CP_ASSIGN_OR_RETURN(auto found, store::find_firm_profile(*db, o.firm));
  if (!found) return make_error(ErrorCode::kNotFound, "no firm '" + o.firm + "'");
  portal::FirmProfile profile = *found;
  bool changed = false;
  for (auto [value, target] :
       {std::pair{&o.name_zh, &profile.name_zh}, std::pair{&o.address, &profile.address},
        std::pair{&o.contact_name, &profile.contact_name},
        std::pair{&o.contact_phone, &profile.contact_phone},
        std::pair{&o.contact_email, &profile.contact_email}}) {
    if (*value) {
      *target = **value;
      changed = true;
    }
  }
  for (const std::string& pair : o.participant_ids) {
    const size_t equals = pair.find('=');
    const std::string house = pair.substr(0, equals);
    if (equals == std::string::npos || equals + 1 == pair.size() ||
        (house != "HKSCC" && house != "HKCC" && house != "SEOCH" && house != "SEHK")) {
      return invalid_input("'" + pair +
                               "' is not HOUSE=ID with HOUSE one of HKSCC, HKCC, SEOCH, "
                               "SEHK",
                           "participant-id");
    }
    profile.participant_ids[house] = pair.substr(equals + 1);
    changed = true;
  }
  if (changed) {
    CP_RETURN_IF_ERROR(
        audited(context, *db, "firm.profile_changed", "firm:" + o.firm, profile_json(profile),
                [&] { return store::save_firm_profile(*db, profile, context.clock.now()); }));
  }
  if (o.json) {
    print_json(std::cout, profile_json(profile));
  } else {
    std::cout << profile.firm_id << "  " << profile.name << "  " << profile.name_zh << "\n";
    for (const auto& [house, id] : profile.participant_ids) {
      std::cout << "  " << house << " participant " << id << "\n";
    }
    std::cout << "  address " << profile.address << "\n  contact " << profile.contact_name << ", "
              << profile.contact_phone << ", " << profile.contact_email << "\n";
  }
  return Ok{};
}

}  // namespace

void register_firm_profile_command(CLI::App& app, AppContext& context) {
  CLI::App* firm = app.get_subcommand("firm");
  auto o = std::make_shared<ProfileOptions>();
  auto* command = firm->add_subcommand(
      "profile", "Show or change a firm's profile: participant ids, address, contact");
  command->add_option("id", o->firm, "Firm id")->required();
  command->add_option("--participant-id", o->participant_ids,
                      "HOUSE=ID, e.g. HKSCC=B01234 (repeatable; HKSCC, HKCC, SEOCH, SEHK)");
  command->add_option("--name-zh", o->name_zh, "Chinese name");
  command->add_option("--address", o->address, "Registered address");
  command->add_option("--contact-name", o->contact_name, "Contact person");
  command->add_option("--contact-phone", o->contact_phone, "Contact phone");
  command->add_option("--contact-email", o->contact_email, "Contact email");
  command->add_flag("--json", o->json, "Print JSON");
  command->callback(
      [&context, o] { run_action(context, [&] { return firm_profile(context, *o); }); });
}

}  // namespace cp::cli
