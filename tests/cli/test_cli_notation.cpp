// backprop-cli steps|trace|paths --notation: the same events and bit-identical values in every notation,
// the symbols of the chosen one in title, formula, symbolic, substituted and latex; per-neuron as without
// the option; an unknown notation is a usage error naming the four.
#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;
using nlohmann::json;

namespace {

const std::string kMazur = std::string(BP_PRESETS_DIR) + "/mazur-2-2-2.json";
const std::string kClassifier = std::string(BP_PRESETS_DIR) + "/relu-softmax-classifier.json";
const char* const kNames[] = {"per-neuron", "vector", "derivation", "batch"};

TEST(CliNotation, StepsKeepEveryEventAndValueInEveryNotation) {
    for (const std::string& net : {kMazur, kClassifier}) {
        const json base = run_json({"steps", net, "--format", "json"});
        for (const char* name : kNames) {
            const json other = run_json({"steps", net, "--format", "json", "--notation", name});
            ASSERT_EQ(other.size(), base.size()) << name;
            for (std::size_t i = 0; i < base.size(); ++i) {
                EXPECT_EQ(other[i]["kind"], base[i]["kind"]);
                EXPECT_EQ(other[i]["value"].dump(), base[i]["value"].dump()) << name << " event " << i;
                EXPECT_EQ(other[i]["result"], base[i]["result"]);
                if (std::string(name) == "per-neuron") {
                    EXPECT_EQ(other[i], base[i]);
                }
            }
        }
    }
}

TEST(CliNotation, StepsWriteTheNotationsSymbols) {
    const json vector = run_json({"steps", kMazur, "--format", "json", "--notation", "vector"});
    EXPECT_EQ(vector[0]["symbolic"], "u[1] = W₁[1,1]·x[1] + W₁[1,2]·x[2] + b₁[1]");
    EXPECT_EQ(vector[0]["latex"], "u[1] = W_{1}[1,1] \\cdot x[1] + W_{1}[1,2] \\cdot x[2] + b_{1}[1] = 0.15 \\cdot 0.05 + 0.2 \\cdot 0.1 + 0.35 = 0.3775");
    EXPECT_EQ(vector[0]["title"], "Forward pass — u (pre-activation) of hidden neuron 1");
    const json derivation = run_json({"steps", kMazur, "--format", "json", "--notation", "derivation"});
    EXPECT_EQ(derivation[1]["formula"], "z₂¹ = σ(a₁¹) = σ(0.3775) = 0.5933");
    const json batch = run_json({"steps", kMazur, "--format", "json", "--notation", "batch"});
    EXPECT_EQ(batch[9]["formula"], "dL/dZ₂[1,1] = 1/N·(Ŷ[1,1] − Y[1,1])·σ′(Z₂[1,1]) = 1/1·(0.7514 − 0.01)·0.1868 = 0.1385");
    EXPECT_EQ(batch[9]["substituted"], "1/1·(0.7514 − 0.01)·0.1868");
}

TEST(CliNotation, TraceTableLabelsInTheNotationJsonUnchanged) {
    const RunResult table = run_cli({"trace", kMazur, "--format", "table", "--notation", "derivation"});
    ASSERT_EQ(table.status, 0) << table.err;
    EXPECT_NE(table.out.find("a₁¹ = 0.3775"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("ε₂¹ = 0.138498562"), std::string::npos) << table.out;
    // the notes' δ₁ = ∂L/∂z₂ = W₂ᵀε₂: 0.4·0.138498562 + 0.5·(−0.0380982365) = 0.036350306
    EXPECT_NE(table.out.find("δ₁¹ = 0.036350306"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("dW₂¹¹ = 0.0821670406"), std::string::npos) << table.out;
    EXPECT_EQ(run_cli({"trace", kMazur, "--notation", "batch"}).out, run_cli({"trace", kMazur}).out);
    EXPECT_EQ(run_cli({"trace", kMazur, "--format", "table", "--notation", "per-neuron"}).out,
              run_cli({"trace", kMazur, "--format", "table"}).out);
}

TEST(CliNotation, PathsInTheNotation) {
    const RunResult r = run_cli({"paths", kMazur, "--weight", "2,0,1", "--notation", "batch"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("dL/dW₂[2,1] for sample 0: 1 path from W₂[2,1] to the loss"), std::string::npos) << r.out;
    const json base = run_json({"paths", kMazur, "--weight", "1,0,0", "--format", "json"});
    const json vector = run_json({"paths", kMazur, "--weight", "1,0,0", "--format", "json", "--notation", "vector"});
    EXPECT_EQ(vector["sum"].dump(), base["sum"].dump());
    EXPECT_EQ(vector["paths"][0]["factors"], base["paths"][0]["factors"]);
    EXPECT_EQ(vector["paths"][0]["labels"].back(), "x[1]");
}

TEST(CliNotation, AnUnknownNotationIsAUsageErrorNamingTheFour) {
    for (const char* command : {"steps", "trace", "paths"}) {
        std::vector<std::string> args = {command, kMazur, "--notation", "matrix"};
        if (std::string(command) == "paths") args.insert(args.end(), {"--bias", "1,0"});
        const RunResult r = run_cli(args);
        EXPECT_EQ(r.status, 2) << command;
        EXPECT_NE(r.err.find("--notation 'matrix': expected per-neuron, vector, derivation or batch"), std::string::npos)
            << r.err;
        EXPECT_TRUE(r.out.empty());
    }
}

}  // namespace
