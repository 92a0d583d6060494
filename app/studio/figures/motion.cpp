// Values travelling along the edges (see motion.h).
#include "app/studio/figures/motion.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "engine/teaching/notation.h"

namespace studio {
namespace {

using Kind = bp::ValueRef::Kind;

// Where a value read by a step sits on the canvas; none for a weight (the edge is the way, not a source).
std::optional<Vec2> source(const NetworkLayout& lay, const bp::ValueRef& r) {
    const auto neuron = [&](int l, int j) -> std::optional<Vec2> {
        if (l < 0 || l >= static_cast<int>(lay.neurons.size()) || j < 0 || j >= static_cast<int>(lay.neurons[l].size())) return {};
        return lay.neurons[l][j];
    };
    switch (r.kind) {
        case Kind::z:
        case Kind::a:
        case Kind::delta:
        case Kind::target: return neuron(r.l, r.j);
        case Kind::bias:
            if (r.l >= 1 && r.l < static_cast<int>(lay.has_bias.size()) && lay.has_bias[r.l]) return lay.bias[r.l];
            return {};
        case Kind::loss: return lay.loss;
        case Kind::weight:
        case Kind::dW:
        case Kind::db: return {};
    }
    return {};
}

Vec2 middle(Vec2 a, Vec2 b) { return {(a.x + b.x) / 2, (a.y + b.y) / 2}; }

// Where a step writes: a neuron, the loss, the middle of a gradient's edge; none for an update.
std::optional<Vec2> target(const NetworkLayout& lay, const bp::ValueRef& w) {
    switch (w.kind) {
        case Kind::dW:
            if (w.l < 1 || w.l >= static_cast<int>(lay.neurons.size())) return {};
            return middle(lay.neurons[w.l - 1][w.k], lay.neurons[w.l][w.j]);
        case Kind::db:
            if (w.l < 1 || w.l >= static_cast<int>(lay.has_bias.size()) || !lay.has_bias[w.l]) return {};
            return middle(lay.bias[w.l], lay.neurons[w.l][w.j]);
        case Kind::weight:
        case Kind::bias: return {};
        default: return source(lay, w);
    }
}

// The number a read value carries, from the pass's trace ("" when it has none to show).
std::string number(const AppState& s, const bp::ValueRef& r) {
    const bp::Trace& t = s.stepper->trace();
    const int n = shown_row(s);
    switch (r.kind) {
        case Kind::z: return bp::format_number(t.layers[r.l].z(n, r.j), 3);
        case Kind::a: return bp::format_number(t.layers[r.l].a(n, r.j), 3);
        case Kind::delta: return bp::format_number(t.layers[r.l].delta(n, r.j), 3);
        case Kind::bias: return bp::format_number(s.doc.net.layers[r.l].b[r.j], 3);
        default: return "";
    }
}

float ease(float t) { return t * t * (3 - 2 * t); }  // smoothstep: it leaves and arrives gently

}  // namespace

float play_progress(const AppState& s) {
    return static_cast<float>(std::clamp(s.play_clock * s.settings.play_speed, 0.0, 1.0));
}

std::vector<int> next_step_events(const bp::Stepper& st, bp::Granularity g) {
    std::vector<int> out;
    if (st.at_end()) return out;
    const int first = st.cursor();
    const bp::StepEvent& a = st.events()[first];
    for (int i = first; i < st.size(); ++i) {
        const bp::StepEvent& b = st.events()[i];
        const bool same = g == bp::Granularity::neuron  ? i == first
                          : g == bp::Granularity::layer ? a.phase == b.phase && a.layer == b.layer
                                                        : a.phase == b.phase;
        if (!same) break;
        out.push_back(i);
    }
    return out;
}

std::vector<Travel> travels(const AppState& s, const NetworkLayout& lay) {
    std::vector<Travel> out;
    if (!s.playing || !s.settings.motion || !s.stepper || lay.neurons.size() != s.doc.net.layers.size()) return out;
    const float t = ease(play_progress(s));
    // A dot leaves a node from its rim and arrives at the rim of a node (the middle of an edge: itself).
    const auto add = [&](Vec2 from, Vec2 to, float leave, float arrive, std::string text) {
        if (static_cast<int>(out.size()) >= kMaxTravels) return;
        const float length = std::hypot(to.x - from.x, to.y - from.y);
        if (length <= leave + arrive + 1) return;  // read where it is written: nothing travels
        for (const Travel& o : out)  // one dot a way (a target sits where its output neuron is)
            if (o.from.x == from.x && o.from.y == from.y && o.to.x == to.x && o.to.y == to.y) return;
        const float d = leave + (length - leave - arrive) * t;
        out.push_back({from, to, {from.x + (to.x - from.x) * d / length, from.y + (to.y - from.y) * d / length}, std::move(text)});
    };
    const float rim = lay.radius;
    for (const int i : next_step_events(*s.stepper, s.settings.granularity)) {
        const bp::StepEvent& e = s.stepper->events()[i];
        const std::optional<Vec2> to = target(lay, e.writes);
        if (!to) continue;
        const bool onto_edge = e.writes.kind == Kind::dW || e.writes.kind == Kind::db;
        if (e.kind == bp::EventKind::output_delta) add(lay.loss, *to, rim, rim, "");  // the backward pass starts at L
        for (const bp::ValueRef& r : e.reads)
            if (const std::optional<Vec2> from = source(lay, r)) add(*from, *to, rim, onto_edge ? 0 : rim, number(s, r));
    }
    return out;
}

}  // namespace studio
