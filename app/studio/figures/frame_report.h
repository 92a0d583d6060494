// What the window shows, as JSON, for tests that drive the real window (--report-state FILE): the
// document's name and unsaved flag, the pass's step, the selection, the autosave, the dialogs, and where
// each reported control was drawn and whether it was clipped. Window-free: the views fill a FrameReport
// (ui_report.h), this file writes it with the state.
#pragma once
#include <string>
#include <vector>

#include "app/studio/figures/layout.h"
#include "app/studio/state/text_scale.h"

namespace studio {

struct AppState;

// A control or panel as one frame drew it, in window pixels. Clipped: some of it fell outside the part
// of its panel (or the window) that is shown.
struct ReportedItem {
    std::string id;  // "toolbar.train", "menu.Presets", "preset.xor-2-3-1", "formula.result", ...
    Box rect;
    bool clipped = false;
    std::string text;  // what it says, when a test needs to read it (a value that must stay hidden, ...)
};

struct FrameReport {
    std::vector<ReportedItem> items;
    std::vector<std::string> dialogs;  // the modal dialogs and popups open ("Unsaved changes", ...)
    std::vector<std::string> overflow; // the toolbar's tools that did not fit its row: in its » menu
    NetworkLayout canvas;              // where the neurons are (for a test that drags an edge)
    int width = 0, height = 0;         // the window's size in pixels
    float scale = 1;                   // the UI scale the frame was drawn at
    InterfaceScale sizing;             // how: the text size asked and what the window holds (text_scale.h)
};

// The report as one JSON object (the document, the pass, the files, the frame's items).
std::string state_report_json(const AppState& s, const FrameReport& frame);

}  // namespace studio
