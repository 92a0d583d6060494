// Fonts: DejaVu Sans (and Sans Mono for matrices) with the glyphs the course notation needs — Greek,
// super/subscript digits and letters, ∂ Σ ∇ ′, arrows, ▶ ◀ — at a few sizes. Falls back to ImGui's
// built-in font, with a warning, when DejaVu is not installed.
#include <cstdio>
#include <filesystem>

#include "app/studio/ui.h"

namespace studio {
namespace {

constexpr const char* kFontDir = "/usr/share/fonts/truetype/dejavu/";

const ImWchar* glyph_ranges() {
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder b;
        static const ImWchar wanted[] = {
            0x0020, 0x00FF,  // Latin-1
            0x02B0, 0x02FF,  // spacing modifier letters: ˡ (layer l as a superscript)
            0x0370, 0x03FF,  // Greek: σ δ η λ Σ
            0x1D00, 0x1DBF,  // phonetic extensions: ᵢ ᵀ and other modifier letters
            0x2000, 0x206F,  // punctuation: ′ – — … ·
            0x2070, 0x209F,  // superscripts and subscripts: ¹ ² ₁ ₖ ₙ
            0x2190, 0x21FF,  // arrows: → ← ↺ ⇥
            0x2200, 0x22FF,  // math operators: ∂ Σ ∇ − ⊙ ≈
            0x2500, 0x25FF,  // box drawing, geometric shapes: ▶ ◀ ■ ●
            0x2700, 0x27BF,  // dingbats: ✓ ✗ ❚
            0x2C60, 0x2C7F,  // ⱼ
            0,
        };
        b.AddRanges(wanted);
        b.BuildRanges(&ranges);
    }
    return ranges.Data;
}

ImFont* add(const std::string& file, float px) {
    ImFontConfig cfg;
    cfg.OversampleH = 2;
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
    } else {
        std::fprintf(stderr,
                     "backprop-studio: warning: %s not found (Debian package fonts-dejavu-core); using the "
                     "built-in font, which shows Greek letters and sub/superscripts as '?'\n",
                     sans.c_str());
        ImFontConfig cfg;
        cfg.SizePixels = base;
        f.body = f.small = f.mono = atlas->AddFontDefault(&cfg);
        cfg.SizePixels = base * 1.45f;
        f.large = atlas->AddFontDefault(&cfg);
        cfg.SizePixels = base * 2.0f;
        f.huge = atlas->AddFontDefault(&cfg);
    }
    atlas->Build();
    return f;
}

}  // namespace studio
