// The text sizes of View ▸ Text size, on top of the monitor's own scale (presentation mode adds 1.5×):
// the sizes the menu offers, and the range a settings file or --text-scale may ask for.
#pragma once

namespace studio {

inline constexpr float kTextScales[] = {0.75f, 1.0f, 1.25f, 1.5f, 1.75f, 2.0f};
inline constexpr float kMinTextScale = 0.5f, kMaxTextScale = 3.0f;

// The offered size after (+1) or before (−1) `now`; `now` itself when there is none.
float next_text_scale(float now, int direction);

}  // namespace studio
