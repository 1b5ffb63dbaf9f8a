#include "store/document_store.h"

#include <algorithm>

#include "store/request_store.h"

namespace cp::store {
namespace {

std::vector<std::string> split_bar(const std::string& text) {
  std::vector<std::string> out;
  for (size_t start = 0; !text.empty();) {
    const size_t bar = text.find('|', start);
    out.push_back(text.substr(start, bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

Result<void> load_versions(Database& db, Document& d) {
  CP_ASSIGN_OR_RETURN(
      auto rows,
      db.query("SELECT version, file_name, content_type, size_bytes, sha256, notes, "
               "published_by, published_at FROM document_version WHERE document_id = ? ORDER BY "
               "version DESC",
               {d.document_id}));
  for (const Row& row : rows.rows) {
    d.versions.push_back({row.integer(0), row.text(1), row.text(2), row.integer(3), row.text(4),
                          row.text(5), row.text(6), row.text(7)});
  }
  return {};
}

constexpr const char* kColumns =
    "document_id, code, category, title_en, title_zh_hant, title_zh_hans, firm_kinds, created_at";

Document read_document(const Row& row) {
  Document d;
  d.document_id = row.integer(0);
  d.code = row.text(1);
  d.category = row.text(2);
  d.title_en = row.text(3);
  d.title_zh_hant = row.text(4);
  d.title_zh_hans = row.text(5);
  d.firm_kinds = split_bar(row.text(6));
  d.created_at = row.text(7);
  return d;
}

}  // namespace

Result<Document> add_document(Database& db, Document d) {
  if (d.code.empty() || d.title_en.empty() || d.category.empty()) {
    return invalid_input("a document needs a code, a category and a title", "code");
  }
  std::string kinds;
  for (const std::string& kind : d.firm_kinds) {
    CP_RETURN_IF_ERROR(identity::parse_firm_kind(kind));
    kinds += (kinds.empty() ? "" : "|") + kind;
  }
  CP_ASSIGN_OR_RETURN(auto taken, db.query("SELECT 1 FROM document WHERE code = ?", {d.code}));
  if (!taken.rows.empty())
    return make_error(ErrorCode::kConflict, "document " + d.code + " exists");
  CP_ASSIGN_OR_RETURN(
      auto inserted,
      db.query(
          "INSERT INTO document (code, category, title_en, title_zh_hant, title_zh_hans, "
          "firm_kinds, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING document_id",
          {d.code, d.category, d.title_en, d.title_zh_hant, d.title_zh_hans, kinds, d.created_at}));
  d.document_id = inserted.rows.at(0).integer(0);
  return d;
}

Result<DocumentVersion> publish_version(Database& db, const std::string& code, DocumentVersion v,
                                        const std::string& bytes) {
  CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  CP_ASSIGN_OR_RETURN(auto doc, find_document(db, code));
  if (!doc) return make_error(ErrorCode::kNotFound, "no document " + code);
  v.version = doc->versions.empty() ? 1 : doc->versions.front().version + 1;
  CP_ASSIGN_OR_RETURN(v.sha256_hex, store_content(db, bytes));
  v.size_bytes = static_cast<int64_t>(bytes.size());
  CP_RETURN_IF_ERROR(db.execute(
      "INSERT INTO document_version (document_id, version, file_name, content_type, size_bytes, "
      "sha256, notes, published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {doc->document_id, v.version, v.file_name, v.content_type, v.size_bytes, v.sha256_hex,
       v.notes, v.published_by, v.published_at}));
  CP_RETURN_IF_ERROR(tx.commit());
  return v;
}

Result<std::vector<Document>> list_documents(Database& db, std::optional<identity::FirmKind> kind) {
  CP_ASSIGN_OR_RETURN(auto rows, db.query(std::string("SELECT ") + kColumns +
                                          " FROM document ORDER BY category, code"));
  std::vector<Document> out;
  for (const Row& row : rows.rows) {
    Document d = read_document(row);
    if (kind && std::find(d.firm_kinds.begin(), d.firm_kinds.end(),
                          identity::firm_kind_code(*kind)) == d.firm_kinds.end()) {
      continue;
    }
    CP_RETURN_IF_ERROR(load_versions(db, d));
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::optional<Document>> find_document(Database& db, const std::string& code) {
  CP_ASSIGN_OR_RETURN(
      auto rows,
      db.query(std::string("SELECT ") + kColumns + " FROM document WHERE code = ?", {code}));
  if (rows.rows.empty()) return std::optional<Document>();
  Document d = read_document(rows.rows[0]);
  CP_RETURN_IF_ERROR(load_versions(db, d));
  return std::optional<Document>(std::move(d));
}

Result<std::string> document_bytes(Database& db, const std::string& code, int64_t version) {
  CP_ASSIGN_OR_RETURN(
      auto rows,
      db.query("SELECT v.sha256 FROM document d JOIN document_version v ON v.document_id = "
               "d.document_id WHERE d.code = ? AND v.version = ?",
               {code, version}));
  if (rows.rows.empty()) return make_error(ErrorCode::kNotFound, "no such document version");
  return content_bytes(db, rows.rows[0].text(0));
}

}  // namespace cp::store
