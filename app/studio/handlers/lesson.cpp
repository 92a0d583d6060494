// The lesson panel's work (see lesson.h).
//
// A page is entered in two halves: engine/lessons/page_scene.h builds the page's whole state headless
// (the same function `backprop-cli lesson check` uses, so a page that checks is a page that opens), and
// only when that succeeded is it carried into the window — a network through replace_document (the one
// door for a new document), an expression through open_expression (expression.h), then the sample, the step, the selection, the pinned path, the views and
// the tab through apply(), as a user would set them. This handler is a client of apply() for those, like
// program/startup.cpp; the document edits of "show me how" go through apply() too, so they are undoable.
//
// [SECTION] the progress book
// [SECTION] entering a page
// [SECTION] answers, tasks, "show me how"
// [SECTION] the commands
#include "app/studio/handlers/lesson.h"

#include <filesystem>
#include <system_error>

#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/document.h"
#include "app/studio/handlers/expression.h"
#include "app/studio/handlers/files.h"
#include "engine/graph/graph_paths.h"
#include "engine/graph/graph_quiz.h"
#include "engine/homework/homework.h"
#include "engine/lessons/lesson_context.h"
#include "engine/lessons/lesson_questions.h"
#include "engine/lessons/page_scene.h"

namespace studio {
namespace fs = std::filesystem;

namespace lesson_handler {

const bp::LessonPage& page_of(const LessonState& L) { return L.lesson->pages[static_cast<std::size_t>(L.page)]; }

std::string error_list(const std::vector<bp::LessonError>& errors) {
    std::string out;
    for (const bp::LessonError& e : errors) out += (out.empty() ? "" : "\n") + e.text();
    return out;
}

// ---- [SECTION] the progress book ----

// The open lesson's progress into the book, and the book onto the disk (atomically) when it is kept.
void save_book(AppState& s) {
    LessonState& L = s.lesson;
    if (!L.lesson) return;
    bp::record_progress(L.book, *L.lesson, L.progress);
    if (L.progress_path.empty()) return;
    try {
        std::error_code ec;
        fs::create_directories(fs::path(L.progress_path).parent_path(), ec);
        bp::save_progress(L.progress_path, L.book);
    } catch (const bp::Error& e) {
        set_status(s, std::string("Lesson progress not saved: ") + e.what(), true);
    }
}

bp::PageProgress& page_progress(LessonState& L) { return L.progress.pages[static_cast<std::size_t>(L.page)]; }

// ---- [SECTION] entering a page ----

NeuronValue neuron_value(bp::NeuronShows n) {
    switch (n) {
        case bp::NeuronShows::z: return NeuronValue::z;
        case bp::NeuronShows::a: return NeuronValue::a;
        case bp::NeuronShows::delta: return NeuronValue::delta;
        case bp::NeuronShows::automatic: return NeuronValue::follow_pass;
    }
    return NeuronValue::follow_pass;
}

Selection selection_of(const std::optional<bp::SelectTarget>& t) {
    if (!t) return {};
    switch (t->kind) {
        case bp::SelectTarget::Kind::weight: return Selection::weight(t->l, t->j, t->k);
        case bp::SelectTarget::Kind::bias: return Selection::bias(t->l, t->j);
        case bp::SelectTarget::Kind::neuron: return Selection::neuron(t->l, t->j);
        case bp::SelectTarget::Kind::node: return {};
    }
    return {};
}

// The title the page's document shows in the menu bar: the preset's or file's name, "· lesson".
std::string document_title(const bp::PageState& st) {
    const std::string name = st.document.kind == bp::DocumentKind::file ? fs::path(st.document.name).stem().string() : st.document.name;
    return name + " · lesson";
}

// The document on screen is one a page of the open lesson opened (the student's exploring of it is not
// work to save; any other document is).
bool lesson_document_shown(const AppState& s) {
    const LessonState& L = s.lesson;
    return L.lesson && s.file_path.empty() && s.title == document_title(bp::effective_state(*L.lesson, L.page));
}

// An expression page through the expression view's one entry point (handlers/expression.h): the document
// as the page's edits left it, the step, the selected node (a variable's paths listed), the pinned path.
std::string enter_expression(AppState& s, const bp::PageState& st, const bp::PageScene& scene) {
    if (std::string why = open_expression(s, scene.document.expression, "", document_title(st)); !why.empty()) return why;
    expression_seek(s, scene.graph->cursor());
    if (scene.selected_node >= 0) apply(s, act::Expression{expr_cmd::SelectNode{scene.selected_node}});
    if (scene.selected_node >= 0 && scene.pinned_path > 0) {
        const bp::GraphStepper& g = s.expression->stepper;
        const bp::GraphPathListing paths = bp::enumerate_graph_paths(g.graph(), g.pass(), scene.selected_node);
        if (scene.pinned_path <= static_cast<int>(paths.paths.size())) {
            const bp::GraphPath& p = paths.paths[static_cast<std::size_t>(scene.pinned_path - 1)];
            apply(s, act::Expression{expr_cmd::ShowPathsOf{scene.selected_node}});
            apply(s, act::Expression{expr_cmd::PinPath{p.nodes, p.slots}});
        }
    }
    Settings t = s.settings;
    t.show_side = !st.hide_side;
    t.show_loss = !st.hide_loss;
    apply(s, act::SetSettings{t});
    // An expression's side panel has Expression, Paths and Quiz: the Inspector's place is the Expression tab.
    const bool own_tab = st.tab == bp::SideTab::paths || st.tab == bp::SideTab::quiz;
    apply(s, act::ShowTab{own_tab ? std::string(bp::to_string(st.tab)) : "expression"});
    return "";
}

// Carries the scene of page `page` into the window. Returns "" or why not (nothing changed then).
std::string enter_page(AppState& s, int page, bp::PageScene scene) {
    LessonState& L = s.lesson;
    const bp::PageState st = bp::effective_state(*L.lesson, page);
    if (scene.document.is_network()) {
        bp::Document doc = std::move(scene.document.network);
        doc.training = scene.config;  // the page's learning rate
        if (std::string why = replace_document(s, std::move(doc), "", document_title(st)); !why.empty()) return why;
        apply(s, act::SetSample{scene.sample});
        apply(s, act::Seek{scene.stepper->cursor()});
        const Selection sel = selection_of(scene.selection);
        apply(s, act::Select{sel});
        apply(s, act::PinPath{PathPin{sel, scene.pinned_path - 1}});
        Settings t = s.settings;
        t.neuron_value = neuron_value(st.neurons);
        t.edge_value = st.edges == bp::EdgeShows::gradient ? EdgeValue::gradient : EdgeValue::weight;
        t.notation = st.notation;  // the page's text is written in it (per-neuron unless the page names another)
        t.show_side = !st.hide_side;
        t.show_loss = !st.hide_loss;
        apply(s, act::SetSettings{t});
        apply(s, act::ShowTab{std::string(bp::to_string(st.tab))});
    } else if (std::string why = enter_expression(s, st, scene); !why.empty()) {
        return why;
    }
    const bp::LessonPage& p = L.lesson->pages[static_cast<std::size_t>(page)];
    L.page = page;
    L.answers.assign(p.questions.size(), LessonAnswer{});
    L.tasks.assign(p.tasks.size(), LessonTaskState{});
    for (std::size_t i = 0; i < p.tasks.size(); ++i) L.tasks[i].done = page_progress(L).tasks_done.count(static_cast<int>(i)) > 0;
    L.steps_at_entry = s.steps_done;
    page_progress(L).seen = true;
    save_book(s);
    if (!s.status_is_error)
        set_status(s, "Page " + std::to_string(page + 1) + " of " + std::to_string(L.lesson->pages.size()) + ": " + p.title +
                          (p.title.empty() || std::string(".?!").find(p.title.back()) != std::string::npos ? "" : "."));
    return "";
}

// Builds page `page` of `lesson` headless and enters it; on failure the dialog names every error.
std::string build_and_enter(AppState& s, int page) {
    const bp::Lesson& lesson = *s.lesson.lesson;
    std::optional<bp::PageScene> scene;
    try {
        scene = bp::build_scene(lesson, page, bp::installed_resolver());
    } catch (const bp::LessonFailure& f) {
        show_error(s, "Could not open page " + std::to_string(page + 1) + " of the lesson", error_list(f.errors));
        return f.what();
    } catch (const bp::Error& e) {
        show_error(s, "Could not open page " + std::to_string(page + 1) + " of the lesson", e.what());
        return e.what();
    }
    if (std::string why = enter_page(s, page, std::move(*scene)); !why.empty()) {
        show_error(s, "Could not open page " + std::to_string(page + 1) + " of the lesson", why);
        return why;
    }
    return "";
}

// ---- [SECTION] answers, tasks, "show me how" ----

void answer_value(AppState& s, int i, const std::string& given) {
    LessonState& L = s.lesson;
    const bp::Question& q = page_of(L).questions[static_cast<std::size_t>(i)];
    LessonAnswer& a = L.answers[static_cast<std::size_t>(i)];
    a.given = given;
    a.answered = true;
    a.right = false;
    if (q.on_graph != s.expression.has_value()) {
        a.diagnosis = std::string("The question is about the page's ") + (q.on_graph ? "expression" : "network") +
                      ", which is not on screen now: R brings it back.";
        return;
    }
    if (q.on_graph) {  // marked by the graph quiz on the expression on screen
        try {
            const bp::GraphStepper& g = s.expression->stepper;
            const bp::GraphQuestion gq = bp::graph_question(q, g.graph());
            const bp::GraphAnswer ga = bp::check_graph_answer(g.graph(), g.pass(), gq, given);
            a.right = ga.check.verdict == bp::Verdict::correct;
            a.label = bp::question_label(g.graph(), gq);
            a.diagnosis = ga.diagnosis ? ga.diagnosis->sentence : ga.check.reason;
        } catch (const bp::Error& e) {
            a.diagnosis = e.what();
        }
        return;
    }
    try {  // the answer is computed from the state on screen: the student's changes included
        const bp::Homework h =
            bp::question_homework(q, s.doc.net, training_data(s), s.doc.training, s.sample, s.settings.notation);
        const bp::MarkedAnswer m = h.mark({q.quantity, given});
        a.right = m.correct();
        a.label = m.label;
        a.diagnosis = m.diagnosis;
    } catch (const bp::Error& e) {
        a.diagnosis = e.what();
    }
}

void record_answer(AppState& s, int i) {
    LessonState& L = s.lesson;
    if (!L.answers[static_cast<std::size_t>(i)].right) return;
    page_progress(L).questions_right.insert(i);
    save_book(s);
}

// The tasks of the page against the state on screen; a task met once stays done.
void check_tasks(AppState& s) {
    LessonState& L = s.lesson;
    if (!L.lesson || !s.stepper) return;
    const bp::LessonPage& p = page_of(L);
    bool any_open = false;
    for (const LessonTaskState& t : L.tasks) any_open = any_open || !t.done;
    if (!any_open) return;
    const bp::ConditionContext context =
        s.expression ? bp::graph_context(s.expression->stepper.graph(), s.expression->stepper.pass())
                     : bp::network_context(s.doc.net, s.stepper->trace(), pass_targets(s), s.stepper->shown_sample(),
                                           s.doc.training.learning_rate, {s.steps_done - L.steps_at_entry, s.lab.diverged.has_value()});
    bool newly_done = false;
    for (std::size_t i = 0; i < p.tasks.size(); ++i) {
        LessonTaskState& t = L.tasks[i];
        if (t.done) continue;
        const bp::ConditionValue v = bp::evaluate_condition(p.tasks[i].when, context);
        t.problem = v.problem;
        if (!v.satisfied) continue;
        t.done = newly_done = true;
        page_progress(L).tasks_done.insert(static_cast<int>(i));
        set_status(s, "Task done: " + p.tasks[i].goal.plain());
    }
    if (newly_done) save_book(s);
}

void show_me(AppState& s, int i) {
    const bp::Task& task = page_of(s.lesson).tasks[static_cast<std::size_t>(i)];
    for (const bp::DemoAction& a : task.demo) {
        switch (a.kind) {
            case bp::DemoAction::Kind::set: {
                const bp::ParameterEdit& e = a.edit;
                if (e.kind == bp::ParameterEdit::Kind::variable) {
                    apply(s, act::Expression{expr_cmd::SetVariable{e.name, e.value}});
                    break;
                }
                const Selection target = e.kind == bp::ParameterEdit::Kind::bias ? Selection::bias(e.l, e.j) : Selection::weight(e.l, e.j, e.k);
                apply(s, act::EditParameter{target, e.value});
                break;
            }
            case bp::DemoAction::Kind::learning_rate: apply(s, act::SetLearningRate{a.value}); break;
            case bp::DemoAction::Kind::train: apply(s, act::TrainSteps{a.steps}); break;
        }
        if (s.status_is_error) return;  // refused: said in the status line
    }
    if (!task.show.empty()) set_status(s, "Shown: " + task.show.plain());
    check_tasks(s);
}

void read_library(LessonState& L) {
    L.library.clear();
    L.library_dir = bp::asset_dir("lessons");
    for (const bp::LessonInfo& info : bp::list_lessons(L.library_dir)) {
        LessonEntry e;
        e.info = info;
        const bp::LessonParse parse = bp::read_lesson(info.path);
        if (!parse.ok()) e.error = parse.errors.front().text();
        e.pages = static_cast<int>(parse.lesson.pages.size());
        for (const bp::LessonPage& p : parse.lesson.pages) {
            e.questions += static_cast<int>(p.questions.size());
            e.tasks += static_cast<int>(p.tasks.size());
        }
        e.progress = bp::progress_for(L.book, parse.lesson);
        L.library.push_back(std::move(e));
    }
}

// ---- [SECTION] the commands ----

struct LessonHandler {
    AppState& s;
    LessonState& L = s.lesson;

    bool valid_page(int page) const { return L.lesson && page >= 0 && page < static_cast<int>(L.lesson->pages.size()); }

    void operator()(const lesson_cmd::Open& c) {
        // Read and check first: a malformed lesson is refused before any question, the document untouched.
        bp::LessonParse parse = bp::read_lesson(c.path);
        const std::string name = fs::path(c.path).filename().string();
        if (!parse.ok()) return show_error(s, "Could not open the lesson " + name, error_list(parse.errors));
        if (c.page < 0 || c.page >= static_cast<int>(parse.lesson.pages.size()))
            return show_error(s, "Could not open the lesson " + name,
                              "it has no page " + std::to_string(c.page + 1) + " (it has " + std::to_string(parse.lesson.pages.size()) + ")");
        try {
            (void)bp::build_scene(parse.lesson, c.page, bp::installed_resolver());
        } catch (const bp::LessonFailure& f) {
            return show_error(s, "Could not open the lesson " + name, error_list(f.errors));
        }
        if (is_modified(s) && !c.discard && !lesson_document_shown(s)) {
            s.files.pending = Pending::open_lesson;
            s.files.pending_path = c.path;
            s.files.pending_title = parse.lesson.title;
            s.files.pending_from_browser = false;
            L.pending_page = c.page;
            return;
        }
        open_lesson_now(s, c.path, c.page);
    }
    void operator()(const lesson_cmd::GoTo& c) {
        if (!valid_page(c.page)) return;
        if (is_modified(s) && !lesson_document_shown(s)) {  // the student's own document: ask first
            s.files.pending = Pending::open_lesson;
            s.files.pending_path = L.lesson->path;
            s.files.pending_title = L.lesson->title;
            s.files.pending_from_browser = false;
            L.pending_page = c.page;
            return;
        }
        build_and_enter(s, c.page);
    }
    void operator()(const lesson_cmd::ReturnToPage&) {
        if (!L.lesson) return;
        if (build_and_enter(s, L.page).empty() && !s.status_is_error)
            set_status(s, "Back to the state of page " + std::to_string(L.page + 1) + ": " + page_of(L).title + ".");
    }
    void operator()(const lesson_cmd::Answer& c) {
        if (!L.lesson || c.question < 0 || c.question >= static_cast<int>(L.answers.size())) return;
        if (page_of(L).questions[static_cast<std::size_t>(c.question)].kind != bp::Question::Kind::value) return;
        answer_value(s, c.question, c.given);
        record_answer(s, c.question);
    }
    void operator()(const lesson_cmd::Choose& c) {
        if (!L.lesson || c.question < 0 || c.question >= static_cast<int>(L.answers.size())) return;
        const bp::Question& q = page_of(L).questions[static_cast<std::size_t>(c.question)];
        if (q.kind != bp::Question::Kind::choice || c.choice < 0 || c.choice >= static_cast<int>(q.choices.size())) return;
        LessonAnswer& a = L.answers[static_cast<std::size_t>(c.question)];
        a.chosen = c.choice;
        a.answered = true;
        a.right = bp::choice_is_right(q, c.choice);
        record_answer(s, c.question);
    }
    void operator()(const lesson_cmd::Hint& c) {
        if (L.lesson && c.task >= 0 && c.task < static_cast<int>(L.tasks.size())) L.tasks[static_cast<std::size_t>(c.task)].hint_shown = true;
    }
    void operator()(const lesson_cmd::ShowMe& c) {
        if (!L.lesson || c.task < 0 || c.task >= static_cast<int>(L.tasks.size())) return;
        show_me(s, c.task);
    }
    void operator()(const lesson_cmd::Close&) {
        if (!L.lesson) return;
        set_status(s, "Closed the lesson " + L.lesson->title + " (Help ▸ Lessons opens it again, where you were).");
        L.lesson.reset();
        L.answers.clear();
        L.tasks.clear();
    }
    void operator()(const lesson_cmd::ShowLibrary& c) {
        L.library_open = c.open;
        if (c.open) read_library(L);
    }
    void operator()(const lesson_cmd::Tick&) { check_tasks(s); }
};

}  // namespace lesson_handler

std::string open_lesson_now(AppState& s, const std::string& path, int page) {
    using namespace lesson_handler;
    LessonState& L = s.lesson;
    const std::string name = fs::path(path).filename().string();
    bp::LessonParse parse = bp::read_lesson(path);
    if (!parse.ok()) {
        show_error(s, "Could not open the lesson " + name, error_list(parse.errors));
        return error_list(parse.errors);
    }
    LessonState before = L;
    L.lesson = std::move(parse.lesson);
    L.progress = bp::progress_for(L.book, *L.lesson);
    if (std::string why = build_and_enter(s, page); !why.empty()) {
        L = std::move(before);  // the lesson that was open (if any) stays
        return why;
    }
    L.library_open = false;
    return "";
}

std::string find_lesson(const std::string& name_or_path, std::string* why) {
    using namespace lesson_handler;
    std::error_code ec;
    if (fs::is_regular_file(name_or_path, ec)) return name_or_path;
    const std::string dir = bp::asset_dir("lessons");
    std::string names;
    for (const bp::LessonInfo& info : bp::list_lessons(dir)) {
        if (info.stem == name_or_path || info.stem + ".md" == name_or_path) return info.path;
        names += (names.empty() ? "" : ", ") + info.stem;
    }
    if (why)
        *why = "no lesson file or program lesson named '" + name_or_path + "' (the program's lessons: " +
               (names.empty() ? "none found" : names) + ")";
    return "";
}

std::string lesson_progress_path() {
    using namespace lesson_handler;
    const std::string d = data_dir();
    return d.empty() ? "" : d + "/lessons.json";
}

void attach_lesson_progress(AppState& s, const std::string& path) {
    using namespace lesson_handler;
    LessonState& L = s.lesson;
    L.progress_path = path;
    std::string problem;
    L.book = bp::load_progress(path, &problem);
    if (!problem.empty()) set_status(s, "Lesson progress starts afresh: " + problem, true);
    if (!L.lesson) return;
    const bp::PageProgress here = page_progress(L);  // what this run already did (the page opened at start)
    L.progress = bp::progress_for(L.book, *L.lesson);
    page_progress(L).seen = true;
    page_progress(L).questions_right.insert(here.questions_right.begin(), here.questions_right.end());
    page_progress(L).tasks_done.insert(here.tasks_done.begin(), here.tasks_done.end());
    save_book(s);
}

void apply_lesson(AppState& s, const LessonCommand& c) { std::visit(lesson_handler::LessonHandler{s}, c); }

}  // namespace studio
