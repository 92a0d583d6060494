// Loss-curve decimation, ticks and mapping (see loss_curve.h).
#include "app/studio/figures/loss_curve.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace studio {

std::vector<ColumnRange> decimate_minmax(const std::vector<LossPoint>& points, double LossPoint::*value, double x_max,
                                         int columns) {
    std::vector<ColumnRange> out(columns > 0 ? columns : 0);
    if (columns <= 0 || !(x_max > 0)) return out;
    const double per_step = columns / x_max;
    for (std::size_t i = 0; i < points.size(); ++i) {
        // Clamped into [0, columns): truncation is then the floor (std::floor is a libm call without SSE4.1).
        const double f = static_cast<double>(points[i].step) * per_step;
        ColumnRange& r = out[f <= 0 ? 0 : f < columns ? static_cast<int>(f) : columns - 1];
        if (r.last <= r.first) r.first = static_cast<long>(i);  // the column's first point
        r.last = static_cast<long>(i) + 1;
        const double v = points[i].*value;
        if (!std::isfinite(v)) continue;
        if (r.empty) r.min = r.max = v, r.empty = false;
        r.min = std::min(r.min, v);
        r.max = std::max(r.max, v);
    }
    return out;
}

std::vector<double> nice_ticks(double lo, double hi, int max_ticks) {
    std::vector<double> out;
    if (!(hi > lo) || max_ticks < 2 || !std::isfinite(lo) || !std::isfinite(hi)) return out;
    const double raw = (hi - lo) / (max_ticks - 1);
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    double step = p;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= raw) { step = m * p; break; }
    for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
        out.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
    return out;
}

std::vector<double> log_ticks(double lo, double hi, int max_ticks) {
    std::vector<double> out;
    if (!(lo > 0) || !(hi > lo) || max_ticks < 1) return out;
    const int e0 = static_cast<int>(std::ceil(std::log10(lo) - 1e-9));
    const int e1 = static_cast<int>(std::floor(std::log10(hi) + 1e-9));
    const int count = e1 - e0 + 1;
    const int stride = std::max(1, (count + max_ticks - 1) / max_ticks);
    for (int e = e0; e <= e1; e += stride) out.push_back(std::pow(10.0, e));
    return out;
}

std::string tick_label(double v) {
    char buf[32];
    const double m = std::fabs(v);
    if (v == 0) return "0";
    if (m >= 1e4 && m < 1e6 && std::fmod(m, 1e3) == 0) {  // 20k, 1.5M, 3G: ticks of an exploding loss
        std::snprintf(buf, sizeof buf, "%gk", v / 1e3);
    } else if (m >= 1e6 && m < 1e9 && std::fmod(m, 1e5) == 0) {
        std::snprintf(buf, sizeof buf, "%gM", v / 1e6);
    } else if (m >= 1e9 && m < 1e12 && std::fmod(m, 1e8) == 0) {
        std::snprintf(buf, sizeof buf, "%gG", v / 1e9);
    } else if (m < 1e-3 || m >= 1e7) {
        std::snprintf(buf, sizeof buf, "%.0e", v);
        std::string s = buf;  // 1e-05 -> 1e-5
        const auto e = s.find('e');
        std::string mant = s.substr(0, e), exp = s.substr(e + 1);
        const bool neg = exp[0] == '-';
        exp = exp.substr(exp[0] == '-' || exp[0] == '+' ? 1 : 0);
        while (exp.size() > 1 && exp[0] == '0') exp.erase(0, 1);
        return mant + "e" + (neg ? "-" : "") + exp;
    } else {
        std::snprintf(buf, sizeof buf, "%.6g", v);
    }
    return buf;
}

double axis_fraction(double v, double lo, double hi, bool log_scale) {
    if (log_scale) {
        if (!(lo > 0) || !(hi > lo)) return 0;
        if (!(v > 0)) return 0;
        return (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo));
    }
    if (!(hi > lo)) return 0.5;
    return (v - lo) / (hi - lo);
}

bool value_range(const std::vector<double>& y, bool log_scale, double& lo, double& hi) {
    bool any = false;
    for (double v : y) {
        if (!std::isfinite(v) || (log_scale && !(v > 0))) continue;
        if (!any) lo = hi = v, any = true;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (!any) return false;
    if (log_scale) {  // work in decades: at least 0.2 of one, padded 5 % on each side
        double a = std::log10(lo), b = std::log10(hi);
        if (b - a < 0.2) {
            const double mid = (a + b) / 2;
            a = mid - 0.1, b = mid + 0.1;
        }
        const double pad = (b - a) * 0.05;
        lo = std::pow(10.0, a - pad);
        hi = std::pow(10.0, b + pad);
        return true;
    }
    if (hi - lo < 1e-12 * std::max(1.0, std::fabs(hi))) {
        const double d = std::max(std::fabs(hi) * 0.1, 1e-6);
        lo -= d, hi += d;
    }
    const double pad = (hi - lo) * 0.05;
    lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;  // a loss never goes below 0: keep 0 as the floor
    hi += pad;
    return true;
}

}  // namespace studio
