// A zip archive built in memory with libzip (Debian's libzip-dev), so that
// the package reaches the disk through the one atomic write like every
// other export.
#pragma once

#include <ctime>
#include <map>
#include <string>

namespace lektion::web {

// The archive's bytes, or "" with `error` set. Every entry gets `mtime`, so
// that the same course gives the same package (SOURCE_DATE_EPOCH).
std::string zip_files(const std::map<std::string, std::string>& files, std::time_t mtime, std::string& error);

}  // namespace lektion::web
