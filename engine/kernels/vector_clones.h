// BP_VECTOR_CLONES before a function with a hot loop: GCC compiles it for AVX-512, for AVX2 and for
// baseline x86-64 (SSE2), and the CPU picks one when the program starts. Results are the same bits
// whichever runs: the engine is compiled with -ffp-contract=off (no fused multiply-add), and the clones
// use only IEEE-exact operations (+ − × ÷, compare, select, integer bit moves), so a wider vector changes
// how many lanes run at once, never a result.
#pragma once

// -DBP_VECTOR_CLONES= (defined empty) builds only the code of the compiler's -march: scripts/check-same-bits.sh
// compares such AVX2-only and SSE2-only builds with the cloned one.
#if !defined(BP_VECTOR_CLONES)
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define BP_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define BP_VECTOR_CLONES
#endif
#endif
