#include "records/http_post.hpp"

#include <curl/curl.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <mutex>

#include "records/store.hpp"

namespace lektion {

namespace {

struct Received {
    HttpResponse* response;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* r = static_cast<Received*>(user)->response;
    const std::size_t n = size * count;
    const std::size_t room =
        HttpClient::max_response_bytes - std::min(r->body.size(), HttpClient::max_response_bytes);
    r->body.append(data, std::min(n, room));  // the rest is read and dropped
    return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* r = static_cast<Received*>(user)->response;
    const std::size_t n = size * count;
    std::string line(data, n);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' '))
        line.pop_back();
    static constexpr std::string_view name = "retry-after:";
    if (line.size() > name.size() && std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
            return a == std::tolower(static_cast<unsigned char>(b));
        })) {
        std::string value = line.substr(name.size());
        value.erase(0, value.find_first_not_of(' '));
        if (!value.empty() && value.size() <= 10 && std::all_of(value.begin(), value.end(), ::isdigit)) {
            r->retry_after = std::chrono::seconds(std::atol(value.c_str()));
        } else {
            const time_t when = curl_getdate(value.c_str(), nullptr);  // an HTTP date
            if (when > 0) r->retry_after = std::chrono::seconds(std::max<long>(0, when - std::time(nullptr)));
        }
    }
    return n;
}

}  // namespace

HttpClient::HttpClient(std::string user, std::string password, std::chrono::seconds timeout)
    : user_(std::move(user)), password_(std::move(password)), timeout_(timeout) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl_ = curl_easy_init();
    if (!curl_) throw RecordsError("libcurl could not be started");
}

HttpClient::~HttpClient() {
    curl_easy_cleanup(curl_);
    OPENSSL_cleanse(password_.data(), password_.size());
}

HttpResponse HttpClient::post_json(const std::string& url, const std::string& body,
                                   const std::vector<std::string>& headers) {
    HttpResponse response;
    Received received{&response};
    curl_slist* list = nullptr;
    list = curl_slist_append(list, "Content-Type: application/json; charset=utf-8");
    list = curl_slist_append(list, "Accept: application/json");
    for (const std::string& h : headers) list = curl_slist_append(list, h.c_str());

    CURL* c = curl_;
    curl_easy_reset(c);
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "lektion");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    const long timeout_ms = static_cast<long>(std::chrono::milliseconds(timeout_).count());
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeout_ms, 10'000L));
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!user_.empty()) {
        curl_easy_setopt(c, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
        curl_easy_setopt(c, CURLOPT_USERNAME, user_.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, password_.c_str());
    }
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &received);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &received);
    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);

    const CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(list);
    if (rc != CURLE_OK) {
        response.status = 0;
        response.error = *error ? error : curl_easy_strerror(rc);
        response.body.clear();
        return response;
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    return response;
}

}  // namespace lektion
