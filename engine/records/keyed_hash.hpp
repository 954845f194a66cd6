// Keyed hashes (HMAC-SHA-256) for what the records must recognise without
// keeping it: an erased learner's name in a tombstone.
#pragma once

#include <string>
#include <string_view>

namespace lektion {

// 32 random bytes from OpenSSL's CSPRNG as lower-case hex. Throws RecordsError
// if the system has no entropy to give.
std::string random_key_hex();

// HMAC-SHA-256 of `message` under the key `key_hex` (as random_key_hex()
// writes it), as lower-case hex.
std::string hmac_sha256_hex(std::string_view key_hex, std::string_view message);

}  // namespace lektion
