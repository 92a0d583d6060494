// Check-my-homework in the window: each row of the Quiz tab's table (what, layer, neuron, the value as
// typed) marked against the current network and pass with the engine's Homework (the same digit rule,
// formulas and diagnosis as `backprop-cli check`). A cache re-marks only when the pass or the rows change.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/studio/state/studio_state.h"

namespace studio {

struct HomeworkMark {
    std::string label;      // "δ²₁" (empty when the row does not fit the network)
    std::string problem;    // "layer: 5 is past the last layer (2)"; empty when the row fits
    bool checked = false;   // a value was typed and the row fits
    bp::Verdict verdict = bp::Verdict::unreadable;
    std::string mark;       // "✓ right", "✗ wrong", "more digits", "not a number"
    std::string diagnosis;  // the classic mistake, or why more digits / unreadable
    std::string expected;   // the exact value, formatted (for the tooltip)
    std::string formula;    // with the numbers
    bool has_point = false;
    bp::ValueRef point_at;  // the diagnosed factor, else the value's own place
};

// The QuantityRef of a row for the current pass (per-sample values use the pass's shown sample).
bp::QuantityRef homework_ref(const AppState& s, const HomeworkRow& row);
std::vector<HomeworkMark> mark_homework(const AppState& s, const std::vector<HomeworkRow>& rows);

class HomeworkTableCache {
public:
    const std::vector<HomeworkMark>& get(const AppState& s);
    int builds() const { return builds_; }

private:
    bool have_ = false;
    std::uint64_t revision_ = 0;
    std::vector<HomeworkRow> rows_;
    bp::Notation notation_ = bp::Notation::per_neuron;  // the labels are written in it
    std::vector<HomeworkMark> marks_;
    int builds_ = 0;
};

}  // namespace studio
