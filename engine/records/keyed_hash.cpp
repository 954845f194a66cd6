#include "records/keyed_hash.hpp"

#include <array>
#include <vector>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "records/hex.hpp"
#include "records/store.hpp"

namespace lektion {

std::string random_key_hex() {
    std::array<unsigned char, 32> key{};
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1)
        throw RecordsError("the system's random number generator failed");
    return to_hex(key.data(), key.size());
}

std::string hmac_sha256_hex(std::string_view key_hex, std::string_view message) {
    const std::vector<unsigned char> key = from_hex(key_hex);
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int length = 0;
    if (key.empty() ||
        !HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac.data(), &length))
        throw RecordsError("OpenSSL could not compute a keyed hash");
    return to_hex(mac.data(), length);
}

}  // namespace lektion
