// backprop-cli trace: Mazur's worked example by hand, the output's shape, dW and db as batch sums of
// δ·aᵀ, gradients against finite differences of the reported loss, the 1/N in δ, round-trip numbers,
// the table in course notation, and divergence reported instead of NaN.
#include <cmath>

#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;
using nlohmann::json;

namespace {

json trace(const TempDir& dir, const json& net, const std::string& name = "net.json") {
    return run_json({"trace", dir.write_json(name, net)});
}

}  // namespace

// Mazur, "A Step by Step Backpropagation Example" (i1 = 0.05, i2 = 0.10, targets 0.01, 0.99):
//   net_h1 = 0.15·0.05 + 0.20·0.10 + 0.35 = 0.3775,  out_h1 = σ(0.3775) = 0.593269992
//   net_h2 = 0.25·0.05 + 0.30·0.10 + 0.35 = 0.3925,  out_h2 = σ(0.3925) = 0.596884378
//   net_o1 = 0.40·out_h1 + 0.45·out_h2 + 0.60 = 1.105905967,  out_o1 = 0.75136507
//   net_o2 = 0.50·out_h1 + 0.55·out_h2 + 0.60 = 1.2249214,    out_o2 = 0.772928465
//   E = ½(0.01 − 0.75136507)² + ½(0.99 − 0.772928465)² = 0.274811083 + 0.023560026 = 0.298371109
//   δ_o1 = (out_o1 − 0.01)·out_o1(1 − out_o1) = 0.74136507·0.186815602 = 0.138498562
//   ∂E/∂w5 = δ_o1·out_h1 = 0.082167041;  ∂E/∂w1 = (δ_o1·w5 + δ_o2·w7)·σ′(net_h1)·i1 = 0.000438568
TEST(CliTrace, MazurWorkedExample) {
    TempDir dir;
    const json t = trace(dir, mazur_network());
    EXPECT_NEAR(t["loss"].get<double>(), 0.298371109, 5e-10);
    EXPECT_NEAR(t["layers"][1]["z"][0][0].get<double>(), 0.3775, 1e-15);
    EXPECT_NEAR(t["layers"][1]["a"][0][0].get<double>(), 0.593269992, 5e-10);
    EXPECT_NEAR(t["layers"][1]["a"][0][1].get<double>(), 0.596884378, 5e-10);
    EXPECT_NEAR(t["layers"][2]["z"][0][0].get<double>(), 1.105905967, 5e-10);
    EXPECT_NEAR(t["layers"][2]["a"][0][0].get<double>(), 0.75136507, 5e-9);
    EXPECT_NEAR(t["layers"][2]["a"][0][1].get<double>(), 0.772928465, 5e-10);
    EXPECT_NEAR(t["layers"][2]["delta"][0][0].get<double>(), 0.138498562, 5e-10);
    EXPECT_NEAR(t["layers"][2]["dW"][0][0].get<double>(), 0.082167041, 5e-10);
    EXPECT_NEAR(t["layers"][1]["dW"][0][0].get<double>(), 0.000438568, 5e-10);
    // One sample: db is δ itself.
    EXPECT_EQ(t["layers"][2]["db"][0], t["layers"][2]["delta"][0][0]);
}

TEST(CliTrace, ShapeFollowsTheContract) {
    TempDir dir;
    const json net = make_network({3, 4, 2}, {"tanh", "sigmoid"}, "mse", 3, 1);
    const json t = trace(dir, net);
    ASSERT_TRUE(t["loss"].is_number());
    ASSERT_EQ(t["layers"].size(), 3u);
    EXPECT_EQ(t["layers"][0].size(), 1u);  // the input layer has only a
    EXPECT_EQ(t["layers"][0]["a"], net["data"]["inputs"]);  // a⁰ = x, every number read back exactly
    const int sizes[] = {3, 4, 2};
    for (int l = 1; l <= 2; ++l) {
        const json& layer = t["layers"][l];
        for (const char* key : {"z", "a", "delta"}) {
            ASSERT_EQ(layer[key].size(), 3u) << key;  // one row per sample
            for (const json& row : layer[key]) EXPECT_EQ(row.size(), static_cast<std::size_t>(sizes[l])) << key;
        }
        ASSERT_EQ(layer["dW"].size(), static_cast<std::size_t>(sizes[l]));
        for (const json& row : layer["dW"]) EXPECT_EQ(row.size(), static_cast<std::size_t>(sizes[l - 1]));
        EXPECT_EQ(layer["db"].size(), static_cast<std::size_t>(sizes[l]));
    }
}

// The invariants dW^l = Σ_n δ^l_n (a^(l−1)_n)ᵀ and db^l = Σ_n δ^l_n, read from the output alone.
TEST(CliTrace, GradientsAreBatchSumsOfDeltaTimesActivation) {
    TempDir dir;
    const json t = trace(dir, make_network({3, 4, 3, 2}, {"relu", "tanh", "softmax"}, "cross_entropy", 4, 2));
    for (std::size_t l = 1; l < t["layers"].size(); ++l) {
        const json& layer = t["layers"][l];
        const json& a_prev = t["layers"][l - 1]["a"];
        for (std::size_t j = 0; j < layer["db"].size(); ++j) {
            double db = 0.0;
            for (std::size_t n = 0; n < 4; ++n) db += layer["delta"][n][j].get<double>();
            EXPECT_NEAR(layer["db"][j].get<double>(), db, 1e-15);
            for (std::size_t k = 0; k < a_prev[0].size(); ++k) {
                double dw = 0.0;
                for (std::size_t n = 0; n < 4; ++n) dw += layer["delta"][n][j].get<double>() * a_prev[n][k].get<double>();
                EXPECT_NEAR(layer["dW"][j][k].get<double>(), dw, 1e-15);
            }
        }
    }
}

// Central differences of the loss trace reports, moving one parameter of the file at a time.
TEST(CliTrace, GradientsMatchFiniteDifferencesOfTheReportedLoss) {
    TempDir dir;
    const json net = make_network({2, 3, 2}, {"sigmoid", "linear"}, "mse", 3, 3);
    const json t = trace(dir, net);
    const double h = 1e-6;
    for (int l = 1; l <= 2; ++l) {
        for (int j = 0; j < net["layers"][l]["size"].get<int>(); ++j) {
            for (int k = -1; k < static_cast<int>(net["layers"][l]["weights"][0].size()); ++k) {
                double loss[2];
                for (int s = 0; s < 2; ++s) {
                    json moved = net;
                    json& p = k < 0 ? moved["layers"][l]["biases"][j] : moved["layers"][l]["weights"][j][k];
                    p = p.get<double>() + (s == 0 ? h : -h);
                    loss[s] = trace(dir, moved, "moved.json")["loss"].get<double>();
                }
                const double numeric = (loss[0] - loss[1]) / (2 * h);
                const double analytic = k < 0 ? t["layers"][l]["db"][j].get<double>() : t["layers"][l]["dW"][j][k].get<double>();
                EXPECT_NEAR(analytic, numeric, 1e-7 * std::max(1.0, std::fabs(numeric))) << l << j << k;
            }
        }
    }
}

// The same sample twice: the batch-averaged loss and dW are unchanged, each δ row is halved (1/N).
TEST(CliTrace, DeltaCarriesOneOverN) {
    TempDir dir;
    const json one = mazur_network();
    json two = one;
    two["data"]["inputs"].push_back(one["data"]["inputs"][0]);
    two["data"]["targets"].push_back(one["data"]["targets"][0]);
    const json t1 = trace(dir, one, "one.json"), t2 = trace(dir, two, "two.json");
    EXPECT_DOUBLE_EQ(t2["loss"].get<double>(), t1["loss"].get<double>());
    for (int l = 1; l <= 2; ++l)
        for (int j = 0; j < 2; ++j) {
            EXPECT_DOUBLE_EQ(t2["layers"][l]["delta"][1][j].get<double>(), t1["layers"][l]["delta"][0][j].get<double>() / 2);
            for (int k = 0; k < 2; ++k)
                EXPECT_DOUBLE_EQ(t2["layers"][l]["dW"][j][k].get<double>(), t1["layers"][l]["dW"][j][k].get<double>());
        }
}

TEST(CliTrace, NumbersAreWrittenInRoundTripForm) {
    TempDir dir;
    const RunResult r = run_cli({"trace", dir.write_json("net.json", mazur_network())});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("[0.05, 0.1]"), std::string::npos) << r.out;  // shortest form, not 0.050000000000000003
    EXPECT_NE(r.out.find("\"z\": [[0.3775"), std::string::npos) << r.out;
}

TEST(CliTrace, TableShowsEveryValueInCourseNotation) {
    TempDir dir;
    const RunResult r = run_cli({"trace", dir.write_json("net.json", mazur_network()), "--format", "table"});
    ASSERT_EQ(r.status, 0) << r.err;
    for (const char* text : {"L = 0.298371109", "a⁰₁ = 0.05", "z¹₁ = 0.3775", "a¹₁ = 0.593269992", "a²₁ = 0.75136507",
                             "δ²₁ = 0.138498562", "y₂ = 0.99", "∂L/∂w²₁₁ = 0.08216704", "∂L/∂w¹₁₁ = 0.0004385",
                             "∂L/∂b²₂ = "})
        EXPECT_NE(r.out.find(text), std::string::npos) << "missing " << text << " in\n" << r.out;
}

// x = 1e300 through w = 1e300 overflows z¹₁: the pass diverged, which trace reports instead of inf.
TEST(CliTrace, OverflowIsReportedAsDivergence) {
    TempDir dir;
    const json net = json::parse(R"({"layers": [{"size": 1}, {"size": 1, "activation": "linear",
        "weights": [[1e300]], "biases": [0]}], "loss": "mse", "data": {"inputs": [[1e300]], "targets": [[0]]}})");
    for (const char* format : {"json", "table"}) {
        const RunResult r = run_cli({"trace", dir.write_json("big.json", net), "--format", format});
        EXPECT_EQ(r.status, 1);
        EXPECT_EQ(r.out, "");
        EXPECT_NE(r.err.find("z¹₁ of sample 0 is infinite"), std::string::npos) << r.err;
    }
}
