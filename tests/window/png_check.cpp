// png_check FILE WIDTH HEIGHT MIN_COLOURS [X Y W H MAX_SHARE]: exits 0 when FILE is a PNG of that size (0:
// any) that is not blank — at least MIN_COLOURS distinct colours, and no single colour covering more than
// 97 % of the pixels. With a region, the counts are of the region alone and no colour may cover more than
// MAX_SHARE of it (e.g. the Lab's plot: a decision field drawn is many colours, its absence one ground).
// Used by the window smoke tests to check the screenshots backprop-studio writes under Xvfb.
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include <stb_image.h>

int main(int argc, char** argv) {
    if (argc != 5 && argc != 10) {
        std::fprintf(stderr, "usage: png_check FILE WIDTH HEIGHT MIN_COLOURS [X Y W H MAX_SHARE]\n");
        return 2;
    }
    int w = 0, h = 0, channels = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &channels, 3);
    if (!px) {
        std::fprintf(stderr, "png_check: cannot read %s: %s\n", argv[1], stbi_failure_reason());
        return 1;
    }
    const int want_w = std::atoi(argv[2]), want_h = std::atoi(argv[3]), min_colours = std::atoi(argv[4]);
    int x0 = 0, y0 = 0, rw = w, rh = h;
    double max_share = 0.97;
    if (argc == 10) {
        x0 = std::atoi(argv[5]), y0 = std::atoi(argv[6]), rw = std::atoi(argv[7]), rh = std::atoi(argv[8]);
        max_share = std::atof(argv[9]);
        if (x0 < 0 || y0 < 0 || rw <= 0 || rh <= 0 || x0 + rw > w || y0 + rh > h) {
            stbi_image_free(px);
            return std::fprintf(stderr, "png_check: the region %d,%d %dx%d is not inside the %dx%d picture\n", x0, y0, rw, rh, w, h), 1;
        }
    }
    std::unordered_map<unsigned, long> counts;
    const long n = static_cast<long>(rw) * rh;
    for (int y = y0; y < y0 + rh; ++y)
        for (int x = x0; x < x0 + rw; ++x) {
            const long i = static_cast<long>(y) * w + x;
            ++counts[(px[3 * i] << 16) | (px[3 * i + 1] << 8) | px[3 * i + 2]];
        }
    stbi_image_free(px);
    long most = 0;
    for (const auto& [c, k] : counts) most = k > most ? k : most;
    const double share = n ? static_cast<double>(most) / n : 1.0;
    std::printf("%s: %dx%d, %zu colours, the most common covers %.1f %%\n", argv[1], w, h, counts.size(), 100 * share);
    if ((want_w > 0 && w != want_w) || (want_h > 0 && h != want_h)) return std::fprintf(stderr, "png_check: expected %dx%d\n", want_w, want_h), 1;
    if (static_cast<int>(counts.size()) < min_colours) return std::fprintf(stderr, "png_check: too few colours\n"), 1;
    if (share > max_share) return std::fprintf(stderr, "png_check: %s is almost one colour\n", argc == 10 ? "the region" : "the picture"), 1;
    return 0;
}
