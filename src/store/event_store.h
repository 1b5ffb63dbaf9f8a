// Events, their sessions and registrations in the database (migration 0023; SPEC PORTAL-10).
// Registering and cancelling count seats under a lock on the session row, so two servers on one
// PostgreSQL cannot both take its last seat.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "identity/roles.h"
#include "store/database.h"

namespace cp::store {

struct EventSession {
  int64_t session_id = 0;
  std::string starts_at;  // UTC
  std::string ends_at;
  std::string mode;  // venue | online
  std::string venue;
  std::string language;  // en | yue | cmn
  int64_t capacity = 0;
  int64_t seats_per_firm = 0;
  std::string status = "open";
  int64_t confirmed = 0;  // read back
  int64_t waitlisted = 0;
};

struct PortalEvent {
  int64_t event_id = 0;
  std::string code;
  std::string title_en, title_zh_hant, title_zh_hans;
  std::string description;
  std::string deadline;  // UTC
  int64_t seats_per_firm = 0;
  std::vector<std::string> firm_kinds;
  std::string status = "open";
  std::string created_by;
  std::string created_at;
  std::vector<EventSession> sessions;
};

struct Registration {
  int64_t registration_id = 0;
  int64_t session_id = 0;
  int64_t event_id = 0;
  std::string firm_id;
  std::string registered_by;
  std::string attendee_name;
  std::string attendee_email;
  std::string status;  // confirmed | waitlisted | cancelled
  std::string created_at;
  std::string changed_at;
};

// Checks and inserts an event with its sessions (at least one, capacities > 0, kinds known).
Result<PortalEvent> add_event(Database& db, PortalEvent event);
// Events open to firms of `kind` (every event when nullopt), newest deadline first, with seats.
Result<std::vector<PortalEvent>> list_events(Database& db, std::optional<identity::FirmKind> kind);
Result<std::optional<PortalEvent>> find_event(Database& db, const std::string& code);

// Registers one attendee of `firm_id` in a session of the event (portal/event_rules.h decides);
// kNotFound for a session not of the event or an event the firm's kind is not invited to.
Result<Registration> register_attendee(Database& db, const std::string& event_code,
                                       int64_t session_id, const std::string& firm_id,
                                       identity::FirmKind kind, const std::string& user,
                                       const std::string& name, const std::string& email,
                                       UtcTime now);

struct Cancellation {
  Registration cancelled;
  std::optional<Registration> promoted;  // the waitlisted registration that got the seat
};
// Cancels a registration of `firm_id` ("" = any: the operator); kNotFound if not theirs.
Result<Cancellation> cancel_registration(Database& db, int64_t registration_id,
                                         const std::string& firm_id, UtcTime now);
// The event's registrations (of one firm, or all when `firm_id` is empty), oldest first.
Result<std::vector<Registration>> registrations_of(Database& db, int64_t event_id,
                                                   const std::string& firm_id);
// Cancels the event and every live registration; returns those registrations.
Result<std::vector<Registration>> cancel_event(Database& db, const std::string& code, UtcTime now);

}  // namespace cp::store
