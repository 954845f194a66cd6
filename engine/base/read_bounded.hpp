// The one bounded read of a whole file: every reader of a file someone else
// wrote (courses, catalogs, exchange files, packages, figures, fonts,
// records exports) goes through it, so none can be made to allocate without
// bound or to hang on a FIFO or a device.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace lektion {

enum class ReadFailure { none, missing, unreadable, too_large };

// The whole file, or nullopt with a reason when it is missing, unreadable or
// larger than `max_bytes` (and, when `why` is given, which of the three).
// Sized from the file, never zero-filled to the limit.
std::optional<std::string> read_bounded(const std::filesystem::path& path, std::size_t max_bytes,
                                        std::string& error, ReadFailure* why = nullptr);

}  // namespace lektion
