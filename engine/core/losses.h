// The losses, one entry each: a loss's names, its per-sample value and ∂L/∂a (stable for saturated outputs:
// BCE from z through softplus, cross-entropy through log-softmax), the output δ where its pairing with the
// output activation is special, its targets, its formulas, its graph and the text the exported scripts write
// are all in its entry below (kLosses). L of a batch is the mean over samples of the sample loss; every other
// file looks an entry up (loss_info) or iterates the table: adding a loss is one enumerator and one entry in
// this file (docs/ARCHITECTURE.md, "Where to add …").
// [SECTION] the entry's shape
// [SECTION] the functions of the entries
// [SECTION] the entries
// [SECTION] lookups, and the functions the passes call
#pragma once
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "engine/core/activations.h"

namespace bp {

enum class Loss { mse_half, mse, cross_entropy, binary_cross_entropy, huber };

// ---- [SECTION] the entry's shape ----------------------------------------------------------------------------

// What a target may hold (checked by validate_dataset, used by the app to draw and to place new samples).
enum class Targets {
    any,            // any finite number (regression)
    unit_interval,  // each in [0, 1] (a probability per output)
    distribution,   // each ≥ 0, every row summing to 1 (one probability per class)
};

// What a loss's graph may be built of (engine/graph's network expansion implements it; a counting one sizes
// the graph before it is built). Each call adds one node and returns its id.
class LossGraph {
public:
    virtual int constant(double value) = 0;
    virtual int sub(int u, int v) = 0;
    virtual int add(int u, int v) = 0;
    virtual int mul(int u, int v) = 0;
    virtual int div(int u, int v) = 0;
    virtual int square(int u) = 0;  // u^2, a power with the constant exponent 2
    virtual int log(int u) = 0;
    virtual int neg(int u) = 0;
    virtual int function(const ScalarFunction& f, int u) = 0;

protected:
    ~LossGraph() = default;
};

// ∂L_n/∂a_j where it is a multiple of the error a_j − y_j: scale·(a_j − y_j), divided by K when over_outputs.
// Formulas then write it out ("2/K·(a − y)"); otherwise they write ∂L/∂a_j and its value.
struct ErrorGradient {
    bool written_out = false;
    double scale = 1.0;
    bool over_outputs = false;
};

// The loss's formula L = prefix [Σ_j term_j] mean for one sample ($a, $y: a^L_j and y_j; $K: the outputs),
// the brackets and the mean written only for K > 1.
struct LossFormula {
    FormulaPiece prefix{};         // "½", "−", or nothing
    FormulaPiece open{}, close{};  // "[", "]"
    FormulaPiece term{};           // "($a − $y)²"
    FormulaPiece mean{};           // "/$K", or nothing
};

struct LossInfo {
    Loss id{};
    std::string_view name{};     // in files and on the command line: "binary_cross_entropy"
    std::string_view words{};    // in titles: "binary cross-entropy"
    std::string_view formula{};  // "L = −Σⱼ [yⱼ log aⱼ + (1 − yⱼ) log(1 − aⱼ)]"
    std::optional<Activation> needs_output{};  // the output activation it needs (validate), if any
    Targets targets = Targets::any;
    // L_n of one sample from the output layer's z, a (K values) and the targets y; `out` is the output's
    // activation (the stable forms from z need it).
    double (*sample_loss)(Activation out, const double* z, const double* a, const double* y, int K) = nullptr;
    // The same for N samples (rows of N×K), bit for bit: a vector loop, or nullptr (sample_loss row by row).
    void (*sample_losses)(Activation out, const double* z, const double* a, const double* y, int N, int K,
                          double* losses) = nullptr;
    double (*gradient)(const double* a, const double* y, int K, int i) = nullptr;  // ∂L_n/∂a_i, before the 1/N
    // With this output activation δ^L is written straight from a and y (the Jacobian and ∂L/∂a, multiplied,
    // would divide by a saturated a): fused_delta for one sample, fused_deltas for N rows, bit for bit.
    std::optional<Activation> fused_with{};
    void (*fused_delta)(const double* a, const double* y, int K, double inv_n, double* delta) = nullptr;
    void (*fused_deltas)(const double* a, const double* y, int N, int K, double inv_n, double* delta) = nullptr;
    // L_n in extended precision, written independently of sample_loss, for the gradient check.
    long double (*sample_loss_extended)(Activation out, const long double* z, const long double* a, const double* y,
                                        int K) = nullptr;
    // The term of output k when every sample gets the mean target p (the loss of a model that learnt nothing;
    // the app's divergence watch): the chance-level loss is the mean over samples of their sum.
    double (*chance_term)(double p, double y, int K) = nullptr;
    LossFormula formula_pieces{};
    ErrorGradient error_gradient{};
    // The graph of one output's term (−1: none, as for a zero cross-entropy target) and of L from Σ_j term_j.
    int (*graph_term)(LossGraph& g, int a, double y) = nullptr;
    int (*graph_total)(LossGraph& g, int sum, int K) = nullptr;
    // The exported scripts. The definition for docstrings; PyTorch's loss_of: how it maps onto PyTorch's losses
    // and its body; NumPy's loss_of body and a function it needs first; ∂L_n/∂a^L as code with its comment
    // ($a the output's activations, $S the output's superscript, $K the outputs), for the outputs whose δ is
    // not fused; and the fused δ^L lines ($a, $S, $L the output layer's index).
    std::string_view script_definition{};
    std::string_view torch_mapping{}, torch_body{};
    std::string_view numpy_function{}, numpy_body{};
    std::string_view numpy_gradient{}, numpy_gradient_formula{};
    std::string_view numpy_fused_delta{};
};

// ---- [SECTION] the functions of the entries ------------------------------------------------------------

// Binary cross-entropy, −Σ_j [y_j log a_j + (1 − y_j) log(1 − a_j)], from z after a sigmoid (losses.cpp: with
// the kernels' log1p), and its vector loops for the common classifier's output.
double bce_sample_loss(Activation out, const double* z, const double* a, const double* y, int K);
void bce_sample_losses(Activation out, const double* z, const double* a, const double* y, int N, int K, double* losses);
void bce_fused_deltas(const double* a, const double* y, int N, int K, double inv_n, double* delta);

namespace loss_parts {
inline double mse_half(Activation, const double*, const double* a, const double* y, int K) {
    double sum = 0.0;
    for (int j = 0; j < K; ++j) sum += 0.5 * (a[j] - y[j]) * (a[j] - y[j]);  // ½ Σ (a − y)²
    return sum;
}
inline double mse(Activation, const double*, const double* a, const double* y, int K) {
    double sum = 0.0;
    for (int j = 0; j < K; ++j) sum += (a[j] - y[j]) * (a[j] - y[j]);
    return sum / K;  // (1/K) Σ (a − y)²
}
// −Σ y_j log a_j; after a softmax with log a_j = z_j − logsumexp(z) (log-softmax: no log of 0).
inline double cross_entropy(Activation out, const double* z, const double* a, const double* y, int K) {
    double sum = 0.0;
    if (out != Activation::softmax) {
        for (int j = 0; j < K; ++j)
            if (y[j] != 0.0) sum -= y[j] * std::log(a[j]);
        return sum;
    }
    double zmax = z[0];
    for (int j = 1; j < K; ++j) zmax = std::max(zmax, z[j]);
    double s = 0.0;
    for (int j = 0; j < K; ++j) s += std::exp(z[j] - zmax);
    const double lse = zmax + std::log(s);
    for (int j = 0; j < K; ++j)
        if (y[j] != 0.0) sum -= y[j] * (z[j] - lse);
    return sum;
}
inline double error(const double* a, const double* y, int, int i) { return a[i] - y[i]; }  // ∂/∂a_i ½Σ(a − y)²
inline double mse_gradient(const double* a, const double* y, int K, int i) {
    return 2.0 * (a[i] - y[i]) / K;  // ∂/∂a_i (1/K)Σ(a − y)² = 2(a_i − y_i)/K
}
// ∂/∂a_i −Σ y log a = −y_i/a_i; a zero target has no term (−0, also where a_i underflowed to 0).
inline double cross_entropy_gradient(const double* a, const double* y, int, int i) {
    return y[i] == 0.0 ? -0.0 : -y[i] / a[i];
}
inline double bce_gradient(const double* a, const double* y, int, int i) {
    return (a[i] - y[i]) / (a[i] * (1.0 - a[i]));  // −y/a + (1 − y)/(1 − a)
}

// The Huber loss's ρ (δ = 1, PyTorch's HuberLoss()): ½r² for |r| ≤ 1, else |r| − ½; ρ′(r) = r clipped to [−1, 1].
inline double huber_rho(double r) { return std::fabs(r) <= 1.0 ? 0.5 * r * r : std::fabs(r) - 0.5; }
inline double huber_rho_derivative(double r) { return std::clamp(r, -1.0, 1.0); }
inline constexpr ScalarFunction kHuberRho = {
    "huber_rho", "ρ", "\\rho", huber_rho, huber_rho_derivative, nullptr,
    {"clip($u, −1, 1)", "\\operatorname{clip}($u, -1, 1)"},
    {"dρ(u)/du = u if |u| ≤ 1, else sign(u)",
     "\\frac{d \\rho(u)}{du} = \\begin{cases} u & |u| \\le 1 \\\\ \\operatorname{sign}(u) & |u| > 1 \\end{cases}"}};
inline double huber(Activation, const double*, const double* a, const double* y, int K) {
    double sum = 0.0;
    for (int j = 0; j < K; ++j) sum += huber_rho(a[j] - y[j]);
    return sum / K;  // (1/K) Σ ρ(a − y)
}
inline double huber_gradient(const double* a, const double* y, int K, int i) {
    return huber_rho_derivative(a[i] - y[i]) / K;  // ∂/∂a_i (1/K)Σρ(a − y) = ρ′(a_i − y_i)/K
}

// Softmax + cross-entropy: δ_j = (a_j Σ_i y_i − y_j)/N, which is (a − y)/N for targets that sum to 1 — the
// product of the full Jacobian and −y/a, without dividing by a tiny a.
inline void softmax_cross_entropy_delta(const double* a, const double* y, int K, double inv_n, double* delta) {
    double sum_y = 0.0;
    for (int i = 0; i < K; ++i) sum_y += y[i];
    for (int j = 0; j < K; ++j) delta[j] = (a[j] * sum_y - y[j]) * inv_n;
}
inline void softmax_cross_entropy_deltas(const double* a, const double* y, int N, int K, double inv_n, double* delta) {
    for (int n = 0; n < N; ++n) {
        const std::size_t row = static_cast<std::size_t>(n) * K;
        softmax_cross_entropy_delta(a + row, y + row, K, inv_n, delta + row);
    }
}
// Sigmoid + BCE: δ_j = (a_j − y_j)/N (= ∂L/∂a · σ′(z) without 0/0 when a saturates).
inline void sigmoid_bce_delta(const double* a, const double* y, int K, double inv_n, double* delta) {
    for (int j = 0; j < K; ++j) delta[j] = (a[j] - y[j]) * inv_n;
}

using Real = long double;
inline Real mse_half_extended(Activation, const Real*, const Real* a, const double* y, int K) {
    Real l = 0;
    for (int j = 0; j < K; ++j) l += (a[j] - y[j]) * (a[j] - y[j]) / 2;  // ½ Σ (a − y)²
    return l;
}
inline Real mse_extended(Activation, const Real*, const Real* a, const double* y, int K) {
    Real l = 0;
    for (int j = 0; j < K; ++j) l += (a[j] - y[j]) * (a[j] - y[j]);
    return l / K;  // (1/K) Σ (a − y)²
}
inline Real cross_entropy_extended(Activation out, const Real* z, const Real* a, const double* y, int K) {
    Real l = 0;
    if (out == Activation::softmax) {  // −Σ y_j (z_j − logsumexp z)
        const Real zmax = *std::max_element(z, z + K);
        Real e = 0;
        for (int j = 0; j < K; ++j) e += std::exp(z[j] - zmax);
        const Real lse = zmax + std::log(e);
        for (int j = 0; j < K; ++j)
            if (y[j] != 0) l -= y[j] * (z[j] - lse);
    } else {
        for (int j = 0; j < K; ++j)
            if (y[j] != 0) l -= y[j] * std::log(a[j]);
    }
    return l;
}
inline Real bce_extended(Activation out, const Real* z, const Real* a, const double* y, int K) {
    Real l = 0;
    for (int j = 0; j < K; ++j) {
        if (out == Activation::sigmoid)  // y·softplus(−z) + (1 − y)·softplus(z)
            l += y[j] * softplus_extended(-z[j]) + (1 - y[j]) * softplus_extended(z[j]);
        else
            l -= y[j] * std::log(a[j]) + (1 - y[j]) * std::log1p(-a[j]);
    }
    return l;
}
inline Real huber_extended(Activation, const Real*, const Real* a, const double* y, int K) {
    Real l = 0;
    for (int j = 0; j < K; ++j) {
        const Real r = a[j] - y[j];
        l += r < -1 || r > 1 ? (r < 0 ? -r : r) - Real(0.5) : r * r / 2;
    }
    return l / K;  // (1/K) Σ ρ(a − y)
}

inline double half_squared_chance(double p, double y, int) { return 0.5 * (p - y) * (p - y); }  // ½ (ȳ − y)²
inline double squared_chance(double p, double y, int K) { return (p - y) * (p - y) / K; }     // (ȳ − y)²/K
inline double huber_chance(double p, double y, int K) { return huber_rho(p - y) / K; }  // ρ(ȳ − y)/K
inline double cross_entropy_chance(double p, double y, int) {                               // −y log ȳ
    return y > 0 ? -(y * std::log(std::max(p, 1e-300))) : 0.0;
}
inline double bce_chance(double p, double y, int) {  // −[y log ȳ + (1 − y) log(1 − ȳ)]
    const double q = std::clamp(p, 1e-6, 1.0 - 1e-6);
    return -(y * std::log(q) + (1.0 - y) * std::log1p(-q));
}

inline int squared_error_term(LossGraph& g, int a, double y) { return g.square(g.sub(a, g.constant(y))); }  // (a − y)²
// coefficient·log(argument), the coefficient left out when it is 1.
inline int log_term(LossGraph& g, double coefficient, int argument) {
    const int lg = g.log(argument);
    return coefficient == 1.0 ? lg : g.mul(g.constant(coefficient), lg);
}
inline int cross_entropy_term(LossGraph& g, int a, double y) { return y != 0.0 ? log_term(g, y, a) : -1; }  // y·log a
inline int bce_term(LossGraph& g, int a, double y) {  // y·log a + (1 − y)·log(1 − a), a zero coefficient's part left out
    int term = -1;
    if (y != 0.0) term = log_term(g, y, a);
    if (1.0 - y != 0.0) {
        const int rest = log_term(g, 1.0 - y, g.sub(g.constant(1.0), a));
        term = term < 0 ? rest : g.add(term, rest);
    }
    return term;
}
inline int huber_term(LossGraph& g, int a, double y) { return g.function(kHuberRho, g.sub(a, g.constant(y))); }  // ρ(a − y)
inline int half_total(LossGraph& g, int sum, int) { return g.mul(g.constant(0.5), sum); }           // ½ Σ
inline int mean_total(LossGraph& g, int sum, int K) { return K == 1 ? sum : g.div(sum, g.constant(K)); }  // (1/K) Σ
inline int negated_total(LossGraph& g, int sum, int) { return g.neg(sum); }                          // −Σ
}  // namespace loss_parts

// ---- [SECTION] the entries -----------------------------------------------------------------------------
// In the enum's order (checked below); the table's order is the order of every list the user sees.

inline constexpr LossInfo kLosses[] = {
    {.id = Loss::mse_half,
     .name = "mse_half",
     .words = "half squared error",
     .formula = "L = ½ Σⱼ (aⱼ − yⱼ)²",
     .sample_loss = loss_parts::mse_half,
     .gradient = loss_parts::error,
     .sample_loss_extended = loss_parts::mse_half_extended,
     .chance_term = loss_parts::half_squared_chance,
     .formula_pieces = {{"½", "\\frac{1}{2}"}, {"[", "\\left["}, {"]", "\\right]"}, {"($a − $y)²", "($a - $y)^2"}, {}},
     .error_gradient = {true, 1.0, false},
     .graph_term = loss_parts::squared_error_term,
     .graph_total = loss_parts::half_total,
     .script_definition = "½-squared error (mse_half): L = (1/B) Σ_n ½ Σ_j (a^L_nj − y_nj)², half the sum over the\n"
                          "    outputs, averaged over the samples.",
     .torch_mapping = "PyTorch has no ½ form: this is ½ · nn.MSELoss(reduction=\"sum\") / B (nn.MSELoss() would\n"
                      "    also average over the outputs).",
     .torch_body = "    return 0.5 * F.mse_loss(model(x), y, reduction=\"sum\") / len(x)\n",
     .numpy_body = "    return np.mean(0.5 * np.sum((a_out - y) ** 2, axis=1))\n",
     .numpy_gradient = "$a - y",
     .numpy_gradient_formula = "∂L_n/∂a$S = a − y (½-squared error)"},
    {.id = Loss::mse,
     .name = "mse",
     .words = "mean squared error",
     .formula = "L = (1/K) Σⱼ (aⱼ − yⱼ)²",
     .sample_loss = loss_parts::mse,
     .gradient = loss_parts::mse_gradient,
     .sample_loss_extended = loss_parts::mse_extended,
     .chance_term = loss_parts::squared_chance,
     .formula_pieces = {{}, {"[", "\\left["}, {"]", "\\right]"}, {"($a − $y)²", "($a - $y)^2"}, {"/$K", " / $K"}},
     .error_gradient = {true, 2.0, true},
     .graph_term = loss_parts::squared_error_term,
     .graph_total = loss_parts::mean_total,
     .script_definition = "Mean squared error (mse): L = (1/B) Σ_n (1/K) Σ_j (a^L_nj − y_nj)², averaged over the K\n"
                          "    outputs and over the samples.",
     .torch_mapping = "This is nn.MSELoss() itself: reduction \"mean\" averages over all B·K entries.",
     .torch_body = "    return F.mse_loss(model(x), y)\n",
     .numpy_body = "    return np.mean(np.mean((a_out - y) ** 2, axis=1))\n",
     .numpy_gradient = "2.0 * ($a - y) / $K",
     .numpy_gradient_formula = "∂L_n/∂a$S = 2(a − y)/K, K = $K outputs"},
    {.id = Loss::cross_entropy,
     .name = "cross_entropy",
     .words = "cross-entropy",
     .formula = "L = −Σⱼ yⱼ log aⱼ",
     .needs_output = Activation::softmax,
     .targets = Targets::distribution,
     .sample_loss = loss_parts::cross_entropy,
     .gradient = loss_parts::cross_entropy_gradient,
     .fused_with = Activation::softmax,
     .fused_delta = loss_parts::softmax_cross_entropy_delta,
     .fused_deltas = loss_parts::softmax_cross_entropy_deltas,
     .sample_loss_extended = loss_parts::cross_entropy_extended,
     .chance_term = loss_parts::cross_entropy_chance,
     .formula_pieces = {{"−", "-"}, {"(", "\\left("}, {")", "\\right)"}, {"$y·log $a", "$y \\log $a"}, {}},
     .graph_term = loss_parts::cross_entropy_term,
     .graph_total = loss_parts::negated_total,
     .script_definition = "Cross-entropy (cross_entropy): L = (1/B) Σ_n −Σ_j y_nj log a^L_nj with a^L = softmax(z^L),\n"
                          "    summed over the classes, averaged over the samples.",
     .torch_mapping = "This is nn.CrossEntropyLoss() given z^L and the target rows as probabilities: it applies\n"
                      "    the softmax itself, as log-softmax (no log of 0), sums over the classes and averages over\n"
                      "    the samples.",
     .torch_body = "    z_out = model[:-1](x)  # z^L: every module but the output's activation\n"
                   "    return F.cross_entropy(z_out, y)\n",
     .numpy_body = "    z_max = z_out.max(axis=1, keepdims=True)  # log a^L = z^L − log Σ_i e^(z_i) (log-softmax):\n"
                   "    log_a = z_out - (z_max + np.log(np.sum(np.exp(z_out - z_max), axis=1, keepdims=True)))      # no log of 0\n"
                   "    return np.mean(-np.sum(y * log_a, axis=1))\n",
     .numpy_fused_delta = "    # δ$S = (a$S Σ_j y_j − y) / B: the softmax's Jacobian times ∂L/∂a = −y/a, which is\n"
                          "    # (a$S − y) / B for targets that sum to 1\n"
                          "    delta[$L] = ($a * y.sum(axis=1, keepdims=True) - y) / B\n"},
    {.id = Loss::binary_cross_entropy,
     .name = "binary_cross_entropy",
     .words = "binary cross-entropy",
     .formula = "L = −Σⱼ [yⱼ log aⱼ + (1 − yⱼ) log(1 − aⱼ)]",
     .needs_output = Activation::sigmoid,
     .targets = Targets::unit_interval,
     .sample_loss = bce_sample_loss,
     .sample_losses = bce_sample_losses,
     .gradient = loss_parts::bce_gradient,
     .fused_with = Activation::sigmoid,
     .fused_delta = loss_parts::sigmoid_bce_delta,
     .fused_deltas = bce_fused_deltas,
     .sample_loss_extended = loss_parts::bce_extended,
     .chance_term = loss_parts::bce_chance,
     .formula_pieces = {{"−", "-"},
                        {"(", "\\left("},
                        {")", "\\right)"},
                        {"[$y·log $a + (1 − $y)·log(1 − $a)]", "\\left[$y \\log $a + (1 - $y) \\log(1 - $a)\\right]"},
                        {}},
     .graph_term = loss_parts::bce_term,
     .graph_total = loss_parts::negated_total,
     .script_definition = "Binary cross-entropy (binary_cross_entropy): L = (1/B) Σ_n −Σ_j [y_nj log a^L_nj +\n"
                          "    (1 − y_nj) log(1 − a^L_nj)] with a^L = σ(z^L), summed over the outputs, averaged over the samples.",
     .torch_mapping = "This is nn.BCEWithLogitsLoss(reduction=\"sum\") / B given z^L: it applies σ itself, stably,\n"
                      "    and sums over the outputs (for one output it equals nn.BCEWithLogitsLoss(); nn.BCELoss()\n"
                      "    would average over the outputs and take the log of a saturated σ).",
     .torch_body = "    z_out = model[:-1](x)  # z^L: every module but the output's activation\n"
                   "    return F.binary_cross_entropy_with_logits(z_out, y, reduction=\"sum\") / len(x)\n",
     .numpy_function = kNumpySoftplus,
     .numpy_body = "    # From z^L: −log σ(z) = softplus(−z) and −log(1 − σ(z)) = softplus(z), so a saturated σ never\n"
                   "    # takes the log of 0.\n"
                   "    return np.mean(np.sum(y * softplus(-z_out) + (1.0 - y) * softplus(z_out), axis=1))\n",
     .numpy_fused_delta = "    # δ$S = ∂L/∂a ⊙ σ′(z$S) / B = (a$S − y) / B: ∂L_n/∂a = (a − y)/(a(1 − a)) and\n"
                          "    # σ′(z) = a(1 − a) cancel\n"
                          "    delta[$L] = ($a - y) / B\n"},
    {.id = Loss::huber,
     .name = "huber",
     .words = "Huber loss",
     .formula = "L = (1/K) Σⱼ ρ(aⱼ − yⱼ), ρ(r) = ½r² if |r| ≤ 1, else |r| − ½",
     .sample_loss = loss_parts::huber,
     .gradient = loss_parts::huber_gradient,
     .sample_loss_extended = loss_parts::huber_extended,
     .chance_term = loss_parts::huber_chance,
     .formula_pieces = {{}, {"[", "\\left["}, {"]", "\\right]"}, {"ρ($a − $y)", "\\rho($a - $y)"}, {"/$K", " / $K"}},
     .graph_term = loss_parts::huber_term,
     .graph_total = loss_parts::mean_total,
     .script_definition = "Huber loss (huber): L = (1/B) Σ_n (1/K) Σ_j ρ(a^L_nj − y_nj) with ρ(r) = ½r² for |r| ≤ 1,\n"
                          "    else |r| − ½ (δ = 1), averaged over the K outputs and over the samples.",
     .torch_mapping = "This is nn.HuberLoss() itself (δ = 1): reduction \"mean\" averages over all B·K entries.",
     .torch_body = "    return F.huber_loss(model(x), y)\n",
     .numpy_body = "    r = a_out - y  # ρ(r) = ½r² for |r| ≤ 1, else |r| − ½\n"
                   "    return np.mean(np.mean(np.where(np.abs(r) <= 1.0, 0.5 * r * r, np.abs(r) - 0.5), axis=1))\n",
     .numpy_gradient = "np.clip($a - y, -1.0, 1.0) / $K",
     .numpy_gradient_formula = "∂L_n/∂a$S = ρ′(a − y)/K = clip(a − y, −1, 1)/K, K = $K outputs"},
};

// Every entry sits at its enumerator's index with the functions every pass needs; a fused pairing has both
// of its δ functions.
consteval bool loss_table_is_complete() {
    for (std::size_t i = 0; i < std::size(kLosses); ++i) {
        const LossInfo& e = kLosses[i];
        if (static_cast<std::size_t>(e.id) != i || e.name.empty() || e.words.empty() || e.formula.empty()) return false;
        if constexpr (kFunctionAddressesAreConstant) {  // activations.h: not under AddressSanitizer
            if (!e.sample_loss || !e.gradient || !e.sample_loss_extended || !e.chance_term || !e.graph_term || !e.graph_total)
                return false;
            if (e.fused_with.has_value() != (e.fused_delta && e.fused_deltas)) return false;
        }
        if (e.formula_pieces.term.text.empty() || e.script_definition.empty() || e.torch_body.empty() || e.numpy_body.empty())
            return false;
    }
    return true;
}
static_assert(loss_table_is_complete(), "kLosses: one complete entry per Loss, in the enum's order");

// ---- [SECTION] lookups, and the functions the passes call ---------------------------------------------------

inline const LossInfo& loss_info(Loss loss) { return kLosses[static_cast<std::size_t>(loss)]; }
std::optional<Loss> parse_loss(std::string_view name);
std::string_view to_string(Loss loss);
// Every name in the table's order, for messages: "mse_half, mse, …".
std::string loss_names();
// Whether the output activation may go with the loss (the loss's needs_output).
bool loss_allows(Loss loss, Activation out);
// Whether δ^L of this pairing is the loss's fused δ (softmax + cross-entropy, sigmoid + BCE).
bool fused_output(Loss loss, Activation out);

// The loss of one sample: output pre-activations z, activations a, targets y (all of length K).
double sample_loss(Loss loss, Activation out, const double* z, const double* a, const double* y, int K);
// sample_loss of each of N samples at once (z, a, y are N×K, row by row) into losses[0 … N−1], bit for
// bit; the common sigmoid + binary cross-entropy output runs as one vectorised loop.
void sample_losses(Loss loss, Activation out, const double* z, const double* a, const double* y, int N, int K,
                   double* losses);
// dL_n/da_i of one sample, before the 1/N of the batch mean.
double loss_derivative(Loss loss, const double* a, const double* y, int K, int i);
// Human readable formula of the loss, e.g. "L = ½ Σⱼ (aⱼ − yⱼ)²".
inline const char* loss_formula(Loss loss) { return loss_info(loss).formula.data(); }

}  // namespace bp
