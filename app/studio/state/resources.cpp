// Finding and listing the presets (see resources.h).
#include "app/studio/state/resources.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "engine/lessons/lesson_library.h"

namespace studio {
namespace {

namespace fs = std::filesystem;

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

std::string string_field(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string presets_dir() { return bp::asset_dir("presets"); }
std::string expression_presets_dir() { return bp::asset_dir("expressions"); }

std::vector<PresetInfo> list_presets(const std::string& dir) {
    std::vector<PresetInfo> out;
    if (dir.empty() || !is_dir(dir)) return out;
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {  // never the throwing ++
        const fs::directory_entry& e = *it;
        if (e.path().extension() != ".json" || !e.is_regular_file(ec)) continue;
        std::ifstream in(e.path());
        std::stringstream text;
        text << in.rdbuf();
        const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
        if (!j.is_object()) continue;
        PresetInfo p;
        p.stem = e.path().stem().string();
        p.path = e.path().string();
        p.title = string_field(j, "title");
        if (p.title.empty()) p.title = p.stem;
        p.description = string_field(j, "description");
        p.starter = j.contains("dataset");
        out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const PresetInfo& a, const PresetInfo& b) {
        return a.starter != b.starter ? a.starter : a.stem < b.stem;
    });
    return out;
}

std::vector<PresetInfo> list_presets() { return list_presets(presets_dir()); }

std::string presets_listing() {
    std::string out;
    for (const PresetInfo& p : list_presets()) out += p.stem + "\t" + p.title + "\n";
    return out;
}

}  // namespace studio
