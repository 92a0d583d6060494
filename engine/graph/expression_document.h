// An expression document: a saved expression with the values of its variables, opened and saved like a
// network file (precise errors naming the field, unknown keys kept, atomic writes):
//   {"format_version": 1, "kind": "expression", "title": "…", "expression": "exp(exp(x^2))",
//    "variables": {"x": 0.5}, "output": "y", "description": "…"}
// "kind" must be "expression" (a network file has no "kind"); "output" (default "y") is what the formulas
// call the output ("L" for a loss); every variable of the expression needs a finite value in "variables"
// (names the expression does not use are kept and ignored).
#pragma once
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "engine/core/extra_json.h"
#include "engine/io/atomic_file.h"
#include "engine/graph/graph_pass.h"

namespace bp {

struct ExpressionDocument {
    std::string expression;
    VariableValues variables;
    std::string title;           // may be empty
    std::string output = "y";    // the output's symbol in formulas
    ExtraJson extra;             // the original document, unknown keys kept on save
};

// Whether a parsed JSON document says "kind": "expression" (so a program can tell it from a network).
bool is_expression_document(const nlohmann::json& j);

// Throws bp::Error naming the field: "variables.w1 is missing: the expression uses w1",
// "expression: missing ')' at 6" (with the caret lines).
ExpressionDocument expression_document_from_json(const nlohmann::json& j);
ExpressionDocument parse_expression_document(const std::string& text);
ExpressionDocument load_expression_document(const std::string& path);  // names the file in errors

nlohmann::json expression_document_to_json(const ExpressionDocument& doc);
std::string dump_expression_document(const ExpressionDocument& doc);  // pretty, numbers round-trip
void save_expression_document(const std::string& path, const ExpressionDocument& doc, WriteOptions options = {});  // atomic

// The document's graph, its output called doc.output (throws as parse_expression does).
ExpressionGraph document_graph(const ExpressionDocument& doc);

}  // namespace bp
