// Non-throwing path queries (see file_queries.h).
#include "app/studio/state/file_queries.h"

#include <filesystem>
#include <system_error>

namespace studio {
namespace fs = std::filesystem;

bool path_exists(const std::string& path) {
    std::error_code ec;
    return !path.empty() && fs::exists(path, ec) && !ec;
}

bool is_directory_path(const std::string& path) {
    std::error_code ec;
    return !path.empty() && fs::is_directory(path, ec) && !ec;
}

bool is_regular_file_path(const std::string& path) {
    std::error_code ec;
    return !path.empty() && fs::is_regular_file(path, ec) && !ec;
}

std::string working_directory() {
    std::error_code ec;
    const fs::path p = fs::current_path(ec);
    return ec || p.empty() ? "/" : p.string();
}

}  // namespace studio
