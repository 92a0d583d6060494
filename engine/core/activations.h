// The activations, one entry each: an activation's names, f and f′ (from z), its formulas, the range of its
// values, and the text the exported scripts write are all in its entry below (kActivations). Every other
// file looks an entry up (activation_info) or iterates the table; adding an activation is one enumerator
// and one entry in this file (docs/ARCHITECTURE.md, "Where to add …").
// [SECTION] the entry's shape
// [SECTION] the functions of the entries
// [SECTION] the entries
// [SECTION] lookups, and the functions the passes call
#pragma once
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace bp {

enum class Activation { sigmoid, tanh, relu, leaky_relu, softplus, elu, linear, softmax };

inline constexpr double kLeakySlope = 0.01;  // leaky_relu(z) = 0.01·z for z ≤ 0

// ---- [SECTION] the entry's shape ----------------------------------------------------------------------------

// A piece of a formula in course notation (UTF-8) and in LaTeX. Its placeholders ($u the argument; $z, $a,
// $y, $K in the entries' script and loss texts) are filled in by fill_in().
struct FormulaPiece {
    std::string_view text{}, latex{};
};

// One scalar function with its derivative and its words. The expression graphs have one kind of node for
// every such function: an element-wise activation, or a loss's term (the Huber loss's ρ).
struct ScalarFunction {
    std::string_view name{};    // in files, on the command line and in expressions: "leaky_relu"
    std::string_view symbol{};  // in formulas: "lrelu"
    std::string_view latex{};   // "\\operatorname{lrelu}"
    double (*f)(double u) = nullptr;
    double (*fprime)(double u) = nullptr;  // f′(u), from u: the engine's one f′
    // f′ from the value v = f(u), where the notes write it so (σ′ = σ(1 − σ), tanh′ = 1 − tanh²): the graphs'
    // local derivative then matches its formula. nullptr: f′ is taken from u.
    double (*fprime_of_value)(double v) = nullptr;
    FormulaPiece fprime_formula{};  // f′($u), written out: "1 − tanh²($u)", "relu′($u)"
    FormulaPiece rule{};            // the rule, in u: "d(tanh u)/du = 1 − tanh²u"
};

// The values a = f(z) can take, for colour scales: [lo, hi], or unbounded (lo = −∞, hi = ∞).
struct ValueRange {
    double lo = -std::numeric_limits<double>::infinity();
    double hi = std::numeric_limits<double>::infinity();
    constexpr bool bounded() const {
        return lo > -std::numeric_limits<double>::infinity() && hi < std::numeric_limits<double>::infinity();
    }
};

struct ActivationInfo {
    Activation id{};
    // name, symbol, f and f′. Softmax is a function of the whole layer: its f and f′ are nullptr, and the
    // passes compute it and its Jacobian a_i (1[i=m] − a_m) themselves (activate_layer, activation_jacobian).
    ScalarFunction fn{};
    std::string_view words{};  // in prose and script headings: "leaky ReLU"
    ValueRange range{};        // of a, for the decision field's colours
    bool output_only = false;  // only the output layer may have it (softmax)
    bool identity = false;     // a = z and f′ = 1: formulas leave f′ out (linear)
    bool kink = false;         // f′ jumps at z = 0 (relu′(0) = 0, leaky_relu′(0) = 0.01)
    // a = f(z) of n values at once, and with f′(z) too: bit for bit fn.f and fn.fprime (nullptr for softmax).
    void (*values)(const double* z, double* a, std::size_t n) = nullptr;
    void (*values_and_derivatives)(const double* z, double* a, double* fprime, std::size_t n) = nullptr;
    // f in extended precision, written independently of fn.f, for the gradient check (nullptr for softmax).
    long double (*f_extended)(long double z) = nullptr;
    // f′ written from a, for the mistake "f′ applied to a instead of z" ("σ′($z) = $a(1 − $a)", the letters
    // filled in by the notation): empty where f′ is not usually written from a (the mistake is not looked for).
    std::string_view fprime_from_a{};
    // The exported scripts: the PyTorch module; the NumPy code for a = f(z) ($z the pre-activation array) and
    // its comment, the function that code calls (empty when NumPy has it), f′ as code in $a or $z with its
    // formula (empty when f′ = 1, or for softmax, whose Jacobian the script writes at the output).
    std::string_view torch_module{};
    std::string_view numpy_call{}, numpy_formula{}, numpy_function{};
    std::string_view numpy_derivative{}, numpy_derivative_formula{};
};

// ---- [SECTION] the functions of the entries ------------------------------------------------------------

// The engine's own σ, tanh and log(1 + e^(−|z|)) (engine/kernels: the same bits alone and in vector loops).
double sigmoid(double z);
double sigmoid_derivative(double z);  // σ′(z) = σ(z)σ(−z), from z: exact where σ saturates
double tanh_activation(double z);
double tanh_derivative(double z);     // sech²(z), from z
double softplus_tail(double z);  // log1p(e^(-|z|)): softplus(z) = max(z, 0) + this, and softplus(-z) = max(-z, 0) + this
double softplus(double z);       // log(1 + e^z), stable for any z
// The vector loops of engine/kernels (logistic.cpp, tanh.cpp): bit for bit the functions above.
void sigmoid_values(const double* z, double* a, std::size_t n);
void sigmoid_values_and_derivatives(const double* z, double* a, double* fprime, std::size_t n);
void tanh_values(const double* z, double* a, std::size_t n);
void tanh_values_and_derivatives(const double* z, double* a, double* fprime, std::size_t n);
long double sigmoid_extended(long double z);  // 1/(1 + e^(−z)) in long double, for the gradient check
long double softplus_extended(long double z);

// softplus in the NumPy scripts: the softplus activation's function and the one BCE's loss calls, written once
// so that a script that needs both defines it once.
inline constexpr std::string_view kNumpySoftplus = R"(def softplus(z):
    """log(1 + e^z) = max(z, 0) + log(1 + e^(−|z|)), which never overflows."""
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))
)";

namespace activation_parts {
// a[i] = F(z[i]) and fprime[i] = D(z[i]) as plain loops, for the activations without a vector kernel.
template <double (*F)(double)>
void values(const double* z, double* a, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) a[i] = F(z[i]);
}
template <double (*F)(double), double (*D)(double)>
void values_and_derivatives(const double* z, double* a, double* fprime, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        a[i] = F(z[i]);
        fprime[i] = D(z[i]);
    }
}

inline double sigmoid_of_value(double v) { return v * (1.0 - v); }  // σ′ = σ(1 − σ)
inline double tanh_of_value(double v) { return 1.0 - v * v; }        // tanh′ = 1 − tanh²
inline long double tanh_extended(long double z) { return std::tanh(z); }

inline double relu(double z) { return z > 0 ? z : 0.0; }
inline double relu_derivative(double z) { return z > 0 ? 1.0 : 0.0; }  // relu′(0) = 0
inline long double relu_extended(long double z) { return z > 0 ? z : 0; }

inline double leaky_relu(double z) { return z > 0 ? z : kLeakySlope * z; }
inline double leaky_relu_derivative(double z) { return z > 0 ? 1.0 : kLeakySlope; }  // leaky_relu′(0) = 0.01
inline long double leaky_relu_extended(long double z) { return z > 0 ? z : static_cast<long double>(kLeakySlope) * z; }

inline double elu(double z) { return z > 0 ? z : std::expm1(z); }  // α = 1: e^z − 1 for z ≤ 0
inline double elu_derivative(double z) { return z > 0 ? 1.0 : std::exp(z); }
inline long double elu_extended(long double z) { return z > 0 ? z : std::exp(z) - 1; }

inline double identity(double z) { return z; }
inline double one(double) { return 1.0; }
inline long double identity_extended(long double z) { return z; }
}  // namespace activation_parts

// ---- [SECTION] the entries -----------------------------------------------------------------------------
// In the enum's order (checked below); the table's order is the order of every list the user sees.

inline constexpr ActivationInfo kActivations[] = {
    {.id = Activation::sigmoid,
     .fn = {"sigmoid", "σ", "\\sigma", sigmoid, sigmoid_derivative, activation_parts::sigmoid_of_value,
            {"σ($u)·(1 − σ($u))", "\\sigma($u) \\cdot (1 - \\sigma($u))"},
            {"d(σ(u))/du = σ(u)(1 − σ(u))", "\\frac{d\\, \\sigma(u)}{du} = \\sigma(u)(1 - \\sigma(u))"}},
     .words = "sigmoid",
     .range = {0.0, 1.0},
     .values = sigmoid_values,
     .values_and_derivatives = sigmoid_values_and_derivatives,
     .f_extended = sigmoid_extended,
     .fprime_from_a = "σ′($z) = $a(1 − $a)",
     .torch_module = "nn.Sigmoid()",
     .numpy_call = "sigmoid($z)",
     .numpy_formula = "σ($z)",
     .numpy_function = R"(def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), from e^(−|z|) so that it never overflows."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
)",
     .numpy_derivative = "($a * (1.0 - $a))",
     .numpy_derivative_formula = "σ′(z) = σ(z)(1 − σ(z)) = a(1 − a)"},
    {.id = Activation::tanh,
     .fn = {"tanh", "tanh", "\\tanh", tanh_activation, tanh_derivative, activation_parts::tanh_of_value,
            {"1 − tanh²($u)", "1 - \\tanh^2($u)"},
            {"d(tanh u)/du = 1 − tanh²u", "\\frac{d \\tanh u}{du} = 1 - \\tanh^2 u"}},
     .words = "tanh",
     .range = {-1.0, 1.0},
     .values = tanh_values,
     .values_and_derivatives = tanh_values_and_derivatives,
     .f_extended = activation_parts::tanh_extended,
     .fprime_from_a = "tanh′($z) = 1 − $a²",
     .torch_module = "nn.Tanh()",
     .numpy_call = "np.tanh($z)",
     .numpy_formula = "tanh($z)",
     .numpy_derivative = "(1.0 - $a * $a)",
     .numpy_derivative_formula = "tanh′(z) = 1 − tanh²(z) = 1 − a²"},
    {.id = Activation::relu,
     .fn = {"relu", "relu", "\\operatorname{relu}", activation_parts::relu, activation_parts::relu_derivative, nullptr,
            {"relu′($u)", "\\operatorname{relu}'($u)"},
            {"d(relu(u))/du = 1 if u > 0, else 0",
             "\\frac{d \\operatorname{relu}(u)}{du} = \\begin{cases} 1 & u > 0 \\\\ 0 & u \\le 0 \\end{cases}"}},
     .words = "ReLU",
     .kink = true,
     .values = activation_parts::values<activation_parts::relu>,
     .values_and_derivatives = activation_parts::values_and_derivatives<activation_parts::relu, activation_parts::relu_derivative>,
     .f_extended = activation_parts::relu_extended,
     .torch_module = "nn.ReLU()",
     .numpy_call = "relu($z)",
     .numpy_formula = "relu($z)",
     .numpy_function = R"(def relu(z):
    """relu(z) = z for z > 0, else 0."""
    return np.where(z > 0, z, 0.0)
)",
     .numpy_derivative = "np.where($z > 0, 1.0, 0.0)",
     .numpy_derivative_formula = "relu′(z) = 1 for z > 0, else 0"},
    {.id = Activation::leaky_relu,
     .fn = {"leaky_relu", "lrelu", "\\operatorname{lrelu}", activation_parts::leaky_relu,
            activation_parts::leaky_relu_derivative, nullptr, {"lrelu′($u)", "\\operatorname{lrelu}'($u)"},
            {"d(lrelu(u))/du = 1 if u > 0, else 0.01",
             "\\frac{d \\operatorname{lrelu}(u)}{du} = \\begin{cases} 1 & u > 0 \\\\ 0.01 & u \\le 0 \\end{cases}"}},
     .words = "leaky ReLU",
     .kink = true,
     .values = activation_parts::values<activation_parts::leaky_relu>,
     .values_and_derivatives =
         activation_parts::values_and_derivatives<activation_parts::leaky_relu, activation_parts::leaky_relu_derivative>,
     .f_extended = activation_parts::leaky_relu_extended,
     .torch_module = "nn.LeakyReLU(0.01)",
     .numpy_call = "leaky_relu($z)",
     .numpy_formula = "leaky_relu($z)",
     .numpy_function = R"(def leaky_relu(z):
    """leaky_relu(z) = z for z > 0, else 0.01·z."""
    return np.where(z > 0, z, 0.01 * z)
)",
     .numpy_derivative = "np.where($z > 0, 1.0, 0.01)",
     .numpy_derivative_formula = "leaky_relu′(z) = 1 for z > 0, else 0.01"},
    {.id = Activation::softplus,
     .fn = {"softplus", "softplus", "\\operatorname{softplus}", softplus, sigmoid, nullptr,
            {"σ($u)", "\\sigma($u)"},
            {"d(softplus(u))/du = σ(u)", "\\frac{d \\operatorname{softplus}(u)}{du} = \\sigma(u)"}},
     .words = "softplus",
     .range = {0.0, std::numeric_limits<double>::infinity()},
     .values = activation_parts::values<softplus>,
     .values_and_derivatives = activation_parts::values_and_derivatives<softplus, sigmoid>,
     .f_extended = softplus_extended,
     .torch_module = "nn.Softplus()",
     .numpy_call = "softplus($z)",
     .numpy_formula = "softplus($z)",
     .numpy_function = kNumpySoftplus,
     .numpy_derivative = "np.exp(-softplus(-$z))",
     .numpy_derivative_formula = "softplus′(z) = σ(z) = e^(−softplus(−z))"},
    {.id = Activation::elu,
     .fn = {"elu", "elu", "\\operatorname{elu}", activation_parts::elu, activation_parts::elu_derivative, nullptr,
            {"elu′($u)", "\\operatorname{elu}'($u)"},
            {"d(elu(u))/du = 1 if u > 0, else e^u",
             "\\frac{d \\operatorname{elu}(u)}{du} = \\begin{cases} 1 & u > 0 \\\\ e^u & u \\le 0 \\end{cases}"}},
     .words = "ELU",
     .range = {-1.0, std::numeric_limits<double>::infinity()},
     .values = activation_parts::values<activation_parts::elu>,
     .values_and_derivatives = activation_parts::values_and_derivatives<activation_parts::elu, activation_parts::elu_derivative>,
     .f_extended = activation_parts::elu_extended,
     .torch_module = "nn.ELU()",
     .numpy_call = "elu($z)",
     .numpy_formula = "elu($z)",
     .numpy_function = R"(def elu(z):
    """elu(z) = z for z > 0, else e^z − 1 (α = 1)."""
    return np.where(z > 0, z, np.expm1(np.minimum(z, 0.0)))
)",
     .numpy_derivative = "np.where($z > 0, 1.0, np.exp(np.minimum($z, 0.0)))",
     .numpy_derivative_formula = "elu′(z) = 1 for z > 0, else e^z"},
    {.id = Activation::linear,
     .fn = {"linear", "id", "\\operatorname{id}", activation_parts::identity, activation_parts::one, nullptr, {"1", "1"},
            {"d(id(u))/du = 1", "\\frac{d \\operatorname{id}(u)}{du} = 1"}},
     .words = "linear",
     .identity = true,
     .values = activation_parts::values<activation_parts::identity>,
     .values_and_derivatives = activation_parts::values_and_derivatives<activation_parts::identity, activation_parts::one>,
     .f_extended = activation_parts::identity_extended,
     .torch_module = "nn.Identity()",
     .numpy_call = "$z",
     .numpy_formula = "$z (linear)"},
    {.id = Activation::softmax,
     .fn = {"softmax", "softmax", "\\operatorname{softmax}"},
     .words = "softmax",
     .range = {0.0, 1.0},
     .output_only = true,
     .torch_module = "nn.Softmax(dim=1)",
     .numpy_call = "softmax($z)",
     .numpy_formula = "softmax($z)",
     .numpy_function = R"(def softmax(z):
    """softmax(z)_j = e^(z_j) / Σ_i e^(z_i) of each row, from z − max(z) so that it never overflows."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
)"},
};

// Under GCC's AddressSanitizer a function's address is no constant expression, so the tables' function
// checks below run at compile time in the other builds only (the release build's check stands for both;
// tests/engine/test_registry.cpp calls every function at run time anyway).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kFunctionAddressesAreConstant = false;
#else
inline constexpr bool kFunctionAddressesAreConstant = true;
#endif

// Every entry sits at its enumerator's index, and an element-wise one has f, f′ and its kernels.
consteval bool activation_table_is_complete() {
    for (std::size_t i = 0; i < std::size(kActivations); ++i) {
        const ActivationInfo& e = kActivations[i];
        if (static_cast<std::size_t>(e.id) != i || e.fn.name.empty() || e.fn.symbol.empty() || e.words.empty()) return false;
        if constexpr (kFunctionAddressesAreConstant) {
            const bool element_wise = e.fn.f && e.fn.fprime && e.values && e.values_and_derivatives && e.f_extended;
            if (!e.output_only && !element_wise) return false;
        }
    }
    return true;
}
static_assert(activation_table_is_complete(), "kActivations: one complete entry per Activation, in the enum's order");

// ---- [SECTION] lookups, and the functions the passes call ---------------------------------------------------

inline const ActivationInfo& activation_info(Activation f) { return kActivations[static_cast<std::size_t>(f)]; }
std::optional<Activation> parse_activation(std::string_view name);
std::string_view to_string(Activation f);  // its name: "leaky_relu"
std::string_view symbol(Activation f);     // its symbol in formulas: "σ", "tanh", "relu", "lrelu", "id", …
// Every name in the table's order, for messages: "sigmoid, tanh, …, linear or softmax".
std::string activation_names();

// The pattern with each placeholder ("$u", "$a", …) replaced: fill_in("σ′($u)", {{"$u", "z¹₁"}}) = "σ′(z¹₁)".
struct Placeholder {
    std::string_view name, value;
};
std::string fill_in(std::string_view pattern, std::initializer_list<Placeholder> values);

// f(z) for an element-wise activation (not softmax).
double activate(Activation f, double z);
// f'(z) for an element-wise activation (not softmax), from z: sigmoid and tanh keep their relative
// precision where they saturate (logistic.h, tanh.h). relu'(0) = 0, leaky_relu'(0) = 0.01. The one f'
// of the engine: passes, stepper, trainer, mistake passes, chain-rule factors and formulas all use it.
double activation_derivative(Activation f, double z);
// a[i] = f(z[i]) and fprime[i] = f'(z[i]) for n values of an element-wise activation, bit for bit activate's
// and activation_derivative's: one vectorised loop, so tanh and sigmoid compute their exponential once.
void activate_with_derivatives(Activation f, const double* z, double* a, double* fprime, std::size_t n);
// a[i] = f(z[i]) for n values of an element-wise activation (not softmax), e.g. a layer's whole batch.
void activate_values(Activation f, const double* z, double* a, std::size_t n);
// a = f(z) for a whole layer of n neurons (softmax included, computed as exp(z - max) / sum).
void activate_layer(Activation f, const double* z, double* a, int n);
// da_i/dz_m of a whole layer (for softmax the full Jacobian entry; else 1[i=m] f'(z_i)).
double activation_jacobian(Activation f, const double* z, const double* a, int i, int m);

}  // namespace bp
