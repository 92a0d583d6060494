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
    switch (layer.activation) {
        case Activation::linear: break;
        case Activation::softmax: count += 2 * n + 1; break;  // e^z, their sum, each a = e^z / sum
        default: count += n;
    }
    return count;
}

// Nodes of the loss over K outputs with targets y (the terms written by add_loss).
long long loss_nodes(Loss loss, const double* y, int K) {
    long long count = 0, terms = 0;
    for (int i = 0; i < K; ++i) {
        switch (loss) {
            case Loss::mse_half:
            case Loss::mse: count += 4; ++terms; break;  // y_i, a − y, 2, (a − y)²
            case Loss::cross_entropy:
                if (y[i] != 0.0) count += y[i] == 1.0 ? 1 : 3, ++terms;  // log a (times y)
                break;
            case Loss::binary_cross_entropy: {
                const bool pos = y[i] != 0.0, neg = 1.0 - y[i] != 0.0;
                if (pos) count += y[i] == 1.0 ? 1 : 3;            // log a (times y)
                if (neg) count += 3 + (1.0 - y[i] == 1.0 ? 0 : 2);  // 1, 1 − a, log (times 1 − y)
                if (pos && neg) ++count;                          // their sum
                if (pos || neg) ++terms;
                break;
            }
        }
    }
    count += terms > 1 ? 1 : 0;  // Σ over the outputs
    switch (loss) {
        case Loss::mse_half: return count + 2;  // ½ and the product
        case Loss::mse: return count + (K > 1 ? 2 : 0);  // K and the division
        default: return count + 1;  // the minus sign
    }
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
        if (layer.activation == Activation::linear)
            a_node(l, j) = z_node(l, j);
        else
            a_node(l, j) = b_.operation(op_of(layer.activation), {z_node(l, j)}, neuron_label("a", l, j), latex_neuron("a", l, j));
    }

    void add_layer(int l) {
        for (int j = 0; j < net_.layers[static_cast<std::size_t>(l)].size; ++j) add_z(l, j);
        add_activations(l);
    }

    // The loss of one sample as engine/core/losses.h writes it.
    void add_loss(const double* y) {
        const int L = net_.L(), K = net_.output_size();
        const Loss loss = net_.loss;
        std::vector<int> terms;
        const auto log_term = [&](double coefficient, int argument) {  // coefficient·log(argument)
            const int lg = b_.operation(Op::log, {argument});
            return coefficient == 1.0 ? lg : b_.operation(Op::mul, {b_.constant(coefficient), lg});
        };
        for (int i = 0; i < K; ++i) {
            const int a = a_node(L, i);
            switch (loss) {
                case Loss::mse_half:
                case Loss::mse: {  // (a_i − y_i)²
                    const int d = b_.operation(Op::sub, {a, b_.constant(y[i])});
                    terms.push_back(b_.operation(Op::pow, {d, b_.constant(2.0)}));
                    break;
                }
                case Loss::cross_entropy:  // y_i·log a_i
                    if (y[i] != 0.0) terms.push_back(log_term(y[i], a));
                    break;
                case Loss::binary_cross_entropy: {  // y_i·log a_i + (1 − y_i)·log(1 − a_i)
                    int term = -1;
                    if (y[i] != 0.0) term = log_term(y[i], a);
                    if (1.0 - y[i] != 0.0) {
                        const int rest = log_term(1.0 - y[i], b_.operation(Op::sub, {b_.constant(1.0), a}));
                        term = term < 0 ? rest : b_.operation(Op::add, {term, rest});
                    }
                    if (term >= 0) terms.push_back(term);
                    break;
                }
            }
        }
        const int total = terms.size() == 1 ? terms[0] : b_.operation(Op::sum, terms);
        switch (loss) {
            case Loss::mse_half: out_.loss = b_.operation(Op::mul, {b_.constant(0.5), total}, "L", "L"); break;  // ½ Σ
            case Loss::mse:  // (1/K) Σ; with one output (a − y)² is L itself
                if (K == 1) {
                    b_.set_label(total, "L", "L");
                    out_.loss = total;
                } else {
                    out_.loss = b_.operation(Op::div, {total, b_.constant(K)}, "L", "L");
                }
                break;
            default: out_.loss = b_.operation(Op::neg, {total}, "L", "L"); break;  // −Σ
        }
    }

    NetworkGraph finish(int output) {  // the output keeps its own label in the formulas: L, a²₁
        out_.graph = b_.finish(output);
        return std::move(out_);
    }
    int a(int l, int j) const { return out_.a[static_cast<std::size_t>(l)][static_cast<std::size_t>(j)]; }
    int loss() const { return out_.loss; }

private:
    static Op op_of(Activation f) {
        switch (f) {
            case Activation::sigmoid: return Op::sigmoid;
            case Activation::tanh: return Op::tanh;
            case Activation::relu: return Op::relu;
            case Activation::leaky_relu: return Op::leaky_relu;
            default: return Op::sum;  // linear and softmax are handled by the caller
        }
    }
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
