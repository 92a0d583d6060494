// The lesson panel without a window (handlers/lesson.h): entering a page sets the state the page names —
// the same document, step, selection, pinned path and views page_scene builds headless; a task completes
// when its condition holds on screen (a dragged weight, "show me how"); questions are marked from the
// state on screen; a malformed lesson is refused with its lines and the document stays; opening over
// unsaved work asks first; R brings the page back; progress round-trips through its file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/lesson.h"
#include "engine/lessons/lesson_questions.h"
#include "engine/lessons/page_scene.h"
#include "engine/teaching/notation.h"
#include "tests/studio/pass_helpers.h"

using namespace studio;
using namespace studio::test;
namespace fs = std::filesystem;

namespace {

// docs/LESSONS.md's complete example: 3 pages (the second keeps the first's state), 2 questions, 1 task.
const char* kExample = R"(# Notes 004: one step of the δ recurrence

The backward pass one neuron at a time.

## δ of the output neuron

Compute $\delta^L_j$ for the output neuron.

```state
preset: sigmoid-2-2-1
step: loss
select: n 2,0
neurons: delta
```

```question
ask: delta 2,0
hint: (a²₁ − t) · a²₁(1 − a²₁)
```

## Back to the hidden layer

This page only adds text.

```question
prompt: Which weights does δ¹₁ collect along?
choose: * those leaving hidden neuron 1
choose: those entering hidden neuron 1
```

## When δ vanishes

```state
document: same
step: delta 2,0
select: w 2,0,1
hide: loss
edges: grad
```

```task
goal: Drag w²₁₂ until |δ²₁| < 0.01.
when: abs(delta2_0) < 0.01
hint: The sigmoid saturates when z²₁ passes about 2.1.
show: Sets w²₁₂ = 3.
do: set w 2,0,1 = 3
```
)";

struct LessonPanel : ::testing::Test {
    fs::path dir;
    std::string lesson_path, book_path;
    void SetUp() override {
        dir = fs::temp_directory_path() / ("bp-lesson-panel-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir);
        lesson_path = write("example.md", kExample);
        book_path = (dir / "data" / "lessons.json").string();
    }
    void TearDown() override { fs::remove_all(dir); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name) << text;
        return (dir / name).string();
    }
    static void send(AppState& s, const LessonCommand& c) { apply(s, act::Lesson{c}); }
    AppState opened(int page = 0) const {
        AppState s = example();
        attach_lesson_progress(s, book_path);
        send(s, lesson_cmd::Open{lesson_path, page});
        return s;
    }
};

TEST_F(LessonPanel, EnteringAPageSetsTheStateItNames) {
    AppState s = opened();
    ASSERT_TRUE(s.lesson.lesson);
    EXPECT_EQ(s.lesson.page, 0);
    EXPECT_TRUE(s.files.error_title.empty()) << s.files.error_text;
    const bp::Lesson lesson = bp::load_lesson(lesson_path);
    const bp::PageScene scene = bp::build_scene(lesson, 0, bp::installed_resolver());
    EXPECT_EQ(s.title, "sigmoid-2-2-1 · lesson");
    EXPECT_TRUE(s.file_path.empty());  // untitled: saving asks for a name, the preset is never overwritten
    EXPECT_FALSE(is_modified(s));
    EXPECT_EQ(s.stepper->cursor(), scene.stepper->cursor());
    EXPECT_EQ(s.stepper->current()->kind, bp::EventKind::loss);
    EXPECT_EQ(s.selection, Selection::neuron(2, 0));
    EXPECT_EQ(s.settings.neuron_value, NeuronValue::delta);
    EXPECT_TRUE(s.settings.show_loss);
    EXPECT_EQ(s.doc.net.layers[2].W(0, 1), scene.document.network.net.layers[2].W(0, 1));

    // The third page: the same document afresh, another event, selection, view and a hidden panel.
    send(s, lesson_cmd::GoTo{2});
    const bp::PageScene third = bp::build_scene(lesson, 2, bp::installed_resolver());
    EXPECT_EQ(s.lesson.page, 2);
    EXPECT_EQ(s.stepper->cursor(), third.stepper->cursor());
    EXPECT_EQ(s.selection, Selection::weight(2, 0, 1));
    EXPECT_EQ(s.settings.edge_value, EdgeValue::gradient);
    EXPECT_EQ(s.settings.neuron_value, NeuronValue::follow_pass);  // not named: the default
    EXPECT_FALSE(s.settings.show_loss);
    ASSERT_EQ(s.lesson.tasks.size(), 1u);
    EXPECT_FALSE(s.lesson.tasks[0].done);
}

TEST_F(LessonPanel, APageWithoutStateKeepsTheOneBefore) {
    AppState s = opened();
    apply(s, act::StepForward{2});
    send(s, lesson_cmd::GoTo{1});
    EXPECT_EQ(s.lesson.page, 1);
    EXPECT_EQ(s.stepper->cursor(), bp::build_scene(bp::load_lesson(lesson_path), 0, bp::installed_resolver()).stepper->cursor());
    EXPECT_EQ(s.selection, Selection::neuron(2, 0));
}

TEST_F(LessonPanel, PinnedPathAndTabOfTheTour) {
    std::string why;
    const std::string tour = find_lesson("first-steps", &why);
    ASSERT_FALSE(tour.empty()) << why;
    AppState s = example();
    send(s, lesson_cmd::Open{tour, 6});  // "Every path from a weight to the loss"
    ASSERT_TRUE(s.lesson.lesson) << s.files.error_text;
    EXPECT_EQ(s.selection, Selection::weight(1, 0, 0));
    EXPECT_EQ(s.path_pin, (PathPin{Selection::weight(1, 0, 0), 0}));
    EXPECT_EQ(s.side_tab, "paths");
    EXPECT_EQ(s.stepper->cursor(), s.stepper->size());
    EXPECT_TRUE(find_lesson("no-such-lesson", &why).empty());
    EXPECT_NE(why.find("first-steps"), std::string::npos) << why;
}

TEST_F(LessonPanel, APageSetsTheNotationItsTextIsWrittenIn) {
    std::string why;
    const std::string derivation = find_lesson("notes-003-fc-recurrences", &why);
    ASSERT_FALSE(derivation.empty()) << why;
    AppState s = example();
    Settings t = s.settings;
    t.notation = bp::Notation::vector;  // the student's own choice before the lesson
    apply(s, act::SetSettings{t});
    send(s, lesson_cmd::Open{derivation, 1});
    ASSERT_TRUE(s.lesson.lesson) << s.files.error_text;
    EXPECT_EQ(s.settings.notation, bp::Notation::derivation);  // notes 003's letters: z and a swapped
    send(s, lesson_cmd::Open{lesson_path, 0});  // a page that names none is written per neuron
    EXPECT_EQ(s.settings.notation, bp::Notation::per_neuron);
}

TEST_F(LessonPanel, AnExpressionPageOpensThroughTheExpressionView) {
    std::string why;
    const std::string path = find_lesson("notes-001-chain-rule", &why);
    ASSERT_FALSE(path.empty()) << why;
    const bp::Lesson lesson = bp::load_lesson(path);
    AppState s = example();
    send(s, lesson_cmd::Open{path, 3});  // "Where is the slope flat?": select node x, pin-path 1, a task
    ASSERT_TRUE(s.lesson.lesson) << s.files.error_text;
    ASSERT_TRUE(s.expression);
    const bp::PageScene scene = bp::build_scene(lesson, 3, bp::installed_resolver());
    EXPECT_EQ(s.expression->stepper.cursor(), scene.graph->cursor());
    EXPECT_EQ(s.expression->selected, scene.selected_node);
    EXPECT_FALSE(s.expression->pinned_nodes.empty());
    EXPECT_EQ(s.side_tab, "expression");
    send(s, lesson_cmd::Tick{});
    EXPECT_FALSE(s.lesson.tasks[0].done);
    send(s, lesson_cmd::ShowMe{0});  // do: set x = 0, through the expression's own undoable edit
    EXPECT_EQ(s.expression->doc.variables.at("x"), 0.0);
    EXPECT_TRUE(s.lesson.tasks[0].done);
    // A value question on an expression (page 2: ask: value h2), marked from the expression on screen.
    send(s, lesson_cmd::GoTo{1});
    const bp::PageScene second = bp::build_scene(lesson, 1, bp::installed_resolver());
    char right[32];
    std::snprintf(right, sizeof right, "%.6f", bp::question_answer(lesson.pages[1].questions[0], second));
    send(s, lesson_cmd::Answer{0, right});
    EXPECT_TRUE(s.lesson.answers[0].right) << s.lesson.answers[0].diagnosis;
    send(s, lesson_cmd::Answer{0, "12345"});
    EXPECT_FALSE(s.lesson.answers[0].right);
    // Back to a network page: the expression goes.
    send(s, lesson_cmd::GoTo{0});
    EXPECT_FALSE(s.expression);
}

TEST_F(LessonPanel, ATaskCompletesWhenItsConditionHoldsOnScreen) {
    AppState s = opened(2);
    send(s, lesson_cmd::Tick{});
    EXPECT_FALSE(s.lesson.tasks[0].done);
    apply(s, act::EditParameter{Selection::weight(2, 0, 1), 1.0});  // not far enough
    send(s, lesson_cmd::Tick{});
    EXPECT_FALSE(s.lesson.tasks[0].done);
    apply(s, act::BeginGesture{});
    apply(s, act::EditParameter{Selection::weight(2, 0, 1), 3.5});  // the drag: δ²₁ saturates
    apply(s, act::EndGesture{});
    send(s, lesson_cmd::Tick{});
    EXPECT_TRUE(s.lesson.tasks[0].done);
    EXPECT_EQ(s.lesson.progress.tasks_done(), 1);
    EXPECT_NE(s.status.find("Task done"), std::string::npos) << s.status;
}

TEST_F(LessonPanel, ShowMeHowDoesTheTaskThroughTheUndoableEdits) {
    AppState s = opened(2);
    send(s, lesson_cmd::Hint{0});
    EXPECT_TRUE(s.lesson.tasks[0].hint_shown);
    send(s, lesson_cmd::ShowMe{0});
    EXPECT_EQ(s.doc.net.layers[2].W(0, 1), 3.0);
    EXPECT_TRUE(s.lesson.tasks[0].done);
    EXPECT_FALSE(s.undo.empty());  // Ctrl+Z takes it back
}

TEST_F(LessonPanel, QuestionsAreMarkedFromTheStateOnScreen) {
    AppState s = opened();
    const bp::Lesson lesson = bp::load_lesson(lesson_path);
    const double delta = bp::question_answer(lesson.pages[0].questions[0], bp::build_scene(lesson, 0, bp::installed_resolver()));
    send(s, lesson_cmd::Answer{0, bp::format_number(delta * 1.5)});
    EXPECT_TRUE(s.lesson.answers[0].answered);
    EXPECT_FALSE(s.lesson.answers[0].right);
    EXPECT_EQ(s.lesson.progress.questions_right(), 0);
    char right[32];
    std::snprintf(right, sizeof right, "%.6f", delta);
    send(s, lesson_cmd::Answer{0, right});
    EXPECT_TRUE(s.lesson.answers[0].right) << s.lesson.answers[0].diagnosis;
    EXPECT_EQ(s.lesson.answers[0].label, "δ²₁");
    EXPECT_EQ(s.lesson.progress.questions_right(), 1);
    // The student changed a weight: the right answer is the new state's, not the page's.
    apply(s, act::EditParameter{Selection::weight(2, 0, 1), 2.0});
    send(s, lesson_cmd::Answer{0, right});
    EXPECT_FALSE(s.lesson.answers[0].right);
    // A choice question.
    send(s, lesson_cmd::GoTo{1});
    send(s, lesson_cmd::Choose{0, 1});
    EXPECT_FALSE(s.lesson.answers[0].right);
    send(s, lesson_cmd::Choose{0, 0});
    EXPECT_TRUE(s.lesson.answers[0].right);
    EXPECT_EQ(s.lesson.progress.questions_right(), 2);
}

TEST_F(LessonPanel, ReturnToThePageUndoesTheExploring) {
    AppState s = opened(2);
    const int cursor = s.stepper->cursor();
    const double w = s.doc.net.layers[2].W(0, 1);
    apply(s, act::EditParameter{Selection::weight(2, 0, 1), -4.0});
    apply(s, act::RunPass{});
    apply(s, act::Select{Selection::neuron(1, 1)});
    send(s, lesson_cmd::ReturnToPage{});
    EXPECT_EQ(s.stepper->cursor(), cursor);
    EXPECT_EQ(s.doc.net.layers[2].W(0, 1), w);
    EXPECT_EQ(s.selection, Selection::weight(2, 0, 1));
    EXPECT_FALSE(is_modified(s));
}

TEST_F(LessonPanel, AMalformedLessonIsRefusedWithItsLinesAndTheDocumentStays) {
    AppState s = example();
    apply(s, act::EditParameter{Selection::weight(1, 0, 0), 0.5});
    const std::uint64_t revision = s.revision;
    const std::string bad = write("bad.md", "# Broken\n\n## A page\n\n```state\npreset: mazur-2-2-2\nstep: nowhere 1\nbogus: 3\n```\n");
    send(s, lesson_cmd::Open{bad, 0});
    EXPECT_FALSE(s.lesson.lesson);
    EXPECT_EQ(s.revision, revision);
    EXPECT_TRUE(is_modified(s));
    EXPECT_EQ(s.files.pending, Pending::none);  // refused before the unsaved-changes question
    EXPECT_NE(s.files.error_title.find("bad.md"), std::string::npos);
    EXPECT_NE(s.files.error_text.find(bad + ":7"), std::string::npos) << s.files.error_text;
    EXPECT_NE(s.files.error_text.find(bad + ":8"), std::string::npos) << s.files.error_text;
    // A lesson that reads but whose preset does not exist: refused the same way.
    const std::string missing = write("missing.md", "# Missing\n\n## A page\n\n```state\npreset: no-such-preset\n```\n");
    send(s, lesson_cmd::Open{missing, 0});
    EXPECT_FALSE(s.lesson.lesson);
    EXPECT_NE(s.files.error_text.find("no-such-preset"), std::string::npos) << s.files.error_text;
    EXPECT_EQ(s.revision, revision);
}

TEST_F(LessonPanel, OpeningOverUnsavedWorkAsksFirst) {
    AppState s = example();
    apply(s, act::EditParameter{Selection::weight(1, 0, 0), 0.5});
    send(s, lesson_cmd::Open{lesson_path, 0});
    EXPECT_FALSE(s.lesson.lesson);
    EXPECT_EQ(s.files.pending, Pending::open_lesson);
    apply(s, act::Files{files_cmd::AnswerPending{files_cmd::Answer::cancel}});
    EXPECT_FALSE(s.lesson.lesson);
    EXPECT_TRUE(is_modified(s));
    send(s, lesson_cmd::Open{lesson_path, 2});
    apply(s, act::Files{files_cmd::AnswerPending{files_cmd::Answer::discard}});
    ASSERT_TRUE(s.lesson.lesson);
    EXPECT_EQ(s.lesson.page, 2);
    // Inside the lesson, the student's exploring of a page's document is not asked about.
    apply(s, act::EditParameter{Selection::weight(2, 0, 1), 0.5});
    send(s, lesson_cmd::GoTo{0});
    EXPECT_EQ(s.files.pending, Pending::none);
    EXPECT_EQ(s.lesson.page, 0);
}

TEST_F(LessonPanel, ProgressRoundTripsThroughItsFile) {
    {
        AppState s = opened();
        char right[32];
        const bp::Lesson lesson = bp::load_lesson(lesson_path);
        std::snprintf(right, sizeof right, "%.6f",
                      bp::question_answer(lesson.pages[0].questions[0], bp::build_scene(lesson, 0, bp::installed_resolver())));
        send(s, lesson_cmd::Answer{0, right});
        send(s, lesson_cmd::GoTo{2});
        send(s, lesson_cmd::ShowMe{0});
    }
    ASSERT_TRUE(fs::exists(book_path));
    AppState s = opened();
    EXPECT_EQ(s.lesson.progress.pages_seen(), 2);
    EXPECT_EQ(s.lesson.progress.questions_right(), 1);
    EXPECT_EQ(s.lesson.progress.tasks_done(), 1);
    send(s, lesson_cmd::GoTo{2});
    EXPECT_TRUE(s.lesson.tasks[0].done);  // done before: shown done
    // The Lessons window lists the program's lessons with their sizes.
    send(s, lesson_cmd::ShowLibrary{true});
    EXPECT_TRUE(s.lesson.library_open);
    ASSERT_GE(s.lesson.library.size(), 6u);
    for (const LessonEntry& e : s.lesson.library) {
        EXPECT_TRUE(e.error.empty()) << e.error;
        EXPECT_GE(e.pages, 8) << e.info.title;
    }
}

TEST_F(LessonPanel, ADamagedBookStartsAfreshAndSaysSo) {
    fs::create_directories(fs::path(book_path).parent_path());
    write("data/lessons.json", "{ not json");
    AppState s = example();
    attach_lesson_progress(s, book_path);
    EXPECT_TRUE(s.status_is_error);
    EXPECT_TRUE(s.lesson.book.empty());
}

}  // namespace
