// BP_VECTOR_CLONES before a function with a hot loop: GCC compiles it for AVX2 and for baseline x86-64
// (SSE2) and the CPU picks one when the program starts. Results are the same bits either way: the
// engine is compiled with -ffp-contract=off, so wider vectors change only how many lanes run at once.
#pragma once

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define BP_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define BP_VECTOR_CLONES
#endif
