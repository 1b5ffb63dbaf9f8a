#include "store/request_store.h"

#include <sodium.h>

#include <cstdio>

#include "audit/audit_chain.h"
#include "store/hex.h"

namespace cp::store {
namespace {

constexpr const char* kColumns =
    "request_id, reference, firm_id, service_id, operator_team, status, open_key, data, "
    "search_text, created_by, created_at, updated_at, submitted_by, submitted_at, checked_by, "
    "checked_at, assignee, reason, version";
// The same for lists: data and search text left empty (a list shows neither; the data is the
// largest column).
constexpr const char* kListColumns =
    "request_id, reference, firm_id, service_id, operator_team, status, open_key, '', '', "
    "created_by, created_at, updated_at, submitted_by, submitted_at, checked_by, checked_at, "
    "assignee, reason, version";

StoredRequest read_request(const Row& row) {
  StoredRequest r;
  r.request_id = row.integer(0);
  r.reference = row.text(1);
  r.firm_id = row.text(2);
  r.service_id = row.text(3);
  r.operator_team = row.text(4);
  r.status = *workflow::parse_status(row.text(5));
  if (!row.is_null(6)) r.open_key = row.text(6);
  r.data = row.text(7);
  r.search_text = row.text(8);
  r.created_by = row.text(9);
  r.created_at = row.text(10);
  r.updated_at = row.text(11);
  r.submitted_by = row.text(12);
  r.submitted_at = row.text(13);
  r.checked_by = row.text(14);
  r.checked_at = row.text(15);
  r.assignee = row.text(16);
  r.reason = row.text(17);
  r.version = row.integer(18);
  return r;
}

Value optional_text(const std::optional<std::string>& text) {
  return text ? Value(*text) : null_value();
}

std::string reference_for(int64_t id) {
  char out[32];
  std::snprintf(out, sizeof out, "SR-%08lld", static_cast<long long>(id));
  return out;
}

std::string to_base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

Result<std::string> from_base64(const std::string& text) {
  std::string out(text.size(), '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return make_error(ErrorCode::kInternal, "a stored attachment is not base64");
  }
  out.resize(length);
  return out;
}

Attachment read_attachment(const Row& row) {
  return Attachment{row.integer(0), row.text(1), row.text(2), row.text(3),
                    row.integer(4), row.text(5), row.text(6), row.text(7)};
}

constexpr const char* kAttachmentColumns =
    "attachment_id, slot, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

// The open request holding `open_key`, for the message that names it.
Result<std::string> holder_of(Database& db, const std::string& open_key) {
  CP_ASSIGN_OR_RETURN(
      auto rows, db.query("SELECT reference FROM service_request WHERE open_key = ?", {open_key}));
  return rows.rows.empty() ? std::string() : rows.rows[0].text(0);
}

}  // namespace

Result<void> save_firm_profile(Database& db, const portal::FirmProfile& p, UtcTime now) {
  CP_ASSIGN_OR_RETURN(auto exists, db.query("SELECT 1 FROM firm WHERE firm_id = ?", {p.firm_id}));
  if (exists.rows.empty()) {
    return make_error(ErrorCode::kNotFound, "no firm '" + p.firm_id + "'");
  }
  CP_RETURN_IF_ERROR(db.execute("DELETE FROM firm_profile WHERE firm_id = ?", {p.firm_id}));
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO firm_profile (firm_id, name_zh, address, contact_name, contact_phone, "
      "contact_email, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {p.firm_id, p.name_zh, p.address, p.contact_name, p.contact_phone, p.contact_email,
       format_utc(now)}));
  CP_RETURN_IF_ERROR(db.execute("DELETE FROM firm_participant_id WHERE firm_id = ?", {p.firm_id}));
  for (const auto& [house, id] : p.participant_ids) {
    CP_RETURN_IF_ERROR(
        db.execute("INSERT INTO firm_participant_id (firm_id, clearing_house, participant_id) "
                   "VALUES (?, ?, ?)",
                   {p.firm_id, house, id}));
  }
  return {};
}

Result<std::optional<portal::FirmProfile>> find_firm_profile(Database& db,
                                                             const std::string& firm_id) {
  CP_ASSIGN_OR_RETURN(
      auto rows,
      db.query("SELECT f.name, p.name_zh, p.address, p.contact_name, p.contact_phone, "
               "p.contact_email FROM firm f LEFT JOIN firm_profile p ON p.firm_id = f.firm_id "
               "WHERE f.firm_id = ?",
               {firm_id}));
  if (rows.rows.empty()) return std::optional<portal::FirmProfile>();
  const Row& row = rows.rows[0];
  portal::FirmProfile profile{firm_id,     row.text(0), row.text(1), row.text(2),
                              row.text(3), row.text(4), row.text(5), {}};
  CP_ASSIGN_OR_RETURN(auto ids, db.query("SELECT clearing_house, participant_id FROM "
                                         "firm_participant_id WHERE firm_id = ?",
                                         {firm_id}));
  for (const Row& id : ids.rows) profile.participant_ids[id.text(0)] = id.text(1);
  return std::optional<portal::FirmProfile>(std::move(profile));
}

Result<StoredRequest> insert_request(Database& db, StoredRequest r) {
  // The reference needs the id: a placeholder unique to this insert, then the real one.
  const std::string placeholder = "new:" + r.created_by + ":" + r.created_at;
  CP_ASSIGN_OR_RETURN(
      auto inserted,
      db.query("INSERT INTO service_request (reference, firm_id, service_id, operator_team, "
               "status, open_key, data, search_text, created_by, created_at, updated_at, "
               "submitted_by, submitted_at, checked_by, checked_at, assignee, reason, version) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "RETURNING request_id",
               {placeholder, r.firm_id, r.service_id, r.operator_team,
                std::string(workflow::status_code(r.status)), optional_text(r.open_key), r.data,
                r.search_text, r.created_by, r.created_at, r.updated_at, r.submitted_by,
                r.submitted_at, r.checked_by, r.checked_at, r.assignee, r.reason, r.version}));
  r.request_id = inserted.rows.at(0).integer(0);
  r.reference = reference_for(r.request_id);
  // The search text starts with the reference, which only now is known.
  r.search_text = portal::search_case(r.reference) + r.search_text;
  CP_RETURN_IF_ERROR(
      db.execute("UPDATE service_request SET reference = ?, search_text = ? WHERE request_id = ?",
                 {r.reference, r.search_text, r.request_id}));
  CP_RETURN_IF_ERROR(add_maker(db, r.request_id, r.created_by));
  r.makers.insert(r.created_by);
  return r;
}

Result<std::optional<StoredRequest>> find_request(Database& db, const std::string& reference) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query(std::string("SELECT ") + kColumns +
                                              " FROM service_request WHERE reference = ?",
                                          {reference}));
  if (rows.rows.empty()) return std::optional<StoredRequest>();
  StoredRequest r = read_request(rows.rows[0]);
  CP_ASSIGN_OR_RETURN(auto makers, db.query("SELECT user_id FROM service_request_maker WHERE "
                                            "request_id = ? ORDER BY user_id",
                                            {r.request_id}));
  for (const Row& row : makers.rows) r.makers.insert(row.text(0));
  return std::optional<StoredRequest>(std::move(r));
}

Result<void> update_request(Database& db, const StoredRequest& r) {
  if (r.open_key) {
    CP_ASSIGN_OR_RETURN(std::string holder, holder_of(db, *r.open_key));
    if (!holder.empty() && holder != r.reference) {
      return make_error(ErrorCode::kConflict,
                        "request " + holder +
                            " for the same subject is still open: this service takes one at a "
                            "time");
    }
  }
  auto changed = db.execute(
      "UPDATE service_request SET status = ?, open_key = ?, data = ?, search_text = ?, "
      "updated_at = ?, submitted_by = ?, submitted_at = ?, checked_by = ?, checked_at = ?, "
      "assignee = ?, reason = ?, version = ? WHERE request_id = ? AND version = ?",
      {std::string(workflow::status_code(r.status)), optional_text(r.open_key), r.data,
       r.search_text, r.updated_at, r.submitted_by, r.submitted_at, r.checked_by, r.checked_at,
       r.assignee, r.reason, r.version, r.request_id, r.version - 1});
  if (!changed.ok()) {
    // Two submissions raced past the check above: the unique index had the last word.
    if (r.open_key) {
      return make_error(ErrorCode::kConflict,
                        "another request for the same subject is open: this service takes one "
                        "at a time");
    }
    return std::move(changed).error();
  }
  if (*changed != 1) {
    return make_error(ErrorCode::kConflict, "request " + r.reference +
                                                " changed since it was read; reload it and try "
                                                "again");
  }
  return {};
}

Result<void> add_maker(Database& db, int64_t request_id, const std::string& user_id) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT 1 FROM service_request_maker WHERE "
                                          "request_id = ? AND user_id = ?",
                                          {request_id, user_id}));
  if (!rows.rows.empty()) return {};
  CP_RETURN_IF_ERROR(
      db.execute("INSERT INTO service_request_maker (request_id, user_id) VALUES (?, ?)",
                 {request_id, user_id}));
  return {};
}

Result<void> add_makers(Database& db, const StoredRequest& request) {
  for (const std::string& user : request.makers) {
    CP_RETURN_IF_ERROR(add_maker(db, request.request_id, user));
  }
  return {};
}

Result<void> add_request_event(Database& db, int64_t request_id, RequestEvent e) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query("SELECT COALESCE(MAX(seq), 0) FROM "
                                          "service_request_event WHERE request_id = ?",
                                          {request_id}));
  e.seq = std::stoll(rows.rows.at(0).text(0)) + 1;
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO service_request_event (request_id, seq, at, actor, action, from_status, "
      "to_status, reason, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {request_id, e.seq, e.at, e.actor, e.action, e.from_status, e.to_status, e.reason,
       e.changes}));
  return {};
}

Result<std::vector<RequestEvent>> request_events(Database& db, int64_t request_id) {
  CP_ASSIGN_OR_RETURN(
      auto rows, db.query("SELECT seq, at, actor, action, from_status, to_status, reason, changes "
                          "FROM service_request_event WHERE request_id = ? ORDER BY seq",
                          {request_id}));
  std::vector<RequestEvent> out;
  for (const Row& row : rows.rows) {
    out.push_back({row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5),
                   row.text(6), row.text(7)});
  }
  return out;
}

Result<std::vector<StoredRequest>> search_requests(Database& db, const RequestQuery& q) {
  if (q.firm_ids.empty() && q.teams.empty()) return std::vector<StoredRequest>();
  std::string where = "(";
  std::vector<Value> params;
  auto in_list = [&](const char* column, const std::vector<std::string>& values) {
    // One value as "=": SQLite then reads the page in index order instead of sorting every row
    // of the firm (an IN list, even of one, makes it sort).
    if (values.size() == 1) {
      params.push_back(values[0]);
      return std::string(column) + " = ?";
    }
    std::string out = std::string(column) + " IN (";
    for (size_t i = 0; i < values.size(); ++i) {
      out += i == 0 ? "?" : ", ?";
      params.push_back(values[i]);
    }
    return out + ")";
  };
  if (!q.firm_ids.empty()) where += in_list("firm_id", q.firm_ids);
  if (!q.firm_ids.empty() && !q.teams.empty()) where += " OR ";
  if (!q.teams.empty()) where += in_list("operator_team", q.teams);
  where += ")";
  if (!q.statuses.empty()) where += " AND " + in_list("status", q.statuses);
  auto equals = [&](const char* column, const std::string& value) {
    if (value.empty()) return;
    where += std::string(" AND ") + column + " = ?";
    params.push_back(value);
  };
  equals("service_id", q.service_id);
  equals("reference", q.reference);
  equals("assignee", q.assignee);
  if (!q.from_utc.empty()) {
    where += " AND created_at >= ?";
    params.push_back(q.from_utc);
  }
  if (!q.before_utc.empty()) {
    where += " AND created_at < ?";
    params.push_back(q.before_utc);
  }
  if (!q.text.empty()) {
    // The term in the search text's case (portal::search_case), found as it is.
    // SQLite: instr, a plain substring test (+35% searches a second against LIKE, whose pattern
    // matcher folds case at every character). PostgreSQL: LIKE with % and _ escaped (its strpos
    // is slower: it counts the characters before a match to return its position).
    const std::string needle = portal::search_case(q.text);
    if (db.backend() == Backend::kSqlite) {
      where += " AND instr(search_text, ?) > 0";
      params.push_back(needle);
    } else {
      std::string pattern = "%";
      for (char c : needle) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
      }
      where += " AND search_text LIKE ? ESCAPE '\\'";
      params.push_back(pattern + "%");
    }
  }
  if (!q.maker.empty()) {
    where += " AND request_id IN (SELECT request_id FROM service_request_maker WHERE user_id = ?)";
    params.push_back(q.maker);
  }
  if (!q.not_maker.empty()) {
    where +=
        " AND request_id NOT IN (SELECT request_id FROM service_request_maker WHERE user_id = ?)";
    params.push_back(q.not_maker);
  }
  constexpr const char* kNewestFirst = " ORDER BY updated_at DESC, request_id DESC";
  const bool filtered = !q.statuses.empty() || !q.service_id.empty() || !q.reference.empty() ||
                        !q.assignee.empty() || !q.from_utc.empty() || !q.before_utc.empty() ||
                        !q.text.empty() || !q.maker.empty() || !q.not_maker.empty();
  std::string sql = std::string("SELECT ") + kListColumns + " FROM service_request WHERE ";
  if (filtered) {
    // The page's ids first, from the index alone where the filters allow (the search text is in
    // it, migration 0025), then their rows: PostgreSQL fetches a table row for every index entry
    // a plain index scan visits, even the ones the filter then drops (3.9 ms instead of 0.4 ms
    // for a search that passes over 500 to find 50).
    sql += "request_id IN (SELECT request_id FROM service_request WHERE " + where + kNewestFirst +
           " LIMIT ? OFFSET ?)" + kNewestFirst;
  } else {
    // Nothing for the index to pass over: the page's rows straight in index order (on PostgreSQL
    // 0.08 ms instead of 0.39 ms for the ids first, their rows, then a sort of the 50).
    sql += where + kNewestFirst + " LIMIT ? OFFSET ?";
  }
  params.push_back(q.limit);
  params.push_back(q.offset);
  // The whole page at once (at most 200 rows), not streamed: libpq's single-row mode would
  // allocate a result for each row.
  CP_ASSIGN_OR_RETURN(auto rows, db.query(sql, params));
  std::vector<StoredRequest> out;
  out.reserve(rows.rows.size());
  for (const Row& row : rows.rows) out.push_back(read_request(row));
  return out;
}

Result<std::string> store_content(Database& db, const std::string& bytes) {
  const std::string hash = audit::sha256_hex(bytes);
  CP_ASSIGN_OR_RETURN(auto stored,
                      db.query("SELECT 1 FROM attachment_content WHERE sha256 = ?", {hash}));
  if (stored.rows.empty()) {
    CP_RETURN_IF_ERROR(
        db.execute("INSERT INTO attachment_content (sha256, content_base64) VALUES (?, ?)",
                   {hash, to_base64(bytes)}));
  }
  return hash;
}

Result<std::string> content_bytes(Database& db, const std::string& hash) {
  CP_ASSIGN_OR_RETURN(
      auto rows,
      db.query("SELECT content_base64 FROM attachment_content WHERE sha256 = ?", {hash}));
  if (rows.rows.empty()) return make_error(ErrorCode::kNotFound, "no such content");
  return from_base64(rows.rows[0].text(0));
}

Result<Attachment> add_attachment(Database& db, int64_t request_id, Attachment a,
                                  const std::string& bytes) {
  CP_ASSIGN_OR_RETURN(a.sha256_hex, store_content(db, bytes));
  a.size_bytes = static_cast<int64_t>(bytes.size());
  CP_ASSIGN_OR_RETURN(
      auto inserted,
      db.query("INSERT INTO attachment (request_id, slot, file_name, content_type, size_bytes, "
               "sha256, uploaded_by, uploaded_at, removed_by, removed_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '') RETURNING attachment_id",
               {request_id, a.slot, a.file_name, a.content_type, a.size_bytes, a.sha256_hex,
                a.uploaded_by, a.uploaded_at}));
  a.attachment_id = inserted.rows.at(0).integer(0);
  return a;
}

Result<std::vector<Attachment>> list_attachments(Database& db, int64_t request_id) {
  CP_ASSIGN_OR_RETURN(auto rows,
                      db.query(std::string("SELECT ") + kAttachmentColumns +
                                   " FROM attachment WHERE request_id = ? AND removed_at = '' "
                                   "ORDER BY attachment_id",
                               {request_id}));
  std::vector<Attachment> out;
  for (const Row& row : rows.rows) out.push_back(read_attachment(row));
  return out;
}

Result<std::string> attachment_bytes(Database& db, int64_t request_id, int64_t attachment_id) {
  CP_ASSIGN_OR_RETURN(
      auto rows, db.query("SELECT c.content_base64 FROM attachment a JOIN attachment_content c ON "
                          "c.sha256 = a.sha256 WHERE a.request_id = ? AND a.attachment_id = ?",
                          {request_id, attachment_id}));
  if (rows.rows.empty()) return make_error(ErrorCode::kNotFound, "no such attachment");
  return from_base64(rows.rows[0].text(0));
}

Result<Attachment> remove_attachment(Database& db, int64_t request_id, int64_t attachment_id,
                                     const std::string& by, UtcTime now) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query(std::string("SELECT ") + kAttachmentColumns +
                                              " FROM attachment WHERE request_id = ? AND "
                                              "attachment_id = ? AND removed_at = ''",
                                          {request_id, attachment_id}));
  if (rows.rows.empty()) return make_error(ErrorCode::kNotFound, "no such attachment");
  CP_RETURN_IF_ERROR(
      db.execute("UPDATE attachment SET removed_by = ?, removed_at = ? WHERE attachment_id = ?",
                 {by, format_utc(now), attachment_id}));
  return read_attachment(rows.rows[0]);
}

}  // namespace cp::store
