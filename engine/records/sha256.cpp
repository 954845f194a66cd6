#include "records/sha256.hpp"

#include <array>

#include <openssl/evp.h>

#include "records/store.hpp"

namespace lektion {

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
        throw RecordsError("OpenSSL could not compute a SHA-256 digest");
    static constexpr char hex[] = "0123456789abcdef";
    std::string s;
    s.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        s += hex[digest[i] >> 4];
        s += hex[digest[i] & 0x0F];
    }
    return s;
}

}  // namespace lektion
