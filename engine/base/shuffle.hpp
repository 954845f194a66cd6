// Deterministic shuffling: the same seed gives the same order on every
// machine. std::shuffle's algorithm is left to the library, so a recorded
// attempt could not be replayed elsewhere; this Fisher–Yates over
// std::mt19937_64 (fully specified by the standard) can.
#pragma once

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace lektion {

template <class T>
void shuffle(std::vector<T>& items, std::mt19937_64& rng) {
    for (std::size_t i = items.size(); i > 1; --i) {
        // Rejection sampling keeps every index equally likely.
        const std::uint64_t n = i;
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        std::uint64_t r;
        do r = rng();
        while (r >= limit);
        std::swap(items[i - 1], items[static_cast<std::size_t>(r % n)]);
    }
}

// A seed from the system's entropy source, for a new quiz attempt.
std::uint64_t fresh_seed();

}  // namespace lektion
