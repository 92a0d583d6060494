// The autosave of unsaved work, one file per running instance (state/files_state.h explains why):
// attaching an instance to the autosave folder (its own file and lock; the offers of instances that are
// gone), writing the document every few seconds while it has unsaved changes, removing it once what it
// holds is saved or explicitly discarded, and answering an offer.
#pragma once
#include <string>

#include "app/studio/state/studio_state.h"

namespace studio {

inline constexpr const char* kAutosaveKey = "backprop_studio_autosave";  // where it belonged and when

// data_dir()/autosave, or "" when there is no data directory.
std::string default_autosave_dir();

// Takes this instance's file and lock in `dir` (created when missing) and lists the autosaves of
// instances that are gone, newest first, taking their locks while they are offered. A folder that cannot
// be used leaves autosave off (a message on stderr), never a failed start.
void attach_autosave(Autosave& a, const std::string& dir);

// Writes the document (with where it belonged and when) when it differs from the last write. A failed
// write is retried at the next tick; the open document is untouched.
void write_autosave(AppState& s);
// This instance's file is no longer needed: what it held was saved or discarded.
void remove_autosave(Autosave& a);
// At a clean exit: the file and the lock go.
void detach_autosave(Autosave& a);

// The offer shown (offers.front()) is answered: its files go (after a restore, once this instance's own
// autosave holds the restored work), and the next offer, if any, is shown.
void drop_offer(Autosave& a);

}  // namespace studio
