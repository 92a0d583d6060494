// Every change of the open document, in one place: an edit (validated on a copy, one undo entry per
// gesture, the pass rebuilt), undo and redo, replacing the document (New, Open, a preset, a restore),
// and marking it saved. Each returns "" when done or why not — the state is then exactly as it was —
// and leaves the status line to its caller. apply() (actions.h) and the handlers call these; none of
// them calls apply().
#pragma once
#include <functional>
#include <string>

#include "app/studio/state/studio_state.h"

namespace studio {

inline constexpr std::size_t kMaxUndo = 500;

// Edits a copy of the document with fn (which may throw bp::Error); a valid result is adopted with one
// undo entry named `label` (one per gesture: a drag's entry is renamed after where it ended).
std::string edit_document(AppState& s, const std::string& label, const std::function<void(bp::Document&)>& fn);
// The same, saying in the status line what was done ("…  (Ctrl+Z undoes)") or why it was refused.
// Returns whether the edit was adopted.
bool edit_document_and_say(AppState& s, const std::string& label, const std::function<void(bp::Document&)>& fn);
// The status line after an edit named label: done, or refused because of why. Returns why.empty().
bool say_edit(AppState& s, const std::string& label, const std::string& why);

// The training settings, wherever they are changed (the toolbar's η, the Lab's η, optimiser and batch): an
// undoable edit like any other, checked by the engine's one rule (bp::training_problem). The optimiser's
// state (momentum's v, Adam's moments) goes on unless the optimiser itself changes, as torch.optim keeps it
// when a parameter group's lr changes; an undo restores the settings and, like every undo, starts it afresh.
std::string edit_training(AppState& s, const std::string& label, const bp::TrainingConfig& c);
// "learning rate η = 0.03", "optimiser adam", "batch size 8" or "training settings": what c changes.
std::string training_label(const bp::TrainingConfig& before, const bp::TrainingConfig& c);

// New parameters from an initialisation scheme and seed (an edit; the scheme and seed become the
// settings' for the next re-initialisation and new layers).
std::string reinitialize(AppState& s, bp::InitScheme scheme, std::uint64_t seed);
std::string reinitialize_label(bp::InitScheme scheme, std::uint64_t seed);  // "re-initialise (xavier, seed 1)"

// Names the undo entry just made after a parameter: `pattern` with "$p" for the parameter's name in the
// notation on screen ("set $p = 0.7" → "set W₂[2,1] = 0.7"); relabel_undo writes it again in another.
void name_undo_after(AppState& s, const std::string& pattern, const Selection& parameter);
void relabel_undo(AppState& s);

// Back to the last undo entry / forward again. Return the entry's label, or "" when there was none.
std::string undo_edit(AppState& s);
std::string redo_edit(AppState& s);

// After a change made outside the undo stack (training, a pass's update, a setting): a new version of
// the document, the trainer rebuilt on next use, a selection that no longer exists dropped, the pass
// recomputed (keep_cursor: at the same event when the pass has the same length).
void document_changed(AppState& s, bool keep_cursor);

// A fresh state on doc (data added when it has none), keeping what belongs to the user rather than the
// document: settings, presentation and keyboard mode, the quiz's choices and totals, the files (recent
// list, autosave), the lesson open. Not modified afterwards. On failure nothing changes.
std::string replace_document(AppState& s, bp::Document doc, const std::string& path, const std::string& title);

// The document is now what the file at `path` holds.
void document_saved(AppState& s, const std::string& path);

}  // namespace studio
