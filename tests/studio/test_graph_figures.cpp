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

TEST(GraphLayout, LeftToRightFromTheVariablesToTheOutputWithoutOverlap) {
    const bp::ExpressionGraph g = bp::parse_expression("x*x + exp(x) + 2*w");
    const Box area{10, 20, 800, 400};
    const GraphLayout lay = layout_graph(g, area, 30, 40);
    ASSERT_EQ(lay.center.size(), static_cast<std::size_t>(g.size()));
    for (int i = 0; i < g.size(); ++i) {
        for (const int in : g.node(i).inputs)
            EXPECT_LT(lay.center[static_cast<std::size_t>(in)].x, lay.center[static_cast<std::size_t>(i)].x) << "an input is left of its reader";
        EXPECT_TRUE(area.contains(lay.center[static_cast<std::size_t>(i)]));
        for (int k = 0; k < i; ++k) {
            const float dx = lay.center[static_cast<std::size_t>(i)].x - lay.center[static_cast<std::size_t>(k)].x;
            const float dy = lay.center[static_cast<std::size_t>(i)].y - lay.center[static_cast<std::size_t>(k)].y;
            EXPECT_GE(std::sqrt(dx * dx + dy * dy), 2 * lay.radius) << "nodes " << k << " and " << i << " overlap";
        }
        EXPECT_EQ(graph_node_at(lay, lay.center[static_cast<std::size_t>(i)]), i);
    }
    EXPECT_EQ(graph_node_at(lay, {area.x + area.w + 50, area.y}), -1);
    EXPECT_EQ(lay.column[static_cast<std::size_t>(g.output)], lay.columns - 1) << "y is the rightmost column";
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
