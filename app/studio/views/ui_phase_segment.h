// One segment of a phase strip (the network's forward → … → update under the toolbar, and the
// computation graph's forward → backward): a pill lit in the accent colour while its phase is on screen,
// tinted once complete, its name centred with a ✓ when complete; a click on it asks to jump there.
#pragma once
#include <string>

#include "app/studio/views/ui.h"

namespace studio {

struct PhaseSegment {
    const char* id;           // ImGui id, unique in the strip
    const char* help;         // tooltip
    std::string name;         // "" when the segment is too narrow for any name (a ✓ only)
    std::string report_id;    // --report-state's id for the name's rectangle
    bool current = false;     // the phase of the step on screen
    bool complete = false;    // every step of the phase done
};

// Draws the segment from a, w × h; true when clicked.
bool phase_segment(ImDrawList* dl, ImVec2 a, float w, float h, const Ui& ui, const PhaseSegment& seg);

}  // namespace studio
