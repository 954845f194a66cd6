// SHA-256 through OpenSSL, for the xAPI export's hash chain.
#pragma once

#include <string>
#include <string_view>

namespace lektion {

// Lower-case hex, 64 characters.
std::string sha256_hex(std::string_view bytes);

}  // namespace lektion
