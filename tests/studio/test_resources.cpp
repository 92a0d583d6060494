// The presets directory and its listing: found from the source tree in a build, every shipped preset
// listed with a title and a one-line description, starters first; odd files skipped.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/studio/state/resources.h"

using namespace studio;
namespace fs = std::filesystem;

TEST(Resources, FindsTheShippedPresets) {
    const std::string dir = presets_dir();
    ASSERT_FALSE(dir.empty());
    EXPECT_TRUE(fs::exists(fs::path(dir) / "spiral-2-8-8-8-1.json")) << dir;
    const std::vector<PresetInfo> all = list_presets();
    std::size_t json_files = 0;
    for (const auto& e : fs::directory_iterator(BP_PRESETS_DIR)) json_files += e.path().extension() == ".json";
    EXPECT_EQ(all.size(), json_files);
    int starters = 0;
    bool seen_course = false;
    for (const PresetInfo& p : all) {
        EXPECT_FALSE(p.title.empty()) << p.stem;
        EXPECT_FALSE(p.description.empty()) << p.stem;
        EXPECT_EQ(p.description.find('\n'), std::string::npos) << "one line: " << p.stem;
        EXPECT_TRUE(fs::exists(p.path));
        if (p.starter) {
            ++starters;
            EXPECT_FALSE(seen_course) << "starters come first";
        } else {
            seen_course = true;
        }
    }
    EXPECT_EQ(starters, 4);  // xor, circle, spiral, sine
}

TEST(Resources, SkipsWhatIsNotAPreset) {
    const fs::path dir = fs::temp_directory_path() / "bp_presets_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "b-net.json") << R"({"layers": [], "title": "B", "description": "second"})";
    std::ofstream(dir / "a-net.json") << R"({"layers": []})";
    std::ofstream(dir / "broken.json") << "{ not json";
    std::ofstream(dir / "notes.txt") << "hello";
    const std::vector<PresetInfo> p = list_presets(dir.string());
    ASSERT_EQ(p.size(), 2u);
    EXPECT_EQ(p[0].stem, "a-net");
    EXPECT_EQ(p[0].title, "a-net") << "no title: the file name";
    EXPECT_EQ(p[1].title, "B");
    EXPECT_EQ(p[1].description, "second");
    EXPECT_TRUE(list_presets((dir / "missing").string()).empty());
    fs::remove_all(dir);
}
