// The keyboard's walk through the network ([ ] neurons, { } weights and biases): the order of Mazur's
// 2-2-2 example written out by hand — x₁ x₂ h₁ w¹₁₁ w¹₁₂ b¹₁ h₂ w¹₂₁ w¹₂₂ b¹₂ o₁ w²₁₁ w²₁₂ b²₁ o₂ w²₂₁ w²₂₂ b²₂.
#include <gtest/gtest.h>

#include <vector>

#include "app/studio/handlers/example.h"
#include "app/studio/figures/selection_order.h"

using namespace studio;

namespace {

using S = Selection;

std::vector<S> walk(const bp::Network& net, S from, SelectionStride stride, int direction, int count) {
    std::vector<S> seen;
    for (int i = 0; i < count; ++i) seen.push_back(from = next_selection(net, from, stride, direction));
    return seen;
}

}  // namespace

TEST(SelectionOrder, NeuronsLayerByLayerThenWrap) {
    const bp::Network net = builtin_example().net;
    const std::vector<S> expected = {S::neuron(0, 0), S::neuron(0, 1), S::neuron(1, 0), S::neuron(1, 1),
                                     S::neuron(2, 0), S::neuron(2, 1), S::neuron(0, 0)};
    EXPECT_EQ(walk(net, S{}, SelectionStride::neuron, +1, 7), expected);
    EXPECT_EQ(walk(net, S{}, SelectionStride::neuron, -1, 2), (std::vector<S>{S::neuron(2, 1), S::neuron(2, 0)}));
}

TEST(SelectionOrder, ParametersNeuronByNeuronEachBiasAfterItsWeights) {
    const bp::Network net = builtin_example().net;
    const std::vector<S> expected = {S::weight(1, 0, 0), S::weight(1, 0, 1), S::bias(1, 0), S::weight(1, 1, 0),
                                     S::weight(1, 1, 1), S::bias(1, 1),      S::weight(2, 0, 0), S::weight(2, 0, 1),
                                     S::bias(2, 0),      S::weight(2, 1, 0), S::weight(2, 1, 1), S::bias(2, 1),
                                     S::weight(1, 0, 0)};
    EXPECT_EQ(walk(net, S{}, SelectionStride::parameter, +1, 13), expected);
}

TEST(SelectionOrder, AParameterSitsAfterTheNeuronItLeadsInto) {
    const bp::Network net = builtin_example().net;
    EXPECT_EQ(next_selection(net, S::neuron(2, 0), SelectionStride::parameter, +1), S::weight(2, 0, 0));
    EXPECT_EQ(next_selection(net, S::neuron(2, 0), SelectionStride::parameter, -1), S::bias(1, 1));
    EXPECT_EQ(next_selection(net, S::neuron(0, 1), SelectionStride::parameter, +1), S::weight(1, 0, 0));
    EXPECT_EQ(next_selection(net, S::weight(2, 1, 1), SelectionStride::neuron, -1), S::neuron(2, 1));
    EXPECT_EQ(next_selection(net, S::weight(2, 1, 1), SelectionStride::neuron, +1), S::neuron(0, 0));
}

TEST(SelectionOrder, SkipsAbsentBiasesAndStartsOverFromASelectionThatIsGone) {
    bp::Network net = builtin_example().net;
    net.layers[2].bias = false;
    EXPECT_EQ(next_selection(net, S::weight(2, 0, 1), SelectionStride::parameter, +1), S::weight(2, 1, 0));
    EXPECT_EQ(next_selection(net, S::weight(1, 0, 0), SelectionStride::parameter, -1), S::weight(2, 1, 1));
    EXPECT_EQ(next_selection(net, S::neuron(7, 3), SelectionStride::neuron, +1), S::neuron(0, 0));
}
