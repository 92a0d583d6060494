// Task conditions: read into terms of two parsed expressions and a comparison, evaluated against named
// values (see condition.h).
#include "engine/lessons/condition.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "engine/lessons/lesson_text.h"
#include "engine/teaching/notation.h"

namespace bp {
namespace condition_detail {

constexpr double kDefaultEqualTolerance = 1e-9;  // relative, for == without ±

struct Piece {
    std::size_t begin = 0, end = 0;  // bytes of the condition
};

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::size_t skip_spaces(std::string_view t, std::size_t i) {
    while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
    return i;
}

Piece trimmed(std::string_view t, Piece p) {
    p.begin = skip_spaces(t, p.begin);
    while (p.end > p.begin && std::isspace(static_cast<unsigned char>(t[p.end - 1]))) --p.end;
    return p;
}

int column_of(std::string_view t, std::size_t byte) { return character_count(t, byte) + 1; }

// Whether the word `w` stands at t[i] on its own (not part of a longer name).
bool word_at(std::string_view t, std::size_t i, std::string_view w) {
    return t.substr(i, w.size()) == w && (i == 0 || !word_char(t[i - 1])) &&
           (i + w.size() >= t.size() || !word_char(t[i + w.size()]));
}

struct Operator {
    std::string_view text;
    Comparison op;
};
// Longest first, so <= is not read as <.
constexpr Operator kOperators[] = {
    {"<=", Comparison::less_equal}, {">=", Comparison::greater_equal}, {"==", Comparison::equal},
    {"!=", Comparison::not_equal},  {"≤", Comparison::less_equal},     {"≥", Comparison::greater_equal},
    {"≠", Comparison::not_equal},   {"<", Comparison::less},           {">", Comparison::greater},
};

ExpressionGraph parse_side(std::string_view t, Piece side, std::string_view what) {
    side = trimmed(t, side);
    if (side.begin >= side.end) throw ConditionError(std::string(what), column_of(t, side.begin));
    const std::string_view text = t.substr(side.begin, side.end - side.begin);
    try {
        return parse_expression(text);
    } catch (const ExpressionError& e) {
        const int column = column_of(t, side.begin) + std::max(0, e.position - 1);
        throw ConditionError(reason_without_position(e), column);
    }
}

double constant_value(const ExpressionGraph& g) {
    const GraphPass pass = graph_forward(g, {});
    return pass.value.at(static_cast<std::size_t>(g.output));
}

ConditionTerm parse_term(std::string_view t, Piece piece) {
    piece = trimmed(t, piece);
    ConditionTerm term;
    term.text = std::string(t.substr(piece.begin, piece.end - piece.begin));
    term.column = column_of(t, piece.begin);
    // The comparison (and the ± of ==) at depth 0.
    std::size_t op_at = std::string_view::npos, op_len = 0, pm_at = std::string_view::npos, pm_len = 0;
    int depth = 0;
    for (std::size_t i = piece.begin; i < piece.end;) {
        const char c = t[i];
        if (c == '(') ++depth;
        if (c == ')') --depth;
        const Operator* found = nullptr;
        if (depth == 0)
            for (const Operator& o : kOperators)
                if (t.substr(i, o.text.size()) == o.text) {
                    found = &o;
                    break;
                }
        if (found) {
            if (op_at != std::string_view::npos)
                throw ConditionError("one comparison to a term: join two with 'and' (a < b and b < c)", column_of(t, i));
            op_at = i;
            op_len = found->text.size();
            term.op = found->op;
            i += op_len;
            continue;
        }
        if (depth == 0 && c == '=')
            throw ConditionError("'=' alone: write == to compare (a == b, or a == b ± 0.01)", column_of(t, i));
        if (depth == 0 && op_at != std::string_view::npos && (t.substr(i, 2) == "±" || t.substr(i, 3) == "+/-")) {
            pm_at = i;
            pm_len = t.substr(i, 2) == "±" ? 2 : 3;
            break;
        }
        ++i;
    }
    if (op_at == std::string_view::npos) {
        for (const Operator& o : kOperators)
            if (term.text.find(o.text) != std::string::npos)
                throw ConditionError("a comparison inside parentheses: conditions are grouped by and / or alone (and binds tighter)",
                                     term.column);
        term.op = Comparison::nonzero;
        term.left = parse_side(t, piece, "an empty term");
        return term;
    }
    const std::string op(t.substr(op_at, op_len));
    term.left = parse_side(t, {piece.begin, op_at}, "nothing to compare before '" + op + "'");
    const std::size_t right_end = pm_at == std::string_view::npos ? piece.end : pm_at;
    term.right = parse_side(t, {op_at + op_len, right_end}, "nothing to compare after '" + op + "'");
    if (pm_at != std::string_view::npos) {
        if (term.op != Comparison::equal)
            throw ConditionError("a tolerance ± goes with == only", column_of(t, pm_at));
        const ExpressionGraph tol = parse_side(t, {pm_at + pm_len, piece.end}, "no tolerance after '±'");
        const int at = column_of(t, skip_spaces(t, pm_at + pm_len));
        if (!tol.variables.empty()) throw ConditionError("the tolerance after '±' must be a number", at);
        try {
            term.tolerance = constant_value(tol);
        } catch (const Error& e) {
            throw ConditionError(std::string("the tolerance: ") + e.what(), at);
        }
        if (!std::isfinite(term.tolerance) || term.tolerance < 0)
            throw ConditionError("the tolerance after '±' must be a number ≥ 0", at);
    }
    return term;
}

double side_value(const ExpressionGraph& g, const ConditionContext& context) {
    const GraphPass pass = graph_forward(g, context);
    return pass.value.at(static_cast<std::size_t>(g.output));
}

bool holds(const ConditionTerm& term, const ConditionContext& context) {
    const double a = side_value(term.left, context);
    if (term.op == Comparison::nonzero) return a != 0.0;
    const double b = side_value(term.right, context);
    switch (term.op) {
        case Comparison::less: return a < b;
        case Comparison::less_equal: return a <= b;
        case Comparison::greater: return a > b;
        case Comparison::greater_equal: return a >= b;
        case Comparison::not_equal: return a != b;
        case Comparison::equal:
            if (term.tolerance >= 0) return std::abs(a - b) <= term.tolerance;
            return std::abs(a - b) <= kDefaultEqualTolerance * std::max({1.0, std::abs(a), std::abs(b)});
        case Comparison::nonzero: break;
    }
    return false;
}

void add_names(const ExpressionGraph& g, std::set<std::string>& names) {
    for (int id : g.variables) names.insert(g.node(id).name);
}

}  // namespace condition_detail

std::string_view to_string(Comparison c) {
    switch (c) {
        case Comparison::less: return "<";
        case Comparison::less_equal: return "<=";
        case Comparison::greater: return ">";
        case Comparison::greater_equal: return ">=";
        case Comparison::equal: return "==";
        case Comparison::not_equal: return "!=";
        case Comparison::nonzero: return "";
    }
    return "";
}

std::string reason_without_position(const ExpressionError& e) {
    std::string why = e.reason;
    const std::string at = " at " + std::to_string(e.position);
    const std::size_t p = why.find(at);
    if (e.position > 0 && p != std::string::npos &&
        (p + at.size() == why.size() || !std::isdigit(static_cast<unsigned char>(why[p + at.size()]))))
        why.erase(p, at.size());
    return why;
}

Condition parse_condition(std::string_view t) {
    using namespace condition_detail;
    Condition c;
    c.text = std::string(t);
    if (trimmed(t, {0, t.size()}).begin >= t.size()) throw ConditionError("the condition is empty", 1);
    std::vector<ConditionTerm> all_of;
    std::size_t start = 0;
    int depth = 0;
    std::string_view previous = "";
    for (std::size_t i = 0; i <= t.size(); ++i) {
        const bool end = i == t.size();
        if (!end && t[i] == '(') ++depth;
        if (!end && t[i] == ')') --depth;
        std::string_view joiner;
        if (!end && depth == 0) {
            if (word_at(t, i, "and")) joiner = "and";
            else if (word_at(t, i, "or")) joiner = "or";
        }
        if (!end && joiner.empty()) continue;
        const Piece piece = trimmed(t, {start, i});
        if (piece.begin >= piece.end) {
            if (!joiner.empty()) throw ConditionError("nothing before '" + std::string(joiner) + "'", column_of(t, i));
            throw ConditionError("nothing after '" + std::string(previous) + "'", column_of(t, t.size()));
        }
        all_of.push_back(parse_term(t, piece));
        if (end || joiner == "or") {
            c.any_of.push_back(std::move(all_of));
            all_of.clear();
        }
        if (end) break;
        previous = joiner;
        start = i + joiner.size();
        i = start - 1;
    }
    return c;
}

std::vector<std::string> condition_names(const Condition& c) {
    std::set<std::string> names;
    for (const auto& all : c.any_of)
        for (const ConditionTerm& term : all) {
            condition_detail::add_names(term.left, names);
            if (term.op != Comparison::nonzero) condition_detail::add_names(term.right, names);
        }
    return {names.begin(), names.end()};
}

ConditionValue evaluate_condition(const Condition& c, const ConditionContext& context) {
    ConditionValue v;
    try {
        for (const auto& all : c.any_of) {
            bool every = true;
            for (const ConditionTerm& term : all) every = every && condition_detail::holds(term, context);
            if (every) {
                v.satisfied = true;
                return v;
            }
        }
    } catch (const Error& e) {
        v.satisfied = false;
        v.problem = e.what();
    }
    return v;
}

std::string condition_values(const Condition& c, const ConditionContext& context) {
    std::string out;
    for (const std::string& name : condition_names(c)) {
        const auto it = context.find(name);
        out += (out.empty() ? "" : ", ") + name + " = " + (it == context.end() ? "?" : format_number(it->second, 4));
    }
    return out;
}

}  // namespace bp
