// apply(): the one place where the app's state changes (see actions.h).
// [SECTION] helpers: undo snapshots, document edits, committing a pass
// [SECTION] the handler: one operator() per action kind
#include "app/studio/handlers/actions.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <type_traits>
#include <utility>

#include "app/studio/handlers/architecture.h"
#include "app/studio/handlers/document.h"
#include "app/studio/handlers/lab.h"
#include "engine/core/error.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

// ---- [SECTION] helpers ----

// The current network's test-set loss, when there is test data (for the loss history).
std::optional<double> test_loss(const AppState& s) {
    if (!has_test(s)) return std::nullopt;
    return bp::evaluate_loss(s.doc.net, *s.doc.test);
}

// The pass is at its end: the update becomes the network, the loss joins the history, and the next
// pass starts (on the next sample when the pass uses one sample at a time).
void commit_pass(AppState& s) {
    s.history.append(s.stepper->trace().loss, test_loss(s));
    s.doc.net = s.stepper->network_after();
    ++s.steps_done;
    mark_changed(s);
    const int n = sample_count(s);
    if (s.sample >= 0 && n > 1) s.sample = (s.sample + 1) % n;
    rebuild_pass(s, false);
}

void step_forward(AppState& s, int count, bool commit) {
    for (int i = 0; i < count; ++i) {
        if (!s.stepper->at_end()) {
            const int before = s.stepper->cursor();
            s.stepper->step_forward(s.settings.granularity);
            if (quiz_hold(s, before)) break;  // quiz mode: the next value is the student's to compute
        } else if (commit) {
            commit_pass(s);
        } else {
            break;
        }
    }
}

void train(AppState& s, long count) {
    if (count <= 0) return;
    if (!s.trainer || s.trainer_data != &*s.doc.data) {
        s.trainer = std::make_shared<bp::Trainer>(*s.doc.data, s.doc.training);
        s.trainer_data = &*s.doc.data;
    }
    const bp::Network before = s.doc.net;
    const LossHistory history_before = s.history;  // bounded (loss_history.h): a cheap copy, restored exactly
    const long steps_before = s.steps_done;
    for (long i = 0; i < count; ++i) {
        const std::optional<double> test = test_loss(s);  // before the step's update
        const double loss = s.trainer->step(s.doc.net);
        s.history.append(loss, test);
        ++s.steps_done;
        if (s.trainer->diverged() || !std::isfinite(loss) || !bp::all_finite(s.doc.net)) {  // diverged: take the whole chunk back
            s.doc.net = before;
            s.history = history_before;
            s.steps_done = steps_before;
            s.trainer.reset();
            s.trainer_data = nullptr;
            rebuild_pass(s, true);
            set_status(s, "training diverged at step " + std::to_string(steps_before + i) +
                              " (the loss or an update is no longer a finite number): lower the learning rate", true);
            return;
        }
    }
    mark_changed(s);
    rebuild_pass(s, true);
    set_status(s, "trained " + std::to_string(count) + " steps; loss " + bp::format_number(s.history.last().train));
}

std::uint64_t edit_seed(const AppState& s) {  // varies with the architecture, fixed for a given one
    std::uint64_t h = s.settings.init_seed * 0x9E3779B97F4A7C15ull;
    for (const bp::Layer& layer : s.doc.net.layers) h = (h ^ static_cast<std::uint64_t>(layer.size)) * 0x100000001B3ull;
    return h;
}

std::string layer_name(const bp::Network& net, int l) {
    if (l == 0) return "the input layer";
    if (l == net.L()) return "the output layer";
    return "hidden layer " + std::to_string(l);
}

// ---- [SECTION] the handler ----

struct ActionHandler {
    AppState& s;

    void operator()(const act::Select& a) {
        if (valid(s.doc.net, a.target)) s.selection = a.target;
    }
    void operator()(const act::Hover& a) { s.hover = valid(s.doc.net, a.target) ? a.target : Selection{}; }
    void operator()(const act::Highlight& a) { s.highlight = a.refs; }
    void operator()(const act::SetSettings& a) {
        Settings t = a.settings;
        t.play_speed = std::clamp(t.play_speed, 0.25, 500.0);
        t.ui_scale = std::clamp(t.ui_scale, kMinTextScale, kMaxTextScale);
        t.side_width = std::clamp(t.side_width, 0.15f, 0.6f);
        t.lab_side_width = std::clamp(t.lab_side_width, 0.15f, 0.6f);
        t.bottom_height = std::clamp(t.bottom_height, 0.12f, 0.6f);
        t.formula_width = std::clamp(t.formula_width, 0.2f, 0.8f);
        t.train_chunk = std::clamp(t.train_chunk, 1, 100000);
        const bool notation_changed = t.notation != s.settings.notation;
        s.settings = t;
        if (s.stepper) s.stepper->set_notation(t.notation);  // the words change, never the pass
        if (notation_changed && s.stepper) rewrite_quiz_feedback(s);
        if (notation_changed) relabel_undo(s);  // "Undo set W₂[2,1] = 0.7" in the new letters
    }
    void operator()(const act::SetPresent& a) { s.present = a.on; }
    void operator()(const act::SetBlank& a) {
        s.blank = a.on;
        set_status(s, a.on ? "The canvas is blank: press B (or .) to bring it back." : "The canvas is back.");
    }
    void operator()(const act::SetKeyboardMode& a) {
        if (s.keyboard_mode == a.on) return;
        s.keyboard_mode = a.on;
        set_status(s, a.on ? "Keyboard mode on: [ ] and { } select neurons and weights; F1 lists every key."
                           : "Keyboard mode off: → and Space step the pass again.");
    }

    void operator()(const act::StepForward& a) { step_forward(s, a.count, a.commit); }
    void operator()(const act::StepBack& a) {
        for (int i = 0; i < a.count; ++i) s.stepper->step_back(s.settings.granularity);
    }
    void operator()(const act::RunPhase&) {
        if (s.stepper->at_end()) commit_pass(s);
        else {
            const int before = s.stepper->cursor();
            s.stepper->run_to_end_of_phase();
            quiz_hold(s, before);
        }
    }
    void operator()(const act::RunPass&) {
        if (s.stepper->at_end()) commit_pass(s);
        const int before = s.stepper->cursor();
        s.stepper->run_to_end();
        quiz_hold(s, before);
    }
    void operator()(const act::Restart&) {
        s.stepper->restart();
        s.playing = false;
    }
    void operator()(const act::Seek& a) {
        const int before = s.stepper->cursor();
        s.stepper->seek(a.cursor);
        if (s.stepper->cursor() > before) quiz_hold(s, before);
    }
    void operator()(const act::SetPlaying& a) {
        s.playing = a.on;
        s.play_clock = 0;
    }
    void operator()(const act::Tick& a) {
        if (!s.playing || !(a.seconds > 0)) return;
        s.play_clock += a.seconds;
        const double speed = s.settings.play_speed;
        const int n = static_cast<int>(std::min(1000.0, std::floor(s.play_clock * speed)));
        s.play_clock = std::min(s.play_clock - n / speed, 1.0);
        step_forward(s, n, true);
    }
    void operator()(const act::SetSample& a) {
        s.sample = std::clamp(a.sample, -1, sample_count(s) - 1);
        rebuild_pass(s, true);
    }
    void operator()(const act::TrainSteps& a) { train(s, a.count); }

    void operator()(const act::BeginGesture&) {
        s.gesture_open = true;
        s.gesture_saved = false;
    }
    void operator()(const act::EndGesture&) {
        s.gesture_open = false;
        s.gesture_saved = false;
    }
    void operator()(const act::EditParameter& a) {
        const Selection t = a.target;
        if (!t.is_parameter() || !valid(s.doc.net, t)) return;
        const bool bias = t.kind == Selection::Kind::bias;
        const bp::Symbols sym = symbols(s);  // the undo entry names it in the notation on screen
        const std::string name = bias ? sym.bias(t.l, t.j).text : sym.weight(t.l, t.j, t.k).text;
        const std::string pattern = "set $p = " + bp::format_number(a.value);
        const bool done = edit_document_and_say(s, bp::fill_in(pattern, {{"$p", name}}), [&](bp::Document& d) {
            if (!std::isfinite(a.value)) throw bp::Error(name + " must be a finite number");
            bp::Layer& layer = d.net.layers[t.l];
            if (bias && !layer.bias) throw bp::Error(layer_name(d.net, t.l) + " has no bias (turn it on first)");
            (bias ? layer.b[t.j] : layer.W(t.j, t.k)) = a.value;
        });
        if (done) name_undo_after(s, pattern, t);  // written again when the notation changes
    }
    void operator()(const act::SetLearningRate& a) {
        bp::TrainingConfig c = s.doc.training;
        c.learning_rate = a.value;
        const std::string label = training_label(s.doc.training, c);
        say_edit(s, label, edit_training(s, label, c));
    }
    void operator()(const act::AddLayer& a) {
        const std::uint64_t seed = edit_seed(s);
        edit_document_and_say(s, "add a hidden layer of " + std::to_string(a.size) + " after " + layer_name(s.doc.net, a.after),
             [&](bp::Document& d) { insert_layer(d.net, a.after, a.size, a.activation, s.settings.init_scheme, seed); });
    }
    void operator()(const act::RemoveLayer& a) {
        const std::uint64_t seed = edit_seed(s);
        edit_document_and_say(s, "remove " + layer_name(s.doc.net, a.l),
             [&](bp::Document& d) { remove_layer(d.net, a.l, s.settings.init_scheme, seed); });
    }
    void operator()(const act::AddNeuron& a) {
        const std::uint64_t seed = edit_seed(s);
        edit_document_and_say(s, "add a neuron to " + layer_name(s.doc.net, a.l),
             [&](bp::Document& d) { add_neuron(d.net, a.l, s.settings.init_scheme, seed); });
    }
    void operator()(const act::RemoveNeuron& a) {
        edit_document_and_say(s, "remove neuron " + std::to_string(a.j + 1) + " of " + layer_name(s.doc.net, a.l),
             [&](bp::Document& d) { remove_neuron(d.net, a.l, a.j); });
    }
    void operator()(const act::SetActivation& a) {
        edit_document_and_say(s, std::string(bp::to_string(a.f)) + " on " + layer_name(s.doc.net, a.l), [&](bp::Document& d) {
            if (a.l < 1 || a.l > d.net.L()) throw bp::Error("no layer " + std::to_string(a.l));
            d.net.layers[a.l].activation = a.f;
        });
    }
    void operator()(const act::SetLoss& a) {
        edit_document_and_say(s, "loss " + std::string(bp::to_string(a.loss)), [&](bp::Document& d) { d.net.loss = a.loss; });
    }
    void operator()(const act::SetBias& a) {
        edit_document_and_say(s, std::string(a.on ? "bias on for " : "no bias for ") + layer_name(s.doc.net, a.l), [&](bp::Document& d) {
            if (a.l < 1 || a.l > d.net.L()) throw bp::Error("no layer " + std::to_string(a.l));
            bp::Layer& layer = d.net.layers[a.l];
            layer.bias = a.on;
            if (!a.on) std::fill(layer.b.begin(), layer.b.end(), 0.0);
        });
    }
    void operator()(const act::Reinitialize& a) {
        say_edit(s, reinitialize_label(a.scheme, a.seed), reinitialize(s, a.scheme, a.seed));
    }
    void operator()(const act::Undo&) {
        const std::string label = undo_edit(s);
        set_status(s, label.empty() ? "nothing to undo" : "undone: " + label);
    }
    void operator()(const act::Redo&) {
        const std::string label = redo_edit(s);
        set_status(s, label.empty() ? "nothing to redo" : "redone: " + label);
    }

    void operator()(const act::ReplaceDocument& a) {
        if (const std::string why = replace_document(s, a.doc, a.path, a.title); !why.empty())
            return set_status(s, "could not open " + a.title + ": " + why, true);
        set_status(s, "opened " + s.title);
    }
    void operator()(const act::ShowTab& a) { s.side_tab = a.tab; }
    void operator()(const act::PinPath& a) { s.path_pin = a.pin; }
    void operator()(const act::Files& a) { apply_files(s, a.command); }
    void operator()(const act::Quiz& a) { apply_quiz(s, a.command); }
    void operator()(const act::Lesson& a) { apply_lesson(s, a.command); }
    void operator()(const act::Lab& a) { apply_lab(s, a.op); }
    void operator()(const act::MarkSaved& a) { document_saved(s, a.path); }
    void operator()(const act::Expression& a) { apply_expression(s, a.command); }
};

// An expression is open (expression.h): the stepping actions and undo act on it; the network's edits,
// its sample and training are refused. Returns whether the action was taken here.
bool route_to_expression(AppState& s, const Action& action) {
    return std::visit([&](const auto& a) {
        using T = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<T, act::StepForward>) expression_step_forward(s, a.count);
        else if constexpr (std::is_same_v<T, act::StepBack>) expression_step_back(s, a.count);
        else if constexpr (std::is_same_v<T, act::RunPhase>) expression_run_phase(s);
        else if constexpr (std::is_same_v<T, act::RunPass>) expression_run_pass(s);
        else if constexpr (std::is_same_v<T, act::Restart>) expression_restart(s);
        else if constexpr (std::is_same_v<T, act::Seek>) expression_seek(s, a.cursor);
        else if constexpr (std::is_same_v<T, act::Tick>) expression_tick(s, a.seconds);
        else if constexpr (std::is_same_v<T, act::Undo>) {
            const std::string label = expression_undo(s);
            set_status(s, label.empty() ? "nothing to undo" : "undone: " + label);
        } else if constexpr (std::is_same_v<T, act::Redo>) {
            const std::string label = expression_redo(s);
            set_status(s, label.empty() ? "nothing to redo" : "redone: " + label);
        } else if constexpr (std::is_same_v<T, act::EditParameter> || std::is_same_v<T, act::SetLearningRate> ||
                             std::is_same_v<T, act::AddLayer> || std::is_same_v<T, act::RemoveLayer> ||
                             std::is_same_v<T, act::AddNeuron> || std::is_same_v<T, act::RemoveNeuron> ||
                             std::is_same_v<T, act::SetActivation> || std::is_same_v<T, act::SetLoss> ||
                             std::is_same_v<T, act::SetBias> || std::is_same_v<T, act::Reinitialize> ||
                             std::is_same_v<T, act::TrainSteps> || std::is_same_v<T, act::SetSample> ||
                             std::is_same_v<T, act::Quiz> || std::is_same_v<T, act::Lab>) {
            if constexpr (!std::is_same_v<T, act::Lab>) set_status(s, "An expression is open: open a network to change one.", true);
        } else {
            return false;
        }
        return true;
    }, action);
}

}  // namespace

namespace {

// Whether an action leaves the document and the training alone, so the Lab's worker may go on training
// through it: what every frame pushes (the clocks, the pointer, the Lab's visibility) and what only
// changes the view. Every other action first stops the worker and adopts its run (sync_training).
bool leaves_training_alone(const AppState& s, const Action& a) {
    if (std::holds_alternative<act::Hover>(a) || std::holds_alternative<act::Highlight>(a) ||
        std::holds_alternative<act::ShowTab>(a) || std::holds_alternative<act::PinPath>(a))
        return true;
    if (std::holds_alternative<act::Tick>(a)) return !s.playing;
    if (const auto* f = std::get_if<act::Files>(&a))  // the autosave clock (it writes the frame's snapshot), not a dialog's answer
        return std::holds_alternative<files_cmd::Tick>(f->command) && !s.files.desktop_dialog;
    if (const auto* l = std::get_if<act::Lab>(&a))
        return std::holds_alternative<lab::Tick>(l->op) || std::holds_alternative<lab::SetVisible>(l->op) ||
               std::holds_alternative<lab::SetSpeed>(l->op) || std::holds_alternative<lab::SetBrush>(l->op) ||
               std::holds_alternative<lab::SetShownOutput>(l->op) || std::holds_alternative<lab::ShowTable>(l->op) ||
               std::holds_alternative<lab::SetSpec>(l->op);
    if (const auto* l = std::get_if<act::Lesson>(&a))  // the tasks read the frame's snapshot
        return std::holds_alternative<lesson_cmd::Tick>(l->command);
    return false;
}

}  // namespace

void apply(AppState& s, const Action& a) {
    if (lab_worker_running(s) && !leaves_training_alone(s, a)) sync_training(s);
    if (s.expression && route_to_expression(s, a)) return;
    std::visit(ActionHandler{s}, a);
}

void push_frame_ticks(ActionQueue& q, double dt) {
    q.push_back(act::Files{files_cmd::Tick{dt}});
    q.push_back(act::Tick{dt});
    q.push_back(act::Lab{lab::Tick{dt}});
    q.push_back(act::Lesson{lesson_cmd::Tick{}});
}

void apply_all(AppState& s, ActionQueue& q) {
    for (const Action& a : q) apply(s, a);
    q.clear();
}

}  // namespace studio
