#include "records/uuid.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <openssl/rand.h>

#include "records/store.hpp"

namespace lektion {

std::string random_uuid() {
    std::array<unsigned char, 16> b{};
    if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1)
        throw RecordsError("the system's random number generator failed; nothing recorded");
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static constexpr char hex[] = "0123456789abcdef";
    std::string s;
    s.reserve(36);
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
        s += hex[b[i] >> 4];
        s += hex[b[i] & 0x0F];
    }
    return s;
}

bool is_uuid(std::string_view t) {
    if (t.size() != 36) return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != '-' : !std::isxdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

bool is_lower_uuid(std::string_view t) {
    return is_uuid(t) && std::none_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'F'; });
}

}  // namespace lektion
