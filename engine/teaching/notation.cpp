// Course notation as text (see notation.h).
#include "engine/teaching/notation.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace bp {
namespace {

const char* const kSuper[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
const char* const kSub[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};

std::string digits_with(int n, const char* const* table, const char* minus) {
    std::string s = n < 0 ? minus : "";
    for (char c : std::to_string(n < 0 ? -static_cast<long>(n) : static_cast<long>(n))) s += table[c - '0'];
    return s;
}

}  // namespace

std::string superscript(int n) { return digits_with(n, kSuper, "⁻"); }
std::string subscript(int n) { return digits_with(n, kSub, "₋"); }

std::string neuron_label(const std::string& symbol, int l, int j) {
    return symbol + superscript(l) + subscript(j + 1);
}

std::string weight_label(int l, int j, int k) {
    const bool wide = j + 1 > 9 || k + 1 > 9;
    return "w" + superscript(l) + subscript(j + 1) + (wide ? "," : "") + subscript(k + 1);
}

std::string bias_label(int l, int j) { return neuron_label("b", l, j); }

std::string derivative_label(Activation f, int l, int j) {
    return std::string(symbol(f)) + "′(" + neuron_label("z", l, j) + ")";
}

std::string format_number(double x, int digits, bool unicode) {
    if (std::isnan(x)) return "NaN";
    if (std::isinf(x)) return x > 0 ? "∞" : (unicode ? "−∞" : "-inf");
    if (x == 0.0) return "0";
    char buf[64];
    const double mag = std::fabs(x);
    if (mag >= 1e-4 && mag < 1e6) {
        // Fixed notation with `digits` significant digits (at least as many decimals as needed).
        int exponent = static_cast<int>(std::floor(std::log10(mag)));
        int decimals = digits - 1 - exponent;
        if (decimals < 0) decimals = 0;
        if (decimals > 12) decimals = 12;
        std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
        std::string s = buf;
        if (s.find('.') != std::string::npos) {
            while (s.back() == '0') s.pop_back();
            if (s.back() == '.') s.pop_back();
        }
        if (s == "-0") s = "0";
        if (unicode && !s.empty() && s[0] == '-') s = "−" + s.substr(1);
        return s;
    }
    std::snprintf(buf, sizeof buf, "%.*e", digits > 1 ? digits - 1 : 0, x);
    std::string s = buf;
    // 1.2340e-05 -> 1.234e-5
    auto e = s.find('e');
    std::string mant = s.substr(0, e), ex = s.substr(e + 1);
    if (mant.find('.') != std::string::npos) {
        while (mant.back() == '0') mant.pop_back();
        if (mant.back() == '.') mant.pop_back();
    }
    int exv = std::stoi(ex);
    std::string out = mant + "e" + std::to_string(exv);
    if (unicode && out[0] == '-') out = "−" + out.substr(1);
    return out;
}

std::string round_trip(double x) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, r.ptr);
}

std::string latex_neuron(const std::string& symbol, int l, int j) {
    return symbol + "^{" + std::to_string(l) + "}_{" + std::to_string(j + 1) + "}";
}

std::string latex_weight(int l, int j, int k) {
    const bool wide = j + 1 > 9 || k + 1 > 9;
    return "w^{" + std::to_string(l) + "}_{" + std::to_string(j + 1) + (wide ? "," : "") +
           std::to_string(k + 1) + "}";
}

}  // namespace bp
