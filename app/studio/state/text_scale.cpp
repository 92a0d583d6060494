// Text sizes and the interface's scale (see text_scale.h).
#include "app/studio/state/text_scale.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace studio {

float next_text_scale(float now, int direction) {
    if (direction > 0) {
        for (float f : kTextScales)
            if (f > now + 1e-4f) return f;
    } else {
        for (auto it = std::rbegin(kTextScales); it != std::rend(kTextScales); ++it)
            if (*it < now - 1e-4f) return *it;
    }
    return now;
}

InterfaceScale interface_scale(float text_size, bool present, float content_scale, int width, int height) {
    InterfaceScale out;
    const float monitor = content_scale > 0.5f ? content_scale : 1.0f;
    out.per_text = present ? std::max(monitor * kPresentScale, height / kPresentHeightPx) : monitor;
    out.wanted = out.per_text * text_size;
    // What the window holds: kFitLines lines of text tall and kFitEms ems wide.
    const float lines = present ? kFitLinesPresenting : kFitLines;
    float fit = std::min(width / (kFitEms * kBaseFontPx), height / (lines * kBaseFontPx));
    fit = std::floor(fit * 20.0f) / 20.0f;
    out.scale = std::max(std::min(out.wanted, fit), std::min(out.wanted, kSmallestScale));
    out.fits_text = std::floor(std::max(fit, kSmallestScale) / out.per_text * 100.0f) / 100.0f;
    return out;
}

}  // namespace studio
