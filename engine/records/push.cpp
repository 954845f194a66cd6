#include "records/push.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <thread>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "records/http_post.hpp"
#include "records/printable.hpp"

namespace lektion {

namespace {

using nlohmann::json;

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// What the LRS said, in one line: its JSON "message" (and warnings), else the start of its body.
std::string lrs_message(const HttpResponse& r) {
    std::string said;
    const json body = json::parse(r.body, nullptr, false);
    if (body.is_object()) {
        if (auto m = body.find("message"); m != body.end() && m->is_string()) said = m->get<std::string>();
        if (auto w = body.find("warnings"); w != body.end() && w->is_array())
            for (std::size_t i = 0; i < w->size() && i < 3; ++i)
                if ((*w)[i].is_string()) said += (said.empty() ? "" : "; ") + (*w)[i].get<std::string>();
    }
    if (said.empty()) said = r.body;
    constexpr std::size_t shown = 300;
    if (said.size() > shown) said = said.substr(0, shown) + "…";
    return said.empty() ? std::string("no message") : printable(said);
}

// Whether a 2xx answer names exactly the statements sent: the LRS stored them.
bool acknowledges(const HttpResponse& r, const std::vector<const XapiStatement*>& batch) {
    const json body = json::parse(r.body, nullptr, false);
    if (!body.is_array() || body.size() != batch.size()) return false;
    std::set<std::string> sent, answered;
    for (const XapiStatement* s : batch) sent.insert(s->id);
    for (const json& id : body) {
        if (!id.is_string()) return false;
        answered.insert(lower(id.get<std::string>()));
    }
    return sent == answered;
}

}  // namespace

std::string normalize_endpoint(const std::string& url, std::string& error) {
    const auto no = [&](const char* why) {
        error = why;
        return std::string();
    };
    if (url.size() > 2000) return no("is too long for an endpoint");
    for (unsigned char c : url)
        if (c <= 0x20 || c >= 0x7F)
            return no("must be a URL without spaces, control or non-ASCII characters");
    const std::size_t colon = url.find("://");
    if (colon == std::string::npos) return no("must be an http:// or https:// URL");
    const std::string scheme = lower(url.substr(0, colon));
    if (scheme != "http" && scheme != "https") return no("must be an http:// or https:// URL");
    if (url.find_first_of("?#") != std::string::npos)
        return no("must not hold a query or a fragment (the endpoint is remembered in the records)");
    const std::size_t path_at = url.find('/', colon + 3);
    const std::string authority =
        url.substr(colon + 3, path_at == std::string::npos ? std::string::npos : path_at - colon - 3);
    if (authority.find('@') != std::string::npos)
        return no(
            "must not hold credentials; give them with --user and --password-file, or LEKTION_LRS_USER "
            "and LEKTION_LRS_PASSWORD");
    if (authority.empty() || authority.front() == ':') return no("has no host");
    std::string path = path_at == std::string::npos ? "/" : url.substr(path_at);
    if (path.back() != '/') path += '/';
    static constexpr std::string_view statements = "/statements/";
    if (path.size() >= statements.size() && lower(path.substr(path.size() - statements.size())) == statements)
        path.resize(path.size() - statements.size() + 1);
    return scheme + "://" + lower(authority) + path;
}

PushResult push_statements(Store& store, const Store::LrsEndpoint& endpoint,
                           const std::vector<XapiStatement>& statements, const PushOptions& options,
                           const std::function<void(const std::string&)>& note) {
    PushResult result;
    result.total = statements.size();
    const std::vector<std::int64_t> acked = store.acknowledged(endpoint.id);
    const std::unordered_set<std::int64_t> done(acked.begin(), acked.end());
    std::vector<const XapiStatement*> todo;
    for (const XapiStatement& s : statements) {
        if (done.count(s.seq)) ++result.already;
        else todo.push_back(&s);
    }

    HttpClient http(options.user, options.password, options.timeout);
    const std::string url = endpoint.url + "statements";
    const std::size_t batch_size = std::max<std::size_t>(1, options.batch);
    for (std::size_t first = 0; first < todo.size(); first += batch_size) {
        const std::vector<const XapiStatement*> batch(
            todo.begin() + static_cast<std::ptrdiff_t>(first),
            todo.begin() + static_cast<std::ptrdiff_t>(std::min(todo.size(), first + batch_size)));
        std::string body = "[";
        for (const XapiStatement* s : batch) body += (body.size() > 1 ? "," : "") + s->json;
        body += "]";
        for (int attempt = 0;; ++attempt) {
            const HttpResponse r = http.post_json(url, body, {"X-Experience-API-Version: 1.0.3"});
            if (r.status >= 200 && r.status < 300) {
                if (!acknowledges(r, batch)) {
                    result.message = fmt::format(
                        "{} answered HTTP {} without the ids of the statements sent; is it an xAPI endpoint? "
                        "Nothing of this batch is taken as stored",
                        endpoint.url, r.status);
                    return result;
                }
                std::vector<std::int64_t> seqs;
                for (const XapiStatement* s : batch) seqs.push_back(s->seq);
                store.acknowledge(endpoint.id, seqs);
                result.sent += batch.size();
                ++result.batches;
                break;
            }
            const bool again = r.status == 0 || r.status == 429 || r.status >= 500;
            const std::string what =
                r.status == 0
                    ? fmt::format("could not reach {}: {}", endpoint.url, printable(r.error))
                    : fmt::format("{} answered HTTP {}: {}", endpoint.url, r.status, lrs_message(r));
            if (!again) {
                result.message = r.status >= 300 && r.status < 400
                                     ? fmt::format(
                                           "{} answered HTTP {} (a redirect, not followed: it would carry "
                                           "the credentials); give the endpoint it names",
                                           endpoint.url, r.status)
                                     : what;
                return result;
            }
            if (attempt >= options.retries) {
                result.message = fmt::format("{}; gave up after {} tries", what, attempt + 1);
                return result;
            }
            auto pause = std::chrono::duration_cast<std::chrono::milliseconds>(
                options.first_pause * (1LL << std::min(attempt, 16)));
            pause = std::min<std::chrono::milliseconds>(pause, options.max_pause);
            if (r.retry_after && (r.status == 429 || r.status == 503)) {
                if (*r.retry_after > options.max_retry_after) {
                    result.message = fmt::format("{}; it asks to wait {} s: push again later", what,
                                                 r.retry_after->count());
                    return result;
                }
                pause = *r.retry_after;
            }
            note(
                fmt::format("{}; trying again in {:.1f} s", what, static_cast<double>(pause.count()) / 1000));
            std::this_thread::sleep_for(pause);
        }
    }
    result.complete = true;
    return result;
}

}  // namespace lektion
