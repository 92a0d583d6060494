// What the network computes over its input space, for the Lab's data plot and the per-neuron heatmaps
// (as TensorFlow Playground draws them): forward passes on a grid over the square the data lives in,
// every neuron's activation at every grid cell, the fitted curve for one input, and the mapping of
// those values onto the app's colours. Window-free (plain math), unit-tested in tests/studio.
#pragma once
#include <vector>

#include "app/studio/state/palette.h"
#include "engine/core/document.h"

namespace studio {

// The rectangle the plot shows: horizontal x₁ from x0 to x1; vertical x₂ (2-D) or the output (1-D)
// from y0 (bottom) to y1 (top).
struct PlotDomain {
    double x0 = -1, x1 = 1, y0 = -1, y1 = 1;
    bool operator==(const PlotDomain&) const = default;
};

// For 2 inputs: a square holding [-1.1, 1.1]² and every point of a and b (either may be null) with a
// 10 % margin. For 1 input: x as above from input 0; y holds [-1.1, 1.1] and every target of output 0.
PlotDomain plot_domain(int inputs, const bp::Dataset* a, const bp::Dataset* b);

// The input point at the centre of cell (i, r) of an n × n grid: column i from the left, row r from the top.
void cell_centre(const PlotDomain& d, int n, int i, int r, double& x1, double& x2);

// The network on an n × n grid over a 2-D domain (the network must have 2 inputs).
struct GridField {
    int n = 0;                  // cells per side
    PlotDomain domain;
    int outputs = 0;            // K = n_L
    std::vector<double> out;    // (n·n, K): a^L_k of cell (i, r) at [(r·n + i)·K + k]
    bool finite = true;         // false when an output somewhere is NaN or ±∞
    double at(int i, int r, int k = 0) const { return out[(static_cast<std::size_t>(r) * n + i) * outputs + k]; }
};
GridField decision_field(const bp::Network& net, const PlotDomain& d, int n);

// Every neuron's activation on an n × n grid (2-D inputs): the small heatmaps drawn in the neurons.
struct NeuronMaps {
    int n = 0;
    PlotDomain domain;
    std::vector<std::vector<std::vector<double>>> a;  // [l][j] (n·n): a^l_j of cell (i, r) at r·n + i; a^0 = x
    std::vector<std::vector<double>> scale;           // [l][j] max |a^l_j| over the finite cells (0: none)
    bool empty() const { return n == 0; }
};
NeuronMaps neuron_maps(const bp::Network& net, const PlotDomain& d, int n);

// The fitted curve for one input: the outputs at n points from d.x0 to d.x1 (inclusive).
struct Curve {
    std::vector<double> x;  // (n)
    bp::Matrix y;           // (n, K)
};
Curve fitted_curve(const bp::Network& net, const PlotDomain& d, int n);

// ---- colours ----
// Where an activation value sits on the diverging scale [-1, 1]: a bounded activation's range (its entry
// in engine/core/activations.h: σ and softmax 0 … 1, tanh −1 … 1) is stretched onto it; unbounded ones
// (relu, leaky relu, linear, and the inputs) are divided by `scale` (the largest |a| to show). NaN and
// ±∞ give 0 (neutral): nothing is ever drawn from a NaN.
double shade(bp::Activation f, double a, double scale);
// Distinct colours for classes 0, 1, 2, …: class 0 orange and class 1 blue, as the diverging scale's
// ends (so a one-output classifier and a two-class softmax look alike), then green, purple, red, teal.
Rgb class_color(int k);
// The colour of one grid cell of a decision field. One output: the diverging scale via shade() with
// `scale` (for a linear output: the largest |target|). Several: the winning class's colour, mixed with
// the neutral by how sure the network is ((p_max − 1/K) / (1 − 1/K)).
Rgb field_color(const GridField& f, int i, int r, bp::Activation out, double scale);
// The colour of a data point from its target row y (K entries): a class for classification targets
// (one 0/1 output: orange/blue; one-hot rows: class_color), else the diverging scale via shade().
Rgb target_color(const double* y, int K, bool classification, bp::Activation out, double scale);

}  // namespace studio
