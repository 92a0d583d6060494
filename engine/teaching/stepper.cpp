// The pass as events (see stepper.h). The constructor walks the pass once with the layer walk of passes.h
// (the batch passes' kernels), recording each layer's events in board order as the layer is done: what
// each reads and writes; its formula is written only when asked for (text()).
// [SECTION] names
// [SECTION] building the events: forward, loss, backward, gradients, update
// [SECTION] the words of an event
// [SECTION] known values
// [SECTION] navigation
#include "engine/teaching/stepper.h"

#include <algorithm>

#include "engine/core/activations.h"
#include "engine/core/error.h"
#include "engine/teaching/formula_writer.h"
#include "engine/core/optimizer.h"

namespace bp {

// ---- [SECTION] names ----------------------------------------------------------------------------------

std::string_view to_string(Phase p) {
    switch (p) {
        case Phase::forward: return "forward";
        case Phase::loss: return "loss";
        case Phase::backward: return "backward";
        case Phase::gradients: return "gradients";
        case Phase::update: return "update";
    }
    return "?";
}

std::string_view to_string(Granularity g) {
    switch (g) {
        case Granularity::neuron: return "neuron";
        case Granularity::layer: return "layer";
        case Granularity::phase: return "phase";
    }
    return "?";
}

std::string_view to_string(EventKind k) {
    switch (k) {
        case EventKind::z: return "z";
        case EventKind::a: return "a";
        case EventKind::loss: return "loss";
        case EventKind::output_delta: return "output_delta";
        case EventKind::hidden_delta: return "hidden_delta";
        case EventKind::weight_gradient: return "weight_gradient";
        case EventKind::bias_gradient: return "bias_gradient";
        case EventKind::weight_update: return "weight_update";
        case EventKind::bias_update: return "bias_update";
    }
    return "?";
}

std::string EventText::full_text() const { return equation_text(symbolic, substituted, result); }

// ---- [SECTION] building the events ---------------------------------------------------------------------
namespace {

Phase phase_of(EventKind k) {
    switch (k) {
        case EventKind::z:
        case EventKind::a: return Phase::forward;
        case EventKind::loss: return Phase::loss;
        case EventKind::output_delta:
        case EventKind::hidden_delta: return Phase::backward;
        case EventKind::weight_gradient:
        case EventKind::bias_gradient: return Phase::gradients;
        case EventKind::weight_update:
        case EventKind::bias_update: return Phase::update;
    }
    return Phase::forward;
}

void check_batch(const Network& net, const Matrix& X, const Matrix& Y) {
    if (net.layers.size() < 2) throw Error("the network needs an input layer and at least one more layer");
    if (X.rows < 1) throw Error("the pass needs at least one sample");
    if (X.cols != net.input_size())
        throw Error("inputs have " + std::to_string(X.cols) + " columns, the network expects " +
                    std::to_string(net.input_size()));
    if (Y.rows != X.rows || Y.cols != net.output_size())
        throw Error("targets are " + std::to_string(Y.rows) + " x " + std::to_string(Y.cols) + ", expected " +
                    std::to_string(X.rows) + " x " + std::to_string(net.output_size()));
}

// "Gradient — ∂L/∂w²₁₁" from the formula "∂L/∂w²₁₁ = …" (its left-hand side).
std::string title_from(std::string_view head, const std::string& symbolic) {
    const std::size_t lhs = std::min(symbolic.find(' '), symbolic.size());
    std::string title;
    title.reserve(head.size() + lhs);
    return title.append(head).append(symbolic, 0, lhs);
}

// Collects the events in order (their words are written later, by Stepper::text).
class Builder {
public:
    explicit Builder(std::vector<StepEvent>& events) : events_(events) {}

    StepEvent& add(EventKind kind, int l, int j, int k, double value, ValueRef writes) {
        StepEvent& e = events_.emplace_back();
        e.kind = kind;
        e.phase = phase_of(kind);
        e.layer = l;
        e.neuron = j;
        e.k = k;
        e.writes = writes;
        e.value = value;
        return e;
    }

private:
    std::vector<StepEvent>& events_;
};

using Kind = ValueRef::Kind;

// The pass walked layer by layer with the kernels of passes.h (LayerWalk), recording each layer's events as it
// is done: z^l_j and a^l_j neuron by neuron (softmax: every z, then every a); δ^L, then δ^l backwards; then
// ∂L/∂w^l_jk and ∂L/∂b^l_j from layer 1.
class EventWalk final : public LayerWalk {
public:
    EventWalk(Builder& b, int shown) : b_(b), shown_(shown) {}

private:
    void forward_done(const Network& net, int l, const Trace& t) override {
        const Layer& layer = net.layers[l];
        const LayerTrace& cur = t.layers[l];
        const int inputs = t.layers[l - 1].a.cols;
        const bool softmax = layer.activation == Activation::softmax;
        const auto add_a = [&](int j) {
            StepEvent& e = b_.add(EventKind::a, l, j, 0, cur.a(shown_, j), {Kind::a, l, j, 0});
            if (softmax)
                for (int i = 0; i < layer.size; ++i) e.reads.push_back({Kind::z, l, i, 0});
            else
                e.reads.push_back({Kind::z, l, j, 0});
        };
        for (int j = 0; j < layer.size; ++j) {
            StepEvent& e = b_.add(EventKind::z, l, j, 0, cur.z(shown_, j), {Kind::z, l, j, 0});
            e.reads.reserve(2 * static_cast<std::size_t>(inputs) + 1);
            for (int k = 0; k < inputs; ++k) {
                e.reads.push_back({Kind::weight, l, j, k});
                e.reads.push_back({Kind::a, l - 1, k, 0});
            }
            if (layer.bias) e.reads.push_back({Kind::bias, l, j, 0});
            if (!softmax) add_a(j);
        }
        if (softmax)
            for (int j = 0; j < layer.size; ++j) add_a(j);
    }

    void delta_done(const Network& net, int l, const Trace& t) override {
        const LayerTrace& cur = t.layers[l];
        const int n = net.layers[l].size;
        if (l == net.L()) {
            const bool softmax = net.layers[l].activation == Activation::softmax;
            for (int j = 0; j < n; ++j) {
                StepEvent& e = b_.add(EventKind::output_delta, l, j, 0, cur.delta(shown_, j), {Kind::delta, l, j, 0});
                for (int i = 0; i < n; ++i) {
                    if (!softmax && i != j) continue;
                    e.reads.push_back({Kind::a, l, i, 0});
                    e.reads.push_back({Kind::target, l, i, 0});
                }
                e.reads.push_back({Kind::z, l, j, 0});
            }
            return;
        }
        const int next = net.layers[l + 1].size;
        for (int j = 0; j < n; ++j) {
            StepEvent& e = b_.add(EventKind::hidden_delta, l, j, 0, cur.delta(shown_, j), {Kind::delta, l, j, 0});
            e.reads.reserve(2 * static_cast<std::size_t>(next) + 1);
            for (int i = 0; i < next; ++i) {
                e.reads.push_back({Kind::weight, l + 1, i, j});
                e.reads.push_back({Kind::delta, l + 1, i, 0});
            }
            e.reads.push_back({Kind::z, l, j, 0});
        }
    }

    void gradients_done(const Network& net, int l, const Trace& t) override {
        const Layer& layer = net.layers[l];
        const LayerTrace& cur = t.layers[l];
        for (int j = 0; j < layer.size; ++j) {
            for (int k = 0; k < layer.W.cols; ++k) {
                StepEvent& e = b_.add(EventKind::weight_gradient, l, j, k, cur.dW(j, k), {Kind::dW, l, j, k});
                e.reads = {{Kind::a, l - 1, k, 0}, {Kind::delta, l, j, 0}};
            }
            if (!layer.bias) continue;  // no bias, no event: trace() still holds what its gradient would be
            StepEvent& e = b_.add(EventKind::bias_gradient, l, j, 0, cur.db[j], {Kind::db, l, j, 0});
            e.reads = {{Kind::delta, l, j, 0}};
        }
    }

    Builder& b_;
    int shown_;
};

void build_loss(Builder& b, const Network& net, const Matrix& Y, Trace& t) {
    compute_loss(net, Y, t);  // L = (1/N) Σ_n L_n
    const int L = net.L();
    StepEvent& e = b.add(EventKind::loss, L, 0, 0, t.loss, {Kind::loss, 0, 0, 0});
    for (int j = 0; j < net.output_size(); ++j) {
        e.reads.push_back({Kind::a, L, j, 0});
        e.reads.push_back({Kind::target, L, j, 0});
    }
}

// w ← w − η(∂L/∂w + λw), b ← b − η ∂L/∂b: optimizer.h's sgd_update, as apply_update does for plain SGD.
void build_updates(Builder& b, const Network& before, Network& after, const Trace& t, const TrainingConfig& c) {
    for (int l = 1; l <= before.L(); ++l) {
        const Layer& layer = before.layers[l];
        const LayerTrace& g = t.layers[l];
        const bool update_bias = layer.bias && !c.freeze_biases;
        for (int j = 0; j < layer.size; ++j) {
            for (int k = 0; k < layer.W.cols; ++k) {
                const double w = layer.W(j, k);
                const double w_new = sgd_update(w, g.dW(j, k), c.learning_rate, c.l2);
                after.layers[l].W(j, k) = w_new;
                StepEvent& e = b.add(EventKind::weight_update, l, j, k, w_new, {Kind::weight, l, j, k});
                e.reads = {{Kind::weight, l, j, k}, {Kind::dW, l, j, k}};
            }
            if (!update_bias) continue;
            const double bias = layer.b[j];
            const double b_new = sgd_update(bias, g.db[j], c.learning_rate, 0.0);
            after.layers[l].b[j] = b_new;
            StepEvent& e = b.add(EventKind::bias_update, l, j, 0, b_new, {Kind::bias, l, j, 0});
            e.reads = {{Kind::bias, l, j, 0}, {Kind::db, l, j, 0}};
        }
    }
}

std::size_t count_events(const Network& net, const TrainingConfig& c) {
    std::size_t n = 1;  // the loss
    for (int l = 1; l <= net.L(); ++l) {
        const std::size_t n_l = static_cast<std::size_t>(net.layers[l].size);
        const std::size_t weights = n_l * static_cast<std::size_t>(net.layers[l - 1].size);
        const bool bias = net.layers[l].bias;
        n += 3 * n_l + 2 * weights + (bias ? n_l : 0) + (bias && !c.freeze_biases ? n_l : 0);
    }
    return n;
}

}  // namespace

Stepper::Stepper(const Network& net, const Matrix& X, const Matrix& Y, const TrainingConfig& config,
                 int shown_sample)
    : before_(net), after_(net), Y_(Y), config_(config) {
    check_batch(net, X, Y);
    shown_ = std::clamp(shown_sample, 0, X.rows - 1);
    trace_.layers.resize(net.layers.size());
    trace_.layers[0].a = X;  // a^0 = x
    events_.reserve(count_events(net, config));

    Builder b(events_);
    EventWalk walk(b, shown_);
    walk.forward(before_, X, trace_);
    build_loss(b, before_, Y, trace_);
    walk.backward(before_, Y, 1.0 / X.rows, trace_);
    build_updates(b, before_, after_, trace_, config);

    // writer_index_: for every z, a, δ, ∂L/∂w, ∂L/∂b and the loss, the event that computes it.
    const int L = net.L();
    slot_base_.assign(L + 2, 0);
    int slots = 0;
    for (int l = 1; l <= L; ++l) {
        slot_base_[l] = slots;
        slots += net.layers[l].size * (4 + net.layers[l - 1].size);
    }
    slot_base_[L + 1] = slots;  // the loss
    writer_index_.assign(static_cast<std::size_t>(slots) + 1, -1);
    for (int i = 0; i < size(); ++i) {
        const int s = slot(events_[i].writes);
        if (s >= 0) writer_index_[s] = i;
        // A layer without bias has no ∂L/∂b event: its db is known with the neuron's last ∂L/∂w.
        const StepEvent& e = events_[i];
        if (e.kind == EventKind::weight_gradient && !net.layers[e.layer].bias && e.k == net.layers[e.layer - 1].size - 1)
            writer_index_[slot({Kind::db, e.layer, e.neuron, 0})] = i;
    }
}

// ---- [SECTION] the words of an event -------------------------------------------------------------------

Stepper::WriterSlot::WriterSlot() = default;
Stepper::WriterSlot::WriterSlot(const WriterSlot&) {}
Stepper::WriterSlot& Stepper::WriterSlot::operator=(const WriterSlot&) {
    writer.reset();
    return *this;
}
Stepper::WriterSlot::~WriterSlot() = default;

FormulaWriter& Stepper::writer() const {
    if (!writer_.writer) writer_.writer = std::make_unique<FormulaWriter>(before_, trace_, Y_, shown_, notation_);
    return *writer_.writer;
}

void Stepper::set_notation(Notation n) {
    if (n == notation_) return;
    notation_ = n;
    writer_.writer.reset();
}

namespace {

// "4×3": the shape of a matrix.
std::string shape(int rows, int cols) { return std::to_string(rows) + "×" + std::to_string(cols); }

// The batch notation's whole-matrix equation of an event, with the shape under (after) each matrix, as
// notes 000 writes them: "Z₁ = X·W₁ + b₁  (4×2 = 4×3 · 3×2 + 1×2)". Empty for the loss.
std::string batch_equation(const Symbols& s, const Network& net, int N, const StepEvent& e) {
    const int l = e.layer, L = net.L();
    const int n_in = l > 0 ? net.layers[l - 1].size : 0, n = net.layers[l].size;
    const std::string act_prev = l > 0 ? s.activation_name(l - 1) : "", z = s.pre_activation_name(l);
    switch (e.kind) {
        case EventKind::z:
            return z + " = " + act_prev + "·" + s.weight_name(l) + (net.layers[l].bias ? " + " + s.bias_name(l) : "") +
                   "  (" + shape(N, n) + " = " + shape(N, n_in) + " · " + shape(n_in, n) +
                   (net.layers[l].bias ? " + " + shape(1, n) : "") + ")";
        case EventKind::a:
            return s.activation_name(l) + " = " + std::string(symbol(net.layers[l].activation)) + "(" + z + ")  (" +
                   shape(N, n) + ")";
        case EventKind::loss: return {};
        case EventKind::output_delta: return s.delta_name(L) + "  (" + shape(N, n) + ")";
        case EventKind::hidden_delta: {
            const int n_next = net.layers[l + 1].size;
            return s.delta_name(l) + " = (" + s.delta_name(l + 1) + "·" + s.weight_name(l + 1) + "ᵀ) ⊙ " +
                   std::string(symbol(net.layers[l].activation)) + "′(" + z + ")  (" + shape(N, n) + " = " +
                   shape(N, n_next) + " · " + shape(n_next, n) + ")";
        }
        case EventKind::weight_gradient:
            return "dL/d" + s.weight_name(l) + " = " + act_prev + "ᵀ·" + s.delta_name(l) + "  (" + shape(n_in, n) +
                   " = " + shape(n_in, N) + " · " + shape(N, n) + ")";
        case EventKind::bias_gradient:
            return "dL/d" + s.bias_name(l) + " = 1ᵀ·" + s.delta_name(l) + "  (" + shape(1, n) + " = " + shape(1, N) +
                   " · " + shape(N, n) + ")";
        case EventKind::weight_update:
            return s.weight_name(l) + " ← " + s.weight_name(l) + " − η·dL/d" + s.weight_name(l) + "  (" +
                   shape(n_in, n) + ")";
        case EventKind::bias_update:
            return s.bias_name(l) + " ← " + s.bias_name(l) + " − η·dL/d" + s.bias_name(l) + "  (" + shape(1, n) + ")";
    }
    return {};
}

}  // namespace

EventText Stepper::text(int index) const {
    const StepEvent& e = events_.at(static_cast<std::size_t>(index));
    FormulaWriter& fw = writer();
    const int l = e.layer, j = e.neuron, k = e.k;
    const auto words = [](FormulaText f, std::string title) {
        return EventText{std::move(f.symbolic), std::move(f.substituted), std::move(f.result), std::move(f.latex),
                         std::move(title)};
    };
    const auto titled = [&](std::string_view head, FormulaText f) {  // "Gradient — ∂L/∂w²₁₁": its left-hand side
        std::string title = title_from(head, f.symbolic);
        return words(std::move(f), std::move(title));
    };
    // The letter of a neuron's value in the title: "z", or in another notation its own, with the role
    // where the letter does not say it ("u (pre-activation)"; every one in the derivation notation, whose
    // z and a swap meaning: "ε₂ (∂L/∂ pre-activation)"); "∂L/∂u" and "dL/dZ₁" say it themselves.
    const Symbols& s = fw.symbols();
    const bool roles = notation_ == Notation::derivation ||
                       (notation_ == Notation::vector && (e.kind == EventKind::z || e.kind == EventKind::a));
    const auto of = [&](std::string name, std::string_view role) {
        return (roles ? name + " (" + std::string(role) + ")" : name) + " of " + neuron_name(before_, l, j);
    };
    EventText out = [&] {
        switch (e.kind) {
        case EventKind::z: return words(fw.z(l, j), "Forward pass — " + of(s.pre_activation_name(l), "pre-activation"));
        case EventKind::a: return words(fw.a(l, j), "Forward pass — " + of(s.activation_name(l), "activation"));
        case EventKind::loss: {
            std::string title = "Loss — " + std::string(loss_info(before_.loss).words);
            if (trace_.N() > 1) title += " over " + std::to_string(trace_.N()) + " samples";
            return words(fw.loss(), std::move(title));
        }
        case EventKind::output_delta:
            return words(fw.output_delta(j), "Backward pass — " + of(s.delta_name(l), "∂L/∂ pre-activation"));
        case EventKind::hidden_delta:
            return words(fw.hidden_delta(l, j), "Backward pass — " + of(s.delta_name(l), "∂L/∂ pre-activation"));
        case EventKind::weight_gradient: return titled("Gradient — ", fw.weight_gradient(l, j, k));
        case EventKind::bias_gradient: return titled("Gradient — ", fw.bias_gradient(l, j));
        case EventKind::weight_update:
            return titled("Update — ", fw.weight_update(l, j, k, before_.layers[l].W(j, k), after_.layers[l].W(j, k), config_));
        case EventKind::bias_update:
            return titled("Update — ", fw.bias_update(l, j, before_.layers[l].b[j], after_.layers[l].b[j], config_));
        }
        return EventText{};
    }();
    return out;
}

std::string Stepper::shapes(int index) const {
    if (notation_ != Notation::batch) return {};
    return batch_equation(writer().symbols(), before_, trace_.N(), events_.at(static_cast<std::size_t>(index)));
}

std::string Stepper::full_title(int index) const {
    const std::string m = shapes(index);
    return m.empty() ? text(index).title : text(index).title + ";  " + m;
}

// ---- [SECTION] known values -------------------------------------------------------------------------------

int Stepper::slot(const ValueRef& r) const {
    const int L = before_.L();
    if (r.kind == Kind::loss) return slot_base_[L + 1];
    if (r.l < 1 || r.l > L || r.j < 0 || r.j >= before_.layers[r.l].size) return -1;
    const int n = before_.layers[r.l].size, n_prev = before_.layers[r.l - 1].size;
    const int base = slot_base_[r.l];
    switch (r.kind) {
        case Kind::z: return base + r.j;
        case Kind::a: return base + n + r.j;
        case Kind::delta: return base + 2 * n + r.j;
        case Kind::dW: return r.k >= 0 && r.k < n_prev ? base + 3 * n + r.j * n_prev + r.k : -1;
        case Kind::db: return base + 3 * n + n * n_prev + r.j;
        default: return -1;
    }
}

int Stepper::writer_of(const ValueRef& r) const {
    const int s = slot(r);
    return s < 0 ? -1 : writer_index_[s];
}

bool Stepper::known(const ValueRef& r) const {
    const auto in_layer = [&](int l, int j) { return l >= 0 && l <= before_.L() && j >= 0 && j < before_.layers[l].size; };
    switch (r.kind) {
        case Kind::weight: return r.l >= 1 && in_layer(r.l, r.j) && r.k >= 0 && r.k < before_.layers[r.l - 1].size;
        case Kind::bias: return r.l >= 1 && in_layer(r.l, r.j);
        case Kind::target: return r.l == before_.L() && in_layer(r.l, r.j);
        case Kind::a:
            if (r.l == 0) return in_layer(0, r.j);  // a^0 = x
            break;
        default: break;
    }
    const int s = slot(r);
    return s >= 0 && writer_index_[s] >= 0 && writer_index_[s] < cursor_;
}

// ---- [SECTION] navigation -----------------------------------------------------------------------------------

const StepEvent* Stepper::current() const { return cursor_ > 0 ? &events_[cursor_ - 1] : nullptr; }
const StepEvent* Stepper::next() const { return cursor_ < size() ? &events_[cursor_] : nullptr; }
Phase Stepper::phase() const { return at_end() ? Phase::update : events_[cursor_].phase; }

bool Stepper::same_group(int a, int b, Granularity g) const {
    const StepEvent &x = events_[a], &y = events_[b];
    switch (g) {
        case Granularity::neuron: return a == b;
        case Granularity::layer: return x.phase == y.phase && x.layer == y.layer;
        case Granularity::phase: return x.phase == y.phase;
    }
    return a == b;
}

// The end of the group that holds event `from` (the cursor after doing it).
int Stepper::group_end(int from, Granularity g) const {
    if (from >= size()) return size();
    int e = from + 1;
    while (e < size() && same_group(from, e, g)) ++e;
    return e;
}

// The start of the group that holds event `to` − 1 (the cursor before doing it).
int Stepper::group_start(int to, Granularity g) const {
    if (to <= 0) return 0;
    int s = to - 1;
    while (s > 0 && same_group(s - 1, to - 1, g)) --s;
    return s;
}

void Stepper::step_forward(Granularity g) { cursor_ = group_end(cursor_, g); }
void Stepper::step_back(Granularity g) { cursor_ = group_start(cursor_, g); }
void Stepper::run_to_end_of_phase() { cursor_ = group_end(cursor_, Granularity::phase); }
void Stepper::run_to_end() { cursor_ = size(); }
void Stepper::seek(int cursor) { cursor_ = std::clamp(cursor, 0, size()); }

}  // namespace bp
