// backprop-cli expr: the JSON contract on the notes' e^(e^(x²)) and on x·x + e^x (three paths), the table,
// expression documents (--file, presets, --at overriding), a network as a graph (--network: Mazur's
// numbers; past 10 000 paths the top 200 and "paths_rest"), and the exit codes: 0, 2 for a malformed
// expression, document or argument (the 60 000-character expression too), 1 for a domain error.
#include <cmath>

#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;
using nlohmann::json;

namespace {

json expr(const std::vector<std::string>& args) {
    std::vector<std::string> all{"expr"};
    all.insert(all.end(), args.begin(), args.end());
    all.insert(all.end(), {"--format", "json"});
    return run_json(all);
}

void expect_refused(const RunResult& r, int status, const std::string& message) {
    EXPECT_EQ(r.status, status) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find(message), std::string::npos) << "stderr: " << r.err << "\nexpected: " << message;
}

const std::string kExpressions = BP_EXPRESSIONS_DIR;

}  // namespace

// y = e^(e^(x²)) at x = 0.5 (note 001): h₁ = 0.25, h₂ = e^0.25 = 1.2840254166877414,
// y = e^(h₂) = 3.611146878218102, dy/dx = e^(h₂)·e^(h₁)·2x = 4.636804375024635.
TEST(CliExpr, TheNotesExampleAsJson) {
    const json j = expr({"exp(exp(x^2))", "--at", "x=0.5"});
    EXPECT_EQ(j["expression"], "exp(exp(x^2))");
    EXPECT_NEAR(j["value"].get<double>(), 3.611146878218102, 1e-15);
    EXPECT_NEAR(j["gradient"]["x"].get<double>(), 4.636804375024635, 1e-14);
    ASSERT_EQ(j["nodes"].size(), 5u);
    const json& h2 = j["nodes"][3];
    EXPECT_EQ(h2["id"], 3);
    EXPECT_EQ(h2["op"], "exp");
    EXPECT_EQ(h2["label"], "h₂");
    EXPECT_EQ(h2["formula"], "h₂ = e^(h₁)");
    EXPECT_EQ(h2["inputs"], json({2}));
    EXPECT_NEAR(h2["value"].get<double>(), 1.2840254166877414, 1e-15);
    EXPECT_NEAR(h2["adjoint"].get<double>(), 3.611146878218102, 1e-15);
    EXPECT_NEAR(h2["local_derivatives"][0].get<double>(), 1.2840254166877414, 1e-15);
    EXPECT_EQ(h2["local_derivative_formulas"][0], "∂h₂/∂h₁ = e^(h₁)");
    EXPECT_EQ(j["nodes"][1]["op"], "constant");
    EXPECT_TRUE(j["nodes"][1]["adjoint"].is_null());                 // the constant 2: no adjoint
    EXPECT_TRUE(j["nodes"][2]["local_derivatives"][1].is_null());    // and no derivative on its edge
    EXPECT_EQ(j["nodes"][0]["name"], "x");
    ASSERT_EQ(j["paths"]["x"].size(), 1u);
    const json& path = j["paths"]["x"][0];
    EXPECT_EQ(path["nodes"], json({0, 2, 3, 4}));
    EXPECT_EQ(path["labels"], json({"∂y/∂h₂", "∂h₂/∂h₁", "∂h₁/∂x"}));
    EXPECT_EQ(path["product"], j["gradient"]["x"]);
    EXPECT_EQ(j["path_counts"]["x"], 1);
    EXPECT_FALSE(j.contains("paths_rest"));
}

TEST(CliExpr, ThreePathsFromXSumToItsDerivative) {
    const json j = expr({"x*x + exp(x)", "--at", "x=0.5"});
    EXPECT_EQ(j["path_counts"]["x"], 3);
    ASSERT_EQ(j["paths"]["x"].size(), 3u);
    double sum = 0.0;
    for (const json& p : j["paths"]["x"]) {
        double product = 1.0;
        for (const json& f : p["factors"]) product *= f.get<double>();
        EXPECT_EQ(p["product"].get<double>(), product);
        sum += p["product"].get<double>();
    }
    EXPECT_NEAR(sum, j["gradient"]["x"].get<double>(), 1e-15);
    EXPECT_NEAR(j["gradient"]["x"].get<double>(), 1.0 + std::exp(0.5), 1e-15);
    EXPECT_EQ(j["nodes"][1]["inputs"], json({0, 0}));  // x·x: x twice, one node
}

TEST(CliExpr, ConstantExponentsTakeAnyBaseVariableOnesAPositiveOne) {
    EXPECT_EQ(expr({"(x)^2", "--at", "x=-3"})["value"], 9.0);
    EXPECT_EQ(expr({"-x^2", "--at", "x=3"})["value"], -9.0);  // a leading minus is the expression, not an option
    EXPECT_EQ(expr({"--2*x", "--at", "x=3"})["value"], 6.0);
    EXPECT_EQ(expr({" --x", "--at", "x=3"})["value"], 3.0);
    expect_refused(run_cli({"expr", "x^y", "--at", "x=-3,y=2"}), 1,
                   "a power with a variable exponent needs a positive base at node f = x^(y) (x = −3, y = 2)");
}

TEST(CliExpr, TheTableShowsValueGradientNodesAndPaths) {
    const RunResult r = run_cli({"expr", "exp(exp(x^2))", "--at", "x=0.5"});
    ASSERT_EQ(r.status, 0) << r.err;
    const std::vector<std::string> l = lines(r.out);
    ASSERT_GE(l.size(), 16u);
    EXPECT_EQ(l[0], "y = exp(exp(x^2)) at x = 0.5");
    EXPECT_EQ(l[2], "  y      = 3.61114688");
    EXPECT_EQ(l[3], "  ∂y/∂x  = 4.63680438");
    EXPECT_NE(r.out.find("  3  h₂    exp       h₂ = e^(h₁)  1.28402542  3.61114688  ∂h₂/∂h₁ = e^(h₁) = 1.28402542"),
              std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Paths from x to y: 1"), std::string::npos);
    EXPECT_NE(r.out.find("x → h₁ → h₂ → y  ∂y/∂h₂ = 3.61114688 · ∂h₂/∂h₁ = 1.28402542 · ∂h₁/∂x = 1  4.63680438"),
              std::string::npos) << r.out;
    EXPECT_NE(r.out.find("sum of the products = 4.63680438; ∂y/∂x = 4.63680438"), std::string::npos);
}

TEST(CliExpr, DocumentsAndPresets) {
    const json chain = expr({"--file", kExpressions + "/sigmoid-chain.json"});
    EXPECT_NEAR(chain["value"].get<double>(), 0.4037024033906538, 1e-15);  // L = −log y (test_expr_graph.cpp)
    EXPECT_EQ(chain["title"], "Chain of sigmoids, L = −log y");
    EXPECT_EQ(chain["output"]["symbol"], "L");
    EXPECT_NEAR(chain["gradient"]["w1"].get<double>(), 0.03547994852346822, 1e-15);
    // --at overrides the document's values.
    const json moved = expr({"--file", kExpressions + "/multi-path.json", "--at", "x=0"});
    EXPECT_EQ(moved["gradient"]["x"], 1.0);  // 2x + e^x at 0
    TempDir dir;
    const std::string bad = dir.write("bad.json", R"({"kind": "expression", "expression": "w1*x", "variables": {"x": 1}})");
    expect_refused(run_cli({"expr", "--file", bad}), 2, bad + ": variables.w1 is missing: the expression uses w1");
    // A network command given an expression document says what it is.
    expect_refused(run_cli({"trace", kExpressions + "/multi-path.json"}), 2, "this is an expression document");
}

TEST(CliExpr, ANetworkAsAGraphGivesBackpropsNumbers) {
    TempDir dir;
    const std::string net = dir.write_json("mazur.json", mazur_network());
    const json j = expr({"--network", net, "--paths", "w1_1_1"});
    EXPECT_NEAR(j["value"].get<double>(), 0.298371109, 5e-10);            // Mazur's E_total
    EXPECT_NEAR(j["gradient"]["w1_1_1"].get<double>(), 0.000438568, 5e-10);  // ∂E/∂w1
    EXPECT_EQ(j["path_counts"]["w1_1_1"], 2);                                // through o1 and through o2
    EXPECT_FALSE(j["paths"].contains("x1"));                                 // --paths lists only w1_1_1
    const json trace = run_json({"trace", net});
    EXPECT_NEAR(j["gradient"]["w2_2_1"].get<double>(), trace["layers"][2]["dW"][1][0].get<double>(), 1e-15);
}

TEST(CliExpr, BeyondTenThousandPathsTheTop200AndTheRest) {
    TempDir dir;
    // x₁ reaches L through one neuron of each of four hidden layers of 11: 11⁴ = 14 641 paths.
    const std::string net = dir.write_json("deep.json", make_network({1, 11, 11, 11, 11, 1},
                                                                     {"tanh", "tanh", "tanh", "tanh", "linear"}, "mse_half", 1, 3));
    const json j = expr({"--network", net, "--paths", "x1"});
    EXPECT_EQ(j["path_counts"]["x1"], 14641);
    ASSERT_EQ(j["paths"]["x1"].size(), 200u);
    EXPECT_EQ(j["paths_rest"]["x1"]["count"], 14641 - 200);
    double listed = 0.0, previous = INFINITY;
    for (const json& p : j["paths"]["x1"]) {
        listed += p["product"].get<double>();
        EXPECT_LE(std::fabs(p["product"].get<double>()), previous);  // by |product|, largest first
        previous = std::fabs(p["product"].get<double>());
    }
    const double gradient = j["gradient"]["x1"].get<double>();
    EXPECT_NEAR(listed + j["paths_rest"]["x1"]["sum"].get<double>(), gradient, 1e-12 * std::max(1.0, std::fabs(gradient)));
}

TEST(CliExpr, ExitCodesAndMessages) {
    expect_refused(run_cli({"expr", "exp(x", "--at", "x=1"}), 2, "backprop-cli expr: missing ')' at 6\n  exp(x\n       ^\n");
    expect_refused(run_cli({"expr", "2x", "--at", "x=1"}), 2, "implicit product at 2: write 2*x");
    expect_refused(run_cli({"expr", "log(x - 1)", "--at", "x=1"}), 1,
                   "backprop-cli expr: log of a non-positive number at node y = log(h₁) (h₁ = 0)\n");
    expect_refused(run_cli({"expr", "1/x", "--at", "x=0"}), 1, "division by zero at node y = 1/x (x = 0)");
    expect_refused(run_cli({"expr", "exp(x)", "--at", "x=1000"}), 1, "overflow: the value is too large for a double");
    expect_refused(run_cli({"expr", "w*x", "--at", "x=1"}), 2, "w has no value: give it with --at w=…");
    expect_refused(run_cli({"expr", "x", "--at", "x=1,z=2"}), 2,
                   "--at z=2: z is not a variable of the expression (its variables: x)");
    expect_refused(run_cli({"expr", "x", "--at", "x=abc"}), 2, "--at x 'abc': not a number");
    expect_refused(run_cli({"expr", "x", "--at", "x"}), 2, "--at 'x': expected name=value pairs");
    expect_refused(run_cli({"expr", "x", "--at", "x=1,x=2"}), 2, "--at: x is given twice");
    expect_refused(run_cli({"expr", "--at", "x=1"}), 2, "missing the expression");
    expect_refused(run_cli({"expr", "x", "y"}), 2, "unexpected argument 'y'");
    expect_refused(run_cli({"expr", "x", "--file", "a.json"}), 2, "give one of the expression, --file");
    expect_refused(run_cli({"expr", "x", "--at", "x=1", "--paths", "q"}), 2, "--paths q: not a variable");
    expect_refused(run_cli({"expr", "x", "--at", "x=1", "--sample", "0"}), 2, "--sample goes with --network");
    expect_refused(run_cli({"expr", "--file", "/nonexistent.json"}), 2, "/nonexistent.json: cannot open");
    // 60 000 characters: the length limit, not a crash.
    std::string long_expression;
    for (int i = 0; i < 30000; ++i) long_expression += "x+";
    expect_refused(run_cli({"expr", long_expression, "--at", "x=1"}), 2,
                   "backprop-cli expr: the expression has 60000 characters; the limit is 10000\n");
    const RunResult help = run_cli({"expr", "--help"});
    EXPECT_EQ(help.status, 0);
    EXPECT_EQ(help.out.rfind("Usage: backprop-cli expr \"EXPR\"", 0), 0u);
    EXPECT_NE(run_cli({"--help"}).out.find("  expr "), std::string::npos);
}
