// The diverging scale and the theme colours (see palette.h).
#include "app/studio/state/palette.h"

#include <algorithm>
#include <cmath>

namespace studio {
namespace {

Rgb hex(unsigned v) {
    return {((v >> 16) & 0xff) / 255.0f, ((v >> 8) & 0xff) / 255.0f, (v & 0xff) / 255.0f};
}

// Anchors from |t| = 0 to |t| = 1. Blue from RdBu, orange from PuOr; both sides fall in lightness at the
// same pace so neither sign looks "bigger". Neutral is a warm grey-white that reads on dark and light.
const unsigned kBlue[] = {0xf4f4f2, 0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac};
const unsigned kOrange[] = {0xf4f4f2, 0xfee0b6, 0xfdb863, 0xe08214, 0xb35806};

}  // namespace

Rgb mix(Rgb a, Rgb b, float t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

Rgb diverging(double t) {
    if (!std::isfinite(t)) t = 0.0;
    t = std::clamp(t, -1.0, 1.0);
    const unsigned* anchors = t >= 0.0 ? kBlue : kOrange;
    const double x = std::fabs(t) * 4.0;  // 4 intervals between 5 anchors
    const int i = std::min(3, static_cast<int>(x));
    return mix(hex(anchors[i]), hex(anchors[i + 1]), static_cast<float>(x - i));
}

double normalized(double value, double scale) {
    if (!(scale > 0.0) || !std::isfinite(value) || !std::isfinite(scale)) return 0.0;
    return std::clamp(value / scale, -1.0, 1.0);
}

double lightness(Rgb c) {
    const auto linear = [](double u) { return u <= 0.04045 ? u / 12.92 : std::pow((u + 0.055) / 1.055, 2.4); };
    const double y = 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);  // relative luminance
    return y > 216.0 / 24389.0 ? 116.0 * std::cbrt(y) - 16.0 : y * 24389.0 / 27.0;          // CIE L*
}

ThemeColors theme_colors(bool light) {
    ThemeColors c;
    if (light) {  // high contrast for projectors
        c.background = hex(0xfafafa);
        c.panel = hex(0xffffff);
        c.canvas = hex(0xffffff);
        c.grid = hex(0xd0d0d8);
        c.text = hex(0x101018);
        c.text_dim = hex(0x505060);
        c.accent = hex(0x7b1fa2);       // purple: distinct from both ends of the scale
        c.accent_read = hex(0x00897b);  // teal
        c.unknown = hex(0x8a8a96);
        c.positive = hex(0x2166ac);
        c.negative = hex(0xb35806);
        c.train_curve = hex(0x2166ac);
        c.test_curve = hex(0xb35806);
        c.edit_mark = hex(0x7b1fa2);
        c.right = hex(0x1b7a2e);
        c.wrong = hex(0xc62828);
    } else {
        c.background = hex(0x16181d);
        c.panel = hex(0x1d2027);
        c.canvas = hex(0x1a1c22);
        c.grid = hex(0x343844);
        c.text = hex(0xe8e8ee);
        c.text_dim = hex(0x9a9eac);
        c.accent = hex(0xffd23f);       // yellow: what the current step writes
        c.accent_read = hex(0x5ee0c8);  // mint: what it reads
        c.unknown = hex(0x6c7080);
        c.positive = hex(0x6baed6);
        c.negative = hex(0xf0a050);
        c.train_curve = hex(0x6baed6);
        c.test_curve = hex(0xf0a050);
        c.edit_mark = hex(0xffd23f);
        c.right = hex(0x74d67a);
        c.wrong = hex(0xf5726b);
    }
    return c;
}

}  // namespace studio
