// The diverging colour scale: sign decides the hue, zero is neutral, lightness falls monotonically with
// |t| on both sides (so the size of a value reads the same for either sign), and clamping.
#include <gtest/gtest.h>

#include <cmath>

#include "app/studio/state/palette.h"

using namespace studio;

TEST(Palette, ZeroIsNeutralAndLight) {
    const Rgb c = diverging(0.0);
    EXPECT_NEAR(c.r, c.g, 0.02);
    EXPECT_NEAR(c.g, c.b, 0.02);
    EXPECT_GT(lightness(c), 90.0);
}

TEST(Palette, SignPicksTheHue) {
    for (double t : {0.1, 0.3, 0.6, 1.0}) {
        const Rgb pos = diverging(t), neg = diverging(-t);
        EXPECT_GT(pos.b, pos.r) << "positive values are blue at t=" << t;
        EXPECT_GT(neg.r, neg.b) << "negative values are orange at t=" << t;
    }
}

TEST(Palette, LightnessFallsMonotonicallyWithMagnitude) {
    for (int sign : {-1, 1}) {
        double prev = lightness(diverging(0.0));
        for (int i = 1; i <= 100; ++i) {
            const double l = lightness(diverging(sign * i / 100.0));
            EXPECT_LE(l, prev + 1e-9) << "at t=" << sign * i / 100.0;
            prev = l;
        }
        EXPECT_LT(prev, 55.0) << "the ends are dark enough to tell from the middle";
    }
}

TEST(Palette, BothSidesAreEquallyLightAtTheSameMagnitude) {
    for (double t : {0.25, 0.5, 0.75, 1.0}) EXPECT_NEAR(lightness(diverging(t)), lightness(diverging(-t)), 12.0);
}

TEST(Palette, ClampsAndNormalizes) {
    const Rgb a = diverging(5.0), b = diverging(1.0);
    EXPECT_FLOAT_EQ(a.r, b.r);
    EXPECT_FLOAT_EQ(a.b, b.b);
    EXPECT_DOUBLE_EQ(normalized(0.5, 2.0), 0.25);
    EXPECT_DOUBLE_EQ(normalized(-3.0, 2.0), -1.0);
    EXPECT_DOUBLE_EQ(normalized(1.0, 0.0), 0.0);
    EXPECT_DOUBLE_EQ(normalized(NAN, 1.0), 0.0);
    const Rgb n = diverging(NAN);
    EXPECT_FLOAT_EQ(n.r, diverging(0).r);
}

TEST(Palette, LightnessOfBlackAndWhite) {
    EXPECT_NEAR(lightness({0, 0, 0}), 0.0, 1e-9);
    EXPECT_NEAR(lightness({1, 1, 1}), 100.0, 1e-6);
}

TEST(Palette, ThemesKeepTextReadableOnTheirBackground) {
    for (bool light : {false, true}) {
        const ThemeColors t = theme_colors(light);
        EXPECT_GT(std::fabs(lightness(t.text) - lightness(t.background)), 70.0) << (light ? "light" : "dark");
        EXPECT_GT(std::fabs(lightness(t.text) - lightness(t.canvas)), 70.0);
    }
}
