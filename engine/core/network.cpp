// Network model: names, validation, initialisation (see network.h).
#include "engine/core/network.h"

#include <cmath>
#include <string>

#include "engine/core/error.h"
#include "engine/core/rng.h"

namespace bp {

// ---- names ----
std::string_view to_string(InitScheme s) {
    switch (s) {
        case InitScheme::uniform: return "uniform";
        case InitScheme::xavier: return "xavier";
        case InitScheme::he: return "he";
    }
    return "?";
}

std::optional<InitScheme> parse_init_scheme(std::string_view s) {
    for (InitScheme x : {InitScheme::uniform, InitScheme::xavier, InitScheme::he})
        if (s == to_string(x)) return x;
    if (s == "glorot") return InitScheme::xavier;
    return std::nullopt;
}

long Network::parameter_count() const {
    long n = 0;
    for (int l = 1; l <= L(); ++l) n += static_cast<long>(layers[l].size) * (layers[l - 1].size + 1);
    return n;
}

// ---- validation ----
void validate(const Network& net) {
    const auto where = [](int l) { return "layers[" + std::to_string(l) + "]"; };
    if (net.layers.size() < 2) throw Error("layers: a network needs an input layer and at least one more layer");
    if (net.L() > kMaxLayers)
        throw Error("layers: " + std::to_string(net.L()) + " layers after the input, the limit is " +
                    std::to_string(kMaxLayers));
    for (int l = 0; l <= net.L(); ++l) {
        const Layer& layer = net.layers[l];
        if (layer.size < 1 || layer.size > kMaxNeurons)
            throw Error(where(l) + ".size " + std::to_string(layer.size) + " is outside 1.." +
                        std::to_string(kMaxNeurons));
    }
    if (net.parameter_count() > kMaxParameters)
        throw Error("layers: " + std::to_string(net.parameter_count()) + " parameters, the limit is " +
                    std::to_string(kMaxParameters));
    for (int l = 1; l <= net.L(); ++l) {
        const Layer& layer = net.layers[l];
        const int rows = layer.size, cols = net.layers[l - 1].size;
        if (activation_info(layer.activation).output_only && l != net.L())
            throw Error(where(l) + ".activation " + std::string(to_string(layer.activation)) +
                        " is only allowed on the output layer");
        if (layer.W.rows != rows || layer.W.cols != cols)
            throw Error(where(l) + ".weights is " + std::to_string(layer.W.rows) + "x" +
                        std::to_string(layer.W.cols) + ", expected " + std::to_string(rows) + "x" +
                        std::to_string(cols));
        if (static_cast<int>(layer.b.size()) != rows)
            throw Error(where(l) + ".biases has " + std::to_string(layer.b.size()) + " entries, expected " +
                        std::to_string(rows));
        for (int j = 0; j < rows; ++j) {
            for (int k = 0; k < cols; ++k)
                if (!std::isfinite(layer.W(j, k)))
                    throw Error(where(l) + ".weights[" + std::to_string(j) + "][" + std::to_string(k) +
                                "] is not a finite number");
            if (!std::isfinite(layer.b[j]))
                throw Error(where(l) + ".biases[" + std::to_string(j) + "] is not a finite number");
            if (!layer.bias && layer.b[j] != 0.0)
                throw Error(where(l) + ".biases[" + std::to_string(j) + "] must be 0 when bias is false");
        }
    }
    const Activation out = net.layers.back().activation;
    if (!loss_allows(net.loss, out))
        throw Error("loss " + std::string(to_string(net.loss)) + " needs a " +
                    std::string(to_string(*loss_info(net.loss).needs_output)) + " output layer (the output is " +
                    std::string(to_string(out)) + ")");
}

// ---- initialisation ----
void initialize(Network& net, InitScheme scheme, std::uint64_t seed) {
    Rng rng(seed);
    for (int l = 1; l <= net.L(); ++l) {
        Layer& layer = net.layers[l];
        const int fan_in = net.layers[l - 1].size, fan_out = layer.size;
        layer.W = Matrix(fan_out, fan_in);
        layer.b.assign(fan_out, 0.0);
        const double torch_bound = 1.0 / std::sqrt(static_cast<double>(fan_in));
        for (double& w : layer.W.v) {
            switch (scheme) {
                case InitScheme::uniform: w = rng.uniform(-torch_bound, torch_bound); break;  // torch.nn.Linear
                case InitScheme::xavier: {
                    const double bound = std::sqrt(6.0 / (fan_in + fan_out));  // Glorot uniform
                    w = rng.uniform(-bound, bound);
                    break;
                }
                case InitScheme::he: w = rng.normal() * std::sqrt(2.0 / fan_in); break;  // He normal
            }
        }
        if (layer.bias && scheme == InitScheme::uniform)
            for (double& b : layer.b) b = rng.uniform(-torch_bound, torch_bound);
    }
}

Network make_network(const std::vector<int>& sizes, const std::vector<Activation>& activations, Loss loss,
                     InitScheme scheme, std::uint64_t seed, bool bias) {
    if (sizes.size() < 2 || activations.size() != sizes.size() - 1)
        throw Error("make_network: need at least two sizes and one activation per layer after the input");
    Network net;
    net.loss = loss;
    net.layers.resize(sizes.size());
    for (std::size_t l = 0; l < sizes.size(); ++l) {
        net.layers[l].size = sizes[l];
        if (l > 0) {
            net.layers[l].activation = activations[l - 1];
            net.layers[l].bias = bias;
        }
    }
    for (int l = 0; l <= net.L(); ++l)
        if (sizes[l] < 1 || sizes[l] > kMaxNeurons) throw Error("make_network: layer size out of range");
    initialize(net, scheme, seed);
    validate(net);
    return net;
}

void round_parameters(Network& net, int decimals) {
    const double scale = std::pow(10.0, decimals);
    const auto round_to = [scale](double x) { return std::round(x * scale) / scale; };
    for (int l = 1; l <= net.L(); ++l) {
        for (double& w : net.layers[l].W.v) w = round_to(w);
        for (double& b : net.layers[l].b) b = round_to(b);
    }
}

namespace {
bool any_not_finite(const double* x, std::size_t n) {
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < n; ++i) bits |= non_finite_bits(x[i]);  // no early exit: the loop vectorises
    return bits != 0;
}
}  // namespace

bool all_finite(const Network& net) {
    for (int l = 1; l <= net.L(); ++l) {
        const Layer& layer = net.layers[l];
        if (any_not_finite(layer.W.v.data(), layer.W.v.size()) || any_not_finite(layer.b.data(), layer.b.size()))
            return false;
    }
    return true;
}

bool same_shape(const Network& a, const Network& b) {
    if (a.layers.size() != b.layers.size()) return false;
    for (std::size_t l = 0; l < a.layers.size(); ++l)
        if (a.layers[l].size != b.layers[l].size) return false;
    return true;
}

}  // namespace bp
