// tanh of our own, written so that a loop over a whole layer compiles to vector instructions.
// glibc's tanh is a scalar call (≈ 9 ns) and was most of a full-batch training step; this one is
// within 3 ulp of the exact value (2.5 at worst in tests/engine/test_tanh.cpp, against long double),
// increasing, and gives the same bits on one value as inside a vectorised loop, so the stepper, the
// batch passes and the trainer agree bit for bit.
#pragma once
#include <cmath>
#include <cstddef>

#include "engine/exp_parts.h"
#include "engine/logistic.h"

namespace bp {

// tanh(x) = E / (E + 2) with E = e^(2|x|) − 1, the sign put back at the end. E is e^r − 1 of a reduced
// r = 2|x| − k·ln2 (|r| ≤ ln2/2, Taylor series to r¹³, error < 0.1 ulp) scaled by 2^k, so it keeps
// full relative precision for small x, where tanh(x) ≈ x.
inline double tanh_value(double x) {
    // tanh(x) rounds to ±1 from |x| ≈ 19.06 on; clamping there keeps 2^k finite. A NaN stays a NaN.
    const double ax = std::fabs(x);
    const exp_parts::Reduced y = exp_parts::reduce(2.0 * (20.0 < ax ? 20.0 : ax));  // k = 0 … 58
    const double scale = exp_parts::scale(y.shifted);
    const double e = scale * exp_parts::expm1_reduced(y.r) + (scale - 1.0);  // e^y − 1 = 2^k (e^r − 1) + (2^k − 1)
    // e/(e + 2) keeps the relative precision of small results; from e = 4 (|x| ≈ 0.8) on, 1 − 2/(e + 2)
    // rounds once near 1, which keeps tanh increasing where the result is a few ulp below 1. One
    // division serves both (a vector computes every lane's both sides; division is the slow part).
    const bool small = e < 4.0;
    const double q = (small ? e : 2.0) / (e + 2.0);
    const double t = small ? q : 1.0 - q;
    return std::copysign(t, x);
}

// tanh′(x) = 1 − tanh²(x) = sech²(x) = 4u/(1 + u)² with u = e^(−2|x|) (= 4σ′(2x)), from x: 1 − t² of a
// rounded t near ±1 keeps only the few bits of 1 − |t| (at x = 15 it is off by 1.7e-4 relative). 4u comes
// from exp_minus_abs<2>, so it is rounded once even where it is subnormal; (1 + u)² is written
// 1 + u(2 + u) as in sigmoid_derivative_value. Within 2.5 ulp of the exact value (2.29 measured); 0 from
// |x| ≈ 373.3 on.
inline double tanh_derivative_value(double x) {
    const double four_u = exp_minus_abs<2>(2.0 * x);  // 2x is exact (or ±∞, which gives 0)
    const double u = 0.25 * four_u;
    return four_u / (1.0 + u * (2.0 + u));
}

// a[i] = tanh_value(z[i]) for n values: the loop the compiler vectorises (AVX2 where the CPU has it).
void tanh_values(const double* z, double* a, std::size_t n);

}  // namespace bp
