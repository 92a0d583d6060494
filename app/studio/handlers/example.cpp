// The built-in 2-2-2 example (see example.h).
#include "app/studio/handlers/example.h"

namespace studio {

bp::Document builtin_example() {
    bp::Document doc;
    bp::Network& net = doc.net;
    net.loss = bp::Loss::mse_half;  // L = ½ Σ_j (a²_j − y_j)²
    net.layers.resize(3);
    net.layers[0].size = 2;
    for (int l = 1; l <= 2; ++l) {
        net.layers[l].size = 2;
        net.layers[l].activation = bp::Activation::sigmoid;
        net.layers[l].bias = true;
        net.layers[l].W = bp::Matrix(2, 2);
    }
    bp::Layer& h = net.layers[1];  // W¹ row j = weights into hidden neuron j
    h.W(0, 0) = 0.15, h.W(0, 1) = 0.20;
    h.W(1, 0) = 0.25, h.W(1, 1) = 0.30;
    h.b = {0.35, 0.35};
    bp::Layer& o = net.layers[2];
    o.W(0, 0) = 0.40, o.W(0, 1) = 0.45;
    o.W(1, 0) = 0.50, o.W(1, 1) = 0.55;
    o.b = {0.60, 0.60};

    bp::Dataset d;
    d.X = bp::Matrix(1, 2);
    d.X(0, 0) = 0.05, d.X(0, 1) = 0.10;
    d.Y = bp::Matrix(1, 2);
    d.Y(0, 0) = 0.01, d.Y(0, 1) = 0.99;
    doc.data = d;

    doc.training.optimizer = bp::OptimizerKind::sgd;
    doc.training.learning_rate = 0.5;
    doc.training.batch_size = 1;
    doc.training.freeze_biases = true;
    return doc;
}

}  // namespace studio
