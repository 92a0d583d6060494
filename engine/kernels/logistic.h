// The logistic sigmoid and the logarithm of binary cross-entropy, of our own like tanh (tanh.h): branch-
// and call-free, so the output layer and the loss of a whole batch compile to vector instructions, and
// one value gives the same bits alone as inside that loop (stepper, passes and trainer agree bit for bit).
// Accuracy against long double is tested in tests/engine/test_logistic.cpp.
#pragma once
#include <cmath>
#include <cstddef>

#include "engine/kernels/exp_parts.h"

namespace bp {

// e^(−|z|), in [0, 1]: within 1 ulp while the result is a normal number; it rounds once into the
// subnormals and is 0 from |z| ≈ 745.2 on. Never overflows, whatever z is.
inline double exp_minus_abs(double z) {
    const double az = std::fabs(z);
    const exp_parts::Reduced y = exp_parts::reduce(-(746.0 < az ? 746.0 : az));  // k = −1076 … 0; NaN stays NaN
    // 2^(k + 54) is a normal number for every such k; the final × 2^−54 is exact unless the result is
    // subnormal, and then it is the one rounding.
    const double scale = exp_parts::scale(y.shifted, 54);
    return (scale * exp_parts::expm1_reduced(y.r) + scale) * 0x1p-54;
}

// log(1 + u) for 0 ≤ u ≤ 1. Write 1 + u = 2^j (1 + f) with f = u (j = 0), or from u = ½ on
// f = (u − 1)/2 (j = 1; exact, Sterbenz), so −¼ ≤ f < ½. Then log(1 + f) = 2·atanh(s) with
// s = f/(2 + f), rearranged as f − (f²/2 − s·(f²/2 + R)), R = 2s²/3 + 2s⁴/5 + … (to s²²): the exact f
// leads and the rounded parts are small beside it (the arrangement of fdlibm's log1p). A subnormal u
// comes back unchanged.
inline double log1p_unit(double u) {
    const bool high = u >= 0.5;
    const double f = high ? 0.5 * (u - 1.0) : u;
    const double s = f / (2.0 + f);
    const double s2 = s * s;
    double q = 2.0 / 23.0;
    q = q * s2 + 2.0 / 21.0;
    q = q * s2 + 2.0 / 19.0;
    q = q * s2 + 2.0 / 17.0;
    q = q * s2 + 2.0 / 15.0;
    q = q * s2 + 2.0 / 13.0;
    q = q * s2 + 2.0 / 11.0;
    q = q * s2 + 2.0 / 9.0;
    q = q * s2 + 2.0 / 7.0;
    q = q * s2 + 2.0 / 5.0;
    q = q * s2 + 2.0 / 3.0;
    const double half_f2 = 0.5 * f * f;
    const double log_1pf = f - (half_f2 - s * (half_f2 + s2 * q));
    return high ? exp_parts::kLn2Hi + (log_1pf + exp_parts::kLn2Lo) : log_1pf;
}

// σ(z) = 1/(1 + e^(−z)), evaluated as 1/(1 + e^(−|z|)) for z ≥ 0 and e^z/(1 + e^z) below: never an
// exponential of a large positive number, and σ(−800) is 0, not 0/∞.
inline double sigmoid_value(double z) {
    const double e = exp_minus_abs(z);
    return (z >= 0 ? 1.0 : e) / (1.0 + e);
}

// log(1 + e^(−|z|)), the part softplus(z) = max(z, 0) + log(1 + e^(−|z|)) shares with softplus(−z).
inline double softplus_tail_value(double z) { return log1p_unit(exp_minus_abs(z)); }

// σ′(z) = σ(z)σ(−z) = e/(1 + e)² with e = e^(−|z|). Taken from z, not from a = σ(z): a rounded a near 1
// leaves a(1 − a) only the few bits of 1 − a (at z = 30 it is off by 1e-3 relative). (1 + e)² written as
// 1 + e(2 + e) rounds less than squaring a rounded 1 + e: within 2.5 ulp of the exact value (2.19
// measured; 3.70 for e/(s·s)). Where e is subnormal the result is e, rounded once; 0 from |z| ≈ 745.1 on.
inline double sigmoid_derivative_value(double z) {
    const double e = exp_minus_abs(z);
    return e / (1.0 + e * (2.0 + e));
}

// a[i] = sigmoid_value(z[i]) for n values: the loop the compiler vectorises (AVX2 where the CPU has it).
void sigmoid_values(const double* z, double* a, std::size_t n);
// The same a[i], and fprime[i] = sigmoid_derivative_value(z[i]), in one loop: e^(−|z|) computed once for both.
void sigmoid_values_and_derivatives(const double* z, double* a, double* fprime, std::size_t n);

}  // namespace bp
