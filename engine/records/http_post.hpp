// One HTTP POST of JSON through libcurl, for pushing statements to a
// Learning Record Store: HTTP Basic auth, TLS checked against the system's
// certificate authorities, http and https only, no redirects followed (they
// would carry the credentials elsewhere), and time limits.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

typedef void CURL;

namespace lektion {

struct HttpResponse {
    int status = 0;     // 0: no answer (could not connect, timed out, connection lost)
    std::string error;  // with status 0: what went wrong, in libcurl's words
    std::string body;   // the first max_response_bytes of it
    std::optional<std::chrono::seconds> retry_after;  // the Retry-After header, when it has one
};

class HttpClient {
public:
    static constexpr std::size_t max_response_bytes = 1 << 20;

    // `user` empty: no Authorization header. The password is wiped when the client goes.
    HttpClient(std::string user, std::string password, std::chrono::seconds timeout);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // POSTs `body` as application/json with `headers` ("Name: value") added.
    HttpResponse post_json(const std::string& url, const std::string& body,
                           const std::vector<std::string>& headers);

private:
    CURL* curl_ = nullptr;  // kept between requests: one connection for a whole push
    std::string user_, password_;
    std::chrono::seconds timeout_;
};

}  // namespace lektion
