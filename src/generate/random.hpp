// The generator's own random numbers. Standard distributions are
// implementation-defined, so every draw here is plain integer arithmetic on
// xoshiro256** output: the same seed gives the same population on any
// compiler and standard library.
#pragma once

#include <jadwal/model/random.hpp>

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace jadwal::generate::detail {

using jadwal::detail::splitmix64;

/// A seed for stream `stream` (a purpose such as "employees") and item `index`,
/// so that adding draws in one part never shifts the numbers of another.
[[nodiscard]] constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t stream, std::uint64_t index = 0) {
    std::uint64_t s = seed;
    std::uint64_t a = splitmix64(s);
    s = a ^ (stream * 0xd1b54a32d192ed03ULL);
    std::uint64_t b = splitmix64(s);
    s = b ^ (index * 0x8cb92ba72f3d8dd7ULL);
    return splitmix64(s);
}

/// The generator's draws from the library's xoshiro256**, exactly uniform
/// (rejection), so a population does not depend on a bias however small.
class rng : public jadwal::detail::xoshiro256 {
public:
    using xoshiro256::xoshiro256;

    /// Uniform in [0, n); n > 0. Rejection keeps it exactly uniform.
    constexpr std::uint64_t below(std::uint64_t n) {
        const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold) return r % n;
        }
    }

    /// Uniform integer in [lo, hi] (inclusive); lo <= hi.
    constexpr int between(int lo, int hi) {
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

    /// True with probability per_mille / 1000.
    constexpr bool chance(int per_mille) { return static_cast<int>(below(1000)) < per_mille; }

    /// An index drawn with the given non-negative integer weights (not all zero).
    std::size_t weighted(std::span<const int> weights) {
        std::uint64_t total = 0;
        for (int w : weights) total += static_cast<std::uint64_t>(w);
        std::uint64_t r = below(total);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            const auto w = static_cast<std::uint64_t>(weights[i]);
            if (r < w) return i;
            r -= w;
        }
        return weights.size() - 1;
    }

    template <class T>
    const T& pick(std::span<const T> items) {
        return items[below(items.size())];
    }

    /// Fisher-Yates.
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) {
            const std::size_t j = below(i);
            std::swap(v[i - 1], v[j]);
        }
    }
};

}  // namespace jadwal::generate::detail
