// Expression documents: load and save with errors that name the field (see expression_document.h).
#include "engine/graph/expression_document.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "engine/graph/expression_parser.h"
#include "engine/io/serialize.h"
#include "engine/io/text_file.h"

namespace bp {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxOutputSymbol = 16;  // bytes of "output": a symbol, not a sentence

std::string string_field(const json& j, const char* key, const std::string& fallback) {
    const auto it = j.find(key);
    if (it == j.end()) return fallback;
    if (!it->is_string()) throw Error(std::string(key) + " must be a string, got " + json_type_name(*it));
    return it->get<std::string>();
}

void check_kind(const json& j) {
    const auto it = j.find("kind");
    if (it == j.end()) throw Error("kind is missing: an expression document says \"kind\": \"expression\"");
    if (!it->is_string()) throw Error("kind must be the string \"expression\", got " + json_type_name(*it));
    if (*it != "expression") throw Error("kind \"" + it->get<std::string>() + "\" is not \"expression\"");
}

void check_version(const json& j) {
    const auto it = j.find("format_version");
    if (it == j.end()) return;
    if (!it->is_number_integer() && !it->is_number_unsigned())
        throw Error("format_version must be an integer, got " + json_type_name(*it));
    if (*it != 1) throw Error("format_version " + it->dump() + " is not one this program reads (1)");
}

VariableValues read_variables(const json& j) {
    VariableValues out;
    const auto it = j.find("variables");
    if (it == j.end()) return out;
    if (!it->is_object()) throw Error("variables must be an object of numbers such as {\"x\": 0.5}, got " + json_type_name(*it));
    for (const auto& [name, value] : it->items()) {
        if (!value.is_number()) throw Error("variables." + name + " must be a number, got " + json_type_name(value));
        const double x = value.get<double>();
        if (!std::isfinite(x)) throw Error("variables." + name + " is not a finite number");
        out[name] = x;
    }
    return out;
}

}  // namespace

bool is_expression_document(const json& j) {
    if (!j.is_object()) return false;
    const auto it = j.find("kind");
    return it != j.end() && *it == "expression";
}

ExpressionDocument expression_document_from_json(const json& j) {
    if (!j.is_object()) throw Error("an expression document must be a JSON object, got " + json_type_name(j));
    check_kind(j);
    check_version(j);
    ExpressionDocument doc;
    if (!j.contains("expression")) throw Error("expression is missing");
    doc.expression = string_field(j, "expression", "");
    doc.title = string_field(j, "title", "");
    doc.output = string_field(j, "output", "y");
    doc.variables = read_variables(j);
    ExpressionGraph graph;
    try {
        graph = parse_expression(doc.expression);
    } catch (const ExpressionError& e) {
        throw Error(std::string("expression: ") + e.what());
    }
    if (doc.output.empty() || doc.output.size() > kMaxOutputSymbol || doc.output.find_first_of(" \t\n") != std::string::npos)
        throw Error("output must be a short symbol such as y or L, got \"" + doc.output + "\"");
    for (int id : graph.variables) {
        const std::string& name = graph.node(id).name;
        if (!doc.variables.count(name)) throw Error("variables." + name + " is missing: the expression uses " + name);
        if (name == doc.output) throw Error("output \"" + doc.output + "\" is also a variable of the expression");
    }
    doc.extra = j;
    return doc;
}

ExpressionDocument parse_expression_document(const std::string& text) {
    return expression_document_from_json(parse_json_checked(text));
}

ExpressionDocument load_expression_document(const std::string& path) {
    const std::string text = read_text_file(path, "an expression document");
    try {
        return parse_expression_document(text);
    } catch (const Error& e) {
        throw Error(path + ": " + e.what());
    }
}

json expression_document_to_json(const ExpressionDocument& doc) {
    json out = doc.extra->is_object() ? *doc.extra : json::object();
    if (!out.contains("format_version")) out["format_version"] = 1;
    out["kind"] = "expression";
    if (!doc.title.empty()) out["title"] = doc.title;
    else out.erase("title");
    out["expression"] = doc.expression;
    json variables = json::object();
    for (const auto& [name, value] : doc.variables) variables[name] = value;
    out["variables"] = std::move(variables);
    if (doc.output != "y" || out.contains("output")) out["output"] = doc.output;
    return out;
}

std::string dump_expression_document(const ExpressionDocument& doc) {
    return expression_document_to_json(doc).dump(2) + "\n";  // doubles in shortest round-trip form
}

void save_expression_document(const std::string& path, const ExpressionDocument& doc, WriteOptions options) {
    write_file_atomically(path, dump_expression_document(doc), options);
}

ExpressionGraph document_graph(const ExpressionDocument& doc) {
    ExpressionGraph g = parse_expression(doc.expression);
    g.output_symbol = doc.output;
    return g;
}

}  // namespace bp
