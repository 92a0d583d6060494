// Paths in expression graphs: the three paths of x·x + e^x with their factors in board order, path sums
// equal to adjoints on random expressions, the listing cap (the searched top paths are the brute-force top
// ones; listed + rest = the adjoint) and a graph with 2^1100 paths answered at once.
#include <algorithm>
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "engine/graph/expression_parser.h"
#include "engine/graph/graph_paths.h"
#include "random_expression.h"

namespace bp {
namespace {

bool close(double a, double b, double rel) { return std::fabs(a - b) <= rel * std::max({1.0, std::fabs(a), std::fabs(b)}); }

// x → sin, cos → their product, `levels` times over: 2^levels paths from x, 3 nodes a level.
ExpressionGraph diamond_chain(int levels) {
    GraphBuilder b;
    int a = b.variable("x");
    for (int k = 0; k < levels; ++k) a = b.operation(Op::mul, {b.operation(Op::sin, {a}), b.operation(Op::cos, {a})});
    return b.finish(a);
}

TEST(ExprPaths, ThreePathsFromXInXTimesXPlusExpX) {
    const ExpressionGraph g = parse_expression("x*x + exp(x)");
    const GraphPass pass = run_graph(g, {{"x", 0.5}});
    const GraphPathListing l = enumerate_graph_paths(g, pass, g.find_variable("x"));
    EXPECT_EQ(l.count, 3);
    ASSERT_EQ(l.paths.size(), 3u);
    EXPECT_TRUE(l.walked);
    EXPECT_EQ(l.rest_count, 0);
    // Largest first: through e^x (∂y/∂h₂ = 1, ∂h₂/∂x = e^0.5), then x·x by each of its two inputs.
    EXPECT_EQ(l.paths[0].nodes, (std::vector<int>{0, 2, 3}));
    EXPECT_EQ(l.paths[0].factors, (std::vector<double>{1.0, std::exp(0.5)}));
    EXPECT_EQ(path_route(g, l.paths[0]), "x → h₂ → y");
    EXPECT_EQ(factor_label(g, l.paths[0], 0), "∂y/∂h₂");
    EXPECT_EQ(factor_label(g, l.paths[0], 1), "∂h₂/∂x");
    EXPECT_EQ(l.paths[1].nodes, (std::vector<int>{0, 1, 3}));
    EXPECT_EQ(l.paths[2].nodes, (std::vector<int>{0, 1, 3}));
    EXPECT_EQ(l.paths[1].slots, (std::vector<int>{0, 0}));  // x as the first input of x·x
    EXPECT_EQ(l.paths[2].slots, (std::vector<int>{1, 0}));  // x as the second
    EXPECT_EQ(l.paths[1].product, 0.5);
    EXPECT_EQ(l.sum, 1.0 + std::exp(0.5));
    EXPECT_EQ(l.adjoint, 1.0 + std::exp(0.5));
}

// The notes' chain rule written as paths: dy/dx = dy/dh₂ · dh₂/dh₁ · dh₁/dx, one path.
TEST(ExprPaths, TheNotesChainIsOnePathWithFactorsFromYBack) {
    const ExpressionGraph g = parse_expression("exp(exp(x^2))");
    const GraphPass pass = run_graph(g, {{"x", 0.5}});
    const GraphPathListing l = enumerate_graph_paths(g, pass, 0);
    ASSERT_EQ(l.paths.size(), 1u);
    const GraphPath& p = l.paths[0];
    EXPECT_EQ(path_route(g, p), "x → h₁ → h₂ → y");
    EXPECT_EQ(factor_label(g, p, 0), "∂y/∂h₂");
    EXPECT_EQ(factor_label(g, p, 1), "∂h₂/∂h₁");
    EXPECT_EQ(factor_label(g, p, 2), "∂h₁/∂x");
    EXPECT_EQ(p.factors, (std::vector<double>{pass.value[4], pass.value[3], 1.0}));  // e^(h₂), e^(h₁), 2x
    EXPECT_EQ(p.product, pass.adjoint[0]);  // one path: the same products in the same order
    // No paths from the constant 2; one empty path from y itself.
    EXPECT_EQ(enumerate_graph_paths(g, pass, 1).count, 0);
    const GraphPathListing self = enumerate_graph_paths(g, pass, g.output);
    ASSERT_EQ(self.paths.size(), 1u);
    EXPECT_EQ(self.paths[0].product, 1.0);
    EXPECT_EQ(path_route(g, self.paths[0]), "y");
}

TEST(ExprPaths, PathSumsEqualAdjointsOnRandomExpressions) {
    Rng rng(77);
    int checked = 0;
    for (int attempt = 0; attempt < 5000 && checked < 300; ++attempt) {
        const ExpressionGraph g = parse_expression(test::random_expression(rng, 5));
        GraphPass pass;
        try {
            pass = run_graph(g, test::random_values(rng));
        } catch (const DomainError&) {
            continue;
        }
        ++checked;
        for (int id = 0; id < g.size(); ++id) {  // from every node that has an adjoint, not only variables
            if (!has_adjoint(g, id)) continue;
            const GraphPathListing l = enumerate_graph_paths(g, pass, id);
            ASSERT_TRUE(l.walked);
            EXPECT_EQ(l.paths.size(), static_cast<std::size_t>(l.count));
            EXPECT_TRUE(close(l.sum, pass.adjoint[static_cast<std::size_t>(id)], 1e-12)) << g.source << " node " << id;
            for (const GraphPath& p : l.paths) {
                double product = 1.0;
                for (double f : p.factors) product *= f;
                EXPECT_EQ(product, p.product);
                EXPECT_EQ(p.nodes.front(), id);
                EXPECT_EQ(p.nodes.back(), g.output);
            }
        }
    }
    EXPECT_EQ(checked, 300);
}

TEST(ExprPaths, BeyondTheCapTheTopPathsAreTheLargestAndTheRestAddsUp) {
    const ExpressionGraph g = diamond_chain(12);  // 4096 paths
    const GraphPass pass = run_graph(g, {{"x", 0.7}});
    const GraphPathListing all = enumerate_graph_paths(g, pass, 0);
    ASSERT_EQ(all.count, 4096);
    ASSERT_EQ(all.paths.size(), 4096u);
    const GraphPathListing top = enumerate_graph_paths(g, pass, 0, /*list_all=*/1000, /*top=*/200);
    ASSERT_EQ(top.paths.size(), 200u);
    EXPECT_EQ(top.count, 4096);
    EXPECT_EQ(top.rest_count, 4096 - 200);
    EXPECT_TRUE(top.walked);
    for (int i = 0; i < 200; ++i) {  // the same |products| as the brute-force listing's first 200
        EXPECT_EQ(std::fabs(top.paths[static_cast<std::size_t>(i)].product), std::fabs(all.paths[static_cast<std::size_t>(i)].product)) << i;
        if (i > 0) {
            EXPECT_GE(std::fabs(top.paths[static_cast<std::size_t>(i - 1)].product),
                      std::fabs(top.paths[static_cast<std::size_t>(i)].product));
        }
    }
    double listed = 0.0;
    for (const GraphPath& p : top.paths) listed += p.product;
    EXPECT_TRUE(close(listed + top.rest_sum, pass.adjoint[0], 1e-12));
    EXPECT_TRUE(close(top.sum, all.sum, 1e-15));
}

TEST(ExprPaths, TwoToThe1100PathsAreCountedAndSearchedNotWalked) {
    const ExpressionGraph g = diamond_chain(1100);  // 3301 nodes
    const GraphPass pass = run_graph(g, {{"x", 0.3}});
    const GraphPathListing l = enumerate_graph_paths(g, pass, 0);
    EXPECT_EQ(l.count, std::ldexp(1.0L, 1100));  // far beyond a double: no saturation
    EXPECT_EQ(count_text(l.count), "1.358e+331");
    EXPECT_FALSE(l.walked);
    EXPECT_EQ(l.sum, pass.adjoint[0]);  // too many to walk: the sum is the adjoint
    ASSERT_EQ(l.paths.size(), 200u);
    EXPECT_EQ(l.paths[0].factors.size(), 2200u);
    // The best path takes cos at every level: each factor pair ∂(s·c)/∂c · ∂c/∂a = sin·(−sin) is smaller
    // than ∂(s·c)/∂s · ∂s/∂a = cos·cos for these small a.
    for (std::size_t k = 0; k + 1 < l.paths[0].nodes.size(); k += 2) {
        EXPECT_EQ(g.node(l.paths[0].nodes[k + 1]).op, Op::sin);
    }
    EXPECT_EQ(count_text(3), "3");
}

}  // namespace
}  // namespace bp
