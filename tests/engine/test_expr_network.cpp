// A network is a graph too: the expansion of whole small networks with their loss gives the passes'
// z, a and loss and backprop's ∂L/∂w and ∂L/∂b for every activation × loss (with and without biases,
// one-hot and soft targets); a neuron's and a layer's graphs give f′(z)·a; the notes' sigmoid chain as a
// network equals the same chain written as an expression; too large a network is refused with the limit.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "engine/core/activations.h"
#include "engine/graph/expression_document.h"
#include "engine/graph/graph_formulas.h"
#include "engine/graph/network_graph.h"
#include "engine/teaching/notation.h"
#include "engine/core/passes.h"
#include "engine/io/serialize.h"
#include "engine_cases.h"

namespace bp {
namespace {

constexpr double kRel = 1e-12;  // the graph sums and multiplies as the passes do; softmax and the logs differ in rounding

void expect_close(double graph, double engine, const std::string& what) {
    EXPECT_NEAR(graph, engine, kRel * std::max(1.0, std::fabs(engine))) << what;
}

double value(const GraphPass& p, int id) { return p.value.at(static_cast<std::size_t>(id)); }
double adjoint(const GraphPass& p, int id) { return p.adjoint.at(static_cast<std::size_t>(id)); }

// Every z, a, the loss, every ∂L/∂w and ∂L/∂b of the network's graph against run_pass on the one sample.
void expect_same_as_passes(const Network& net, const Matrix& x, const Matrix& y, const std::string& name) {
    const NetworkGraph n = expand_network(net, x, &y);
    const GraphPass p = run_graph(n.graph, n.values);
    const Trace t = run_pass(net, x, y);  // N = 1: no 1/N
    expect_close(value(p, n.loss), t.loss, name + " L");
    EXPECT_EQ(n.graph.output, n.loss);
    for (int l = 1; l <= net.L(); ++l) {
        const Layer& layer = net.layers[static_cast<std::size_t>(l)];
        for (int j = 0; j < layer.size; ++j) {
            const std::string at = name + " l" + std::to_string(l) + " j" + std::to_string(j);
            expect_close(value(p, n.z[static_cast<std::size_t>(l)][static_cast<std::size_t>(j)]), t.layers[static_cast<std::size_t>(l)].z(0, j), at + " z");
            expect_close(value(p, n.a[static_cast<std::size_t>(l)][static_cast<std::size_t>(j)]), t.layers[static_cast<std::size_t>(l)].a(0, j), at + " a");
            for (int k = 0; k < layer.W.cols; ++k)
                expect_close(adjoint(p, n.w[static_cast<std::size_t>(l)][static_cast<std::size_t>(j)][static_cast<std::size_t>(k)]),
                             t.layers[static_cast<std::size_t>(l)].dW(j, k), at + " dW k" + std::to_string(k));
            const int b = n.b[static_cast<std::size_t>(l)][static_cast<std::size_t>(j)];
            if (layer.bias)
                expect_close(adjoint(p, b), t.layers[static_cast<std::size_t>(l)].db[static_cast<std::size_t>(j)], at + " db");
            else
                EXPECT_EQ(b, -1) << at;
        }
    }
}

TEST(ExprNetwork, WholeNetworksGiveThePassesNumbersForEveryActivationAndLoss) {
    int cases = 0;
    for (const test::Case& c : test::all_cases()) {
        for (const bool bias : {true, false}) {
            const Network net = test::case_network(c, {3, 4, 2}, 11, bias);
            const Dataset d = test::case_data(net, 1, 5);
            expect_same_as_passes(net, d.X, d.Y, c.name() + (bias ? "" : " no bias"));
            ++cases;
        }
    }
    EXPECT_EQ(cases, 2 * static_cast<int>(test::all_cases().size()));
    EXPECT_GE(cases, 90);  // the six activations and four losses of the first release, at least
}

TEST(ExprNetwork, OneHotTargetsAndDeeperNetworks) {
    // One-hot cross-entropy (the zero terms are left out, as the engine leaves them out), BCE with target 1
    // (L = −log a) and with target 0 (L = −log(1 − a)), and three hidden layers.
    const test::Case ce{Activation::tanh, Activation::softmax, Loss::cross_entropy};
    const Network soft = test::case_network(ce, {2, 3, 3, 3, 3}, 4);
    Matrix x(1, 2), y(1, 3);
    x(0, 0) = 0.3, x(0, 1) = -0.8;
    y(0, 1) = 1.0;
    expect_same_as_passes(soft, x, y, "one-hot");
    const test::Case bce{Activation::relu, Activation::sigmoid, Loss::binary_cross_entropy};
    const Network net = test::case_network(bce, {2, 3, 2}, 9);
    Matrix t(1, 2);
    t(0, 0) = 1.0, t(0, 1) = 0.0;
    expect_same_as_passes(net, x, t, "bce 1 and 0");
}

TEST(ExprNetwork, LabelsAndNamesFollowTheNotation) {
    const test::Case c{Activation::sigmoid, Activation::sigmoid, Loss::mse_half};
    const Network net = test::case_network(c, {2, 2, 2}, 3);
    const Dataset d = test::case_data(net, 1, 3);
    const NetworkGraph n = expand_network(net, d.X, &d.Y);
    const int w = n.w[2][0][1];
    EXPECT_EQ(n.graph.node(w).name, "w2_1_2");  // w²₁₂ = layers[2].weights[0][1]
    EXPECT_EQ(n.graph.node(w).label, "w²₁₂");
    EXPECT_EQ(n.graph.node(w).latex, "w^{2}_{12}");
    EXPECT_EQ(n.values.at("w2_1_2"), net.layers[2].W(0, 1));
    EXPECT_EQ(n.graph.node(n.b[1][1]).name, "b1_2");
    EXPECT_EQ(n.graph.node(n.a[0][1]).name, "x2");
    EXPECT_EQ(n.graph.node(n.a[0][1]).label, "x₂");
    EXPECT_EQ(n.graph.node(n.z[1][0]).label, "z¹₁");
    EXPECT_EQ(n.graph.node(n.a[2][1]).label, "a²₂");
    EXPECT_EQ(n.graph.node(n.loss).label, "L");
    EXPECT_EQ(node_symbol(n.graph, n.graph.output).text, "L");  // the formulas call the output by its label
    EXPECT_EQ(adjoint_symbol(n.graph, w).text, "∂L/∂w²₁₂");
    EXPECT_EQ(n.graph.size(), network_graph_size(net, 1, 2, &d.Y) + 0);  // the count before building is exact
    EXPECT_EQ(n.graph.variables.size(), 2u + 4 + 2 + 4 + 2);  // x, W¹, b¹, W², b²
}

TEST(ExprNetwork, ANeuronAndALayerGiveLocalDerivatives) {
    for (const ActivationInfo& e : kActivations) {  // every activation as the output layer's
        const Activation f = e.id;
        const test::Case c{Activation::tanh, f, e.output_only ? Loss::cross_entropy : Loss::mse};
        const Network net = test::case_network(c, {3, 2, 3}, 21);
        const Dataset d = test::case_data(net, 1, 8);
        const Trace t = run_pass(net, d.X, d.Y);
        const LayerTrace& out = t.layers[2];
        const Matrix& a1 = t.layers[1].a;
        for (int j = 0; j < 3; ++j) {
            const NetworkGraph n = expand_neuron(net, d.X, 2, j);
            const GraphPass p = run_graph(n.graph, n.values);
            EXPECT_EQ(n.graph.output, n.a[2][static_cast<std::size_t>(j)]);
            expect_close(p.value[static_cast<std::size_t>(n.graph.output)], out.a(0, j), "a");
            EXPECT_EQ(n.graph.node(n.a[1][0]).name, "a1_1");  // the previous layer's activations are variables
            for (int m = 0; m < 3; ++m) {
                for (int k = 0; k < 2; ++k) {
                    const int w = n.w[2][static_cast<std::size_t>(m)][static_cast<std::size_t>(k)];
                    if (f != Activation::softmax && m != j) {
                        EXPECT_EQ(w, -1);  // another neuron's weights are not in this neuron's graph
                        continue;
                    }
                    // ∂a_j/∂w_mk = ∂a_j/∂z_m · a¹_k: f′(z_j) for an element-wise f, a_j(1[j=m] − a_m) for softmax
                    const double da_dz = activation_jacobian(f, out.z.row(0), out.a.row(0), j, m);
                    expect_close(p.adjoint[static_cast<std::size_t>(w)], da_dz * a1(0, k), "∂a/∂w");
                }
            }
        }
        NetworkGraph layer = expand_layer(net, d.X, 2);
        for (int j = 0; j < 3; ++j) {
            layer.graph.output = layer.a[2][static_cast<std::size_t>(j)];  // the studio picks which a to differentiate
            const GraphPass p = run_graph(layer.graph, layer.values);
            EXPECT_EQ(adjoint_symbol(layer.graph, layer.a[1][1]).text,
                      (f == Activation::linear ? "∂z²" : "∂a²") + subscript(j + 1) + "/∂a¹₂");
            expect_close(p.value[static_cast<std::size_t>(layer.graph.output)], out.a(0, j), "layer a");
            expect_close(p.adjoint[static_cast<std::size_t>(layer.a[1][1])],
                         activation_jacobian(f, out.z.row(0), out.a.row(0), j, 0) * net.layers[2].W(0, 1) +
                             activation_jacobian(f, out.z.row(0), out.a.row(0), j, 1) * net.layers[2].W(1, 1) +
                             activation_jacobian(f, out.z.row(0), out.a.row(0), j, 2) * net.layers[2].W(2, 1),
                         "∂a_j/∂a¹₂");
        }
    }
}

// The notes' chain as a network (assets/presets/sigmoid-chain.json) and as an expression
// (assets/expressions/sigmoid-chain.json): the same loss and the same ∂L/∂w.
TEST(ExprNetwork, TheSigmoidChainPresetAsANetworkAndAsAnExpression) {
    const Document net = load_document(std::string(BP_PRESETS_DIR) + "/sigmoid-chain.json");
    const NetworkGraph n = expand_network(net.net, net.data->X, &net.data->Y);
    const GraphPass pn = run_graph(n.graph, n.values);
    const ExpressionDocument doc = load_expression_document(std::string(BP_EXPRESSIONS_DIR) + "/sigmoid-chain.json");
    const ExpressionGraph g = document_graph(doc);
    const GraphPass pe = run_graph(g, doc.variables);
    expect_close(pe.value[static_cast<std::size_t>(g.output)], pn.value[static_cast<std::size_t>(n.loss)], "L");
    for (int l = 1; l <= 3; ++l)
        expect_close(pe.adjoint[static_cast<std::size_t>(g.find_variable("w" + std::to_string(l)))],
                     pn.adjoint[static_cast<std::size_t>(n.w[static_cast<std::size_t>(l)][0][0])], "w" + std::to_string(l));
}

TEST(ExprNetwork, TooLargeANetworkIsRefusedWithTheLimit) {
    const test::Case c{Activation::relu, Activation::linear, Loss::mse};
    const Network big = test::case_network(c, {16, 64, 64, 1}, 1);
    const Dataset d = test::case_data(big, 1, 1);
    const long long nodes = network_graph_size(big, 1, 3, &d.Y);
    EXPECT_GT(nodes, kMaxGraphNodes);
    try {
        expand_network(big, d.X, &d.Y);
        FAIL() << "expanded";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), "the whole network with its loss needs " + std::to_string(nodes) +
                                             " nodes, more than the limit of 4000: expand one layer or one neuron instead");
    }
    EXPECT_THROW(expand_layer(big, d.X, 2), Error);         // 64 × 64 weights
    const NetworkGraph one = expand_neuron(big, d.X, 2, 5);  // one neuron is small
    EXPECT_EQ(one.graph.size(), 64 * 3 + 3);                // a¹ₖ, w²₆ₖ, their products; b, z, a
    EXPECT_THROW(expand_neuron(big, d.X, 4, 0), Error);     // no layer 4
    EXPECT_THROW(expand_neuron(big, d.X, 2, 64), Error);    // no neuron 64
    Matrix wrong(1, 3);
    EXPECT_THROW(expand_network(big, wrong), Error);        // 3 inputs for 16
}

}  // namespace
}  // namespace bp
