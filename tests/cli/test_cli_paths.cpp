// backprop-cli paths: Mazur's two paths for w¹₁₁ with the tutorial's factors, one path per choice of
// later neurons, Σ products = gradient = trace's dW on the same sample, softmax cross terms, the
// listing cap with "rest", and the table.
#include <cmath>
#include <set>

#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;
using nlohmann::json;

namespace {

json paths(const std::string& net, std::vector<std::string> options) {
    std::vector<std::string> args{"paths", net, "--format", "json"};
    args.insert(args.end(), options.begin(), options.end());
    return run_json(args);
}

double product_of(const json& factors) {
    double p = 1.0;
    for (const json& f : factors) p *= f.get<double>();
    return p;
}

bool close(double a, double b, double tol) { return std::fabs(a - b) <= tol * std::max({1.0, std::fabs(a), std::fabs(b)}); }

}  // namespace

// w¹₁₁ = w1 reaches E through out_h1 and then o1 or o2 (Mazur's ∂E_o1/∂out_h1 and ∂E_o2/∂out_h1):
//   via o1: ∂E/∂out_o1 · σ′(net_o1) · w5 · σ′(net_h1) · i1 = 0.74136507 · 0.186815602 · 0.40 · 0.241300709 · 0.05
//   via o2: ∂E/∂out_o2 · σ′(net_o2) · w7 · σ′(net_h1) · i1 = −0.217071535 · 0.175510053 · 0.50 · 0.241300709 · 0.05
//   sum = 0.036350306 · 0.241300709 · 0.05 = 0.000438568 = ∂E/∂w1
TEST(CliPaths, MazurW111HasTwoPathsThatSumToTheGradient) {
    TempDir dir;
    const json p = paths(dir.write_json("net.json", mazur_network()), {"--weight", "1,0,0"});
    EXPECT_EQ(p["weight"], json({1, 0, 0}));
    EXPECT_EQ(p["count"], 2);
    ASSERT_EQ(p["paths"].size(), 2u);
    const double expected[2][5] = {{0.74136507, 0.186815602, 0.40, 0.241300709, 0.05},
                                   {-0.217071535, 0.175510053, 0.50, 0.241300709, 0.05}};
    const char* const labels[2][5] = {{"∂L/∂a²₁", "σ′(z²₁)", "w²₁₁", "σ′(z¹₁)", "a⁰₁"},
                                      {"∂L/∂a²₂", "σ′(z²₂)", "w²₂₁", "σ′(z¹₁)", "a⁰₁"}};
    for (int i = 0; i < 2; ++i) {  // listed by |product|, largest first: through o1, then o2
        const json& path = p["paths"][i];
        EXPECT_EQ(path["neurons"], json({{1, 0}, {2, i}}));
        ASSERT_EQ(path["factors"].size(), 5u);
        for (int f = 0; f < 5; ++f) {
            EXPECT_NEAR(path["factors"][f].get<double>(), expected[i][f], 5e-9) << i << f;
            EXPECT_EQ(path["labels"][f], labels[i][f]);
        }
        EXPECT_NEAR(path["product"].get<double>(), product_of(path["factors"]), 1e-18);
        double hand = 1.0;
        for (double f : expected[i]) hand *= f;
        EXPECT_NEAR(path["product"].get<double>(), hand, 2e-11);
    }
    EXPECT_NEAR(p["sum"].get<double>(), 0.000438568, 5e-10);
    EXPECT_NEAR(p["sum"].get<double>(), p["gradient"].get<double>(), 1e-18);
    EXPECT_EQ(p["agree"], true);
    EXPECT_FALSE(p.contains("rest"));
}

// b²₁ has a single path: ∂L/∂b²₁ = δ²₁ = 0.138498562 (Mazur's δ_o1).
TEST(CliPaths, OutputBiasHasOnePathEqualToDelta) {
    TempDir dir;
    const json p = paths(dir.write_json("net.json", mazur_network()), {"--bias", "2,0"});
    EXPECT_EQ(p["bias"], json({2, 0}));
    ASSERT_EQ(p["paths"].size(), 1u);
    EXPECT_EQ(p["paths"][0]["neurons"], json({{2, 0}}));
    EXPECT_NEAR(p["gradient"].get<double>(), 0.138498562, 5e-10);
    EXPECT_NEAR(p["sum"].get<double>(), p["paths"][0]["product"].get<double>(), 1e-18);
}

// A weight of layer l has one path per choice of a neuron in each of layers l+1 … L; with
// --sample n the sum equals trace's dW on that sample alone.
TEST(CliPaths, OnePathPerChoiceOfLaterNeuronsSummingToTracesGradient) {
    TempDir dir;
    const json net = make_network({3, 4, 3, 2}, {"tanh", "sigmoid", "sigmoid"}, "mse_half", 2, 11);
    const std::string file = dir.write_json("net.json", net);
    json alone = net;
    alone["data"]["inputs"] = {net["data"]["inputs"][1]};
    alone["data"]["targets"] = {net["data"]["targets"][1]};
    const json t = run_json({"trace", dir.write_json("alone.json", alone)});
    struct Case { int l, j, k; std::size_t count; };
    for (const Case c : {Case{1, 2, 1, 6}, Case{2, 0, 3, 2}, Case{3, 1, 2, 1}}) {
        const std::string w = std::to_string(c.l) + "," + std::to_string(c.j) + "," + std::to_string(c.k);
        const json p = paths(file, {"--weight", w, "--sample", "1"});
        ASSERT_EQ(p["paths"].size(), c.count) << w;
        EXPECT_EQ(p["count"], c.count);
        std::set<json> routes;
        double sum = 0.0;
        for (const json& path : p["paths"]) {
            ASSERT_EQ(path["neurons"].size(), static_cast<std::size_t>(4 - c.l)) << w;
            EXPECT_EQ(path["neurons"][0], json({c.l, c.j}));
            for (std::size_t s = 0; s < path["neurons"].size(); ++s) EXPECT_EQ(path["neurons"][s][0], c.l + static_cast<int>(s));
            routes.insert(path["neurons"]);
            EXPECT_TRUE(close(path["product"].get<double>(), product_of(path["factors"]), 1e-12));
            sum += path["product"].get<double>();
        }
        EXPECT_EQ(routes.size(), c.count) << "every route once";
        EXPECT_TRUE(close(sum, p["sum"].get<double>(), 1e-12)) << w;
        EXPECT_TRUE(close(p["sum"].get<double>(), p["gradient"].get<double>(), 1e-12)) << w;
        EXPECT_TRUE(close(p["gradient"].get<double>(), t["layers"][c.l]["dW"][c.j][c.k].get<double>(), 1e-12)) << w;
    }
}

// Through a softmax output a path ends z^L_m → a^L_i, one per output i (the Jacobian's cross terms).
TEST(CliPaths, SoftmaxCrossTermsArePathsOfTheirOwn) {
    TempDir dir;
    const json net = make_network({2, 3, 3}, {"relu", "softmax"}, "cross_entropy", 1, 12);
    const json t = run_json({"trace", dir.write_json("net.json", net)});
    const json p = paths(dir.path("net.json"), {"--weight", "1,1,0"});
    EXPECT_EQ(p["count"], 9);  // 3 choices of m × 3 outputs i
    std::set<std::pair<int, int>> pairs;
    for (const json& path : p["paths"]) {
        ASSERT_TRUE(path.contains("output"));
        pairs.insert({path["neurons"][1][1].get<int>(), path["output"].get<int>()});
    }
    EXPECT_EQ(pairs.size(), 9u);
    EXPECT_TRUE(close(p["sum"].get<double>(), p["gradient"].get<double>(), 1e-12));
    EXPECT_TRUE(close(p["gradient"].get<double>(), t["layers"][1]["dW"][1][0].get<double>(), 1e-12));
}

// 24·24·24·2 = 27 648 paths from a first-layer weight: the top 200 by |product| are listed and
// "rest" carries the count and the sum of the others; "sum" is still the total.
TEST(CliPaths, LongListingsAreCappedWithTheRestSummed) {
    TempDir dir;
    const json net = make_network({2, 24, 24, 24, 24, 2}, {"tanh", "tanh", "tanh", "tanh", "sigmoid"}, "mse_half", 1, 13);
    const json p = paths(dir.write_json("net.json", net), {"--weight", "1,3,1"});
    EXPECT_EQ(p["count"], 27648);
    ASSERT_EQ(p["paths"].size(), 200u);
    ASSERT_TRUE(p.contains("rest"));
    EXPECT_EQ(p["rest"]["count"], 27448);
    double listed = 0.0, previous = INFINITY;
    for (const json& path : p["paths"]) {
        const double v = path["product"].get<double>();
        EXPECT_LE(std::fabs(v), previous);
        previous = std::fabs(v);
        listed += v;
    }
    EXPECT_TRUE(close(listed + p["rest"]["sum"].get<double>(), p["sum"].get<double>(), 1e-12));
    EXPECT_TRUE(close(p["sum"].get<double>(), p["gradient"].get<double>(), 1e-12));
}

TEST(CliPaths, TableListsFactorsSumGradientAndAgreement) {
    TempDir dir;
    const RunResult r = run_cli({"paths", dir.write_json("net.json", mazur_network()), "--weight", "1,0,0"});
    ASSERT_EQ(r.status, 0) << r.err;
    for (const char* text : {"∂L/∂w¹₁₁ for sample 0: 2 paths", "z¹₁ → z²₁", "z¹₁ → z²₂", "∂L/∂a²₁ = 0.74136507",
                             "σ′(z²₁) = 0.186815602", "w²₁₁ = 0.4", "a⁰₁ = 0.05", "sum of all 2 products",
                             "gradient from backprop", "agree"})
        EXPECT_NE(r.out.find(text), std::string::npos) << "missing " << text << " in\n" << r.out;
    EXPECT_NE(r.out.find("yes"), std::string::npos);
}

// A 16 × 32 network (16 layers of 32 after the input) has 32¹⁵ = 2^75 ≈ 3.8·10²² paths from a first-layer weight: the count is a JSON
// number (a double past 2^53) and "about 3.8e22" in the table — never a saturated 9223372036854775807.
TEST(CliPaths, CountsPastALongLongAreFloatingPointNumbers) {
    TempDir dir;
    std::vector<int> sizes(17, 32);
    sizes[0] = 2;
    std::vector<std::string> f(16, "tanh");
    f.back() = "sigmoid";
    const std::string net = dir.write_json("net.json", make_network(sizes, f, "mse_half", 1, 3));
    const json p = paths(net, {"--weight", "1,0,0"});
    ASSERT_TRUE(p["count"].is_number_float()) << p["count"];
    EXPECT_EQ(p["count"].get<double>(), std::ldexp(1.0, 75));
    EXPECT_EQ(p["rest"]["count"].get<double>(), std::ldexp(1.0, 75) - 200);
    const RunResult table = run_cli({"paths", net, "--weight", "1,0,0"});
    EXPECT_EQ(table.status, 0) << table.err;
    EXPECT_EQ(lines(table.out)[0], "∂L/∂w¹₁₁ for sample 0: about 3.8e22 paths from w¹₁₁ to the loss");
    EXPECT_EQ(table.out.find("9223372036854775807"), std::string::npos);
}

// Softmax logits ±1000, which trace handles (δ = a − y exactly): ∂L/∂a₂ = −y₂/a₂ with a₂ = 0 is not a
// number, so the paths list ∂L/∂a₂·∂a₂/∂z₁ as one finite factor and still sum to the gradient.
TEST(CliPaths, SaturatedSoftmaxOutputsArePathsAsFiniteAsTrace) {
    TempDir dir;
    for (const char* targets : {"[[1, 0]]", "[[0, 1]]"}) {
        const std::string net = dir.write("soft.json", std::string(R"({"layers": [{"size": 1}, {"size": 2, "activation":
            "softmax", "weights": [[1000], [-1000]], "biases": [0, 0]}], "loss": "cross_entropy",
            "data": {"inputs": [[1]], "targets": )") + targets + "}}");
        const json t = run_json({"trace", net});
        for (const char* option : {"1,0,0", "1,1,0"}) {
            const json p = paths(net, {"--weight", option});
            EXPECT_EQ(p["sum"], p["gradient"]) << targets;
            EXPECT_TRUE(p["agree"].get<bool>());
            const int j = option[2] - '0';
            EXPECT_EQ(p["gradient"].get<double>(), t["layers"][1]["dW"][j][0].get<double>()) << targets;
        }
    }
}
