// The Training lab's behaviour: apply_lab() carries out a lab action (lab_actions.h) on the app state;
// the queries below are what the Lab view reads besides AppState::lab. Window-free, unit-tested.
#pragma once
#include "app/studio/handlers/lab_actions.h"
#include "app/studio/state/studio_state.h"

namespace studio {

// Called by apply() for act::Lab. Never throws; refusals and news go to s.status.
void apply_lab(AppState& s, const lab::Op& op);

// Stops the Lab's training worker, if it runs, and adopts everything it did (the network, the losses, the
// watch and checkpoints; an ended run pauses and says why). Training stays on: the next lab::Tick starts
// a new worker. apply() calls it before every action that could touch the document or the training.
void sync_training(AppState& s);
bool lab_worker_running(const AppState& s);

// Training progress in epochs: steps × batch size / training samples.
double epochs_done(const AppState& s);
// 2 or 1 when the Lab can plot the data (the network's input count), else 0.
int plot_dims(const AppState& s);
// Whether the data are classes (the network is a classifier).
bool lab_classifies(const AppState& s);

}  // namespace studio
