// The Lab's field math against hand-written formulas: grid geometry, the decision field and every
// neuron's map of small networks whose outputs are written out by hand (z = w·x + b, a = f(z)), the
// fitted curve, the plot's domain, and the colour mapping (never a colour from a NaN).
#include <gtest/gtest.h>

#include <cmath>

#include "app/studio/state/decision_field.h"
#include "engine/core/network.h"

using namespace studio;

namespace {

// A network with given sizes and activations and all parameters zero (tests set them by hand).
bp::Network zeros(const std::vector<int>& sizes, const std::vector<bp::Activation>& f, bp::Loss loss = bp::Loss::mse_half) {
    bp::Network net = bp::make_network(sizes, f, loss, bp::InitScheme::xavier, 1);
    for (int l = 1; l <= net.L(); ++l) {
        for (double& w : net.layers[l].W.v) w = 0;
        for (double& b : net.layers[l].b) b = 0;
    }
    return net;
}

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

bool same(Rgb a, Rgb b) { return std::fabs(a.r - b.r) < 1e-6 && std::fabs(a.g - b.g) < 1e-6 && std::fabs(a.b - b.b) < 1e-6; }

}  // namespace

TEST(DecisionField, CellCentresRunLeftToRightAndTopToBottom) {
    const PlotDomain d{-1, 1, -1, 1};
    double x1 = 0, x2 = 0;
    cell_centre(d, 4, 0, 0, x1, x2);  // cells are 0.5 wide: the first centre is 0.25 in from the corner
    EXPECT_DOUBLE_EQ(x1, -0.75);
    EXPECT_DOUBLE_EQ(x2, 0.75);
    cell_centre(d, 4, 3, 3, x1, x2);
    EXPECT_DOUBLE_EQ(x1, 0.75);
    EXPECT_DOUBLE_EQ(x2, -0.75);
    cell_centre(PlotDomain{0, 2, 10, 14}, 2, 1, 0, x1, x2);  // x: 0 … 2 in two cells; y: 14 at the top
    EXPECT_DOUBLE_EQ(x1, 1.5);
    EXPECT_DOUBLE_EQ(x2, 13.0);
}

TEST(DecisionField, OneSigmoidOutputMatchesTheFormulaInEveryCell) {
    bp::Network net = zeros({2, 1}, {bp::Activation::sigmoid}, bp::Loss::binary_cross_entropy);
    net.layers[1].W(0, 0) = 2.0, net.layers[1].W(0, 1) = -1.0, net.layers[1].b[0] = 0.5;
    const PlotDomain d{-1.5, 1.5, -1.5, 1.5};
    const GridField f = decision_field(net, d, 7);
    ASSERT_EQ(f.n, 7);
    ASSERT_EQ(f.outputs, 1);
    ASSERT_EQ(f.out.size(), 49u);
    EXPECT_TRUE(f.finite);
    for (int r = 0; r < 7; ++r) {
        for (int i = 0; i < 7; ++i) {
            const double x1 = -1.5 + (i + 0.5) * 3.0 / 7, x2 = 1.5 - (r + 0.5) * 3.0 / 7;
            EXPECT_NEAR(f.at(i, r), sigmoid(2.0 * x1 - 1.0 * x2 + 0.5), 1e-12) << i << "," << r;  // σ(w·x + b)
        }
    }
    EXPECT_TRUE(decision_field(zeros({3, 1}, {bp::Activation::linear}), d, 7).out.empty()) << "only for 2 inputs";
}

TEST(DecisionField, NeuronMapsHoldEveryLayersActivations) {
    bp::Network net = zeros({2, 2, 1}, {bp::Activation::tanh, bp::Activation::linear});
    net.layers[1].W(0, 0) = 1.0;                                   // a¹₁ = tanh(x₁)
    net.layers[1].W(1, 0) = 0.5, net.layers[1].W(1, 1) = 0.5;      // a¹₂ = tanh(0.5x₁ + 0.5x₂ − 0.2)
    net.layers[1].b[1] = -0.2;
    net.layers[2].W(0, 0) = 3.0, net.layers[2].W(0, 1) = -2.0;     // a²₁ = 3a¹₁ − 2a¹₂ + 1
    net.layers[2].b[0] = 1.0;
    const PlotDomain d{-2, 2, -2, 2};
    const NeuronMaps m = neuron_maps(net, d, 5);
    ASSERT_EQ(m.n, 5);
    ASSERT_EQ(m.a.size(), 3u);
    ASSERT_EQ(m.a[1].size(), 2u);
    double max_out = 0;
    for (int r = 0; r < 5; ++r) {
        for (int i = 0; i < 5; ++i) {
            const int c = r * 5 + i;
            const double x1 = -2 + (i + 0.5) * 0.8, x2 = 2 - (r + 0.5) * 0.8;
            const double h1 = std::tanh(x1), h2 = std::tanh(0.5 * x1 + 0.5 * x2 - 0.2), y = 3 * h1 - 2 * h2 + 1;
            EXPECT_NEAR(m.a[0][0][c], x1, 1e-12);
            EXPECT_NEAR(m.a[0][1][c], x2, 1e-12);
            EXPECT_NEAR(m.a[1][0][c], h1, 1e-12);
            EXPECT_NEAR(m.a[1][1][c], h2, 1e-12);
            EXPECT_NEAR(m.a[2][0][c], y, 1e-12);
            max_out = std::max(max_out, std::fabs(y));
        }
    }
    EXPECT_NEAR(m.scale[0][0], 1.6, 1e-12);  // the outermost centres are at ±1.6
    EXPECT_NEAR(m.scale[2][0], max_out, 1e-12);
}

TEST(DecisionField, FittedCurveSpansTheDomain) {
    bp::Network net = zeros({1, 1}, {bp::Activation::linear});
    net.layers[1].W(0, 0) = 3.0, net.layers[1].b[0] = -1.0;  // y = 3x − 1
    const Curve c = fitted_curve(net, PlotDomain{-1, 2, 0, 1}, 4);
    ASSERT_EQ(c.x.size(), 4u);
    const double xs[] = {-1, 0, 1, 2};
    for (int i = 0; i < 4; ++i) {
        EXPECT_DOUBLE_EQ(c.x[i], xs[i]);
        EXPECT_DOUBLE_EQ(c.y(i, 0), 3 * xs[i] - 1);
    }
}

TEST(DecisionField, OverflowIsReportedAndDrawnNeutral) {
    bp::Network net = zeros({2, 1}, {bp::Activation::linear});
    net.layers[1].W(0, 0) = 1e308, net.layers[1].W(0, 1) = 1e308;  // x₁ + x₂ > 1 somewhere: +∞
    const GridField f = decision_field(net, PlotDomain{-2, 2, -2, 2}, 4);
    EXPECT_FALSE(f.finite);
    for (int r = 0; r < 4; ++r)
        for (int i = 0; i < 4; ++i)
            if (!std::isfinite(f.at(i, r))) {
                EXPECT_TRUE(same(field_color(f, i, r, bp::Activation::linear, 1.0), diverging(0.0)));
            }
}

TEST(DecisionField, DomainHoldsTheUnitSquareAndEveryPoint) {
    bp::Dataset small{bp::Matrix(2, 2, 0.5), bp::Matrix(2, 1, 0.0)};
    PlotDomain d = plot_domain(2, &small, nullptr);
    EXPECT_EQ(d, (PlotDomain{-1.1, 1.1, -1.1, 1.1}));
    bp::Dataset wide{bp::Matrix(1, 2), bp::Matrix(1, 1)};
    wide.X(0, 0) = 3.0, wide.X(0, 1) = -1.0;
    d = plot_domain(2, &small, &wide);  // x: 0 … 3 plus 5 % each side, then made square around its centre
    EXPECT_LE(d.x0, -1.1);
    EXPECT_GE(d.x1, 3.0);
    EXPECT_NEAR(d.x1 - d.x0, d.y1 - d.y0, 1e-12);
    EXPECT_LE(d.y0, -1.1);
    bp::Dataset line{bp::Matrix(1, 1, 0.2), bp::Matrix(1, 1, 4.0)};  // 1 input: y follows the targets
    d = plot_domain(1, &line, nullptr);
    EXPECT_DOUBLE_EQ(d.x0, -1.1);
    EXPECT_GT(d.y1, 4.0);
    EXPECT_DOUBLE_EQ(d.y0, -1.1);
}

TEST(DecisionField, ShadeFollowsEachActivationsRange) {
    EXPECT_DOUBLE_EQ(shade(bp::Activation::sigmoid, 0.0, 1), -1.0);
    EXPECT_DOUBLE_EQ(shade(bp::Activation::sigmoid, 0.5, 1), 0.0);
    EXPECT_DOUBLE_EQ(shade(bp::Activation::sigmoid, 1.0, 1), 1.0);
    EXPECT_DOUBLE_EQ(shade(bp::Activation::tanh, -0.25, 99), -0.25);
    EXPECT_DOUBLE_EQ(shade(bp::Activation::relu, 2.0, 4.0), 0.5);
    EXPECT_DOUBLE_EQ(shade(bp::Activation::linear, -8.0, 4.0), -1.0);  // clamped
    EXPECT_DOUBLE_EQ(shade(bp::Activation::tanh, std::nan(""), 1), 0.0);
    EXPECT_DOUBLE_EQ(shade(bp::Activation::linear, INFINITY, 1), 0.0);
}

TEST(DecisionField, SeveralOutputsShowTheWinningClassBySureness) {
    GridField f;
    f.n = 1, f.outputs = 3, f.out = {0.2, 0.7, 0.1};
    const double sure = (0.7 - 1.0 / 3) / (1 - 1.0 / 3);  // 0.55
    EXPECT_TRUE(same(field_color(f, 0, 0, bp::Activation::softmax, 1), mix(diverging(0.0), class_color(1), static_cast<float>(sure))));
    f.out = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    EXPECT_TRUE(same(field_color(f, 0, 0, bp::Activation::softmax, 1), diverging(0.0))) << "no preference: neutral";
    const double one[] = {1.0}, zero[] = {0.0}, hot[] = {0, 0, 1};
    EXPECT_TRUE(same(target_color(one, 1, true, bp::Activation::sigmoid, 1), class_color(1)));
    EXPECT_TRUE(same(target_color(zero, 1, true, bp::Activation::sigmoid, 1), class_color(0)));
    EXPECT_TRUE(same(target_color(hot, 3, true, bp::Activation::softmax, 1), class_color(2)));
    EXPECT_GT(class_color(1).b, class_color(1).r) << "class 1 is blue, as a = 1 on the diverging scale";
    EXPECT_GT(class_color(0).r, class_color(0).b) << "class 0 is orange";
}
