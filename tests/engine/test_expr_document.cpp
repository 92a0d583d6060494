// Expression documents: every preset in assets/expressions loads and gives the values derived by hand,
// save → load round-trips with unknown keys kept, every malformed document is refused naming the field,
// and a network file and an expression document are told apart.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/graph/expression_document.h"
#include "engine/graph/graph_paths.h"
#include "engine/io/serialize.h"

namespace bp {
namespace {

namespace fs = std::filesystem;
const fs::path kDir = BP_EXPRESSIONS_DIR;

std::string error_of(const std::string& text) {
    try {
        parse_expression_document(text);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

struct Evaluated {
    ExpressionGraph g;
    GraphPass pass;
};

Evaluated evaluate(const std::string& file) {
    const ExpressionDocument doc = load_expression_document((kDir / file).string());
    Evaluated e{document_graph(doc), {}};
    e.pass = run_graph(e.g, doc.variables);
    return e;
}

TEST(ExprDocument, EveryPresetLoadsDescribesItselfAndIsListed) {
    std::ifstream readme(kDir / "README.md");
    std::stringstream listed;
    listed << readme.rdbuf();
    int count = 0;
    for (const auto& entry : fs::directory_iterator(kDir)) {
        if (entry.path().extension() != ".json") continue;
        SCOPED_TRACE(entry.path().filename().string());
        const ExpressionDocument doc = load_expression_document(entry.path().string());
        EXPECT_FALSE(doc.title.empty());
        EXPECT_TRUE(doc.extra->contains("description"));
        const ExpressionGraph g = document_graph(doc);
        EXPECT_NO_THROW(run_graph(g, doc.variables));
        EXPECT_NE(listed.str().find("`" + entry.path().filename().string() + "`"), std::string::npos);
        ++count;
    }
    EXPECT_EQ(count, 5);
}

// e^(e^(x²)) and 1/e^(x²) at x = 0.5 are derived in test_expr_graph.cpp; here the documents give them.
TEST(ExprDocument, PresetValuesByHand) {
    EXPECT_DOUBLE_EQ(evaluate("exp-exp-x-squared.json").pass.adjoint[0], 4.636804375024635);
    const Evaluated inv = evaluate("one-over-exp-x-squared.json");
    EXPECT_DOUBLE_EQ(inv.pass.adjoint[static_cast<std::size_t>(inv.g.find_variable("x"))], -0.7788007830714049);
    // L = −log σ(w₃σ(w₂σ(w₁x))) = 0.4037024033906538 (test_expr_graph.cpp); the output is called L.
    const Evaluated chain = evaluate("sigmoid-chain.json");
    EXPECT_NEAR(chain.pass.value[static_cast<std::size_t>(chain.g.output)], 0.4037024033906538, 1e-15);
    EXPECT_EQ(chain.g.output_symbol, "L");
    // y = x·x + e^x at x = 0.5: three paths, 0.5 + 0.5 + e^0.5 = 2.6487212707001282.
    const Evaluated multi = evaluate("multi-path.json");
    const GraphPathListing m = enumerate_graph_paths(multi.g, multi.pass, multi.g.find_variable("x"));
    EXPECT_EQ(m.count, 3);
    EXPECT_DOUBLE_EQ(m.sum, 2.6487212707001282);
    // y = w·x·w·x·w at w = 1.5, x = 1: three paths from w, each w²x² = 2.25; dy/dw = 3w²x² = 6.75.
    const Evaluated reused = evaluate("reused-three-times.json");
    const GraphPathListing r = enumerate_graph_paths(reused.g, reused.pass, reused.g.find_variable("w"));
    ASSERT_EQ(r.paths.size(), 3u);
    for (const GraphPath& p : r.paths) EXPECT_EQ(p.product, 2.25);
    EXPECT_EQ(r.adjoint, 6.75);
}

TEST(ExprDocument, SaveAndLoadRoundTripKeepingUnknownKeys) {
    const std::string text = R"({"kind": "expression", "expression": "w*x + b", "variables": {"w": 0.1, "x": -2.5e-7, "b": 3},
                                "title": "A line", "view": {"zoom": 2, "pinned": [1, 2]}, "description": "kept"})";
    ExpressionDocument doc = parse_expression_document(text);
    EXPECT_EQ(doc.title, "A line");
    EXPECT_EQ(doc.output, "y");
    doc.variables["x"] = 0.1 + 0.2;  // not a short decimal: must come back to the bit
    const fs::path file = fs::temp_directory_path() / ("bp-expr-" + std::to_string(::getpid()) + ".json");
    save_expression_document(file.string(), doc);
    const ExpressionDocument back = load_expression_document(file.string());
    fs::remove(file);
    EXPECT_EQ(back.expression, doc.expression);
    EXPECT_EQ(back.variables, doc.variables);
    EXPECT_EQ(back.title, "A line");
    EXPECT_EQ((*back.extra)["view"], nlohmann::json::parse(R"({"zoom": 2, "pinned": [1, 2]})"));
    EXPECT_EQ((*back.extra)["description"], "kept");
    EXPECT_EQ((*back.extra)["format_version"], 1);
    EXPECT_FALSE(back.extra->contains("output"));  // the default is not written
    EXPECT_THROW(save_expression_document("/nonexistent-folder/x.json", doc), Error);
}

TEST(ExprDocument, MalformedDocumentsNameTheField) {
    const std::pair<std::string, std::string> cases[] = {
        {R"([1])", "an expression document must be a JSON object, got an array"},
        {R"({"expression": "x", "variables": {"x": 1}})", "kind is missing: an expression document says \"kind\": \"expression\""},
        {R"({"kind": "network", "expression": "x"})", "kind \"network\" is not \"expression\""},
        {R"({"kind": 3, "expression": "x"})", "kind must be the string \"expression\", got a number"},
        {R"({"kind": "expression", "format_version": 2, "expression": "x"})", "format_version 2 is not one this program reads (1)"},
        {R"({"kind": "expression"})", "expression is missing"},
        {R"({"kind": "expression", "expression": 2})", "expression must be a string, got a number"},
        {R"({"kind": "expression", "expression": "exp(x"})", "expression: missing ')' at 6\n  exp(x\n       ^"},
        {R"({"kind": "expression", "expression": "w1*x", "variables": {"x": 1}})", "variables.w1 is missing: the expression uses w1"},
        {R"({"kind": "expression", "expression": "x", "variables": [1]})",
         "variables must be an object of numbers such as {\"x\": 0.5}, got an array"},
        {R"({"kind": "expression", "expression": "x", "variables": {"x": "1"}})", "variables.x must be a number, got a string"},
        {R"({"kind": "expression", "expression": "x", "variables": {"x": 1}, "title": 5})", "title must be a string, got a number"},
        {R"({"kind": "expression", "expression": "x", "variables": {"x": 1}, "output": ""})",
         "output must be a short symbol such as y or L, got \"\""},
        {R"({"kind": "expression", "expression": "x", "variables": {"x": 1}, "output": "x"})",
         "output \"x\" is also a variable of the expression"},
        {R"({"kind": "expression", "expression": "x", "variables": {"x": 1e999}})", "not valid JSON"},
        {R"({"kind": "expression", "kind": "expression", "expression": "x"})", "duplicate key"},
    };
    for (const auto& [text, message] : cases) {
        const std::string got = error_of(text);
        if (message == "not valid JSON" || message == "duplicate key")
            EXPECT_EQ(got.substr(0, message.size()), message) << text;
        else
            EXPECT_EQ(got, message) << text;
    }
    // A file names itself; a folder is not a document.
    EXPECT_THROW(load_expression_document("/nonexistent.json"), Error);
    try {
        load_expression_document(kDir.string());
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), kDir.string() + ": is a folder, not an expression document");
    }
}

TEST(ExprDocument, NetworkFilesAndExpressionDocumentsAreToldApart) {
    const std::string expr = R"({"kind": "expression", "expression": "x", "variables": {"x": 1}})";
    EXPECT_TRUE(is_expression_document(nlohmann::json::parse(expr)));
    EXPECT_FALSE(is_expression_document(nlohmann::json::parse(R"({"layers": [], "loss": "mse"})")));
    EXPECT_FALSE(is_expression_document(nlohmann::json::parse("[]")));
    try {
        parse_document(expr);
        FAIL() << "a network file";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()),
                  "this is an expression document (\"kind\": \"expression\"), not a network file: open it with "
                  "backprop-cli expr --file");
    }
    const std::string net = std::string(BP_PRESETS_DIR) + "/mazur-2-2-2.json";
    try {
        load_expression_document(net);
        FAIL() << "an expression document";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), net + ": kind is missing: an expression document says \"kind\": \"expression\"");
    }
}

}  // namespace
}  // namespace bp
