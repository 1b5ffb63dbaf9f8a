// The online opening of the Southbound permission in the portal (issue 18 item 3; SPEC SUIT-4;
// investors/opening.h): the book firm's investor starts an application on one of their own
// accounts and takes its four steps in order — identity (password again and a code texted to
// the broker's number for them), qualification, risk disclosure, knowledge test — then signs the
// agreement, which grants the permission when every rule passes that day. Every step is
// audited and kept in the account's archive (SUIT-7); a step called out of turn is refused (409)
// naming the step due.
//
//   GET  /api/v1/firms/{firm}/opening                              accounts, permissions,
//   applications POST /api/v1/firms/{firm}/opening/applications                 {account, channel}
//   GET  /api/v1/firms/{firm}/opening/applications/{id}
//   POST …/applications/{id}/code                                  text the one-time code
//   POST …/applications/{id}/identity                              {password, code}
//   POST …/applications/{id}/qualification
//   POST …/applications/{id}/disclosure/open                       the statement, recorded as
//   served POST …/applications/{id}/disclosure                            {sha256}: studied POST
//   …/applications/{id}/test                                  the attempt's questions POST
//   …/applications/{id}/test/answers                          {bank_version, answers} GET
//   …/applications/{id}/agreement                             the agreement to sign POST
//   …/applications/{id}/agreement                             {sha256}: signed POST
//   …/applications/{id}/abandon
#pragma once

#include <filesystem>
#include <map>

#include "investors/opening_kit.h"
#include "server/app.h"
#include "server/portal_requests.h"

namespace cp::server {

// Reads catalog/opening/<channel>/{risk_disclosure,agreement,knowledge_bank}.json for both
// channels; errors name the file and the field.
Result<std::map<Channel, investors::OpeningKit>> load_opening_kits(
    const std::filesystem::path& catalog_dir);

void add_opening_routes(App& app, PortalContext& portal);

}  // namespace cp::server
