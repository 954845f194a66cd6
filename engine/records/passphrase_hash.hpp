// Slow salted hashes for the trainer passphrase and learner PINs: scrypt from
// OpenSSL, kept as one line of text that names its parameters, so that
// stronger ones can be chosen later without breaking what is stored:
//   scrypt$ln=15,r=8,p=1$SALT$HASH   (2^15 = N; salt 16 and hash 32 bytes, hex)
// N = 2^15 with r = 8 costs 32 MiB and some tens of milliseconds a try.
#pragma once

#include <string>
#include <string_view>

namespace lektion {

// A new hash of `secret` with a fresh random salt. Throws RecordsError if
// OpenSSL fails (no entropy, no memory).
std::string hash_secret(std::string_view secret);

// Whether `secret` is the one `stored` was made from (compared in constant
// time). False for a stored line that is not of this form.
bool secret_matches(std::string_view secret, std::string_view stored);

}  // namespace lektion
