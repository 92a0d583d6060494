// A task's condition, checked live as the student changes the state: comparisons between expressions over
// named quantities (`L < 0.25`, `abs(delta2_0) < 0.001`, `a2_0 >= 2*a2_1`), joined by `and` / `or` (`and`
// binds tighter). Each side is read by the expression parser of engine/graph, so it may use + − · / ^,
// parentheses and the functions exp log sqrt abs …; its variables are the quantities' names, which the
// caller binds in a ConditionContext (lesson_context.h fills one for a network page and for a graph).
//   <  <=  >  >=  !=  (also ≤ ≥ ≠)   as written
//   a == b                          |a − b| ≤ 1e-9·max(1, |a|, |b|)
//   a == b ± t   (or +/- t)         |a − b| ≤ t
//   a term with no comparison       true when its value is not 0 (flags: `diverged`)
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/error.h"
#include "engine/graph/expression_graph.h"
#include "engine/graph/expression_parser.h"
#include "engine/graph/graph_pass.h"

namespace bp {

enum class Comparison { less, less_equal, greater, greater_equal, equal, not_equal, nonzero };
std::string_view to_string(Comparison);  // "<", "<=", ">", ">=", "==", "!=", "" (nonzero)

struct ConditionTerm {
    ExpressionGraph left, right;  // right unused for nonzero
    Comparison op = Comparison::nonzero;
    double tolerance = -1.0;      // ==: the ± tolerance, or −1 for the default
    std::string text;             // as written
    int column = 0;               // of its first character in the condition, from 1
};

struct Condition {
    std::string text;
    std::vector<std::vector<ConditionTerm>> any_of;  // or over these, each an and over its terms
    bool empty() const { return any_of.empty(); }
};

// A malformed condition. what() is the reason; column counts characters of the condition from 1.
struct ConditionError : Error {
    ConditionError(const std::string& why, int at) : Error(why), column(at) {}
    int column = 0;
};

// Throws ConditionError naming the place ("missing ')'", "nothing to compare after '<'").
Condition parse_condition(std::string_view text);

// The quantities a condition reads, sorted, each once.
std::vector<std::string> condition_names(const Condition& c);

using ConditionContext = VariableValues;  // name → value

struct ConditionValue {
    bool satisfied = false;
    std::string problem;  // non-empty when it could not be evaluated: a name without a value, log of 0 …
};
ConditionValue evaluate_condition(const Condition& c, const ConditionContext& context);

// An expression error's reason without its " at N" (a lesson's error names the line and column instead).
std::string reason_without_position(const ExpressionError& e);

// The values the condition reads, for a hint or a message: "L = 0.2984, a2_0 = 0.7514".
std::string condition_values(const Condition& c, const ConditionContext& context);

}  // namespace bp
