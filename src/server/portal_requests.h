// The steps of an e-service request as the portal takes them (issue 6; SPEC PORTAL-5..9,
// PORTAL-12): each reads the request, asks the rules (workflow/, portal/) whether this user may
// take the step, writes the new state, its makers, its timeline entry and its audit entry in one
// transaction, then tells whom it concerns (portal_notifications.h). The API routes and the demo
// both go through here.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/market.h"
#include "identity/roles.h"
#include "investors/opening_kit.h"
#include "mail/sms.h"
#include "portal/service_catalogue.h"
#include "server/auth_routes.h"
#include "store/request_store.h"
#include "workflow/request_workflow.h"

namespace cp::server {

class Notifier;

struct PortalContext {
  AuthContext& auth;
  const identity::RoleCatalogue& roles;
  const portal::ServiceCatalogue& services;
  int64_t max_attachment_bytes = 4 << 20;  // 4 MiB: scanned letters and forms [D]
  Notifier* notifier = nullptr;            // nullptr: nobody is told
  mail::SmsGateway* sms = nullptr;         // nullptr: no SMS (config sms_sink_file)
  // The shipped reference data (data/), which the operator's reference-data changes are
  // checked against (server/refdata_changes.h).
  std::string data_dir = "data";
  // The firm whose Southbound book the EOD runs (config book_firm); empty: none.
  std::string book_firm = {};
  // The online opening's documents and question banks per channel (catalog/opening/, read at
  // start by load_opening_kits); nullptr: the online opening is not offered.
  const std::map<Channel, investors::OpeningKit>* opening_kits = nullptr;
};

// Whether the path's {firm} is the book firm (config book_firm): the investors' own pages, the
// counter and the order checks are the book firm's alone; any other firm reads "not found".
bool is_book_firm(const PortalContext& portal, const RequestContext& c);

// What a request's page or API answer needs about who looks at it.
workflow::Actor actor_in(const PortalContext& portal, const Principal& principal,
                         const std::string& firm_id, const portal::ServiceDefinition& service);

// Whether `firm_id` may file `service`: a firm of one of its kinds that is a participant of one
// of its clearing houses (a participant id there in the firm's profile). SPEC PORTAL-4.
Result<bool> firm_may_file(PortalContext& portal, const std::string& firm_id,
                           const portal::ServiceDefinition& service);

// A new draft in `firm_id`, its auto-filled fields set from the profile and the user. The data
// may be incomplete: a draft is saved as it is; submitting checks it.
Result<store::StoredRequest> create_request(PortalContext& portal, const Principal& principal,
                                            const std::string& firm_id,
                                            const std::string& service_id,
                                            const nlohmann::json& data);

// The request `reference` of `firm_id` (operators: of any firm, when `firm_id` is empty);
// kNotFound for another firm's, exactly as for one that does not exist.
Result<store::StoredRequest> load_request(PortalContext& portal, const std::string& firm_id,
                                          const std::string& reference);

struct StepInput {
  workflow::Action action = workflow::Action::kSave;
  int64_t version = 0;   // the version the user saw; 0 = do not check (CLI, demo)
  std::string reason;    // return, reject; optional note on others
  nlohmann::json data;   // save: the new data
  std::string assignee;  // assign: the operator ("" = the actor)
};

// Takes one step (save, submit, withdraw, approve, return; receive, assign, start, complete,
// reject) for `principal`, checking the rules; returns the request as it now is. Submitting
// validates the data against the service's schema and checks the required attachments: the
// error then lists every problem (kInvalidInput; problems_of() gives them as JSON).
Result<store::StoredRequest> take_step(PortalContext& portal, const Principal& principal,
                                       store::StoredRequest request, const StepInput& input);

// The validation problems of a request's current data, as [{pointer, message}], plus one per
// missing required attachment (pointer "#attachments/<slot>").
nlohmann::json problems_of(PortalContext& portal, const store::StoredRequest& request);

// The request as the API shows it to `principal`: its summary (request_summary_json.h) with
// data, makers, timeline, attachments, the actions this user may take and the problems left to
// fix. Lists show the summary alone.
Result<nlohmann::json> request_json(PortalContext& portal, const Principal& principal,
                                    const store::StoredRequest& request);

// Adds a file to a draft or returned request (a maker of the firm), or removes one; audited.
Result<store::Attachment> attach_file(PortalContext& portal, const Principal& principal,
                                      store::StoredRequest request, const std::string& slot,
                                      const std::string& file_name, const std::string& bytes);
Result<void> detach_file(PortalContext& portal, const Principal& principal,
                         store::StoredRequest request, int64_t attachment_id);

}  // namespace cp::server
