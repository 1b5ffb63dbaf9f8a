#include "store/event_store.h"

#include <algorithm>

#include "core/utf8.h"
#include "portal/event_rules.h"

namespace cp::store {
namespace {

std::string join_kinds(const std::vector<std::string>& kinds) {
  std::string out;
  for (const std::string& k : kinds) out += (out.empty() ? "" : "|") + k;
  return out;
}

std::vector<std::string> split_kinds(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const size_t bar = text.find('|', start);
    out.push_back(text.substr(start, bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

constexpr const char* kEventColumns =
    "event_id, code, title_en, title_zh_hant, title_zh_hans, description, deadline, "
    "seats_per_firm, firm_kinds, status, created_by, created_at";
constexpr const char* kRegistrationColumns =
    "registration_id, session_id, event_id, firm_id, registered_by, attendee_name, "
    "attendee_email, status, created_at, changed_at";

PortalEvent read_event(const Row& row) {
  PortalEvent e;
  e.event_id = row.integer(0);
  e.code = row.text(1);
  e.title_en = row.text(2);
  e.title_zh_hant = row.text(3);
  e.title_zh_hans = row.text(4);
  e.description = row.text(5);
  e.deadline = row.text(6);
  e.seats_per_firm = row.integer(7);
  e.firm_kinds = split_kinds(row.text(8));
  e.status = row.text(9);
  e.created_by = row.text(10);
  e.created_at = row.text(11);
  return e;
}

Registration read_registration(const Row& row) {
  return Registration{row.integer(0), row.integer(1), row.integer(2), row.text(3), row.text(4),
                      row.text(5),    row.text(6),    row.text(7),    row.text(8), row.text(9)};
}

Result<void> load_sessions(Database& db, PortalEvent& event) {
  CP_ASSIGN_OR_RETURN(
      auto rows,
      db.query("SELECT s.session_id, s.starts_at, s.ends_at, s.mode, s.venue, s.language, "
               "s.capacity, s.seats_per_firm, s.status, "
               "(SELECT COUNT(*) FROM event_registration r WHERE r.session_id = s.session_id "
               "AND r.status = 'confirmed'), "
               "(SELECT COUNT(*) FROM event_registration r WHERE r.session_id = s.session_id "
               "AND r.status = 'waitlisted') "
               "FROM event_session s WHERE s.event_id = ? ORDER BY s.starts_at, s.session_id",
               {event.event_id}));
  for (const Row& row : rows.rows) {
    event.sessions.push_back({row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4),
                              row.text(5), row.integer(6), row.integer(7), row.text(8),
                              std::stoll(row.text(9)), std::stoll(row.text(10))});
  }
  return {};
}

Result<int64_t> count(Database& db, const std::string& sql, const std::vector<Value>& params) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query(sql, params));
  return std::stoll(rows.rows.at(0).text(0));
}

// Takes the session row's lock for the rest of the transaction (PostgreSQL row lock; SQLite's
// write lock), so seats are counted and taken as one step.
Result<void> lock_session(Database& db, int64_t session_id) {
  CP_RETURN_IF_ERROR(db.execute(
      "UPDATE event_session SET version = version + 1 WHERE session_id = ?", {session_id}));
  return {};
}

}  // namespace

Result<PortalEvent> add_event(Database& db, PortalEvent e) {
  if (e.code.empty() || e.title_en.empty())
    return invalid_input("an event needs a code and a title", "code");
  if (e.sessions.empty()) return invalid_input("an event needs at least one session", "sessions");
  for (const std::string& kind : e.firm_kinds) CP_RETURN_IF_ERROR(identity::parse_firm_kind(kind));
  if (e.seats_per_firm < 0)
    return invalid_input("seats_per_firm is 0 (none) or more", "seats_per_firm");
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(auto taken, db.query("SELECT 1 FROM portal_event WHERE code = ?", {e.code}));
  if (!taken.rows.empty()) return make_error(ErrorCode::kConflict, "event " + e.code + " exists");
  CP_ASSIGN_OR_RETURN(
      auto inserted,
      db.query("INSERT INTO portal_event (code, title_en, title_zh_hant, title_zh_hans, "
               "description, deadline, seats_per_firm, firm_kinds, status, created_by, "
               "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) RETURNING event_id",
               {e.code, e.title_en, e.title_zh_hant, e.title_zh_hans, e.description, e.deadline,
                e.seats_per_firm, join_kinds(e.firm_kinds), e.created_by, e.created_at}));
  e.event_id = inserted.rows.at(0).integer(0);
  for (EventSession& s : e.sessions) {
    if (s.capacity <= 0) return invalid_input("a session's capacity is at least 1", "capacity");
    if (s.mode != "venue" && s.mode != "online")
      return invalid_input("mode is venue or online", "mode");
    if (s.language != "en" && s.language != "yue" && s.language != "cmn") {
      return invalid_input("language is en, yue or cmn", "language");
    }
    if (s.ends_at <= s.starts_at) return invalid_input("a session ends after it starts", "ends_at");
    CP_ASSIGN_OR_RETURN(
        auto row,
        db.query("INSERT INTO event_session (event_id, starts_at, ends_at, mode, venue, language, "
                 "capacity, seats_per_firm, status, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                 "'open', 1) RETURNING session_id",
                 {e.event_id, s.starts_at, s.ends_at, s.mode, s.venue, s.language, s.capacity,
                  s.seats_per_firm}));
    s.session_id = row.rows.at(0).integer(0);
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return e;
}

Result<std::vector<PortalEvent>> list_events(Database& db, std::optional<identity::FirmKind> kind) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query(std::string("SELECT ") + kEventColumns +
                                          " FROM portal_event ORDER BY deadline DESC, event_id"));
  std::vector<PortalEvent> out;
  for (const Row& row : rows.rows) {
    PortalEvent e = read_event(row);
    if (kind) {
      const std::string code = identity::firm_kind_code(*kind);
      if (std::find(e.firm_kinds.begin(), e.firm_kinds.end(), code) == e.firm_kinds.end()) continue;
    }
    CP_RETURN_IF_ERROR(load_sessions(db, e));
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::optional<PortalEvent>> find_event(Database& db, const std::string& code) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query(std::string("SELECT ") + kEventColumns +
                                              " FROM portal_event WHERE code = ?",
                                          {code}));
  if (rows.rows.empty()) return std::optional<PortalEvent>();
  PortalEvent e = read_event(rows.rows[0]);
  CP_RETURN_IF_ERROR(load_sessions(db, e));
  return std::optional<PortalEvent>(std::move(e));
}

Result<Registration> register_attendee(Database& db, const std::string& event_code,
                                       int64_t session_id, const std::string& firm_id,
                                       identity::FirmKind kind, const std::string& user,
                                       const std::string& name, const std::string& email,
                                       UtcTime now) {
  // The name goes into mail bodies and badges: one line of text (issue 14 finding 8).
  if (name.empty() || name.size() > 120 || is_blank(name) || has_control_characters(name, false))
    return invalid_input("the attendee's name, 1-120 characters on one line", "attendee_name");
  if (email.find('@') == std::string::npos || email.size() > 254 ||
      email.find(' ') != std::string::npos || has_control_characters(email, false)) {
    return invalid_input("the attendee's email address", "attendee_email");
  }
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_RETURN_IF_ERROR(lock_session(db, session_id));
  CP_ASSIGN_OR_RETURN(auto event, find_event(db, event_code));
  const std::string kind_code = identity::firm_kind_code(kind);
  if (!event || std::find(event->firm_kinds.begin(), event->firm_kinds.end(), kind_code) ==
                    event->firm_kinds.end()) {
    return make_error(ErrorCode::kNotFound, "no such event");
  }
  const EventSession* session = nullptr;
  for (const EventSession& s : event->sessions) {
    if (s.session_id == session_id) session = &s;
  }
  if (session == nullptr) return make_error(ErrorCode::kNotFound, "no such session");
  const std::string at = format_utc(now);
  CP_ASSIGN_OR_RETURN(int64_t firm_in_event,
                      count(db,
                            "SELECT COUNT(*) FROM event_registration WHERE event_id = ? AND "
                            "firm_id = ? AND status <> 'cancelled'",
                            {event->event_id, firm_id}));
  CP_ASSIGN_OR_RETURN(int64_t firm_in_session,
                      count(db,
                            "SELECT COUNT(*) FROM event_registration WHERE session_id = ? AND "
                            "firm_id = ? AND status <> 'cancelled'",
                            {session_id, firm_id}));
  CP_ASSIGN_OR_RETURN(
      portal::RegistrationOutcome outcome,
      portal::register_outcome({event->status == "cancelled", at >= event->deadline,
                                event->seats_per_firm, firm_in_event},
                               {session->status == "cancelled", session->capacity,
                                session->confirmed, session->seats_per_firm, firm_in_session}));
  Registration r{0,    session_id, event->event_id, firm_id,
                 user, name,       email,           portal::outcome_code(outcome),
                 at,   at};
  CP_ASSIGN_OR_RETURN(
      auto inserted,
      db.query("INSERT INTO event_registration (session_id, event_id, firm_id, registered_by, "
               "attendee_name, attendee_email, status, created_at, changed_at) VALUES (?, ?, ?, "
               "?, ?, ?, ?, ?, ?) RETURNING registration_id",
               {r.session_id, r.event_id, r.firm_id, r.registered_by, r.attendee_name,
                r.attendee_email, r.status, r.created_at, r.changed_at}));
  r.registration_id = inserted.rows.at(0).integer(0);
  CP_RETURN_IF_ERROR(tx.commit());
  return r;
}

Result<Cancellation> cancel_registration(Database& db, int64_t registration_id,
                                         const std::string& firm_id, UtcTime now) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(auto rows, db.query(std::string("SELECT ") + kRegistrationColumns +
                                              " FROM event_registration WHERE registration_id = ?",
                                          {registration_id}));
  if (rows.rows.empty()) return make_error(ErrorCode::kNotFound, "no such registration");
  Cancellation out{read_registration(rows.rows[0]), std::nullopt};
  if (!firm_id.empty() && out.cancelled.firm_id != firm_id) {
    return make_error(ErrorCode::kNotFound, "no such registration");
  }
  if (out.cancelled.status == "cancelled") {
    return make_error(ErrorCode::kConflict, "the registration is already cancelled");
  }
  CP_RETURN_IF_ERROR(lock_session(db, out.cancelled.session_id));
  const std::string at = format_utc(now);
  const bool held_seat = out.cancelled.status == "confirmed";
  CP_RETURN_IF_ERROR(
      db.execute("UPDATE event_registration SET status = 'cancelled', changed_at = ? WHERE "
                 "registration_id = ?",
                 {at, registration_id}));
  out.cancelled.status = "cancelled";
  out.cancelled.changed_at = at;
  if (held_seat) {
    CP_ASSIGN_OR_RETURN(auto session,
                        db.query("SELECT capacity, status FROM event_session WHERE session_id = ?",
                                 {out.cancelled.session_id}));
    CP_ASSIGN_OR_RETURN(int64_t confirmed,
                        count(db,
                              "SELECT COUNT(*) FROM event_registration WHERE session_id = ? "
                              "AND status = 'confirmed'",
                              {out.cancelled.session_id}));
    CP_ASSIGN_OR_RETURN(
        auto waiting,
        db.query(std::string("SELECT ") + kRegistrationColumns +
                     " FROM event_registration WHERE session_id = ? AND status = 'waitlisted' "
                     "ORDER BY registration_id LIMIT 1",
                 {out.cancelled.session_id}));
    const portal::SessionFacts after{session.rows.at(0).text(1) == "cancelled",
                                     session.rows.at(0).integer(0), confirmed, 0, 0};
    if (portal::promote_after_cancel(after, static_cast<int64_t>(waiting.rows.size()))) {
      Registration next = read_registration(waiting.rows[0]);
      CP_RETURN_IF_ERROR(
          db.execute("UPDATE event_registration SET status = 'confirmed', changed_at = ? WHERE "
                     "registration_id = ?",
                     {at, next.registration_id}));
      next.status = "confirmed";
      next.changed_at = at;
      out.promoted = next;
    }
  }
  CP_RETURN_IF_ERROR(tx.commit());
  return out;
}

Result<std::vector<Registration>> registrations_of(Database& db, int64_t event_id,
                                                   const std::string& firm_id) {
  std::string sql =
      std::string("SELECT ") + kRegistrationColumns + " FROM event_registration WHERE event_id = ?";
  std::vector<Value> params = {event_id};
  if (!firm_id.empty()) {
    sql += " AND firm_id = ?";
    params.push_back(firm_id);
  }
  CP_ASSIGN_OR_RETURN(auto rows, db.query(sql + " ORDER BY registration_id", params));
  std::vector<Registration> out;
  for (const Row& row : rows.rows) out.push_back(read_registration(row));
  return out;
}

Result<std::vector<Registration>> cancel_event(Database& db, const std::string& code, UtcTime now) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(auto event, find_event(db, code));
  if (!event) return make_error(ErrorCode::kNotFound, "no such event");
  if (event->status == "cancelled") {
    return make_error(ErrorCode::kConflict, "event " + code + " is already cancelled");
  }
  CP_ASSIGN_OR_RETURN(auto all, registrations_of(db, event->event_id, ""));
  std::vector<Registration> live;
  const std::string at = format_utc(now);
  for (Registration& r : all) {
    if (r.status == "cancelled") continue;
    r.status = "cancelled";
    r.changed_at = at;
    live.push_back(r);
  }
  CP_RETURN_IF_ERROR(
      db.execute("UPDATE event_registration SET status = 'cancelled', "
                 "changed_at = ? WHERE event_id = ? AND status <> 'cancelled'",
                 {at, event->event_id}));
  CP_RETURN_IF_ERROR(db.execute("UPDATE event_session SET status = 'cancelled' WHERE event_id = ?",
                                {event->event_id}));
  CP_RETURN_IF_ERROR(db.execute("UPDATE portal_event SET status = 'cancelled' WHERE event_id = ?",
                                {event->event_id}));
  CP_RETURN_IF_ERROR(tx.commit());
  return live;
}

}  // namespace cp::store
