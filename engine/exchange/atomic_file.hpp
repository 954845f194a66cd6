// Reading and replacing files safely: a size limit on the way in, and on the
// way out a temporary file in the same folder renamed over the old one, so
// that a crash or a full disk leaves either the old file or the new one.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace lektion {

// Writes `bytes` to `path` atomically, creating missing parent folders.
// Returns an empty string on success, else a reason.
std::string write_atomically(const std::filesystem::path& path, const std::string& bytes);

}  // namespace lektion
