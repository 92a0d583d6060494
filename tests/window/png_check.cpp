// png_check FILE WIDTH HEIGHT MIN_COLOURS: exits 0 when FILE is a PNG of that size (0: any) that is not
// blank — at least MIN_COLOURS distinct colours, and no single colour covering more than 97 % of the pixels.
// Used by the window smoke tests to check the screenshots backprop-studio writes under Xvfb.
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include <stb_image.h>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: png_check FILE WIDTH HEIGHT MIN_COLOURS\n");
        return 2;
    }
    int w = 0, h = 0, channels = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &channels, 3);
    if (!px) {
        std::fprintf(stderr, "png_check: cannot read %s: %s\n", argv[1], stbi_failure_reason());
        return 1;
    }
    const int want_w = std::atoi(argv[2]), want_h = std::atoi(argv[3]), min_colours = std::atoi(argv[4]);
    std::unordered_map<unsigned, long> counts;
    const long n = static_cast<long>(w) * h;
    for (long i = 0; i < n; ++i) ++counts[(px[3 * i] << 16) | (px[3 * i + 1] << 8) | px[3 * i + 2]];
    stbi_image_free(px);
    long most = 0;
    for (const auto& [c, k] : counts) most = k > most ? k : most;
    const double share = n ? static_cast<double>(most) / n : 1.0;
    std::printf("%s: %dx%d, %zu colours, the most common covers %.1f %%\n", argv[1], w, h, counts.size(), 100 * share);
    if ((want_w > 0 && w != want_w) || (want_h > 0 && h != want_h)) return std::fprintf(stderr, "png_check: expected %dx%d\n", want_w, want_h), 1;
    if (static_cast<int>(counts.size()) < min_colours) return std::fprintf(stderr, "png_check: too few colours\n"), 1;
    if (share > 0.97) return std::fprintf(stderr, "png_check: the picture is almost blank\n"), 1;
    return 0;
}
