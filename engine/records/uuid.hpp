// Random (version 4) UUIDs for event and registration ids.
#pragma once

#include <string>
#include <string_view>

namespace lektion {

// 122 bits from OpenSSL's CSPRNG, in the lower-case 8-4-4-4-12 form.
// Throws RecordsError if the system has no entropy to give.
std::string random_uuid();

bool is_uuid(std::string_view text);
// A UUID as random_uuid() writes it (lower-case hex): what an import accepts,
// so that one id cannot arrive in two spellings.
bool is_lower_uuid(std::string_view text);

}  // namespace lektion
