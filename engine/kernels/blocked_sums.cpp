// Blocked sums (see blocked_sums.h), written with GCC's vector extension: a `Lanes` value is kLanes
// doubles that every + and × treats lane by lane (one AVX-512 instruction, two AVX2 or four SSE2 ones,
// whichever clone runs), so the running totals stay in registers across the loop over k or n. Each lane
// does exactly the per-neuron kernel's operations on its own output, so the bits are the same. (The
// previous loops of runtime length n paid their overhead per sample, more than the arithmetic for layers
// of 8; left to itself, GCC vectorised the wrong loop of the blocked version.)
#include "engine/kernels/blocked_sums.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <vector>

#include "engine/kernels/vector_clones.h"

namespace bp {
namespace {

using Lanes = double __attribute__((vector_size(kLanes * sizeof(double))));

// Columns first … first + width − 1 of a rows×cols matrix, zero-padded to kLanes columns, as a
// rows×kLanes block: every row of it is one full Lanes, whatever the matrix's width.
void copy_panel(const double* m, int rows, int cols, int first, int width, std::vector<double>& panel) {
    panel.assign(static_cast<std::size_t>(rows) * kLanes, 0.0);
    for (int r = 0; r < rows; ++r)
        std::copy_n(m + static_cast<std::size_t>(r) * cols + first, width, panel.data() + static_cast<std::size_t>(r) * kLanes);
}

// Where the kLanes columns from `first` of a rows×cols matrix can be read as whole Lanes: in place when
// they are all inside the matrix, else from a zero-padded copy (so no read runs past a row). Sets stride.
const double* lanes_block(const double* m, int rows, int cols, int first, std::vector<double>& panel, int& stride) {
    if (first + kLanes <= cols) {
        stride = cols;
        return m + first;
    }
    copy_panel(m, rows, cols, first, cols - first, panel);
    stride = kLanes;
    return panel.data();
}

// The first `width` lanes of v to out[0 … width − 1].
[[gnu::always_inline]] inline void store_lanes(double* out, const Lanes& v, int width) {
    if (width == kLanes)
        std::memcpy(out, &v, sizeof v);
    else
        std::memcpy(out, &v, sizeof(double) * static_cast<std::size_t>(width));
}

// R samples of combine_rows for one block of kLanes columns (block: K rows, stride `stride`): each row
// of the block is loaded once for all R, and the R totals are independent, so they overlap in the CPU.
// The bias b (zeros when there is none) is added after the sum.
template <int R>
[[gnu::always_inline]] inline void combine_block(const double* block, int stride, int K, const double* c, const Lanes& b,
                                                 double* out, int P, int width) {
    Lanes row, acc[R];
    std::memcpy(&row, block, sizeof row);
    for (int r = 0; r < R; ++r) acc[r] = 0.0 + row * c[static_cast<std::size_t>(r) * K];
    for (int k = 1; k < K; ++k) {
        std::memcpy(&row, block + static_cast<std::size_t>(k) * stride, sizeof row);
        for (int r = 0; r < R; ++r) acc[r] += row * c[static_cast<std::size_t>(r) * K + k];
    }
    for (int r = 0; r < R; ++r) store_lanes(out + static_cast<std::size_t>(r) * P, acc[r] + b, width);
}

// R rows of accumulate_outer's output for one block of kLanes columns (u_block: N rows, stride
// u_stride). R ≤ 4 keeps 4 × kLanes totals in the 16 AVX2 registers.
template <int R>
[[gnu::always_inline]] inline void outer_block(const double* u_block, int u_stride, const double* v, int Q, int N,
                                               double* out, int P, int width) {
    Lanes acc[R] = {};
    for (int n = 0; n < N; ++n) {
        Lanes un;
        std::memcpy(&un, u_block + static_cast<std::size_t>(n) * u_stride, sizeof un);
        const double* vn = v + static_cast<std::size_t>(n) * Q;
        for (int r = 0; r < R; ++r) acc[r] += vn[r] * un;
    }
    for (int r = 0; r < R; ++r) store_lanes(out + static_cast<std::size_t>(r) * P, acc[r], width);
}

}  // namespace

BP_VECTOR_CLONES void combine_rows(const double* m, int K, int P, const double* c, int S, const double* bias,
                                   double* out) {
    thread_local std::vector<double> panel, bias_panel;
    for (int p0 = 0; p0 < P; p0 += kLanes) {
        const int width = std::min(kLanes, P - p0);
        int stride = 0, unused = 0;
        const double* block = lanes_block(m, K, P, p0, panel, stride);
        Lanes b = {};
        if (bias) std::memcpy(&b, lanes_block(bias, 1, P, p0, bias_panel, unused), sizeof b);
        for (int s0 = 0; s0 < S; s0 += 4) {
            const double* cs = c + static_cast<std::size_t>(s0) * K;
            double* o = out + static_cast<std::size_t>(s0) * P + p0;
            switch (std::min(4, S - s0)) {
                case 4: combine_block<4>(block, stride, K, cs, b, o, P, width); break;
                case 3: combine_block<3>(block, stride, K, cs, b, o, P, width); break;
                case 2: combine_block<2>(block, stride, K, cs, b, o, P, width); break;
                default: combine_block<1>(block, stride, K, cs, b, o, P, width); break;
            }
        }
    }
}

BP_VECTOR_CLONES void accumulate_outer(const double* u, int P, const double* v, int Q, int N, double* out) {
    thread_local std::vector<double> panel;
    for (int p0 = 0; p0 < P; p0 += kLanes) {
        const int width = std::min(kLanes, P - p0);
        int stride = 0;
        const double* block = lanes_block(u, N, P, p0, panel, stride);
        for (int q0 = 0; q0 < Q; q0 += 4) {
            double* o = out + static_cast<std::size_t>(q0) * P + p0;
            switch (std::min(4, Q - q0)) {
                case 4: outer_block<4>(block, stride, v + q0, Q, N, o, P, width); break;
                case 3: outer_block<3>(block, stride, v + q0, Q, N, o, P, width); break;
                case 2: outer_block<2>(block, stride, v + q0, Q, N, o, P, width); break;
                default: outer_block<1>(block, stride, v + q0, Q, N, o, P, width); break;
            }
        }
    }
}

}  // namespace bp
