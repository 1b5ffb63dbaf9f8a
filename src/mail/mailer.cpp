#include "mail/mailer.h"

#include <curl/curl.h>

#include <cstring>
#include <ctime>

#include "core/assert.h"

namespace cp::mail {
namespace {

bool has_line_break(const std::string& text) {
  return text.find_first_of("\r\n") != std::string::npos;
}

struct Upload {
  const std::string* data;
  size_t offset = 0;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t room = size * count;
  const size_t left = upload->data->size() - upload->offset;
  const size_t n = left < room ? left : room;
  std::memcpy(buffer, upload->data->data() + upload->offset, n);
  upload->offset += n;
  return n;
}

class SmtpMailer final : public Mailer {
 public:
  SmtpMailer(std::string url, std::string from) : url_(std::move(url)), from_(std::move(from)) {
    static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    CP_ASSERT(initialised, "libcurl failed to initialise");
  }

  Result<void> check() override {
    std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return make_error(ErrorCode::kInternal, "libcurl: no handle");
    curl_easy_setopt(curl.get(), CURLOPT_URL, url_.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_CONNECT_ONLY, 1L);  // connect and read the greeting
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 5L);
    const CURLcode rc = curl_easy_perform(curl.get());
    if (rc != CURLE_OK) {
      return make_error(ErrorCode::kInternal,
                        std::string("mail relay unreachable: ") + curl_easy_strerror(rc));
    }
    return Ok{};
  }

  Result<void> send(const Message& message) override {
    char date[64];
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &utc);
    CP_ASSIGN_OR_RETURN(std::string text, rfc5322(from_, message, date,
                                                  "<" + std::to_string(now) + "." +
                                                      std::to_string(++sent_) + "@connectpost>"));
    std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return make_error(ErrorCode::kInternal, "libcurl: no handle");
    curl_slist* recipients = curl_slist_append(nullptr, ("<" + message.to + ">").c_str());
    Upload upload{&text};
    curl_easy_setopt(curl.get(), CURLOPT_URL, url_.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_FROM, ("<" + from_ + ">").c_str());
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl.get(), CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl.get(), CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl.get(), CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 20L);
    curl_easy_setopt(curl.get(), CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    const CURLcode rc = curl_easy_perform(curl.get());
    curl_slist_free_all(recipients);
    if (rc != CURLE_OK) {
      return make_error(ErrorCode::kInternal,
                        std::string("mail not sent: ") + curl_easy_strerror(rc));
    }
    return Ok{};
  }

 private:
  std::string url_;
  std::string from_;
  uint64_t sent_ = 0;
};

}  // namespace

std::unique_ptr<Mailer> smtp_mailer(std::string smtp_url, std::string from) {
  return std::make_unique<SmtpMailer>(std::move(smtp_url), std::move(from));
}

Result<std::string> rfc5322(const std::string& from, const Message& message,
                            const std::string& date_rfc2822, const std::string& message_id) {
  for (const std::string* field : {&from, &message.to, &message.subject}) {
    if (has_line_break(*field)) return invalid_input("a mail header holds a line break", "mail");
  }
  if (message.to.find('@') == std::string::npos) {
    return invalid_input("not an email address: " + message.to, "to");
  }
  std::string body;
  for (char c : message.text) {  // SMTP lines end in CRLF
    if (c == '\n')
      body += "\r\n";
    else if (c != '\r')
      body += c;
  }
  return "Date: " + date_rfc2822 + "\r\nFrom: " + from + "\r\nTo: " + message.to +
         "\r\nMessage-ID: " + message_id + "\r\nSubject: " + message.subject +
         "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Content-Transfer-Encoding: 8bit\r\n\r\n" +
         body + "\r\n";
}

}  // namespace cp::mail
