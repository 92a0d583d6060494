// The network model: layers, activations, losses, limits and initialisation.
// Notation (course notes): w^l_jk is the weight from neuron k of layer l-1 to neuron j of layer l;
// z^l = W^l a^(l-1) + b^l, a^l = f_l(z^l). Layer 0 is the input; layers[l] for l >= 1 holds W^l, b^l.
#pragma once
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/activations.h"
#include "engine/core/losses.h"
#include "engine/core/matrix.h"

namespace bp {

// The size cap (docs/FORMAT.md §2; at least 10 layers after the input × 64 neurons each).
inline constexpr int kMaxLayers = 16;           // layers after the input
inline constexpr int kMaxNeurons = 256;         // neurons in any one layer (input included)
inline constexpr long kMaxParameters = 200000;  // weights + biases in the whole network
inline constexpr int kMaxSamples = 1000000;     // samples in data or data.test (file size: kMaxFileBytes)

// Activation and Loss, with everything known about each, are in activations.h and losses.h (the registries).
enum class InitScheme { uniform, xavier, he };

std::string_view to_string(InitScheme);
std::optional<InitScheme> parse_init_scheme(std::string_view);

struct Layer {
    int size = 0;
    Activation activation = Activation::sigmoid;  // unused for layer 0
    bool bias = true;                             // false: b stays 0 and is never updated
    Matrix W;                                     // (n_l, n_(l-1)); empty for layer 0
    std::vector<double> b;                        // (n_l); empty for layer 0
};

struct Network {
    std::vector<Layer> layers;  // layers[0] is the input (size only)
    Loss loss = Loss::mse_half;

    int L() const { return static_cast<int>(layers.size()) - 1; }  // index of the output layer
    int input_size() const { return layers.empty() ? 0 : layers[0].size; }
    int output_size() const { return layers.empty() ? 0 : layers.back().size; }
    long parameter_count() const;
};

// Throws bp::Error with a message naming the problem when the network is not usable
// (sizes, caps, W/b shapes, softmax on a hidden layer, loss vs output activation, non-finite numbers).
void validate(const Network&);

// A network with the given sizes (sizes[0] = inputs) and activations (one per layer after the input),
// parameters drawn from the scheme with a seeded generator: same seed, same numbers on every machine.
Network make_network(const std::vector<int>& sizes, const std::vector<Activation>& activations, Loss loss,
                     InitScheme scheme, std::uint64_t seed, bool bias = true);
void initialize(Network&, InitScheme scheme, std::uint64_t seed);

// Rounds every parameter to `decimals` decimals (for hand-computable quiz networks).
void round_parameters(Network&, int decimals);

// The same number of layers with the same sizes (the activations, weights and loss may differ).
bool same_shape(const Network& a, const Network& b);
// True when every weight and bias is a finite number (no NaN, no ±∞).
bool all_finite(const Network&);
// The bits of x − x: 0 for a finite x, a NaN's for ±∞ and NaN. OR-ed over many values in a loop with no
// early exit (so it vectorises), they are 0 exactly when every value is finite.
inline std::uint64_t non_finite_bits(double x) { return std::bit_cast<std::uint64_t>(x - x); }

}  // namespace bp
