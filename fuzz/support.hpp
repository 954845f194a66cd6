// Shared by the libFuzzer targets: a scratch folder (on /dev/shm when it
// exists, so that writing each input costs no disk I/O), file writing, and the
// invariant every loaded course must keep: each path it names resolves inside
// the course folder.
#pragma once

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "course/model.hpp"
#include "course/text.hpp"
#include "load/visit.hpp"

namespace lektion::fuzz {

namespace fs = std::filesystem;

// A fresh folder per process (libFuzzer -fork/-jobs run several at once).
inline fs::path scratch(const char* name) {
    const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    const fs::path dir = base / (std::string("lektion-fuzz-") + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

inline void write(const fs::path& path, std::string_view text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", path.c_str());
        std::abort();
    }
}

// Aborts (a libFuzzer crash, with the input saved) when `rel` leads outside `dir`.
inline void must_stay_inside(const fs::path& dir, const std::string& rel, const char* what) {
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(dir, ec);
    const fs::path real = fs::weakly_canonical(dir / rel, ec);
    auto r = root.begin();
    auto p = real.begin();
    for (; r != root.end(); ++r, ++p) {
        if (p == real.end() || *p != *r) {
            std::fprintf(stderr, "fuzz: %s '%s' resolves to %s, outside %s\n", what, rel.c_str(),
                         real.c_str(), root.c_str());
            std::abort();
        }
    }
}

inline void check_blocks(const fs::path& dir, const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
        if (b.kind == BlockKind::figure) must_stay_inside(dir, b.src, "figure");
        check_blocks(dir, b.children);
    }
}

inline void check_paths(const fs::path& dir, const Course& c) {
    for (const Section& s : c.start) check_blocks(dir, s.blocks);
    for (const Lesson& l : c.lessons) {
        must_stay_inside(dir, l.file, "lesson file");
        for (const Section& s : l.sections) check_blocks(dir, s.blocks);
    }
    if (c.quiz) must_stay_inside(dir, c.quiz->file, "quiz file");
}

// A course that loads holds no character that may not reach a file or a
// terminal, whatever references or bytes the input tried.
inline void check_characters(const Course& c) {
    for_each_text(c, [](const Text& t, const UnitContext&) {
        for (const Span& span : t.spans)
            if (find_control_character(span.text) || find_invalid_utf8(span.text)) {
                std::fprintf(stderr, "a loaded text holds a forbidden character: %s\n", t.id.c_str());
                std::abort();
            }
    });
}

// The first bytes of a PNG of 2×2 pixels: what lint's header probe reads.
inline std::string png_header() {
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x02\0\0\0\x02\x08\x06\0\0\0", 29);
    return png + std::string(4, '\0') + std::string(32, '\0');
}

}  // namespace lektion::fuzz
