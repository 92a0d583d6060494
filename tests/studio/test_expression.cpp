// Expression documents in the window, without a window (handlers/expression.h): every way in opens the
// expression as an expression, unsaved work is asked about as for networks, a variable's edit is undoable
// (a drag is one entry), saving and autosave write the expression, stepping matches the engine's
// stepper, the network's edits are refused while an expression is open, and the quiz on the graph.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/autosave.h"
#include "app/studio/handlers/example.h"
#include "app/studio/handlers/expression.h"
#include "app/studio/program/cli_args.h"
#include "app/studio/program/startup.h"
#include "engine/graph/expression_document.h"
#include "engine/io/serialize.h"
#include "engine/lessons/lesson_library.h"
#include "engine/teaching/notation.h"

using namespace studio;
namespace fs = std::filesystem;

namespace {

struct Scratch {
    fs::path dir;
    explicit Scratch(const std::string& name) : dir(fs::temp_directory_path() / ("bp_expr_" + name + "_" + std::to_string(getpid()))) {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Scratch() { fs::remove_all(dir); }
    std::string operator/(const std::string& f) const { return (dir / f).string(); }
};

AppState example() { return make_state(builtin_example(), "", "example"); }
void files(AppState& s, FilesCommand c) { apply(s, act::Files{std::move(c)}); }
void expr(AppState& s, ExpressionCommand c) { apply(s, act::Expression{std::move(c)}); }

bp::ExpressionDocument document(const std::string& text, bp::VariableValues values) {
    bp::ExpressionDocument d;
    d.expression = text;
    d.variables = std::move(values);
    return d;
}

std::string preset(const std::string& stem) { return bp::asset_dir("expressions") + "/" + stem + ".json"; }

double value_of(const AppState& s, const std::string& variable) { return s.expression->doc.variables.at(variable); }

}  // namespace

TEST(Expression, OpenExpressionShowsTheGraphAndItsPass) {
    AppState s = example();
    ASSERT_EQ(open_expression(s, document("exp(exp(x^2))", {{"x", 0.5}}), "", "notes"), "");
    ASSERT_TRUE(s.expression);
    EXPECT_FALSE(is_modified(s));
    EXPECT_EQ(s.title, "notes");
    // Note 001: h₁ = x² = 0.25, h₂ = e^(h₁), y = e^(h₂); dy/dx = e^(h₂)·e^(h₁)·2x.
    const bp::GraphStepper& st = s.expression->stepper;
    EXPECT_EQ(st.cursor(), 0);
    const double h2 = std::exp(0.25), y = std::exp(h2);
    EXPECT_DOUBLE_EQ(st.pass().value[static_cast<std::size_t>(st.graph().output)], y);
    const int x = st.graph().find_variable("x");
    EXPECT_NEAR(st.pass().adjoint[static_cast<std::size_t>(x)], y * h2 * 2 * 0.5, 1e-12 * y);
}

TEST(Expression, AMalformedOrOutOfDomainExpressionChangesNothing) {
    AppState s = example();
    const std::string before = bp::dump_document(s.doc);
    const std::string why = open_expression(s, document("exp(x", {{"x", 0.5}}), "", "bad");
    EXPECT_NE(why.find("missing ')'"), std::string::npos) << why;
    EXPECT_FALSE(s.expression);
    EXPECT_EQ(s.title, "example");
    EXPECT_NE(open_expression(s, document("log(x)", {{"x", -1}}), "", "bad").find("log"), std::string::npos);
    EXPECT_FALSE(s.expression);
    EXPECT_EQ(bp::dump_document(s.doc), before);
}

TEST(Expression, FileOpenPresetsAndTheCommandLineOpenAnExpressionAsAnExpression) {
    AppState s = example();
    files(s, files_cmd::Open{preset("multi-path")});
    ASSERT_TRUE(s.expression) << s.status;
    EXPECT_EQ(s.expression->doc.expression, "x*x + exp(x)");
    EXPECT_EQ(s.file_path, preset("multi-path"));

    files(s, files_cmd::OpenPreset{preset("sigmoid-chain"), "Sigmoid chain"});
    ASSERT_TRUE(s.expression);
    EXPECT_TRUE(s.file_path.empty()) << "a preset opens untitled: it is never overwritten";
    EXPECT_EQ(s.title, "Sigmoid chain");

    files(s, files_cmd::Open{bp::asset_dir("presets") + "/mazur-2-2-2.json"});
    EXPECT_FALSE(s.expression) << "a network file opens as a network again";

    Options o;
    o.file = preset("exp-exp-x-squared");
    o.step = 2;
    const AppState started = initial_state(o);
    ASSERT_TRUE(started.expression);
    EXPECT_EQ(started.expression->stepper.cursor(), 2) << "--step steps the graph";
}

TEST(Expression, UnsavedWorkIsAskedAboutBeforeAnExpressionReplacesIt) {
    AppState s = example();
    apply(s, act::EditParameter{Selection::weight(1, 0, 0), 0.61});
    ASSERT_TRUE(is_modified(s));
    files(s, files_cmd::NewExpression{});
    EXPECT_FALSE(s.expression) << "not before the answer";
    EXPECT_EQ(s.files.pending, Pending::new_expression);
    files(s, files_cmd::AnswerPending{files_cmd::Answer::cancel});
    EXPECT_FALSE(s.expression);
    EXPECT_DOUBLE_EQ(s.doc.net.layers[1].W(0, 0), 0.61) << "Cancel keeps the network's edit";

    files(s, files_cmd::OpenExpression{ExpressionSource(document("x*y", {{"x", 2}, {"y", 3}})), "from elsewhere"});
    ASSERT_EQ(s.files.pending, Pending::open_expression);
    files(s, files_cmd::AnswerPending{files_cmd::Answer::discard});
    ASSERT_TRUE(s.expression);
    EXPECT_EQ(s.expression->doc.expression, "x*y");
    EXPECT_EQ(s.title, "from elsewhere");

    // And an expression's own unsaved work is asked about before a network replaces it.
    expr(s, expr_cmd::SetVariable{"x", 4});
    ASSERT_TRUE(is_modified(s));
    files(s, files_cmd::New{});
    EXPECT_EQ(s.files.pending, Pending::new_document);
    EXPECT_TRUE(s.expression);
}

TEST(Expression, AVariablesEditIsUndoableAndADragIsOneEntry) {
    AppState s = example();
    ASSERT_EQ(open_expression(s, document("x*x + exp(x)", {{"x", 0.5}}), "", "t"), "");
    const std::uint64_t saved = s.revision;
    apply(s, act::BeginGesture{});
    for (const double v : {0.6, 0.7, 0.8}) expr(s, expr_cmd::SetVariable{"x", v});
    apply(s, act::EndGesture{});
    EXPECT_DOUBLE_EQ(value_of(s, "x"), 0.8);
    const bp::GraphStepper& st = s.expression->stepper;
    EXPECT_NEAR(st.pass().adjoint[static_cast<std::size_t>(st.graph().find_variable("x"))], 2 * 0.8 + std::exp(0.8), 1e-12);
    ASSERT_EQ(s.expression->undo.size(), 1u) << "one drag, one entry";
    EXPECT_EQ(s.expression->undo.back().label, "x = 0.8");
    EXPECT_TRUE(is_modified(s));
    apply(s, act::Undo{});
    EXPECT_DOUBLE_EQ(value_of(s, "x"), 0.5);
    EXPECT_EQ(s.revision, saved) << "undone back to the saved state: no *";
    EXPECT_FALSE(is_modified(s));
    apply(s, act::Redo{});
    EXPECT_DOUBLE_EQ(value_of(s, "x"), 0.8);

    expr(s, expr_cmd::SetVariable{"x", std::nan("")});
    EXPECT_TRUE(s.status_is_error);
    EXPECT_DOUBLE_EQ(value_of(s, "x"), 0.8) << "refused";
}

TEST(Expression, TypingANewExpressionKeepsValuesAndRefusesWhatCannotBeShown) {
    AppState s = example();
    files(s, files_cmd::NewExpression{});
    ASSERT_TRUE(s.expression);
    expr(s, expr_cmd::SetText{"w*x + b"});
    EXPECT_EQ(s.expression->doc.expression, "w*x + b");
    EXPECT_DOUBLE_EQ(value_of(s, "x"), 0.5) << "x keeps its value";
    EXPECT_DOUBLE_EQ(value_of(s, "w"), 0.5) << "a new variable starts at 0.5";
    expr(s, expr_cmd::SetText{"log(x - 1)"});
    EXPECT_TRUE(s.status_is_error) << "log of −0.5";
    EXPECT_EQ(s.expression->doc.expression, "w*x + b");
    expr(s, expr_cmd::SetText{"2x"});
    EXPECT_NE(s.status.find("write 2*x"), std::string::npos) << s.status;
    apply(s, act::Undo{});
    EXPECT_EQ(s.expression->doc.expression, "exp(exp(x^2))");
}

TEST(Expression, SavingAndAutosaveWriteTheExpressionAndRestoreOpensItAgain) {
    Scratch t("save");
    AppState s = example();
    attach_files(s.files, "", t.dir.string());
    files(s, files_cmd::OpenPreset{preset("multi-path"), "Three paths"});
    expr(s, expr_cmd::SetVariable{"x", 1.5});
    files(s, files_cmd::Tick{kAutosaveSeconds + 1});
    const std::string autosave = s.files.autosave.path;
    ASSERT_TRUE(fs::exists(autosave));
    EXPECT_DOUBLE_EQ(bp::load_expression_document(autosave).variables.at("x"), 1.5);

    close(s.files.autosave.lock_fd);  // a crash: the next start offers the expression
    AppState next = example();
    attach_files(next.files, "", t.dir.string());
    ASSERT_EQ(next.files.autosave.offers.size(), 1u);
    files(next, files_cmd::Restore{true});
    ASSERT_TRUE(next.expression) << next.status;
    EXPECT_DOUBLE_EQ(value_of(next, "x"), 1.5);
    EXPECT_TRUE(is_modified(next));
    EXPECT_FALSE(next.expression->doc.extra->contains(kAutosaveKey));

    files(next, files_cmd::SaveAs{t / "mine"});
    EXPECT_FALSE(is_modified(next));
    const bp::ExpressionDocument back = bp::load_expression_document(t / "mine.json");
    EXPECT_EQ(back.expression, "x*x + exp(x)");
    EXPECT_DOUBLE_EQ(back.variables.at("x"), 1.5);
    EXPECT_FALSE(back.extra->contains(kAutosaveKey));
    EXPECT_EQ(back.title, "Three paths from x: y = x·x + e^x") << "the preset's own keys are kept";
}

TEST(Expression, SteppingIsTheEnginesAndTheNetworksEditsAreRefused) {
    AppState s = example();
    files(s, files_cmd::Open{preset("exp-exp-x-squared")});
    ASSERT_TRUE(s.expression);
    bp::GraphStepper engine(bp::document_graph(s.expression->doc), s.expression->doc.variables);
    apply(s, act::StepForward{3});
    engine.step_forward(), engine.step_forward(), engine.step_forward();
    EXPECT_EQ(s.expression->stepper.cursor(), engine.cursor());
    apply(s, act::StepBack{1});
    EXPECT_EQ(s.expression->stepper.cursor(), 2);
    apply(s, act::RunPass{});
    EXPECT_TRUE(s.expression->stepper.at_end());
    apply(s, act::StepForward{5});
    EXPECT_TRUE(s.expression->stepper.at_end()) << "no next pass after an expression's";
    apply(s, act::Restart{});
    EXPECT_EQ(s.expression->stepper.cursor(), 0);
    apply(s, act::SetPlaying{true});
    apply(s, act::Tick{100.0});
    EXPECT_TRUE(s.expression->stepper.at_end());
    EXPECT_FALSE(s.playing) << "play stops at the end";

    const std::string net = bp::dump_document(s.doc);
    apply(s, act::EditParameter{Selection::weight(1, 0, 0), 0.61});
    EXPECT_TRUE(s.status_is_error);
    EXPECT_EQ(bp::dump_document(s.doc), net);
    EXPECT_FALSE(is_modified(s));
}

TEST(Expression, SelectingAVariableChoosesItsPathsAndPinsARoute) {
    AppState s = example();
    ASSERT_EQ(open_expression(s, document("x*y + y", {{"x", 2}, {"y", 3}}), "", "t"), "");
    const bp::ExpressionGraph& g = s.expression->stepper.graph();
    EXPECT_EQ(paths_variable(*s.expression), g.find_variable("x")) << "the first variable by default";
    expr(s, expr_cmd::SelectNode{g.find_variable("y")});
    EXPECT_EQ(paths_variable(*s.expression), g.find_variable("y"));
    expr(s, expr_cmd::PinPath{{1, 3}, {0}});
    EXPECT_EQ(s.expression->pinned_nodes.size(), 2u);
    expr(s, expr_cmd::SelectNode{g.find_variable("x")});
    EXPECT_TRUE(s.expression->pinned_nodes.empty()) << "another variable lets the route go";
    expr(s, expr_cmd::SelectNode{99});
    EXPECT_EQ(s.expression->selected, -1);
}

TEST(Expression, TheQuizHoldsEachValueUntilItIsAnsweredAndNamesAMissingPath) {
    AppState s = example();
    ASSERT_EQ(open_expression(s, document("x*x + exp(x)", {{"x", 0.5}}), "", "t"), "");
    expr(s, expr_cmd::SetQuiz{true});
    apply(s, act::RunPass{});
    EXPECT_EQ(s.expression->stepper.cursor(), 0) << "the first value is the student's";
    EXPECT_EQ(expression_quiz_question(s), 0);
    expr(s, expr_cmd::Answer{"0.3"});  // h₁ = x·x = 0.25: one digit is too few to judge
    EXPECT_FALSE(s.expression->quiz.feedback_right);
    EXPECT_NE(s.expression->quiz.feedback.find("significant digits"), std::string::npos);
    expr(s, expr_cmd::Answer{"0.31"});
    EXPECT_TRUE(s.status_is_error);
    EXPECT_EQ(s.expression->stepper.cursor(), 0);
    expr(s, expr_cmd::Answer{"0.25"});
    EXPECT_TRUE(s.expression->quiz.feedback_right);
    EXPECT_EQ(s.expression->stepper.cursor(), 1);
    expr(s, expr_cmd::Reveal{});  // h₂ = e^x
    expr(s, expr_cmd::Reveal{});  // y = h₁ + h₂
    apply(s, act::StepForward{1});  // ∂y/∂y = 1 is not asked
    // Through to x's adjoint, revealing; then x's: 2x + e^x, and x alone (one path through x·x) is a missing path.
    while (s.expression->stepper.next() && s.expression->stepper.next()->node != s.expression->stepper.graph().find_variable("x"))
        expr(s, expr_cmd::Reveal{});
    ASSERT_NE(expression_quiz_question(s), -1);
    expr(s, expr_cmd::Answer{bp::format_number(0.5 + std::exp(0.5), 6)});
    EXPECT_TRUE(s.status_is_error);
    EXPECT_NE(s.expression->quiz.feedback.find("path"), std::string::npos) << s.expression->quiz.feedback;
    expr(s, expr_cmd::Answer{bp::format_number(1 + std::exp(0.5), 6)});
    EXPECT_TRUE(s.expression->quiz.feedback_right) << s.expression->quiz.feedback;
    EXPECT_TRUE(s.expression->stepper.at_end());
}
