// The matrix view of one layer, the matrix form of the notes: W^l (n_l × n_(l−1)) and b^l (editable),
// then z^l, a^l, δ^l for the batch as rows (N × n_l), then ∂L/∂W^l = Σ_n δ^l_n (a^(l−1)_n)ᵀ and ∂L/∂b^l.
// Names and formulas follow View ▸ Notation (the batch notation shows W and ∂L/∂W as n_in × n_out).
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

// The names and formulas of layer l's matrices in the chosen notation. The batch notation writes W as
// n_in × n_out (notes 000): its W and ∂L/∂W tables are shown transposed.
struct MatrixWords {
    std::string W, b, z, a, delta, dW, db;
    std::string W_note, z_formula, a_formula, delta_formula, dW_formula, db_formula;
    bool transposed = false;
};

MatrixWords matrix_words(const AppState& s, int l) {
    const bp::Symbols sym = symbols(s);
    MatrixWords w;
    if (sym.notation() == bp::Notation::per_neuron) {
        const std::string sup = bp::superscript(l);
        return {"W" + sup, "b" + sup, "z" + sup, "a" + sup, "δ" + sup, "∂L/∂W" + sup, "∂L/∂b" + sup,
                "row j = weights into neuron j", "rows = samples: z = a^(l−1)·Wᵀ + b", "a = f(z)",
                "δ^l = (W^(l+1))ᵀδ^(l+1) ⊙ f′(z^l)", "Σ_n δ_n (a^(l−1)_n)ᵀ", "Σ_n δ_n", false};
    }
    const bool batch = sym.notation() == bp::Notation::batch, derivation = sym.notation() == bp::Notation::derivation;
    const std::string prev = sym.activation_name(l - 1), d(sym.partial());
    w.W = sym.weight_name(l), w.b = sym.bias_name(l);
    w.z = sym.pre_activation_name(l), w.a = sym.activation_name(l), w.delta = sym.delta_name(l);
    w.dW = derivation ? "d" + w.W : d + "L/" + d + w.W;
    w.db = derivation ? "d" + w.b : d + "L/" + d + w.b;
    w.transposed = batch;
    w.W_note = batch ? "column j = weights into neuron j (n_in × n_out)" : "row j = weights into neuron j";
    w.z_formula = "rows = samples: " + w.z + " = " + prev + "·" + w.W + (batch ? "" : "ᵀ") + " + " + w.b;
    w.a_formula = w.a + " = f(" + w.z + ")";
    w.delta_formula = derivation ? w.delta + " = δ" + bp::subscript(l) + " ∘ f′(" + w.z + "), δ" + bp::subscript(l) +
                                       " = ∂L/∂" + w.a
                                 : w.delta + " = " + d + "L/" + d + w.z;
    w.dW_formula = batch ? prev + "ᵀ·" + w.delta : "Σ over the samples of " + w.delta + " ⊗ " + prev;
    w.db_formula = "Σ over the samples of " + w.delta;
    return w;
}

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
    const MatrixWords words = matrix_words(s, l);
    const std::string& W = words.W;
    const std::string& b = words.b;
    // Rows and columns as shown: j and k, or k and j when the notation stores W as n_in × n_out.
    const int rows = words.transposed ? m : n, cols = words.transposed ? n : m;
    const char* row_name = words.transposed ? "k=%d" : "j=%d";
    const std::string col_name = words.transposed ? "j=" : "k=";
    if (header((W + "##W").c_str(), shape(rows, cols), words.W_note.c_str(), ui) &&
        ImGui::BeginTable("W", cols + 1, kTable)) {
        ImGui::PushFont(ui.fonts.mono);
        ImGui::TableSetupColumn("");
        for (int c = 0; c < cols; ++c) ImGui::TableSetupColumn((col_name + std::to_string(c + 1)).c_str());
        ImGui::TableHeadersRow();
        for (int r = 0; r < rows; ++r) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(to_vec4(ui.colors.text_dim), row_name, r + 1);
            for (int c = 0; c < cols; ++c) {
                const int j = words.transposed ? c : r, k = words.transposed ? r : c;
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
    const MatrixWords words = matrix_words(s, l);
    const auto known_at = [&](Kind k, int j, int kk = 0) { return known(s, {k, l, j, kk}); };
    struct Row {
        std::string title;
        const char* formula;
        Kind kind;
        const bp::Matrix* m;
    };
    const Row rows[] = {{words.z, words.z_formula.c_str(), Kind::z, &lt.z},
                        {words.a, words.a_formula.c_str(), Kind::a, &lt.a},
                        {words.delta, words.delta_formula.c_str(), Kind::delta, &lt.delta}};
    for (const Row& r : rows) {
        if (!header((r.title + "##" + r.title).c_str(), shape(N, n), r.formula, ui)) continue;
        number_table(r.title.c_str(), N, n, "n", "j", ui, [&](int row, int c, double& v) {
            v = (*r.m)(row, c);
            return known_at(r.kind, c);
        });
    }
    const std::string& dW = words.dW;
    const bool t_ = words.transposed;
    if (header((dW + "##dW").c_str(), t_ ? shape(m, n) : shape(n, m), words.dW_formula.c_str(), ui))
        number_table("dW", t_ ? m : n, t_ ? n : m, t_ ? "k" : "j", t_ ? "j" : "k", ui, [&](int r, int c, double& v) {
            const int j = t_ ? c : r, k = t_ ? r : c;
            v = lt.dW(j, k);
            return known_at(Kind::dW, j, k);
        });
    const std::string& db = words.db;
    if (header((db + "##db").c_str(), "(" + std::to_string(n) + ")", words.db_formula.c_str(), ui))
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
