// backprop-cli check: marking a homework sheet on Mazur's network (hand-derived values), the digit rule
// and diagnosis in the output, the batch mode, the file's learning rate, and errors naming entry and field.
#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;
using nlohmann::json;

namespace {

// Mazur's pass (see test_cli_trace.cpp for the derivation): a²₁ = 0.75136507, L = 0.298371109,
// δ²₁ = 0.74136507·0.186815602 = 0.138498562, ∂L/∂w²₁₁ = δ²₁·a¹₁ = 0.082167041, ∂L/∂w¹₁₁ = 0.000438568,
// w²₁₁ after one step with η = 0.5: 0.4 − 0.5·0.082167041 = 0.358916480.
json answer(const std::string& what, int layer, int neuron, const std::string& value) {
    return {{"what", what}, {"layer", layer}, {"neuron", neuron}, {"value", value}};
}
json weight_answer(const std::string& what, int layer, int j, int k, const std::string& value) {
    return {{"what", what}, {"layer", layer}, {"j", j}, {"k", k}, {"value", value}};
}

struct Checked {
    RunResult run;
    json out;  // parsed stdout (null when it is not JSON)
};

Checked check_json(const TempDir& dir, const json& net, const json& sheet) {
    Checked c;
    c.run = run_cli({"check", dir.write_json("net.json", net), dir.write_json("answers.json", sheet), "--format", "json"});
    c.out = json::parse(c.run.out, nullptr, false);
    return c;
}

// Runs a sheet expected to be refused: exit 2, nothing on stdout, and the message on stderr.
std::string refusal(const json& sheet) {
    TempDir dir;
    const RunResult r = run_cli({"check", dir.write_json("net.json", mazur_network()), dir.write_json("a.json", sheet)});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    return r.err;
}

json mazur_with_copies(int copies) {
    json net = mazur_network();
    net["data"]["inputs"] = json::array();
    net["data"]["targets"] = json::array();
    for (int i = 0; i < copies; ++i) {
        net["data"]["inputs"].push_back({0.05, 0.10});
        net["data"]["targets"].push_back({0.01, 0.99});
    }
    return net;
}

}  // namespace

TEST(CliCheck, MarksAMazurSheetWithVerdictsAndADiagnosis) {
    TempDir dir;
    const json sheet = {{"sample", 0},
                        {"answers",
                         {answer("a", 2, 0, "0.7514"), weight_answer("dW", 2, 0, 0, "0.0822"),
                          {{"what", "loss"}, {"value", "0.2984"}}, answer("delta", 2, 0, "0.7414"),
                          weight_answer("dW", 1, 0, 0, "4.39e-4"), weight_answer("W_after", 2, 0, 0, "0.3589")}}};
    const Checked c = check_json(dir, mazur_network(), sheet);
    EXPECT_EQ(c.run.status, 1) << c.run.err;  // one answer is wrong
    ASSERT_TRUE(c.out.is_object()) << c.run.out;
    EXPECT_EQ(c.out["total"], 6);
    EXPECT_EQ(c.out["correct"], 5);
    const json& r = c.out["results"];
    ASSERT_EQ(r.size(), 6u);
    for (std::size_t i = 0; i < r.size(); ++i) {
        EXPECT_EQ(r[i]["index"], i);
        for (const char* key : {"correct", "given", "expected", "formula", "diagnosis", "verdict"})
            EXPECT_TRUE(r[i].contains(key)) << key;
    }
    EXPECT_NEAR(r[0]["expected"].get<double>(), 0.75136507, 5e-9);
    EXPECT_NEAR(r[1]["expected"].get<double>(), 0.082167041, 5e-10);
    EXPECT_NEAR(r[2]["expected"].get<double>(), 0.298371109, 5e-10);
    EXPECT_NEAR(r[5]["expected"].get<double>(), 0.358916480, 5e-9);
    EXPECT_EQ(r[0]["correct"], true);
    EXPECT_EQ(r[0]["given"], "0.7514");
    EXPECT_EQ(r[0]["diagnosis"], "");
    // 0.7414 = a²₁ − y₁: δ²₁ without σ′(z²₁) = 0.186815602
    EXPECT_EQ(r[3]["correct"], false);
    EXPECT_EQ(r[3]["verdict"], "wrong");
    EXPECT_EQ(r[3]["mistake"], "forgot_derivative");
    EXPECT_EQ(r[3]["diagnosis"], "You left out σ′(z²₁) = 0.1868: δ of an output neuron is ∂L/∂a · σ′(z).");
    EXPECT_EQ(r[3]["formula"], "δ²₁ = (a²₁ − y₁)·σ′(z²₁) = (0.7514 − 0.01)·0.1868 = 0.1385");
}

TEST(CliCheck, AllRightExitsZeroAndTheTableSaysSo) {
    TempDir dir;
    const json sheet = {{"sample", 0},
                        {"answers", {answer("z", 1, 0, "0.3775"), answer("a", 1, 1, "0.5969"),
                                     answer("delta", 2, 1, "−0.0381")}}};
    const RunResult r = run_cli({"check", dir.write_json("net.json", mazur_network()), dir.write_json("a.json", sheet)});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("3 of 3 right."), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("δ²₂"), std::string::npos) << r.out;  // neurons shown from 1
    EXPECT_EQ(r.out.find("WRONG"), std::string::npos) << r.out;
}

TEST(CliCheck, TheTableShowsFormulaAndDiagnosisOfWrongAnswers) {
    TempDir dir;
    // z¹₁ without its bias: 0.15·0.05 + 0.20·0.10 = 0.0275
    const json sheet = {{"answers", {answer("z", 1, 0, "0.0275")}}};
    const RunResult r = run_cli({"check", dir.write_json("net.json", mazur_network()), dir.write_json("a.json", sheet)});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.out.find("WRONG"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("z¹₁ = w¹₁₁·a⁰₁ + w¹₁₂·a⁰₂ + b¹₁ = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("You left out the bias"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("0 of 1 right."), std::string::npos) << r.out;
}

TEST(CliCheck, FewerThanTwoSignificantDigitsIsWrongWithTheReason) {
    TempDir dir;
    const json sheet = {{"sample", 0}, {"answers", {answer("a", 2, 0, "0.8"), answer("a", 2, 0, "seven")}}};
    const Checked c = check_json(dir, mazur_network(), sheet);
    EXPECT_EQ(c.run.status, 1);
    const json& r = c.out["results"];
    EXPECT_EQ(r[0]["correct"], false);
    EXPECT_EQ(r[0]["verdict"], "need_more_digits");
    EXPECT_NE(r[0]["diagnosis"].get<std::string>().find("significant digit"), std::string::npos);
    EXPECT_EQ(r[1]["verdict"], "unreadable");
    EXPECT_NE(r[1]["diagnosis"].get<std::string>().find("seven"), std::string::npos);
    EXPECT_EQ(c.out["correct"], 0);
}

TEST(CliCheck, AJsonNumberIsAcceptedAsTheValue) {
    TempDir dir;
    const json sheet = {{"answers", {{{"what", "a"}, {"layer", 2}, {"neuron", 0}, {"value", 0.7514}}}}};
    const Checked c = check_json(dir, mazur_network(), sheet);
    EXPECT_EQ(c.run.status, 0) << c.run.err;
    EXPECT_EQ(c.out["results"][0]["given"], "0.7514");
}

TEST(CliCheck, TheStepUsesTheFilesLearningRate) {
    TempDir dir;
    json net = mazur_network();
    net["training"]["learning_rate"] = 0.25;
    // w²₁₁ ← 0.4 − 0.25·0.082167041 = 0.379458240
    const Checked c = check_json(dir, net, {{"answers", {weight_answer("W_after", 2, 0, 0, "0.3795")}}});
    EXPECT_EQ(c.run.status, 0) << c.run.out;
    EXPECT_NEAR(c.out["results"][0]["expected"].get<double>(), 0.379458240, 5e-9);
}

TEST(CliCheck, WithoutASampleAllOfDataIsOneBatch) {
    // Four copies of Mazur's sample: the batch mean loss and gradients are Mazur's; δ²₁ of each sample
    // carries 1/4: 0.138498562/4 = 0.0346246405. Forgetting the 1/N gives 4·0.082167041 = 0.328668162.
    TempDir dir;
    const json sheet = {{"answers",
                         {{{"what", "delta"}, {"layer", 2}, {"neuron", 0}, {"sample", 3}, {"value", "0.03462"}},
                          {{"what", "loss"}, {"value", "0.2984"}},
                          weight_answer("W_after", 2, 0, 0, "0.3589"),
                          weight_answer("dW", 2, 0, 0, "0.3287")}}};
    const Checked c = check_json(dir, mazur_with_copies(4), sheet);
    EXPECT_EQ(c.run.status, 1) << c.run.err;
    const json& r = c.out["results"];
    EXPECT_NEAR(r[0]["expected"].get<double>(), 0.0346246405, 5e-10);
    EXPECT_EQ(r[0]["correct"], true);
    EXPECT_EQ(r[1]["correct"], true);
    EXPECT_EQ(r[2]["correct"], true);
    EXPECT_EQ(r[3]["correct"], false);
    EXPECT_EQ(r[3]["mistake"], "batch_mean_forgotten");
    EXPECT_NE(r[3]["diagnosis"].get<std::string>().find("N = 4"), std::string::npos);
}

TEST(CliCheck, ASampleIsMarkedAloneAsTraceComputesIt) {
    // Two different samples; "sample": 1 must give the values of a file holding only sample 1.
    TempDir dir;
    json two = make_network({2, 3, 2}, {"tanh", "sigmoid"}, "mse_half", 2, 5);
    json one = two;
    one["data"]["inputs"] = {two["data"]["inputs"][1]};
    one["data"]["targets"] = {two["data"]["targets"][1]};
    const json t = run_json({"trace", dir.write_json("one.json", one)});
    const double z = t["layers"][1]["z"][0][2].get<double>();
    const double dW = t["layers"][2]["dW"][1][0].get<double>();
    const json sheet = {{"sample", 1},
                        {"answers", {answer("z", 1, 2, "0"), weight_answer("dW", 2, 1, 0, "0")}}};
    const Checked c = check_json(dir, two, sheet);
    EXPECT_EQ(c.out["results"][0]["expected"].get<double>(), z);
    EXPECT_EQ(c.out["results"][1]["expected"].get<double>(), dW);
}

TEST(CliCheck, BadEntriesNameTheEntryAndTheField) {
    const json ok = answer("a", 2, 0, "0.7514");
    EXPECT_NE(refusal({{"answers", {ok, ok, ok, answer("a", 5, 0, "1")}}}).find("answers[3].layer 5 is past the last layer"),
              std::string::npos);
    EXPECT_NE(refusal({{"answers", {answer("a", 1, 2, "1")}}}).find("answers[0].neuron 2 is past the last neuron of layer 1"),
              std::string::npos);
    EXPECT_NE(refusal({{"answers", {{{"what", "dW"}, {"layer", 2}, {"j", 0}, {"value", "1"}}}}}).find("answers[0].k is missing"),
              std::string::npos);
    EXPECT_NE(refusal({{"answers", {answer("dW", 2, 0, "1")}}}).find("answers[0].neuron does not belong here"),
              std::string::npos);
    EXPECT_NE(refusal({{"answers", {answer("dz", 2, 0, "1")}}}).find("answers[0].what \"dz\" is not one of"),
              std::string::npos);
    EXPECT_NE(refusal({{"answers", {answer("delta", 0, 0, "1")}}}).find("answers[0].layer 0 is the input layer"),
              std::string::npos);
    EXPECT_NE(refusal({{"answers", {{{"what", "loss"}}}}}).find("answers[0].value is missing"), std::string::npos);
    EXPECT_NE(refusal({{"answers", {{{"what", "z"}, {"layer", 1}, {"neuron", -1}, {"value", "1"}}}}}).find("answers[0].neuron -1"),
              std::string::npos);
    EXPECT_NE(refusal({{"sample", 1}, {"answers", json::array()}}).find("sample 1 is past the last sample"),
              std::string::npos);
    EXPECT_NE(refusal({{"answer", json::array()}}).find("answers is missing"), std::string::npos);
}

// Sheets that are not JSON as network files must be: each refused with the file's name and the place.
TEST(CliCheck, AnUnreadableSheetIsRefusedWithItsNameAndThePlace) {
    TempDir dir;
    const std::string net = dir.write_json("net.json", mazur_network());
    const auto refusal_of = [&](const std::string& text) {
        const std::string path = dir.write("sheet.json", text);
        const RunResult r = run_cli({"check", net, path});
        EXPECT_EQ(r.status, 2) << r.err;
        EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
        return r.err;
    };
    EXPECT_NE(refusal_of(R"({"answers": [{"what": "loss", "value": 1e999}]})").find("number overflow"), std::string::npos);
    EXPECT_NE(refusal_of(R"({"answers": [], "answers": []})").find("duplicate key"), std::string::npos);
    std::string sheet = R"({"answers": [{"what": ")";
    sheet.append(100000, 'x').append(R"(", "value": "1"}]})");
    const std::string huge = refusal_of(sheet);
    EXPECT_LT(huge.size(), 400u) << "the message quotes at most a short piece of the value";
}

TEST(CliCheck, ABatchNeedsTheSampleOfEachPerSampleAnswer) {
    TempDir dir;
    const RunResult r = run_cli({"check", dir.write_json("net.json", mazur_with_copies(3)),
                                 dir.write_json("a.json", {{"answers", {answer("z", 1, 0, "0.3775")}}})});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("answers[0].sample is missing"), std::string::npos) << r.err;
}

TEST(CliCheck, BadFilesAndArgumentsExitTwo) {
    TempDir dir;
    const std::string net = dir.write_json("net.json", mazur_network());
    const std::string bad = dir.write("bad.json", "{\"answers\": [");
    RunResult r = run_cli({"check", net, bad});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("bad.json: not valid JSON"), std::string::npos) << r.err;
    r = run_cli({"check", net, dir.path("missing.json")});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("missing.json"), std::string::npos) << r.err;
    r = run_cli({"check", net});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("ANSWERS.json"), std::string::npos) << r.err;
    json no_data = mazur_network();
    no_data.erase("data");
    r = run_cli({"check", dir.write_json("nodata.json", no_data), dir.write_json("a.json", {{"answers", json::array()}})});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("data"), std::string::npos) << r.err;
    r = run_cli({"check", "--help"});
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("ANSWERS.json"), std::string::npos);
}

TEST(CliCheck, NotationWritesTheLabelFormulaAndDiagnosisInTheNotesLetters) {
    TempDir dir;
    const json sheet = {{"sample", 0},
                        {"answers", {answer("delta", 2, 0, "0.7414"), weight_answer("dW", 2, 0, 0, "0.0822"),
                                     weight_answer("W_after", 2, 0, 1, "0.4")}}};
    const std::string net = dir.write_json("net.json", mazur_network()), answers = dir.write_json("a.json", sheet);
    // Without the option: per-neuron, byte for byte what --notation per-neuron writes.
    for (const char* format : {"table", "json"}) {
        const RunResult plain = run_cli({"check", net, answers, "--format", format});
        const RunResult per_neuron = run_cli({"check", net, answers, "--format", format, "--notation", "per-neuron"});
        EXPECT_EQ(plain.status, 1);
        EXPECT_EQ(plain.out, per_neuron.out);
    }
    const json plain = json::parse(run_cli({"check", net, answers, "--format", "json"}).out);
    const json in_003 = json::parse(run_cli({"check", net, answers, "--format", "json", "--notation", "derivation"}).out);
    const json& r = in_003["results"];
    EXPECT_EQ(r[0]["label"], "ε₂¹");
    EXPECT_EQ(r[0]["diagnosis"], "You left out σ′(a₂¹) = 0.1868: ε₂ of an output neuron is δ₂ · σ′(a₂).");
    EXPECT_EQ(r[0]["mistake"], "forgot_derivative");
    const json vector = json::parse(run_cli({"check", net, answers, "--format", "json", "--notation", "vector"}).out);
    EXPECT_EQ(vector["results"][0]["diagnosis"],
              "You left out σ′(f[1]) = 0.1868: ∂L/∂f of an output neuron is ∂L/∂ŷ · σ′(f).");
    // The numbers and verdicts are the same in every notation.
    for (std::size_t i = 0; i < r.size(); ++i) {
        EXPECT_EQ(r[i]["expected"], plain["results"][i]["expected"]);
        EXPECT_EQ(r[i]["verdict"], plain["results"][i]["verdict"]);
        EXPECT_EQ(r[i]["mistake"], plain["results"][i]["mistake"]);
    }
    EXPECT_EQ(run_cli({"check", net, answers, "--notation", "tensor"}).status, 2);
}
