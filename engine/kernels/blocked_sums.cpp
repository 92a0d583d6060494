// Blocked sums (see blocked_sums.h), written with GCC's vector extension: a Lanes<W> value is W doubles
// that every + and × treats lane by lane, so the running totals stay in registers across the loop over k
// or n. The P outputs of a row are cut into blocks of 8 lanes, then one block each of 4, 2 and 1 for the
// rest (P = 11 is 8 + 2 + 1), so every block reads its columns in place: no padding, no copies, and a
// 1-neuron layer costs one scalar per term rather than a mostly empty 8-wide vector. Each lane does exactly
// the per-neuron kernel's operations on its own output, so the bits are the same whatever the width.
// (Left to itself, GCC vectorised the wrong loop of the blocked version: hence the explicit vector type.)
#include "engine/kernels/blocked_sums.h"

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "engine/kernels/vector_clones.h"

namespace bp {
namespace {

template <int W>
struct LanesOf {
    typedef double type __attribute__((vector_size(W * sizeof(double))));  // (GCC drops it from a `using`)
};
template <>
struct LanesOf<1> {
    using type = double;
};
// W doubles: one AVX-512 register for W = 8, an AVX2 one for 4, an SSE2 one for 2, a scalar for 1.
template <int W>
using Lanes = typename LanesOf<W>::type;
static_assert(sizeof(Lanes<8>) == 8 * sizeof(double) && sizeof(Lanes<2>) == 2 * sizeof(double));

// Vectors pass by reference: a 64-byte vector argument or result changes the ABI without AVX-512 (-Wpsabi).
template <int W>
[[gnu::always_inline]] inline void load(Lanes<W>& v, const double* p) {
    std::memcpy(&v, p, sizeof v);
}

template <int W>
[[gnu::always_inline]] inline void store(double* p, const Lanes<W>& v) {
    std::memcpy(p, &v, sizeof v);
}

// R samples of combine_rows for the W columns from m (rows of stride P, K of them): each row piece is
// loaded once for all R, and the R totals are independent, so they overlap in the CPU. The bias (when
// not null, its W values from `bias`) is added after the sum; then each total is multiplied by its
// factor (when not null, R rows of stride P from `factor`), so every output is stored once.
template <int R, int W>
[[gnu::always_inline]] inline void combine_block(const double* m, int P, int K, const double* c, const double* bias,
                                                 const double* factor, double* out) {
    Lanes<W> row, acc[R];
    load<W>(row, m);
    for (int r = 0; r < R; ++r) acc[r] = 0.0 + row * c[static_cast<std::size_t>(r) * K];
    for (int k = 1; k < K; ++k) {
        load<W>(row, m + static_cast<std::size_t>(k) * P);
        for (int r = 0; r < R; ++r) acc[r] += row * c[static_cast<std::size_t>(r) * K + k];
    }
    if (bias) {
        Lanes<W> b;
        load<W>(b, bias);
        for (int r = 0; r < R; ++r) acc[r] += b;
    }
    if (factor) {
        Lanes<W> f;
        for (int r = 0; r < R; ++r) {
            load<W>(f, factor + static_cast<std::size_t>(r) * P);
            acc[r] *= f;
        }
    }
    for (int r = 0; r < R; ++r) store<W>(out + static_cast<std::size_t>(r) * P, acc[r]);
}

// combine_rows for the W columns from p0, every sample, 4 samples at a time.
template <int W>
[[gnu::always_inline]] inline void combine_columns(const double* m, int K, int P, int p0, const double* c, int S,
                                                   const double* bias, const double* factor, double* out) {
    const double* b = bias ? bias + p0 : nullptr;
    for (int s0 = 0; s0 < S; s0 += 4) {
        const double* cs = c + static_cast<std::size_t>(s0) * K;
        const std::size_t at = static_cast<std::size_t>(s0) * P + p0;
        const double* f = factor ? factor + at : nullptr;
        switch (std::min(4, S - s0)) {
            case 4: combine_block<4, W>(m + p0, P, K, cs, b, f, out + at); break;
            case 3: combine_block<3, W>(m + p0, P, K, cs, b, f, out + at); break;
            case 2: combine_block<2, W>(m + p0, P, K, cs, b, f, out + at); break;
            default: combine_block<1, W>(m + p0, P, K, cs, b, f, out + at); break;
        }
    }
}

// v[i] = p[i · stride] for the W lanes.
template <int W>
[[gnu::always_inline]] inline void gather(Lanes<W>& v, const double* p, int stride) {
    if constexpr (W == 1) {
        v = p[0];
    } else {
        for (int i = 0; i < W; ++i) v[i] = p[static_cast<std::size_t>(i) * stride];
    }
}

// The 8 × 8 block of m from m (rows of stride K) transposed in registers, col[k][i] = m(i, k): three rounds
// of two-vector shuffles, 24 in all, instead of 64 single loads.
[[gnu::always_inline]] inline void transpose_block(const double* m, int K, Lanes<8> (&col)[8]) {
    Lanes<8> r[8], a[8], b[8];
    for (int i = 0; i < 8; ++i) load<8>(r[i], m + static_cast<std::size_t>(i) * K);
    for (int i = 0; i < 8; i += 2) {  // rows i, i + 1 interleaved: their columns 0, 2, 4, 6 and 1, 3, 5, 7
        a[i] = __builtin_shufflevector(r[i], r[i + 1], 0, 8, 2, 10, 4, 12, 6, 14);
        a[i + 1] = __builtin_shufflevector(r[i], r[i + 1], 1, 9, 3, 11, 5, 13, 7, 15);
    }
    for (int i = 0; i < 8; i += 4)  // four rows' values of columns (0, 4), (2, 6), (1, 5) and (3, 7)
        for (int j = 0; j < 2; ++j) {
            b[i + 2 * j] = __builtin_shufflevector(a[i + j], a[i + j + 2], 0, 1, 8, 9, 4, 5, 12, 13);
            b[i + 2 * j + 1] = __builtin_shufflevector(a[i + j], a[i + j + 2], 2, 3, 10, 11, 6, 7, 14, 15);
        }
    constexpr int first_column[4] = {0, 2, 1, 3};  // b[i] and b[i + 4] hold columns first_column[i] and + 4
    for (int i = 0; i < 4; ++i) {
        col[first_column[i]] = __builtin_shufflevector(b[i], b[i + 4], 0, 1, 2, 3, 8, 9, 10, 11);
        col[first_column[i] + 4] = __builtin_shufflevector(b[i], b[i + 4], 4, 5, 6, 7, 12, 13, 14, 15);
    }
}

// dot_rows for the W rows of m from p0 and one sample c (K values): the sum over k ascending, each term a
// column of the block (transposed in registers 8 at a time in a full block, else gathered one by one).
template <int W>
[[gnu::always_inline]] inline void dot_block(const double* m, int K, const double* c, const double* bias, double* out) {
    Lanes<W> col = {}, acc = {};
    int k = 0;
    if constexpr (W == kLanes) {
        for (; k + kLanes <= K; k += kLanes) {
            Lanes<kLanes> cols[kLanes];
            transpose_block(m + k, K, cols);
            for (int i = 0; i < kLanes; ++i) acc = (k + i == 0 ? Lanes<W>{} : acc) + cols[i] * c[k + i];
        }
    }
    for (; k < K; ++k) {  // 0 + the first term, as the per-neuron loop adds it
        gather<W>(col, m + k, K);
        acc = (k == 0 ? Lanes<W>{} : acc) + col * c[k];
    }
    if (bias) {
        Lanes<W> b;
        load<W>(b, bias);
        acc += b;
    }
    store<W>(out, acc);
}

template <int W>
[[gnu::always_inline]] inline void dot_columns(const double* m, int P, int K, int p0, const double* c, int S,
                                               const double* bias, double* out) {
    for (int s = 0; s < S; ++s)
        dot_block<W>(m + static_cast<std::size_t>(p0) * K, K, c + static_cast<std::size_t>(s) * K, bias ? bias + p0 : nullptr,
                     out + static_cast<std::size_t>(s) * P + p0);
}

// R rows of accumulate_outer's output for the W columns from u (N rows of stride P). R ≤ 4 keeps 4 × 8
// totals in the 16 AVX2 registers.
template <int R, int W>
[[gnu::always_inline]] inline void outer_block(const double* u, int P, const double* v, int Q, int N, double* out) {
    Lanes<W> acc[R] = {};
    for (int n = 0; n < N; ++n) {
        Lanes<W> un;
        load<W>(un, u + static_cast<std::size_t>(n) * P);
        const double* vn = v + static_cast<std::size_t>(n) * Q;
        for (int r = 0; r < R; ++r) acc[r] += vn[r] * un;
    }
    for (int r = 0; r < R; ++r) store<W>(out + static_cast<std::size_t>(r) * P, acc[r]);
}

// accumulate_outer for the W columns from p0, every output row, 4 rows at a time.
template <int W>
[[gnu::always_inline]] inline void outer_columns(const double* u, int P, int p0, const double* v, int Q, int N,
                                                 double* out) {
    for (int q0 = 0; q0 < Q; q0 += 4) {
        double* o = out + static_cast<std::size_t>(q0) * P + p0;
        switch (std::min(4, Q - q0)) {
            case 4: outer_block<4, W>(u + p0, P, v + q0, Q, N, o); break;
            case 3: outer_block<3, W>(u + p0, P, v + q0, Q, N, o); break;
            case 2: outer_block<2, W>(u + p0, P, v + q0, Q, N, o); break;
            default: outer_block<1, W>(u + p0, P, v + q0, Q, N, o); break;
        }
    }
}

// sum_rows for the W columns from p0.
template <int W>
[[gnu::always_inline]] inline void sum_columns(const double* u, int P, int p0, int N, double* out) {
    Lanes<W> acc = {}, un;
    for (int n = 0; n < N; ++n) {
        load<W>(un, u + static_cast<std::size_t>(n) * P + p0);
        acc += un;
    }
    store<W>(out + p0, acc);
}

}  // namespace

BP_VECTOR_CLONES void combine_rows(const double* m, int K, int P, const double* c, int S, const double* bias,
                                   const double* factor, double* out) {
    int p0 = 0;
    for (; p0 + kLanes <= P; p0 += kLanes) combine_columns<kLanes>(m, K, P, p0, c, S, bias, factor, out);
    if (P - p0 >= 4) combine_columns<4>(m, K, P, p0, c, S, bias, factor, out), p0 += 4;
    if (P - p0 >= 2) combine_columns<2>(m, K, P, p0, c, S, bias, factor, out), p0 += 2;
    if (P - p0 >= 1) combine_columns<1>(m, K, P, p0, c, S, bias, factor, out);
}

BP_VECTOR_CLONES void dot_rows(const double* m, int P, int K, const double* c, int S, const double* bias, double* out) {
    int p0 = 0;
    for (; p0 + kLanes <= P; p0 += kLanes) dot_columns<kLanes>(m, P, K, p0, c, S, bias, out);
    if (P - p0 >= 4) dot_columns<4>(m, P, K, p0, c, S, bias, out), p0 += 4;
    if (P - p0 >= 2) dot_columns<2>(m, P, K, p0, c, S, bias, out), p0 += 2;
    if (P - p0 >= 1) dot_columns<1>(m, P, K, p0, c, S, bias, out);
}

BP_VECTOR_CLONES void accumulate_outer(const double* u, int P, const double* v, int Q, int N, double* out) {
    int p0 = 0;
    for (; p0 + kLanes <= P; p0 += kLanes) outer_columns<kLanes>(u, P, p0, v, Q, N, out);
    if (P - p0 >= 4) outer_columns<4>(u, P, p0, v, Q, N, out), p0 += 4;
    if (P - p0 >= 2) outer_columns<2>(u, P, p0, v, Q, N, out), p0 += 2;
    if (P - p0 >= 1) outer_columns<1>(u, P, p0, v, Q, N, out);
}

BP_VECTOR_CLONES void sum_rows(const double* u, int P, int N, double* out) {
    int p0 = 0;
    for (; p0 + kLanes <= P; p0 += kLanes) sum_columns<kLanes>(u, P, p0, N, out);
    if (P - p0 >= 4) sum_columns<4>(u, P, p0, N, out), p0 += 4;
    if (P - p0 >= 2) sum_columns<2>(u, P, p0, N, out), p0 += 2;
    if (P - p0 >= 1) sum_columns<1>(u, P, p0, N, out);
}

}  // namespace bp
