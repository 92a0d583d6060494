// The registries of activations and losses (engine/core/activations.h, losses.h) checked entry by entry, so
// that a new entry is held to what every other file assumes of it: its name reads back; f′ is the slope of
// f (central differences away from a kink), the value form of f′ agrees, the long double f is f, the values
// stay in the stated range; a loss's ∂L/∂a is the slope of its sample loss, its long double form is its
// double form, its fused δ is the Jacobian times ∂L/∂a, its chance term is its loss for the mean target, its
// graph recipe is sized as it is built; every name and pairing reaches the tests' table of cases.
#include <array>
#include <cmath>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/activations.h"
#include "engine/core/losses.h"
#include "engine/core/passes.h"
#include "engine/core/rng.h"
#include "engine/graph/network_graph.h"
#include "engine_cases.h"

namespace bp {
namespace {

// Points to probe an activation at: a spread over ±20 that avoids 0 (where relu's slope jumps) by 1e-3.
std::vector<double> probe_points() {
    std::vector<double> z = {-20.0, -7.5, -3.0, -1.0, -0.5, -0.01, 0.01, 0.3, 1.0, 2.5, 6.0, 20.0};
    Rng r(5);
    for (int i = 0; i < 40; ++i) {
        const double v = r.uniform(-8.0, 8.0);
        if (std::fabs(v) > 1e-3) z.push_back(v);
    }
    return z;
}

TEST(Registry, EveryActivationReadsBackByNameAndHasItsWords) {
    std::set<std::string_view> names, symbols;
    for (const ActivationInfo& e : kActivations) {
        EXPECT_EQ(parse_activation(e.fn.name), e.id);
        EXPECT_EQ(to_string(e.id), e.fn.name);
        EXPECT_EQ(&activation_info(e.id), &e);
        EXPECT_FALSE(e.fn.latex.empty()) << e.fn.name;
        EXPECT_FALSE(e.torch_module.empty()) << e.fn.name;
        EXPECT_NE(e.numpy_call.find("$z"), std::string_view::npos) << e.fn.name;
        EXPECT_TRUE(names.insert(e.fn.name).second) << "two entries named " << e.fn.name;
        EXPECT_TRUE(symbols.insert(e.fn.symbol).second) << "two entries written " << e.fn.symbol;
        if (e.output_only || e.identity) continue;
        // an element-wise activation writes f′ in its formulas and scripts
        EXPECT_NE(e.fn.fprime_formula.text.find("$u"), std::string_view::npos) << e.fn.name;
        EXPECT_NE(e.fn.fprime_formula.latex.find("$u"), std::string_view::npos) << e.fn.name;
        EXPECT_FALSE(e.fn.rule.text.empty()) << e.fn.name;
        EXPECT_FALSE(e.numpy_derivative.empty()) << e.fn.name;
        EXPECT_FALSE(e.numpy_derivative_formula.empty()) << e.fn.name;
    }
    EXPECT_FALSE(parse_activation("swish").has_value());
}

TEST(Registry, EveryActivationsDerivativeIsTheSlopeOfItsFunction) {
    for (const ActivationInfo& e : kActivations) {
        if (e.output_only) continue;
        for (const double z : probe_points()) {
            const double h = 1e-6 * std::max(1.0, std::fabs(z));
            const long double slope = (e.f_extended(z + h) - e.f_extended(z - h)) / (2.0L * h);
            const double fprime = e.fn.fprime(z);
            EXPECT_NEAR(fprime, static_cast<double>(slope), 1e-7 * std::max(1.0, std::fabs(fprime))) << e.fn.name << " z=" << z;
            EXPECT_NEAR(e.fn.f(z), static_cast<double>(e.f_extended(z)), 1e-15 * std::max(1.0, std::fabs(e.fn.f(z))))
                << e.fn.name << " z=" << z;
            if (e.fn.fprime_of_value) {  // σ′ = σ(1 − σ), tanh′ = 1 − tanh²: the same number from a
                EXPECT_NEAR(e.fn.fprime_of_value(e.fn.f(z)), fprime, 1e-12) << e.fn.name << " z=" << z;
            }
            if (e.range.bounded()) {
                EXPECT_GE(e.fn.f(z), e.range.lo) << e.fn.name;
                EXPECT_LE(e.fn.f(z), e.range.hi) << e.fn.name;
            }
        }
        EXPECT_EQ(activate(e.id, 0.25), e.fn.f(0.25));
        EXPECT_EQ(activation_derivative(e.id, 0.25), e.fn.fprime(0.25));
    }
}

// Hand-checked values (log, exp and 1/(1 + e^(−z)) to 40 digits, rounded to double): each held to 2 ulps.
void expect_values(Activation f, std::initializer_list<std::array<double, 3>> z_a_fprime) {
    for (const auto& [z, a, fprime] : z_a_fprime) {
        EXPECT_NEAR(activate(f, z), a, 4.5e-16 * std::max(1.0, std::fabs(a))) << to_string(f) << " z=" << z;
        EXPECT_NEAR(activation_derivative(f, z), fprime, 4.5e-16 * std::max(1.0, std::fabs(fprime))) << to_string(f) << " z=" << z;
    }
}

// softplus(z) = log(1 + e^z), PyTorch's nn.Softplus() (β = 1); softplus′ = σ; no overflow at ±800.
TEST(Registry, SoftplusHasItsHandCheckedValues) {
    expect_values(Activation::softplus, {{0.0, 0.6931471805599453, 0.5},
                                         {1.0, 1.3132616875182228, 0.7310585786300049},
                                         {-1.0, 0.3132616875182228, 0.2689414213699951},
                                         {3.0, 3.048587351573742, 0.9525741268224333},
                                         {-3.0, 0.04858735157374206, 0.04742587317756678},
                                         {30.0, 30.000000000000092, 0.9999999999999064}});
    EXPECT_EQ(activate(Activation::softplus, 800.0), 800.0);
    EXPECT_EQ(activate(Activation::softplus, -800.0), 0.0);
    EXPECT_EQ(activation_derivative(Activation::softplus, 800.0), 1.0);
    EXPECT_EQ(parse_activation("softplus"), Activation::softplus);
}

// elu(z) = z for z > 0, else e^z − 1: PyTorch's nn.ELU() (α = 1); elu′ = 1, else e^z, continuous at 0.
TEST(Registry, EluHasItsHandCheckedValues) {
    expect_values(Activation::elu, {{2.0, 2.0, 1.0},
                                    {0.0, 0.0, 1.0},
                                    {-0.5, -0.3934693402873666, 0.6065306597126334},
                                    {-1.0, -0.6321205588285577, 0.36787944117144233},
                                    {-3.0, -0.950212931632136, 0.049787068367863944}});
    EXPECT_EQ(activate(Activation::elu, 1e-300), 1e-300);
    EXPECT_EQ(activate(Activation::elu, -1e-300), -1e-300);  // e^z − 1 without cancellation near 0
    EXPECT_EQ(activate(Activation::elu, -800.0), -1.0);
    EXPECT_EQ(activation_derivative(Activation::elu, -800.0), 0.0);
    EXPECT_EQ(parse_activation("elu"), Activation::elu);
}

// The Huber loss, PyTorch's nn.HuberLoss() (δ = 1): the mean over samples and outputs of ρ(a − y), ρ(r) = ½r²
// for |r| ≤ 1, else |r| − ½; ∂L_n/∂a_j = clip(a_j − y_j, −1, 1)/K.
TEST(Registry, HuberHasItsHandCheckedValues) {
    const double a[] = {0.5, 3.0, -2.0, 1.25}, y[] = {0.0, 0.5, 0.0, 0.25};  // r = 0.5, 2.5, −2, 1 (the seam)
    EXPECT_EQ(sample_loss(Loss::huber, Activation::linear, a, a, y, 4), (0.125 + 2.0 + 1.5 + 0.5) / 4);
    const double gradient[] = {0.125, 0.25, -0.25, 0.25};
    for (int i = 0; i < 4; ++i) EXPECT_EQ(loss_derivative(Loss::huber, a, y, 4, i), gradient[i]) << i;
    EXPECT_EQ(parse_loss("huber"), Loss::huber);
    EXPECT_TRUE(loss_allows(Loss::huber, Activation::tanh));
    // A batch of two samples through a 2-2 identity layer: L = (1/2)(1.0625 + 0.5), the mean of nn.HuberLoss()'s
    // four terms 0.125, 2, 0 and 1; δ = clip(a − y)/K/N.
    Network net = make_network({2, 2}, {Activation::linear}, Loss::huber, InitScheme::uniform, 1);
    net.layers[1].W = Matrix(2, 2);
    net.layers[1].W(0, 0) = net.layers[1].W(1, 1) = 1.0;
    net.layers[1].b = {0.0, 0.0};
    Matrix X(2, 2), Y(2, 2);
    X.v = {0.5, 3.0, -1.0, 1.5};
    Y.v = {0.0, 0.5, -1.0, 0.0};
    const Trace t = run_pass(net, X, Y);
    EXPECT_EQ(t.loss, (1.0625 + 0.5) / 2);
    EXPECT_EQ(t.loss, (0.125 + 2.0 + 0.0 + 1.0) / 4);
    const double delta[] = {0.5 / 2 / 2, 1.0 / 2 / 2, 0.0, 1.0 / 2 / 2};  // clip(r)/K/N, r = 0.5, 2.5, 0, 1.5
    for (int i = 0; i < 4; ++i) EXPECT_EQ(t.layers[1].delta.v[i], delta[i]) << i;
}

// Outputs a (and z) and targets y that suit the loss: a in (0.05, 0.95), a softmax's a summing to 1.
struct LossPoint {
    Activation out;
    std::vector<double> z, a, y;
};

LossPoint loss_point(const LossInfo& e, int K, Rng& r) {
    LossPoint p{e.needs_output.value_or(Activation::linear), std::vector<double>(K), std::vector<double>(K), std::vector<double>(K)};
    double sum_y = 0.0;
    for (int k = 0; k < K; ++k) {
        p.z[k] = r.uniform(-2.0, 2.0);
        p.y[k] = e.targets == Targets::any ? r.uniform(-1.5, 1.5) : r.uniform(0.05, 0.95);
        sum_y += p.y[k];
    }
    if (e.targets == Targets::distribution)
        for (double& y : p.y) y /= sum_y;
    activate_layer(p.out, p.z.data(), p.a.data(), K);
    if (p.out == Activation::linear)  // outputs away from the targets, where a loss with a kink (Huber's at |a − y| = 1) is smooth
        for (int k = 0; k < K; ++k) p.a[k] = p.z[k] = p.y[k] + r.uniform(-2.5, 2.5);
    return p;
}

TEST(Registry, EveryLossGradientIsTheSlopeOfItsLoss) {
    Rng r(17);
    for (const LossInfo& e : kLosses) {
        EXPECT_EQ(parse_loss(e.name), e.id);
        EXPECT_EQ(to_string(e.id), e.name);
        for (int K : {1, 3}) {
            for (int trial = 0; trial < 20; ++trial) {
                const LossPoint p = loss_point(e, K, r);
                // ∂L/∂a_i by central differences of the "from a" form (the output's activation taken as linear,
                // so that L depends on a alone)
                for (int i = 0; i < K; ++i) {
                    std::vector<double> up = p.a, down = p.a;
                    const double h = 1e-6;
                    up[i] += h, down[i] -= h;
                    const double slope = (e.sample_loss(Activation::linear, up.data(), up.data(), p.y.data(), K) -
                                          e.sample_loss(Activation::linear, down.data(), down.data(), p.y.data(), K)) / (2 * h);
                    const double g = e.gradient(p.a.data(), p.y.data(), K, i);
                    if (std::fabs(std::fabs(p.a[i] - p.y[i]) - 1.0) < 1e-4) continue;  // no slope at a kink
                    EXPECT_NEAR(g, slope, 1e-6 * std::max(1.0, std::fabs(g))) << e.name << " K=" << K << " i=" << i;
                }
                // the long double form
                std::vector<long double> zl(p.z.begin(), p.z.end()), al(p.a.begin(), p.a.end());
                const double l = e.sample_loss(p.out, p.z.data(), p.a.data(), p.y.data(), K);
                EXPECT_NEAR(static_cast<double>(e.sample_loss_extended(p.out, zl.data(), al.data(), p.y.data(), K)), l,
                            1e-14 * std::max(1.0, std::fabs(l))) << e.name;
                // the fused δ is Σ_i ∂L/∂a_i ∂a_i/∂z_m (the Jacobian of its activation) where that is finite
                if (e.fused_with) {
                    std::vector<double> fused(K), batch(K);
                    e.fused_delta(p.a.data(), p.y.data(), K, 1.0, fused.data());
                    e.fused_deltas(p.a.data(), p.y.data(), 1, K, 1.0, batch.data());
                    for (int m = 0; m < K; ++m) {
                        double chain = 0.0;
                        for (int i = 0; i < K; ++i)
                            chain += e.gradient(p.a.data(), p.y.data(), K, i) *
                                     activation_jacobian(*e.fused_with, p.z.data(), p.a.data(), i, m);
                        EXPECT_NEAR(fused[m], chain, 1e-12) << e.name;
                        EXPECT_EQ(batch[m], fused[m]) << e.name;
                    }
                }
                // the chance term: the loss of answering the mean target p_k for every output
                double chance = 0.0;
                std::vector<double> mean(K);
                for (int k = 0; k < K; ++k) mean[k] = 0.5 * (p.a[k] + p.y[k]);
                for (int k = 0; k < K; ++k) chance += e.chance_term(mean[k], p.y[k], K);
                const double direct = e.sample_loss(Activation::linear, mean.data(), mean.data(), p.y.data(), K);
                EXPECT_NEAR(chance, direct, 1e-12 * std::max(1.0, std::fabs(direct))) << e.name;
            }
        }
    }
    EXPECT_FALSE(parse_loss("hinge").has_value());
}

// The graph of each loss has as many nodes as network_graph_size counts for it, whatever its targets.
TEST(Registry, EveryLossGraphIsSizedAsItIsBuilt) {
    for (const test::Case& c : test::all_cases()) {
        const Network net = test::case_network(c, {2, 3, 3}, 4);
        for (const std::uint64_t seed : {1u, 2u, 3u}) {
            Dataset d = test::case_data(net, 1, seed);
            if (seed == 3 && loss_info(net.loss).targets != Targets::any) {  // targets of exactly 0 and 1
                for (double& y : d.Y.v) y = 0.0;
                d.Y.v[0] = 1.0;
            }
            const NetworkGraph g = expand_network(net, d.X, &d.Y);
            EXPECT_EQ(g.graph.size(), network_graph_size(net, 1, net.L(), &d.Y)) << c.name();
        }
    }
}

// The tests' table of cases reaches every activation (hidden or output) and every loss.
TEST(Registry, TheTableOfCasesReachesEveryEntry) {
    std::set<Activation> hidden, output;
    std::set<Loss> losses;
    for (const test::Case& c : test::all_cases()) {
        hidden.insert(c.hidden);
        output.insert(c.output);
        losses.insert(c.loss);
        EXPECT_TRUE(loss_allows(c.loss, c.output)) << c.name();
    }
    for (const ActivationInfo& e : kActivations) {
        EXPECT_TRUE(output.count(e.id)) << e.fn.name;
        EXPECT_EQ(hidden.count(e.id), e.output_only ? 0u : 1u) << e.fn.name;
    }
    EXPECT_EQ(losses.size(), std::size(kLosses));
}

TEST(Registry, NamesForMessagesListEveryEntryInTheTablesOrder) {
    EXPECT_EQ(activation_names().find(std::string(kActivations[0].fn.name)), 0u);
    for (const ActivationInfo& e : kActivations) EXPECT_NE(activation_names().find(e.fn.name), std::string::npos);
    for (const LossInfo& e : kLosses) EXPECT_NE(loss_names().find(e.name), std::string::npos);
    EXPECT_EQ(fill_in("σ′($u) = $u·$v", {{"$u", "z¹₁"}, {"$v", "2"}}), "σ′(z¹₁) = z¹₁·2");
    EXPECT_EQ(fill_in("no placeholder $", {{"$u", "x"}}), "no placeholder $");
}

}  // namespace
}  // namespace bp
