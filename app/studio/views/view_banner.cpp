// The presentation banner: what the class is looking at right now, in letters readable from the back
// row — "Backward pass — δ of hidden neuron 2".
#include <string>

#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"

namespace studio {

namespace {

// The step's title: the network's, or the open expression's graph's (handlers/expression.h).
template <class Stepper>
std::string banner_step_title(const Stepper& st) {
    std::string text = st.current() ? st.text(st.cursor() - 1).title : "Ready — press → to start the forward pass";
    return st.at_end() ? "Pass complete — " + text : text;
}

}  // namespace

void draw_banner(const AppState& s, const Ui& ui) {
    std::string text = s.expression ? banner_step_title(s.expression->stepper) : banner_step_title(*s.stepper);
    if (const int i = s.expression ? -1 : quiz_question(s); i >= 0)  // quiz mode: the question the room is asked
        text = "Your turn: compute " + question_label(s, i);
    if (const int i = expression_quiz_question(s); i >= 0) text = "Your turn: " + s.expression->stepper.text(i).title;
    // In the huge font when it fits on one line, else in the large one, wrapped at spaces and centred.
    const float room = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(ui.fonts.huge);
    const bool one_line = ImGui::CalcTextSize(text.c_str()).x <= room;
    ImGui::PopFont();
    ImGui::PushFont(one_line ? ui.fonts.huge : ui.fonts.large);
    ImGui::BeginGroup();
    for (const std::string& line : wrap_at_spaces(text, room)) centered_text(line.c_str(), to_u32(ui.colors.text));
    ImGui::EndGroup();
    report_text("banner", text);
    ImGui::PopFont();
}

}  // namespace studio
