// A fresh empty folder per test (under the temp directory, named after the test and the process), removed
// afterwards: the studio tests that write files (test_files.cpp, test_expression.cpp) share it.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <string>

namespace studio::test {

struct Scratch {
    std::filesystem::path dir;
    explicit Scratch(const std::string& name)
        : dir(std::filesystem::temp_directory_path() / ("bp_files_" + name + "_" + std::to_string(getpid()))) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    ~Scratch() { std::filesystem::remove_all(dir); }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    std::string operator/(const std::string& f) const { return (dir / f).string(); }
};

}  // namespace studio::test
