// The document centre in the database (migration 0023; SPEC PORTAL-11): documents by category
// with versions, each version's bytes stored once per SHA-256, visible to the firm kinds named.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "identity/roles.h"
#include "store/database.h"

namespace cp::store {

struct DocumentVersion {
  int64_t version = 0;
  std::string file_name;
  std::string content_type;
  int64_t size_bytes = 0;
  std::string sha256_hex;
  std::string notes;
  std::string published_by;
  std::string published_at;
};

struct Document {
  int64_t document_id = 0;
  std::string code;
  std::string category;
  std::string title_en, title_zh_hant, title_zh_hans;
  std::vector<std::string> firm_kinds;
  std::string created_at;
  std::vector<DocumentVersion> versions;  // newest first
};

Result<Document> add_document(Database& db, Document document);
// Publishes the next version of the document; returns it.
Result<DocumentVersion> publish_version(Database& db, const std::string& code,
                                        DocumentVersion version, const std::string& bytes);
// Documents firms of `kind` may see (all when nullopt), by category and code.
Result<std::vector<Document>> list_documents(Database& db, std::optional<identity::FirmKind> kind);
Result<std::optional<Document>> find_document(Database& db, const std::string& code);
Result<std::string> document_bytes(Database& db, const std::string& code, int64_t version);

}  // namespace cp::store
