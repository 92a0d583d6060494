// The per-neuron heatmaps on the network canvas, as TensorFlow Playground draws them: for a network with
// two inputs, every neuron becomes a small square showing its activation a^l_j over the whole input
// square (the Lab's plot domain), on the same colour scale as the neuron fills, blended smoothly between
// the grid's samples. Drawn while the Lab tab
// is open and settings.neuron_maps is on; the maps come from AppState::lab (refreshed by lab::Tick).
#include <algorithm>
#include <vector>

#include "app/studio/views/ui_smooth_grid.h"
#include "app/studio/views/views.h"

namespace studio {

bool neuron_maps_shown(const AppState& s, const NetworkLayout& lay) {
    const NeuronMaps& m = s.lab.maps;
    return s.settings.neuron_maps && s.lab.visible && !m.empty() && m.a.size() == lay.neurons.size() &&
           m.a.size() == s.doc.net.layers.size()  // not a map of another shape
           && lay.radius >= 5;                     // too small to read
}

void draw_neuron_maps(const AppState& s, const Ui& ui, const NetworkLayout& lay, ImDrawList* dl) {
    if (!neuron_maps_shown(s, lay)) return;
    const NeuronMaps& m = s.lab.maps;
    const bp::Network& net = s.doc.net;
    const float half = lay.radius;
    const ImU32 rim = to_u32(ui.colors.text_dim, 0.95f);
    std::vector<ImU32> colors(static_cast<std::size_t>(m.n) * m.n);
    for (std::size_t l = 0; l < m.a.size(); ++l) {
        if (m.a[l].size() != lay.neurons[l].size()) continue;
        const bp::Activation f = l == 0 ? bp::Activation::linear : net.layers[l].activation;
        for (std::size_t j = 0; j < m.a[l].size(); ++j) {
            const Vec2 c = lay.neurons[l][j];
            const ImVec2 p0(c.x - half, c.y - half);
            const std::vector<double>& a = m.a[l][j];
            for (std::size_t c = 0; c < colors.size(); ++c) colors[c] = to_u32(diverging(shade(f, a[c], m.scale[l][j])));
            draw_smooth_grid(dl, p0, ImVec2(c.x + half, c.y + half), m.n, colors, ui.textures);  // ui_smooth_grid.h
            dl->AddRect(p0, ImVec2(c.x + half, c.y + half), rim, 0, 0, std::max(1.0f, 1.2f * ui.scale));
        }
    }
}

}  // namespace studio
