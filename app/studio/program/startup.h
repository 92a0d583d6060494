// The state the window opens on, from the command line: the file (or the built-in example), then
// --train-steps, --step and --select, in that order. Window-free, so the tests check every flag.
#pragma once
#include "app/studio/program/cli_args.h"
#include "app/studio/state/studio_state.h"

namespace studio {

// Throws bp::Error with a message for the user (unloadable file, a --select outside the network).
AppState initial_state(const Options& o);

}  // namespace studio
