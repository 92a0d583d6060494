// Answers to a lesson's questions and their marking (see lesson_questions.h).
#include "engine/lessons/lesson_questions.h"

#include <algorithm>

namespace bp {

Homework question_homework(const Question& q, const Network& net, const Dataset& data, const TrainingConfig& config,
                           int page_sample, Notation notation) {
    const int sample = q.sample.value_or(page_sample);
    std::optional<int> homework_sample;
    if (sample != kAllSamples) {
        if (sample < 0 || sample >= data.size())
            throw Error("sample " + std::to_string(sample) + " is past the last sample of the data (" + std::to_string(data.size() - 1) + ")");
        homework_sample = sample;
    }
    Homework h(net, data, config, homework_sample);
    h.set_notation(notation);
    if (const auto problem = h.check(q.quantity)) throw Error(q.ask + ": " + problem->field + " " + problem->message);
    return h;
}

GraphQuestion graph_question(const Question& q, const ExpressionGraph& g) {
    GraphQuestion out;
    out.what = q.graph.what;
    out.node = find_node(g, q.graph.node);
    if (out.node < 0) throw Error(q.ask + ": the expression has no node '" + q.graph.node + "'");
    if (out.what == GraphQuantity::local_derivative) {
        const int input = find_node(g, q.graph.input);
        const std::vector<int>& inputs = g.node(out.node).inputs;
        const auto it = std::find(inputs.begin(), inputs.end(), input);
        if (input < 0 || it == inputs.end())
            throw Error(q.ask + ": " + q.graph.input + " is not an input of " + q.graph.node);
        out.slot = static_cast<int>(it - inputs.begin());
        if (!has_local_derivative(g, out.node, out.slot))
            throw Error(q.ask + ": the edge from " + q.graph.input + " carries no derivative (it depends on no variable)");
    }
    if (out.what == GraphQuantity::adjoint && !has_adjoint(g, out.node))
        throw Error(q.ask + ": " + q.graph.node + " has no adjoint (it depends on no variable)");
    if (out.what == GraphQuantity::value && g.node(out.node).op == Op::constant)
        throw Error(q.ask + ": " + q.graph.node + " is a constant");
    return out;
}

double question_answer(const Question& q, const PageScene& scene) {
    if (q.kind != Question::Kind::value) throw Error("a choice question has no value");
    if (q.on_graph != !scene.document.is_network())
        throw Error(q.ask + (q.on_graph ? ": asks about an expression; this page shows a network"
                                        : ": asks about a network; this page shows an expression (value NODE, adjoint NODE, local NODE INPUT)"));
    if (q.on_graph) {
        const GraphStepper& s = *scene.graph;
        return exact_answer(s.graph(), s.pass(), graph_question(q, s.graph()));
    }
    const Document& d = scene.document.network;
    return question_homework(q, d.net, *d.data, scene.config, scene.sample, Notation::per_neuron).expected(q.quantity);
}

QuestionMark mark_question(const Question& q, const PageScene& scene, std::string_view given, Notation notation) {
    QuestionMark m;
    m.expected = question_answer(q, scene);
    if (q.on_graph) {
        const GraphStepper& s = *scene.graph;
        const GraphQuestion gq = graph_question(q, s.graph());
        const GraphAnswer a = check_graph_answer(s.graph(), s.pass(), gq, given);
        m.verdict = a.check.verdict;
        m.label = question_label(s.graph(), gq);
        m.diagnosis = a.diagnosis ? a.diagnosis->sentence : a.check.reason;
        return m;
    }
    const Document& d = scene.document.network;
    const Homework h = question_homework(q, d.net, *d.data, scene.config, scene.sample, notation);
    const MarkedAnswer a = h.mark({q.quantity, std::string(given)});
    m.verdict = a.verdict;
    m.label = a.label;
    m.diagnosis = a.diagnosis;
    return m;
}

}  // namespace bp
