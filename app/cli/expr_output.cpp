// backprop-cli expr's output (see expr_output.h).
// [SECTION] JSON
// [SECTION] table
#include "app/cli/expr_output.h"

#include <limits>

#include "app/cli/table.h"
#include "engine/graph/graph_formulas.h"

namespace cli {
namespace {

// ---- [SECTION] JSON -------------------------------------------------------------------------------------
// A path count as a JSON number while a double holds it exactly enough, else as text.
Json count_json(long double count) {
    if (count < 9007199254740992.0L) return static_cast<long long>(count);
    if (count <= static_cast<long double>(std::numeric_limits<double>::max())) return static_cast<double>(count);
    return bp::count_text(count);
}

// "∂h₁/∂x = 2·x", and "∂y/∂h₁ = 1" where the rule is a number (the formula then has no right-hand side).
std::string local_words(const bp::ExpressionGraph& g, const bp::GraphPass& p, int id, int slot) {
    const bp::FormulaText f = bp::local_formula(g, p, id, slot);
    return f.symbolic.find(" = ") == std::string::npos ? f.symbolic + " = " + f.result : f.symbolic;
}

Json node_json(const bp::ExpressionGraph& g, const bp::GraphPass& p, int id) {
    const bp::GraphNode& n = g.node(id);
    Json j = {{"id", id}, {"op", std::string(bp::op_name(n))}, {"label", n.label}};
    if (n.op == bp::Op::variable) j["name"] = n.name;
    j["formula"] = bp::node_equation(g, id);
    j["inputs"] = n.inputs;
    j["value"] = p.value[static_cast<std::size_t>(id)];
    j["adjoint"] = bp::has_adjoint(g, id) ? Json(p.adjoint[static_cast<std::size_t>(id)]) : Json(nullptr);
    Json locals = Json::array(), formulas = Json::array();
    for (int s = 0; s < static_cast<int>(n.inputs.size()); ++s) {
        const bool has = bp::has_local_derivative(g, id, s);
        locals.push_back(has ? Json(p.local[static_cast<std::size_t>(id)][static_cast<std::size_t>(s)]) : Json(nullptr));
        formulas.push_back(has ? Json(local_words(g, p, id, s)) : Json(nullptr));
    }
    j["local_derivatives"] = std::move(locals);
    j["local_derivative_formulas"] = std::move(formulas);
    return j;
}

Json path_json(const bp::ExpressionGraph& g, const bp::GraphPath& path) {
    Json labels = Json::array();
    for (int i = 0; i < static_cast<int>(path.factors.size()); ++i) labels.push_back(bp::factor_label(g, path, i));
    return {{"nodes", path.nodes}, {"slots", path.slots}, {"labels", std::move(labels)}, {"factors", path.factors},
            {"product", path.product}};
}

}  // namespace

Json expr_json(const ExprInput& in, const bp::GraphPass& p, const std::vector<bp::GraphPathListing>& listings) {
    const bp::ExpressionGraph& g = in.graph;
    Json variables = Json::object(), gradient = Json::object(), nodes = Json::array();
    for (int id : g.variables) {
        variables[g.node(id).name] = p.value[static_cast<std::size_t>(id)];
        gradient[g.node(id).name] = p.adjoint[static_cast<std::size_t>(id)];
    }
    for (int id = 0; id < g.size(); ++id) nodes.push_back(node_json(g, p, id));
    Json paths = Json::object(), counts = Json::object(), rest = Json::object();
    for (const bp::GraphPathListing& l : listings) {
        const std::string& name = g.node(l.from).name;
        Json list = Json::array();
        for (const bp::GraphPath& path : l.paths) list.push_back(path_json(g, path));
        paths[name] = std::move(list);
        counts[name] = count_json(l.count);
        if (l.rest_count > 0) rest[name] = {{"count", count_json(l.rest_count)}, {"sum", l.rest_sum}};
    }
    Json out = Json::object();
    if (!g.source.empty()) out["expression"] = g.source;  // none for a network's graph: the title names it
    if (!in.title.empty()) out["title"] = in.title;
    out["variables"] = std::move(variables);
    out["output"] = {{"id", g.output}, {"symbol", bp::node_symbol(g, g.output).text}};
    out["value"] = p.value[static_cast<std::size_t>(g.output)];
    out["gradient"] = std::move(gradient);
    out["nodes"] = std::move(nodes);
    out["paths"] = std::move(paths);
    if (!rest.empty()) out["paths_rest"] = std::move(rest);
    out["path_counts"] = std::move(counts);
    return out;
}

// ---- [SECTION] table ---------------------------------------------------------------------------------

void print_expr_table(const ExprInput& in, const bp::GraphPass& p, const std::vector<bp::GraphPathListing>& listings,
                 std::ostream& out) {
    const bp::ExpressionGraph& g = in.graph;
    const std::string y = bp::node_symbol(g, g.output).text;
    if (!in.title.empty()) out << in.title << "\n";
    if (!g.source.empty()) {  // y = the expression at x = …, w1 = …
        std::string at;
        for (int id : g.variables) at += (at.empty() ? " at " : ", ") + labelled(g.node(id).name, p.value[static_cast<std::size_t>(id)]);
        out << y << " = " << g.source << at << "\n";
    }
    out << "\n";
    TextTable result;
    result.add_row({y, "= " + table_number(p.value[static_cast<std::size_t>(g.output)])});
    for (int id : g.variables) result.add_row({bp::adjoint_symbol(g, id).text, "= " + table_number(p.adjoint[static_cast<std::size_t>(id)])});
    result.print(out);

    out << "\nNodes, in forward order:\n";
    TextTable nodes({"#", "node", "op", "formula", "value", "∂" + y + "/∂node", "local derivatives"});
    for (int id = 0; id < g.size(); ++id) {
        const bp::GraphNode& n = g.node(id);
        std::string locals;
        for (int s = 0; s < static_cast<int>(n.inputs.size()); ++s)
            if (bp::has_local_derivative(g, id, s))
                locals += (locals.empty() ? "" : "; ") + bp::local_formula(g, p, id, s).symbolic + " = " +
                          table_number(p.local[static_cast<std::size_t>(id)][static_cast<std::size_t>(s)]);
        nodes.add_row({std::to_string(id), bp::node_symbol(g, id).text, std::string(bp::op_name(n)), bp::node_equation(g, id),
                       table_number(p.value[static_cast<std::size_t>(id)]),
                       bp::has_adjoint(g, id) ? table_number(p.adjoint[static_cast<std::size_t>(id)]) : "—", locals});
    }
    nodes.print(out);

    for (const bp::GraphPathListing& l : listings) {
        const std::string name = bp::node_symbol(g, l.from).text;
        out << "\nPaths from " << name << " to " << y << ": " << bp::count_text(l.count) << "\n";
        TextTable table({"#", "route", "factors, from " + y + " back to " + name, "product"});
        int index = 1;
        for (const bp::GraphPath& path : l.paths) {
            std::string factors;
            for (int i = 0; i < static_cast<int>(path.factors.size()); ++i)
                factors += (factors.empty() ? "" : " · ") + labelled(bp::factor_label(g, path, i), path.factors[static_cast<std::size_t>(i)]);
            table.add_row({std::to_string(index++), bp::path_route(g, path), factors, table_number(path.product)});
        }
        table.print(out);
        if (l.rest_count > 0)
            out << "  … and " << bp::count_text(l.rest_count) << " more paths, not listed, whose products sum to "
                << table_number(l.rest_sum) << "\n";
        out << "  sum of the products = " << table_number(l.sum) << "; " << bp::adjoint_symbol(g, l.from).text << " = "
            << table_number(l.adjoint) << "\n";
    }
}

}  // namespace cli
