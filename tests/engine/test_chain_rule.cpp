// Chain-rule paths: Mazur's two paths for w¹₁₁ with the tutorial's factors; every path's product against
// an independent product of the network's own numbers; Σ products = backprop's gradient for every
// activation × loss; softmax cross terms; the listing cap (top paths = the brute-force top); a 10 × 64
// network answered at once.
#include <algorithm>
#include <climits>
#include <cmath>
#include <set>

#include <gtest/gtest.h>

#include "engine/teaching/chain_rule.h"
#include "engine/core/error.h"
#include "engine/core/rng.h"
#include "engine_cases.h"
#include "mazur_fixture.h"

namespace bp {
namespace {

bool close(double a, double b, double rel) {
    return std::fabs(a - b) <= rel * std::max({std::fabs(a), std::fabs(b), 1e-300});
}

// f′(z) written out here, independently of activations.cpp.
double reference_derivative(Activation f, double z) {
    switch (f) {
        case Activation::sigmoid: {
            const double s = 1.0 / (1.0 + std::exp(-z));
            return s * (1.0 - s);
        }
        case Activation::tanh: return 1.0 / (std::cosh(z) * std::cosh(z));
        case Activation::relu: return z > 0 ? 1.0 : 0.0;
        case Activation::leaky_relu: return z > 0 ? 1.0 : 0.01;
        case Activation::softplus: return 1.0 / (1.0 + std::exp(-z));  // σ(z)
        case Activation::elu: return z > 0 ? 1.0 : std::exp(z);
        case Activation::linear:
        case Activation::softmax: return 1.0;
    }
    return 1.0;
}

// ∂L/∂a_i of one sample for each loss, from its definition.
double reference_dl_da(Loss loss, const double* a, const double* y, int K, int i) {
    switch (loss) {
        case Loss::mse_half: return a[i] - y[i];                    // ½Σ(a − y)²
        case Loss::mse: return 2.0 * (a[i] - y[i]) / K;             // (1/K)Σ(a − y)²
        case Loss::cross_entropy: return -y[i] / a[i];              // −Σ y log a
        case Loss::binary_cross_entropy: return -y[i] / a[i] + (1 - y[i]) / (1 - a[i]);
        case Loss::huber: return std::clamp(a[i] - y[i], -1.0, 1.0) / K;  // (1/K)Σρ(a − y), ρ′(r) = r clipped to ±1
    }
    return 0.0;
}

// The product along a path, from the route alone: ∂L/∂a^L · (f′ or softmax Jacobian) · Π w·f′ · leaf.
double reference_product(const Network& net, const Trace& t, const Matrix& y, const ParameterRef& p, const ChainPath& path) {
    const int L = net.L(), K = net.output_size();
    const double* a = t.layers[L].a.row(0);
    const int m = path.neurons.back().second;
    double product;
    if (net.layers[L].activation == Activation::softmax) {
        const int i = path.softmax_output;
        product = reference_dl_da(net.loss, a, y.row(0), K, i) * a[i] * ((i == m ? 1.0 : 0.0) - a[m]);
    } else {
        product = reference_dl_da(net.loss, a, y.row(0), K, m) * reference_derivative(net.layers[L].activation, t.layers[L].z(0, m));
    }
    for (std::size_t s = path.neurons.size() - 1; s > 0; --s) {
        const auto [l_hi, q] = path.neurons[s];
        const int r = path.neurons[s - 1].second, l_lo = l_hi - 1;
        product *= net.layers[l_hi].W(q, r) * reference_derivative(net.layers[l_lo].activation, t.layers[l_lo].z(0, r));
    }
    return product * (p.bias ? 1.0 : t.layers[p.l - 1].a(0, p.k));
}

double product_of_factors(const ChainPath& path) {
    double v = 1.0;
    for (const PathFactor& f : path.factors) v *= f.value;
    return v;
}

std::vector<ParameterRef> every_parameter(const Network& net) {
    std::vector<ParameterRef> out;
    for (int l = 1; l <= net.L(); ++l)
        for (int j = 0; j < net.layers[l].size; ++j) {
            for (int k = 0; k < net.layers[l - 1].size; ++k) out.push_back({false, l, j, k});
            out.push_back({true, l, j, 0});
        }
    return out;
}

long long expected_count(const Network& net, int l) {
    long long n = net.layers[net.L()].activation == Activation::softmax ? net.output_size() : 1;
    for (int m = l + 1; m <= net.L(); ++m) n *= net.layers[m].size;
    return n;
}

// ---- Mazur ----

// w¹₁₁ (Mazur's w1) reaches E through out_h1, then o1 or o2:
//   via o1: ∂E/∂out_o1 · σ′(net_o1) · w5 · σ′(net_h1) · i1 = 0.74136507 · 0.186815602 · 0.40 · 0.241300709 · 0.05
//   via o2: ∂E/∂out_o2 · σ′(net_o2) · w7 · σ′(net_h1) · i1 = −0.217071535 · 0.175510053 · 0.50 · 0.241300709 · 0.05
//   sum = (0.138498562·0.40 − 0.038098237·0.50) · 0.241300709 · 0.05 = 0.000438568 = ∂E/∂w1
TEST(ChainRule, MazurW111HasTwoPaths) {
    const PathListing pl = enumerate_paths(test::mazur_network(), test::mazur_x(), test::mazur_y(), {false, 1, 0, 0});
    EXPECT_EQ(pl.total_count, 2);
    EXPECT_EQ(pl.rest_count, 0);
    EXPECT_TRUE(pl.walked);
    ASSERT_EQ(pl.paths.size(), 2u);
    const double expected[2][5] = {{0.74136507, 0.186815602, 0.40, 0.241300709, 0.05},
                                   {-0.217071535, 0.175510053, 0.50, 0.241300709, 0.05}};
    const char* const labels[2][5] = {{"∂L/∂a²₁", "σ′(z²₁)", "w²₁₁", "σ′(z¹₁)", "a⁰₁"},
                                      {"∂L/∂a²₂", "σ′(z²₂)", "w²₂₁", "σ′(z¹₁)", "a⁰₁"}};
    using Kind = ValueRef::Kind;
    const ValueRef sources[5] = {{Kind::a, 2, 0, 0}, {Kind::z, 2, 0, 0}, {Kind::weight, 2, 0, 0}, {Kind::z, 1, 0, 0}, {Kind::a, 0, 0, 0}};
    for (int i = 0; i < 2; ++i) {  // by |product|: through o1 (6.68e-4), then o2 (−2.30e-4)
        const ChainPath& path = pl.paths[i];
        EXPECT_EQ(path.neurons, (std::vector<std::pair<int, int>>{{1, 0}, {2, i}}));
        EXPECT_EQ(path.softmax_output, -1);
        ASSERT_EQ(path.factors.size(), 5u);
        for (int f = 0; f < 5; ++f) {
            EXPECT_NEAR(path.factors[f].value, expected[i][f], 5e-9);
            EXPECT_EQ(path.factors[f].label, labels[i][f]);
        }
        EXPECT_EQ(path.product, product_of_factors(path));
    }
    EXPECT_EQ(pl.paths[0].factors[0].source, sources[0]);
    EXPECT_EQ(pl.paths[0].factors[2].source, sources[2]);
    EXPECT_EQ(pl.paths[0].factors[4].source, sources[4]);
    EXPECT_NEAR(pl.paths[0].product, 0.74136507 * 0.186815602 * 0.40 * 0.241300709 * 0.05, 1e-11);
    EXPECT_NEAR(pl.sum, 0.000438568, 5e-10);
    EXPECT_EQ(pl.sum, pl.paths[0].product + pl.paths[1].product);
    EXPECT_TRUE(close(pl.sum, pl.gradient, 1e-12));
    const std::vector<std::string> compact = {
        "∂L/∂w¹₁₁ = a⁰₁·δ¹₁ = 0.05·0.008771 = 0.0004386",
        "δ¹₁ = (w²₁₁·δ²₁ + w²₂₁·δ²₂)·σ′(z¹₁) = (0.4·0.1385 + 0.5·(−0.0381))·0.2413 = 0.008771",
        "δ²₁ = (a²₁ − y₁)·σ′(z²₁) = (0.7514 − 0.01)·0.1868 = 0.1385",
        "δ²₂ = (a²₂ − y₂)·σ′(z²₂) = (0.7729 − 0.99)·0.1755 = −0.0381"};
    EXPECT_EQ(pl.compact, compact);
}

// A bias's paths end on ∂z/∂b = 1: b²₁ has the single path ∂L/∂a²₁·σ′(z²₁)·1 = δ²₁ = 0.138498562.
TEST(ChainRule, BiasPathsEndOnOne) {
    const PathListing out = enumerate_paths(test::mazur_network(), test::mazur_x(), test::mazur_y(), {true, 2, 0, 0});
    ASSERT_EQ(out.paths.size(), 1u);
    EXPECT_EQ(out.paths[0].neurons, (std::vector<std::pair<int, int>>{{2, 0}}));
    ASSERT_EQ(out.paths[0].factors.size(), 3u);
    EXPECT_EQ(out.paths[0].factors[2].label, "∂z²₁/∂b²₁");
    EXPECT_EQ(out.paths[0].factors[2].value, 1.0);
    EXPECT_NEAR(out.sum, 0.138498562, 5e-10);
    EXPECT_EQ(out.compact.front(), "∂L/∂b²₁ = δ²₁ = 0.1385");
    const PathListing hidden = enumerate_paths(test::mazur_network(), test::mazur_x(), test::mazur_y(), {true, 1, 1, 0});
    EXPECT_EQ(hidden.total_count, 2);
    EXPECT_TRUE(close(hidden.sum, hidden.gradient, 1e-12));  // δ¹₂ = 0.009954
    EXPECT_NEAR(hidden.sum, 0.00995425, 5e-8);
}

// ---- every activation × loss: the chain rule summed over paths is backprop ----

TEST(ChainRule, PathSumsEqualBackpropForEveryCaseAndParameter) {
    for (const test::Case& c : test::all_cases()) {
        const Network net = test::case_network(c, {3, 4, 3, 2}, 21);
        const Dataset d = test::case_data(net, 2, 13);
        const Matrix x = take_rows(d.X, 1, 1), y = take_rows(d.Y, 1, 1);
        const Trace t = run_pass(net, x, y);
        for (const ParameterRef& p : every_parameter(net)) {
            const std::string what = c.name() + (p.bias ? " b" : " w") + std::to_string(p.l) + std::to_string(p.j) + std::to_string(p.k);
            const PathListing pl = enumerate_paths(net, x, y, p);
            const double gradient = p.bias ? t.layers[p.l].db[p.j] : t.layers[p.l].dW(p.j, p.k);
            EXPECT_EQ(pl.gradient, gradient) << what;
            EXPECT_TRUE(close(pl.sum, gradient, 1e-12)) << what << " " << pl.sum << " vs " << gradient;
            EXPECT_EQ(pl.total_count, expected_count(net, p.l)) << what;
            ASSERT_EQ(static_cast<long long>(pl.paths.size()), pl.total_count) << what;
            std::set<std::pair<std::vector<std::pair<int, int>>, int>> routes;
            double previous = INFINITY;
            for (const ChainPath& path : pl.paths) {
                routes.insert({path.neurons, path.softmax_output});
                EXPECT_EQ(path.neurons.front(), std::make_pair(p.l, p.j)) << what;
                EXPECT_EQ(path.neurons.back().first, net.L()) << what;
                EXPECT_EQ(path.product, product_of_factors(path)) << what;
                EXPECT_TRUE(close(path.product, reference_product(net, t, y, p, path), 1e-13) ||
                            std::fabs(path.product) < 1e-300)
                    << what;
                EXPECT_LE(std::fabs(path.product), previous) << what;
                previous = std::fabs(path.product);
            }
            EXPECT_EQ(static_cast<long long>(routes.size()), pl.total_count) << what << ": every route once";
        }
    }
}

// Through a softmax output a path ends z^L_m → a^L_i, one per i: 3 choices of m × 3 outputs i.
TEST(ChainRule, SoftmaxCrossTermsArePaths) {
    const Network net = test::case_network({Activation::relu, Activation::softmax, Loss::cross_entropy}, {2, 3, 3}, 12);
    const Dataset d = test::case_data(net, 1, 4);
    const PathListing pl = enumerate_paths(net, d.X, d.Y, {false, 1, 1, 0});
    EXPECT_EQ(pl.total_count, 9);
    const Trace t = run_pass(net, d.X, d.Y);
    const double* a = t.layers[2].a.row(0);
    std::set<std::pair<int, int>> pairs;
    for (const ChainPath& path : pl.paths) {
        ASSERT_GE(path.softmax_output, 0);
        const int m = path.neurons[1].second, i = path.softmax_output;
        pairs.insert({m, i});
        EXPECT_EQ(path.factors[0].label, "∂L/∂a²" + std::string(i == 0 ? "₁" : i == 1 ? "₂" : "₃"));
        EXPECT_EQ(path.factors[1].label, "∂a²" + std::string(i == 0 ? "₁" : i == 1 ? "₂" : "₃") + "/∂z²" +
                                             std::string(m == 0 ? "₁" : m == 1 ? "₂" : "₃"));
        EXPECT_NEAR(path.factors[0].value, -d.Y(0, i) / a[i], 1e-15);                         // ∂L/∂a_i = −y_i/a_i
        EXPECT_NEAR(path.factors[1].value, a[i] * ((i == m ? 1.0 : 0.0) - a[m]), 1e-15);   // a_i(1[i=m] − a_m)
    }
    EXPECT_EQ(pairs.size(), 9u);
    EXPECT_TRUE(close(pl.sum, pl.gradient, 1e-12));
}

// ---- the listing cap ----

// 30·30·30 = 27 000 paths from a first-layer weight: the top 200 by |product|, the count and sum of the
// other 26 800; the top 200 are exactly the first 200 of the full, sorted listing.
TEST(ChainRule, LongListingsAreCappedToTheTruePaths) {
    const Network net = test::case_network({Activation::tanh, Activation::sigmoid, Loss::mse_half}, {3, 30, 30, 30, 30}, 31);
    const Dataset d = test::case_data(net, 1, 5);
    const ParameterRef p{false, 1, 2, 1};
    const PathListing capped = enumerate_paths(net, d.X, d.Y, p);
    EXPECT_EQ(capped.total_count, 27000);
    ASSERT_EQ(capped.paths.size(), 200u);
    EXPECT_EQ(capped.rest_count, 26800);
    EXPECT_TRUE(capped.walked);
    double listed = 0.0;
    for (std::size_t i = 0; i < capped.paths.size(); ++i) {
        listed += capped.paths[i].product;
        if (i > 0) {
            EXPECT_LE(std::fabs(capped.paths[i].product), std::fabs(capped.paths[i - 1].product));
        }
    }
    EXPECT_TRUE(close(listed + capped.rest_sum, capped.sum, 1e-12));
    EXPECT_TRUE(close(capped.sum, capped.gradient, 1e-12));

    const PathListing all = enumerate_paths(net, d.X, d.Y, p, 100000);
    ASSERT_EQ(all.paths.size(), 27000u);
    EXPECT_EQ(all.sum, capped.sum);
    for (std::size_t i = 0; i < 200; ++i) {
        EXPECT_EQ(capped.paths[i].neurons, all.paths[i].neurons) << i;
        EXPECT_EQ(capped.paths[i].product, all.paths[i].product) << i;
    }
}

// The best-first search against the full listing, through a softmax output and for a bias, with a
// small cap so that every level of the search is exercised.
TEST(ChainRule, TopPathsMatchTheFullListing) {
    for (const test::Case& c : {test::Case{Activation::sigmoid, Activation::softmax, Loss::mse},
                                test::Case{Activation::leaky_relu, Activation::softmax, Loss::cross_entropy},
                                test::Case{Activation::tanh, Activation::linear, Loss::mse_half}}) {
        const Network net = test::case_network(c, {2, 5, 4, 3}, 17);
        const Dataset d = test::case_data(net, 1, 6);
        for (const ParameterRef& p : {ParameterRef{false, 1, 3, 1}, ParameterRef{true, 1, 0, 0}, ParameterRef{false, 2, 1, 4},
                                      ParameterRef{true, 3, 2, 0}}) {
            const PathListing all = enumerate_paths(net, d.X, d.Y, p);
            const PathListing top = enumerate_paths(net, d.X, d.Y, p, 3, 7);
            const std::size_t n = std::min<std::size_t>(7, all.paths.size());
            ASSERT_EQ(top.paths.size(), n) << c.name();
            EXPECT_EQ(top.rest_count, all.total_count - static_cast<long long>(n));
            for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(std::fabs(top.paths[i].product), std::fabs(all.paths[i].product)) << c.name() << i;
            EXPECT_EQ(top.sum, all.sum);
        }
    }
}

// 10 layers × 64: 64⁹ ≈ 1.8·10¹⁶ paths from a first-layer weight cannot be walked; the answer comes at
// once, sum = the gradient, and no randomly drawn path beats the listed best.
TEST(ChainRule, TenBySixtyFourAnswersAtOnce) {
    std::vector<int> sizes(11, 64);
    for (Activation out : {Activation::sigmoid, Activation::softmax}) {
        std::vector<Activation> f(10, Activation::tanh);
        f.back() = out;
        const Network net = make_network(sizes, f, out == Activation::softmax ? Loss::cross_entropy : Loss::mse_half,
                                         InitScheme::xavier, 7);
        const Dataset d = test::case_data(net, 1, 3);
        const ParameterRef p{false, 1, 3, 5};
        const PathListing pl = enumerate_paths(net, d.X, d.Y, p);  // must not walk 10¹⁶ paths (CTest's timeout)
        EXPECT_EQ(pl.total_count, out == Activation::softmax ? 1LL << 60 : 1LL << 54);
        EXPECT_FALSE(pl.walked);
        EXPECT_EQ(pl.sum, pl.gradient);
        ASSERT_EQ(pl.paths.size(), 200u);
        EXPECT_EQ(pl.rest_count, pl.total_count - 200);
        const Trace t = run_pass(net, d.X, d.Y);
        for (std::size_t i = 0; i < pl.paths.size(); ++i) {
            EXPECT_TRUE(close(pl.paths[i].product, reference_product(net, t, d.Y, p, pl.paths[i]), 1e-12));
            if (i > 0) {
                EXPECT_LE(std::fabs(pl.paths[i].product), std::fabs(pl.paths[i - 1].product));
            }
        }
        Rng rng(5);
        const double best = std::fabs(pl.paths[0].product), last = std::fabs(pl.paths.back().product);
        int beaten_last = 0;
        for (int draw = 0; draw < 2000; ++draw) {
            ChainPath route;
            route.neurons.push_back({1, 3});
            for (int l = 2; l <= 10; ++l) route.neurons.push_back({l, rng.below(64)});
            route.softmax_output = out == Activation::softmax ? rng.below(64) : -1;
            const double v = std::fabs(reference_product(net, t, d.Y, p, route));
            EXPECT_LE(v, best * (1 + 1e-12));
            beaten_last += v > last * (1 + 1e-12);
        }
        EXPECT_EQ(beaten_last, 0) << "a random path beats the 200th listed one";
        EXPECT_FALSE(pl.compact.empty());
    }
}

// Counts are floating point, never a saturated integer: 64^15 = 2^90 and the 16 × 32 network's
// 32^15 = 2^75 ≈ 3.8·10²² are exact (powers of two), and written "about 3.8e22".
TEST(ChainRule, CountsPastALongLongAreCountedInFloatingPoint) {
    for (const int width : {64, 32}) {
        std::vector<int> sizes(17, width);
        sizes[0] = 2;
        std::vector<Activation> f(16, Activation::tanh);
        f.back() = Activation::sigmoid;
        const Network net = make_network(sizes, f, Loss::mse_half, InitScheme::xavier, 2);
        const Dataset d = test::case_data(net, 1, 3);
        const PathListing pl = enumerate_paths(net, d.X, d.Y, {false, 1, 0, 0});
        EXPECT_EQ(pl.total_count, std::ldexp(1.0, width == 64 ? 90 : 75));  // width^15: layers 2 … 16
        EXPECT_EQ(pl.rest_count, pl.total_count - 200);
        EXPECT_EQ(pl.paths.size(), 200u);
        EXPECT_EQ(pl.sum, pl.gradient);
    }
    EXPECT_EQ(path_count_text(std::ldexp(1.0, 75)), "about 3.8e22");
    EXPECT_EQ(path_count_text(27000), "27000");
    EXPECT_EQ(path_count_text(kExactCountLimit - 1), "9007199254740991");
    EXPECT_EQ(path_count_text(kExactCountLimit), "about 9e15");
}

// Saturated outputs: ∂L/∂a is infinite (or 0/0) where the output reached 0 or 1, but every path's
// product and their sum stay finite and equal to backprop's gradient, as the passes compute it.
TEST(ChainRule, SaturatedOutputsGiveFinitePathsAsThePassesDo) {
    const auto check = [](const Network& net, const Matrix& x, const Matrix& y, const std::string& what) {
        for (int j = 0; j < net.layers[1].size; ++j) {
            const PathListing pl = enumerate_paths(net, x, y, {false, 1, j, 0});
            for (const ChainPath& path : pl.paths) {
                for (const PathFactor& f : path.factors) EXPECT_TRUE(std::isfinite(f.value)) << what << ": " << f.label;
                EXPECT_TRUE(std::isfinite(path.product)) << what;
            }
            EXPECT_TRUE(std::isfinite(pl.gradient)) << what;
            EXPECT_EQ(pl.sum, pl.gradient) << what << ", neuron " << j;
        }
    };
    // Softmax logits ±1000 (the case): a = (1, 0) exactly.
    Network soft = make_network({1, 2}, {Activation::softmax}, Loss::cross_entropy, InitScheme::xavier, 1);
    soft.layers[1].W(0, 0) = 1000;
    soft.layers[1].W(1, 0) = -1000;
    soft.layers[1].b = {0, 0};
    const Matrix x(1, 1, 1.0);
    Matrix right(1, 2), wrong(1, 2);
    right(0, 0) = 1, wrong(0, 1) = 1;
    check(soft, x, right, "softmax, target on the winning class");  // L = 0, gradient 0
    check(soft, x, wrong, "softmax, target on the losing class");   // a₂ = 0 < y₂: −y₂/a₂ = −∞
    const PathListing pl = enumerate_paths(soft, x, wrong, {false, 1, 0, 0});
    EXPECT_EQ(pl.gradient, 1.0) << "δ₁ = a₁ − y₁ = 1, times x = 1";
    bool merged = false;
    for (const ChainPath& path : pl.paths)
        for (const PathFactor& f : path.factors) merged |= f.label.find("·∂a¹₂/∂z¹₁") != std::string::npos;
    EXPECT_TRUE(merged) << "the infinite ∂L/∂a¹₂ and the zero ∂a¹₂/∂z¹₁ are listed as their finite product";
    // A sigmoid at z = ±800 with binary cross-entropy: a ∈ {0, 1}, ∂L/∂a = (a − y)/(a(1 − a)) is ±∞ or 0/0.
    Network bce = make_network({1, 2}, {Activation::sigmoid}, Loss::binary_cross_entropy, InitScheme::xavier, 1);
    bce.layers[1].W(0, 0) = 800;
    bce.layers[1].W(1, 0) = -800;
    bce.layers[1].b = {0, 0};
    Matrix y(1, 2);
    y(0, 0) = 0.25, y(0, 1) = 1;
    check(bce, x, y, "binary cross-entropy, saturated sigmoids");
    EXPECT_EQ(enumerate_paths(bce, x, y, {false, 1, 0, 0}).gradient, 0.75);
}

TEST(ChainRule, RefusesParametersAndSamplesThatDoNotExist) {
    const Network net = test::mazur_network();
    EXPECT_THROW(check_parameter(net, {false, 0, 0, 0}), Error);
    EXPECT_THROW(check_parameter(net, {false, 3, 0, 0}), Error);
    EXPECT_THROW(check_parameter(net, {false, 1, 2, 0}), Error);
    EXPECT_THROW(check_parameter(net, {false, 1, 0, -1}), Error);
    EXPECT_THROW(check_parameter(net, {true, 2, 2, 0}), Error);
    EXPECT_NO_THROW(check_parameter(net, {true, 2, 1, 99}));  // k is not used for a bias
    EXPECT_THROW(enumerate_paths(net, test::mazur_x(), test::mazur_y(), {false, 2, 0, 2}), Error);
    Matrix two(2, 2);
    EXPECT_THROW(enumerate_paths(net, two, two, {false, 1, 0, 0}), Error);
    EXPECT_THROW(enumerate_paths(net, test::row({1.0}), test::mazur_y(), {false, 1, 0, 0}), Error);
}

}  // namespace
}  // namespace bp
