#include "records/passphrase_hash.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <vector>

#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "records/hex.hpp"
#include "records/store.hpp"

namespace lektion {

namespace {

struct Parameters {
    int log_n = 15;
    int r = 8;
    int p = 1;
};
constexpr std::size_t salt_bytes = 16, hash_bytes = 32;
constexpr std::uint64_t max_memory = std::uint64_t{256} << 20;  // for parameters read back

bool derive(std::string_view secret, const std::vector<unsigned char>& salt, const Parameters& k,
            std::vector<unsigned char>& out) {
    if (k.log_n < 10 || k.log_n > 22 || k.r < 1 || k.r > 32 || k.p < 1 || k.p > 16) return false;
    out.assign(hash_bytes, 0);
    return EVP_PBE_scrypt(secret.data(), secret.size(), salt.data(), salt.size(), std::uint64_t{1} << k.log_n,
                          static_cast<std::uint64_t>(k.r), static_cast<std::uint64_t>(k.p), max_memory,
                          out.data(), out.size()) == 1;
}

}  // namespace

std::string hash_secret(std::string_view secret) {
    std::vector<unsigned char> salt(salt_bytes);
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
        throw RecordsError("the system's random number generator failed; nothing stored");
    const Parameters k;
    std::vector<unsigned char> hash;
    if (!derive(secret, salt, k, hash)) throw RecordsError("OpenSSL could not compute a scrypt hash");
    const std::string line = fmt::format("scrypt$ln={},r={},p={}${}${}", k.log_n, k.r, k.p,
                                         to_hex(salt.data(), salt.size()), to_hex(hash.data(), hash.size()));
    OPENSSL_cleanse(hash.data(), hash.size());
    return line;
}

bool secret_matches(std::string_view secret, std::string_view stored) {
    // scrypt$ln=L,r=R,p=P$SALT$HASH
    Parameters k;
    char salt_hex[2 * salt_bytes + 1] = {};
    char hash_hex[2 * hash_bytes + 1] = {};
    const std::string line(stored.substr(0, 200));
    if (std::sscanf(line.c_str(), "scrypt$ln=%d,r=%d,p=%d$%32[0-9a-f]$%64[0-9a-f]", &k.log_n, &k.r, &k.p,
                    salt_hex, hash_hex) != 5)
        return false;
    const std::vector<unsigned char> salt = from_hex(salt_hex), expected = from_hex(hash_hex);
    if (salt.size() != salt_bytes || expected.size() != hash_bytes) return false;
    std::vector<unsigned char> hash;
    if (!derive(secret, salt, k, hash)) return false;
    const bool same = CRYPTO_memcmp(hash.data(), expected.data(), hash_bytes) == 0;
    OPENSSL_cleanse(hash.data(), hash.size());
    return same;
}

}  // namespace lektion
