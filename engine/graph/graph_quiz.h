// Quiz support for computation graphs: a student's number for a node's value, an adjoint or an edge's local
// derivative, checked with the digit rule of answer_check.h; and the classic graph mistakes, each computed
// by actually re-running the computation with the mistake, so a wrong answer that one of them explains is
// told in one sentence naming it:
//   missing path    only one path counted (or one path left out) when several lead from the node to y;
//   sign error      one local derivative with its sign flipped (d(cos u)/du = −sin u, ∂(u − v)/∂v = −1, …);
//   dropped factor  one local derivative on the way left out (or, for an edge, a factor of its rule).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/homework/answer_check.h"
#include "engine/graph/graph_pass.h"
#include "engine/graph/graph_stepper.h"

namespace bp {

enum class GraphQuantity { value, adjoint, local_derivative };

struct GraphQuestion {
    GraphQuantity what = GraphQuantity::value;
    int node = 0;
    int slot = 0;  // local_derivative: the edge into `node` from its input `slot`
};

// "h₂", "∂y/∂h₁", "∂h₂/∂h₁".
std::string question_label(const ExpressionGraph& g, const GraphQuestion& q);
// The right answer; bp::Error when the graph has no such quantity (a constant's adjoint, an edge
// without a local derivative, a node that does not exist).
double exact_answer(const ExpressionGraph& g, const GraphPass& pass, const GraphQuestion& q);
// Every question the graph can be asked, in stepping order: each operation's value, each edge's local
// derivative (after the value of the node it leads into), then each adjoint from y backwards.
std::vector<GraphQuestion> graph_questions(const ExpressionGraph& g);

enum class GraphMistake { missing_path, sign_error, dropped_factor };
std::string_view to_string(GraphMistake);  // "missing_path", "sign_error", "dropped_factor"

struct GraphMistakeRun {
    GraphMistake mistake = GraphMistake::dropped_factor;
    double value = 0.0;        // the answer the mistake produces
    std::string sentence;      // "You counted only the path x → h₁ → y (0.5), but x reaches y by 3 paths: …"
    GraphRef point_at;         // the edge (Kind::local) to highlight, or the node asked about
    std::vector<int> path;     // missing_path: the path's nodes, from the node to y
};

// What each applicable mistake produces for the question, in the order a diagnosis tries them: missing
// paths, then sign errors (negative local derivatives first), then dropped factors. Mistakes that change
// nothing (dropping a factor 1, flipping a 0) are left out; at most kMaxMistakeRuns are run.
inline constexpr int kMaxMistakeRuns = 2000;
std::vector<GraphMistakeRun> graph_mistakes(const ExpressionGraph& g, const GraphPass& pass, const GraphQuestion& q);

struct GraphAnswer {
    AnswerCheck check;                         // the digit rule's verdict
    std::optional<GraphMistakeRun> diagnosis;  // a wrong answer that a classic mistake explains
};

// Marks `text` against the question. A mistake whose value would itself pass as right at the digits
// written is not blamed.
GraphAnswer check_graph_answer(const ExpressionGraph& g, const GraphPass& pass, const GraphQuestion& q,
                               std::string_view text);

}  // namespace bp
