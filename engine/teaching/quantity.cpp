// Names, checks and look-ups of the values a student is asked for (see quantity.h).
#include "engine/teaching/quantity.h"

#include "engine/teaching/notation.h"

namespace bp {
namespace {

constexpr Quantity kAll[] = {Quantity::z,  Quantity::a,    Quantity::delta,   Quantity::dW,
                             Quantity::db, Quantity::loss, Quantity::W_after, Quantity::b_after};

std::optional<RefProblem> index_problem(const char* field, int value, int count, const std::string& of_what) {
    if (value >= 0 && value < count) return std::nullopt;
    if (value < 0) return RefProblem{field, std::to_string(value) + " is negative: indices count from 0"};
    return RefProblem{field, std::to_string(value) + " is past the last " + of_what + " (" +
                                 std::to_string(count - 1) + ")"};
}

}  // namespace

std::string_view to_string(Quantity q) {
    switch (q) {
        case Quantity::z: return "z";
        case Quantity::a: return "a";
        case Quantity::delta: return "delta";
        case Quantity::dW: return "dW";
        case Quantity::db: return "db";
        case Quantity::loss: return "loss";
        case Quantity::W_after: return "W_after";
        case Quantity::b_after: return "b_after";
    }
    return "?";
}

std::optional<Quantity> parse_quantity(std::string_view s) {
    for (Quantity q : kAll)
        if (s == to_string(q)) return q;
    return std::nullopt;
}

std::optional<RefProblem> check_ref(const Network& net, int batch_size, const QuantityRef& r) {
    if (r.what == Quantity::loss) return std::nullopt;
    if (auto p = index_problem("layer", r.l, net.L() + 1, "layer")) return p;
    const std::string layer_name = "layer " + std::to_string(r.l);
    if (r.l == 0 && r.what != Quantity::a)
        return RefProblem{"layer", "0 is the input layer: it has no " + std::string(to_string(r.what)) +
                                       (is_per_sample(r.what) ? "" : " (no weights or biases)")};
    if (auto p = index_problem(is_weight(r.what) ? "j" : "neuron", r.j, net.layers[r.l].size, "neuron of " + layer_name))
        return p;
    if (is_weight(r.what))
        if (auto p = index_problem("k", r.k, net.layers[r.l - 1].size, "neuron of layer " + std::to_string(r.l - 1)))
            return p;
    if (is_per_sample(r.what)) return index_problem("sample", r.n, batch_size, "sample of the batch");
    return std::nullopt;
}

double value_of(const QuantityRef& r, const Trace& t, const Network& after) {
    switch (r.what) {
        case Quantity::z: return t.layers[r.l].z(r.n, r.j);
        case Quantity::a: return t.layers[r.l].a(r.n, r.j);
        case Quantity::delta: return t.layers[r.l].delta(r.n, r.j);
        case Quantity::dW: return t.layers[r.l].dW(r.j, r.k);
        case Quantity::db: return t.layers[r.l].db[r.j];
        case Quantity::loss: return t.loss;
        case Quantity::W_after: return after.layers[r.l].W(r.j, r.k);
        case Quantity::b_after: return after.layers[r.l].b[r.j];
    }
    return 0.0;
}

std::string label(const QuantityRef& r) {
    switch (r.what) {
        case Quantity::z: return neuron_label("z", r.l, r.j);
        case Quantity::a: return neuron_label("a", r.l, r.j);
        case Quantity::delta: return neuron_label("δ", r.l, r.j);
        case Quantity::dW: return "∂L/∂" + weight_label(r.l, r.j, r.k);
        case Quantity::db: return "∂L/∂" + bias_label(r.l, r.j);
        case Quantity::loss: return "L";
        case Quantity::W_after: return weight_label(r.l, r.j, r.k) + " after the step";
        case Quantity::b_after: return bias_label(r.l, r.j) + " after the step";
    }
    return "?";
}

std::string label(const QuantityRef& r, const Symbols& s) {
    switch (r.what) {
        case Quantity::z: return s.pre_activation(r.l, r.j, r.n).text;
        case Quantity::a: return s.activation(r.l, r.j, r.n).text;
        case Quantity::delta: return s.delta(r.l, r.j, r.n).text;
        case Quantity::dW: return s.weight_gradient(r.l, r.j, r.k).text;
        case Quantity::db: return s.bias_gradient(r.l, r.j).text;
        case Quantity::loss: return "L";
        case Quantity::W_after: return s.weight(r.l, r.j, r.k).text + " after the step";
        case Quantity::b_after: return s.bias(r.l, r.j).text + " after the step";
    }
    return "?";
}

ValueRef value_ref(const QuantityRef& r) {
    using K = ValueRef::Kind;
    switch (r.what) {
        case Quantity::z: return {K::z, r.l, r.j, 0};
        case Quantity::a: return {K::a, r.l, r.j, 0};
        case Quantity::delta: return {K::delta, r.l, r.j, 0};
        case Quantity::dW: return {K::dW, r.l, r.j, r.k};
        case Quantity::db: return {K::db, r.l, r.j, 0};
        case Quantity::loss: return {K::loss, 0, 0, 0};
        case Quantity::W_after: return {K::weight, r.l, r.j, r.k};
        case Quantity::b_after: return {K::bias, r.l, r.j, 0};
    }
    return {};
}

QuantityRef quantity_of(const StepEvent& e, int shown_sample) {
    QuantityRef r{Quantity::loss, e.layer, e.neuron, e.k, shown_sample};
    switch (e.kind) {
        case EventKind::z: r.what = Quantity::z; break;
        case EventKind::a: r.what = Quantity::a; break;
        case EventKind::loss: r.what = Quantity::loss; break;
        case EventKind::output_delta:
        case EventKind::hidden_delta: r.what = Quantity::delta; break;
        case EventKind::weight_gradient: r.what = Quantity::dW; break;
        case EventKind::bias_gradient: r.what = Quantity::db; break;
        case EventKind::weight_update: r.what = Quantity::W_after; break;
        case EventKind::bias_update: r.what = Quantity::b_after; break;
    }
    if (!is_per_sample(r.what)) r.n = 0;
    if (r.what == Quantity::loss) r.l = r.j = r.k = 0;
    return r;
}

}  // namespace bp
