// Whether a network diverges on its own data, decided the same way for every command: a forward and
// backward pass over all of data, as trace prints it, and Diverged naming the first value that is not a
// finite number in trace's words ("z¹₁ of sample 0 is infinite: the computation diverged", exit 1).
// trace, gradcheck, paths, steps, check and train all call it first, so they refuse the same inputs
// with the same message.
#pragma once
#include "engine/core/document.h"
#include "engine/core/passes.h"

namespace cli {

// Throws Diverged naming the first z or a (layer by layer, sample by sample), then the loss, then the
// first δ, ∂L/∂w or ∂L/∂b of t that is NaN or infinite. Samples are numbered from first_sample.
void check_trace(const bp::Trace& t, int first_sample = 0);

// The pass over all of data, checked.
bp::Trace checked_pass(const bp::Network& net, const bp::Dataset& data);

// The same check for a command that needs no trace of the whole data set: the data in slices of at
// most kCheckSlice samples (one slice, the very same pass, for up to kCheckSlice samples), so that the
// memory of the check stays that of a batch (train on 10⁶ samples).
inline constexpr int kCheckSlice = 4096;
void check_converges(const bp::Network& net, const bp::Dataset& data);

}  // namespace cli
