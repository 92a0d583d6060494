// Expression documents in the window: opening, loading and saving either kind, the expression's edits
// with undo, stepping and the quiz on the graph (see expression.h).
#include "app/studio/handlers/expression.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/studio/handlers/document.h"
#include "app/studio/figures/graph_text.h"
#include "app/studio/handlers/example.h"
#include "engine/core/error.h"
#include "engine/graph/graph_quiz.h"
#include "engine/graph/network_graph.h"
#include "engine/graph/expression_parser.h"
#include "engine/io/serialize.h"
#include "engine/io/text_file.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

using nlohmann::json;

inline constexpr double kNewVariableValue = 0.5;  // a variable the typed expression brings in

ExpressionState& open(AppState& s) { return *s.expression; }

ExpressionSnapshot snapshot_of(const AppState& s, std::string label) {
    return {s.expression->doc, std::move(label), s.revision};
}

// Edits a copy of the expression's document with fn (which may throw bp::Error); a copy whose graph and
// pass can be built is adopted with one undo entry named `label` (one per gesture, as network edits).
std::string edit_expression(AppState& s, const std::string& label, const std::function<void(bp::ExpressionDocument&)>& fn) {
    ExpressionState& e = open(s);
    ExpressionState next = e;
    try {
        bp::ExpressionDocument d = e.doc;
        fn(d);
        rebuild_expression(next, std::move(d));
    } catch (const bp::Error& err) {
        return err.what();
    }
    if (!s.gesture_open || !s.gesture_saved) {
        next.undo.push_back(snapshot_of(s, label));
        if (next.undo.size() > kMaxUndo) next.undo.erase(next.undo.begin());
        next.redo.clear();
        s.gesture_saved = s.gesture_open;
    } else if (!next.undo.empty()) {
        next.undo.back().label = label;  // a drag is one entry, named after where it ended
    }
    e = std::move(next);
    mark_changed(s);
    return "";
}

// Puts back a snapshot's document and version (undoing back to the saved state clears the *).
void restore(AppState& s, ExpressionSnapshot snap) {
    rebuild_expression(open(s), std::move(snap.doc));  // it was shown before: its pass builds
    s.revision = snap.revision;
}

// Undo (from = undo, to = redo) or redo (the other way): the last entry of `from` is restored, the state
// it replaces goes onto `to` under the same label. Returns the label, "" when `from` is empty.
std::string travel(AppState& s, std::vector<ExpressionSnapshot>& from, std::vector<ExpressionSnapshot>& to) {
    if (from.empty()) return "";
    ExpressionSnapshot back = std::move(from.back());
    from.pop_back();
    to.push_back(snapshot_of(s, back.label));
    const std::string label = back.label;
    restore(s, std::move(back));
    return label;
}

// ---- the quiz ----

// The question the next event asks: its value or its adjoint. ∂y/∂y = 1 is not asked.
std::optional<bp::GraphQuestion> question_of(const bp::GraphEvent& ev) {
    switch (ev.kind) {
        case bp::GraphEventKind::value: return bp::GraphQuestion{bp::GraphQuantity::value, ev.node, 0};
        case bp::GraphEventKind::adjoint: return bp::GraphQuestion{bp::GraphQuantity::adjoint, ev.node, 0};
        case bp::GraphEventKind::output_adjoint: return std::nullopt;
    }
    return std::nullopt;
}

// Whether the quiz holds the stepper before its next event: it asks a question not yet answered.
bool quiz_holds(const ExpressionState& e) {
    const bp::GraphEvent* next = e.stepper.next();
    return e.quiz.on && next && e.stepper.cursor() >= e.quiz.cleared && question_of(*next).has_value();
}

// One event forward (at the settings' granularity), stopping before an unanswered question.
bool step_once(AppState& s) {
    ExpressionState& e = open(s);
    if (e.stepper.at_end() || quiz_holds(e)) return false;
    const int before = e.stepper.cursor();
    e.stepper.step_forward(s.settings.granularity);
    if (e.quiz.on) {  // a group of events stops at its first unanswered question
        for (int i = before; i < e.stepper.cursor(); ++i) {
            if (i >= e.quiz.cleared && question_of(e.stepper.events()[static_cast<std::size_t>(i)])) {
                e.stepper.seek(i);
                break;
            }
            e.quiz.cleared = std::max(e.quiz.cleared, i + 1);
        }
    }
    return e.stepper.cursor() > before;
}

void answer_question(AppState& s, const std::string& text) {
    ExpressionState& e = open(s);
    if (!quiz_holds(e)) return;
    const bp::GraphQuestion q = *question_of(*e.stepper.next());
    const bp::ExpressionGraph& g = e.stepper.graph();
    const bp::GraphAnswer a = bp::check_graph_answer(g, e.stepper.pass(), q, text);
    const std::string label = bp::question_label(g, q);
    e.quiz.mistake_path.clear();
    e.quiz.feedback_right = false;
    switch (a.check.verdict) {
        case bp::Verdict::unreadable:
            e.quiz.feedback = a.check.reason;
            return set_status(s, a.check.reason, true);
        case bp::Verdict::need_more_digits:
            e.quiz.feedback = "Write " + label + " with at least " + std::to_string(bp::kMinSignificantDigits) +
                              " significant digits.";
            return set_status(s, e.quiz.feedback);
        case bp::Verdict::correct:
            ++e.quiz.asked, ++e.quiz.right;
            e.quiz.feedback = "Right: " + label + " = " + bp::format_number(bp::exact_answer(g, e.stepper.pass(), q), 6) + ".";
            e.quiz.feedback_right = true;
            e.quiz.cleared = e.stepper.cursor() + 1;
            e.stepper.step_forward(bp::Granularity::neuron);
            return set_status(s, e.quiz.feedback);
        case bp::Verdict::wrong:
            ++e.quiz.asked;
            if (a.diagnosis) {
                e.quiz.feedback = a.diagnosis->sentence;
                e.quiz.mistake_path = a.diagnosis->path;
            } else {
                e.quiz.feedback = "Not " + label + ": try again, or Reveal.";
            }
            return set_status(s, e.quiz.feedback, true);
    }
}

void reveal_value(AppState& s) {
    ExpressionState& e = open(s);
    if (!quiz_holds(e)) return;
    const bp::GraphQuestion q = *question_of(*e.stepper.next());
    const bp::ExpressionGraph& g = e.stepper.graph();
    e.quiz.feedback = "Revealed: " + bp::question_label(g, q) + " = " +
                      bp::format_number(bp::exact_answer(g, e.stepper.pass(), q), 6) + ".";
    e.quiz.feedback_right = false;
    e.quiz.mistake_path.clear();
    e.quiz.cleared = e.stepper.cursor() + 1;
    e.stepper.step_forward(bp::Granularity::neuron);
    set_status(s, e.quiz.feedback);
}

struct ExpressionHandler {
    AppState& s;

    void operator()(const expr_cmd::SetVariable& c) {
        const std::string label = bp::variable_label(c.name) + " = " + bp::format_number(c.value);
        say_edit(s, label, edit_expression(s, label, [&](bp::ExpressionDocument& d) {
                     if (!d.variables.contains(c.name)) throw bp::Error("the expression has no variable " + c.name);
                     if (!std::isfinite(c.value)) throw bp::Error(c.name + " must be a finite number");
                     d.variables[c.name] = c.value;
                 }));
    }
    void operator()(const expr_cmd::SetText& c) {
        const std::string label = "expression " + c.text;
        say_edit(s, label, edit_expression(s, label, [&](bp::ExpressionDocument& d) {
                     const bp::ExpressionGraph g = bp::parse_expression(c.text);  // the caret lines when malformed
                     d.expression = c.text;
                     for (const int v : g.variables)
                         d.variables.try_emplace(g.node(v).name, kNewVariableValue);
                 }));
        open(s).quiz.cleared = 0;
    }
    void operator()(const expr_cmd::SelectNode& c) {
        ExpressionState& e = open(s);
        e.selected = c.node >= 0 && c.node < e.stepper.graph().size() ? c.node : -1;
        if (e.selected >= 0 && e.stepper.graph().node(e.selected).op == bp::Op::variable) (*this)(expr_cmd::ShowPathsOf{e.selected});
    }
    void operator()(const expr_cmd::ShowPathsOf& c) {
        ExpressionState& e = open(s);
        const bp::ExpressionGraph& g = e.stepper.graph();
        if (c.variable < 0 || c.variable >= g.size() || g.node(c.variable).op != bp::Op::variable) return;
        if (e.paths_from != c.variable) e.pinned_nodes.clear(), e.pinned_slots.clear();
        e.paths_from = c.variable;
    }
    void operator()(const expr_cmd::PinPath& c) {
        ExpressionState& e = open(s);
        e.pinned_nodes = c.nodes;
        e.pinned_slots = c.slots;
    }
    void operator()(const expr_cmd::SetQuiz& c) {
        ExpressionState& e = open(s);
        e.quiz.on = c.on;
        e.quiz.cleared = e.stepper.cursor();
        e.quiz.feedback.clear();
        e.quiz.mistake_path.clear();
        set_status(s, c.on ? "Quiz mode: work out each value and adjoint before the graph shows it (Enter checks)."
                           : "Quiz mode off.");
    }
    void operator()(const expr_cmd::Answer& c) { answer_question(s, c.text); }
    void operator()(const expr_cmd::Reveal&) { reveal_value(s); }
};

}  // namespace

bp::ExpressionDocument new_expression_document() {
    bp::ExpressionDocument d;
    d.expression = "exp(exp(x^2))";
    d.variables = {{"x", 0.5}};
    return d;
}

std::string open_expression(AppState& s, ExpressionSource source, const std::string& path, const std::string& title) {
    std::optional<ExpressionState> e;
    try {
        e = make_expression_state(std::move(source));
    } catch (const bp::Error& err) {
        return err.what();
    }
    if (const std::string why = replace_document(s, builtin_example(), path, title); !why.empty()) return why;
    s.expression = std::move(e);
    return "";
}

NetworkGraphOpening network_graph_of(const AppState& s, Selection neuron, bool whole_layer) {
    const bp::Network& net = s.doc.net;
    if (neuron.kind != Selection::Kind::neuron || neuron.l < 1 || !valid(net, neuron))
        throw bp::Error("choose a neuron of a hidden or the output layer first");
    const int row = s.sample >= 0 ? s.sample : shown_row(s);
    const bp::Matrix x = bp::take_rows(training_data(s).X, row, 1);
    bp::NetworkGraph ng = whole_layer ? bp::expand_layer(net, x, neuron.l) : bp::expand_neuron(net, x, neuron.l, neuron.j);
    const std::string where = whole_layer ? "Layer " + std::to_string(neuron.l) : "Neuron " + bp::neuron_label("a", neuron.l, neuron.j);
    NetworkGraphOpening out;
    out.title = where + " as a graph";
    out.source.origin = (whole_layer ? "layer " + std::to_string(neuron.l) : "neuron " + bp::neuron_label("a", neuron.l, neuron.j)) +
                        " of " + s.title + ", sample " + std::to_string(row + 1);
    out.source.graph_text = graph_text(ng.graph);
    out.source.doc.expression = out.source.graph_text;
    out.source.doc.variables = std::move(ng.values);
    out.source.doc.title = out.title + " (from " + out.source.origin + ")";
    out.source.graph = std::make_shared<const bp::ExpressionGraph>(std::move(ng.graph));
    return out;
}

AnyDocument load_any_document(const std::string& path) {
    const std::string text = bp::read_text_file(path, "a network or expression file");
    try {
        const json j = bp::parse_json_checked(text);
        if (bp::is_expression_document(j)) return bp::expression_document_from_json(j);
        return bp::document_from_json(j);
    } catch (const bp::Error& e) {
        throw bp::Error(path + ": " + e.what());
    }
}

std::string open_any_document(AppState& s, AnyDocument doc, const std::string& path, const std::string& title) {
    if (auto* e = std::get_if<bp::ExpressionDocument>(&doc)) return open_expression(s, std::move(*e), path, title);
    return replace_document(s, std::move(std::get<bp::Document>(doc)), path, title);
}

void erase_extra_key(AnyDocument& doc, const std::string& key) {
    std::visit([&](auto& d) { d.extra->erase(key); }, doc);
}

std::string open_document_text(const AppState& s) {
    return s.expression ? bp::dump_expression_document(s.expression->doc) : bp::dump_document(s.doc);
}

void save_open_document(const AppState& s, const std::string& path, const std::string& note_key, const std::string& note_json,
                        bp::WriteOptions options) {
    const auto with_note = [&](auto doc) {
        if (!note_key.empty()) (*doc.extra)[note_key] = json::parse(note_json);
        return doc;
    };
    if (s.expression) bp::save_expression_document(path, with_note(s.expression->doc), options);
    else bp::save_document(path, with_note(s.doc), options);
}

void apply_expression(AppState& s, const ExpressionCommand& c) {
    if (s.expression) std::visit(ExpressionHandler{s}, c);
}

void expression_step_forward(AppState& s, int count) {
    for (int i = 0; i < count && step_once(s); ++i) {
    }
}

void expression_step_back(AppState& s, int count) {
    for (int i = 0; i < count; ++i) open(s).stepper.step_back(s.settings.granularity);
}

void expression_run_phase(AppState& s) {
    ExpressionState& e = open(s);
    const bp::Phase phase = e.stepper.phase();
    while (!e.stepper.at_end() && e.stepper.phase() == phase && step_once(s)) {
    }
}

void expression_run_pass(AppState& s) {
    while (step_once(s)) {
    }
}

void expression_restart(AppState& s) {
    ExpressionState& e = open(s);
    e.stepper.restart();
    e.quiz.cleared = 0;  // in quiz mode, every value is asked again
    e.quiz.feedback.clear();
    e.quiz.mistake_path.clear();
    s.playing = false;
}

void expression_seek(AppState& s, int cursor) {
    ExpressionState& e = open(s);
    if (e.quiz.on && cursor > e.stepper.cursor()) {  // forward only as far as the quiz allows
        while (e.stepper.cursor() < cursor && step_once(s)) {
        }
        if (e.stepper.cursor() > cursor) e.stepper.seek(cursor);
        return;
    }
    e.stepper.seek(cursor);
}

void expression_tick(AppState& s, double seconds) {
    if (!s.playing || !(seconds > 0)) return;
    s.play_clock += seconds;
    const double speed = s.settings.play_speed;
    const int n = static_cast<int>(std::min(1000.0, std::floor(s.play_clock * speed)));
    s.play_clock = std::min(s.play_clock - n / speed, 1.0);
    expression_step_forward(s, n);
    if (open(s).stepper.at_end() || quiz_holds(open(s))) s.playing = false;  // no next pass to run into
}

std::string expression_undo(AppState& s) { return travel(s, open(s).undo, open(s).redo); }
std::string expression_redo(AppState& s) { return travel(s, open(s).redo, open(s).undo); }

int expression_quiz_question(const AppState& s) {
    return s.expression && quiz_holds(*s.expression) ? s.expression->stepper.cursor() : -1;
}

}  // namespace studio
