// Fonts: DejaVu Sans (and Sans Mono for matrices) with the glyphs the course notation needs — Greek,
// super/subscript digits and letters, ∂ Σ ∇ ′, arrows, ▶ ◀ — at a few sizes. Falls back to ImGui's
// built-in font, with a warning, when DejaVu is not installed.
#include <cstdio>
#include <filesystem>

#include "app/studio/views/ui.h"

namespace studio {
namespace {

constexpr const char* kFontDir = "/usr/share/fonts/truetype/dejavu/";

const ImWchar* glyph_ranges() {
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder b;
        // The characters the notation, the labels and the presets use, and a little around them — not whole
        // Unicode blocks: every glyph is rasterised at five sizes into one texture, and a smaller texture
        // makes the first frame faster (the 2048² atlas of whole blocks cost ~80 ms to build and upload).
        static const ImWchar wanted[] = {
            0x0020, 0x017F,  // Latin-1 and Latin Extended-A: names, ŷ
            0x0233, 0x0233,  // ȳ
            0x02B0, 0x02FF,  // spacing modifier letters: ˡ (layer l as a superscript)
            0x0391, 0x03C9,  // Greek: σ δ η λ Σ
            0x1D2C, 0x1D6A,  // modifier letters: ᵢ ᵀ ᴸ and the other super/subscript letters
            0x2010, 0x2044,  // punctuation: – — … ′ ″
            0x2070, 0x209C,  // superscripts and subscripts: ¹ ² ₁ ₖ ₙ
            0x2190, 0x21BB,  // arrows: → ← ↶ ↺
            0x21E4, 0x21E5,  // ⇥
            0x2200, 0x2265,  // math operators: ∂ ∇ ∈ − √ ∞ ≈ ≤ ≥
            0x2297, 0x2299,  // ⊗ ⊙
            0x2308, 0x230B,  // ⌈ ⌉ ⌊ ⌋
            0x25A0, 0x25CF,  // geometric shapes: ■ ▶ ▸ ◀ ●
            0x2713, 0x2718,  // ✓ ✗
            0x275A, 0x275A,  // ❚
            0x2C7C, 0x2C7C,  // ⱼ
            0,
        };
        b.AddRanges(wanted);
        b.BuildRanges(&ranges);
    }
    return ranges.Data;
}

ImFont* add(const std::string& file, float px) {
    ImFontConfig cfg;
    cfg.OversampleH = px < 24 ? 2 : 1;  // sub-pixel positioning matters for small text only
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(file.c_str(), px, &cfg, glyph_ranges());
}

}  // namespace

Fonts load_fonts(float scale) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    Fonts f;
    const float base = kBaseFontPx * scale;
    const std::string sans = std::string(kFontDir) + "DejaVuSans.ttf";
    const std::string mono = std::string(kFontDir) + "DejaVuSansMono.ttf";
    std::error_code ec;
    if (std::filesystem::is_regular_file(sans, ec)) {  // ImGui asserts on a missing file: check first
        f.dejavu = true;
        f.body = add(sans, base);
        f.small = add(sans, base * 0.8f);
        f.large = add(sans, base * 1.45f);
        f.huge = add(sans, base * 2.0f);
        f.mono = std::filesystem::is_regular_file(mono, ec) ? add(mono, base * 0.95f) : f.body;
        const std::string bold = std::string(kFontDir) + "DejaVuSans-Bold.ttf";
        f.bold = std::filesystem::is_regular_file(bold, ec) ? add(bold, base) : f.body;
    } else {
        std::fprintf(stderr,
                     "backprop-studio: warning: %s not found (Debian package fonts-dejavu-core); using the "
                     "built-in font, which shows Greek letters and sub/superscripts as '?'\n",
                     sans.c_str());
        ImFontConfig cfg;
        cfg.SizePixels = base;
        f.body = f.small = f.mono = f.bold = atlas->AddFontDefault(&cfg);
        cfg.SizePixels = base * 1.45f;
        f.large = atlas->AddFontDefault(&cfg);
        cfg.SizePixels = base * 2.0f;
        f.huge = atlas->AddFontDefault(&cfg);
    }
    f.circles = add_circle_sprites(atlas, scale);
    atlas->Build();
    rasterize_circle_sprites(atlas, f.circles);
    return f;
}

}  // namespace studio
