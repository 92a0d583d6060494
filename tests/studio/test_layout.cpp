// Canvas geometry: every node inside the canvas, none overlapping, columns in layer order, bias nodes in
// the previous column, and hit testing that finds what is drawn where.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "app/studio/figures/layout.h"

using namespace studio;

namespace {

float dist(Vec2 a, Vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

void expect_valid(const std::vector<int>& sizes, const std::vector<bool>& bias, Box canvas) {
    const NetworkLayout lay = layout_network(sizes, bias, canvas, 30, 44);
    ASSERT_EQ(lay.neurons.size(), sizes.size());
    std::vector<std::pair<Vec2, float>> nodes;  // centre, radius
    for (std::size_t l = 0; l < sizes.size(); ++l) {
        ASSERT_EQ(static_cast<int>(lay.neurons[l].size()), sizes[l]);
        for (Vec2 p : lay.neurons[l]) nodes.push_back({p, lay.radius});
        if (l > 0 && bias[l]) nodes.push_back({lay.bias[l], lay.bias_radius * 1.42f});  // square's half-diagonal
        if (l > 0) {
            EXPECT_GT(lay.column_x[l], lay.column_x[l - 1]);
        }
    }
    for (const auto& [p, r] : nodes) {
        EXPECT_GE(p.x - r, canvas.x);
        EXPECT_LE(p.x + r, canvas.x + canvas.w);
        EXPECT_GE(p.y - r, canvas.y + 30) << "below the label band";
        EXPECT_LE(p.y + r, canvas.y + canvas.h);
    }
    for (std::size_t a = 0; a < nodes.size(); ++a)
        for (std::size_t b = a + 1; b < nodes.size(); ++b)
            EXPECT_GT(dist(nodes[a].first, nodes[b].first), nodes[a].second + nodes[b].second)
                << "nodes " << a << " and " << b << " overlap";
    // The loss node sits right of the output column, inside the canvas.
    EXPECT_GT(lay.loss.x, lay.column_x.back());
    EXPECT_LE(lay.loss.x + lay.loss_column_w / 2, canvas.x + canvas.w + 0.01f);
}

}  // namespace

TEST(Layout, SmallNetworkFitsWithoutOverlap) {
    expect_valid({2, 2, 2}, {false, true, true}, {10, 20, 800, 500});
}

TEST(Layout, LargestNetworkFitsWithoutOverlap) {
    std::vector<int> sizes(11, 64);
    std::vector<bool> bias(11, true);
    expect_valid(sizes, bias, {0, 0, 900, 560});
}

TEST(Layout, UnevenAndBiaslessLayers) {
    expect_valid({3, 8, 1, 5}, {false, false, true, false}, {5, 5, 640, 400});
    expect_valid({1, 1}, {false, true}, {0, 0, 200, 120});
}

TEST(Layout, BiasNodeSitsInThePreviousColumnBelowItsNeurons) {
    const NetworkLayout lay = layout_network({2, 3, 2}, {false, true, true}, {0, 0, 800, 600}, 30, 44);
    for (int l = 1; l <= 2; ++l) {
        EXPECT_FLOAT_EQ(lay.bias[l].x, lay.column_x[l - 1]);
        for (Vec2 p : lay.neurons[l - 1]) EXPECT_GT(lay.bias[l].y, p.y);
    }
}

TEST(Layout, SmallNetworksGetBigNeuronsCappedByMaxRadius) {
    const NetworkLayout lay = layout_network({2, 2, 2}, {false, true, true}, {0, 0, 1200, 800}, 30, 44);
    EXPECT_FLOAT_EQ(lay.radius, 44.0f);
}

TEST(Layout, HitTestFindsNeuronsEdgesAndBiases) {
    const NetworkLayout lay = layout_network({2, 2, 2}, {false, true, true}, {0, 0, 900, 600}, 30, 44);
    EXPECT_EQ(hit_test(lay, lay.neurons[1][1], 6), Selection::neuron(1, 1));
    const Vec2 a = lay.neurons[0][1], b = lay.neurons[1][0];  // edge of w¹₁₂ (k = 1 → j = 0)
    const Vec2 quarter{a.x + (b.x - a.x) * 0.25f, a.y + (b.y - a.y) * 0.25f};  // not where edges cross
    EXPECT_EQ(hit_test(lay, quarter, 6), Selection::weight(1, 0, 1));
    const Vec2 c = lay.bias[2], d = lay.neurons[2][1];
    const Vec2 near_bias{c.x + (d.x - c.x) * 0.6f, c.y + (d.y - c.y) * 0.6f};
    EXPECT_EQ(hit_test(lay, near_bias, 6), Selection::bias(2, 1));
    EXPECT_TRUE(hit_test(lay, {1, 1}, 6).empty());
}

TEST(Layout, DistanceToSegment) {
    EXPECT_FLOAT_EQ(distance_to_segment({0, 1}, {-1, 0}, {1, 0}), 1.0f);
    EXPECT_FLOAT_EQ(distance_to_segment({3, 4}, {0, 0}, {0, 0}), 5.0f);
    EXPECT_FLOAT_EQ(distance_to_segment({5, 0}, {0, 0}, {2, 0}), 3.0f);
}
