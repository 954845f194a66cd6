// The one way lektion replaces a file: a temporary file in the same folder,
// written, synced and renamed over the old one, so that a crash, a kill or a
// full disk leaves either the old file or the new one, never half of either.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace lektion {

// Modes for what is written: anything holding personal data (records,
// exports of them) is the owner's alone.
constexpr mode_t mode_personal = 0600;
constexpr mode_t mode_shared = 0644;

// Writes `bytes` to `path` with `mode`, atomically, creating missing parent
// folders. Never writes through a symbolic link and never replaces anything
// that is not a regular file (a device, a FIFO, a folder): those are refused.
// The temporary file is ".NAME.tmp-XXXXXXXX" beside the target and is gone
// on every return. Returns an empty string on success, else the reason, in
// words that name the path.
std::string write_atomically(const std::filesystem::path& path, std::string_view bytes, mode_t mode);

// Whether `name` is the name of one of write_atomically's temporary files,
// for the code that cleans up after a crash.
bool is_atomic_temporary(std::string_view name);

// Makes a rename or a new name in `folder` survive a power cut.
void sync_folder(const std::filesystem::path& folder);

}  // namespace lektion
