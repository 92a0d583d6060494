// Colour as plain math: a diverging, colour-blind-safe scale (orange for negative, a neutral near-white
// for zero, blue for positive; anchors after ColorBrewer's PuOr and RdBu) and the two themes' colours.
// No ImGui here, so the tests can check hue by sign, the neutral zero and monotone lightness.
#pragma once

namespace studio {

struct Rgb {
    float r = 0, g = 0, b = 0;  // each in [0, 1], sRGB
};

// t in [-1, 1] (clamped): -1 deep orange, 0 neutral, +1 deep blue.
Rgb diverging(double t);
// value / scale squashed into [-1, 1]; scale <= 0 or a non-finite value gives 0.
double normalized(double value, double scale);
// CIE L* of an sRGB colour (0 black .. 100 white), to pick readable text on a fill.
double lightness(Rgb c);
Rgb mix(Rgb a, Rgb b, float t);  // a + (b - a) t

// The colours of everything the app draws itself, for one theme.
struct ThemeColors {
    Rgb background, panel, canvas, grid, text, text_dim, accent, accent_read, unknown, positive, negative;
    Rgb train_curve, test_curve, edit_mark;
    Rgb right, wrong;  // a verdict: right answer / check agrees, wrong answer / check fails (always with ✓ ✗)
};
ThemeColors theme_colors(bool light);

}  // namespace studio
