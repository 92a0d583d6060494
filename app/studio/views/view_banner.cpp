// The presentation banner: what the class is looking at right now, in letters readable from the back
// row — "Backward pass — δ of hidden neuron 2".
#include <string>

#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"

namespace studio {

void draw_banner(const AppState& s, const Ui& ui) {
    const bp::Stepper& st = *s.stepper;
    std::string text;
    if (const bp::StepEvent* e = st.current()) text = st.text(*e).title;
    else text = "Ready — press → to start the forward pass";
    if (st.at_end()) text = "Pass complete — " + text;
    if (const int i = quiz_question(s); i >= 0)  // quiz mode: the question the room is asked
        text = "Your turn: compute " + question_label(s, i);
    ImGui::PushFont(ui.fonts.huge);
    centered_text(text.c_str(), to_u32(ui.colors.text));
    ImGui::PopFont();
}

}  // namespace studio
