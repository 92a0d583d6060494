// Lessons checked and walked headless (engine/lessons/lesson_check.h, page_scene.h, lesson_questions.h):
// every built-in lesson passes its check and every page of every lesson sets up; question answers against
// values derived by hand from the notes' examples; each error a check finds (a preset, file or event that
// does not exist, a selection or path outside the network, a task done before the student moves or not
// reached by its "do:", a name the page does not have) with its line; and the progress book's JSON.
#include <cmath>
#include <fstream>
#include <filesystem>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "engine/lessons/lesson_check.h"
#include "engine/lessons/lesson_progress.h"
#include "engine/lessons/lesson_questions.h"
#include "engine/lessons/page_scene.h"
#include "temp_folder.h"

namespace bp {
namespace {

const LessonResolver kResolver{BP_PRESETS_DIR, BP_EXPRESSIONS_DIR};

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

Lesson built_in(const std::string& stem) { return load_lesson(std::string(BP_LESSONS_DIR) + "/" + stem + ".md"); }

// The question of `lesson` asking `ask` on the page titled `page`.
const Question& question(const Lesson& lesson, const std::string& page, const std::string& ask, int* page_index = nullptr) {
    for (std::size_t i = 0; i < lesson.pages.size(); ++i)
        if (lesson.pages[i].title == page)
            for (const Question& q : lesson.pages[i].questions)
                if (q.ask == ask) {
                    if (page_index) *page_index = static_cast<int>(i);
                    return q;
                }
    throw Error("no question '" + ask + "' on page '" + page + "'");
}

double answer(const Lesson& lesson, const std::string& page, const std::string& ask) {
    int index = 0;
    const Question& q = question(lesson, page, ask, &index);
    return question_answer(q, build_scene(lesson, index, kResolver));
}

// ---- [SECTION] the built-in lessons ---------------------------------------------------------------------

TEST(BuiltInLessons, OnePerSetOfNotesAndATourEachCompleteAndChecked) {
    const std::vector<LessonInfo> lessons = list_lessons(BP_LESSONS_DIR);
    std::string stems;
    for (const LessonInfo& l : lessons) stems += l.stem + " ";
    EXPECT_EQ(stems,
              "first-steps notes-000-linear-model notes-001-chain-rule notes-002-matrix-rules notes-003-fc-recurrences "
              "notes-004-delta-recurrence ");
    const std::regex title("^(Notes 00[0-4]|First steps): .+");
    std::set<std::string> notes;
    for (const LessonInfo& info : lessons) {
        SCOPED_TRACE(info.stem);
        EXPECT_TRUE(std::regex_match(info.title, title)) << info.title;
        notes.insert(info.title.substr(0, 9));
        const LessonCheck check = check_lesson_file(info.path, kResolver);
        for (const LessonError& e : check.errors) ADD_FAILURE() << e.text();
        EXPECT_GE(check.counts.pages, 8);
        EXPECT_GE(check.counts.questions, 2);
        EXPECT_GE(check.counts.tasks, 1);
    }
    EXPECT_EQ(notes, (std::set<std::string>{"First ste", "Notes 000", "Notes 001", "Notes 002", "Notes 003", "Notes 004"}));
}

TEST(BuiltInLessons, OnlyLessonsLiveInTheirFolder) {
    for (const auto& e : std::filesystem::directory_iterator(BP_LESSONS_DIR))
        EXPECT_EQ(e.path().extension(), ".md") << e.path();
    EXPECT_EQ(list_lessons(BP_LESSONS_DIR).size(), static_cast<std::size_t>(std::distance(
                                                       std::filesystem::directory_iterator(BP_LESSONS_DIR), std::filesystem::directory_iterator())));
}

// Every page of every lesson, as the window will open it: the state loads, the pass stands just after
// the page's event, the selection exists, every question has a finite answer, and every task is open at
// the start and done after "show me how".
TEST(BuiltInLessons, EveryPageOfEveryLessonSetsUpHeadless) {
    int pages = 0;
    for (const LessonInfo& info : list_lessons(BP_LESSONS_DIR)) {
        const Lesson lesson = load_lesson(info.path);
        for (int i = 0; i < static_cast<int>(lesson.pages.size()); ++i) {
            SCOPED_TRACE(info.stem + ", page " + std::to_string(i + 1) + ": " + lesson.pages[static_cast<std::size_t>(i)].title);
            const LessonPage& page = lesson.pages[static_cast<std::size_t>(i)];
            const PageState state = effective_state(lesson, i);
            PageScene scene = build_scene(lesson, i, kResolver);
            ++pages;
            if (scene.document.is_network()) {
                ASSERT_TRUE(scene.stepper.has_value());
                const Stepper& s = *scene.stepper;
                if (state.step.where == StepTarget::Where::start) {
                    EXPECT_EQ(s.cursor(), 0);
                }
                if (state.step.where == StepTarget::Where::end) {
                    EXPECT_TRUE(s.at_end());
                }
                if (state.step.where == StepTarget::Where::network_event) {
                    ASSERT_NE(s.current(), nullptr);
                    EXPECT_EQ(s.current()->layer, state.step.kind == EventKind::loss ? s.current()->layer : state.step.l);
                    if (!state.step.delta) {
                        EXPECT_EQ(s.current()->kind, state.step.kind);
                    }
                }
            } else {
                ASSERT_TRUE(scene.graph.has_value());
                if (state.step.where == StepTarget::Where::graph_event) {
                    ASSERT_NE(scene.graph->current(), nullptr);
                    EXPECT_EQ(scene.graph->current()->node, find_node(scene.graph->graph(), state.step.node));
                }
                if (state.select) {
                    EXPECT_GE(scene.selected_node, 0);
                }
            }
            for (const Question& q : page.questions) {
                if (q.kind == Question::Kind::value) {
                    EXPECT_TRUE(std::isfinite(question_answer(q, scene))) << q.ask;
                }
            }
            for (const Task& t : page.tasks) {
                EXPECT_FALSE(evaluate_condition(t.when, scene_context(scene)).satisfied) << t.when.text;
                if (t.demo.empty()) continue;
                PageScene shown = scene;
                apply_demo(shown, t.demo);
                EXPECT_TRUE(evaluate_condition(t.when, scene_context(shown)).satisfied) << t.when.text;
            }
        }
    }
    EXPECT_GE(pages, 6 * 8);
}

// docs/LESSONS.md's complete example is a lesson that passes its check, with the counts the page says.
TEST(BuiltInLessons, TheExampleOfTheFormatsPagePasses) {
    std::ifstream in(std::string(BP_LESSONS_DIR) + "/../../docs/LESSONS.md");
    const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string opening = "## A complete example\n\n````\n";
    const std::size_t begin = doc.find(opening);
    ASSERT_NE(begin, std::string::npos);
    const std::size_t end = doc.find("````\n", begin + opening.size());
    const LessonParse p = parse_lesson(doc.substr(begin + opening.size(), end - begin - opening.size()), "LESSONS.md");
    ASSERT_TRUE(p.ok()) << p.errors.front().text();
    const LessonCheck c = check_lesson(p.lesson, kResolver);
    for (const LessonError& e : c.errors) ADD_FAILURE() << e.text();
    EXPECT_EQ(counts_text(c.counts), "3 pages, 2 questions, 1 tasks");
    EXPECT_NE(doc.find("prints `3 pages, 2 questions, 1 tasks` for it"), std::string::npos);
}

// ---- [SECTION] answers against the notes' numbers, derived by hand ---------------------------------------

// Notes 004's exercise: x = (0.35, 0.9), W¹ = [[0.1, 0.8], [0.4, 0.6]], W² = [[0.3, 0.9]], sigmoid, no
// biases, t = 1.0, η = 1.
//   z¹₁ = 0.1·0.35 + 0.8·0.9 = 0.755,  z¹₂ = 0.4·0.35 + 0.6·0.9 = 0.68,  a¹ = σ(z¹) = (0.68027, 0.66374)
//   z²₁ = 0.3·a¹₁ + 0.9·a¹₂ = 0.80144,  a²₁ = σ(z²₁) = 0.69028,  C = ½(1 − a²₁)² = 0.047962
//   δ²₁ = (a²₁ − t)·a²₁(1 − a²₁) = −0.066215
//   δ¹₂ = w²₁₂·δ²₁·a¹₂(1 − a¹₂),  δ¹₁ = w²₁₁·δ²₁·a¹₁(1 − a¹₁)
//   ∂C/∂w²₁₂ = a¹₂·δ²₁,  ∂C/∂w¹₁₂ = a⁰₂·δ¹₁ = 0.9·δ¹₁,  w²₁₁ after = 0.3 − 1·a¹₁·δ²₁ = 0.34504
TEST(LessonAnswers, TheExerciseOfNotes004) {
    const Lesson l = built_in("notes-004-delta-recurrence");
    const double a11 = sigmoid(0.755), a12 = sigmoid(0.68);
    const double a2 = sigmoid(0.3 * a11 + 0.9 * a12);
    const double d2 = (a2 - 1.0) * a2 * (1 - a2);
    const double d11 = 0.3 * d2 * a11 * (1 - a11), d12 = 0.9 * d2 * a12 * (1 - a12);
    EXPECT_NEAR(answer(l, "The total input z", "z 1,1"), 0.68, 1e-15);
    EXPECT_NEAR(answer(l, "The output of a neuron: a = σ(z)", "a 2,0"), a2, 1e-15);
    EXPECT_NEAR(a2, 0.69028, 1e-5);
    EXPECT_NEAR(answer(l, "The cost", "loss"), 0.5 * (1 - a2) * (1 - a2), 1e-15);
    EXPECT_NEAR(answer(l, "δ of the output neuron", "delta 2,0"), d2, 1e-15);
    EXPECT_NEAR(d2, -0.066215, 1e-6);
    EXPECT_NEAR(answer(l, "A weight's gradient: a in, δ out", "dW 2,0,1"), a12 * d2, 1e-15);
    EXPECT_NEAR(answer(l, "δ travels back", "delta 1,1"), d12, 1e-15);
    EXPECT_NEAR(answer(l, "Every gradient of the exercise", "dW 1,0,1"), 0.9 * d11, 1e-15);
    EXPECT_NEAR(answer(l, "The update", "W_after 2,0,0"), 0.3 - a11 * d2, 1e-15);
    EXPECT_NEAR(0.3 - a11 * d2, 0.34504, 1e-5);
}

// Notes 000's linear model: w = (0.2, −0.1, 0.4), b = 0.1; sample 1 x = (1, 2, 0.5), y = 2; sample 2
// x = (0.5, −1, 2), y = 1.  ŷ₁ = 0.2 − 0.2 + 0.2 + 0.1 = 0.3, L = (2 − 0.3)² = 2.89, dL/dŷ = −2(2 − 0.3) = −3.4,
// ∂L/∂w₂ = −3.4·2 = −6.8.  In the batch of N = 2: ŷ₂ = 0.1 + 0.1 + 0.8 + 0.1 = 1.1, ∂L/∂ŷ₁ = (2/2)(0.3 − 2) =
// −1.7, ∂L/∂ŷ₂ = (2/2)(1.1 − 1) = 0.1, ∂L/∂w₁ = −1.7·1 + 0.1·0.5 = −1.65.
TEST(LessonAnswers, TheLinearModelOfNotes000) {
    const Lesson l = built_in("notes-000-linear-model");
    EXPECT_NEAR(answer(l, "A linear model", "z 1,0"), 0.3, 1e-15);
    EXPECT_NEAR(answer(l, "Squared error", "loss"), 2.89, 1e-14);
    EXPECT_NEAR(answer(l, "The loss's slope at the prediction", "delta 1,0"), -3.4, 1e-14);
    EXPECT_NEAR(answer(l, "Gradients keep the parameter's shape", "dW 1,0,1"), -6.8, 1e-14);
    EXPECT_NEAR(answer(l, "A batch of two: the 2/N", "delta 1,0"), -1.7, 1e-14);
    EXPECT_NEAR(answer(l, "The sum over the batch is in the product", "dW 1,0,0"), -1.65, 1e-14);
}

// Notes 001: e^(e^(x²)) at x = 0.5: h₂ = e^(0.25), dy/dx = e^(h₂)·e^(h₁)·2x.  1/e^(x²): ∂y/∂h₂ = −1/h₂² = −e^(−0.5),
// dy/dx = −2x/e^(x²).  The sigmoid chain (w₁, w₂, w₃, x) = (0.5, −1, 2, 1): h₁ = σ(0.5), h₂ = σ(−h₁), y = σ(2h₂);
// ∂L/∂w₃ = −(1 − y)h₂, ∂L/∂w₂ = −(1 − y)·w₃·h₂(1 − h₂)·h₁, ∂L/∂w₁ = −(1 − y)·w₃·h₂(1 − h₂)·w₂·h₁(1 − h₁)·x;
// w₁ after one step of η = 0.5 is w₁ − 0.5·∂L/∂w₁.  x·x + e^x: dy/dx = 2x + e^x.
TEST(LessonAnswers, TheChainRuleOfNotes001) {
    const Lesson l = built_in("notes-001-chain-rule");
    EXPECT_NEAR(answer(l, "y = e^(e^(x²)) as a chain", "value h2"), std::exp(0.25), 1e-15);
    EXPECT_NEAR(answer(l, "Backwards through the chain", "adjoint x"), std::exp(std::exp(0.25)) * std::exp(0.25), 1e-14);
    EXPECT_NEAR(answer(l, "y = 1/e^(x²)", "local y h2"), -std::exp(-0.5), 1e-15);
    EXPECT_NEAR(answer(l, "y = 1/e^(x²)", "adjoint x"), -1.0 / std::exp(0.25), 1e-15);
    const double h1 = sigmoid(0.5), h2 = sigmoid(-h1), y = sigmoid(2 * h2);
    const double d3 = -(1 - y), dw3 = d3 * h2, d2 = d3 * 2 * h2 * (1 - h2), dw2 = d2 * h1, dw1 = d2 * -1.0 * h1 * (1 - h1);
    EXPECT_NEAR(answer(l, "A chain of sigmoids, L = −log y", "adjoint w3"), dw3, 1e-15);
    EXPECT_NEAR(answer(l, "The same chain as a network", "dW 2,0,0"), dw2, 1e-15);
    EXPECT_NEAR(answer(l, "Learning follows the gradient", "W_after 1,0,0"), 0.5 - 0.5 * dw1, 1e-15);
    EXPECT_NEAR(answer(l, "More than one path: y = x·x + e^x", "adjoint x"), 1.0 + std::exp(0.5), 1e-15);
}

// Notes 002's ReLU regression: x = (1, −2), y = 1; W₁x + b₁ = (0.5 − 0.2 + 0.1, −0.3 − 0.8 + 0.2, 0.2 + 0.4 − 0.1)
// = (0.4, −0.9, 0.5), h = (0.4, 0, 0.5); f = 0.6·0.4 − 0.5·0 + 0.3·0.5 + 0.05 = 0.44; ∂L/∂f = f − y = −0.56;
// ∂L/∂W₂ row = (f − y)hᵀ, its third entry −0.28; δ of the third hidden unit = 0.3·(−0.56)·1 = −0.168.
TEST(LessonAnswers, TheReluNetworkOfNotes002) {
    const Lesson l = built_in("notes-002-matrix-rules");
    EXPECT_NEAR(answer(l, "Forward: h = ReLU(W₁x + b₁), f = W₂h + b₂", "a 2,0"), 0.44, 1e-15);
    EXPECT_NEAR(answer(l, "L = ½(y − f)² and ∂L/∂f = f − y", "delta 2,0"), -0.56, 1e-15);
    EXPECT_NEAR(answer(l, "The second layer: ∂L/∂W₂ = (f − y)hᵀ", "dW 2,0,2"), -0.28, 1e-15);
    EXPECT_NEAR(answer(l, "Down into the hidden layer, through the ReLU gate", "delta 1,2"), -0.168, 1e-15);
}

TEST(LessonAnswers, MarkedByTheDigitRuleWithTheMistakeNamed) {
    const Lesson l = built_in("notes-004-delta-recurrence");
    int page = 0;
    const Question& q = question(l, "δ of the output neuron", "delta 2,0", &page);
    const PageScene scene = build_scene(l, page, kResolver);
    EXPECT_TRUE(mark_question(q, scene, "-0.06621", Notation::per_neuron).correct());
    EXPECT_EQ(mark_question(q, scene, "-0.072", Notation::per_neuron).verdict, Verdict::wrong);
    EXPECT_EQ(mark_question(q, scene, "-0.07", Notation::per_neuron).verdict, Verdict::need_more_digits);  // one significant digit
    EXPECT_EQ(mark_question(q, scene, "-0.1", Notation::per_neuron).verdict, Verdict::need_more_digits);
    const QuestionMark forgot = mark_question(q, scene, "-0.3097", Notation::per_neuron);  // a − t without σ′(z)
    EXPECT_EQ(forgot.verdict, Verdict::wrong);
    EXPECT_EQ(forgot.label, "δ²₁");
    EXPECT_NE(forgot.diagnosis.find("You left out σ′(z²₁)"), std::string::npos) << forgot.diagnosis;
    // On a page in notes 003's notation the same mistake is told in its letters: ε, and f′ of a.
    const QuestionMark in_003 = mark_question(q, scene, "-0.3097", Notation::derivation);
    EXPECT_EQ(in_003.label, "ε₂¹");
    EXPECT_NE(in_003.diagnosis.find("You left out σ′(a₂¹)"), std::string::npos) << in_003.diagnosis;
    EXPECT_NE(in_003.diagnosis.find("ε₂ of an output neuron"), std::string::npos) << in_003.diagnosis;

    const Lesson chain = built_in("notes-001-chain-rule");
    const Question& paths = question(chain, "More than one path: y = x·x + e^x", "adjoint x", &page);
    const QuestionMark one_missing = mark_question(paths, build_scene(chain, page, kResolver), "2.149", Notation::per_neuron);  // x + e^x
    EXPECT_EQ(one_missing.verdict, Verdict::wrong);
    EXPECT_EQ(one_missing.label, "∂y/∂x");
    EXPECT_NE(one_missing.diagnosis.find("path"), std::string::npos) << one_missing.diagnosis;
    EXPECT_TRUE(choice_is_right(question(chain, "Can the sum over paths differ from the gradient?", ""), 0));
}

// ---- [SECTION] what a check finds, with its line ---------------------------------------------------------

class LessonChecks : public test::TempFolder {
protected:
    // The lesson's check errors as "line: message".
    std::vector<std::string> errors(const std::string& text) {
        const std::string file = path("lesson.md");
        std::ofstream(file) << text;
        const LessonCheck c = check_lesson_file(file, kResolver);
        std::vector<std::string> out;
        for (const LessonError& e : c.errors) out.push_back(std::to_string(e.line) + ": " + e.message);
        return out;
    }
    std::string only(const std::string& text) {
        const std::vector<std::string> e = errors(text);
        if (e.size() != 1) {
            std::string all;
            for (const std::string& s : e) all += "\n  " + s;
            ADD_FAILURE() << e.size() << " errors:" << all;
            return "";
        }
        return e.front();
    }
    // A lesson whose page 1 state is `state` (line 6 is its first key) followed by `blocks`.
    static std::string page(const std::string& state, const std::string& blocks = "") {
        return "# T\n\n## P\n\n```state\n" + state + "\n```\n\n" + blocks;
    }
};

TEST_F(LessonChecks, DocumentsThatDoNotExist) {
    const std::string missing_preset = only(page("preset: mazur-2-2-3"));
    EXPECT_EQ(missing_preset.substr(0, 56), "6: there is no preset 'mazur-2-2-3' (the presets: circle");
    EXPECT_NE(missing_preset.find("mazur-2-2-2"), std::string::npos);
    EXPECT_EQ(only(page("expression-preset: exp")).substr(0, 81),
              "6: there is no expression preset 'exp' (the expression presets: exp-exp-x-squared");
    EXPECT_EQ(only(page("file: nets/mine.json")), "6: the file " + path("nets/mine.json") + " does not exist");
    std::ofstream(path("broken.json")) << "{\"layers\": 3}";
    EXPECT_EQ(only(page("file: broken.json")).substr(0, 3 + path("broken.json").size()), "6: " + path("broken.json"));
    EXPECT_EQ(only(page("preset: sigmoid-chain\nat: x=1")), "7: at: gives the variables of expression: or expression-preset:");
    // A file beside the lesson, found relative to it.
    std::filesystem::copy_file(std::string(BP_PRESETS_DIR) + "/mazur-2-2-2.json", path("mine.json"));
    EXPECT_EQ(errors(page("file: mine.json\nstep: loss")).size(), 0u);
}

TEST_F(LessonChecks, KeysThatDoNotFitTheDocument) {
    EXPECT_EQ(only(page("expression-preset: multi-path\ntrain: 3")), "7: train: is for a network; this page shows an expression");
    EXPECT_EQ(only(page("expression-preset: multi-path\nstep: z 1,0")),
              "7: step: z 1,0 is an event of a network's pass; an expression's are value NODE and adjoint NODE");
    EXPECT_EQ(only(page("preset: mazur-2-2-2\nselect: node x")),
              "7: select: node … is for an expression; a network selects w l,j,k, b l,j or n l,j");
    EXPECT_EQ(only(page("preset: mazur-2-2-2\nset: x = 1")), "7: set: x = …: a network page sets a weight (w l,j,k = X) or a bias (b l,j = X)");
    EXPECT_EQ(only(page("preset: mazur-2-2-2\nsample: 1")), "7: sample: 1 is past the last sample of the data (0)");
}

TEST_F(LessonChecks, EventsThatThePassDoesNotHave) {
    EXPECT_EQ(only(page("preset: mazur-2-2-2\nstep: delta 3,0")),
              "7: step: the pass has no event 'delta 3,0': layer 3 is past the last layer (2)");
    EXPECT_EQ(only(page("preset: mazur-2-2-2\nstep: z 1,2")),
              "7: step: the pass has no event 'z 1,2': neuron 2 is past the last neuron of layer 1 (1)");
    EXPECT_EQ(only(page("preset: mazur-2-2-2\nstep: update b 1,0")), "7: step: the pass has no event 'update b 1,0': the file freezes the biases");
    EXPECT_EQ(only(page("preset: sigmoid-2-2-1\nstep: db 1,0")), "7: step: the pass has no event 'db 1,0': layer 1 has no bias");
    EXPECT_EQ(only(page("preset: mazur-2-2-2\nstep: output_delta 1,0")), "7: step: layer 1 is hidden: its δ is hidden_delta (or write delta 1,0)");
    EXPECT_EQ(only(page("preset: mazur-2-2-2\nstep: a 0,0")), "7: step: a⁰ is the input: it is known from the start (step: start)");
    EXPECT_EQ(only(page("expression-preset: multi-path\nstep: value x")),
              "7: step: the value of x is known from the start (a variable or a constant): no event computes it");
    EXPECT_EQ(only(page("expression-preset: multi-path\nstep: adjoint h9")), "7: step: the expression has no node 'h9'");
}

TEST_F(LessonChecks, SelectionsAndPinnedPaths) {
    EXPECT_EQ(only(page("preset: mazur-2-2-2\nselect: w 2,0,2")),
              "7: select: w 2,0,2: weight source k = 2 does not exist: layer 1 has 2 neurons");
    EXPECT_EQ(only(page("preset: sigmoid-2-2-1\nselect: b 1,0")), "7: select: b 1,0: layer 1 has no bias");
    EXPECT_EQ(only(page("preset: mazur-2-2-2\nselect: n 3,0")), "7: select: n 3,0: layer 3 is past the last layer (2)");
    EXPECT_EQ(only(page("expression-preset: multi-path\nselect: node q")), "7: select: the expression has no node 'q'");
    EXPECT_EQ(only(page("preset: mazur-2-2-2\nselect: w 1,0,0\npin-path: 3")), "8: pin-path: 3 is past the paths of w 1,0,0 (2 rows)");
    EXPECT_EQ(only(page("preset: mazur-2-2-2\nselect: n 1,0\npin-path: 1")),
              "8: pin-path: pins a path of a weight or a bias: select one (select: w 2,0,0)");
    EXPECT_EQ(only(page("expression-preset: multi-path\nselect: node x\npin-path: 4")), "8: pin-path: 4 is past the paths of node x (3 rows)");
}

TEST_F(LessonChecks, EditsAndTraining) {
    EXPECT_EQ(only(page("preset: mazur-2-2-2\nset: w 3,0,0 = 1")), "7: weight layer 3 does not exist (layers with parameters are 1..2)");
    EXPECT_EQ(only(page("preset: linear-regression\nsample: all\nlr: 5\ntrain: 1000")),
              "9: train: training diverged at step 102 (learning rate 5)");
    EXPECT_EQ(errors(page("preset: linear-regression\nsample: all\nlr: 0.05\ntrain: 100")).size(), 0u);
}

TEST_F(LessonChecks, QuestionsThatCannotBeComputed) {
    EXPECT_EQ(only(page("preset: mazur-2-2-2", "```question\nask: delta 3,0\n```\n")), "10: ask: delta 3,0: layer 3 is past the last layer (2)");
    EXPECT_EQ(only(page("preset: mazur-2-2-2", "```question\nask: dW 0,0,0\n```\n")),
              "10: ask: dW 0,0,0: layer 0 is the input layer: it has no dW (no weights or biases)");
    EXPECT_EQ(only(page("preset: mazur-2-2-2", "```question\nask: value h1\n```\n")),
              "10: ask: value h1: asks about an expression; this page shows a network");
    EXPECT_EQ(only(page("expression-preset: multi-path", "```question\nask: adjoint q\n```\n")),
              "10: ask: adjoint q: the expression has no node 'q'");
    EXPECT_EQ(only(page("expression-preset: one-over-exp-x-squared", "```question\nask: local h1 h2\n```\n")),
              "10: ask: local h1 h2: h2 is not an input of h1");
    EXPECT_EQ(only(page("preset: mazur-2-2-2", "```question\nask: a 1,0\nsample: 3\n```\n")),
              "10: ask: sample 3 is past the last sample of the data (0)");
}

TEST_F(LessonChecks, TasksMustBeOpenAtTheStartAndDoneByTheirDemonstration) {
    const std::string task = "```task\ngoal: g\nhint: h\nshow: s\n";
    EXPECT_EQ(only(page("preset: mazur-2-2-2", task + "when: loss < 0.25\n```\n")),
              "13: when: 'loss' is not a quantity of this page's network (the names: L, z2_0, a2_0, delta2_0, w2_0_1, b2_0, "
              "dW2_0_1, db2_0, y_0, lr, steps_done, diverged; indices from 0)");
    EXPECT_EQ(only(page("preset: mazur-2-2-2", task + "when: w2_2_0 < 0.25\n```\n")),
              "13: when: 'w2_2_0' is not a quantity of this page's network (indices count from 0, as in files: the first w is "
              "w1_0_0)");
    EXPECT_EQ(only(page("preset: mazur-2-2-2", task + "when: L < 0.3\n```\n")),
              "13: when: the task is done before the student moves (L = 0.2984 already meets L < 0.3)");
    EXPECT_EQ(only(page("preset: mazur-2-2-2", task + "when: L < 0.25\ndo: set w 2,0,0 = 0.3\n```\n")),
              "14: do: does not reach the goal: after it L = 0.2901, and the task wants L < 0.25");
    EXPECT_EQ(only(page("preset: mazur-2-2-2", task + "when: log(L - 1) > 0\n```\n")).substr(0, 70),
              "13: when: cannot be evaluated on this page: log of a non-positive numb");
    EXPECT_EQ(only(page("preset: mazur-2-2-2", task + "when: L < 0.25\ndo: set w 2,0,9 = 0\n```\n")),
              "14: do: weight source k = 9 does not exist: layer 1 has 2 neurons");
    EXPECT_EQ(errors(page("expression-preset: multi-path", task + "when: adjoint_x < 2\ndo: set x = 0\n```\n")).size(), 0u);
    // Training tasks: steps since the page opened, and a divergence.
    EXPECT_EQ(errors(page("preset: mazur-2-2-2", task + "when: steps_done >= 50 and L < 0.1\ndo: train 50\n```\n")).size(), 0u);
    EXPECT_EQ(errors(page("preset: linear-regression\nsample: all", task + "when: diverged\ndo: lr 1\ndo: train 500\n```\n")).size(), 0u);
    EXPECT_EQ(only(page("preset: linear-regression\nsample: all", task + "when: diverged\ndo: lr 0.05\ndo: train 500\n```\n")),
              "15: do: does not reach the goal: after it diverged = 0, and the task wants diverged");
}

TEST_F(LessonChecks, APageWithoutStateKeepsTheOneBeforeAndSameKeepsTheDocument) {
    const std::string text = page("preset: mazur-2-2-2\nset: w 2,0,0 = 0.1\nstep: loss\nselect: n 2,0") +
                             "## Text only\n\nMore words.\n\n## Same\n\n```state\ndocument: same\nstep: end\n```\n";
    std::ofstream(path("l.md")) << text;
    const Lesson l = load_lesson(path("l.md"));
    const PageState kept = effective_state(l, 1);
    EXPECT_EQ(kept.document.name, "mazur-2-2-2");
    EXPECT_EQ(kept.edits.size(), 1u);
    EXPECT_EQ(kept.step.kind, EventKind::loss);
    const PageState same = effective_state(l, 2);
    EXPECT_EQ(same.document.kind, DocumentKind::preset);
    EXPECT_EQ(same.document.name, "mazur-2-2-2");
    EXPECT_TRUE(same.edits.empty());  // the document, not the first page's edits
    EXPECT_EQ(same.step.where, StepTarget::Where::end);
    EXPECT_EQ(build_scene(l, 1, kResolver).document.network.net.layers[2].W(0, 0), 0.1);
    EXPECT_EQ(build_scene(l, 2, kResolver).document.network.net.layers[2].W(0, 0), 0.4);
    EXPECT_THROW(effective_state(l, 3), Error);
    EXPECT_EQ(document_path({DocumentKind::preset, "mazur-2-2-2", {}}, path("l.md"), kResolver),
              std::string(BP_PRESETS_DIR) + "/mazur-2-2-2.json");
    EXPECT_EQ(document_path({DocumentKind::file, "../x.json", {}}, "/a/b/l.md", kResolver), "/a/x.json");
}

TEST_F(LessonChecks, EveryPageIsCheckedAndEachErrorReportedOnce) {
    // Page 1 fails; page 2 keeps its state (no second report); page 3 has its own error.
    const std::string text = page("preset: nothing-here") + "## Two\n\nText.\n\n## Three\n\n```state\npreset: mazur-2-2-2\nstep: z 9,9\n```\n";
    const std::vector<std::string> e = errors(text);
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e[0].substr(0, 36), "6: there is no preset 'nothing-here'");
    EXPECT_EQ(e[1].substr(0, 37), "17: step: the pass has no event 'z 9,");
}

// ---- [SECTION] progress --------------------------------------------------------------------------------

class LessonProgressBook : public test::TempFolder {};

TEST_F(LessonProgressBook, KeptBetweenRunsAndReconciledWithTheLesson) {
    Lesson l = built_in("notes-004-delta-recurrence");
    ProgressBook book;
    LessonProgress p = progress_for(book, l);
    ASSERT_EQ(p.pages.size(), l.pages.size());
    EXPECT_EQ(p.pages_seen(), 0);
    p.pages[0].seen = p.pages[1].seen = true;
    p.pages[1].questions_right.insert(0);
    p.pages[9].tasks_done.insert(0);
    record_progress(book, l, p);
    save_progress(path("lessons.json"), book);
    std::string problem;
    const ProgressBook loaded = load_progress(path("lessons.json"), &problem);
    EXPECT_EQ(problem, "");
    const LessonProgress again = progress_for(loaded, l);
    EXPECT_EQ(again.pages_seen(), 2);
    EXPECT_EQ(again.questions_right(), 1);
    EXPECT_EQ(again.tasks_done(), 1);
    EXPECT_EQ(again.pages[1].title, "The total input z");

    // The lesson changed: a page renamed loses its progress, and a question past a page's count is dropped.
    l.pages[1].title = "Renamed";
    l.pages[9].tasks.clear();
    const LessonProgress reconciled = progress_for(loaded, l);
    EXPECT_EQ(reconciled.pages_seen(), 1);
    EXPECT_EQ(reconciled.questions_right(), 0);
    EXPECT_EQ(reconciled.tasks_done(), 0);
}

TEST_F(LessonProgressBook, ADamagedFileGivesAnEmptyBookAndTheReason) {
    std::string problem;
    EXPECT_TRUE(load_progress(path("none.json"), &problem).empty());
    EXPECT_EQ(problem, "");
    std::ofstream(path("bad.json")) << "{\"lessons\": {\"T\": {\"pages\": [{\"seen\": 3}]}}}";
    EXPECT_TRUE(load_progress(path("bad.json"), &problem).empty());
    EXPECT_EQ(problem, path("bad.json") + ": lessons[\"T\"].pages[0].seen is a number, expected true or false");
    std::ofstream(path("text.json")) << "not json";
    EXPECT_TRUE(load_progress(path("text.json"), &problem).empty());
    EXPECT_EQ(problem.rfind(path("text.json") + ": not valid JSON", 0), 0u) << problem;
    EXPECT_THROW(progress_from_json(nlohmann::json::parse(R"({"lessons": {"T": {"pages": [{"tasks_done": [-1]}]}}})")), Error);
}

}  // namespace
}  // namespace bp
