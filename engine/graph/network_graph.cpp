// A network expanded into its scalar computation graph (see network_graph.h).
// [SECTION] counting nodes before building
// [SECTION] the expansion: variables, z, a, the loss
// [SECTION] neuron, layer, network
#include "engine/graph/network_graph.h"

#include "engine/core/document.h"
#include "engine/core/error.h"
#include "engine/teaching/notation.h"
#include "engine/core/passes.h"

namespace bp {
namespace {

// ---- [SECTION] counting nodes before building ----------------------------------------------------------

long long layer_nodes(const Network& net, int l, bool first) {
    const long long n = net.layers[static_cast<std::size_t>(l)].size, p = net.layers[static_cast<std::size_t>(l - 1)].size;
    const Layer& layer = net.layers[static_cast<std::size_t>(l)];
    long long count = n * p /* weights */ + n * p /* w·a */ + n /* z */ + (layer.bias ? n : 0) + (first ? p : 0);
    const ActivationInfo& f = activation_info(layer.activation);
    if (f.output_only) count += 2 * n + 1;  // softmax: e^z, their sum, each a = e^z / sum
    else if (!f.identity) count += n;       // linear: a is z
    return count;
}

// A loss graph that only counts the nodes its entry's recipe would add.
class NodeCounter final : public LossGraph {
public:
    int constant(double) override { return next(); }
    int sub(int, int) override { return next(); }
    int add(int, int) override { return next(); }
    int mul(int, int) override { return next(); }
    int div(int, int) override { return next(); }
    int square(int) override {  // the constant 2, then the power
        next();
        return next();
    }
    int log(int) override { return next(); }
    int neg(int) override { return next(); }
    int function(const ScalarFunction&, int) override { return next(); }
    long long count = 0;

private:
    int next() { return static_cast<int>(count++); }
};

// Nodes of the loss over K outputs with targets y: its terms, their sum, and L from the sum.
long long loss_nodes(Loss loss, const double* y, int K) {
    const LossInfo& e = loss_info(loss);
    NodeCounter c;
    int terms = 0;
    for (int i = 0; i < K; ++i) terms += e.graph_term(c, 0, y[i]) >= 0;
    if (terms > 1) ++c.count;  // Σ over the outputs
    e.graph_total(c, 0, K);
    return c.count;
}

// ---- [SECTION] the expansion ----------------------------------------------------------------------------

std::string index_name(const std::string& head, std::initializer_list<int> indices) {
    std::string s = head;
    bool first = true;
    for (int i : indices) {
        s += (first ? "" : "_") + std::to_string(i);
        first = false;
    }
    return s;
}

// A loss's recipe (its entry's graph_term, graph_total) building nodes of the network's graph.
class LossNodes final : public LossGraph {
public:
    explicit LossNodes(GraphBuilder& b) : b_(b) {}
    int constant(double value) override { return b_.constant(value); }
    int sub(int u, int v) override { return b_.operation(Op::sub, {u, v}); }
    int add(int u, int v) override { return b_.operation(Op::add, {u, v}); }
    int mul(int u, int v) override { return b_.operation(Op::mul, {u, v}); }
    int div(int u, int v) override { return b_.operation(Op::div, {u, v}); }
    int square(int u) override { return b_.operation(Op::pow, {u, b_.constant(2.0)}); }
    int log(int u) override { return b_.operation(Op::log, {u}); }
    int neg(int u) override { return b_.operation(Op::neg, {u}); }
    int function(const ScalarFunction& f, int u) override { return b_.function(f, u); }

private:
    GraphBuilder& b_;
};

class Expander {
public:
    Expander(const Network& net, const Matrix& x) : net_(net) {
        validate(net);
        if (x.rows != 1 || x.cols != net.input_size())
            throw Error("the sample has " + std::to_string(x.rows) + " row(s) of " + std::to_string(x.cols) +
                        " inputs; one row of " + std::to_string(net.input_size()) + " is needed");
        forward(net, x, trace_);  // the values of the activations that become variables
        const std::size_t layers = net.layers.size();
        out_.z.resize(layers);
        out_.a.resize(layers);
        out_.w.resize(layers);
        out_.b.resize(layers);
        for (std::size_t l = 0; l < layers; ++l) {
            const std::size_t n = static_cast<std::size_t>(net.layers[l].size);
            out_.z[l].assign(n, -1);
            out_.a[l].assign(n, -1);
            out_.b[l].assign(n, -1);
            out_.w[l].assign(n, std::vector<int>(l > 0 ? static_cast<std::size_t>(net.layers[l - 1].size) : 0, -1));
        }
    }

    // The activations of layer l − 1 as variables: the inputs x₁, x₂, … or a^(l−1)_k from the forward pass.
    void previous_as_variables(int l) {
        for (int k = 0; k < net_.layers[static_cast<std::size_t>(l - 1)].size; ++k) {
            const double value = trace_.layers[static_cast<std::size_t>(l - 1)].a(0, k);
            if (l == 1)
                a_node(0, k) = variable(index_name("x", {k + 1}), "x" + subscript(k + 1), "x_{" + std::to_string(k + 1) + "}", value);
            else
                a_node(l - 1, k) = variable(index_name("a", {l - 1, k + 1}), neuron_label("a", l - 1, k),
                                            latex_neuron("a", l - 1, k), value);
        }
    }

    // z^l_j = Σ_k w^l_jk·a^(l−1)_k + b^l_j, summed in that order as passes.h's weighted_input does.
    void add_z(int l, int j) {
        const Layer& layer = net_.layers[static_cast<std::size_t>(l)];
        std::vector<int> terms;
        for (int k = 0; k < layer.W.cols; ++k) {
            const int w = variable(index_name("w", {l, j + 1, k + 1}), weight_label(l, j, k), latex_weight(l, j, k), layer.W(j, k));
            out_.w[static_cast<std::size_t>(l)][static_cast<std::size_t>(j)][static_cast<std::size_t>(k)] = w;
            terms.push_back(b_.operation(Op::mul, {w, a_node(l - 1, k)}));
        }
        if (layer.bias) {
            const int bias = variable(index_name("b", {l, j + 1}), bias_label(l, j), latex_neuron("b", l, j), layer.b[static_cast<std::size_t>(j)]);
            out_.b[static_cast<std::size_t>(l)][static_cast<std::size_t>(j)] = bias;
            terms.push_back(bias);
        }
        z_node(l, j) = b_.operation(Op::sum, std::move(terms), neuron_label("z", l, j), latex_neuron("z", l, j));
    }

    // a^l = f(z^l) for every neuron of the layer (softmax: a_j = e^(z_j) / Σ_m e^(z_m)); linear: a is z.
    void add_activations(int l) {
        const Layer& layer = net_.layers[static_cast<std::size_t>(l)];
        const int n = layer.size;
        if (layer.activation == Activation::softmax) {
            std::vector<int> e;
            for (int m = 0; m < n; ++m) e.push_back(b_.operation(Op::exp, {z_node(l, m)}));
            const int sum = b_.operation(Op::sum, e);
            for (int j = 0; j < n; ++j)
                a_node(l, j) = b_.operation(Op::div, {e[static_cast<std::size_t>(j)], sum}, neuron_label("a", l, j), latex_neuron("a", l, j));
            return;
        }
        for (int j = 0; j < n; ++j) add_activations_of(l, j);
    }

    void add_activations_of(int l, int j) {  // one neuron of an element-wise layer
        const Layer& layer = net_.layers[static_cast<std::size_t>(l)];
        const ActivationInfo& f = activation_info(layer.activation);
        if (f.identity)
            a_node(l, j) = z_node(l, j);
        else
            a_node(l, j) = b_.function(f.fn, z_node(l, j), neuron_label("a", l, j), latex_neuron("a", l, j));
    }

    void add_layer(int l) {
        for (int j = 0; j < net_.layers[static_cast<std::size_t>(l)].size; ++j) add_z(l, j);
        add_activations(l);
    }

    // The loss of one sample as its entry in engine/core/losses.h builds it: each output's term, their sum, L.
    void add_loss(const double* y) {
        const int L = net_.L(), K = net_.output_size();
        const LossInfo& e = loss_info(net_.loss);
        LossNodes g(b_);
        std::vector<int> terms;
        for (int i = 0; i < K; ++i)
            if (const int term = e.graph_term(g, a_node(L, i), y[i]); term >= 0) terms.push_back(term);
        const int total = terms.size() == 1 ? terms[0] : b_.operation(Op::sum, terms);
        out_.loss = e.graph_total(g, total, K);
        b_.set_label(out_.loss, "L", "L");
    }

    NetworkGraph finish(int output) {  // the output keeps its own label in the formulas: L, a²₁
        out_.graph = b_.finish(output);
        return std::move(out_);
    }
    int a(int l, int j) const { return out_.a[static_cast<std::size_t>(l)][static_cast<std::size_t>(j)]; }
    int loss() const { return out_.loss; }

private:
    int variable(const std::string& name, const std::string& label, const std::string& latex, double value) {
        out_.values[name] = value;
        return b_.variable(name, label, latex);
    }
    int& a_node(int l, int j) { return out_.a[static_cast<std::size_t>(l)][static_cast<std::size_t>(j)]; }
    int& z_node(int l, int j) { return out_.z[static_cast<std::size_t>(l)][static_cast<std::size_t>(j)]; }

    const Network& net_;
    Trace trace_;
    GraphBuilder b_;
    NetworkGraph out_;
};

void check_size(const Network& net, int first, int last, const Matrix* y, const std::string& what) {
    const long long nodes = network_graph_size(net, first, last, y);
    if (nodes > kMaxGraphNodes)
        throw Error(what + " needs " + std::to_string(nodes) + " nodes, more than the limit of " +
                    std::to_string(kMaxGraphNodes) + ": expand one layer or one neuron instead");
}

void check_layer(const Network& net, int l) {
    if (l < 1 || l > net.L())
        throw Error("layer " + std::to_string(l) + " does not exist (layers with neurons to expand are 1.." +
                    std::to_string(net.L()) + ")");
}

}  // namespace

// ---- [SECTION] neuron, layer, network ----------------------------------------------------------------------

long long network_graph_size(const Network& net, int first, int last, const Matrix* y) {
    long long count = 0;
    for (int l = first; l <= last; ++l) count += layer_nodes(net, l, l == first);
    if (y != nullptr) count += loss_nodes(net.loss, y->row(0), net.output_size());
    return count;
}

NetworkGraph expand_neuron(const Network& net, const Matrix& x, int l, int j) {
    Expander e(net, x);
    check_layer(net, l);
    if (j < 0 || j >= net.layers[static_cast<std::size_t>(l)].size)
        throw Error("neuron " + std::to_string(j) + " does not exist: layer " + std::to_string(l) + " has " +
                    std::to_string(net.layers[static_cast<std::size_t>(l)].size) + " neurons");
    const Layer& layer = net.layers[static_cast<std::size_t>(l)];
    if (layer.activation == Activation::softmax)
        check_size(net, l, l, nullptr, "neuron " + std::to_string(j) + " of the softmax layer " + std::to_string(l));
    // (a neuron of an element-wise layer needs 3 nodes per input, z, b and a: at most 3·256 + 3)
    e.previous_as_variables(l);
    if (layer.activation == Activation::softmax) {
        e.add_layer(l);  // every a of a softmax layer depends on every z
    } else {
        e.add_z(l, j);
        e.add_activations_of(l, j);
    }
    return e.finish(e.a(l, j));
}

NetworkGraph expand_layer(const Network& net, const Matrix& x, int l) {
    Expander e(net, x);
    check_layer(net, l);
    check_size(net, l, l, nullptr, "layer " + std::to_string(l));
    e.previous_as_variables(l);
    e.add_layer(l);
    return e.finish(e.a(l, 0));
}

NetworkGraph expand_network(const Network& net, const Matrix& x, const Matrix* y) {
    Expander e(net, x);
    if (y != nullptr) validate_dataset(net, Dataset{x, *y}, "the sample");  // one target row that suits the loss
    check_size(net, 1, net.L(), y, "the whole network" + std::string(y ? " with its loss" : ""));
    e.previous_as_variables(1);
    for (int l = 1; l <= net.L(); ++l) e.add_layer(l);
    if (y == nullptr) return e.finish(e.a(net.L(), 0));
    e.add_loss(y->row(0));
    return e.finish(e.loss());
}

}  // namespace bp
