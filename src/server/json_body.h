// JSON from a user, parsed within limits (core/input_limits.h): a body nested 100,000 levels
// deep once overflowed the stack in the copies and walks that follow a parse (issue 14 finding
// 1). The text is first scanned without recursion for its depth and its number of values, then
// parsed; nothing deeper or larger ever becomes a JSON value here.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/result.h"

namespace cp::server {

// `text` as JSON, or kInvalidInput saying why: nested deeper than limits::kJsonDepthMax, more
// than limits::kJsonValuesMax values (each container and each ',' separator counted, a bound on
// the values it holds), not JSON, or a string that is not UTF-8 (RFC 8259 §8.1).
Result<nlohmann::json> parse_limited_json(std::string_view text);

// A JSON text the server stored itself (a request's data, an event's detail), parsed within the
// same limits; null when it is not JSON within them (a draft stored before the limits existed
// could be 40,000 levels deep: it is shown as empty rather than crashing the page).
nlohmann::json stored_json(std::string_view text);

// The JSON's text for an answer. A string stored before its UTF-8 was checked is shown with
// U+FFFD marks rather than failing the whole answer (issue 14 finding 4).
std::string dump_for_answer(const nlohmann::json& value);

}  // namespace cp::server
