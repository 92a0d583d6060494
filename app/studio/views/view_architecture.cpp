// The network editor: per layer its size (− / +), activation, bias on/off, remove, and "add a layer
// here"; the loss; re-initialisation with a scheme and a seed; undo / redo. Every edit is an action
// that apply() validates (a refused edit leaves the network as it was and says why).
#include <string>

#include "app/studio/figures/describe.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"

namespace studio {
namespace {

constexpr bp::InitScheme kSchemes[] = {bp::InitScheme::uniform, bp::InitScheme::xavier, bp::InitScheme::he};

// "The loss L, which measures … (cross_entropy needs a softmax output, binary_cross_entropy a sigmoid one)."
std::string loss_tooltip() {
    std::string needs;
    for (const bp::LossInfo& l : bp::kLosses) {
        if (!l.needs_output) continue;
        const std::string output(bp::to_string(*l.needs_output));
        needs += needs.empty() ? std::string(l.name) + " needs a " + output + " output"
                               : ", " + std::string(l.name) + " a " + output + " one";
    }
    return "The loss L, which measures how far the outputs are from the targets" + (needs.empty() ? "" : " (" + needs + ")") + ".";
}

void layer_row(const AppState& s, const Ui& ui, ActionQueue& q, int l) {
    const bp::Network& net = s.doc.net;
    const bp::Layer& layer = net.layers[l];
    const bool hidden = l > 0 && l < net.L();
    ImGui::PushID(l);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(layer_title(net, l).c_str());
    ImGui::TableNextColumn();
    if (hidden) {
        if (ImGui::SmallButton("−")) q.push_back(act::RemoveNeuron{l, layer.size - 1});
        item_tooltip("Remove the last neuron of this layer");
        ImGui::SameLine();
    }
    ImGui::Text("%d", layer.size);
    if (hidden) {
        ImGui::SameLine();
        if (ImGui::SmallButton("+")) q.push_back(act::AddNeuron{l});
        item_tooltip("Add a neuron (its new weights are drawn with the chosen scheme)");
    }
    ImGui::TableNextColumn();
    if (l > 0) {
        int f = static_cast<int>(layer.activation);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
        const bool open = ImGui::BeginCombo("##f", std::string(bp::to_string(layer.activation)).c_str());
        report_item("network.activation." + std::to_string(l));
        if (open) {
            for (const bp::ActivationInfo& a : bp::kActivations) {
                if (ImGui::Selectable(std::string(a.fn.name).c_str(), static_cast<int>(a.id) == f))
                    q.push_back(act::SetActivation{l, a.id});
                report_item("network.choice." + std::string(a.fn.name));
            }
            ImGui::EndCombo();
        }
        item_tooltip("This layer's activation f, in a = f(z); changing it recomputes the pass (Ctrl+Z undoes).");
        ImGui::TableNextColumn();
        bool bias = layer.bias;
        if (ImGui::Checkbox("##bias", &bias)) q.push_back(act::SetBias{l, bias});
        item_tooltip("Whether this layer has a bias b (off: b = 0, never trained)");
        ImGui::TableNextColumn();
        if (hidden) {
            if (ImGui::SmallButton("×")) q.push_back(act::RemoveLayer{l});
            item_tooltip("Remove this hidden layer");
        }
    } else {
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
    }
    ImGui::PopID();
    if (l < net.L()) {  // a thin row to insert a layer between l and l+1
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(1000 + l);
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(ui.colors.text_dim));
        if (ImGui::SmallButton("+ layer here")) {
            const int size = l == 0 ? std::max(2, net.layers[1].size) : layer.size;
            q.push_back(act::AddLayer{l, std::min(size, 64), l > 0 && !bp::activation_info(layer.activation).output_only
                                                                 ? layer.activation : bp::Activation::sigmoid});
        }
        ImGui::PopStyleColor();
        item_tooltip("Insert a hidden layer here (Ctrl+Z undoes)");
        ImGui::PopID();
    }
}

void undo_row(const AppState& s, const Ui& ui, ActionQueue& q) {
    if (!s.undo.empty()) {
        if (ImGui::Button("Undo")) q.push_back(act::Undo{});
        item_tooltip(("Ctrl+Z: undo \"" + s.undo.back().label + "\"").c_str());
    } else {
        ImGui::BeginDisabled();
        ImGui::Button("Undo");
        ImGui::EndDisabled();
    }
    ImGui::SameLine();
    if (!s.redo.empty()) {
        if (ImGui::Button("Redo")) q.push_back(act::Redo{});
        item_tooltip(("Ctrl+Shift+Z or Ctrl+Y: redo \"" + s.redo.back().label + "\"").c_str());
    } else {
        ImGui::BeginDisabled();
        ImGui::Button("Redo");
        ImGui::EndDisabled();
    }
    ImGui::SameLine();
    ImGui::TextColored(to_vec4(ui.colors.text_dim), "%zu edits to undo", s.undo.size());
}

}  // namespace

void draw_architecture(const AppState& s, const Ui& ui, ActionQueue& q) {
    const bp::Network& net = s.doc.net;
    undo_row(s, ui, q);
    ImGui::Separator();
    if (ImGui::BeginTable("layers", 5, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("layer");
        ImGui::TableSetupColumn("neurons");
        ImGui::TableSetupColumn("activation");
        ImGui::TableSetupColumn("bias");
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        for (int l = 0; l <= net.L(); ++l) layer_row(s, ui, q, l);
        ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("loss");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
    const bool open = ImGui::BeginCombo("##loss", std::string(bp::to_string(net.loss)).c_str());
    report_item("network.loss");
    if (open) {
        for (const bp::LossInfo& l : bp::kLosses) {
            if (ImGui::Selectable(std::string(l.name).c_str(), l.id == net.loss)) q.push_back(act::SetLoss{l.id});
            report_item("network.choice." + std::string(l.name));
        }
        ImGui::EndCombo();
    }
    item_tooltip(loss_tooltip().c_str());
    ImGui::Separator();
    ImGui::TextUnformatted("Re-initialise all parameters");
    Settings t = s.settings;
    int scheme = static_cast<int>(t.init_scheme);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    if (ImGui::BeginCombo("##scheme", std::string(bp::to_string(t.init_scheme)).c_str())) {
        for (bp::InitScheme x : kSchemes)
            if (ImGui::Selectable(std::string(bp::to_string(x)).c_str(), static_cast<int>(x) == scheme)) t.init_scheme = x;
        ImGui::EndCombo();
    }
    item_tooltip("How the random weights are drawn, fan_in being a neuron's number of inputs: uniform ±1/√fan_in "
                 "(PyTorch's default), xavier (Glorot uniform) or he (normal, spread √(2/fan_in)).");
    ImGui::SameLine();
    int seed = static_cast<int>(t.init_seed);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    if (ImGui::InputInt("seed", &seed) && seed >= 0) t.init_seed = static_cast<std::uint64_t>(seed);
    item_tooltip("The seed of the random initial weights: the same seed gives the same weights.");
    ImGui::SameLine();
    if (ImGui::Button("Re-initialise")) q.push_back(act::Reinitialize{t.init_scheme, t.init_seed});
    item_tooltip("New random weights and biases from the scheme and the seed (Ctrl+Z undoes).");
    if (!(t == s.settings)) q.push_back(act::SetSettings{t});
    ImGui::Separator();
    const bp::TrainingConfig& c = s.doc.training;
    ImGui::TextColored(to_vec4(ui.colors.text_dim), "%ld parameters · optimiser %s · batch %s%s", net.parameter_count(),
                       std::string(bp::to_string(c.optimizer)).c_str(),
                       c.batch_size > 0 ? std::to_string(c.batch_size).c_str() : "all",
                       c.freeze_biases ? " · biases frozen" : "");
}

}  // namespace studio
