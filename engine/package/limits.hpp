// The bounds on a course package (.lektion), in one place: what `lektion
// install` and `lektion play FILE` accept before anything is unpacked, and
// what `lektion pack` refuses to make. A zip file says how big its entries
// are before they are read; a zip bomb says little and unpacks to a lot, so
// every bound is checked on what is read too, not only on what is declared.
// (Bounds that more than one area meets are in base/limits.hpp; these are
// the package's own, as an entry of a package is not yet a course file.)
#pragma once

#include <cstddef>
#include <cstdint>

namespace lektion {

struct PackageLimits {
    std::uint64_t max_package_bytes = 256u << 20;  // the .lektion file itself
    std::uint64_t max_total_bytes = 512u << 20;    // all entries unpacked
    std::uint64_t max_entry_bytes = 64u << 20;     // one figure or lesson unpacked
    std::uint64_t max_entries = 4096;              // the bundled course has about 30
    // Unpacked / packed for an entry larger than ratio_floor: XML deflates
    // about 5:1, figures hardly at all; a megabyte of zeros, over 1000:1.
    std::uint64_t max_ratio = 100;
    std::uint64_t ratio_floor = 1u << 20;
    std::size_t max_name_bytes = 512;  // a whole entry name
    std::size_t max_depth = 16;        // folders in an entry name
    std::size_t max_manifest_bytes = 1u << 20;
};

}  // namespace lektion
