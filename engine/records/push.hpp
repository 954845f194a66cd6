// `lektion records push`: the statements of the xAPI export, sent to a
// Learning Record Store (xAPI 1.0.3) in batches.
//
// What the LRS acknowledged is remembered per endpoint in the records, one
// transaction per batch, right after its answer; the next push sends only
// what was not acknowledged. Statement ids are the events' UUIDs, so a batch
// sent again (the push was killed after the LRS stored it but before the
// acknowledgement was written) is stored once: an LRS keeps one statement per
// id. A push interrupted at any point and run again therefore neither loses
// nor duplicates a statement.
//
// Network errors, 5xx and 429 are tried again after a pause that doubles
// (or what Retry-After asks); any other answer stops the push with the LRS's
// message. A 2xx must carry the statement ids that were sent, or nothing is
// taken as acknowledged (it was not an LRS that answered).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "records/store.hpp"
#include "records/xapi.hpp"

namespace lektion {

// The endpoint as it is remembered: scheme and host in lower case, a path
// ending in "/" (".../statements" is taken as its endpoint). Empty, with
// `error` set, for anything but an http or https URL, or one that holds
// credentials ("user:password@"), a query or a fragment, which would be
// kept in the records and shown in messages.
std::string normalize_endpoint(const std::string& url, std::string& error);

struct PushOptions {
    std::string user;      // empty: no HTTP Basic auth
    std::string password;  // never stored, never printed
    std::size_t batch = 100;
    int retries = 5;  // after the first try of a batch
    std::chrono::seconds timeout{60};
    std::chrono::milliseconds first_pause{1000};  // doubles with each retry, at most max_pause
    std::chrono::seconds max_pause{60};
    std::chrono::seconds max_retry_after{300};  // a longer Retry-After stops the push instead
};

struct PushResult {
    bool complete = false;    // everything in scope is acknowledged
    std::size_t total = 0;    // statements in scope
    std::size_t already = 0;  // acknowledged before this push
    std::size_t sent = 0;     // acknowledged by this push
    std::size_t batches = 0;  // POSTs acknowledged
    std::string message;      // when not complete: why, in one line (the LRS's own words if any)
};

// `note` hears a line for each retry ("LRS answered 503; trying again in 2 s").
PushResult push_statements(Store& store, const Store::LrsEndpoint& endpoint,
                           const std::vector<XapiStatement>& statements, const PushOptions& options,
                           const std::function<void(const std::string&)>& note);

}  // namespace lektion
