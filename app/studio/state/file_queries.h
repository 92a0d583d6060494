// Questions about paths that never throw. A path the system cannot look at — permission denied, a
// symlink loop, a name too long, a folder deleted under us — counts as not there, so a bad entry in the
// recent list or the settings can never stop the program from starting (std::filesystem's throwing
// overloads abort a start on such a path).
#pragma once
#include <string>

namespace studio {

bool path_exists(const std::string& path);
bool is_directory_path(const std::string& path);
bool is_regular_file_path(const std::string& path);
std::string working_directory();  // "/" when the current directory is gone

}  // namespace studio
