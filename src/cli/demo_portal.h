// The portal's half of `connectpost demo` (issue 6 item 10): demo firms with profiles, users in
// every role (one of them in two firms) with a password and an authenticator app, requests in
// every state of their life, an event with sessions and documents — and what a new user needs
// to sign in, printed.
#pragma once

#include <iostream>

#include "cli/app_context.h"
#include "store/database.h"

namespace cp::cli {

// The demo users' password (printed with their authenticator keys; demo databases only).
inline constexpr const char* kDemoPassword = "harbour lanterns at dusk";

// Seeds the portal's demo data the first time (requests, events and documents are left alone
// on later runs) and enrols a fresh authenticator app for each demo user every time, printing
// the sign-in table to `out`.
Result<void> seed_demo_portal(const AppContext& context, store::Database& db, std::ostream& out);

}  // namespace cp::cli
