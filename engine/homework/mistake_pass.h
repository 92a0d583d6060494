// The pass as a student with one classic misconception computes it: forward, loss, backward and one SGD
// step, exactly as passes.h does, except for one mistake made at one layer (or at every layer). The
// diagnosis compares a wrong answer with what each of these runs produced.
#pragma once
#include <string_view>
#include <vector>

#include "engine/core/document.h"
#include "engine/core/passes.h"

namespace bp {

enum class Mistake {
    none,
    forgot_derivative,            // δ without f′(z): δ^L = ∂L/∂a, δ^l = Σ_k w_kj δ_k
    derivative_of_a,              // f′ applied to a instead of z: σ′(a) = σ(a)(1 − σ(a))
    error_sign,                   // ∂L/∂a with the sign flipped (y − a instead of a − y)
    update_sign,                  // w ← w + η ∂L/∂w
    batch_mean_forgotten,         // the batch's 1/N left out (of δ^L and of L)
    batch_mean_twice,             // the batch's 1/N applied twice
    mse_factor,                   // MSE: ½-MSE's gradient (factor 2 missing); ½-MSE: MSE's (extra 2);
                                  // for L: the ½ put into MSE / left out of ½-MSE
    transposed_forward,           // z^l_j = Σ_k w^l_kj a_k   (only where W^l is square)
    transposed_backward,          // δ^l_j = Σ_k w^(l+1)_jk δ_k · f′(z)   (only where W^(l+1) is square)
    transposed_gradient,          // ∂L/∂w_jk = δ_k a_j   (NaN where w_kj does not exist)
    updated_weights_in_backward,  // δ^l through W^(l+1) after its update
    bias_forgotten_in_z,          // z = W a, without + b
    bias_not_updated,             // b left as it was
};
std::string_view to_string(Mistake);  // "forgot_derivative", ...

inline constexpr int kEveryLayer = 0;  // the mistake made at every layer where it can be

struct MistakeRun {
    Mistake mistake = Mistake::none;
    int layer = kEveryLayer;
    Trace trace;    // the pass as computed with the mistake (z, a, loss, δ, dW, db)
    Network after;  // the network after the (mistaken) SGD step
};

// Whether making the mistake at `layer` (or kEveryLayer) changes anything on this network and batch.
bool mistake_applies(Mistake m, int layer, const Network& net, int batch_size, const TrainingConfig& config);

// One pass over (X, Y) with the mistake; the step is plain SGD with config's learning rate, l2 and frozen
// biases (as Stepper's update events). With Mistake::none it equals run_pass + apply_update bit for bit.
MistakeRun run_with_mistake(const Network& net, const Matrix& X, const Matrix& Y, const TrainingConfig& config,
                            Mistake m, int layer);

// Every applicable mistake at every layer where it applies, plus kEveryLayer when that is more than one
// layer (the 1/N mistakes exist only as kEveryLayer). In the enum's order, but update_sign before error_sign.
std::vector<MistakeRun> run_all_mistakes(const Network& net, const Matrix& X, const Matrix& Y,
                                         const TrainingConfig& config);

}  // namespace bp
