// A text in the portal's three languages (SPEC PORTAL-1): English, Traditional and Simplified
// Chinese. The services' forms (portal/service_catalogue.h) and the investor's opening documents
// and questions (investors/opening_kit.h) carry their words this way.
#pragma once

#include <string>

namespace cp {

struct LocalText {
  std::string en;
  std::string zh_hant;
  std::string zh_hans;
};

}  // namespace cp
