// What the window shows of the pass (see pass_view.h).
#include "app/studio/figures/pass_view.h"

#include "engine/teaching/notation.h"

namespace studio {
namespace {

// The index of a parameter's update event, or -1 (a frozen bias, a layer without one).
int update_event(const AppState& s, const Selection& p) {
    if (!p.is_parameter() || !valid(s.doc.net, p) || p.l < 1) return -1;
    if (p.kind == Selection::Kind::bias) return s.bias_update_event[p.l][p.j];
    return s.weight_update_event[p.l][static_cast<std::size_t>(p.j) * s.doc.net.layers[p.l - 1].size + p.k];
}

}  // namespace

std::optional<bp::Phase> phase_on_screen(const AppState& s) {
    if (!s.stepper) return std::nullopt;
    // A quiz question waiting is what is on screen (the formula panel and the banner ask it).
    if (const int next = s.stepper->cursor(); quiz_will_ask(s, next)) return s.stepper->events()[next].phase;
    const bp::StepEvent* e = s.stepper->current();
    if (!e) return std::nullopt;
    return e->phase;
}

NeuronValue neuron_value_shown(const AppState& s) {
    if (s.settings.neuron_value != NeuronValue::follow_pass) return s.settings.neuron_value;
    const std::optional<bp::Phase> p = phase_on_screen(s);
    return !p || *p == bp::Phase::forward || *p == bp::Phase::loss ? NeuronValue::a : NeuronValue::delta;
}

NeuronValue neuron_value_of(const AppState& s, int l, int j) {
    const NeuronValue shown = neuron_value_shown(s);
    if (s.settings.neuron_value != NeuronValue::follow_pass || !s.stepper) return shown;
    const bp::StepEvent* e = s.stepper->current();
    const bool z_just_computed = e && !quiz_will_ask(s, s.stepper->cursor()) && e->writes.kind == bp::ValueRef::Kind::z &&
                                 e->writes.l == l && e->writes.j == j;
    return z_just_computed ? NeuronValue::z : shown;
}

const char* neuron_value_symbol(NeuronValue v) {
    switch (v) {
        case NeuronValue::z: return "z";
        case NeuronValue::delta: return "δ";
        case NeuronValue::a:
        case NeuronValue::follow_pass: break;
    }
    return "a";
}

std::string neuron_value_label(const bp::Symbols& sym, NeuronValue v, int l, int j, int row) {
    if (l == 0) {  // an input neuron shows its input whatever the others show: x₁, x[1], z₁¹, X[1,1]
        if (sym.notation() == bp::Notation::per_neuron) return "x" + bp::subscript(j + 1);
        return sym.activation(0, j, row).text;
    }
    switch (v) {
        case NeuronValue::z: return sym.pre_activation(l, j, row).text;
        case NeuronValue::delta: return sym.delta(l, j, row).text;
        case NeuronValue::a:
        case NeuronValue::follow_pass: break;
    }
    return sym.activation(l, j, row).text;
}

std::string neuron_value_name(const bp::Symbols& sym, NeuronValue v, int l) {
    switch (v) {
        case NeuronValue::z: return sym.pre_activation_name(l);
        case NeuronValue::delta: return sym.delta_name(l);
        case NeuronValue::a:
        case NeuronValue::follow_pass: break;
    }
    return sym.activation_name(l);
}

bool update_pending(const AppState& s, const Selection& p) {
    if (!p.is_parameter() || !valid(s.doc.net, p) || p.l < 1) return false;
    return p.kind == Selection::Kind::bias ? bias_updated(s, p.l, p.j) : weight_updated(s, p.l, p.j, p.k);
}

std::string parameter_text(const AppState& s, const Selection& p, int digits) {
    const bool bias = p.kind == Selection::Kind::bias;
    const double now = bias ? s.doc.net.layers[p.l].b[p.j] : s.doc.net.layers[p.l].W(p.j, p.k);
    if (!update_pending(s, p)) return bp::format_number(now, digits);
    // Enough digits to tell the two apart ("0.15 → 0.1498", not "0.15 → 0.15"), at most 6.
    const double after = bias ? bias_shown(s, p.l, p.j) : weight_shown(s, p.l, p.j, p.k);
    int d = digits;
    while (d < 6 && after != now && bp::format_number(now, d) == bp::format_number(after, d)) ++d;
    return bp::format_number(now, d) + " → " + bp::format_number(after, d);
}

bool quiz_hides(const AppState& s, const bp::ValueRef& r) {
    if (!s.quiz.on || !s.stepper) return false;
    return quiz_will_ask(s, s.stepper->writer_of(r));
}

bool quiz_hides_update(const AppState& s, const Selection& p) {
    return s.quiz.on && quiz_will_ask(s, update_event(s, p));
}

}  // namespace studio
