// Reads a scalar expression ("exp(exp(x^2))", "-log(σ(w3*h2))") into its computation graph.
// Syntax: numbers (2, 0.5, 1e-3, .5), variables (a letter or _ then letters, digits, _), + − * /, powers
// ^ or ** (right-associative, tighter than unary minus: -x^2 is −(x²)), parentheses, the constants pi (π)
// and e, and the functions exp log sqrt sin cos abs and every element-wise activation of the engine's table
// (engine/core/activations.h: sigmoid or σ, tanh, relu, leaky_relu, …). An implicit product (2x) is
// refused with "write 2*x". A minus sign directly before a number is part of the number (x^-2); before
// anything else it is a node neg, so d(−u)/du = −1 appears in the paths.
#pragma once
#include <string>
#include <string_view>

#include "engine/core/error.h"
#include "engine/graph/expression_graph.h"

namespace bp {

// A malformed expression. what() is the reason, which names the place ("missing ')' at 6"; positions
// count characters from 1), then the expression and a caret under that place on two more lines.
struct ExpressionError : Error {
    ExpressionError(const std::string& reason, int position, std::string_view text);
    std::string reason;  // the first line alone
    int position = 0;    // 1-based character position, 0 when the error concerns the whole text
};

// Throws ExpressionError (or bp::Error for nothing else). Checks the limits of expression_graph.h while
// it reads: the length first, the nesting depth at every level (so no input can exhaust the stack), the
// node count at every node.
ExpressionGraph parse_expression(std::string_view text);

// Two lines, each indented by two spaces: the expression (a window of it around the place when it is
// long; tabs and line breaks shown as spaces) and a caret under character `position` (1-based).
std::string caret_lines(std::string_view text, int position);

// Every function of the syntax, for a help text: "exp log sqrt sin cos sigmoid (σ) tanh relu leaky_relu abs".
std::string expression_functions();
// Whether `name` is a function or a constant of the syntax (so it cannot name a variable).
bool is_reserved_name(std::string_view name);

}  // namespace bp
