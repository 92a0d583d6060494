// The matrix view of one layer, the matrix form of the notes: W^l (n_l × n_(l−1)) and b^l (editable),
// then z^l, a^l, δ^l for the batch as rows (N × n_l), then ∂L/∂W^l = Σ_n δ^l_n (a^(l−1)_n)ᵀ and ∂L/∂b^l.
// Values the pass has not computed yet read "?".
#include <string>

#include "app/studio/figures/describe.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

using Kind = bp::ValueRef::Kind;

constexpr ImGuiTableFlags kTable = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                                   ImGuiTableFlags_NoHostExtendX;

bool header(const char* title, const std::string& shape, const char* formula, const Ui& ui) {
    const bool open = ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen);
    ImGui::SameLine();
    ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s   %s", shape.c_str(), formula);
    return open;
}

std::string shape(int r, int c) { return "(" + std::to_string(r) + " × " + std::to_string(c) + ")"; }

// A table of `rows` × `cols` numbers; get(r, c, v) returns false for an unknown value.
template <class Get>
void number_table(const char* id, int rows, int cols, const char* row_sym, const char* col_sym, const Ui& ui, Get get) {
    if (!ImGui::BeginTable(id, cols + 1, kTable)) return;
    ImGui::PushFont(ui.fonts.mono);
    ImGui::TableSetupColumn("");
    for (int c = 0; c < cols; ++c) ImGui::TableSetupColumn((std::string(col_sym) + bp::subscript(c + 1)).c_str());
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(rows);
    while (clip.Step()) {
        for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s%s", row_sym, bp::subscript(r + 1).c_str());
            for (int c = 0; c < cols; ++c) {
                ImGui::TableNextColumn();
                double v = 0;
                if (get(r, c, v)) ImGui::TextUnformatted(bp::format_number(v, 4).c_str());
                else ImGui::TextColored(to_vec4(ui.colors.unknown), "?");
            }
        }
    }
    ImGui::PopFont();
    ImGui::EndTable();
}

void parameter_tables(const AppState& s, const Ui& ui, ActionQueue& q, int l) {
    const bp::Network& net = s.doc.net;
    const bp::Layer& layer = net.layers[l];
    const int n = layer.size, m = net.layers[l - 1].size;
    const std::string W = "W" + bp::superscript(l), b = "b" + bp::superscript(l);
    if (header((W + "##W").c_str(), shape(n, m), "row j = weights into neuron j", ui) &&
        ImGui::BeginTable("W", m + 1, kTable)) {
        ImGui::PushFont(ui.fonts.mono);
        ImGui::TableSetupColumn("");
        for (int k = 0; k < m; ++k) ImGui::TableSetupColumn(("k=" + std::to_string(k + 1)).c_str());
        ImGui::TableHeadersRow();
        for (int j = 0; j < n; ++j) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(to_vec4(ui.colors.text_dim), "j=%d", j + 1);
            for (int k = 0; k < m; ++k) {
                ImGui::TableNextColumn();
                ImGui::PushID(j * m + k);
                parameter_drag("##w", Selection::weight(l, j, k), layer.W(j, k), ImGui::GetFontSize() * 4.6f, q);
                ImGui::PopID();
            }
        }
        ImGui::PopFont();
        ImGui::EndTable();
    }
    if (!layer.bias) {
        ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s: this layer has no bias", b.c_str());
        return;
    }
    if (header((b + "##b").c_str(), "(" + std::to_string(n) + ")", s.doc.training.freeze_biases ? "frozen" : "", ui) &&
        ImGui::BeginTable("b", n, kTable)) {
        ImGui::PushFont(ui.fonts.mono);
        for (int j = 0; j < n; ++j) ImGui::TableSetupColumn(("j=" + std::to_string(j + 1)).c_str());
        ImGui::TableHeadersRow();
        ImGui::TableNextRow();
        for (int j = 0; j < n; ++j) {
            ImGui::TableNextColumn();
            ImGui::PushID(j);
            parameter_drag("##b", Selection::bias(l, j), layer.b[j], ImGui::GetFontSize() * 4.6f, q);
            ImGui::PopID();
        }
        ImGui::PopFont();
        ImGui::EndTable();
    }
}

void trace_tables(const AppState& s, const Ui& ui, int l) {
    const bp::Trace& t = s.stepper->trace();
    const bp::LayerTrace& lt = t.layers[l];
    const int N = t.N(), n = s.doc.net.layers[l].size, m = s.doc.net.layers[l - 1].size;
    const std::string sup = bp::superscript(l);
    const auto known_at = [&](Kind k, int j, int kk = 0) { return known(s, {k, l, j, kk}); };
    struct Row {
        std::string title;
        const char* formula;
        Kind kind;
        const bp::Matrix* m;
    };
    const Row rows[] = {{"z" + sup, "rows = samples: z = a^(l−1)·Wᵀ + b", Kind::z, &lt.z},
                        {"a" + sup, "a = f(z)", Kind::a, &lt.a},
                        {"δ" + sup, "δ^l = (W^(l+1))ᵀδ^(l+1) ⊙ f′(z^l)", Kind::delta, &lt.delta}};
    for (const Row& r : rows) {
        if (!header((r.title + "##" + r.title).c_str(), shape(N, n), r.formula, ui)) continue;
        number_table(r.title.c_str(), N, n, "n", "j", ui, [&](int row, int c, double& v) {
            v = (*r.m)(row, c);
            return known_at(r.kind, c);
        });
    }
    const std::string dW = "∂L/∂W" + sup;
    if (header((dW + "##dW").c_str(), shape(n, m), "Σ_n δ_n (a^(l−1)_n)ᵀ", ui))
        number_table("dW", n, m, "j", "k", ui, [&](int j, int k, double& v) {
            v = lt.dW(j, k);
            return known_at(Kind::dW, j, k);
        });
    const std::string db = "∂L/∂b" + sup;
    if (header((db + "##db").c_str(), "(" + std::to_string(n) + ")", "Σ_n δ_n", ui))
        number_table("db", 1, n, "", "j", ui, [&](int, int j, double& v) {
            v = lt.db[j];
            return known_at(Kind::db, j);
        });
}

}  // namespace

void draw_matrices(const AppState& s, const Ui& ui, ActionQueue& q) {
    const bp::Network& net = s.doc.net;
    // The layer shown: the selection's, else the first after the input. Tabs choose another.
    int chosen = s.selection.empty() ? 1 : std::max(1, s.selection.l);
    if (!ImGui::BeginTabBar("layers", ImGuiTabBarFlags_FittingPolicyScroll)) return;
    for (int l = 1; l <= net.L(); ++l) {
        const std::string name = "layer " + std::to_string(l) + "##L" + std::to_string(l);
        ImGuiTabItemFlags flags = 0;
        int& last_chosen = ui.memory.matrices_layer;  // follow the selection when it moves to another layer
        if (l == chosen && last_chosen != chosen) flags |= ImGuiTabItemFlags_SetSelected;
        if (l == net.L()) last_chosen = chosen;
        if (ImGui::BeginTabItem(name.c_str(), nullptr, flags)) {
            ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s — %d neurons, %d inputs each", layer_title(net, l).c_str(),
                               net.layers[l].size, net.layers[l - 1].size);
            parameter_tables(s, ui, q, l);
            trace_tables(s, ui, l);
            ImGui::EndTabItem();
        }
    }
    ImGui::EndTabBar();
}

}  // namespace studio
