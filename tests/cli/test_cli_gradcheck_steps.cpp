// backprop-cli gradcheck (backprop against finite differences, exit status by tolerance) and steps
// (the event sequence with formulas): Mazur's numbers, the board order of the events, JSON and table.
#include <map>

#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;
using nlohmann::json;

TEST(CliGradcheck, MazurPassesAndReportsEveryParameter) {
    TempDir dir;
    const std::string net = dir.write_json("net.json", mazur_network());
    const json g = run_json({"gradcheck", net, "--format", "json"});
    EXPECT_EQ(g["ok"], true);
    EXPECT_LT(g["max_relative_error"].get<double>(), 1e-5);
    ASSERT_EQ(g["parameters"].size(), 12u);  // 2·2 + 2·2 weights and 2 + 2 biases
    ASSERT_TRUE(g.contains("worst"));
    EXPECT_EQ(g["worst"]["relative_error"], g["max_relative_error"]);
    const json t = run_json({"trace", net});
    for (const json& e : g["parameters"]) {
        const json& ref = e.contains("weight") ? t["layers"][e["weight"][0].get<int>()]["dW"][e["weight"][1].get<int>()]
                                                      [e["weight"][2].get<int>()]
                                               : t["layers"][e["bias"][0].get<int>()]["db"][e["bias"][1].get<int>()];
        EXPECT_DOUBLE_EQ(e["analytic"].get<double>(), ref.get<double>()) << e.dump();
        EXPECT_NEAR(e["numeric"].get<double>(), ref.get<double>(), 1e-8) << e.dump();
    }
    const RunResult table = run_cli({"gradcheck", net});
    EXPECT_EQ(table.status, 0);
    EXPECT_NE(table.out.find("w²₁₁"), std::string::npos);
    EXPECT_NE(table.out.find(": OK"), std::string::npos) << table.out;
}

// relu has a kink at 0: with w = 1, x = 1, b = −1 the hidden z is exactly 0, where backprop uses
// relu′(0) = 0 but the central difference sees (relu(h) − relu(−h))/2h = ½. The check must fail: exit 1.
TEST(CliGradcheck, ReluKinkFailsWithExitOne) {
    TempDir dir;
    const json net = json::parse(R"({"layers": [{"size": 1},
        {"size": 1, "activation": "relu", "weights": [[1.0]], "biases": [-1.0]},
        {"size": 1, "activation": "linear", "weights": [[2.0]], "biases": [0.0]}],
        "loss": "mse_half", "data": {"inputs": [[1.0]], "targets": [[3.0]]}})");
    const RunResult r = run_cli({"gradcheck", dir.write_json("kink.json", net)});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.out.find("NOT OK"), std::string::npos) << r.out;
}

// Mazur's pass as events: z¹₁ = 0.15·0.05 + 0.20·0.10 + 0.35 = 0.3775 first, the loss 0.298371109,
// and the update w²₁₁ ← 0.40 − 0.5·0.082167041 = 0.35891648, in board order.
TEST(CliSteps, MazurEventsInBoardOrder) {
    TempDir dir;
    const json events = run_json({"steps", dir.write_json("net.json", mazur_network()), "--format", "json"});
    ASSERT_TRUE(events.is_array());
    ASSERT_GT(events.size(), 20u);
    const std::map<std::string, int> order = {{"forward", 0}, {"loss", 1}, {"backward", 2}, {"gradients", 3}, {"update", 4}};
    int phase = 0;
    bool saw_loss = false, saw_update = false;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const json& e = events[i];
        EXPECT_EQ(e["index"], i);
        ASSERT_TRUE(order.count(e["phase"].get<std::string>())) << e.dump();
        EXPECT_GE(order.at(e["phase"].get<std::string>()), phase) << "phases out of order at " << i;
        phase = order.at(e["phase"].get<std::string>());
        EXPECT_FALSE(e["title"].get<std::string>().empty());
        EXPECT_NE(e["formula"].get<std::string>().find(e["result"].get<std::string>()), std::string::npos) << e.dump();
        if (e["kind"] == "loss") {
            saw_loss = true;
            EXPECT_NEAR(e["value"].get<double>(), 0.298371109, 5e-10);
        }
        if (e["kind"] == "weight_update" && e["layer"] == 2 && e["neuron"] == 0 && e["k"] == 0) {
            saw_update = true;
            EXPECT_NEAR(e["value"].get<double>(), 0.35891648, 5e-9);
        }
    }
    EXPECT_EQ(events[0]["kind"], "z");
    EXPECT_EQ(events[0]["layer"], 1);
    EXPECT_EQ(events[0]["neuron"], 0);
    EXPECT_NEAR(events[0]["value"].get<double>(), 0.3775, 1e-15);
    EXPECT_TRUE(saw_loss);
    EXPECT_TRUE(saw_update);
}

TEST(CliSteps, TableHasOneLinePerEvent) {
    TempDir dir;
    const std::string net = dir.write_json("net.json", mazur_network());
    const json events = run_json({"steps", net, "--format", "json"});
    const RunResult r = run_cli({"steps", net});
    ASSERT_EQ(r.status, 0) << r.err;
    const std::vector<std::string> l = lines(r.out);
    ASSERT_EQ(l.size(), events.size() + 1);  // a header, then the events
    for (std::size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(l[i + 1].rfind(std::to_string(i) + " ", 0), 0u) << l[i + 1];
        EXPECT_NE(l[i + 1].find(events[i]["formula"].get<std::string>()), std::string::npos) << l[i + 1];
    }
}

// --sample n walks that sample alone: its first z is trace's z of sample n.
TEST(CliSteps, SampleOptionUsesThatSample) {
    TempDir dir;
    const std::string net = dir.write_json("net.json", make_network({2, 3, 1}, {"tanh", "sigmoid"}, "mse_half", 3, 21));
    const json t = run_json({"trace", net});
    for (int n = 0; n < 3; ++n) {
        const json events = run_json({"steps", net, "--sample", std::to_string(n), "--format", "json"});
        ASSERT_FALSE(events.empty());
        EXPECT_DOUBLE_EQ(events[0]["value"].get<double>(), t["layers"][1]["z"][n][0].get<double>());
    }
}
