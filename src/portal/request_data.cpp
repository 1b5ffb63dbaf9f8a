#include "portal/request_data.h"

#include <algorithm>
#include <set>

#include "core/input_limits.h"
#include "core/utf8.h"

namespace cp::portal {
namespace {

using nlohmann::json;

void collect_text(const json& value, std::string& out) {
  if (value.is_string()) {
    out += ' ';
    out += value.get<std::string>();
  } else if (value.is_number_integer() || value.is_number_unsigned()) {
    out += ' ';
    out += value.dump();
  } else if (value.is_structured()) {
    for (const json& item : value) collect_text(item, out);
  }
}

// A member name as a JSON pointer token (RFC 6901 §3): '~' is written "~0" and '/' "~1", so
// that {"a/b": 1} and {"a": {"b": 1}} change different pointers.
std::string pointer_token(const std::string& name) {
  std::string token;
  for (const char c : name) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return token;
}

// Recursive over user data: parse_limited_json bounds its depth (core/input_limits.h).
void diff(const json& before, const json& after, const std::string& at,
          std::vector<std::string>& out) {
  if (before.is_object() && after.is_object()) {
    std::set<std::string> keys;
    for (const auto& [k, v] : before.items()) keys.insert(k);
    for (const auto& [k, v] : after.items()) keys.insert(k);
    for (const std::string& key : keys) {
      const json missing;
      diff(before.contains(key) ? before[key] : missing, after.contains(key) ? after[key] : missing,
           at + "/" + pointer_token(key), out);
    }
  } else if (before.is_array() && after.is_array()) {
    const size_t n = std::max(before.size(), after.size());
    for (size_t i = 0; i < n; ++i) {
      const json missing;
      diff(i < before.size() ? before[i] : missing, i < after.size() ? after[i] : missing,
           at + "/" + std::to_string(i), out);
    }
  } else if (before != after) {
    out.push_back(at);
  }
}

bool starts_with(const std::string& bytes, std::string_view prefix) {
  return bytes.size() >= prefix.size() && bytes.compare(0, prefix.size(), prefix) == 0;
}

// CSV is text: valid UTF-8 (or ASCII) with no NUL and no control characters besides tab, CR, LF.
bool looks_like_text(const std::string& bytes) {
  return is_valid_utf8(bytes) && !has_control_characters(bytes, true);
}

}  // namespace

std::string search_case(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string auto_fill_value(const ServiceDefinition& service, const std::string& source,
                            const FirmProfile& firm, const UserFacts& user) {
  if (source == "firm.name") return firm.name;
  if (source == "firm.name_zh") return firm.name_zh;
  if (source == "firm.address") return firm.address;
  if (source == "firm.contact_name") return firm.contact_name;
  if (source == "firm.contact_phone") return firm.contact_phone;
  if (source == "firm.contact_email") return firm.contact_email;
  if (source == "user.name") return user.name;
  if (source == "user.email") return user.email;
  if (source == "firm.participant_id") {
    for (const std::string& house : service.clearing_houses) {
      auto id = firm.participant_ids.find(house);
      if (id != firm.participant_ids.end()) return id->second;
    }
  }
  return "";
}

json apply_auto_fill(const ServiceDefinition& service, json data, const FirmProfile& firm,
                     const UserFacts& user) {
  if (!data.is_object()) data = json::object();
  for (const auto& [property, source] : service.auto_fill) {
    data[property] = auto_fill_value(service, source, firm, user);
  }
  return data;
}

std::optional<std::string> subject_of(const ServiceDefinition& service, const json& data) {
  if (!service.one_open_per) return std::nullopt;
  if (service.one_open_per->empty()) return std::string();
  const json::json_pointer pointer(*service.one_open_per);
  if (!data.contains(pointer)) return std::string();
  const json& value = data.at(pointer);
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::string search_text(const ServiceDefinition& service, const std::string& reference,
                        const json& data) {
  std::string out = reference + " #" + std::to_string(service.number) + " " + service.id + " " +
                    service.title.en + " " + service.title.zh_hant + " " + service.title.zh_hans;
  collect_text(data, out);
  // Cut at a code point's start, never inside one.
  size_t chars = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(out[i]) & 0xC0) != 0x80;
    if (starts_char && ++chars > kSearchTextMaxChars) {
      out.resize(i);
      break;
    }
  }
  return search_case(out);
}

std::vector<std::string> changed_fields(const json& before, const json& after) {
  std::vector<std::string> out;
  diff(before, after, "", out);
  return out;
}

Result<AttachmentCheck> check_attachment(const AttachmentSlot& slot, const std::string& file_name,
                                         const std::string& bytes, int64_t max_bytes) {
  if (bytes.empty()) return invalid_input("the file is empty", "file");
  if (static_cast<int64_t>(bytes.size()) > max_bytes) {
    return invalid_input("the file has " + std::to_string(bytes.size()) + " bytes; at most " +
                             std::to_string(max_bytes) + " are accepted",
                         "file");
  }
  // The name reaches a Content-Disposition header, a file system and a page: text, one line.
  if (file_name.empty() || file_name.size() > limits::kFileNameBytesMax ||
      !is_valid_utf8(file_name) || has_control_characters(file_name, false) ||
      file_name.find_first_of("/\\\"") != std::string::npos) {
    return invalid_input("the file name must be 1-" + std::to_string(limits::kFileNameBytesMax) +
                             " bytes of UTF-8 text without / \\ \" or control characters",
                         "file_name");
  }
  AttachmentCheck check;
  if (starts_with(bytes, "%PDF-")) {
    check = {"pdf", "application/pdf"};
  } else if (starts_with(bytes, "\x89PNG\r\n\x1a\n")) {
    check = {"png", "image/png"};
  } else if (starts_with(bytes, "\xFF\xD8\xFF")) {
    check = {"jpeg", "image/jpeg"};
  } else if (looks_like_text(bytes)) {
    check = {"csv", "text/csv"};
  } else {
    return invalid_input("the file is not a PDF, PNG, JPEG or CSV file", "file");
  }
  if (slot.types.count(check.type) == 0) {
    std::string allowed;
    for (const std::string& type : slot.types) allowed += (allowed.empty() ? "" : ", ") + type;
    return invalid_input("'" + slot.name + "' takes " + allowed + "; this file is " + check.type,
                         "file");
  }
  return check;
}

std::vector<std::string> missing_attachments(const ServiceDefinition& service,
                                             const std::vector<std::string>& filled_slots) {
  std::vector<std::string> missing;
  for (const AttachmentSlot& slot : service.attachments) {
    if (slot.required &&
        std::find(filled_slots.begin(), filled_slots.end(), slot.name) == filled_slots.end()) {
      missing.push_back(slot.name);
    }
  }
  return missing;
}

}  // namespace cp::portal
