// Corporate actions in the portal (issue 17; SPEC CA-2, CA-3; docs/corpactions.md):
//   GET  /api/v1/operator/{firm}/ca-events                  refdata:view
//        every announced event, newest record date first (the operator files new ones as
//        reference-data changes of kind ca_event, with maker-checker: server/refdata_changes.h)
//   GET  /api/v1/firms/{firm}/ca/notices                     elections:view
//        the holder's notices: the events still open or unpaid that the user's own accounts
//        (store/investor_account_store.h) hold, with what each may elect on now and the
//        instruction that prevails (book_firm only; any other firm: 404)
//   POST /api/v1/firms/{firm}/ca/events/{event}/elections    elections:make
//        {account, channel, choices: "scrip=1000"}: an instruction on one of the user's own
//        accounts, checked against the window and the holding now (corpactions/elections.h),
//        stored and audited (ca.elect); another account, as an unknown event: 404
#pragma once

#include "corpactions/corporate_action.h"
#include "server/app.h"
#include "server/portal_requests.h"

namespace cp::server {

// At most this many events on a holder's notice page: the newest first.
inline constexpr size_t kNoticesMax = 50;

void add_ca_routes(App& app, PortalContext& portal);

// After an announcement is approved: an in-portal notification (and a mail, per each user's
// setting) to each investor whose linked account holds the security now, and to no one else
// (issue 17 item 5, "targeted notices"); and an SMS to each of them the broker has a mobile
// number for, when an SMS gateway is configured. A failed SMS is logged (without the number or
// the text) and counted out; the others go on.
struct HolderNotices {
  int64_t notified = 0;  // users told in the portal (and by mail per their setting)
  int64_t texted = 0;    // of them, those sent an SMS
};
Result<HolderNotices> notify_holders(PortalContext& portal,
                                     const corpactions::CorporateAction& action);

}  // namespace cp::server
