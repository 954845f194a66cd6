// Reading a passphrase or PIN for the records commands: from the terminal
// without echo, or one line from standard input when it is not a terminal
// (scripts, tests). Never from the command line, where `ps` would show it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace lektion {

// The line without its line ending; nullopt at end of input, or for a line
// longer than 1024 bytes. `prompt` goes to the terminal; a script gets none.
std::optional<std::string> read_secret(const std::string& prompt);

// Overwrites the bytes of a secret in memory (OPENSSL_cleanse: not optimised away).
void wipe(std::string& secret);
void wipe(char* secret, std::size_t size);

}  // namespace lektion
