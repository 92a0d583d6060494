// Numbers as text for formulas, messages and files (see number_text.h).
#include "engine/core/number_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace bp {

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

}  // namespace bp
