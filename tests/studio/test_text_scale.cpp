// The interface's scale (state/text_scale.h): the text size on top of the monitor's scale, presentation's
// enlargement (1.5 ×, and at least the window's height / 720 px), and the cap by what the window holds
// (kFitLines lines of text tall, kFitEms ems wide), said in whole per cent for the View menu.
#include <gtest/gtest.h>

#include "app/studio/state/text_scale.h"

using namespace studio;

TEST(TextScale, AWindowThatHoldsItGetsWhatIsAsked) {
    const InterfaceScale s = interface_scale(1.25f, false, 1.0f, 1920, 1080);
    EXPECT_FLOAT_EQ(s.scale, 1.25f);
    EXPECT_FLOAT_EQ(s.wanted, 1.25f);
    EXPECT_FALSE(s.capped());
    EXPECT_FLOAT_EQ(interface_scale(1.0f, false, 2.0f, 3840, 2160).scale, 2.0f);  // a HiDPI monitor's own scale
}

TEST(TextScale, PresentingIsOneAndAHalfTimesAndFillsATallScreen) {
    EXPECT_FLOAT_EQ(interface_scale(1.0f, true, 1.0f, 1920, 1080).scale, 1.5f);
    // 3840×2160 with a monitor scale of 1 (a 4K projector): the 1080p picture, twice the pixels.
    EXPECT_FLOAT_EQ(interface_scale(1.0f, true, 1.0f, 3840, 2160).scale, 3.0f);
    EXPECT_FLOAT_EQ(interface_scale(1.0f, true, 1.0f, 3840, 2160).per_text, 3.0f);
}

TEST(TextScale, TheWindowCapsTheScaleAndSaysWhatFits) {
    // 1920×1080 presenting at 200 %: 3.0 asked; 1080 px hold 28 lines of 18 px × 2.14: drawn at 2.1.
    const InterfaceScale s = interface_scale(2.0f, true, 1.0f, 1920, 1080);
    EXPECT_FLOAT_EQ(s.wanted, 3.0f);
    EXPECT_TRUE(s.capped());
    EXPECT_FLOAT_EQ(s.scale, 2.1f);
    EXPECT_FLOAT_EQ(s.fits_text, 1.4f);  // 2.1 / 1.5: "200 % (this window fits 140 %)"
    EXPECT_LE(s.scale * kBaseFontPx * kFitLinesPresenting, 1080.0f);
    // 1024×768 normal at 200 %: the height holds 30 lines at 1.42; rounded down to 1.4.
    const InterfaceScale n = interface_scale(2.0f, false, 1.0f, 1024, 768);
    EXPECT_FLOAT_EQ(n.scale, 1.4f);
    EXPECT_FLOAT_EQ(n.fits_text, 1.4f);
    // A narrow, tall window: the width caps it (36 ems of 18 px in 800 px: 1.23 → 1.2).
    EXPECT_FLOAT_EQ(interface_scale(2.0f, false, 1.0f, 800, 2000).scale, 1.2f);
}

TEST(TextScale, ATinyWindowIsNeverDrawnBelowHalfSize) {
    const InterfaceScale s = interface_scale(1.0f, false, 1.0f, 320, 240);
    EXPECT_FLOAT_EQ(s.scale, kSmallestScale);
    EXPECT_FLOAT_EQ(interface_scale(0.5f, false, 1.0f, 320, 240).scale, 0.5f);
}

TEST(TextScale, NextSizeWalksTheOfferedSizes) {
    EXPECT_FLOAT_EQ(next_text_scale(1.0f, +1), 1.25f);
    EXPECT_FLOAT_EQ(next_text_scale(1.0f, -1), 0.75f);
    EXPECT_FLOAT_EQ(next_text_scale(2.0f, +1), 2.0f);
    EXPECT_FLOAT_EQ(next_text_scale(1.1f, +1), 1.25f);
}
