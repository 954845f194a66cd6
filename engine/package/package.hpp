// Course packages: one file (a zip, through libzip) holding a course folder
// under course/ and manifest.sha256, the SHA-256 of every file in
// sha256sum(1)'s format ("HEX  course/lektion1.xml"), so that
// `unzip x.lektion && sha256sum -c manifest.sha256` checks one by hand.
//
// Writing: pack_course() makes the bytes; the caller writes them (through
// the -o guard and the atomic write). Reading: unpack_package() checks every
// entry's name, kind and size against PackageLimits before it unpacks
// anything, then unpacks into a new folder of its own making, checking each
// file's checksum, and removes that folder again on any refusal. Nothing is
// ever written outside it: names with "..", absolute names, hidden names,
// links, devices, duplicates and files missing from the manifest are refused.
#pragma once

#include <filesystem>
#include <string>

#include "package/limits.hpp"

namespace lektion {

inline constexpr const char* package_manifest = "manifest.sha256";
inline constexpr const char* package_course_folder = "course";
inline constexpr const char* package_extension = ".lektion";

struct PackResult {
    std::string bytes;  // the zip file
    std::string error;  // one line; then `bytes` is empty
    std::size_t files = 0;
    std::uint64_t unpacked_bytes = 0;
};

// Every regular file of `course_dir` but hidden ones (.name: editor and lock
// files, interrupted writes). A link or anything but a file or folder is
// refused: a package holds what the course folder holds, not what it points at.
// Entries are sorted and dated from SOURCE_DATE_EPOCH (else 1980-01-01), so
// the same course makes the same bytes.
PackResult pack_course(const std::filesystem::path& course_dir, const PackageLimits& limits = {});

struct UnpackResult {
    std::filesystem::path folder;  // the new folder made for it; the course is folder/course
    std::string error;             // one line; then nothing is left on disk
    std::size_t files = 0;
};

// Unpacks `package` into a new folder made with mkdtemp(3) inside `parent`,
// whose name starts with `prefix`.
UnpackResult unpack_package(const std::filesystem::path& package, const std::filesystem::path& parent,
                            const std::string& prefix, const PackageLimits& limits = {});

}  // namespace lektion
