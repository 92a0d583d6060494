// The per-neuron heatmaps on the network canvas, as TensorFlow Playground draws them: for a network with
// two inputs, every neuron becomes a small square showing its activation a^l_j over the whole input
// square (the Lab's plot domain), on the same colour scale as the neuron fills. Drawn while the Lab tab
// is open and settings.neuron_maps is on; the maps come from AppState::lab (refreshed by lab::Tick).
#include <algorithm>

#include "app/studio/views/views.h"

namespace studio {

void draw_neuron_maps(const AppState& s, const Ui& ui, const NetworkLayout& lay, ImDrawList* dl) {
    const NeuronMaps& m = s.lab.maps;
    if (!s.settings.neuron_maps || !s.lab.visible || m.empty()) return;
    const bp::Network& net = s.doc.net;
    if (m.a.size() != lay.neurons.size() || m.a.size() != net.layers.size()) return;  // a map of another shape
    const float half = lay.radius;
    if (half < 5) return;  // too small to read
    const float cell = 2 * half / m.n;
    const ImU32 rim = to_u32(ui.colors.text_dim, 0.95f);
    for (std::size_t l = 0; l < m.a.size(); ++l) {
        if (m.a[l].size() != lay.neurons[l].size()) continue;
        const bp::Activation f = l == 0 ? bp::Activation::linear : net.layers[l].activation;
        for (std::size_t j = 0; j < m.a[l].size(); ++j) {
            const Vec2 c = lay.neurons[l][j];
            const ImVec2 p0(c.x - half, c.y - half);
            const std::vector<double>& a = m.a[l][j];
            for (int r = 0; r < m.n; ++r) {
                for (int i = 0; i < m.n; ++i) {
                    const Rgb col = diverging(shade(f, a[static_cast<std::size_t>(r) * m.n + i], m.scale[l][j]));
                    const ImVec2 q0(p0.x + i * cell, p0.y + r * cell);
                    dl->AddRectFilled(q0, ImVec2(q0.x + cell + 0.5f, q0.y + cell + 0.5f), to_u32(col));
                }
            }
            dl->AddRect(p0, ImVec2(c.x + half, c.y + half), rim, 0, 0, std::max(1.0f, 1.2f * ui.scale));
        }
    }
}

}  // namespace studio
