// backprop-cli train: Mazur's update by hand, overrides of the file's training, the file-order batch
// rule (checked against trace on the same samples), SGD / momentum / Adam first steps from their
// published formulas, determinism, the CSV log, --out keeping the document, and divergence.
#include <cmath>
#include <filesystem>

#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;
using nlohmann::json;

namespace {

struct Loss {
    long step;
    double value;
};

// "step loss" lines of stdout.
std::vector<Loss> losses(const std::string& out) {
    std::vector<Loss> v;
    for (const std::string& line : lines(out)) {
        const auto space = line.find(' ');
        v.push_back({std::stol(line.substr(0, space)), std::stod(line.substr(space + 1))});
    }
    return v;
}

// The network with only the given samples of its data, in that order.
json with_samples(const json& net, const std::vector<int>& rows) {
    json d = net;
    d["data"]["inputs"] = json::array();
    d["data"]["targets"] = json::array();
    for (int n : rows) {
        d["data"]["inputs"].push_back(net["data"]["inputs"][n]);
        d["data"]["targets"].push_back(net["data"]["targets"][n]);
    }
    return d;
}

// Every parameter of a network file, in a fixed order (weights then biases, layer by layer).
std::vector<double> parameters(const json& net) {
    std::vector<double> p;
    for (std::size_t l = 1; l < net["layers"].size(); ++l) {
        for (const json& row : net["layers"][l]["weights"])
            for (const json& w : row) p.push_back(w.get<double>());
        for (const json& b : net["layers"][l]["biases"]) p.push_back(b.get<double>());
    }
    return p;
}

// The gradients trace reports, in the order of parameters().
std::vector<double> gradients(const json& t) {
    std::vector<double> g;
    for (std::size_t l = 1; l < t["layers"].size(); ++l) {
        for (const json& row : t["layers"][l]["dW"])
            for (const json& w : row) g.push_back(w.get<double>());
        for (const json& b : t["layers"][l]["db"]) g.push_back(b.get<double>());
    }
    return g;
}

json trained(const TempDir& dir, const json& net, std::vector<std::string> options) {
    std::vector<std::string> args{"train", dir.write_json("in.json", net), "--out", dir.path("out.json")};
    args.insert(args.end(), options.begin(), options.end());
    const RunResult r = run_cli(args);
    EXPECT_EQ(r.status, 0) << r.err;
    return json::parse(read_file(dir.path("out.json")));
}

}  // namespace

// Mazur's first update with η = 0.5 (biases not updated, as in the tutorial):
//   w5⁺ = 0.40 − 0.5·0.082167041 = 0.35891648,  w6⁺ = 0.408666186,  w7⁺ = 0.511301270,  w8⁺ = 0.561370121
//   w1⁺ = 0.15 − 0.5·0.000438568 = 0.149780716, w2⁺ = 0.19956143,   w3⁺ = 0.24975114,   w4⁺ = 0.29950229
TEST(CliTrain, MazurOneStepMatchesTheTutorial) {
    TempDir dir;
    const std::string in = dir.write_json("in.json", mazur_network());
    const RunResult r = run_cli({"train", in, "--steps", "1", "--out", dir.path("out.json")});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const std::vector<Loss> l = losses(r.out);
    ASSERT_EQ(l.size(), 1u);
    EXPECT_EQ(l[0].step, 0);
    EXPECT_NEAR(l[0].value, 0.298371109, 5e-10);  // the loss before the update
    const json out = json::parse(read_file(dir.path("out.json")));
    const json& W2 = out["layers"][2]["weights"];
    const json& W1 = out["layers"][1]["weights"];
    EXPECT_NEAR(W2[0][0].get<double>(), 0.35891648, 5e-9);
    EXPECT_NEAR(W2[0][1].get<double>(), 0.408666186, 5e-10);
    EXPECT_NEAR(W2[1][0].get<double>(), 0.511301270, 5e-10);
    EXPECT_NEAR(W2[1][1].get<double>(), 0.561370121, 5e-10);
    EXPECT_NEAR(W1[0][0].get<double>(), 0.149780716, 5e-10);
    EXPECT_NEAR(W1[0][1].get<double>(), 0.19956143, 5e-9);
    EXPECT_NEAR(W1[1][0].get<double>(), 0.24975114, 5e-9);
    EXPECT_NEAR(W1[1][1].get<double>(), 0.29950229, 5e-9);
    // freeze_biases: the biases are exactly as before; the rest of the document is kept.
    EXPECT_EQ(out["layers"][1]["biases"], mazur_network()["layers"][1]["biases"]);
    EXPECT_EQ(out["layers"][2]["biases"], mazur_network()["layers"][2]["biases"]);
    EXPECT_EQ(out["view"], mazur_network()["view"]);
    EXPECT_EQ(out["data"], mazur_network()["data"]);
    EXPECT_EQ(out["training"]["learning_rate"], 0.5);
}

// The loss train prints for step 1 is the loss after the first update. By hand, the forward pass with
// Mazur's printed w⁺ (biases unchanged): out_h1 = σ(0.149780716·0.05 + 0.19956143·0.10 + 0.35), …,
// E = ½(0.01 − out_o1)² + ½(0.99 − out_o2)² = 0.291027774. (The tutorial's text says 0.291027924,
// which its own printed weights do not give.)
TEST(CliTrain, MazurSecondStepLoss) {
    TempDir dir;
    const RunResult r = run_cli({"train", dir.write_json("in.json", mazur_network()), "--steps", "2"});
    ASSERT_EQ(r.status, 0) << r.err;
    const std::vector<Loss> l = losses(r.out);
    ASSERT_EQ(l.size(), 2u);
    EXPECT_EQ(l[1].step, 1);
    EXPECT_NEAR(l[1].value, 0.291027774, 5e-9);
}

TEST(CliTrain, LearningRateOverridesTheFile) {
    TempDir dir;
    const json out = trained(dir, mazur_network(), {"--steps", "1", "--lr", "0.25"});
    // w5⁺ = 0.40 − 0.25·0.0821670406 (Mazur's ∂E/∂w5)
    EXPECT_NEAR(out["layers"][2]["weights"][0][0].get<double>(), 0.40 - 0.25 * 0.082167041, 5e-10);
    EXPECT_EQ(out["training"]["learning_rate"], 0.5);  // the file's settings are not rewritten
}

TEST(CliTrain, WithoutOutNothingIsWritten) {
    TempDir dir;
    const std::string in = dir.write_json("in.json", mazur_network());
    const std::string before = read_file(in);
    ASSERT_EQ(run_cli({"train", in, "--steps", "3"}).status, 0);
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path(""))) files += entry.is_regular_file();
    EXPECT_EQ(files, 1);
    EXPECT_EQ(read_file(in), before);
}

// Step t uses samples t·B … t·B+B−1 (mod N) in file order. With η = 1e-300 (0 is refused, as in the
// file) no update moves a parameter by as much as half an ulp: the network never changes, so
// each printed loss must be trace's loss on exactly those samples: N = 3, B = 2 gives
// {0,1}, {2,0}, {1,2}, {0,1}.
TEST(CliTrain, BatchesFollowFileOrderAndWrapAround) {
    TempDir dir;
    const json net = make_network({2, 3, 2}, {"tanh", "sigmoid"}, "mse_half", 3, 4);
    const RunResult r = run_cli({"train", dir.write_json("in.json", net), "--steps", "4", "--batch", "2", "--lr", "1e-300"});
    ASSERT_EQ(r.status, 0) << r.err;
    const std::vector<Loss> l = losses(r.out);
    ASSERT_EQ(l.size(), 4u);
    const std::vector<std::vector<int>> batches = {{0, 1}, {2, 0}, {1, 2}, {0, 1}};
    for (int t = 0; t < 4; ++t) {
        EXPECT_EQ(l[t].step, t);
        const json tr = run_json({"trace", dir.write_json("batch.json", with_samples(net, batches[t]))});
        EXPECT_DOUBLE_EQ(l[t].value, tr["loss"].get<double>()) << "step " << t;
    }
    // The three batches really differ, so the order is what was tested.
    EXPECT_NE(l[0].value, l[1].value);
    EXPECT_NE(l[1].value, l[2].value);
}

// One SGD step on the first mini-batch: θ ← θ − η·∂L/∂θ with trace's gradients on samples {0, 1}.
TEST(CliTrain, SgdStepIsParameterMinusLrTimesGradient) {
    TempDir dir;
    const json net = make_network({3, 4, 2}, {"relu", "softmax"}, "cross_entropy", 3, 5);
    const json out = trained(dir, net, {"--steps", "1", "--batch", "2", "--lr", "0.3", "--optimizer", "sgd"});
    const std::vector<double> p0 = parameters(net), p1 = parameters(out);
    const std::vector<double> g = gradients(run_json({"trace", dir.write_json("b.json", with_samples(net, {0, 1}))}));
    ASSERT_EQ(p1.size(), p0.size());
    for (std::size_t i = 0; i < p0.size(); ++i) EXPECT_NEAR(p1[i], p0[i] - 0.3 * g[i], 1e-15) << i;
}

// Adam's first step (Kingma & Ba): m̂ = g, v̂ = g², so θ ← θ − η·g / (|g| + ε), ε = 1e-8.
TEST(CliTrain, AdamFirstStepFollowsThePaper) {
    TempDir dir;
    const json net = make_network({2, 3, 1}, {"tanh", "linear"}, "mse", 4, 6);
    const json out = trained(dir, net, {"--steps", "1", "--optimizer", "adam", "--lr", "0.01"});
    const std::vector<double> p0 = parameters(net), p1 = parameters(out);
    const std::vector<double> g = gradients(run_json({"trace", dir.write_json("t.json", net)}));
    for (std::size_t i = 0; i < p0.size(); ++i) EXPECT_NEAR(p1[i], p0[i] - 0.01 * g[i] / (std::fabs(g[i]) + 1e-8), 1e-12) << i;
}

// SGD with momentum as torch.optim (μ = 0.9): v₁ = g₁, θ₁ = θ₀ − η·v₁; v₂ = μ·v₁ + g₂, θ₂ = θ₁ − η·v₂.
TEST(CliTrain, MomentumFollowsTorchOptim) {
    TempDir dir;
    const json net = make_network({2, 3, 1}, {"sigmoid", "linear"}, "mse_half", 2, 7);
    const json one = trained(dir, net, {"--steps", "1", "--optimizer", "momentum", "--lr", "0.2"});
    const json two = trained(dir, net, {"--steps", "2", "--optimizer", "momentum", "--lr", "0.2"});
    const std::vector<double> p0 = parameters(net), p1 = parameters(one), p2 = parameters(two);
    const std::vector<double> g1 = gradients(run_json({"trace", dir.write_json("t0.json", net)}));
    const std::vector<double> g2 = gradients(run_json({"trace", dir.write_json("t1.json", one)}));
    for (std::size_t i = 0; i < p0.size(); ++i) {
        EXPECT_NEAR(p1[i], p0[i] - 0.2 * g1[i], 1e-15) << i;
        EXPECT_NEAR(p2[i], p1[i] - 0.2 * (0.9 * g1[i] + g2[i]), 1e-14) << i;
    }
}

TEST(CliTrain, SameInputSameOutputEveryRun) {
    TempDir dir;
    const std::string in = dir.write_json("in.json", make_network({2, 4, 3}, {"relu", "softmax"}, "cross_entropy", 5, 8));
    std::string out[2], file[2];
    for (int run = 0; run < 2; ++run) {
        const std::string path = dir.path("out" + std::to_string(run) + ".json");
        const RunResult r = run_cli({"train", in, "--steps", "7", "--batch", "2", "--optimizer", "adam", "--out", path});
        ASSERT_EQ(r.status, 0) << r.err;
        out[run] = r.out;
        file[run] = read_file(path);
    }
    EXPECT_EQ(out[0], out[1]);
    EXPECT_EQ(file[0], file[1]);
    EXPECT_EQ(lines(out[0]).size(), 7u);
}

TEST(CliTrain, LogIsCsvOfTheSameLosses) {
    TempDir dir;
    const RunResult r = run_cli({"train", dir.write_json("in.json", mazur_network()), "--steps", "5", "--log", dir.path("loss.csv")});
    ASSERT_EQ(r.status, 0) << r.err;
    const std::vector<std::string> csv = lines(read_file(dir.path("loss.csv")));
    const std::vector<std::string> printed = lines(r.out);
    ASSERT_EQ(csv.size(), 6u);
    EXPECT_EQ(csv[0], "step,loss");
    for (std::size_t i = 0; i < printed.size(); ++i) {
        std::string expected = printed[i];
        expected[expected.find(' ')] = ',';
        EXPECT_EQ(csv[i + 1], expected);
    }
}

TEST(CliTrain, ZeroStepsWritesTheSameParameters) {
    TempDir dir;
    const json net = make_network({2, 2, 1}, {"tanh", "sigmoid"}, "binary_cross_entropy", 2, 9);
    const RunResult r = run_cli({"train", dir.write_json("in.json", net), "--steps", "0", "--out", dir.path("out.json")});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(parameters(json::parse(read_file(dir.path("out.json")))), parameters(net));
}

// Linear regression with x = 10, y = 0 and η = 1000: w ← w(1 − 2η·x²) grows ×2·10⁵ per step, so the
// loss overflows within a few dozen steps. Training stops with a message and exit 1, keeping the
// lines and the log so far, and writes no --out.
TEST(CliTrain, DivergenceStopsWithAMessage) {
    TempDir dir;
    const json net = json::parse(R"({"layers": [{"size": 1}, {"size": 1, "activation": "linear",
        "weights": [[1.0]], "biases": [0.0]}], "loss": "mse", "data": {"inputs": [[10]], "targets": [[0]]}})");
    const RunResult r = run_cli({"train", dir.write_json("in.json", net), "--steps", "1000", "--lr", "1000", "--out",
                                 dir.path("out.json"), "--log", dir.path("loss.csv")});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("training diverged"), std::string::npos) << r.err;
    const std::vector<Loss> l = losses(r.out);
    EXPECT_GT(l.size(), 3u);
    EXPECT_LT(l.size(), 1000u);
    for (const Loss& x : l) EXPECT_TRUE(std::isfinite(x.value));
    EXPECT_EQ(lines(read_file(dir.path("loss.csv"))).size(), l.size() + 1);
    EXPECT_FALSE(file_exists(dir.path("out.json")));
}
