// Error lines as the front ends print them. Messages from the records and
// elsewhere name what and where but not the program; each front end adds
// "lektion: " once, also to a message that (from an older part) already
// carries it, so that no line reads "lektion: lektion: ...".
#pragma once

#include <string>
#include <string_view>

namespace lektion {

inline std::string_view without_program_name(std::string_view message) {
    constexpr std::string_view prefix = "lektion: ";
    while (message.substr(0, prefix.size()) == prefix) message.remove_prefix(prefix.size());
    return message;
}

inline std::string error_line(std::string_view message) {
    return "lektion: " + std::string(without_program_name(message));
}

}  // namespace lektion
