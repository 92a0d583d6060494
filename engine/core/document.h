// A network file in memory: the network, its optional data and training settings, and the whole
// original JSON so that fields the engine does not know (the app's view settings) survive a save.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "engine/core/extra_json.h"
#include "engine/core/network.h"

namespace bp {

struct Dataset {
    Matrix X;  // (N, n_0) inputs
    Matrix Y;  // (N, n_L) targets
    int size() const { return X.rows; }
};

enum class OptimizerKind { sgd, momentum, adam };
std::string_view to_string(OptimizerKind);
std::optional<OptimizerKind> parse_optimizer(std::string_view);

// Hyper-parameters; defaults as torch.optim where it has one.
struct TrainingConfig {
    OptimizerKind optimizer = OptimizerKind::sgd;
    double learning_rate = 0.1;  // adam: 0.001 when the file gives none
    int batch_size = 0;          // 0 = the whole data set
    std::uint64_t seed = 0;
    bool shuffle = false;
    bool freeze_biases = false;
    double l2 = 0.0;        // weight decay: adds l2 * w to each weight's gradient in the update
    double momentum = 0.9;  // for OptimizerKind::momentum
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;  // adam
};

struct Document {
    Network net;
    std::optional<Dataset> data;  // "data": {"inputs", "targets"}
    std::optional<Dataset> test;  // "data": {"test": {"inputs", "targets"}}
    TrainingConfig training;
    ExtraJson extra;  // the original document (unknown keys kept); an object
};

// Checks data shapes against the network and targets against the loss's range. Throws bp::Error.
void validate_dataset(const Network& net, const Dataset& d, const std::string& where);

}  // namespace bp
