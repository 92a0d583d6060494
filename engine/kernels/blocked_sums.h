// The two sums every layer kernel of passes.cpp is made of, blocked so that the running totals stay in
// vector registers: kLanes outputs at a time, one vector of doubles, while the sum runs over its index.
// Each total still adds its terms in ascending order from 0 (0 + first term, so a −0 term gives +0), as
// the per-neuron kernels' loops do, so the numbers are the same bits as theirs.
#pragma once

namespace bp {

inline constexpr int kLanes = 8;  // outputs per full block: one AVX-512 register of doubles, two AVX2 ones

// out(s, p) = Σ_k m(k, p) · c(s, k), for s < S, p < P: S weighted combinations of the K rows of m; then
// + bias(p) when bias is not null, then × factor(s, p) when factor is not null. m is K×P, c is S×K,
// factor and out are S×P, all row-major.
void combine_rows(const double* m, int K, int P, const double* c, int S, const double* bias, const double* factor,
                  double* out);

// out(s, p) = Σ_k m(p, k) · c(s, k) (+ bias(p) after the sum when bias is not null), for s < S, p < P:
// the dot products of every row of m with every row of c, as combine_rows would give them for the
// transpose of m, without a copy of it (each block's column of m is gathered: for a few samples). m is P×K.
void dot_rows(const double* m, int P, int K, const double* c, int S, const double* bias, double* out);

// out(q, p) = Σ_n v(n, q) · u(n, p) for q < Q, p < P: the sum over n of the outer products of rows
// of v and u. u is N×P, v is N×Q, out is Q×P, all row-major.
void accumulate_outer(const double* u, int P, const double* v, int Q, int N, double* out);

// out(p) = Σ_n u(n, p) for p < P: the column sums of u (N×P, row-major), each added from 0 in ascending n.
void sum_rows(const double* u, int P, int N, double* out);

}  // namespace bp
