// Grid forward passes, fitted curves and their colours (see decision_field.h).
#include "app/studio/state/decision_field.h"

#include <algorithm>
#include <cmath>

#include "engine/core/passes.h"

namespace studio {
namespace {

constexpr double kMinHalfSide = 1.1;  // the plot always shows at least [-1.1, 1.1]
constexpr double kMargin = 0.1;       // around the data, as a share of its extent

// Grows [lo, hi] to hold column c of d's inputs (or targets).
void extend(const bp::Matrix& m, int c, double& lo, double& hi) {
    for (int n = 0; n < m.rows; ++n) {
        const double v = m(n, c);
        if (!std::isfinite(v)) continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
}

void pad(double& lo, double& hi) {
    const double m = (hi - lo) * kMargin / 2;
    lo -= m;
    hi += m;
}

// One forward pass over all grid cells: row r·n + i of the batch is cell (i, r).
bp::Trace grid_trace(const bp::Network& net, const PlotDomain& d, int n) {
    bp::Matrix X(n * n, 2);
    for (int r = 0; r < n; ++r)
        for (int i = 0; i < n; ++i) cell_centre(d, n, i, r, X(r * n + i, 0), X(r * n + i, 1));
    bp::Trace t;
    bp::forward(net, X, t);
    return t;
}

}  // namespace

PlotDomain plot_domain(int inputs, const bp::Dataset* a, const bp::Dataset* b) {
    PlotDomain d{-kMinHalfSide, kMinHalfSide, -kMinHalfSide, kMinHalfSide};
    double lo0 = 0, hi0 = 0, lo1 = 0, hi1 = 0;  // the data's extent (0 ∈ it: the axes stay in view)
    for (const bp::Dataset* s : {a, b}) {
        if (!s || s->size() == 0) continue;
        if (s->X.cols >= 1) extend(s->X, 0, lo0, hi0);
        if (inputs == 2 && s->X.cols >= 2) extend(s->X, 1, lo1, hi1);
        if (inputs == 1 && s->Y.cols >= 1) extend(s->Y, 0, lo1, hi1);
    }
    pad(lo0, hi0);
    pad(lo1, hi1);
    d.x0 = std::min(d.x0, lo0), d.x1 = std::max(d.x1, hi0);
    d.y0 = std::min(d.y0, lo1), d.y1 = std::max(d.y1, hi1);
    if (inputs == 2) {  // a square: the same scale on both axes, so a circle looks round
        const double half = std::max(d.x1 - d.x0, d.y1 - d.y0) / 2;
        const double cx = (d.x0 + d.x1) / 2, cy = (d.y0 + d.y1) / 2;
        d = {cx - half, cx + half, cy - half, cy + half};
    }
    return d;
}

void cell_centre(const PlotDomain& d, int n, int i, int r, double& x1, double& x2) {
    x1 = d.x0 + (i + 0.5) * (d.x1 - d.x0) / n;  // left to right
    x2 = d.y1 - (r + 0.5) * (d.y1 - d.y0) / n;  // top to bottom
}

GridField decision_field(const bp::Network& net, const PlotDomain& d, int n) {
    GridField f;
    if (net.input_size() != 2 || n <= 0) return f;
    const bp::Trace t = grid_trace(net, d, n);
    f.n = n;
    f.domain = d;
    f.outputs = net.output_size();
    f.out = t.layers.back().a.v;  // (n·n, K) row-major: exactly the layout of `out`
    f.finite = std::all_of(f.out.begin(), f.out.end(), [](double v) { return std::isfinite(v); });
    return f;
}

NeuronMaps neuron_maps(const bp::Network& net, const PlotDomain& d, int n) {
    NeuronMaps m;
    if (net.input_size() != 2 || n <= 0) return m;
    const bp::Trace t = grid_trace(net, d, n);
    m.n = n;
    m.domain = d;
    m.a.resize(net.layers.size());
    m.scale.resize(net.layers.size());
    for (std::size_t l = 0; l < net.layers.size(); ++l) {
        const bp::Matrix& a = t.layers[l].a;  // (n·n, n_l)
        m.a[l].assign(a.cols, std::vector<double>(a.rows));
        m.scale[l].assign(a.cols, 0.0);
        for (int c = 0; c < a.rows; ++c) {
            for (int j = 0; j < a.cols; ++j) {
                const double v = a(c, j);
                m.a[l][j][c] = v;
                if (std::isfinite(v)) m.scale[l][j] = std::max(m.scale[l][j], std::fabs(v));
            }
        }
    }
    return m;
}

Curve fitted_curve(const bp::Network& net, const PlotDomain& d, int n) {
    Curve c;
    if (net.input_size() != 1 || n < 2) return c;
    bp::Matrix X(n, 1);
    for (int i = 0; i < n; ++i) X(i, 0) = d.x0 + (d.x1 - d.x0) * i / (n - 1);
    bp::Trace t;
    bp::forward(net, X, t);
    c.x = X.v;
    c.y = t.layers.back().a;
    return c;
}

double shade(bp::Activation f, double a, double scale) {
    if (!std::isfinite(a)) return 0.0;
    const bp::ValueRange r = bp::activation_info(f).range;
    if (!r.bounded()) return normalized(a, scale);
    // [lo, hi] → [−1, 1]: 2a − 1 for 0 … 1 (σ, softmax), a itself for −1 … 1 (tanh)
    const double x = r.lo == -r.hi ? a / r.hi : (2.0 * a - (r.lo + r.hi)) / (r.hi - r.lo);
    return std::clamp(x, -1.0, 1.0);
}

Rgb class_color(int k) {
    static const Rgb kColors[] = {diverging(-1.0), diverging(1.0),
                                  {0.30f, 0.62f, 0.30f}, {0.55f, 0.40f, 0.70f}, {0.80f, 0.25f, 0.30f},
                                  {0.20f, 0.60f, 0.60f}, {0.60f, 0.50f, 0.20f}, {0.45f, 0.45f, 0.45f}};
    constexpr int count = sizeof kColors / sizeof kColors[0];
    return kColors[((k % count) + count) % count];
}

Rgb field_color(const GridField& f, int i, int r, bp::Activation out, double scale) {
    if (f.outputs == 1) return diverging(shade(out, f.at(i, r), scale));
    int best = 0;
    for (int k = 1; k < f.outputs; ++k)
        if (f.at(i, r, k) > f.at(i, r, best)) best = k;
    const double p = f.at(i, r, best), chance = 1.0 / f.outputs;
    if (!std::isfinite(p)) return diverging(0.0);
    const double sure = std::clamp((p - chance) / (1.0 - chance), 0.0, 1.0);
    return mix(diverging(0.0), class_color(best), static_cast<float>(sure));
}

Rgb target_color(const double* y, int K, bool classification, bp::Activation out, double scale) {
    if (classification && K == 1) return class_color(y[0] >= 0.5 ? 1 : 0);
    if (classification) return class_color(static_cast<int>(std::max_element(y, y + K) - y));
    // a target on the output's own scale; one softmax output is always 1, so its targets on the open scale
    return diverging(shade(bp::activation_info(out).output_only ? bp::Activation::linear : out, y[0], scale));
}

}  // namespace studio
