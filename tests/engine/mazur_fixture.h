// Mazur's 2-2-2 sigmoid network ("A Step by Step Backpropagation Example"), the notes' worked example:
// shared by the engine tests as the first independent reference.
#pragma once
#include "engine/core/document.h"

namespace bp::test {

inline Layer input_layer(int size) {
    Layer in;
    in.size = size;
    return in;
}

inline Network mazur_network() {
    Network net;
    net.loss = Loss::mse_half;
    net.layers.resize(3);
    net.layers[0].size = 2;
    net.layers[1] = Layer{2, Activation::sigmoid, true, Matrix(2, 2), {0.35, 0.35}};
    net.layers[1].W.v = {0.15, 0.20, 0.25, 0.30};
    net.layers[2] = Layer{2, Activation::sigmoid, true, Matrix(2, 2), {0.60, 0.60}};
    net.layers[2].W.v = {0.40, 0.45, 0.50, 0.55};
    return net;
}

inline Matrix row(std::initializer_list<double> values) {
    Matrix m(1, static_cast<int>(values.size()));
    m.v.assign(values);
    return m;
}

inline Matrix mazur_x() { return row({0.05, 0.10}); }
inline Matrix mazur_y() { return row({0.01, 0.99}); }

}  // namespace bp::test
