// Placing the canvas's words (figures/label_place.h): a label takes the first free candidate; none covers
// another label, a neuron other than its own, a bias node, or leaves the area; with no free place it is
// left out.
#include <gtest/gtest.h>

#include "app/studio/figures/label_place.h"

using namespace studio;

namespace {

NetworkLayout two_neurons() {  // neurons at (100, 100) and (100, 200), radius 20; a bias node at (300, 300)
    NetworkLayout lay;
    lay.radius = 20;
    lay.bias_radius = 10;
    lay.neurons = {{{100, 100}, {100, 200}}, {{300, 150}}};
    lay.has_bias = {false, true};
    lay.bias = {{}, {300, 300}};
    return lay;
}

}  // namespace

TEST(LabelPlace, TakesTheFirstFreePlaceAndNeverOverlaps) {
    const NetworkLayout lay = two_neurons();
    LabelPlacer p({0, 0, 400, 400}, lay);
    const Rect a{30, 30, 60, 40};
    ASSERT_TRUE(p.place({a}).has_value());
    // The same place is taken now: the second candidate is used.
    const Rect b{200, 30, 230, 40};
    const std::optional<Rect> r = p.place({a, b});
    ASSERT_TRUE(r.has_value());
    EXPECT_FLOAT_EQ(r->x0, b.x0);
    // Every candidate covered: left out.
    EXPECT_FALSE(p.place({a, b}).has_value());
}

TEST(LabelPlace, NeuronsBiasNodesAndTheAreaAreObstacles) {
    const NetworkLayout lay = two_neurons();
    LabelPlacer p({0, 0, 400, 400}, lay);
    EXPECT_FALSE(p.free(centred(100, 100, 10, 10)));         // on a neuron
    EXPECT_TRUE(p.free(centred(100, 100, 10, 10), 0, 0));    // its own neuron: a number inside it
    EXPECT_FALSE(p.free(centred(100, 100, 10, 10), 0, 1));   // not another's
    EXPECT_FALSE(p.free({114, 114, 140, 125}));              // its corner reaches into the circle (√(14²+14²) < 20)
    EXPECT_TRUE(p.free({115, 115, 140, 125}));               // just outside it (√(15²+15²) > 20)
    EXPECT_FALSE(p.free(centred(300, 300, 8, 8)));           // on the bias node
    EXPECT_FALSE(p.free({390, 10, 410, 20}));                // out of the area
}

TEST(LabelPlace, BesideANeuronBelowFirstThenAround) {
    NetworkLayout lay = two_neurons();
    lay.neurons[0][1] = {100, 150};  // 50 px below the first: too close for a label between them
    LabelPlacer p({0, 0, 400, 400}, lay);
    // The second neuron's number goes below it (the first place tried).
    const std::optional<Rect> second = p.place(beside_neuron(100, 150, 20, 40, 12, 4), 0, 1);
    ASSERT_TRUE(second.has_value());
    EXPECT_FLOAT_EQ(second->y0, 174);
    // The first's cannot go below it (the second neuron is there): above it.
    const std::optional<Rect> first = p.place(beside_neuron(100, 100, 20, 40, 12, 4), 0, 0);
    ASSERT_TRUE(first.has_value());
    EXPECT_FLOAT_EQ(first->y1, 76);
    EXPECT_FALSE(first->overlaps(*second));
    EXPECT_FALSE(p.free(*first));  // taken now
}
