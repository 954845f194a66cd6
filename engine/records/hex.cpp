#include "records/hex.hpp"

namespace lektion {

namespace {

int digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string to_hex(const unsigned char* bytes, std::size_t size) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string s;
    s.reserve(2 * size);
    for (std::size_t i = 0; i < size; ++i) {
        s += hex[bytes[i] >> 4];
        s += hex[bytes[i] & 0x0F];
    }
    return s;
}

std::vector<unsigned char> from_hex(std::string_view hex) {
    std::vector<unsigned char> out;
    if (hex.size() % 2 != 0) return out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = digit(hex[i]), lo = digit(hex[i + 1]);
        if (hi < 0 || lo < 0) return {};
        out.push_back(static_cast<unsigned char>(hi * 16 + lo));
    }
    return out;
}

}  // namespace lektion
