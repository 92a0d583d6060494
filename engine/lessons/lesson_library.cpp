// Finding the program's lessons and presets, and listing lessons (see lesson_library.h).
#include "engine/lessons/lesson_library.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace bp {
namespace lesson_library_detail {

namespace fs = std::filesystem;

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

// <exe dir>/../share/backprop-studio, or "" when the program cannot be located.
fs::path installed_share() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return {};
    return exe.parent_path().parent_path() / "share" / "backprop-studio";
}

// The title on a lesson's first line ("# Title"), or "" when it has none.
std::string first_line_title(const fs::path& p) {
    std::ifstream in(p);
    std::string line;
    if (!std::getline(in, line)) return "";
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("# ", 0) != 0) return "";
    const std::size_t b = line.find_first_not_of(' ', 2);
    return b == std::string::npos ? "" : line.substr(b);
}

}  // namespace lesson_library_detail

std::string asset_dir(const std::string& kind) {
    using namespace lesson_library_detail;
    if (const fs::path share = installed_share(); !share.empty() && is_dir(share / kind))
        return (share / kind).lexically_normal().string();
#ifdef BP_SOURCE_ASSETS
    if (const fs::path p = fs::path(BP_SOURCE_ASSETS) / kind; is_dir(p)) return p.string();
#endif
    return "";
}

LessonResolver installed_resolver() { return {asset_dir("presets"), asset_dir("expressions")}; }

std::vector<LessonInfo> list_lessons(const std::string& dir) {
    using namespace lesson_library_detail;
    std::vector<LessonInfo> out;
    if (dir.empty() || !is_dir(dir)) return out;
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& e = *it;
        std::error_code regular;
        if (e.path().extension() != ".md" || !e.is_regular_file(regular)) continue;
        LessonInfo info{e.path().stem().string(), e.path().string(), first_line_title(e.path())};
        if (info.title.empty()) info.title = info.stem;
        out.push_back(std::move(info));
    }
    std::sort(out.begin(), out.end(), [](const LessonInfo& a, const LessonInfo& b) { return a.stem < b.stem; });
    return out;
}

}  // namespace bp
