// Portable pseudo-random numbers: xoshiro256** (Blackman and Vigna) seeded
// through splitmix64, so a seed gives the same stream on every compiler and
// standard library (std:: distributions are implementation-defined). The
// solver, the attendance simulation and the scenario generator all draw from
// this one generator. Header-only.
#pragma once

#include <cstdint>

namespace jadwal::detail {

/// One step of splitmix64; also used to derive independent seeds.
[[nodiscard]] constexpr std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// The raw generator: 64 random bits per call.
class xoshiro256 {
public:
    explicit constexpr xoshiro256(std::uint64_t seed = 1) { reseed(seed); }

    constexpr void reseed(std::uint64_t seed) {
        std::uint64_t x = seed;
        for (auto& w : s_) w = splitmix64(x);
    }

    constexpr std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4]{};
};

/// The solver's draws: fast, with a bias below 2^-32 for the ranges it uses.
class rng : public xoshiro256 {
public:
    using xoshiro256::xoshiro256;

    /// Uniform in [0, n); n > 0. Lemire's multiply-shift.
    constexpr std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }
    /// Uniform in [lo, hi]; lo <= hi.
    constexpr int between(int lo, int hi) {
        return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1)));
    }
    /// True with probability num/den.
    constexpr bool chance(std::uint32_t num, std::uint32_t den) { return below(den) < num; }
    /// Uniform in [0, 1).
    constexpr double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

/// A stable 64-bit mix of two integers, for seeds of sub-streams and deterministic tie-breaks.
[[nodiscard]] constexpr std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    std::uint64_t x = a * 0x9e3779b97f4a7c15ULL + b;
    return splitmix64(x);
}

}  // namespace jadwal::detail
