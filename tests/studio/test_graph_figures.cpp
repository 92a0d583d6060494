// The graph canvas's window-free parts: the layout (left to right from the variables to y, nothing
// overlapping, the hit test) and a graph written back as an expression (graph_text.h) that the parser
// reads to the same values and derivatives — for networks' neurons and layers and for parsed expressions.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "app/studio/figures/graph_layout.h"
#include "app/studio/figures/graph_text.h"
#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/example.h"
#include "app/studio/handlers/expression.h"
#include "engine/graph/expression_parser.h"
#include "engine/graph/graph_pass.h"
#include "engine/graph/network_graph.h"
#include "engine/io/serialize.h"
#include "engine/lessons/lesson_library.h"

using namespace studio;

namespace {

// The same numbers: y and ∂y/∂v for every variable, from the graph and from its text parsed again.
void expect_same_numbers(const bp::ExpressionGraph& g, const bp::VariableValues& values) {
    const std::string text = graph_text(g);
    const bp::ExpressionGraph again = bp::parse_expression(text);
    const bp::GraphPass a = bp::run_graph(g, values), b = bp::run_graph(again, values);
    const double ya = a.value[static_cast<std::size_t>(g.output)], yb = b.value[static_cast<std::size_t>(again.output)];
    EXPECT_NEAR(ya, yb, 1e-12 * (1 + std::fabs(ya))) << text;
    // Every variable that reaches y keeps its derivative; one that does not (a layer's other neurons, when y
    // is its first) is not written, and its derivative is 0.
    for (const auto& [name, derivative] : bp::gradient(g, a)) {
        const int v = again.find_variable(name);
        if (v < 0) {
            EXPECT_EQ(derivative, 0.0) << name << " is left out of " << text << " but reaches y";
            continue;
        }
        EXPECT_NEAR(derivative, b.adjoint[static_cast<std::size_t>(v)], 1e-12 * (1 + std::fabs(derivative))) << name << " in " << text;
    }
}

bp::Document preset(const std::string& stem) { return bp::load_document(bp::asset_dir("presets") + "/" + stem + ".json"); }

}  // namespace

TEST(GraphText, ParsedExpressionsComeBackWithTheSameNumbers) {
    for (const char* e : {"exp(exp(x^2))", "1/exp(x^2)", "x*x + exp(x)", "-x^2 + 3*x - 0.5", "sigmoid(w*x + b)",
                          "log(sqrt(abs(x) + 1)) / (2 - sin(x)*cos(y))", "x^-2 + 2^x", "-(x - -1)", "tanh(relu(x)) * pi * e"}) {
        const bp::ExpressionGraph g = bp::parse_expression(e);
        expect_same_numbers(g, {{"x", 0.7}, {"y", -1.3}, {"w", 0.4}, {"b", -0.2}});
    }
}

TEST(GraphText, ANetworksNeuronsAndLayersComeBackWithTheSameNumbers) {
    for (const char* stem : {"mazur-2-2-2", "relu-softmax-classifier", "xor-2-3-1", "two-linear-layers"}) {
        const bp::Document d = preset(stem);
        const bp::Matrix x = bp::take_rows(d.data->X, 0, 1);
        for (int l = 1; l <= d.net.L(); ++l) {
            const bp::NetworkGraph layer = bp::expand_layer(d.net, x, l);
            expect_same_numbers(layer.graph, layer.values);
            const bp::NetworkGraph neuron = bp::expand_neuron(d.net, x, l, 0);
            expect_same_numbers(neuron.graph, neuron.values);
        }
    }
}

namespace {

// Reading order: an earlier band, or the same band further left.
bool before(const GraphLayout& lay, int a, int b) {
    const auto i = static_cast<std::size_t>(a), k = static_cast<std::size_t>(b);
    return lay.band[i] < lay.band[k] || (lay.band[i] == lay.band[k] && lay.center[i].x < lay.center[k].x);
}

void expect_readable(const bp::ExpressionGraph& g, const GraphLayout& lay, float above, float below) {
    ASSERT_EQ(lay.center.size(), static_cast<std::size_t>(g.size()));
    for (int i = 0; i < g.size(); ++i) {
        const Vec2 c = lay.center[static_cast<std::size_t>(i)];
        for (const int in : g.node(i).inputs) EXPECT_TRUE(before(lay, in, i)) << "node " << in << " is read by " << i;
        EXPECT_GE(c.y - lay.radius - above, lay.area.y - 0.01f) << "the words above node " << i << " stay inside";
        EXPECT_LE(c.y + lay.radius + below, lay.area.y + lay.area.h + 0.01f) << "the words below node " << i << " stay inside";
        for (int k = 0; k < i; ++k) {
            const Vec2 o = lay.center[static_cast<std::size_t>(k)];
            if (std::fabs(c.x - o.x) < lay.column_w / 2)  // one column: the circles and their words do not meet
                EXPECT_GE(std::fabs(c.y - o.y), 2 * lay.radius + above + below - 0.01f) << "nodes " << k << " and " << i;
            else
                EXPECT_GE(std::fabs(c.x - o.x), lay.column_w - 0.01f);
        }
        EXPECT_EQ(graph_node_at(lay, c), i);
    }
    EXPECT_EQ(graph_node_at(lay, {lay.area.x + lay.area.w + 50, lay.area.y}), -1);
}

}  // namespace

TEST(GraphLayout, LeftToRightFromTheVariablesToTheOutputWithoutOverlap) {
    const bp::ExpressionGraph g = bp::parse_expression("x*x + exp(x) + 2*w");
    const GraphLayout lay = layout_graph(g, Box{10, 20, 800, 400}, 30, 16, 32, 100);
    EXPECT_EQ(lay.bands, 1);
    expect_readable(g, lay, 16, 32);
    EXPECT_EQ(lay.column[static_cast<std::size_t>(g.output)], lay.columns - 1) << "y is the rightmost column";
    const auto w = static_cast<std::size_t>(g.find_variable("w"));
    EXPECT_EQ(lay.column[w], lay.column[static_cast<std::size_t>(g.outgoing[w][0].to)] - 1) << "w sits just left of the product that reads it";
    // In a chain a weight used late sits late: w3 beside σ(w3·h₂), not with x.
    const bp::ExpressionGraph chain = bp::parse_expression("sigmoid(w3 * sigmoid(w2 * sigmoid(w1 * x)))");
    const GraphLayout c = layout_graph(chain, Box{0, 0, 2000, 400}, 30, 16, 32, 100);
    EXPECT_EQ(c.column[static_cast<std::size_t>(chain.find_variable("w3"))], 4);
}

TEST(GraphLayout, ALongChainContinuesOnTheNextBandWhenTheColumnsDoNotFit) {
    const bp::ExpressionGraph g = bp::parse_expression("-log(sigmoid(w3 * sigmoid(w2 * sigmoid(w1 * x))))");
    const GraphLayout wide = layout_graph(g, Box{0, 0, 2000, 400}, 30, 16, 32, 150);
    EXPECT_EQ(wide.bands, 1);
    const GraphLayout narrow = layout_graph(g, Box{0, 0, 600, 600}, 30, 16, 32, 150);
    EXPECT_EQ(narrow.bands, 3) << narrow.columns << " columns of 150 px in 600";
    EXPECT_GE(narrow.column_w, 150.0f);
    EXPECT_FLOAT_EQ(narrow.area.w, 600) << "it fits";
    expect_readable(g, narrow, 16, 32);
    // Too low for three bands of two rows: two bands, wider than the area (the canvas scrolls sideways), the
    // circles never below the smallest radius asked.
    const GraphLayout low = layout_graph(g, Box{0, 0, 600, 300}, 30, 16, 32, 150, 8);
    EXPECT_EQ(low.bands, 2);
    EXPECT_GT(low.area.w, 600.0f);
    EXPECT_GE(low.radius, 8.0f - 1e-3f);
    expect_readable(g, low, 16, 32);
    // Too low for even one band: taller than the area (it scrolls down too).
    const GraphLayout flat = layout_graph(g, Box{0, 0, 600, 80}, 30, 16, 32, 150, 8);
    EXPECT_GT(flat.area.h, 80.0f);
    EXPECT_GE(flat.radius, 8.0f - 1e-3f);
    expect_readable(g, flat, 16, 32);
}
TEST(GraphFromNetwork, ANeuronOpensAsAnUnsavedExpressionWithItsCourseLabels) {
    AppState s = make_state(builtin_example(), "", "Mazur's 2-2-2 example");
    apply(s, act::Files{files_cmd::ShowAsGraph{Selection::neuron(2, 0), false}});
    ASSERT_TRUE(s.expression) << s.status;
    EXPECT_EQ(s.title, "Neuron a²₁ as a graph");
    EXPECT_TRUE(s.file_path.empty());
    EXPECT_NE(s.expression->origin.find("Mazur's 2-2-2 example, sample 1"), std::string::npos) << s.expression->origin;
    const bp::ExpressionGraph& g = s.expression->stepper.graph();
    EXPECT_EQ(g.node(g.output).label, "a²₁") << "the network's own labels, not h₁";
    // The value is the network's forward value of a²₁ (Mazur: 0.75136507).
    EXPECT_NEAR(s.expression->stepper.pass().value[static_cast<std::size_t>(g.output)], 0.75136507, 1e-8);

    // Editing a variable keeps the labels; typing another expression leaves them; undo brings them back.
    apply(s, act::Expression{expr_cmd::SetVariable{"w2_1_1", 0.5}});
    EXPECT_EQ(s.expression->stepper.graph().node(s.expression->stepper.graph().output).label, "a²₁");
    apply(s, act::Expression{expr_cmd::SetText{"x + 1"}});
    EXPECT_EQ(s.expression->doc.expression, "x + 1");
    apply(s, act::Undo{});
    EXPECT_EQ(s.expression->stepper.graph().node(s.expression->stepper.graph().output).label, "a²₁");

    AppState input = make_state(builtin_example(), "", "m");
    apply(input, act::Files{files_cmd::ShowAsGraph{Selection::neuron(0, 0), false}});
    EXPECT_FALSE(input.expression);
    EXPECT_FALSE(input.files.error_title.empty()) << "an input neuron has nothing to expand: said, not crashed";
}
