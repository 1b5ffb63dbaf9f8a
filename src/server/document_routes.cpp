#include "server/document_routes.h"

#include "core/input_limits.h"
#include "portal/request_data.h"
#include "server/route_support.h"
#include "store/audit_store.h"
#include "store/document_store.h"
#include "store/identity_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::json;

const Access kView = Access::entitled("documents", identity::Level::kView, "firm");
const Access kProcess = Access::entitled("documents", identity::Level::kProcess, "firm");

Json document_json(const store::Document& d) {
  Json versions = Json::array();
  for (const auto& v : d.versions) {
    versions.push_back({{"version", v.version},
                        {"file_name", v.file_name},
                        {"content_type", v.content_type},
                        {"size_bytes", v.size_bytes},
                        {"sha256", v.sha256_hex},
                        {"notes", v.notes},
                        {"published_at", v.published_at}});
  }
  return {
      {"code", d.code},
      {"category", d.category},
      {"title", {{"en", d.title_en}, {"zh-Hant", d.title_zh_hant}, {"zh-Hans", d.title_zh_hans}}},
      {"firm_kinds", d.firm_kinds},
      {"versions", versions}};
}

Result<std::optional<store::Document>> visible(PortalContext& portal, const std::string& firm_id,
                                               const std::string& code) {
  CP_ASSIGN_OR_RETURN(auto firm, store::find_firm(portal.auth.db, firm_id));
  CP_ASSIGN_OR_RETURN(auto doc, store::find_document(portal.auth.db, code));
  if (!firm || !doc) return std::optional<store::Document>();
  const std::string kind = identity::firm_kind_code(firm->kind);
  if (std::find(doc->firm_kinds.begin(), doc->firm_kinds.end(), kind) == doc->firm_kinds.end()) {
    return std::optional<store::Document>();  // not for this firm: as if it did not exist
  }
  return doc;
}

HttpResponse list(PortalContext& portal, const RequestContext& c) {
  auto firm = store::find_firm(portal.auth.db, c.params.at("firm"));
  if (!firm.ok()) return storage_failure();
  if (!*firm) return not_found();
  auto docs = store::list_documents(portal.auth.db, (*firm)->kind);
  if (!docs.ok()) return storage_failure();
  Json out = Json::array();
  for (const auto& d : *docs) out.push_back(document_json(d));
  return json_response(200, {{"firm", c.params.at("firm")}, {"documents", out}});
}

HttpResponse download(PortalContext& portal, const RequestContext& c) {
  const std::string& firm = c.params.at("firm");
  const std::string& code = c.params.at("code");
  const auto version = id_from_text(c.params.at("version"));
  if (!version) return not_found();
  auto doc = visible(portal, firm, code);
  if (!doc.ok()) return storage_failure();
  if (!*doc) return not_found();
  const store::DocumentVersion* found = nullptr;
  for (const auto& v : (*doc)->versions) {
    if (v.version == *version) found = &v;
  }
  if (found == nullptr) return not_found();
  auto bytes = store::document_bytes(portal.auth.db, code, *version);
  if (!bytes.ok()) return refusal(bytes.error());
  // "Downloads logged": who, for which firm, which version, in the audit trail.
  auto logged = store::append_audit(
      portal.auth.db, portal.auth.clock,
      {"user:" + c.principal->user_id, firm, "document.download", "document:" + code,
       Json{{"version", *version}, {"sha256", found->sha256_hex}}.dump()});
  if (!logged.ok()) return storage_failure();
  HttpResponse response;
  response.content_type = found->content_type;
  response.headers["content-disposition"] = attachment_disposition(found->file_name);
  response.body = std::move(bytes).value();
  return response;
}

HttpResponse create(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  auto body = json_fields(c.request, {"code", "category"});
  if (!body || !body->contains("title") || !(*body)["title"].is_object()) {
    return error_response(400, "bad_request",
                          "send code, category, title {en, zh-Hant, zh-Hans}, firm_kinds []");
  }
  store::Document d;
  d.code = (*body)["code"];
  d.category = (*body)["category"];
  d.title_en = (*body)["title"].value("en", "");
  d.title_zh_hant = (*body)["title"].value("zh-Hant", "");
  d.title_zh_hans = (*body)["title"].value("zh-Hans", "");
  if (body->contains("firm_kinds") && (*body)["firm_kinds"].is_array()) {
    for (const Json& k : (*body)["firm_kinds"]) {
      if (k.is_string()) d.firm_kinds.push_back(k);
    }
  }
  d.created_at = format_utc(portal.auth.clock.now());
  auto done =
      audited_change(portal.auth, "user:" + c.principal->user_id, "document.created",
                     "document:" + d.code, {{"category", d.category}}, [&]() -> Result<void> {
                       CP_ASSIGN_OR_RETURN(d, store::add_document(portal.auth.db, d));
                       return {};
                     });
  if (!done.ok()) return refusal(done.error());
  return json_response(201, document_json(d));
}

HttpResponse publish(PortalContext& portal, const RequestContext& c) {
  if (!in_operator_firm(c)) return not_found();
  const auto name = c.request.query.find("name");
  if (name == c.request.query.end()) {
    return error_response(400, "bad_request", "send the file as the body, ?name=…[&notes=…]");
  }
  const auto notes = c.request.query.find("notes");
  if (notes != c.request.query.end() && notes->second.size() > limits::kReasonBytesMax) {
    return error_response(
        400, "bad_request",
        "notes are at most " + std::to_string(limits::kReasonBytesMax) + " bytes");
  }
  // A technical document: the same kinds and size limit as a request's attachment.
  const portal::AttachmentSlot any{"document", {}, true, {"pdf", "png", "jpeg", "csv"}};
  auto check =
      portal::check_attachment(any, name->second, c.request.body, portal.max_attachment_bytes);
  if (!check.ok()) return refusal(check.error());
  store::DocumentVersion v;
  v.file_name = name->second;
  v.content_type = check->content_type;
  v.notes = notes == c.request.query.end() ? "" : notes->second;
  v.published_by = c.principal->user_id;
  v.published_at = format_utc(portal.auth.clock.now());
  const std::string& code = c.params.at("code");
  auto done = audited_change(
      portal.auth, "user:" + c.principal->user_id, "document.published", "document:" + code,
      {{"file_name", v.file_name}}, [&]() -> Result<void> {
        CP_ASSIGN_OR_RETURN(v, store::publish_version(portal.auth.db, code, v, c.request.body));
        return {};
      });
  if (!done.ok()) return refusal(done.error());
  return json_response(201, {{"code", code}, {"version", v.version}, {"sha256", v.sha256_hex}});
}

}  // namespace

void add_document_routes(App& app, PortalContext& portal) {
  Router& r = app.router();
  PortalContext* p = &portal;
  r.add({"GET", "/api/v1/firms/{firm}/documents", kView,
         [p](const RequestContext& c) { return list(*p, c); },
         "The technical documents and guides the firm's kind may see, with their versions"});
  r.add({"POST", "/api/v1/firms/{firm}/documents/{code}/versions/{version}/download", kView,
         [p](const RequestContext& c) { return download(*p, c); },
         "Download a version of a document (logged in the audit trail)"});
  r.add({"POST", "/api/v1/operator/{firm}/documents", kProcess,
         [p](const RequestContext& c) { return create(*p, c); },
         "Add a document to the centre: category, titles, the firm kinds who see it"});
  r.add({"POST", "/api/v1/operator/{firm}/documents/{code}/versions", kProcess,
         [p](const RequestContext& c) { return publish(*p, c); },
         "Publish the next version of a document (the file as the body)", Body::kUpload});
}

}  // namespace cp::server
