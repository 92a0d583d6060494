// Every number and name on the network canvas (see view_network_parts.h), placed before any is drawn so
// that none covers another or a neuron (figures/label_place.h): the layer titles, the loss node, each
// neuron's number — inside its circle when it fits there, else in a small box beside it —, the targets,
// then the weights on their edges (a weight with no free place is left to the tooltip). Then they are
// drawn over everything else, and each is reported (canvas.*) so a test can check that they are all
// there and overlap nothing.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/studio/figures/describe.h"
#include "app/studio/figures/label_place.h"
#include "app/studio/figures/pass_view.h"
#include "app/studio/views/ui_metrics.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/view_network_parts.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio::canvas_view {
namespace {

struct Word {
    Rect box;              // where it goes, its background included
    std::string text;
    ImFont* font = nullptr;
    ImU32 ink = 0;
    ImU32 background = 0;  // 0: none (a number inside its neuron)
    std::string id;        // reported as canvas.<id>
};

ImVec2 text_size(ImFont* f, const std::string& t) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, t.c_str()); }

std::string neuron_id(int l, int j) { return "n." + std::to_string(l) + "." + std::to_string(j); }

class Words {
public:
    Words(const Canvas& c)
        : c_(c), placer_({c.clip_min.x, c.clip_min.y, c.clip_max.x, c.clip_max.y}, c.lay),
          pad_(px(c.ui, ui_metric::label_pad)), box_(to_u32(c.ui.colors.canvas, 0.88f)) {
        if (c.reserved) placer_.take(reserved());
        if (c.vanishing)
            for (const NeuronMark& m : *c.vanishing) placer_.take(mark_box(c, m));
    }

    void titles();
    void loss_node();
    void neuron_numbers();
    void targets();
    void weights();
    void draw() const;

private:
    // A word in a box at the first free candidate (each a top-left corner for a box of the text's size).
    void boxed(const std::string& text, ImFont* f, ImU32 ink, const std::string& id, const std::vector<Rect>& places,
               int own_l = -1, int own_j = -1) {
        if (const std::optional<Rect> r = placer_.place(places, own_l, own_j)) words_.push_back({*r, text, f, ink, box_, id});
    }
    Rect reserved() const { return {c_.reserved->x, c_.reserved->y, c_.reserved->x + c_.reserved->w, c_.reserved->y + c_.reserved->h}; }
    Rect box_of(ImFont* f, const std::string& text) const {  // a box of this text's size at (0, 0)
        const ImVec2 ts = text_size(f, text);
        return {0, 0, ts.x + 2 * pad_, ts.y + pad_};
    }

    const Canvas& c_;
    LabelPlacer placer_;
    float pad_;
    ImU32 box_;
    std::vector<Word> words_;
};

Rect moved(const Rect& r, float x, float y) { return {r.x0 + x, r.y0 + y, r.x1 + x, r.y1 + y}; }

void Words::titles() {
    const bp::Network& net = c_.s.doc.net;
    const float spacing = c_.lay.column_x.size() > 1 ? c_.lay.column_x[1] - c_.lay.column_x[0] : 1000;
    const float y = c_.lay.label_y + pad_;
    const auto title = [&](std::string t, std::string compact, float x, const std::string& id) {
        ImVec2 ts = ImGui::CalcTextSize(t.c_str());
        if (ts.x > spacing * 0.95f) t = compact, ts = ImGui::CalcTextSize(t.c_str());
        const Rect r{x - ts.x / 2, y, x + ts.x / 2, y + ts.y};
        if (placer_.free(r)) {
            placer_.take(r);
            words_.push_back({r, t, ImGui::GetFont(), to_u32(c_.ui.colors.text_dim), 0, id});
        }
    };
    for (int l = 0; l <= net.L(); ++l)
        title(layer_title(net, l), layer_title(net, l, true), c_.lay.column_x[l], "layer." + std::to_string(l));
    title("loss", "L", c_.lay.loss.x, "layer.loss");
}

void Words::loss_node() {  // the box itself is drawn with the nodes; its words belong to it
    const Box b = loss_node_box(c_.s, c_.ui, c_.lay);
    const Rect r{b.x, b.y, b.x + b.w, b.y + b.h};
    placer_.take(r);
    report_rect("canvas.loss", ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), loss_value_text(c_.s));
}

void Words::neuron_numbers() {
    const AppState& s = c_.s;
    const bp::Network& net = s.doc.net;
    const float r = c_.lay.radius, gap_above = px(c_.ui, ui_metric::symbol_gap);
    const NeuronValue usual = neuron_value_shown(s);
    const bp::Symbols sym = symbols(s);
    const bool maps = neuron_maps_shown(s, c_.lay);  // the Lab's heatmaps fill the neurons: numbers go beside
    struct Beside { int l, j; std::string text; };
    std::vector<Beside> beside;  // placed after every number that fits inside its neuron
    for (int l = 0; l <= net.L(); ++l) {
        for (int j = 0; j < net.layers[l].size; ++j) {
            double v = 0;
            const NeuronValue shown = neuron_value_of(s, l, j);  // the neuron just computed may show its z
            const bool has = neuron_value(s, shown, l, j, v);
            const bool roomy = r >= px(c_.ui, ui_metric::roomy_radius);
            const std::string number = has ? bp::format_number(v, roomy ? 4 : 3) : "?";
            const Vec2 p = c_.lay.neurons[l][j];
            const double scale = l == 0 ? c_.sc.input : c_.sc.neuron;
            const Rgb fill = has ? diverging(normalized(v, scale)) : c_.ui.colors.canvas;
            const ImU32 ink = has ? (lightness(fill) > 55 ? IM_COL32(20, 20, 28, 255) : IM_COL32(250, 250, 250, 255))
                                  : to_u32(c_.ui.colors.unknown);
            // Inside when it fits the circle's chord where it is written: in a roomy neuron the body font
            // under the symbol, else the small font alone (fewer digits before giving up on inside).
            ImFont* f = roomy ? c_.ui.fonts.body : c_.ui.fonts.small;
            std::string text = number;
            ImVec2 ns = text_size(f, text);
            const auto fits = [&] {
                const float half_h = roomy ? ns.y : ns.y / 2;  // the number's farthest edge from the centre
                return r >= px(c_.ui, ui_metric::inside_radius) && half_h < r && ns.x <= 1.9f * std::sqrt(r * r - half_h * half_h);
            };
            if (roomy && !fits()) f = c_.ui.fonts.small, ns = text_size(f, text);
            if (has && !fits()) text = bp::format_number(v, 3), ns = text_size(f, text);
            const Rect inside_box = roomy ? Rect{p.x - ns.x / 2, p.y - ns.y, p.x + ns.x / 2, p.y + ns.y} : centred(p.x, p.y, ns.x, ns.y);
            if (maps && !has) continue;  // a heatmap is this neuron's picture: no "?" over it
            // Beside when it does not fit, when a heatmap fills the neuron, when the quiz's field lies over it,
            // or when it is not what the legend says and the neuron has no room for its symbol.
            const bool unusual = shown != usual && !roomy;
            if (maps || unusual || !fits() || (c_.reserved && inside_box.overlaps(reserved()))) {
                // Beside it, a value other than the legend's says which it is: "z = 1.106".
                beside.push_back({l, j, shown == usual ? number : neuron_value_name(sym, shown, l) + " = " + number});
                continue;
            }
            if (roomy) {  // the symbol above the number
                const std::string label = neuron_value_label(sym, shown, l, j, shown_row(s));
                ImFont* sf = c_.ui.fonts.small;
                const ImVec2 ss = text_size(sf, label);
                words_.push_back({{p.x - ss.x / 2, p.y - ss.y - gap_above, p.x + ss.x / 2, p.y - gap_above}, label, sf,
                                  (ink & 0x00ffffff) | 0xc0000000, 0, ""});
                words_.push_back({{p.x - ns.x / 2, p.y, p.x + ns.x / 2, p.y + ns.y}, text, f, ink, 0, neuron_id(l, j)});
            } else {
                words_.push_back({centred(p.x, p.y, ns.x, ns.y), text, f, ink, 0, neuron_id(l, j)});
            }
        }
    }
    ImFont* f = c_.ui.fonts.small;
    const float gap = px(c_.ui, ui_metric::label_gap);
    if (r < f->FontSize * 0.25f) return;  // neurons packed tighter than a quarter line: no number has room beside one
    for (const Beside& b : beside) {
        const Rect size = box_of(f, b.text);
        const Vec2 p = c_.lay.neurons[b.l][b.j];
        boxed(b.text, f, to_u32(c_.ui.colors.text), neuron_id(b.l, b.j),
              beside_neuron(p.x, p.y, r, size.x1, size.y1, gap), b.l, b.j);
    }
}

void Words::targets() {
    const AppState& s = c_.s;
    const bp::Network& net = s.doc.net;
    const int L = net.L();
    if (c_.lay.radius < px(c_.ui, ui_metric::targets_radius) || net.layers[L].size > 16) return;
    ImFont* f = c_.ui.fonts.small;
    const float gap = px(c_.ui, ui_metric::label_gap), r = c_.lay.radius;
    for (int j = 0; j < net.layers[L].size; ++j) {
        const std::string t = "y" + bp::subscript(j + 1) + " = " + bp::format_number(pass_targets(s)(shown_row(s), j), 3);
        const bool marked = c_.marks.has(c_.marks.reads, Kind::target, Kind::target, L, j);
        const Rect size = box_of(f, t);
        const Vec2 o = c_.lay.neurons[L][j];
        // Right of the output neuron, above its line to the loss; else below it, on it, or further right.
        std::vector<Rect> places;
        for (const float dx : {0.0f, size.x1 / 2, size.x1})
            for (const float y : {o.y - size.y1 - gap / 2, o.y + gap / 2, o.y - size.y1 / 2})
                places.push_back(moved(size, o.x + r + gap + dx, y));
        boxed(t, f, to_u32(marked ? c_.ui.colors.accent_read : c_.ui.colors.text_dim), "target." + std::to_string(j), places);
    }
}

void Words::weights() {
    const AppState& s = c_.s;
    const bp::Network& net = s.doc.net;
    if (c_.lay.radius < px(c_.ui, ui_metric::weights_radius)) return;
    ImFont* f = c_.ui.fonts.small;
    for (int l = 1; l <= net.L(); ++l) {
        const int n = net.layers[l].size, m = net.layers[l - 1].size;
        if (n * m > 9) continue;  // the value of each weight on its edge, for small layers
        for (int j = 0; j < n; ++j)
            for (int k = 0; k < m; ++k) {
                const Selection e = Selection::weight(l, j, k);
                double v = 0;
                const bool known = edge_value(s, e, v);
                const std::string text = !known ? "?"
                                         : s.settings.edge_value == EdgeValue::weight ? parameter_text(s, e, 3)
                                                                                      : bp::format_number(v, 3);
                const Rect size = box_of(f, text);
                const Vec2 a = c_.lay.neurons[l - 1][k], b = c_.lay.neurons[l][j];
                std::vector<Rect> places;
                for (const float t : {0.3f, 0.42f, 0.22f, 0.54f, 0.66f})
                    places.push_back(centred(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, size.x1, size.y1));
                boxed(text, f, to_u32(c_.ui.colors.text), "w." + std::to_string(l) + "." + std::to_string(j) + "." + std::to_string(k),
                      places);
            }
    }
}

void Words::draw() const {
    for (const Word& w : words_) {
        const float inset = w.background ? pad_ : 0;
        if (w.background) c_.dl->AddRectFilled(ImVec2(w.box.x0, w.box.y0), ImVec2(w.box.x1, w.box.y1), w.background, pad_ + 1);
        c_.dl->AddText(w.font, w.font->FontSize, ImVec2(w.box.x0 + inset, w.box.y0 + inset / 2), w.ink, w.text.c_str());
        if (!w.id.empty()) report_rect("canvas." + w.id, ImVec2(w.box.x0, w.box.y0), ImVec2(w.box.x1, w.box.y1), w.text);
    }
}

}  // namespace

void draw_words(const Canvas& c) {
    Words w(c);
    w.titles();
    w.loss_node();
    w.neuron_numbers();
    w.targets();
    w.weights();
    w.draw();
}

}  // namespace studio::canvas_view
