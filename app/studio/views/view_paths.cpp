// The "Paths" tab: every chain-rule path from the selected weight or bias to the loss, one row each (the
// route, each factor as a chip with its value, the product), sorted by |product|; the sum of all paths
// against backprop's gradient with a visible check; the compact form a·δ with δ's recurrence. Hovering a
// row draws its route on the canvas, hovering a chip its single source. The data: paths_panel.h.
#include <algorithm>
#include <string>
#include <vector>

#include "app/studio/figures/paths_panel.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

using Kind = bp::ValueRef::Kind;

// A chip's tint by what the factor is: ∂L/∂a, f′(z), a weight, an activation (or ∂z/∂b).
Rgb chip_tint(const bp::ValueRef& r, const bp::Network& net, const Ui& ui) {
    if (r.kind == Kind::weight || r.kind == Kind::bias) return ui.colors.positive;
    if (r.kind == Kind::z) return ui.colors.accent_read;
    if (r.kind == Kind::a && r.l == net.L()) return ui.colors.accent;
    return ui.colors.text_dim;
}

// One chip "label = value" as an item; returns whether it is hovered.
bool chip(const PathChip& c, Rgb tint, const Ui& ui, bool row_hot) {
    const std::string text = c.label + " = " + c.value;
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const ImVec2 pad(6 * ui.scale, 3 * ui.scale);
    const ImVec2 size(ts.x + 2 * pad.x, ts.y + 2 * pad.y);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    const bool hot = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 q(p.x + size.x, p.y + size.y);
    dl->AddRectFilled(p, q, to_u32(tint, hot ? 0.38f : row_hot ? 0.22f : 0.14f), 6 * ui.scale);
    dl->AddRect(p, q, to_u32(hot ? ui.colors.accent : tint, hot ? 1.0f : 0.55f), 6 * ui.scale, 0, (hot ? 2.5f : 1.0f) * ui.scale);
    dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), to_u32(ui.colors.text), text.c_str());
    return hot;
}

float chip_width(const PathChip& c, const Ui& ui) {
    return ImGui::CalcTextSize((c.label + " = " + c.value).c_str()).x + 12 * ui.scale;
}

// One path: the route and the product on top, the chips below. Reports what the pointer is on (want)
// and returns whether the row is under the pointer.
bool path_row(const PathRow& row, int index, const bp::Network& net, const Ui& ui, bool hot_last_frame, bool pinned,
              std::vector<bp::ValueRef>& want) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushID(index);
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImGui::Indent(6 * ui.scale);
    ImGui::Dummy(ImVec2(0, 1 * ui.scale));
    ImGui::TextColored(to_vec4(pinned ? ui.colors.accent : ui.colors.text_dim), "%s%d.", pinned ? "● " : "", index + 1);
    ImGui::SameLine();
    // The route and, at the right, its product; a route too long for both wraps at its arrows and the
    // product takes a line of its own: nothing is written over anything.
    const std::string product = "= " + row.product_text;
    const float pw = ImGui::CalcTextSize(product.c_str()).x, gap = 12 * ui.scale, inset = 8 * ui.scale;
    const float line_end = ImGui::GetWindowContentRegionMax().x - inset;
    const bool one_line = ImGui::GetCursorPosX() + ImGui::CalcTextSize(row.route.c_str()).x + gap + pw <= line_end;
    const std::string id = std::to_string(index);
    if (one_line) {
        ImGui::TextUnformatted(row.route.c_str());
        report_item("paths.route." + id);
        ImGui::SameLine();  // (SameLine's own x counts from the group: set the window's x instead)
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), line_end - pw));
    } else {
        ImGui::BeginGroup();
        text_wrapped_at_spaces(row.route, ImGui::GetStyle().Colors[ImGuiCol_Text], ImGui::GetFontSize());
        ImGui::EndGroup();
        report_item("paths.route." + id);
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), line_end - pw));
    }
    ImGui::TextColored(to_vec4(row.product >= 0 ? ui.colors.positive : ui.colors.negative), "%s", product.c_str());
    report_item("paths.product." + id);
    ImGui::PushFont(ui.fonts.small);
    bool chip_hot = false;
    for (std::size_t i = 0; i < row.chips.size(); ++i) {
        if (i > 0) {
            same_line_or_wrap(ImGui::CalcTextSize("×").x + 8 * ui.scale + chip_width(row.chips[i], ui));
            ImGui::AlignTextToFramePadding();
            ImGui::TextColored(to_vec4(ui.colors.text_dim), "×");
            ImGui::SameLine();
        }
        if (chip(row.chips[i], chip_tint(row.chips[i].source, net, ui), ui, hot_last_frame)) {
            want = {row.chips[i].source};
            chip_hot = true;
        }
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 2 * ui.scale));
    ImGui::Unindent(6 * ui.scale);
    ImGui::EndGroup();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const ImVec2 bottom(right, ImGui::GetItemRectMax().y);
    const bool hot = ImGui::IsMouseHoveringRect(top, bottom) && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
    if (hot && !chip_hot) want = row.refs;
    dl->ChannelsSetCurrent(0);
    const bool lit = hot || pinned;
    dl->AddRectFilled(top, bottom, lit ? to_u32(ui.colors.accent, ui.light ? 0.10f : 0.12f) : ImGui::GetColorU32(ImGuiCol_FrameBg),
                      6 * ui.scale);
    if (lit) dl->AddRect(top, bottom, to_u32(ui.colors.accent), 6 * ui.scale, 0, (pinned ? 3.0f : 2.0f) * ui.scale);
    dl->ChannelsMerge();
    ImGui::PopID();
    return hot;
}

// Σ of the paths over backprop's gradient, the numbers one under the other, then the verdict.
void check_block(const PathPanelModel& m, const Ui& ui) {
    ImGui::Spacing();
    ImGui::Separator();
    if (ImGui::BeginTable("check", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed);
        const auto row = [&](const std::string& name, const std::string& value) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(name.c_str());
            ImGui::PopTextWrapPos();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(value.c_str());
        };
        row(m.sum_name, m.sum_value);
        row(m.gradient_name, m.gradient_value);
        ImGui::EndTable();
    }
    const Rgb col = !m.walked ? ui.colors.text_dim : m.agree ? ui.colors.right : ui.colors.wrong;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushFont(m.walked ? ui.fonts.large : ui.fonts.body);
    ImGui::TextColored(to_vec4(col), "%s", m.check_line.c_str());
    ImGui::PopFont();
    if (m.walked) {
        ImGui::PushFont(ui.fonts.small);
        ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s", m.difference_line.c_str());
        ImGui::PopFont();
    }
    ImGui::PopTextWrapPos();
}

void compact_block(const PathPanelModel& m, const Ui& ui) {
    ImGui::Spacing();
    ImGui::Separator();
    text_wrapped_at_spaces("The same sum, factored (what backprop computes):", to_vec4(ui.colors.text_dim));
    const float em = ImGui::GetFontSize();
    for (std::size_t i = 0; i < m.compact.size(); ++i) {
        if (i == 1) {
            ImGui::PushFont(ui.fonts.small);
            text_wrapped_at_spaces("The error's recurrence, from this neuron to the output:", to_vec4(ui.colors.text_dim));
            ImGui::PopFont();
        }
        ImGui::Indent(em * 0.6f);
        text_wrapped_at_spaces(m.compact[i], ImGui::GetStyle().Colors[ImGuiCol_Text], em * 1.5f);
        ImGui::Unindent(em * 0.6f);
    }
}

bool gradient_known(const AppState& s) {
    const Selection& p = s.selection;
    return known(s, {p.kind == Selection::Kind::bias ? Kind::db : Kind::dW, p.l, p.j, p.k});
}

}  // namespace

void draw_paths(const AppState& s, const Ui& ui, ActionQueue& q) {
    ViewMemory& memory = ui.memory;
    ImGui::BeginChild("paths_scroll");
    std::vector<bp::ValueRef> want;
    const ImVec4 dim = to_vec4(ui.colors.text_dim);
    ImGui::PushTextWrapPos(0.0f);
    if (s.quiz.on && s.selection.is_parameter() && !gradient_known(s)) {
        const bp::Symbols sym = symbols(s);
        const Selection& p = s.selection;
        const bool bias = p.kind == Selection::Kind::bias;
        const std::string name = (bias ? sym.bias(p.l, p.j) : sym.weight(p.l, p.j, p.k)).text;
        const std::string gradient = (bias ? sym.bias_gradient(p.l, p.j) : sym.weight_gradient(p.l, p.j, p.k)).text;
        ImGui::TextColored(dim, "Quiz mode is on: the paths of %s show every local derivative and its gradient, so "
                                "they appear once the pass has computed %s (answer it, reveal it, or turn the "
                                "quiz off).",
                           name.c_str(), gradient.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        if (!s.highlight.empty()) q.push_back(act::Highlight{});
        return;
    }
    const PathPanelModel& m = memory.paths.get(s);
    if (!m.hint.empty()) {
        ImGui::TextColored(dim, "%s", m.hint.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        if (!s.highlight.empty()) q.push_back(act::Highlight{});
        return;
    }
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextColored(to_vec4(ui.colors.accent), "%s", m.gradient_label.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    const double n = m.total_count;
    ImGui::TextColored(dim, "%s", n == 1 ? "= the product along its only path"
                                         : ("= Σ over " + bp::path_count_text(n) +
                                            " paths of the product along each").c_str());
    ImGui::PushFont(ui.fonts.small);
    ImGui::TextColored(dim, "%s Hover a path to see it on the network; click it to keep it there.", m.sample_note.c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    int hot = -1;
    const int pinned = pinned_row(s, m);
    for (int i = 0; i < static_cast<int>(m.rows.size()); ++i) {
        if (path_row(m.rows[i], i, s.doc.net, ui, i == memory.paths_hot_row, i == pinned, want)) hot = i;
        ImGui::Dummy(ImVec2(0, 2 * ui.scale));
    }
    memory.paths_hot_row = hot;
    if (hot >= 0 && ImGui::IsMouseClicked(0))  // click a row: its route stays drawn (again: let go)
        q.push_back(act::PinPath{PathPin{s.selection, hot == pinned ? -1 : hot}});
    if (want.empty() && pinned >= 0) want = m.rows[pinned].refs;
    if (!m.more_text.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(dim, "… %s", m.more_text.c_str());
        ImGui::PopTextWrapPos();
    }
    check_block(m, ui);
    compact_block(m, ui);
    ImGui::EndChild();
    if (want != s.highlight) q.push_back(act::Highlight{want});
}

}  // namespace studio
