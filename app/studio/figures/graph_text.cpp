// Writing a computation graph as an expression (see graph_text.h).
#include "app/studio/figures/graph_text.h"

#include <charconv>
#include <vector>

#include "engine/core/error.h"
#include "engine/graph/expression_parser.h"

namespace studio {
namespace {

std::string number_text(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    const std::string t(buf, r.ptr);
    return v < 0 ? "(" + t + ")" : t;
}

std::string joined(const bp::GraphNode& n, const std::vector<std::string>& text, const char* op) {
    std::string out = "(";
    for (std::size_t i = 0; i < n.inputs.size(); ++i) out += (i ? op : "") + text[static_cast<std::size_t>(n.inputs[i])];
    return out + ")";
}

std::string call(const char* f, const std::string& u) { return std::string(f) + "(" + u + ")"; }

}  // namespace

std::string graph_text(const bp::ExpressionGraph& g) {
    std::vector<std::string> text(static_cast<std::size_t>(g.size()));
    for (int i = 0; i < g.size(); ++i) {
        const bp::GraphNode& n = g.node(i);
        const auto in = [&](int k) -> const std::string& { return text[static_cast<std::size_t>(n.inputs[static_cast<std::size_t>(k)])]; };
        std::string& t = text[static_cast<std::size_t>(i)];
        switch (n.op) {
            case bp::Op::variable: t = n.name; break;
            case bp::Op::constant: t = number_text(n.constant); break;
            case bp::Op::add: case bp::Op::sum: t = joined(n, text, " + "); break;
            case bp::Op::sub: t = joined(n, text, " - "); break;
            case bp::Op::mul: t = joined(n, text, "*"); break;
            case bp::Op::div: t = joined(n, text, "/"); break;
            case bp::Op::pow: t = joined(n, text, "^"); break;
            case bp::Op::neg: t = "(-" + in(0) + ")"; break;
            case bp::Op::exp: t = call("exp", in(0)); break;
            case bp::Op::log: t = call("log", in(0)); break;
            case bp::Op::sqrt: t = call("sqrt", in(0)); break;
            case bp::Op::sin: t = call("sin", in(0)); break;
            case bp::Op::cos: t = call("cos", in(0)); break;
            case bp::Op::abs: t = call("abs", in(0)); break;
            case bp::Op::function: {
                const std::string name(n.function->name);
                if (!bp::is_reserved_name(name)) throw bp::Error("the function " + name + " cannot be written in an expression");
                t = name + "(" + in(0) + ")";
                break;
            }
        }
        if (t.size() > static_cast<std::size_t>(bp::kMaxExpressionLength))
            throw bp::Error("the graph is too large to write as an expression (more than " +
                            std::to_string(bp::kMaxExpressionLength) + " characters)");
    }
    return g.output >= 0 ? text[static_cast<std::size_t>(g.output)] : "";
}

}  // namespace studio
