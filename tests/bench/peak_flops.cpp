// The machine's single-core floating-point ceilings, measured (part of engine_bench): tight loops of
// independent multiply-adds with AVX-512 / AVX2 FMA (the hardware peak), with baseline SSE2 mul + add
// (the widest the default x86-64 build may use), and a strict-order dot product of 64 doubles (the shape
// of the engine's z = Σ_k w_jk a_k kernel, one dependent add after another). Counters: FLOP/s.
#include <benchmark/benchmark.h>
#include <immintrin.h>

#include <vector>

namespace {

constexpr int kChains = 12;  // independent accumulators: hide the FMA latency, fit in 16 vector registers
constexpr long kRounds = 4096;  // multiply-adds per chain per benchmark iteration

// acc ← acc · m + c converges to c / (1 − m), so the values never overflow nor become denormal.
__attribute__((target("avx512f"))) double fma_avx512(double mult) {
    __m512d acc[kChains];
    for (__m512d& a : acc) a = _mm512_set1_pd(1.0);
    const __m512d m = _mm512_set1_pd(mult), c = _mm512_set1_pd(1e-6);
    for (long r = 0; r < kRounds; ++r)
        for (__m512d& a : acc) a = _mm512_fmadd_pd(a, m, c);
    double out[8];
    __m512d sum = acc[0];
    for (int i = 1; i < kChains; ++i) sum = _mm512_add_pd(sum, acc[i]);
    _mm512_storeu_pd(out, sum);
    return out[0] + out[1] + out[2] + out[3] + out[4] + out[5] + out[6] + out[7];
}

__attribute__((target("avx2,fma"))) double fma_avx2(double mult) {
    __m256d acc[kChains];
    for (__m256d& a : acc) a = _mm256_set1_pd(1.0);
    const __m256d m = _mm256_set1_pd(mult), c = _mm256_set1_pd(1e-6);
    for (long r = 0; r < kRounds; ++r)
        for (__m256d& a : acc) a = _mm256_fmadd_pd(a, m, c);
    double out[4];
    __m256d sum = acc[0];
    for (int i = 1; i < kChains; ++i) sum = _mm256_add_pd(sum, acc[i]);
    _mm256_storeu_pd(out, sum);
    return out[0] + out[1] + out[2] + out[3];
}

double mul_add_sse2(double mult) {
    __m128d acc[kChains];
    for (__m128d& a : acc) a = _mm_set1_pd(1.0);
    const __m128d m = _mm_set1_pd(mult), c = _mm_set1_pd(1e-6);
    for (long r = 0; r < kRounds; ++r)
        for (__m128d& a : acc) a = _mm_add_pd(_mm_mul_pd(a, m), c);
    double out[2];
    __m128d sum = acc[0];
    for (int i = 1; i < kChains; ++i) sum = _mm_add_pd(sum, acc[i]);
    _mm_storeu_pd(out, sum);
    return out[0] + out[1];
}

void bm_peak(benchmark::State& state, double (*kernel)(double), double doubles_per_op, bool supported) {
    if (!supported) {
        state.SkipWithError("this CPU lacks the instruction set");
        return;
    }
    double mult = 0.999999;
    for (auto _ : state) {
        benchmark::DoNotOptimize(mult);  // an opaque input: the loop cannot be hoisted or folded
        benchmark::DoNotOptimize(kernel(mult));
    }
    const double flops = 2.0 * doubles_per_op * kChains * kRounds;  // one multiply and one add per lane
    state.counters["FLOP/s"] =
        benchmark::Counter(flops * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// s = Σ_k w_k a_k over 64 entries in order k = 0..63, as weighted_input does.
void bm_strict_dot(benchmark::State& state) {
    std::vector<double> w(64), a(64);
    for (int k = 0; k < 64; ++k) {
        w[k] = 0.01 * (k % 7) - 0.03;
        a[k] = 0.02 * (k % 5) - 0.04;
    }
    for (auto _ : state) {
        benchmark::DoNotOptimize(w.data());
        double s = 0.0;
        for (int k = 0; k < 64; ++k) s += w[k] * a[k];
        benchmark::DoNotOptimize(s);
    }
    state.counters["FLOP/s"] =
        benchmark::Counter(2.0 * 64 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

BENCHMARK_CAPTURE(bm_peak, avx512_fma, fma_avx512, 8.0, __builtin_cpu_supports("avx512f"))->Name("peak/avx512_fma");
BENCHMARK_CAPTURE(bm_peak, avx2_fma, fma_avx2, 4.0, __builtin_cpu_supports("fma") && __builtin_cpu_supports("avx2"))->Name("peak/avx2_fma");
BENCHMARK_CAPTURE(bm_peak, sse2_mul_add, mul_add_sse2, 2.0, true)->Name("peak/sse2_mul_add");
BENCHMARK(bm_strict_dot)->Name("peak/strict_dot_64");

}  // namespace
