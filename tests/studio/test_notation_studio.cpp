// View ▸ Notation in the window's state: the setting is kept in the settings file and given by
// --notation; switching it rewrites the formula, the inspector, the canvas's labels and toggles, the Paths
// tab, the quiz's question and diagnosis, the homework table and the undo entries in the notes' symbols
// while every number stays.
#include <gtest/gtest.h>

#include "app/studio/figures/describe.h"
#include "app/studio/figures/pass_view.h"
#include "app/studio/figures/paths_panel.h"
#include "app/studio/figures/quantity_words.h"
#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/example.h"
#include "app/studio/handlers/quiz.h"
#include "app/studio/program/cli_args.h"
#include "app/studio/state/settings.h"
#include "pass_helpers.h"

using namespace studio;

namespace {

void choose(AppState& s, bp::Notation n) {
    Settings t = s.settings;
    t.notation = n;
    apply(s, act::SetSettings{t});
}

const ValueLine* find(const std::vector<ValueLine>& v, const std::string& name) {
    for (const ValueLine& l : v)
        if (l.name == name) return &l;
    return nullptr;
}

TEST(NotationStudio, KeptInTheSettingsFileAndGivenOnTheCommandLine) {
    Settings s;
    s.notation = bp::Notation::derivation;
    EXPECT_EQ(settings_from_json(settings_to_json(s)).notation, bp::Notation::derivation);
    EXPECT_EQ(settings_from_json(R"({"notation": "matrix"})").notation, bp::Notation::per_neuron);
    Options o;
    ASSERT_EQ(parse_command_line({"--notation", "batch"}, o), "");
    EXPECT_EQ(o.notation, bp::Notation::batch);
    EXPECT_EQ(parse_command_line({"--notation", "Batch"}, o),
              "--notation Batch: expected per-neuron, vector, derivation, batch");
}

TEST(NotationStudio, SwitchingRewritesTheFormulaNotItsNumbers) {
    AppState s = make_state(builtin_example(), "", "example");
    for (int i = 0; i < 12; ++i) apply(s, act::StepForward{});
    const bp::EventText before = s.stepper->text(*s.stepper->current());
    EXPECT_EQ(before.symbolic, "δ¹₁ = (w²₁₁·δ²₁ + w²₂₁·δ²₂)·σ′(z¹₁)");
    choose(s, bp::Notation::derivation);
    const bp::EventText after = s.stepper->text(*s.stepper->current());
    EXPECT_EQ(after.symbolic, "ε₁¹ = δ₁¹·σ′(a₁¹) = (W₂¹¹·ε₂¹ + W₂²¹·ε₂²)·σ′(a₁¹)");
    EXPECT_EQ(after.substituted, before.substituted);
    EXPECT_EQ(after.result, before.result);
    EXPECT_EQ(s.stepper->cursor(), 12);
    apply(s, act::RunPass{});  // a rebuilt pass keeps the notation
    EXPECT_EQ(s.stepper->notation(), bp::Notation::derivation);
}

TEST(NotationStudio, InspectorCanvasPathsAndQuizInTheNotation) {
    AppState s = make_state(builtin_example(), "", "example");
    apply(s, act::RunPass{});
    choose(s, bp::Notation::vector);
    const std::vector<ValueLine> neuron = describe(s, Selection::neuron(1, 0));
    ASSERT_NE(find(neuron, "u[1]"), nullptr);
    EXPECT_EQ(find(neuron, "u[1]")->formula, "W₁[1,1]·x[1] + W₁[1,2]·x[2] + b₁[1]");
    ASSERT_NE(find(neuron, "∂L/∂u[1]"), nullptr);
    EXPECT_EQ(find(neuron, "∂L/∂u[1]")->value, "0.008771");
    const std::vector<ValueLine> weight = describe(s, Selection::weight(2, 0, 1));
    ASSERT_NE(find(weight, "∂L/∂W₂[1,2]"), nullptr);
    EXPECT_EQ(find(weight, "∂L/∂W₂[1,2]")->formula, "h[2]·∂L/∂f[1]");
    EXPECT_EQ(headline(s, Selection::weight(2, 0, 1)).rfind("weight W₂[1,2]", 0), 0u);
    EXPECT_EQ(neuron_value_label(symbols(s), NeuronValue::a, 1, 1, 0), "h[2]");
    // An input neuron shows its input while the others show their δ (it was labelled ∂L/∂u[1] here).
    EXPECT_EQ(neuron_value_label(symbols(s), NeuronValue::delta, 0, 0, 0), "x[1]");
    const std::vector<std::string> names = in_every_notation(s, Selection::weight(2, 0, 1));
    ASSERT_EQ(names.size(), 2u);
    EXPECT_EQ(names[0], "weight: W₂[1,2] · w²₁₂ · W₂¹² · W₂[2,1]");

    apply(s, act::Select{Selection::weight(1, 0, 0)});
    const PathPanelModel paths = build_path_panel(s);
    EXPECT_EQ(paths.gradient_label, "∂L/∂W₁[1,1]");
    ASSERT_FALSE(paths.rows.empty());
    EXPECT_EQ(paths.rows[0].route.rfind("W₁[1,1] → h[1] → ŷ", 0), 0u) << paths.rows[0].route;
    EXPECT_EQ(paths.rows[0].chips.back().label, "x[1]");
    choose(s, bp::Notation::batch);
    EXPECT_EQ(question_label(s, 11), "dL/dZ₁[1,1]");
    EXPECT_EQ(build_path_panel(s).gradient_label, "dL/dW₁[1,1]");
}

TEST(NotationStudio, TheQuizDiagnosesInTheNotationOnScreen) {
    AppState s = make_state(builtin_example(), "", "example");
    apply(s, act::Quiz{quiz_cmd::SetConfig{test::only(QuizTopic::output_delta)}});
    apply(s, act::Quiz{quiz_cmd::SetOn{true}});
    apply(s, act::StepForward{100});
    const auto answer_forgetting_f_prime = [&] {
        apply(s, act::Quiz{quiz_cmd::Answer{"0.7414"}});  // a²₁ − y₁ without σ′(z²₁)
        return quiz_feedback(s)->detail;
    };
    EXPECT_EQ(answer_forgetting_f_prime(), "You left out σ′(z²₁) = 0.1868: δ of an output neuron is ∂L/∂a · σ′(z).");
    // Switching rewrites the feedback on screen in the new letters; the attempt is not counted again.
    choose(s, bp::Notation::derivation);
    EXPECT_EQ(quiz_feedback(s)->headline, "✗ 0.7414 is not ε₂¹");
    EXPECT_EQ(quiz_feedback(s)->detail, "You left out σ′(a₂¹) = 0.1868: ε₂ of an output neuron is δ₂ · σ′(a₂).");
    EXPECT_EQ(s.status, "✗ 0.7414 is not ε₂¹");
    EXPECT_EQ(s.quiz.score.wrong, 1);
    EXPECT_EQ(s.quiz.attempts, 1);
    EXPECT_EQ(answer_forgetting_f_prime(), "You left out σ′(a₂¹) = 0.1868: ε₂ of an output neuron is δ₂ · σ′(a₂).");
    EXPECT_EQ(quiz_feedback(s)->headline, "✗ 0.7414 is not ε₂¹ (attempt 2)");
    choose(s, bp::Notation::vector);
    EXPECT_EQ(answer_forgetting_f_prime(), "You left out σ′(f[1]) = 0.1868: ∂L/∂f of an output neuron is ∂L/∂ŷ · σ′(f).");
    EXPECT_EQ(quiz_feedback(s)->point_at, (bp::ValueRef{bp::ValueRef::Kind::z, 2, 0, 0}));
}

TEST(NotationStudio, TheCanvasTogglesQuizTopicsAndUndoEntriesInTheNotation) {
    AppState s = make_state(builtin_example(), "", "example");
    const auto buttons = [&] {
        const bp::Symbols sym = symbols(s);
        std::string out;
        for (NeuronValue v : {NeuronValue::z, NeuronValue::a, NeuronValue::delta, NeuronValue::follow_pass})
            out += neuron_value_words(sym, s.doc.net, v).button + " ";
        return out + edge_value_words(sym, EdgeValue::weight).button + " " + edge_value_words(sym, EdgeValue::gradient).button;
    };
    EXPECT_EQ(buttons(), "z a δ auto w ∂L/∂w");
    EXPECT_EQ(phase_help(symbols(s), bp::Phase::backward),
              "Backward pass: each neuron's δ = ∂L/∂z, how much the loss changes with its z, from the output back by "
              "the chain rule");
    const auto topics = [&] {
        std::string out;
        for (int t = 0; t < kQuizTopics; ++t) out += quiz_topic_title(symbols(s), s.doc.net, static_cast<QuizTopic>(t)) + "; ";
        return out;
    };
    EXPECT_EQ(topics(), "forward values z, a; the loss L; output δ; hidden δ; gradients ∂L/∂w, ∂L/∂b; updates w − η·∂L/∂w; ");
    EXPECT_EQ(neuron_value_words(symbols(s), s.doc.net, NeuronValue::delta).menu, "δ = ∂L/∂z");
    choose(s, bp::Notation::vector);
    EXPECT_EQ(buttons(), "u h ∂L/∂u auto Wₗ ∂L/∂Wₗ");
    EXPECT_EQ(topics(), "forward values u, h; the loss L; output ∂L/∂f; hidden ∂L/∂u; gradients ∂L/∂Wₗ, ∂L/∂bₗ; "
                        "updates Wₗ − η·∂L/∂Wₗ; ");
    const QuantityWords h = neuron_value_words(symbols(s), s.doc.net, NeuronValue::a);
    EXPECT_EQ(h.tooltip, "h = f(u): the neuron's activation, the value it passes on to the next layer. Here: h, ŷ.");
    for (NeuronValue v : {NeuronValue::z, NeuronValue::a, NeuronValue::delta, NeuronValue::follow_pass})
        EXPECT_EQ(neuron_value_words(symbols(s), s.doc.net, v).tooltip.find("δ"), std::string::npos);
    for (int p = 0; p < 5; ++p)  // the phase strip's tooltips: no δ in notes 002
        EXPECT_EQ(phase_help(symbols(s), static_cast<bp::Phase>(p)).find("δ"), std::string::npos);
    EXPECT_EQ(phase_help(symbols(s), bp::Phase::gradients),
              "Gradients: how much the loss changes with each parameter, ∂L/∂Wₗ = h·∂L/∂u and ∂L/∂bₗ = ∂L/∂u");
    EXPECT_EQ(quantity_name(symbols(s), bp::Quantity::delta), "∂L/∂u");
    choose(s, bp::Notation::derivation);
    EXPECT_EQ(buttons(), "aₗ zₗ₊₁ εₗ auto Wₗ dWₗ");
    EXPECT_EQ(phase_help(symbols(s), bp::Phase::gradients),
              "Gradients: how much the loss changes with each parameter, dWₗ = zₗ·εₗ and dbₗ = εₗ");
    EXPECT_EQ(quantity_name(symbols(s), bp::Quantity::W_after), "Wₗ after");
    EXPECT_EQ(topics(), "forward values aₗ, zₗ₊₁; the loss L; output ε₂; hidden εₗ; gradients dWₗ, dbₗ; updates Wₗ − η·dWₗ; ");
    EXPECT_EQ(neuron_value_words(symbols(s), s.doc.net, NeuronValue::delta).tooltip,
              "εₗ = ∂L/∂aₗ: how much the loss changes when this neuron's weighted input aₗ changes. (δₗ = ∂L/∂zₗ₊₁ is "
              "the derivative by the layer's output zₗ₊₁.) Here: ε₁, ε₂.");
    choose(s, bp::Notation::batch);
    EXPECT_EQ(buttons(), "Zₗ Hₗ dL/dZₗ auto Wₗ dL/dWₗ");
    // An edit's undo entry names the weight as the notation on screen does (the batch W is n_in × n_out).
    apply(s, act::EditParameter{Selection::weight(2, 0, 1), 0.7});
    EXPECT_EQ(s.undo.back().label, "set W₂[2,1] = 0.7");
    choose(s, bp::Notation::per_neuron);  // the entries already made are written again in the new letters
    EXPECT_EQ(s.undo.back().label, "set w²₁₂ = 0.7");
    apply(s, act::EditParameter{Selection::bias(1, 1), 0.8});
    EXPECT_EQ(s.undo.back().label, "set b¹₂ = 0.8");
    apply(s, act::Undo{});  // an entry keeps what it names on its way to the redo stack and back
    choose(s, bp::Notation::derivation);
    EXPECT_EQ(s.undo.back().label, "set W₂¹² = 0.7");
    EXPECT_EQ(s.redo.back().label, "set b₁² = 0.8");
    apply(s, act::Redo{});
    choose(s, bp::Notation::vector);
    EXPECT_EQ(s.undo.back().label, "set b₁[2] = 0.8");
    EXPECT_EQ(s.undo[s.undo.size() - 2].label, "set W₂[1,2] = 0.7");
}

}  // namespace
