// Bytes as lower-case hex and back, for keys, salts and digests kept as text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lektion {

std::string to_hex(const unsigned char* bytes, std::size_t size);

// The bytes, or an empty vector for text that is not an even number of hex digits.
std::vector<unsigned char> from_hex(std::string_view hex);

}  // namespace lektion
