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

// Every activation a hidden layer may have × every (output activation, loss) pair the engine allows, from the
// registries (engine/core/activations.h, losses.h): an entry added there is tested here.
inline std::vector<Case> all_cases() {
    std::vector<Case> cases;
    for (const ActivationInfo& hidden : kActivations) {
        if (hidden.output_only) continue;
        for (const LossInfo& loss : kLosses)
            for (const ActivationInfo& output : kActivations)
                if (loss_allows(loss.id, output.id)) cases.push_back({hidden.id, output.id, loss.id});
    }
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
// values in [0, 1] for BCE, anything in [−1, 1] for the squared errors): as its entry's targets say.
inline Dataset case_data(const Network& net, int N, std::uint64_t seed) {
    Rng rng(seed * 7919 + 17);
    Dataset d{Matrix(N, net.input_size()), Matrix(N, net.output_size())};
    const Targets rule = loss_info(net.loss).targets;
    for (double& x : d.X.v) x = rng.uniform(-1.0, 1.0);
    for (int n = 0; n < N; ++n) {
        double sum = 0.0;
        for (int k = 0; k < d.Y.cols; ++k) {
            d.Y(n, k) = rule == Targets::any ? rng.uniform(-1.0, 1.0) : rng.uniform(0.05, 0.95);
            sum += d.Y(n, k);
        }
        if (rule == Targets::distribution)
            for (int k = 0; k < d.Y.cols; ++k) d.Y(n, k) /= sum;
    }
    return d;
}

}  // namespace bp::test
