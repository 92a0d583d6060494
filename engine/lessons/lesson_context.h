// The names a task's condition may use, bound to the values on screen: one place that spells them, for
// the checks (lesson_check.h) and for the window, which fills a context from its own state every time the
// student changes something. Indices are 0-based, as everywhere in lesson files and on the command line.
//
// A network page:
//   L                  the loss of the pass shown (the page's sample, or the whole batch with `sample: all`)
//   z2_0 a2_0 delta2_0 z, a and δ of neuron 0 of layer 2, for the sample shown (a0_k: the inputs)
//   w2_0_1 b2_0        a weight and a bias as they are now
//   dW2_0_1 db2_0      ∂L/∂w and ∂L/∂b of that pass
//   y_0                the target of output neuron 0 (the sample shown)
//   lr steps_done diverged   the learning rate; training steps since the page opened; 1 once training diverged
// An expression page:
//   x w1 …             each variable by its name
//   h1 h2 … y          each operation's value by its label (h₂ as h2), the output by its symbol (y, or L …)
//   adjoint_x adjoint_h2   ∂y/∂(that node)
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "engine/core/network.h"
#include "engine/core/passes.h"
#include "engine/graph/expression_graph.h"
#include "engine/graph/graph_pass.h"
#include "engine/lessons/condition.h"

namespace bp {

// What training did since the page opened.
struct TrainingRun {
    long steps_done = 0;
    bool diverged = false;
};

// The names of a network page. pass: a pass over the batch the page shows (N rows), shown_row the sample
// whose z, a, δ and targets the per-neuron names give; targets (N, n_L). Non-finite values are left out
// (a condition reading one cannot be evaluated, and says why).
ConditionContext network_context(const Network& net, const Trace& pass, const Matrix& targets, int shown_row,
                                 double learning_rate, const TrainingRun& run);

// The names of an expression page, from a pass over its graph.
ConditionContext graph_context(const ExpressionGraph& g, const GraphPass& pass);

// A node of an expression by the name a lesson gives it: a variable's name, an operation's label in ASCII
// or Unicode ("h2", "h₂"), or the output's symbol ("y", "L"). −1 when there is none.
int find_node(const ExpressionGraph& g, std::string_view name);
// The ASCII name of a node ("h₂" → "h2"; the output by its symbol); empty for a constant.
std::string node_name(const ExpressionGraph& g, int node);

// Why a name is not in a page's context, for `lesson check` ("w2_2_0 names no quantity of the network:
// layer 2 has neurons 0 … 1").
std::string unknown_name_reason(std::string_view name, const ConditionContext& context, bool network);

}  // namespace bp
