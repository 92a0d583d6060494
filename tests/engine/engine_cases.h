// Networks and data for the tests that run over every activation × loss pair (stepper, chain rule,
// gradient check): small random networks from a seed, with targets that suit each loss.
#pragma once
#include <string>
#include <vector>

#include "engine/core/document.h"
#include "engine/core/rng.h"

namespace bp::test {

// One hidden activation with one output activation and loss (an allowed combination).
struct Case {
    Activation hidden;
    Activation output;
    Loss loss;
    std::string name() const {
        return std::string(to_string(hidden)) + "_" + std::string(to_string(output)) + "_" + std::string(to_string(loss));
    }
};

// Every hidden activation × every allowed (output activation, loss) pair.
inline std::vector<Case> all_cases() {
    const Activation hidden[] = {Activation::sigmoid, Activation::tanh, Activation::relu, Activation::leaky_relu,
                                 Activation::linear};
    struct Out {
        Activation f;
        Loss loss;
    };
    const Out outputs[] = {{Activation::sigmoid, Loss::mse_half},    {Activation::sigmoid, Loss::mse},
                           {Activation::linear, Loss::mse_half},     {Activation::linear, Loss::mse},
                           {Activation::softmax, Loss::cross_entropy}, {Activation::softmax, Loss::mse_half},
                           {Activation::softmax, Loss::mse},         {Activation::sigmoid, Loss::binary_cross_entropy},
                           {Activation::tanh, Loss::mse_half}};
    std::vector<Case> cases;
    for (Activation h : hidden)
        for (const Out& o : outputs) cases.push_back({h, o.f, o.loss});
    return cases;
}

// A network of the given sizes with the case's activations; weights and biases uniform in ±1/√fan_in
// (torch's default), so no bias is zero.
inline Network case_network(const Case& c, const std::vector<int>& sizes, std::uint64_t seed, bool bias = true) {
    std::vector<Activation> f(sizes.size() - 1, c.hidden);
    f.back() = c.output;
    return make_network(sizes, f, c.loss, InitScheme::uniform, seed, bias);
}

// N samples: inputs in [−1, 1]; targets valid for the loss (rows of probabilities for cross-entropy,
// values in [0, 1] for BCE, anything for the squared errors).
inline Dataset case_data(const Network& net, int N, std::uint64_t seed) {
    Rng rng(seed * 7919 + 17);
    Dataset d{Matrix(N, net.input_size()), Matrix(N, net.output_size())};
    for (double& x : d.X.v) x = rng.uniform(-1.0, 1.0);
    for (int n = 0; n < N; ++n) {
        double sum = 0.0;
        for (int k = 0; k < d.Y.cols; ++k) {
            d.Y(n, k) = net.loss == Loss::mse_half || net.loss == Loss::mse ? rng.uniform(-1.0, 1.0) : rng.uniform(0.05, 0.95);
            sum += d.Y(n, k);
        }
        if (net.loss == Loss::cross_entropy)
            for (int k = 0; k < d.Y.cols; ++k) d.Y(n, k) /= sum;
    }
    return d;
}

}  // namespace bp::test
