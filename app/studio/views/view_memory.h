// What the views remember from one frame to the next that is ImGui's business, not the document's: which
// point of the Lab's plot is being dragged, which quiz question had the keyboard focus, the Paths tab's
// model (rebuilt only when the pass, the selection or the sample change) and the row under the pointer,
// whether the help overlay or About is open. One place, owned with the fonts (Ui::memory), so nothing
// hides in a static and a test can start from a clean slate.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "app/studio/figures/paths_panel.h"
#include "app/studio/state/lab_data.h"
#include "app/studio/state/resources.h"

namespace studio {

struct ViewMemory {
    // the Lab's data plot: a press on a point starts a drag; on empty ground, a click adds one
    PointRef lab_dragging;
    bool lab_adding = false;
    // the quiz's answer field takes the focus once per new question
    std::uint64_t quiz_asked_revision = 0;
    int quiz_asked_event = -1;
    long quiz_seen_checked = -1;
    // the Paths tab
    PathPanelCache paths;
    int paths_hot_row = -1;
    // the presets on disk (read once: the files ship with the app)
    std::optional<std::vector<PresetInfo>> presets;
    // overlays the menus open
    bool help_open = false;
    bool about_open = false;
    // the toolbar's η field: the value typed so far (set when the field is left or Enter is pressed)
    double lr_typed = 0;
    // keyboard mode: whether, at the end of the last frame, Esc was ImGui's to back out of something
    bool escape_is_imgui = false;
};

}  // namespace studio
