// The pieces of e^y that the engine's own tanh (tanh.h) and logistic functions (logistic.h) share.
// Branch-free and call-free, so a loop over a whole layer of them compiles to vector instructions; and
// every step is plain double arithmetic, so one value gives the same bits alone as inside that loop.
#pragma once
#include <bit>
#include <cstdint>

namespace bp::exp_parts {

inline constexpr double kLn2Hi = 0x1.62e42fee00000p-1;  // ln 2 = kLn2Hi + kLn2Lo; k·kLn2Hi is exact for |k| < 2^11
inline constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;
inline constexpr double kInvLn2 = 0x1.71547652b82fep0;
inline constexpr double kShifter = 0x1.8p52;  // adding it rounds to an integer, left in the low mantissa bits

// y = k·ln 2 + r with k = round(y / ln 2) and |r| ≤ ln2/2 (for |y| < 1000). `shifted` carries k in its
// low mantissa bits for scale().
struct Reduced {
    double r;
    double shifted;
};

inline Reduced reduce(double y) {
    const double shifted = y * kInvLn2 + kShifter;
    const double k = shifted - kShifter;
    return {(y - k * kLn2Hi) - k * kLn2Lo, shifted};
}

// e^r − 1 for |r| ≤ ln2/2: Taylor series to r¹³ (truncation < 0.1 ulp), full relative precision near 0.
inline double expm1_reduced(double r) {
    double q = 1.0 / 6227020800.0;  // 1/13!
    q = q * r + 1.0 / 479001600.0;  // 1/12!
    q = q * r + 1.0 / 39916800.0;
    q = q * r + 1.0 / 3628800.0;
    q = q * r + 1.0 / 362880.0;
    q = q * r + 1.0 / 40320.0;
    q = q * r + 1.0 / 5040.0;
    q = q * r + 1.0 / 720.0;
    q = q * r + 1.0 / 120.0;
    q = q * r + 1.0 / 24.0;
    q = q * r + 1.0 / 6.0;
    q = q * r + 0.5;
    return r + (r * r) * q;
}

// 2^(k + bias) built from k's bits (reduce's `shifted`): k moves into the exponent field. k + bias must lie
// in −1022 … 1023. Unsigned arithmetic wraps, so a negative k works too.
inline double scale(double shifted, int bias = 0) {
    const std::uint64_t k_bits = std::bit_cast<std::uint64_t>(shifted) - std::bit_cast<std::uint64_t>(kShifter);
    return std::bit_cast<double>((k_bits + static_cast<std::uint64_t>(1023 + bias)) << 52);
}

}  // namespace bp::exp_parts
