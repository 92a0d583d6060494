// Chain-rule paths of one parameter (see chain_rule.h).
// [SECTION] the path graph: levels, choices and the factors each choice contributes
// [SECTION] walking every path (listing, summing)
// [SECTION] the top paths by |product|: exact best-first search
// [SECTION] enumerate_paths and the compact form
#include "engine/teaching/chain_rule.h"

#include <algorithm>
#include <cmath>
#include <queue>

#include "engine/core/activations.h"
#include "engine/core/error.h"
#include "engine/teaching/formula_writer.h"
#include "engine/core/losses.h"
#include "engine/core/compensated_sum.h"
#include "engine/teaching/notation.h"

namespace bp {
namespace {

// ---- [SECTION] the path graph -------------------------------------------------------------------------
//
// Seen from the loss, a path is a sequence of choices, one per level:
//   softmax output: level 0 picks the a^L_i the path ends on, level 1 the neuron m of layer L;
//   otherwise:      level 0 picks the output neuron m;
// each next level picks a neuron of the layer below, down to layer l where the only choice is j.
// Choosing c at level s (after `prev` at level s − 1) contributes one or two factors, in board order:
//   layer L:      ∂L/∂a^L_m, f′(z^L_m)        (softmax: ∂L/∂a^L_i, ∂a^L_i/∂z^L_m)
//   layer m < L:  w^(m+1)_qr, f′(z^m_r)        (q the neuron chosen in layer m + 1)
// and after the last level the leaf: a^(l−1)_k for a weight, ∂z^l_j/∂b^l_j = 1 for a bias.
class PathGraph {
public:
    PathGraph(const Network& net, const Trace& t, const Matrix& y, const ParameterRef& p)
        : net_(net), t_(t), y_(y.row(0)), p_(p), L_(net.L()), softmax_(net.layers[net.L()].activation == Activation::softmax) {
        const int K = net.output_size();
        const double* a = t.layers[L_].a.row(0);
        for (int i = 0; i < K; ++i) dl_da_.push_back(loss_derivative(net.loss, a, y_, K, i));
        fprime_.resize(net.layers.size());
        for (int m = p.l; m <= L_; ++m) {
            if (m == L_ && softmax_) continue;
            for (int r = 0; r < net.layers[m].size; ++r)
                fprime_[m].push_back(activation_derivative(net.layers[m].activation, t.layers[m].z(0, r)));
        }
        leaf_ = p.bias ? 1.0 : t.layers[p.l - 1].a(0, p.k);
    }

    int levels() const { return (softmax_ ? 1 : 0) + L_ - p_.l + 1; }
    int last() const { return levels() - 1; }
    bool output_choice(int s) const { return softmax_ && s == 0; }
    int layer_of(int s) const { return output_choice(s) ? L_ : L_ - (s - (softmax_ ? 1 : 0)); }
    int options(int s) const {
        if (output_choice(s)) return net_.output_size();
        return layer_of(s) == p_.l ? 1 : net_.layers[layer_of(s)].size;
    }
    int neuron_at(int s, int c) const { return !output_choice(s) && layer_of(s) == p_.l ? p_.j : c; }
    double leaf() const { return leaf_; }

    // The factors of choosing c at level s after prev; returns how many (0, 1 or 2) were written.
    // At the output, ∂L/∂a is infinite where a saturated output met its target's opposite (cross-entropy
    // with a_i = 0 < y_i, binary cross-entropy with a ∈ {0, 1}); the two factors are then one, computed as
    // the passes compute δ, with the a that would have divided cancelled: finite, as the gradient is.
    int factors(int s, int prev, int c, double out[2]) const {
        if (output_choice(s)) return 0;
        const int m = layer_of(s), r = neuron_at(s, c);
        if (m == L_ && softmax_) {
            const double* z = t_.layers[L_].z.row(0);
            const double* a = t_.layers[L_].a.row(0);
            if (!std::isfinite(dl_da_[prev])) {  // cross-entropy: −y_i/a_i · a_i(1[i=r] − a_r)
                out[0] = -y_[prev] * ((prev == r ? 1.0 : 0.0) - a[r]);
                return 1;
            }
            out[0] = dl_da_[prev];                                           // ∂L/∂a^L_i
            out[1] = activation_jacobian(Activation::softmax, z, a, prev, r);  // ∂a^L_i/∂z^L_r
            return 2;
        }
        if (m == L_) {
            if (!std::isfinite(dl_da_[r])) {  // binary cross-entropy after a sigmoid: (a − y)/(a(1 − a)) · a(1 − a)
                out[0] = t_.layers[L_].a(0, r) - y_[r];
                return 1;
            }
            out[0] = dl_da_[r];      // ∂L/∂a^L_r
            out[1] = fprime_[L_][r];  // f′(z^L_r)
            return 2;
        }
        out[0] = net_.layers[m + 1].W(neuron_at(s - 1, prev), r);  // w^(m+1)_qr
        out[1] = fprime_[m][r];                                    // f′(z^m_r)
        return 2;
    }

    // The same factors with their labels and sources.
    void describe(int s, int prev, int c, const FormulaWriter& fw, std::vector<PathFactor>& out) const {
        double v[2];
        const int n = factors(s, prev, c, v);
        if (n == 0) return;
        const int m = layer_of(s), r = neuron_at(s, c);
        using Kind = ValueRef::Kind;
        if (m == L_ && softmax_) {
            const Symbols& sym = fw.symbols();
            const Phrase ai = sym.activation(L_, prev), zr = sym.pre_activation(L_, r);
            const std::string d(sym.partial());
            const std::string dl_da = sym.activation_gradient(L_, prev).text, da_dz = d + ai.text + "/" + d + zr.text;
            if (n == 1) return out.push_back({dl_da + "·" + da_dz, v[0], {Kind::z, L_, r, 0}});
            out.push_back({dl_da, v[0], {Kind::a, L_, prev, 0}});
            out.push_back({da_dz, v[1], {Kind::z, L_, r, 0}});
            return;
        }
        if (m == L_) {
            const std::string dl_da = fw.symbols().activation_gradient(L_, r).text;
            if (n == 1)
                return out.push_back({dl_da + "·" + fw.symbols().derivative(net_.layers[m].activation, m, r).text, v[0],
                                      {Kind::z, L_, r, 0}});
            out.push_back({dl_da, v[0], {Kind::a, L_, r, 0}});
        } else {
            const int q = neuron_at(s - 1, prev);
            out.push_back({fw.symbols().weight(m + 1, q, r).text, v[0], {Kind::weight, m + 1, q, r}});
        }
        out.push_back({fw.symbols().derivative(net_.layers[m].activation, m, r).text, v[1], {Kind::z, m, r, 0}});
    }

    PathFactor leaf_factor(const FormulaWriter& fw) const {
        using Kind = ValueRef::Kind;
        const Symbols& sym = fw.symbols();
        const std::string d(sym.partial());
        if (p_.bias)
            return {d + sym.pre_activation(p_.l, p_.j).text + "/" + d + sym.bias(p_.l, p_.j).text, 1.0,
                    {Kind::bias, p_.l, p_.j, 0}};
        return {sym.activation(p_.l - 1, p_.k).text, leaf_, {Kind::a, p_.l - 1, p_.k, 0}};
    }

    // Total number of paths: the product of the choices at every level, in floating point (exact below 2^53).
    double count() const {
        double total = 1.0;
        for (int s = 0; s < levels(); ++s) total *= options(s);
        return total;
    }

    ChainPath make_path(const std::vector<int>& choice, const FormulaWriter& fw) const {
        ChainPath path;
        for (int s = last(); s >= 0 && !output_choice(s); --s) path.neurons.emplace_back(layer_of(s), neuron_at(s, choice[s]));
        if (softmax_) path.softmax_output = choice[0];
        path.factors.reserve(2 * static_cast<std::size_t>(levels()) + 1);
        for (int s = 0; s <= last(); ++s) describe(s, s > 0 ? choice[s - 1] : -1, choice[s], fw, path.factors);
        path.factors.push_back(leaf_factor(fw));
        double product = 1.0;
        for (const PathFactor& f : path.factors) product *= f.value;  // left to right, as listed
        path.product = product;
        return path;
    }

private:
    const Network& net_;
    const Trace& t_;
    const double* y_;  // (K) the sample's targets
    ParameterRef p_;
    int L_;
    bool softmax_;
    std::vector<double> dl_da_;               // ∂L/∂a^L_i
    std::vector<std::vector<double>> fprime_;  // f′(z^m_r) for layers l..L (not a softmax output)
    double leaf_ = 1.0;
};

// ---- [SECTION] walking every path ---------------------------------------------------------------------------

// Calls visit(choice, product) for every path; the product multiplies the factors left to right in
// board order, exactly as make_path does, so a walked product equals its listed product bit for bit.
template <class Visit>
void walk(const PathGraph& g, int s, int prev, double prefix, std::vector<int>& choice, Visit& visit) {
    double f[2];
    for (int c = 0; c < g.options(s); ++c) {
        double p = prefix;
        const int n = g.factors(s, prev, c, f);
        for (int i = 0; i < n; ++i) p *= f[i];
        choice[s] = c;
        if (s == g.last())
            visit(choice, p * g.leaf());
        else
            walk(g, s + 1, c, p, choice, visit);
    }
}

// ---- [SECTION] the top paths: exact best-first search ---------------------------------------------------------
//
// best[s][c] is the largest |product| of the factors that follow choosing c at level s (the leaf
// included): an exact bound, computed backwards like a δ but with max and |·| instead of Σ.
// order[s] lists, for each choice at level s − 1 (one root for s = 0), the choices of level s by their
// best completion. A heap entry stands for "the children of node P from rank r on": popping it dives
// from child r along rank-0 children to a complete path (the best one in that set), and leaves behind
// the entries for rank r + 1 and for every rank-1 sibling along the dive. Each pop yields the next path
// in |product| order, so `top` paths cost about top × levels heap operations, whatever the path count.
class TopPaths {
public:
    explicit TopPaths(const PathGraph& g) : g_(g) {
        const int S = g.levels();
        best_.resize(S);
        order_.resize(S);
        best_[S - 1].assign(g.options(S - 1), std::fabs(g.leaf()));
        for (int s = S - 1; s >= 0; --s) {
            const int parents = s == 0 ? 1 : g.options(s - 1), n = g.options(s);
            order_[s].resize(static_cast<std::size_t>(parents) * n);
            std::vector<double> bound(n);
            if (s > 0) best_[s - 1].assign(parents, 0.0);
            for (int pc = 0; pc < parents; ++pc) {
                for (int c = 0; c < n; ++c) bound[c] = abs_factors(s, s == 0 ? -1 : pc, c) * best_[s][c];
                int* o = &order_[s][static_cast<std::size_t>(pc) * n];
                for (int c = 0; c < n; ++c) o[c] = c;
                std::stable_sort(o, o + n, [&](int x, int y) { return bound[x] > bound[y]; });
                if (s > 0) best_[s - 1][pc] = bound[o[0]];
            }
        }
    }

    // The `top` paths of largest |product| as choice sequences, largest first.
    std::vector<std::vector<int>> find(int top) {
        std::vector<std::vector<int>> out;
        push(-1, 0, 1.0, 0);
        while (static_cast<int>(out.size()) < top && !heap_.empty()) {
            const Entry e = heap_.top();
            heap_.pop();
            if (e.rank + 1 < g_.options(e.level)) push(e.parent, e.level, e.prefix, e.rank + 1);
            // Dive: take child e.rank, then rank-0 children to the last level.
            int node = e.parent, level = e.level, rank = e.rank;
            double prefix = e.prefix;
            for (;;) {
                const int pc = node < 0 ? -1 : nodes_[node].choice;
                const int c = child(level, pc, rank);
                prefix = times_factors(prefix, level, pc, c);
                nodes_.push_back({node, c});
                node = static_cast<int>(nodes_.size()) - 1;
                if (level == g_.last()) break;
                if (g_.options(level + 1) > 1) push(node, level + 1, prefix, 1);
                ++level;
                rank = 0;
            }
            std::vector<int> choice(g_.levels());
            for (int n = node, s = g_.last(); n >= 0; n = nodes_[n].parent, --s) choice[s] = nodes_[n].choice;
            out.push_back(std::move(choice));
        }
        return out;
    }

private:
    struct Entry {
        double priority;  // the best |product| among the paths this entry stands for
        double prefix;    // product of the factors up to the parent
        int level, parent, rank;
        bool operator<(const Entry& o) const {  // max-heap by priority; ties: deeper first
            return priority != o.priority ? priority < o.priority : level < o.level;
        }
    };
    struct Node {
        int parent, choice;
    };

    double abs_factors(int s, int prev, int c) const {
        double f[2], v = 1.0;
        const int n = g_.factors(s, prev, c, f);
        for (int i = 0; i < n; ++i) v *= std::fabs(f[i]);
        return v;
    }
    double times_factors(double prefix, int s, int prev, int c) const {
        double f[2];
        const int n = g_.factors(s, prev, c, f);
        for (int i = 0; i < n; ++i) prefix *= f[i];
        return prefix;
    }
    int child(int level, int parent_choice, int rank) const {
        const std::size_t row = level == 0 ? 0 : static_cast<std::size_t>(parent_choice);
        return order_[level][row * g_.options(level) + rank];
    }
    void push(int parent, int level, double prefix, int rank) {
        const int pc = parent < 0 ? -1 : nodes_[parent].choice;
        const int c = child(level, pc, rank);
        heap_.push({std::fabs(prefix) * abs_factors(level, pc, c) * best_[level][c], prefix, level, parent, rank});
    }

    const PathGraph& g_;
    std::vector<std::vector<double>> best_;
    std::vector<std::vector<int>> order_;
    std::vector<Node> nodes_;
    std::priority_queue<Entry> heap_;
};

std::string more_deltas_line(const FormulaWriter& fw, int m, int shown, int n) {
    return fw.symbols().delta(m, shown).text + " … " + fw.symbols().delta(m, n - 1).text + ": " + std::to_string(n - shown) +
           " more, by the same recurrence";
}

}  // namespace

// ---- [SECTION] enumerate_paths and the compact form -------------------------------------------------------------

void check_parameter(const Network& net, const ParameterRef& p) {
    const std::string what = p.bias ? "bias" : "weight";
    if (p.l < 1 || p.l > net.L())
        throw Error(what + " layer " + std::to_string(p.l) + " does not exist (layers with parameters are 1.." +
                    std::to_string(net.L()) + ")");
    if (p.j < 0 || p.j >= net.layers[p.l].size)
        throw Error(what + " neuron j = " + std::to_string(p.j) + " does not exist: layer " + std::to_string(p.l) +
                    " has " + std::to_string(net.layers[p.l].size) + " neurons");
    if (!p.bias && (p.k < 0 || p.k >= net.layers[p.l - 1].size))
        throw Error("weight source k = " + std::to_string(p.k) + " does not exist: layer " + std::to_string(p.l - 1) +
                    " has " + std::to_string(net.layers[p.l - 1].size) + " neurons");
}

PathListing enumerate_paths(const Network& net, const Matrix& x, const Matrix& y, const ParameterRef& p,
                            long long list_all, int top, Notation notation) {
    check_parameter(net, p);
    if (x.rows != 1 || y.rows != 1) throw Error("paths are listed for one sample: give one row of inputs and targets");
    if (x.cols != net.input_size() || y.cols != net.output_size())
        throw Error("the sample has " + std::to_string(x.cols) + " inputs and " + std::to_string(y.cols) +
                    " targets, the network expects " + std::to_string(net.input_size()) + " and " +
                    std::to_string(net.output_size()));
    const Trace t = run_pass(net, x, y);  // N = 1: δ and the gradients carry no 1/N
    FormulaWriter fw(net, t, y, 0, notation);
    const PathGraph g(net, t, y, p);

    PathListing out;
    out.parameter = p;
    out.gradient = p.bias ? t.layers[p.l].db[p.j] : t.layers[p.l].dW(p.j, p.k);
    out.total_count = g.count();
    out.walked = out.total_count <= static_cast<double>(kMaxWalkedPaths);

    std::vector<int> choice(g.levels());
    CompensatedSum total;
    if (out.walked && out.total_count <= list_all) {
        // Few enough: list every path.
        out.paths.reserve(static_cast<std::size_t>(out.total_count));
        auto visit = [&](const std::vector<int>& c, double product) {
            total.add(product);
            out.paths.push_back(g.make_path(c, fw));
        };
        walk(g, 0, -1, 1.0, choice, visit);
    } else {
        if (out.walked) {
            auto visit = [&](const std::vector<int>&, double product) { total.add(product); };
            walk(g, 0, -1, 1.0, choice, visit);
        }
        TopPaths search(g);
        for (const std::vector<int>& c : search.find(std::max(0, top))) out.paths.push_back(g.make_path(c, fw));
    }
    out.sum = out.walked ? total.value() : out.gradient;
    const double rest_sum = sort_listed_paths(out.paths, out.sum);
    out.rest_count = out.total_count - static_cast<double>(out.paths.size());
    if (out.rest_count > 0) out.rest_sum = rest_sum;

    // Compact form: ∂L/∂w^l_jk = a^(l−1)_k·δ^l_j, then δ's recurrence from layer l to the output.
    out.compact.push_back(equation_text(p.bias ? fw.bias_gradient(p.l, p.j) : fw.weight_gradient(p.l, p.j, p.k)));
    const int L = net.L();
    out.compact.push_back(equation_text(p.l == L ? fw.output_delta(p.j) : fw.hidden_delta(p.l, p.j)));
    for (int m = p.l + 1; m <= L; ++m) {
        const int n = net.layers[m].size, shown = std::min(n, kMaxShownTerms);
        for (int i = 0; i < shown; ++i)
            out.compact.push_back(equation_text(m == L ? fw.output_delta(i) : fw.hidden_delta(m, i)));
        if (shown < n) out.compact.push_back(more_deltas_line(fw, m, shown, n));
    }
    return out;
}

std::string path_count_text(double count) {
    if (count < kExactCountLimit) return std::to_string(static_cast<long long>(count));
    return "about " + format_number(count, 2, false);
}

}  // namespace bp
