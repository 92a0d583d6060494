// The interface's size: the text sizes of View ▸ Text size (75–200 %) on top of the monitor's own scale,
// presentation mode's enlargement, and the cap by what the window can hold. The layout needs room for
// kFitLines lines of body text in height and kFitEms ems in width (the toolbar moves what does not fit
// into its » menu, the formula wraps, the canvas takes the rest); a larger text size than that is drawn
// at the largest that fits, and the View menu says so ("200 % (this window fits 142 %)").
#pragma once

namespace studio {

inline constexpr float kTextScales[] = {0.75f, 1.0f, 1.25f, 1.5f, 1.75f, 2.0f};
inline constexpr float kMinTextScale = 0.5f, kMaxTextScale = 3.0f;

inline constexpr float kBaseFontPx = 18.0f;  // body text at scale 1 (≥ 17 px for a projector)
// Presentation mode: 1.5 × the monitor's scale, and at least the window's height / kPresentLinePx, so a
// 4K projector shows what a 1080p one shows instead of the same pixels in a quarter of the picture.
inline constexpr float kPresentScale = 1.5f, kPresentHeightPx = 720.0f;
// The layout's least room in lines of body text (kBaseFontPx × scale) and ems: presenting, the formula
// panel leaves out its title line (the banner has it), so a little less height is enough.
inline constexpr float kFitLines = 30.0f, kFitLinesPresenting = 28.0f, kFitEms = 36.0f;
inline constexpr float kSmallestScale = 0.5f;  // below this no text is readable: never capped further

// The offered size after (+1) or before (−1) `now`; `now` itself when there is none.
float next_text_scale(float now, int direction);

struct InterfaceScale {
    float scale = 1;     // what the frame is drawn at
    float wanted = 1;    // what the text size asks for (scale when the window holds it)
    float per_text = 1;  // the scale of text size 100 %: the monitor's scale × presentation's
    float fits_text = 0; // the largest text size the window holds, in steps of 1 % (e.g. 1.53)
    bool capped() const { return scale < wanted; }
};
// For text size `text_size` (settings.ui_scale), presentation on or off, the monitor's content scale and
// the window's size in pixels. The cap is rounded down to 1/20 of a step so a window being resized does
// not rebuild the fonts at every pixel.
InterfaceScale interface_scale(float text_size, bool present, float content_scale, int width, int height);

}  // namespace studio
