// A lesson's questions answered and marked. A value question's answer is computed from the state on
// screen, never written in the lesson: on a network by the homework checker (the quantity in `backprop-cli
// check`'s words, one sample or the whole batch, the step with the page's learning rate), on an expression
// by the graph quiz; a student's number is marked by the digit rule with the classic mistakes' diagnosis.
// The window calls the lower-level functions on its own state; the scene-level ones serve checks and tests.
#pragma once
#include <string>
#include <string_view>

#include "engine/homework/homework.h"
#include "engine/lessons/page_scene.h"

namespace bp {

struct QuestionMark {
    Verdict verdict = Verdict::unreadable;
    double expected = 0.0;
    std::string label;      // "δ²₁", "∂y/∂h₁"
    std::string diagnosis;  // the classic mistake's sentence, why more digits are needed, why unreadable, or empty
    bool correct() const { return verdict == Verdict::correct; }
};

// ---- a network page (the window passes its document, its training settings and the pass's sample) ----

// The homework a network question is marked with: its own sample, else the page's (kAllSamples: the whole
// data set as one batch), its formulas and diagnoses written in `notation`. Throws bp::Error when the
// quantity or the sample does not exist in the network.
Homework question_homework(const Question& q, const Network& net, const Dataset& data, const TrainingConfig& config,
                           int page_sample, Notation notation);

// ---- an expression page ----

// The graph quiz's question for `ask:`; bp::Error when the graph has no such node, edge or adjoint.
GraphQuestion graph_question(const Question& q, const ExpressionGraph& g);

// ---- on a scene ----

// The exact answer of a value question (bp::Error as above).
double question_answer(const Question& q, const PageScene& scene);
// Marks what the student typed; a network's label and diagnosis are written in `notation` (the page's).
QuestionMark mark_question(const Question& q, const PageScene& scene, std::string_view given, Notation notation);
// A choice question: whether choice `chosen` (0-based) is the right one.
inline bool choice_is_right(const Question& q, int chosen) { return chosen == q.right; }

}  // namespace bp
