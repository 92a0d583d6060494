// Network files: load/save round trips bit-exactly, unknown keys survive, every malformed file is
// refused with a message naming the field, and a failed save leaves the old file intact.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/core/error.h"
#include "engine/core/rng.h"
#include "engine/io/serialize.h"
#include "mazur_fixture.h"

namespace bp {
namespace {

const char* kMazur = R"({
  "title": "Mazur",
  "view": {"zoom": 1.5},
  "layers": [
    {"size": 2},
    {"size": 2, "activation": "sigmoid", "weights": [[0.15, 0.2], [0.25, 0.3]], "biases": [0.35, 0.35]},
    {"size": 2, "activation": "sigmoid", "weights": [[0.4, 0.45], [0.5, 0.55]], "biases": [0.6, 0.6], "note": "out"}
  ],
  "loss": "mse_half",
  "data": {"inputs": [[0.05, 0.1]], "targets": [[0.01, 0.99]]},
  "training": {"learning_rate": 0.5, "freeze_biases": true, "custom": 7}
})";

std::string error_of(const std::string& text) {
    try {
        parse_document(text);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

// The Mazur file with one substring replaced: each malformed variant differs in one place.
std::string mazur_with(const std::string& from, const std::string& to) {
    std::string s = kMazur;
    const auto p = s.find(from);
    EXPECT_NE(p, std::string::npos) << from;
    return s.replace(p, from.size(), to);
}

TEST(Serialize, LoadsTheNetworkDataAndTraining) {
    const Document d = parse_document(kMazur);
    EXPECT_EQ(d.net.L(), 2);
    EXPECT_EQ(d.net.layers[2].W(1, 1), 0.55);
    EXPECT_TRUE(d.net.layers[1].bias);  // bias defaults to true
    ASSERT_TRUE(d.data.has_value());
    EXPECT_EQ(d.data->Y(0, 1), 0.99);
    EXPECT_EQ(d.training.learning_rate, 0.5);
    EXPECT_TRUE(d.training.freeze_biases);
    EXPECT_EQ(d.training.optimizer, OptimizerKind::sgd);
}

TEST(Serialize, SaveKeepsUnknownKeysAndRoundTripsBitExactly) {
    Document d = parse_document(kMazur);
    Rng rng(42);
    for (int l = 1; l <= d.net.L(); ++l)
        for (double& w : d.net.layers[l].W.v) w = rng.uniform(-3, 3) / 7.0;  // no short decimals
    const Document back = parse_document(dump_document(d));
    for (int l = 1; l <= d.net.L(); ++l) {
        EXPECT_EQ(back.net.layers[l].W, d.net.layers[l].W);
        EXPECT_EQ(back.net.layers[l].b, d.net.layers[l].b);
    }
    EXPECT_EQ((*back.extra)["title"], "Mazur");
    EXPECT_EQ((*back.extra)["view"]["zoom"], 1.5);
    EXPECT_EQ((*back.extra)["layers"][2]["note"], "out");
    EXPECT_EQ((*back.extra)["training"]["custom"], 7);
    EXPECT_EQ(dump_document(back), dump_document(d));
}

TEST(Serialize, LayerWithoutBiasMayOmitBiases) {
    const Document d = parse_document(R"({"layers": [{"size": 1},
        {"size": 1, "activation": "sigmoid", "bias": false, "weights": [[0.5]]}], "loss": "mse"})");
    EXPECT_FALSE(d.net.layers[1].bias);
    EXPECT_EQ(d.net.layers[1].b, std::vector<double>{0.0});
}

struct BadCase {
    const char* name;
    std::string text;
    const char* expected;  // a part of the message
};

TEST(Serialize, MalformedFilesAreRefusedWithThePreciseField) {
    const BadCase cases[] = {
        {"truncated", std::string(kMazur).substr(0, 120), "not valid JSON"},
        {"not an object", "[1, 2]", "must hold a JSON object"},
        {"no layers", R"({"loss": "mse"})", "file.layers is missing"},
        {"row too long", mazur_with("[0.5, 0.55]", "[0.5, 0.55, 0.1]"), "layers[2].weights row 1 has 3 entries, expected 2"},
        {"too few rows", mazur_with("[[0.4, 0.45], [0.5, 0.55]]", "[[0.4, 0.45]]"), "layers[2].weights has 1 rows, expected 2"},
        {"unknown activation", mazur_with("\"activation\": \"sigmoid\", \"weights\": [[0.15", "\"activation\": \"sigmod\", \"weights\": [[0.15"), "layers[1].activation \"sigmod\" is unknown"},
        {"unknown loss", mazur_with("mse_half", "hinge"), "loss \"hinge\" is unknown"},
        {"softmax hidden", mazur_with("\"activation\": \"sigmoid\", \"weights\": [[0.15", "\"activation\": \"softmax\", \"weights\": [[0.15"), "softmax is only allowed on the output layer"},
        {"ce without softmax", mazur_with("mse_half", "cross_entropy"), "cross_entropy needs a softmax output"},
        {"bce without sigmoid", mazur_with("mse_half\"", "binary_cross_entropy\"").replace(std::string(kMazur).find("\"sigmoid\", \"weights\": [[0.4") , 9, "\"linear\""), "binary_cross_entropy needs a sigmoid output"},
        {"NaN as string", mazur_with("0.15", "\"NaN\""), "layers[1].weights[0][0] must be a number, got a string"},
        {"huge number", mazur_with("0.15", "1e999"), "number overflow parsing '1e999'"},
        {"wrong type size", R"({"layers": [{"size": "2"}, {"size": 1}], "loss": "mse"})", "layers[0].size must be an integer"},
        {"zero size", mazur_with("{\"size\": 2},", "{\"size\": 0},"), "layers[0].size = 0 is outside 1..256"},
        {"negative size", mazur_with("{\"size\": 2},", "{\"size\": -3},"), "is outside 1..256"},
        {"million neurons", mazur_with("{\"size\": 2},", "{\"size\": 1000000},"), "layers[0].size = 1000000 is outside"},
        {"missing biases", mazur_with(", \"biases\": [0.35, 0.35]", ""), "layers[1].biases is missing"},
        {"bias count", mazur_with("[0.35, 0.35]", "[0.35]"), "layers[1].biases has 1 entries, expected 2"},
        {"target count", mazur_with("[[0.01, 0.99]]", "[[0.01]]"), "data.targets row 0 has 1 entries, expected 2"},
        {"target rows", mazur_with("[[0.01, 0.99]]", "[[0.01, 0.99], [0.5, 0.5]]"), "data.targets has 2 rows, expected 1"},
        {"empty data", mazur_with("\"inputs\": [[0.05, 0.1]], \"targets\": [[0.01, 0.99]]", "\"inputs\": [], \"targets\": []"), "data.inputs is empty"},
        {"deep nesting", std::string(100000, '[') + std::string(100000, ']'), "deeper than 64"},
        {"non UTF-8", mazur_with("Mazur", "Ma\xff\xfez"), "not valid JSON"},
        {"learning rate", mazur_with("\"learning_rate\": 0.5", "\"learning_rate\": -1"), "training.learning_rate = -1 is out of range"},
        {"optimizer", mazur_with("\"learning_rate\": 0.5", "\"optimizer\": \"rmsprop\""), "training.optimizer \"rmsprop\" is unknown"},
        {"newer format", mazur_with("\"title\"", "\"format_version\": 2, \"title\""), "format_version 2 is newer"},
    };
    for (const BadCase& c : cases) {
        const std::string msg = error_of(c.text);
        EXPECT_NE(msg.find(c.expected), std::string::npos) << c.name << ": got \"" << msg << "\"";
    }
}

TEST(Serialize, TargetsAreCheckedPerLoss) {
    const std::string bce = R"({"layers": [{"size": 1}, {"size": 1, "activation": "sigmoid", "weights": [[1]], "biases": [0]}],
        "loss": "binary_cross_entropy", "data": {"inputs": [[1]], "targets": [[1.5]]}})";
    EXPECT_NE(error_of(bce).find("data.targets[0][0] = 1.500000 is outside [0, 1]"), std::string::npos) << error_of(bce);
    const std::string ce = R"({"layers": [{"size": 1}, {"size": 2, "activation": "softmax", "weights": [[1], [2]], "biases": [0, 0]}],
        "loss": "cross_entropy", "data": {"inputs": [[1]], "targets": [[0.5, 0.6]]}})";
    EXPECT_NE(error_of(ce).find("data.targets[0] sums to 1.1"), std::string::npos) << error_of(ce);
    const std::string mse = R"({"layers": [{"size": 1}, {"size": 1, "activation": "sigmoid", "weights": [[1]], "biases": [0]}],
        "loss": "mse", "data": {"inputs": [[1]], "targets": [[7.5]]}})";
    EXPECT_EQ(error_of(mse), "(no error)");  // MSE takes any finite target
}

class TempDir : public ::testing::Test {
protected:
    void SetUp() override {
        char tmpl[] = "/tmp/bp-serialize-XXXXXX";
        dir_ = mkdtemp(tmpl);
    }
    void TearDown() override { std::system(("rm -rf " + dir_).c_str()); }
    std::string dir_;
};

TEST_F(TempDir, AtomicSaveReplacesTheFileAndLeavesNoTemporaries) {
    const std::string path = dir_ + "/net.json";
    Document d = parse_document(kMazur);
    save_document(path, d);
    d.net.layers[1].W(0, 0) = 0.125;
    save_document(path, d);
    EXPECT_EQ(load_document(path).net.layers[1].W(0, 0), 0.125);
    int files = 0;
    for (const char* name : {"/net.json"}) files += access((dir_ + name).c_str(), F_OK) == 0;
    EXPECT_EQ(files, 1);
    EXPECT_EQ(std::system(("test $(ls " + dir_ + " | wc -l) -eq 1").c_str()), 0);
}

TEST_F(TempDir, FailedSaveSaysWhyAndKeepsTheOldFile) {
    const std::string path = dir_ + "/missing-folder/net.json";
    try {
        save_document(path, parse_document(kMazur));
        FAIL() << "saving into a missing folder should fail";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("missing-folder/net.json: cannot write"), std::string::npos) << e.what();
    }
    // A file that cannot be loaded names the path and the reason.
    try {
        load_document(dir_ + "/nope.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("nope.json: cannot open"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace bp
