// tanh of our own, written so that a loop over a whole layer compiles to vector instructions.
// glibc's tanh is a scalar call (≈ 9 ns) and was most of a full-batch training step; this one is
// within 3 ulp of the exact value (2.5 at worst in tests/engine/test_tanh.cpp, against long double),
// increasing, and gives the same bits on one value as inside a vectorised loop, so the stepper, the
// batch passes and the trainer agree bit for bit.
#pragma once
#include <cmath>
#include <cstddef>

#include "engine/kernels/exp_parts.h"

namespace bp {

namespace tanh_parts {

// From |x| = 354.5 on, tanh(x) is ±1 and tanh′(x) < 4.9e-308 (the smallest normal double is 2.2e-308);
// up to there E = e^(2|x|) − 1 is finite and 2/(E + 2) a normal number.
inline constexpr double kLargestAbs = 354.5;

// E = e^(2|x|) − 1 for ax = |x| (at most kLargestAbs): e^r − 1 of a reduced r = 2|x| − k·ln2 (|r| ≤ ln2/2,
// Taylor series to r¹³, error < 0.1 ulp) scaled by 2^k, so it keeps full relative precision for small x.
inline double expm1_twice(double ax) {
    const exp_parts::Reduced y = exp_parts::reduce(2.0 * (kLargestAbs < ax ? kLargestAbs : ax));  // k = 0 … 1023
    const double scale = exp_parts::scale(y.shifted);
    return scale * exp_parts::expm1_reduced(y.r) + (scale - 1.0);  // e^y − 1 = 2^k (e^r − 1) + (2^k − 1)
}

}  // namespace tanh_parts

// tanh(x) = E / (E + 2) with E = e^(2|x|) − 1 (tanh_parts), the sign put back at the end. A NaN stays a NaN.
inline double tanh_value(double x) {
    const double e = tanh_parts::expm1_twice(std::fabs(x));
    // e/(e + 2) keeps the relative precision of small results; from e = 4 (|x| ≈ 0.8) on, 1 − 2/(e + 2)
    // rounds once near 1, which keeps tanh increasing where the result is a few ulp below 1 (and is 1 from
    // |x| ≈ 19.06 on). One division serves both (a vector computes every lane's both sides; division is
    // the slow part).
    const bool small = e < 4.0;
    const double q = (small ? e : 2.0) / (e + 2.0);
    const double t = small ? q : 1.0 - q;
    return std::copysign(t, x);
}

// tanh′(x) = 1 − tanh²(x) = sech²(x) = q(2 − q) with q = 2/(E + 2) = 2u/(1 + u), u = e^(−2|x|): so
// 4u/(1 + u)², from tanh's own E (a loop computing both, tanh_values_and_derivatives, finds E once). From x,
// not from t = tanh(x): 1 − t² of a rounded t near ±1 keeps only the few bits of 1 − |t| (at x = 15 it
// is off by 1.7e-4 relative). Within 3 ulp of the exact value (2.61 measured); 0 from |x| = 354.5 on.
inline double tanh_derivative_value(double x) {
    const double ax = std::fabs(x);
    const double q = 2.0 / (tanh_parts::expm1_twice(ax) + 2.0);
    return tanh_parts::kLargestAbs < ax ? 0.0 : q * (2.0 - q);  // a NaN stays a NaN
}

// a[i] = tanh_value(z[i]) for n values: the loop the compiler vectorises (AVX2 where the CPU has it).
void tanh_values(const double* z, double* a, std::size_t n);
// The same a[i], and fprime[i] = tanh_derivative_value(z[i]), in one loop: E computed once for both.
void tanh_values_and_derivatives(const double* z, double* a, double* fprime, std::size_t n);

}  // namespace bp
