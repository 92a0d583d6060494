// The bad-input suite through backprop-cli (issue 9): every file in tests/data/bad/ given to `trace` and
// to `train` ends with exit status 2, nothing on stdout, and one message on stderr naming the file and
// the field (the part listed in tests/data/bad/expected.tsv) — never an abort, an uncaught exception or
// a sanitizer report. Plus inputs too large to keep as files, with a bound on the CLI's peak memory.
#include <sys/resource.h>

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;

namespace {

const std::string kBadDir = std::string(BP_TEST_DATA) + "/bad";

struct BadFile {
    std::string file, expected;
};

std::vector<BadFile> bad_files() {
    std::ifstream in(kBadDir + "/expected.tsv");
    std::vector<BadFile> out;
    for (std::string line; std::getline(in, line);) {
        const auto tab = line.find('\t');
        if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
        out.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    return out;
}

// What must never reach stderr: the C++ runtime's last words, a signal, or a sanitizer.
const char* const kCrashSigns[] = {"terminate called", "Aborted", "Segmentation", "Sanitizer", "runtime error:",
                                   "internal error", "what():", "json.exception"};

void expect_clean_refusal(const RunResult& r, const std::string& path, const std::string& expected,
                          const std::string& context) {
    EXPECT_EQ(r.status, 2) << context << "\n" << r.err;
    EXPECT_EQ(r.out, "") << context;
    EXPECT_NE(r.err.find(path), std::string::npos) << context << ": the message should name the file\n" << r.err;
    EXPECT_NE(r.err.find(expected), std::string::npos) << context << "\n  stderr:   " << r.err << "  expected: " << expected;
    for (const char* sign : kCrashSigns) EXPECT_EQ(r.err.find(sign), std::string::npos) << context << "\n" << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << context << ": one line on stderr\n" << r.err;
}

long children_peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return u.ru_maxrss / 1024;
}

}  // namespace

TEST(CliBadInput, EveryBadFileIsRefusedByTraceAndTrain) {
    const auto files = bad_files();
    ASSERT_GE(files.size(), 100u);
    for (const BadFile& b : files) {
        const std::string path = kBadDir + "/" + b.file;
        expect_clean_refusal(run_cli({"trace", path}), path, b.expected, "trace " + b.file);
        expect_clean_refusal(run_cli({"train", path, "--steps", "3"}), path, b.expected, "train " + b.file);
    }
}

TEST(CliBadInput, EveryCommandRefusesABadFileTheSameWay) {
    const std::string path = kBadDir + "/dims-weight-row-long.json";
    const std::string expected = "layers[2].weights row 1 has 4 entries, expected 3";
    expect_clean_refusal(run_cli({"paths", path, "--weight", "1,0,0"}), path, expected, "paths");
    expect_clean_refusal(run_cli({"gradcheck", path}), path, expected, "gradcheck");
    expect_clean_refusal(run_cli({"steps", path}), path, expected, "steps");
    expect_clean_refusal(run_cli({"trace", path, "--format", "table"}), path, expected, "trace --format table");
}

TEST(CliBadInput, HugeGeneratedInputsAreRefusedWithinAMemoryBound) {
    TempDir dir;
    std::string empty_rows = R"({"layers": [{"size": 256}, {"size": 1, "activation": "linear", "weights": [[)";
    for (int k = 0; k < 256; ++k) empty_rows += k ? ",0" : "0";
    empty_rows += R"(]], "biases": [0]}], "loss": "mse", "data": {"inputs": [)";
    for (int n = 0; n < 1000000; ++n) empty_rows += n ? ",[]" : "[]";
    empty_rows += R"(], "targets": [[0]]}})";
    const struct {
        std::string name, text, expected;
    } cases[] = {
        {"deep.json", std::string(100000, '[') + std::string(100000, ']'), "deeper than 64 levels"},
        {"empty-rows.json", empty_rows, "data.inputs row 0 has 0 entries, expected 256"},
        {"garbage.json", std::string(10 << 20, 'x'), "not valid JSON: parse error at line 1"},
    };
    for (const auto& c : cases) {
        const std::string path = dir.write(c.name, c.text);
        expect_clean_refusal(run_cli({"trace", path}), path, c.expected, c.name);
        // The text and its JSON tree take a few hundred MB at most; a 10^6 x 256 matrix would be 2 GB.
        EXPECT_LT(children_peak_rss_mb(), 1000) << c.name;
    }
}

TEST(CliBadInput, PathsThatAreNotNetworkFiles) {
    TempDir dir;
    expect_clean_refusal(run_cli({"trace", dir.path("")}), dir.path(""), "is a folder, not a network file", "folder");
    const std::string missing = dir.path("missing.json");
    expect_clean_refusal(run_cli({"trace", missing}), missing, "cannot open", "missing file");
    const std::string empty = dir.write("empty.json", "");
    expect_clean_refusal(run_cli({"trace", empty}), empty, "not valid JSON", "empty file");
}
