// The names of a page's quantities and their values (see lesson_context.h).
#include "engine/lessons/lesson_context.h"

#include <cctype>
#include <cmath>

namespace bp {
namespace lesson_context_detail {

void put(ConditionContext& c, const std::string& name, double value) {
    if (std::isfinite(value)) c[name] = value;
}

std::string index_name(std::string_view family, int l, int j) {
    return std::string(family) + std::to_string(l) + "_" + std::to_string(j);
}
std::string index_name(std::string_view family, int l, int j, int k) {
    return index_name(family, l, j) + "_" + std::to_string(k);
}

// "h₂" → "h2": subscript and superscript digits as digits, everything else kept.
std::string ascii_label(const std::string& label) {
    static const char* const kSub[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    static const char* const kSup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string out;
    for (std::size_t i = 0; i < label.size();) {
        bool digit = false;
        for (int d = 0; d < 10 && !digit; ++d)
            for (const char* form : {kSub[d], kSup[d]}) {
                const std::string_view f(form);
                if (label.compare(i, f.size(), f) == 0) {
                    out += static_cast<char>('0' + d);
                    i += f.size();
                    digit = true;
                    break;
                }
            }
        if (!digit) out += label[i++];
    }
    return out;
}

// The family of a name (its letters before the first digit) and whether the rest is digits and '_'.
std::string family_of(std::string_view name) {
    std::size_t i = 0;
    while (i < name.size() && !std::isdigit(static_cast<unsigned char>(name[i]))) ++i;
    return std::string(name.substr(0, i));
}

}  // namespace lesson_context_detail

ConditionContext network_context(const Network& net, const Trace& pass, const Matrix& targets, int shown_row,
                                 double learning_rate, const TrainingRun& run) {
    using namespace lesson_context_detail;
    ConditionContext c;
    put(c, "L", pass.loss);
    put(c, "lr", learning_rate);
    c["steps_done"] = static_cast<double>(run.steps_done);
    c["diverged"] = run.diverged ? 1.0 : 0.0;
    const int n = shown_row;
    for (int l = 0; l <= net.L(); ++l) {
        const LayerTrace& t = pass.layers.at(static_cast<std::size_t>(l));
        const Layer& layer = net.layers[static_cast<std::size_t>(l)];
        for (int j = 0; j < layer.size; ++j) {
            put(c, index_name("a", l, j), t.a(n, j));
            if (l == 0) continue;
            put(c, index_name("z", l, j), t.z(n, j));
            put(c, index_name("delta", l, j), t.delta(n, j));
            put(c, index_name("b", l, j), layer.b[static_cast<std::size_t>(j)]);
            put(c, index_name("db", l, j), t.db[static_cast<std::size_t>(j)]);
            for (int k = 0; k < layer.W.cols; ++k) {
                put(c, index_name("w", l, j, k), layer.W(j, k));
                put(c, index_name("dW", l, j, k), t.dW(j, k));
            }
        }
    }
    for (int i = 0; i < targets.cols; ++i) put(c, "y_" + std::to_string(i), targets(n, i));
    return c;
}

ConditionContext graph_context(const ExpressionGraph& g, const GraphPass& pass) {
    ConditionContext c;
    for (int id = 0; id < g.size(); ++id) {
        const std::string name = node_name(g, id);
        if (name.empty()) continue;
        lesson_context_detail::put(c, name, pass.value[static_cast<std::size_t>(id)]);
        if (has_adjoint(g, id)) lesson_context_detail::put(c, "adjoint_" + name, pass.adjoint[static_cast<std::size_t>(id)]);
    }
    return c;
}

std::string node_name(const ExpressionGraph& g, int node) {
    const GraphNode& n = g.node(node);
    if (n.op == Op::constant) return "";
    if (n.op == Op::variable) return n.name;
    if (node == g.output && n.numbered) return lesson_context_detail::ascii_label(g.output_symbol);
    return lesson_context_detail::ascii_label(n.label);
}

int find_node(const ExpressionGraph& g, std::string_view name) {
    if (name.empty()) return -1;
    for (int id = 0; id < g.size(); ++id) {
        const GraphNode& n = g.node(id);
        if (n.op == Op::constant) continue;
        if (node_name(g, id) == name || n.label == name || lesson_context_detail::ascii_label(n.label) == name) return id;
    }
    return -1;
}

std::string unknown_name_reason(std::string_view name, const ConditionContext& context, bool network) {
    using namespace lesson_context_detail;
    const std::string family = family_of(name);
    std::string same_family;
    for (const auto& [known, value] : context)
        if (family_of(known) == family && !family.empty() && known.size() > family.size()) {
            same_family = known;
            break;
        }
    std::string why = "'" + std::string(name) + "' is not a quantity of this page's " + (network ? "network" : "expression");
    if (!same_family.empty())
        return why + " (indices count from 0, as in files: the first " + family + " is " + same_family + ")";
    if (network)
        return why + " (the names: L, z2_0, a2_0, delta2_0, w2_0_1, b2_0, dW2_0_1, db2_0, y_0, lr, steps_done, "
                     "diverged; indices from 0)";
    std::string names;
    for (const auto& [known, value] : context) names += (names.empty() ? "" : ", ") + known;
    return why + " (its names: " + names + ")";
}

}  // namespace bp
