// Changes of the open document: edits with undo, replacing, saving (see document.h).
#include "app/studio/handlers/document.h"

#include <utility>

#include "app/studio/handlers/quiz.h"
#include "engine/core/error.h"
#include "engine/core/optimizer.h"
#include "engine/core/training_settings.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

void validate_document(const bp::Document& d) {
    bp::validate(d.net);
    if (d.data) bp::validate_dataset(d.net, *d.data, "data");
    if (d.test && d.test->size() > 0) bp::validate_dataset(d.net, *d.test, "data.test");
}

Snapshot snapshot(const AppState& s, std::string label) {
    return {s.doc, s.selection, s.sample, std::move(label), s.revision, "", Selection{}};
}

void push_undo(AppState& s, std::string label) {
    s.undo.push_back(snapshot(s, std::move(label)));
    if (s.undo.size() > kMaxUndo) s.undo.erase(s.undo.begin());
    s.redo.clear();
}

// Puts back a snapshot's document (the loss curve marks the edit; the version is the snapshot's, so
// undoing back to the saved state clears the *).
void restore(AppState& s, Snapshot snap) {
    const bool keep_cursor = bp::same_shape(snap.doc.net, s.doc.net);
    if (!same_data(snap.doc, s.doc)) mark_data_changed(s);
    s.doc = std::move(snap.doc);
    s.selection = snap.selection;
    s.sample = snap.sample;
    s.history.mark_edit(s.steps_done);
    document_changed(s, keep_cursor);
    s.revision = snap.revision;
}

}  // namespace

std::string edit_document(AppState& s, const std::string& label, const std::function<void(bp::Document&)>& fn) {
    bp::Document next = s.doc;
    try {
        fn(next);
        validate_document(next);
    } catch (const bp::Error& e) {
        return e.what();
    }
    if (!s.gesture_open || !s.gesture_saved) {
        push_undo(s, label);
        s.gesture_saved = s.gesture_open;
    } else {
        s.undo.back().label = label;  // a drag is one entry, named after where it ended
    }
    const bool keep_cursor = bp::same_shape(next.net, s.doc.net);
    if (!same_data(next, s.doc)) mark_data_changed(s);
    s.doc = std::move(next);
    s.history.mark_edit(s.steps_done);
    document_changed(s, keep_cursor);
    return "";
}

bool say_edit(AppState& s, const std::string& label, const std::string& why) {
    set_status(s, why.empty() ? label + "  (Ctrl+Z undoes)" : label + " refused: " + why, !why.empty());
    return why.empty();
}

bool edit_document_and_say(AppState& s, const std::string& label, const std::function<void(bp::Document&)>& fn) {
    return say_edit(s, label, edit_document(s, label, fn));
}

std::string edit_training(AppState& s, const std::string& label, const bp::TrainingConfig& c) {
    const std::shared_ptr<bp::Trainer> trainer = s.trainer;
    const std::string why = edit_document(s, label, [&](bp::Document& d) {
        if (const std::string p = bp::training_problem(c, d.data ? d.data->size() : -1); !p.empty()) throw bp::Error(p);
        d.training = c;
    });
    if (why.empty() && trainer && s.doc.data) {  // the same network and data: the trainer goes on
        trainer->set_config(c);                  // (its state restarts only for another optimiser)
        s.trainer = trainer;
        s.trainer_data = &*s.doc.data;
    }
    return why;
}

std::string training_label(const bp::TrainingConfig& before, const bp::TrainingConfig& c) {
    if (c.learning_rate != before.learning_rate) return "learning rate η = " + bp::format_number(c.learning_rate);
    if (c.optimizer != before.optimizer) return "optimiser " + std::string(bp::to_string(c.optimizer));
    if (c.batch_size != before.batch_size) return "batch size " + std::to_string(c.batch_size);
    return "training settings";
}

std::string reinitialize_label(bp::InitScheme scheme, std::uint64_t seed) {
    return "re-initialise (" + std::string(bp::to_string(scheme)) + ", seed " + std::to_string(seed) + ")";
}

std::string reinitialize(AppState& s, bp::InitScheme scheme, std::uint64_t seed) {
    const std::string why = edit_document(s, reinitialize_label(scheme, seed),
                                          [&](bp::Document& d) { bp::initialize(d.net, scheme, seed); });
    if (why.empty()) s.settings.init_scheme = scheme, s.settings.init_seed = seed;
    return why;
}

namespace {

std::string parameter_name(const bp::Symbols& sym, const Selection& p) {
    return p.kind == Selection::Kind::bias ? sym.bias(p.l, p.j).text : sym.weight(p.l, p.j, p.k).text;
}

// The entry's label in the notation on screen; its own document has the parameter (an edit of a parameter
// keeps the network's shape, so the document before it and after it both do).
void relabel(const AppState& s, Snapshot& snap) {
    if (!snap.named.is_parameter()) return;
    const bp::Symbols sym(s.settings.notation, snap.doc.net);
    snap.label = bp::fill_in(snap.pattern, {{"$p", parameter_name(sym, snap.named)}});
}

// The entry `to` takes from `from` (undo ⇄ redo): its label and what it names.
Snapshot carried(const AppState& s, const Snapshot& from) {
    Snapshot to = snapshot(s, from.label);
    to.pattern = from.pattern;
    to.named = from.named;
    return to;
}

}  // namespace

void name_undo_after(AppState& s, const std::string& pattern, const Selection& parameter) {
    if (s.undo.empty()) return;
    Snapshot& snap = s.undo.back();
    snap.pattern = pattern;
    snap.named = parameter;
    relabel(s, snap);
}

void relabel_undo(AppState& s) {
    for (Snapshot& snap : s.undo) relabel(s, snap);
    for (Snapshot& snap : s.redo) relabel(s, snap);
}

std::string undo_edit(AppState& s) {
    if (s.undo.empty()) return "";
    Snapshot back = std::move(s.undo.back());
    s.undo.pop_back();
    s.redo.push_back(carried(s, back));
    const std::string label = back.label;
    restore(s, std::move(back));
    return label;
}

std::string redo_edit(AppState& s) {
    if (s.redo.empty()) return "";
    Snapshot next = std::move(s.redo.back());
    s.redo.pop_back();
    s.undo.push_back(carried(s, next));
    const std::string label = next.label;
    restore(s, std::move(next));
    return label;
}

void document_changed(AppState& s, bool keep_cursor) {
    mark_changed(s);
    s.trainer.reset();
    s.trainer_data = nullptr;
    if (!valid(s.doc.net, s.selection)) s.selection = {};
    if (!valid(s.doc.net, s.hover)) s.hover = {};
    s.highlight.clear();
    rebuild_pass(s, keep_cursor);
}

std::string replace_document(AppState& s, bp::Document doc, const std::string& path, const std::string& title) {
    AppState fresh;
    try {
        fresh = make_state(std::move(doc), path, title);
    } catch (const bp::Error& e) {
        return e.what();
    }
    fresh.settings = s.settings;
    fresh.present = s.present;
    fresh.keyboard_mode = s.keyboard_mode;
    fresh.quiz = carried_over(s.quiz);
    fresh.files = std::move(s.files);
    fresh.lesson = std::move(s.lesson);  // the lesson open and its progress (a page replaces the document too)
    s = std::move(fresh);
    return "";
}

void document_saved(AppState& s, const std::string& path) {
    s.file_path = path;
    mark_saved(s);
}

}  // namespace studio
