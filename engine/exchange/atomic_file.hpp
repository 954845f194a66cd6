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

// The whole file, or nullopt with a reason when it is missing, unreadable or
// larger than `max_bytes`.
std::optional<std::string> read_whole(const std::filesystem::path& path, std::size_t max_bytes,
                                      std::string& error);

}  // namespace lektion
