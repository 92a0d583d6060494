// Chain-rule paths: dL/dw^l_jk is the sum, over every path from the parameter to the loss (one choice
// of neuron in each later layer), of the product of the local derivatives along the path.
// Factors are listed from the loss back to the parameter, as on the board:
//   dL/da^L_m · f'(z^L_m) · w^L_mi · f'(z^(L-1)_i) · ... · f'(z^l_j) · a^(l-1)_k
// Through a softmax output every a^L_i depends on every z^L_m: a path then ends z^L_m -> a^L_i, one path
// per i, with the factors dL/da^L_i · da^L_i/dz^L_m in place of dL/da^L_m · f'(z^L_m).
// A bias's path ends on the factor ∂z^l_j/∂b^l_j = 1 (listed, so every path ends on the parameter's own
// local derivative). For softmax + cross-entropy dL/da_i = −y_i/a_i (paths through a zero target are 0).
//
// Listing: up to list_all paths are all listed. Beyond that the top `top` by |product| are found by an
// exact best-first search (k-best paths in the layered graph, guided by each neuron's best completion),
// never by materialising every path. `sum` is the walked total of every product while there are at most
// kMaxWalkedPaths paths; past that (a 10 × 64 network has ~10^16) the paths cannot be walked and `sum` is
// backprop's gradient (their sum by the chain rule), `rest_sum` = sum − the listed products.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "engine/core/passes.h"
#include "engine/teaching/notation.h"
#include "engine/teaching/stepper.h"

namespace bp {

struct PathFactor {
    std::string label;  // "∂L/∂a²₁", "σ′(z²₁)", "w²₁₂", "a⁰₁", "∂a²₁/∂z²₂"
    double value = 0.0;
    ValueRef source;    // where the factor comes from, for highlighting on the canvas
};

struct ChainPath {
    std::vector<std::pair<int, int>> neurons;  // [l, j], [l+1, i], ..., [L, m]
    int softmax_output = -1;                   // i of the a^L_i the path ends on (softmax output), else -1
    std::vector<PathFactor> factors;           // from the loss back to the parameter
    double product = 0.0;
};

struct ParameterRef {
    bool bias = false;
    int l = 1, j = 0, k = 0;  // k unused for a bias
};

inline constexpr long long kMaxWalkedPaths = 4'000'000;

struct PathListing {
    ParameterRef parameter;
    std::vector<ChainPath> paths;  // sorted by |product|, largest first; all of them, or the top ones
    // The number of paths in all, counted in floating point: exact below 2^53 (9·10¹⁵), beyond that the
    // nearest double (a 16 × 32 network has 32¹⁵ ≈ 3.8·10²² paths from a first-layer weight).
    double total_count = 0;
    bool walked = false;           // every path was walked: sum is their summed products, not the gradient
    double rest_count = 0;         // paths not listed: total_count − the listed ones (as exact as it)
    double rest_sum = 0.0;         // sum of the products of the paths not listed
    double sum = 0.0;              // sum of all products
    double gradient = 0.0;         // dL/dparameter from backprop (the same sample)
    // Compact form: dL/dw^l_jk = a^(l-1)_k · delta^l_j with delta's recurrence, in text with numbers.
    std::vector<std::string> compact;
};

// Enumerates paths for one sample (x, y are that sample alone, one row each: N = 1, no 1/N).
// When there are more than list_all paths, lists the top `top` by |product| and sums the rest.
// Throws bp::Error when the parameter does not exist or x, y are not one sample of the network.
// The factors' labels and the compact form are written in `notation`.
PathListing enumerate_paths(const Network& net, const Matrix& x, const Matrix& y, const ParameterRef& p,
                            long long list_all = 10000, int top = 200, Notation notation = Notation::per_neuron);

// Throws bp::Error when the parameter does not exist in the network.
void check_parameter(const Network& net, const ParameterRef& p);

// A path count as text: every digit while it is exact (below 2^53: "27000"), else "about 3.8e22".
std::string path_count_text(double count);
inline constexpr double kExactCountLimit = 9007199254740992.0;  // 2^53

}  // namespace bp
