// The enrolment QR code of an otpauth URI (identity/totp.h) as an SVG image, through
// libqrencode: error correction M, one <path> of unit squares with a 4-module quiet zone.
#pragma once

#include <string>

#include "core/result.h"

namespace cp::identity {

Result<std::string> qr_svg(const std::string& text);

}  // namespace cp::identity
