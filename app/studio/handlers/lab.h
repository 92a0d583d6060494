// The Training lab's behaviour: apply_lab() carries out a lab action (lab_actions.h) on the app state;
// the queries below are what the Lab view reads besides AppState::lab. Window-free, unit-tested.
#pragma once
#include "app/studio/handlers/lab_actions.h"
#include "app/studio/state/studio_state.h"

namespace studio {

// Called by apply() for act::Lab. Never throws; refusals and news go to s.status.
void apply_lab(AppState& s, const lab::Op& op);

// Training progress in epochs: steps × batch size / training samples.
double epochs_done(const AppState& s);
// 2 or 1 when the Lab can plot the data (the network's input count), else 0.
int plot_dims(const AppState& s);
// Whether the data are classes (the network is a classifier).
bool lab_classifies(const AppState& s);

}  // namespace studio
