// The formulas of a pass as Unicode course notation and LaTeX (see formula_writer.h).
// [SECTION] helpers: numbers, sums, joining factors
// [SECTION] names and labels
// [SECTION] forward: z, a, loss
// [SECTION] backward: output δ, hidden δ
// [SECTION] gradients and updates
#include "engine/teaching/formula_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "engine/core/activations.h"
#include "engine/core/losses.h"
#include "engine/teaching/notation.h"

namespace bp {
namespace {

// ---- [SECTION] helpers ----------------------------------------------------------------------------

// format_number(x, digits, false) of notation.h for a finite x, written into buf (64 bytes) with
// std::to_chars instead of printf: a full pass writes some 10^5 numbers. Returns the length.
std::size_t write_number(double x, int digits, char* buf) {
    if (x == 0.0) {
        buf[0] = '0';
        return 1;
    }
    char* const end = buf + 64;
    const double mag = std::fabs(x);
    if (mag >= 1e-4 && mag < 1e6) {  // fixed notation with `digits` significant digits
        const int exponent = static_cast<int>(std::floor(std::log10(mag)));
        const int decimals = std::clamp(digits - 1 - exponent, 0, 12);
        std::size_t n = static_cast<std::size_t>(std::to_chars(buf, end, x, std::chars_format::fixed, decimals).ptr - buf);
        if (std::find(buf, buf + n, '.') != buf + n) {
            while (buf[n - 1] == '0') --n;
            if (buf[n - 1] == '.') --n;
        }
        if (n == 2 && buf[0] == '-' && buf[1] == '0') {  // "-0" after rounding
            buf[0] = '0';
            n = 1;
        }
        return n;
    }
    // scientific: "1.2340e-05" -> "1.234e-5"
    char tmp[64];
    const char* t_end = std::to_chars(tmp, tmp + sizeof tmp, x, std::chars_format::scientific, std::max(digits - 1, 0)).ptr;
    const char* e = std::find(static_cast<const char*>(tmp), t_end, 'e');
    std::size_t m = static_cast<std::size_t>(e - tmp);
    if (std::find(static_cast<const char*>(tmp), e, '.') != e) {
        while (tmp[m - 1] == '0') --m;
        if (tmp[m - 1] == '.') --m;
    }
    std::copy(tmp, tmp + m, buf);
    int exp_value = 0;
    std::from_chars(e + 1 + (e[1] == '+' ? 1 : 0), t_end, exp_value);
    buf[m++] = 'e';
    return m + static_cast<std::size_t>(std::to_chars(buf + m, end, exp_value).ptr - (buf + m));
}

// Appends a number in both forms ("−0.0381" and "-0.0381", "1.2e-5" and "1.2 \\times 10^{-5}"), in
// parentheses when `paren` (a negative factor of a product).
void append_number(std::string& text, std::string& latex, double x, bool paren) {
    if (paren) text += '(', latex += '(';
    if (std::isnan(x)) {
        text.append("NaN");
        latex.append("\\mathrm{NaN}");
    } else if (std::isinf(x)) {
        text.append(x > 0 ? "∞" : "−∞");
        latex.append(x > 0 ? "\\infty" : "-\\infty");
    } else {
        char buf[64];
        const std::string_view ascii(buf, write_number(x, kFormulaDigits, buf));
        if (ascii[0] == '-')
            text.append("−").append(ascii.substr(1));
        else
            text.append(ascii);
        if (const auto e = ascii.find('e'); e != std::string_view::npos)
            latex.append(ascii.substr(0, e)).append(" \\times 10^{").append(ascii.substr(e + 1)).append("}");
        else
            latex.append(ascii);
    }
    if (paren) text += ')', latex += ')';
}

Phrase number_phrase(double x, bool paren) {
    Phrase p;
    append_number(p.text, p.latex, x, paren);
    return p;
}

// Writes an equation straight into a FormulaText, without temporaries (a pass has ~10^5 of them):
// first the symbolic side, then after substitute() the numbers, then the result. The LaTeX of all
// three follows one another in f.latex.
class Equation {
public:
    // Capacities in bytes: close to the usual sizes, since a pass keeps ~10^5 of these strings.
    Equation(std::size_t symbolic, std::size_t substituted, std::size_t latex) : substituted_(substituted) {
        f_.symbolic.reserve(symbolic);
        f_.latex.reserve(latex);
    }
    Equation& add(std::string_view text, std::string_view latex) {
        side().append(text);
        f_.latex.append(latex);
        return *this;
    }
    Equation& add(const Phrase& p) { return add(p.text, p.latex); }
    Equation& number(double x, bool paren) {
        append_number(side(), f_.latex, x, paren);
        return *this;
    }
    std::string& text() { return side(); }
    std::string& latex() { return f_.latex; }
    Equation& substitute() {
        substituting_ = true;
        f_.substituted.reserve(substituted_);
        f_.latex.append(" = ");
        return *this;
    }
    FormulaText result(double x) {
        f_.latex.append(" = ");
        append_number(f_.result, f_.latex, x, false);
        return std::move(f_);
    }

private:
    std::string& side() { return substituting_ ? f_.substituted : f_.symbolic; }
    FormulaText f_;
    std::size_t substituted_;
    bool substituting_ = false;
};

std::string_view latex_function(Activation f) { return activation_info(f).fn.latex; }

// One factor of a product in both the symbolic and the substituted form. `compound` factors
// (differences, sums) get parentheses when they stand next to another factor.
struct Part {
    Phrase sym, sub;
    bool compound = false;
};

// Joins parts with "·"; `divisor` (the batch size N > 1) appends "/N" and "/3". A compound part
// standing alone keeps no parentheses unless `keep_parentheses` (it is then a factor of something else).
void join(const std::vector<Part>& parts, int divisor, Phrase& sym, Phrase& sub, bool keep_parentheses = false) {
    const bool alone = parts.size() == 1 && divisor <= 1 && !keep_parentheses;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            sym.add("·", " \\cdot ");
            sub.add("·", " \\cdot ");
        }
        const bool paren = parts[i].compound && !alone;
        if (paren) sym.add("(", "\\left("), sub.add("(", "\\left(");
        sym.add(parts[i].sym);
        sub.add(parts[i].sub);
        if (paren) sym.add(")", "\\right)"), sub.add(")", "\\right)");
    }
    if (divisor > 1) {
        const std::string n = std::to_string(divisor);
        sym.add("/N", " / N");
        sub.add("/" + n, " / " + n);
    }
}

}  // namespace

FormulaText make_formula(Phrase&& sym, Phrase&& sub, Phrase&& result) {
    FormulaText f;
    f.latex = std::move(sym.latex);
    f.latex.reserve(f.latex.size() + sub.latex.size() + result.latex.size() + 6);
    if (!sub.latex.empty()) f.latex.append(" = ").append(sub.latex);
    f.latex.append(" = ").append(result.latex);
    f.symbolic = std::move(sym.text);
    f.substituted = std::move(sub.text);
    f.result = std::move(result.text);
    return f;
}

// ---- [SECTION] names and labels ---------------------------------------------------------------------

std::string equation_text(const std::string& symbolic, const std::string& substituted, const std::string& result) {
    std::string s;
    s.reserve(symbolic.size() + substituted.size() + result.size() + 6);
    s = symbolic;
    if (!substituted.empty()) s.append(" = ").append(substituted);
    return s.append(" = ").append(result);
}

std::string layer_name(const Network& net, int l) {
    if (l == 0) return "input";
    if (l == net.L()) return "output";
    return net.L() == 2 ? "hidden" : "hidden " + std::to_string(l);
}

std::string neuron_name(const Network& net, int l, int j) {
    return layer_name(net, l) + " neuron " + std::to_string(j + 1);
}

FormulaWriter::FormulaWriter(const Network& net, const Trace& trace, const Matrix& Y, int shown, Notation notation)
    : net_(net), t_(trace), Y_(Y), shown_(shown), sym_(notation, net) {
    rows_ = shown_rows();
    a_label_.resize(net.layers.size());
    delta_label_.resize(net.layers.size());
    const int row = trace.N() > 1 ? Symbols::kAnyRow : 0;  // Σₙ over the batch, or its one sample
    for (int l = 0; l <= net.L(); ++l) {
        for (int j = 0; j < net.layers[l].size; ++j) {
            a_label_[l].push_back(sym_.activation(l, j, row));
            if (l > 0) delta_label_[l].push_back(sym_.delta(l, j, row));
        }
    }
    a_text_.resize(net.layers.size());
    delta_text_.resize(net.layers.size());
}

std::vector<int> FormulaWriter::shown_rows() const {
    const int N = t_.layers.empty() ? 0 : t_.layers[0].a.rows;
    std::vector<int> rows;
    for (int n = 0; n < N; ++n) {
        if (N > kMaxShownTerms && n == kElidedHead) n = N - 1;
        rows.push_back(n);
    }
    return rows;
}

std::string format_number_fast(double x, int digits) {
    char buf[64];
    return std::string(buf, write_number(x, digits, buf));
}

Phrase FormulaWriter::number(double x) { return number_phrase(x, false); }
Phrase FormulaWriter::factor(double x) { return number_phrase(x, x < 0); }

const std::vector<Phrase>& FormulaWriter::layer_numbers(const Matrix& m, int l,
                                                        std::vector<std::vector<Phrase>>& cache) {
    std::vector<Phrase>& out = cache[l];
    if (!out.empty()) return out;
    out.reserve(rows_.size() * static_cast<std::size_t>(m.cols));
    for (int n : rows_)
        for (int j = 0; j < m.cols; ++j) out.push_back(factor(m(n, j)));
    return out;
}

// ---- [SECTION] forward: z, a, loss --------------------------------------------------------------------

FormulaText FormulaWriter::z(int l, int j) const {
    const Layer& layer = net_.layers[l];
    const double* a_prev = t_.layers[l - 1].a.row(shown_);
    Phrase sym = sym_.pre_activation(l, j, shown_), sub;
    sym.add(" = ", " = ");
    append_sum(sym, layer.W.cols, [&](Phrase& p, int k) {  // w^l_jk·a^(l−1)_k
        p.add(sym_.weight(l, j, k)).add("·", " \\cdot ").add(sym_.activation(l - 1, k, shown_));
    });
    append_sum(sub, layer.W.cols, [&](Phrase& p, int k) {
        p.add(factor(layer.W(j, k))).add("·", " \\cdot ").add(factor(a_prev[k]));
    });
    if (layer.bias) {
        sym.add(" + ", " + ").add(sym_.bias(l, j));
        sub.add(" + ", " + ").add(factor(layer.b[j]));
    }
    return make_formula(std::move(sym), std::move(sub), number(t_.layers[l].z(shown_, j)));
}

FormulaText FormulaWriter::a(int l, int j) const {
    const Activation f = net_.layers[l].activation;
    const LayerTrace& cur = t_.layers[l];
    Phrase sym = sym_.activation(l, j, shown_), sub;
    sym.add(" = ", " = ");
    if (f == Activation::softmax) {  // a_j = exp(z_j) / Σ_i exp(z_i)
        sym.add("exp(", "\\frac{e^{").add(sym_.pre_activation(l, j, shown_)).add(") / Σᵢ exp(", "}}{\\sum_i e^{");
        sym.add(sym_.pre_activation(l, Symbols::kAnyIndex, shown_)).add(")", "}}");
        sub.add("exp(", "\\frac{e^{").add(number(cur.z(shown_, j))).add(") / (", "}}{");
        append_sum(sub, cur.z.cols, [&](Phrase& p, int i) {
            p.add("exp(", "e^{").add(number(cur.z(shown_, i))).add(")", "}");
        });
        sub.add(")", "}");
    } else if (activation_info(f).identity) {  // a = z: the substitution would only repeat the result
        sym.add(sym_.pre_activation(l, j, shown_));
    } else {  // a_j = f(z_j)
        sym.add(symbol(f), latex_function(f)).add("(", "(").add(sym_.pre_activation(l, j, shown_)).add(")", ")");
        sub.add(symbol(f), latex_function(f)).add("(", "(").add(number(cur.z(shown_, j))).add(")", ")");
    }
    return make_formula(std::move(sym), std::move(sub), number(cur.a(shown_, j)));
}

FormulaText FormulaWriter::loss() const {
    const int L = net_.L(), K = net_.output_size(), N = t_.N();
    Phrase sym, sub;
    sym.add("L = ", "L = ");
    if (N > 1) {  // L = (L₁ + … + L_N)/N with the sample losses
        sym.add("(", "\\left(");
        sub.add("(", "\\left(");
        append_sum(sym, N, [&](Phrase& p, int n) {
            // Appended piece by piece: GCC 12 -O3 mistakes "L" + std::string(...) for an overlapping copy.
            p.add("L", "L_{").add(subscript(n + 1), std::to_string(n + 1)).add("", "}");
        });
        append_sum(sub, N, [&](Phrase& p, int n) { p.add(factor(t_.sample_losses[n])); });
        sym.add(")/N", "\\right) / N");
        sub.add(")/" + std::to_string(N), "\\right) / " + std::to_string(N));
        return make_formula(std::move(sym), std::move(sub), number(t_.loss));
    }
    // L = prefix [Σ_j term_j] mean, the loss's formula pieces with the labels, then with the numbers
    const double* a = t_.layers[L].a.row(0);
    const double* y = Y_.row(0);
    const LossFormula& f = loss_info(net_.loss).formula_pieces;
    const std::string K_text = std::to_string(K);
    sym.add(f.prefix), sub.add(f.prefix);
    if (K > 1) sym.add(f.open), sub.add(f.open);
    const auto term = [&](Phrase& p, const Phrase& aj, const Phrase& yj) {
        p.add(fill_in(f.term.text, {{"$a", aj.text}, {"$y", yj.text}}), fill_in(f.term.latex, {{"$a", aj.latex}, {"$y", yj.latex}}));
    };
    append_sum(sym, K, [&](Phrase& p, int j) { term(p, sym_.activation(L, j, 0), sym_.target(j, 0)); });
    append_sum(sub, K, [&](Phrase& p, int j) { term(p, number(a[j]), factor(y[j])); });
    if (K > 1) {
        sym.add(f.close).add(fill_in(f.mean.text, {{"$K", "K"}}), fill_in(f.mean.latex, {{"$K", "K"}}));
        sub.add(f.close).add(fill_in(f.mean.text, {{"$K", K_text}}), fill_in(f.mean.latex, {{"$K", K_text}}));
    }
    return make_formula(std::move(sym), std::move(sub), number(t_.loss));
}

// ---- [SECTION] backward: output δ, hidden δ -------------------------------------------------------------

namespace {

// The batch notation writes the mean's 1/N in front, with the loss's own factor: "2/N·(Ŷ − Y)" (notes
// 000), where the others end with "/N". `parts` may start with the loss's scale ("2", "2/K").
void put_batch_factor(std::vector<Part>& parts, bool scale_first, int N) {
    const std::string n = std::to_string(N);
    if (!scale_first) {
        parts.insert(parts.begin(), Part{{"1/N", "\\frac{1}{N}"}, {"1/" + n, "\\frac{1}{" + n + "}"}, false});
        return;
    }
    Part& s = parts.front();
    const std::string sym = s.sym.text, sub = s.sub.text;  // "2" or "2/K", "2" or "2/3"
    const auto slash = sym.find('/');
    if (slash == std::string::npos) {
        s.sym = {sym + "/N", "\\frac{" + sym + "}{N}"};
        s.sub = {sub + "/" + n, "\\frac{" + sub + "}{" + n + "}"};
    } else {
        const std::string top = sym.substr(0, slash), K = sub.substr(sub.find('/') + 1);
        s.sym = {top + "/(N·K)", "\\frac{" + top + "}{N K}"};
        s.sub = {top + "/(" + n + "·" + K + ")", "\\frac{" + top + "}{" + n + " \\cdot " + K + "}"};
    }
    s.compound = false;
}

}  // namespace

FormulaText FormulaWriter::output_delta(int j) const {
    const int L = net_.L(), K = net_.output_size(), N = t_.N();
    const Layer& out = net_.layers[L];
    const LayerTrace& cur = t_.layers[L];
    const double* a = cur.a.row(shown_);
    const double* y = Y_.row(shown_);
    const Loss loss = net_.loss;
    const std::string K_text = std::to_string(K);
    const bool batch = sym_.notation() == Notation::batch;

    // ∂L/∂a^L_i of one sample as parts: the error a_i − y_i with its factor ("2/K"), or ∂L/∂a_i and its value.
    const ErrorGradient& e = loss_info(loss).error_gradient;
    const bool over_K = e.over_outputs && K > 1, scaled = e.scale != 1.0 || over_K;
    const std::string scale = format_number_fast(e.scale);
    const auto dl_da = [&](int i) {
        std::vector<Part> parts;
        if (e.written_out && scaled)
            parts.push_back({{scale + (over_K ? "/K" : ""), scale + (over_K ? "/K" : "")},
                             {scale + (over_K ? "/" + K_text : ""), scale + (over_K ? "/" + K_text : "")}, over_K});
        if (e.written_out) {
            Part d;
            d.sym.add(sym_.activation(L, i, shown_)).add(" − ", " - ").add(sym_.target(i, shown_));
            d.sub.add(number(a[i])).add(" − ", " - ").add(factor(y[i]));
            d.compound = true;
            parts.push_back(std::move(d));
        } else {
            parts.push_back({sym_.activation_gradient(L, i, shown_), factor(loss_derivative(loss, a, y, K, i)), false});
        }
        return parts;
    };

    Phrase sym = sym_.delta(L, j, shown_), sub;
    sym.add(" = ", " = ");
    std::vector<Part> parts;
    bool scale_first = false;
    if (fused_output(loss, out.activation)) {  // δ_j = (a_j − y_j)/N
        Part d;
        d.sym.add(sym_.activation(L, j, shown_)).add(" − ", " - ").add(sym_.target(j, shown_));
        d.sub.add(number(a[j])).add(" − ", " - ").add(factor(y[j]));
        d.compound = true;
        parts.push_back(std::move(d));
    } else if (out.activation == Activation::softmax) {
        // δ_j = Σ_i ∂L/∂a_i · a_i (1[i=j] − a_j): the full Jacobian of the softmax.
        Part s;
        s.compound = true;
        const Phrase ai = sym_.activation(L, Symbols::kAnyIndex, shown_);
        s.sym.add("Σᵢ ", "\\sum_i ");
        if (e.written_out) {
            if (scaled)
                s.sym.add(over_K ? "(" + scale + "/K)·" : scale + "·",
                          over_K ? "\\frac{" + scale + "}{K} \\cdot " : scale + " \\cdot ");
            s.sym.add("(", "(").add(ai).add(" − ", " - ").add(sym_.target(Symbols::kAnyIndex, shown_)).add(")", ")");
        } else {
            s.sym.add(sym_.activation_gradient(L, Symbols::kAnyIndex, shown_));
        }
        const std::string j1 = std::to_string(j + 1);
        s.sym.add("·", " \\cdot ").add(ai).add("·(1[i=" + j1 + "] − ", " \\cdot (\\mathbf{1}[i=" + j1 + "] - ");
        s.sym.add(sym_.activation(L, j, shown_)).add(")", ")");
        append_sum(s.sub, K, [&](Phrase& p, int i) {
            Phrase unused;
            join(dl_da(i), 0, unused, p, true);
            p.add("·", " \\cdot ").add(factor(a[i]));
            p.add(i == j ? "·(1 − " : "·(0 − ", i == j ? " \\cdot (1 - " : " \\cdot (0 - ");
            p.add(number(a[j])).add(")", ")");
        });
        parts.push_back(std::move(s));
    } else {  // δ_j = ∂L/∂a_j · f′(z_j)
        if (sym_.notation() == Notation::derivation) {  // "ε₂¹ = δ₂¹·σ′(a₂¹) = …": the notes' ε_L = δ_L ∘ f′(a_L)
            sym.add(sym_.activation_gradient(L, j, shown_));
            if (!activation_info(out.activation).identity)
                sym.add("·", " \\cdot ").add(sym_.derivative(out.activation, L, j, shown_));
            sym.add(" = ", " = ");
        }
        parts = dl_da(j);
        scale_first = e.written_out && scaled;
        if (!activation_info(out.activation).identity)
            parts.push_back({sym_.derivative(out.activation, L, j, shown_),
                             factor(activation_derivative(out.activation, cur.z(shown_, j))), false});
    }
    if (batch) put_batch_factor(parts, scale_first, N);
    join(parts, batch ? 0 : N, sym, sub);
    return make_formula(std::move(sym), std::move(sub), number(cur.delta(shown_, j)));
}

FormulaText FormulaWriter::hidden_delta(int l, int j) const {
    const Layer& next = net_.layers[l + 1];
    const Activation f = net_.layers[l].activation;
    const double* delta_next = t_.layers[l + 1].delta.row(shown_);
    Part s;
    s.compound = next.size > 1;
    append_sum(s.sym, next.size, [&](Phrase& p, int i) {  // w^(l+1)_ij·δ^(l+1)_i
        p.add(sym_.weight(l + 1, i, j)).add("·", " \\cdot ").add(sym_.delta(l + 1, i, shown_));
    });
    append_sum(s.sub, next.size, [&](Phrase& p, int i) {
        p.add(factor(next.W(i, j))).add("·", " \\cdot ").add(factor(delta_next[i]));
    });
    std::vector<Part> parts{std::move(s)};
    const bool identity = activation_info(f).identity;
    if (!identity)
        parts.push_back({sym_.derivative(f, l, j, shown_), factor(activation_derivative(f, t_.layers[l].z(shown_, j))), false});
    Phrase sym = sym_.delta(l, j, shown_), sub;
    sym.add(" = ", " = ");
    if (sym_.notation() == Notation::derivation) {  // "ε₁¹ = δ₁¹·σ′(a₁¹) = (W₂¹¹·ε₂¹ + …)·σ′(a₁¹)"
        sym.add(sym_.activation_gradient(l, j, shown_));
        if (!identity) sym.add("·", " \\cdot ").add(sym_.derivative(f, l, j, shown_));
        sym.add(" = ", " = ");
    }
    join(parts, 0, sym, sub);
    return make_formula(std::move(sym), std::move(sub), number(t_.layers[l].delta(shown_, j)));
}

// ---- [SECTION] gradients and updates -----------------------------------------------------------------------

FormulaText FormulaWriter::weight_gradient(int l, int j, int k) {
    const std::vector<Phrase>& a_prev = layer_numbers(t_.layers[l - 1].a, l - 1, a_text_);
    const std::vector<Phrase>& delta = layer_numbers(t_.layers[l].delta, l, delta_text_);
    const std::size_t n_prev = static_cast<std::size_t>(t_.layers[l - 1].a.cols);
    const std::size_t n = static_cast<std::size_t>(t_.layers[l].delta.cols);
    const int N = t_.N();
    Equation e(56, N > 1 ? 96 : 15, N > 1 ? 224 : 120);
    e.add(sym_.weight_gradient(l, j, k));
    e.add(N > 1 ? " = Σₙ " : " = ", N > 1 ? " = \\sum_n " : " = ");
    e.add(a_label_[l - 1][k]).add("·", " \\cdot ").add(delta_label_[l][j]);
    e.substitute();
    append_sum(e, N, [&](Equation& p, int row) {  // a^(l−1)_nk·δ^l_nj for each sample n
        const std::size_t pos = static_cast<std::size_t>(std::min(row, static_cast<int>(rows_.size()) - 1));
        p.add(a_prev[pos * n_prev + k]).add("·", " \\cdot ").add(delta[pos * n + j]);
    });
    return e.result(t_.layers[l].dW(j, k));
}

FormulaText FormulaWriter::bias_gradient(int l, int j) {
    const std::vector<Phrase>& delta = layer_numbers(t_.layers[l].delta, l, delta_text_);
    const std::size_t n = static_cast<std::size_t>(t_.layers[l].delta.cols);
    const int N = t_.N();
    Equation e(48, 64, N > 1 ? 144 : 80);
    e.add(sym_.bias_gradient(l, j));
    e.add(N > 1 ? " = Σₙ " : " = ", N > 1 ? " = \\sum_n " : " = ").add(delta_label_[l][j]);
    if (N > 1) {  // with one sample the substitution would only repeat the result
        e.substitute();
        append_sum(e, N, [&](Equation& p, int row) {
            const std::size_t pos = static_cast<std::size_t>(std::min(row, static_cast<int>(rows_.size()) - 1));
            p.add(delta[pos * n + j]);
        });
    }
    return e.result(t_.layers[l].db[j]);
}

// p ← p − η·∂L/∂p, or p ← p − η·(∂L/∂p + λ·p) when l2 is set (weights only).
FormulaText FormulaWriter::update(bool is_bias, int l, int j, int k, double old_value, double gradient,
                                  double new_value, double learning_rate, double l2) const {
    Equation e(l2 != 0.0 ? 104 : 80, l2 != 0.0 ? 48 : 32, l2 != 0.0 ? 200 : 152);
    const Phrase label = is_bias ? sym_.bias(l, j) : sym_.weight(l, j, k);
    e.add(label).add(" ← ", " \\leftarrow ").add(label).add(" − η·", " - \\eta \\cdot ");
    if (l2 != 0.0) e.add("(", "\\left(");
    e.add(is_bias ? sym_.bias_gradient(l, j) : sym_.weight_gradient(l, j, k));
    if (l2 != 0.0) e.add(" + λ·", " + \\lambda \\cdot ").add(label).add(")", "\\right)");
    e.substitute().number(old_value, false).add(" − ", " - ").number(learning_rate, learning_rate < 0).add("·", " \\cdot ");
    if (l2 != 0.0) {
        e.add("(", "\\left(").number(gradient, false).add(" + ", " + ").number(l2, l2 < 0).add("·", " \\cdot ");
        e.number(old_value, old_value < 0).add(")", "\\right)");
    } else {
        e.number(gradient, gradient < 0);
    }
    return e.result(new_value);
}

FormulaText FormulaWriter::weight_update(int l, int j, int k, double w_old, double w_new, const TrainingConfig& c) {
    return update(false, l, j, k, w_old, t_.layers[l].dW(j, k), w_new, c.learning_rate, c.l2);
}

FormulaText FormulaWriter::bias_update(int l, int j, double b_old, double b_new, const TrainingConfig& c) {
    return update(true, l, j, 0, b_old, t_.layers[l].db[j], b_new, c.learning_rate, 0.0);
}

}  // namespace bp
