// The views' side of --report-state (frame_report.h): after drawing a control a test may look for, a
// view names it (report_item("toolbar.train")); the frame records where it was drawn and whether the
// panel it is in clipped it. Reporting is off (every call returns at once) unless the frame asks for it.
#pragma once
#include <string>

#include <imgui.h>

#include "app/studio/figures/frame_report.h"

namespace studio {

void begin_frame_report(FrameReport* report);  // nullptr: reporting off for this frame
bool reporting();
void report_item(const std::string& id);  // the last ImGui item
void report_text(const std::string& id, const std::string& text);  // the last ImGui item, and what it says
// A rectangle drawn (and what it says), clipped against the current window's clip rectangle.
void report_rect(const std::string& id, ImVec2 min, ImVec2 max, const std::string& text = "");
void report_dialog(const std::string& name);
void report_overflow(const std::string& id);  // a toolbar tool moved into the » menu

}  // namespace studio
