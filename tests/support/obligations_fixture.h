// The fixture of the obligations pages' tests (issue 16 items 4–6), on the portal fixture: two
// more HKSCC operators — pam enters payments, carl checks them — and B001's participant B01234
// with tests/golden/margin's TP001 positions on 8, 9 and 10 June 2022 and each day's obligations
// worked out (margin 17,800,000 and marks 15,000,000 a day; the tests say why).
#pragma once

#include <fstream>

#include "support/portal_test.h"

namespace cp::testing {

class ObligationsFixture : public PortalTest {
 protected:
  void SetUp() override {
    PortalTest::SetUp();
    if (HasFatalFailure()) return;
    for (const auto& [login, role] :
         {std::pair{"pam", "payments_maker"}, std::pair{"carl", "payments_checker"}}) {
      cli(std::string("user add ") + login + " --name " + login + " --email " + login +
          "@example.com --firm HKEX --role " + role);
      cli(std::string("user set-password ") + login, std::string(kPassword) + "\n");
      secrets_[login] = enrol_totp(*this, login);
    }
    std::ofstream closes(dir_ / "closes.csv");
    std::ofstream positions(dir_ / "positions.csv");
    closes << "price_date,security,close_hkd\n";
    positions << "as_of,participant,security,settlement_date,quantity,contract_value_hkd,"
                 "ssc_quantity,scc_amount_hkd\n";
    for (const char* day : {"2022-06-08", "2022-06-09", "2022-06-10"}) {
      closes << day << ",00005,47.50\n" << day << ",00700,380.00\n";
      positions << day << ",B01234,00700,2022-06-14,1000000,390000000.00,,\n"
                << day << ",B01234,00005,2022-06-14,-2000000,-90000000.00,,\n";
    }
    closes.close();
    positions.close();
    cli("import price-history '" + (dir_ / "closes.csv").string() + "'");
    cli("import cns-positions '" + (dir_ / "positions.csv").string() + "'");
    for (const char* day : {"2022-06-08", "2022-06-09", "2022-06-10"}) {
      cli(std::string("obligations run --date ") + day);
    }
  }
};

}  // namespace cp::testing
