// The --report-state JSON (see frame_report.h).
#include "app/studio/figures/frame_report.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "app/studio/state/file_queries.h"
#include "app/studio/figures/pass_view.h"
#include "app/studio/state/studio_state.h"

namespace studio {
using nlohmann::json;

namespace {

std::string selection_text(const Selection& s) {
    switch (s.kind) {
        case Selection::Kind::none: return "";
        case Selection::Kind::neuron: return "n," + std::to_string(s.l) + "," + std::to_string(s.j);
        case Selection::Kind::bias: return "b," + std::to_string(s.l) + "," + std::to_string(s.j);
        case Selection::Kind::weight:
            return "w," + std::to_string(s.l) + "," + std::to_string(s.j) + "," + std::to_string(s.k);
    }
    return "";
}

const char* pending_text(Pending p) {
    switch (p) {
        case Pending::none: return "none";
        case Pending::new_document: return "new";
        case Pending::open_file: return "open";
        case Pending::open_preset: return "preset";
        case Pending::open_lesson: return "lesson";
        case Pending::new_expression: return "new_expression";
        case Pending::open_expression: return "open_expression";
        case Pending::quit: return "quit";
    }
    return "none";
}

json box(const Box& b) { return json::array({b.x, b.y, b.w, b.h}); }

// Where a test can press to pick or drag each parameter and neuron of the canvas.
json canvas_json(const AppState& s, const NetworkLayout& lay) {
    json neurons = json::object(), edges = json::object();
    const bp::Network& net = s.doc.net;
    if (lay.neurons.size() != net.layers.size()) return json{{"neurons", neurons}, {"edges", edges}};
    const float tolerance = lay.radius * 0.3f + 3;
    for (int l = 0; l <= net.L(); ++l)
        for (int j = 0; j < net.layers[l].size && j < static_cast<int>(lay.neurons[l].size()); ++j) {
            neurons[selection_text(Selection::neuron(l, j))] = json::array({lay.neurons[l][j].x, lay.neurons[l][j].y});
            if (l == 0) continue;
            for (int k = 0; k < net.layers[l - 1].size; ++k)
                if (const auto p = grab_point(lay, Selection::weight(l, j, k), tolerance))
                    edges[selection_text(Selection::weight(l, j, k))] = json::array({p->x, p->y});
            if (const auto p = grab_point(lay, Selection::bias(l, j), tolerance))
                edges[selection_text(Selection::bias(l, j))] = json::array({p->x, p->y});
        }
    return json{{"neurons", neurons}, {"edges", edges}, {"radius", lay.radius}};
}

// The formula panel's equation of the last event done, in the chosen notation (empty at the start).
json formula_json(const AppState& s) {
    const bp::StepEvent* e = s.stepper ? s.stepper->current() : nullptr;
    if (!e) return json::object();
    const bp::EventText t = s.stepper->text(*e);
    return {{"title", t.title}, {"symbolic", t.symbolic}, {"substituted", t.substituted}, {"result", t.result}};
}

// The lesson open: its title, the page (from 0), what was answered and done, the progress.
json lesson_json(const AppState& s) {
    const LessonState& L = s.lesson;
    if (!L.lesson) return json{{"open", false}, {"library_open", L.library_open}};
    json answers = json::array(), tasks = json::array();
    for (const LessonAnswer& a : L.answers) answers.push_back(json{{"answered", a.answered}, {"right", a.right}});
    for (const LessonTaskState& t : L.tasks) tasks.push_back(t.done);
    return json{{"open", true},
                {"library_open", L.library_open},
                {"title", L.lesson->title},
                {"page", L.page},
                {"pages", L.lesson->pages.size()},
                {"page_title", L.lesson->pages[static_cast<std::size_t>(L.page)].title},
                {"expression", s.expression.has_value()},
                {"answers", answers},
                {"tasks", tasks},
                {"pages_seen", L.progress.pages_seen()},
                {"questions_right", L.progress.questions_right()},
                {"tasks_done", L.progress.tasks_done()},
                {"progress_file", L.progress_path}};
}

}  // namespace

// The open expression (null when a network is open): its text and values, the graph's pass and what the
// Paths tab and the quiz hold, for tests that drive the window.
json expression_json(const AppState& s) {
    if (!s.expression) return nullptr;
    const ExpressionState& e = *s.expression;
    const bp::GraphStepper& st = e.stepper;
    json variables = json::object();
    for (const auto& [name, value] : e.doc.variables) variables[name] = value;
    json known_adjoints = json::array();
    for (int i = 0; i < st.graph().size(); ++i)
        if (st.known({bp::GraphRef::Kind::adjoint, i, 0})) known_adjoints.push_back(i);
    const bp::GraphEvent* current = st.current();
    return {
        {"expression", e.doc.expression},
        {"variables", variables},
        {"step", st.cursor()},
        {"events", st.size()},
        {"event", current ? std::string(bp::to_string(current->kind)) : ""},
        {"event_node", current ? current->node : -1},
        {"known_adjoints", known_adjoints},
        {"selected", e.selected},
        {"paths_from", e.paths_from},
        {"pinned", e.pinned_nodes},
        {"undo", e.undo.size()},
        {"quiz", {{"on", e.quiz.on}, {"right", e.quiz.right}, {"asked", e.quiz.asked}, {"feedback", e.quiz.feedback},
                  {"feedback_right", e.quiz.feedback_right}}},
    };
}

std::string state_report_json(const AppState& s, const FrameReport& frame) {
    json items = json::object();
    for (const ReportedItem& it : frame.items) {
        items[it.id] = json{{"rect", box(it.rect)}, {"clipped", it.clipped}};
        if (!it.text.empty()) items[it.id]["text"] = it.text;
    }
    const Autosave& a = s.files.autosave;
    json undo = json::array();
    for (const Snapshot& snap : s.undo) undo.push_back(snap.label);
    const bp::StepEvent* e = s.stepper ? s.stepper->current() : nullptr;
    const std::optional<bp::Phase> on_screen = s.stepper ? phase_on_screen(s) : std::nullopt;
    const json j = {
        {"title", s.title},
        {"path", s.file_path},
        {"modified", is_modified(s)},
        {"step", s.stepper ? s.stepper->cursor() : 0},
        {"events", s.stepper ? s.stepper->size() : 0},
        {"event", e ? std::string(bp::to_string(e->kind)) : ""},
        {"phase", s.stepper ? std::string(bp::to_string(s.stepper->phase())) : ""},
        {"phase_on_screen", on_screen ? std::string(bp::to_string(*on_screen)) : ""},
        {"neurons_show", s.stepper ? neuron_value_symbol(neuron_value_shown(s)) : ""},
        {"quiz_waiting", s.stepper && quiz_will_ask(s, s.stepper->cursor())},
        {"steps_done", s.steps_done},
        {"selection", selection_text(s.selection)},
        {"status", s.status},
        {"status_is_error", s.status_is_error},
        {"undo", undo},
        {"present", s.present},
        {"keyboard_mode", s.keyboard_mode},
        {"blank", s.blank},
        {"playing", s.playing},
        {"text_scale", s.settings.ui_scale},
        {"notation", std::string(bp::to_string(s.settings.notation))},
        {"formula", formula_json(s)},
        {"autosave", {{"path", a.path}, {"exists", path_exists(a.path)}, {"offers", a.offers.size()}}},
        {"pending", pending_text(s.files.pending)},
        {"browser_open", s.files.browser.open},
        {"error", s.files.error_title},
        {"quit", s.files.quit},
        {"dialogs", frame.dialogs},
        {"overflow", frame.overflow},
        {"window", json::array({frame.width, frame.height})},
        {"scale", frame.scale},
        {"scale_wanted", frame.sizing.wanted},
        {"text_fits", frame.sizing.fits_text},
        {"lesson", lesson_json(s)},
        {"items", items},
        {"canvas", canvas_json(s, frame.canvas)},
        {"expression", expression_json(s)},
    };
    return j.dump(1) + "\n";
}

}  // namespace studio
