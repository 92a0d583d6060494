// Values travelling along the edges while the pass plays (for the lecture): during the time until the
// next step, each value that step reads moves from where it is to where the step writes — forward, a^(l−1)
// along w into z^l; backward, the loss's slope from L into an output δ and δ^(l+1) along w into δ^l; a
// and δ meeting on a weight's edge for its gradient — arriving as the step shows its result. The
// duration is one step at the play speed; Settings::motion turns it off. Window-free: the canvas draws
// what this computes (tests/studio/test_motion.cpp).
#pragma once
#include <string>
#include <vector>

#include "app/studio/figures/layout.h"
#include "app/studio/state/studio_state.h"

namespace studio {

struct Travel {
    Vec2 from, to;     // where the value is read and where the step writes
    Vec2 at;           // where it is now
    std::string text;  // its number ("0.5933"), or "" for the loss's slope
};

inline constexpr int kMaxTravels = 48;  // a dense layer's step moves its strongest few, not a cloud

// How far the time to the next step has gone while playing, 0 … 1 (play_clock × play_speed).
float play_progress(const AppState& s);
// The events the next step does at this granularity (as Stepper::step_forward groups them).
std::vector<int> next_step_events(const bp::Stepper& st, bp::Granularity g);
// The travelling values at this moment; none unless playing with motion on and a step is still to come.
std::vector<Travel> travels(const AppState& s, const NetworkLayout& lay);

}  // namespace studio
