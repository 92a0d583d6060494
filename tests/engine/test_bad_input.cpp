// The bad-input suite (issue 9): every file in tests/data/bad/ is refused by bp::load_document with a
// bp::Error naming the file and the field (tests/data/bad/expected.tsv lists the message part each must
// give), plus inputs too large to keep as files, generated here, and odd inputs that must still load.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/core/error.h"
#include "engine/io/serialize.h"

namespace bp {
namespace {

namespace fs = std::filesystem;

const std::string kBadDir = std::string(BP_TEST_DATA) + "/bad";

struct BadFile {
    std::string file;      // name in tests/data/bad
    std::string expected;  // part of the message
    std::string kind() const { return file.substr(0, file.find('-')); }
};

std::vector<BadFile> bad_files() {
    std::ifstream in(kBadDir + "/expected.tsv");
    std::vector<BadFile> out;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        out.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    return out;
}

// The message of the bp::Error that loading `path` throws; "(loaded)" when it loads, and the type's
// name when something other than bp::Error escapes.
std::string load_error(const std::string& path) {
    try {
        load_document(path);
    } catch (const Error& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("(not a bp::Error) ") + e.what();
    }
    return "(loaded)";
}

std::string write_temp(const std::string& name, const std::string& text) {
    const std::string path = (fs::temp_directory_path() / ("bp-bad-" + std::to_string(::getpid()) + "-" + name)).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

long peak_rss_kb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

const char* kSmall = R"({"layers": [{"size": 2},
  {"size": 3, "activation": "sigmoid", "weights": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], "biases": [0.1, 0.2, 0.3]}],
  "loss": "mse", "data": {"inputs": [[1, 2]], "targets": [[0, 1, 0]]}})";

// A network whose input layer has `width` neurons and whose data.inputs is `rows` copies of `row`.
std::string with_inputs(int width, long rows, const std::string& row) {
    std::string text = R"({"layers": [{"size": )" + std::to_string(width) +
                       R"(}, {"size": 1, "activation": "linear", "weights": [[)";
    for (int k = 0; k < width; ++k) text += k ? ",0" : "0";
    text += R"(]], "biases": [0]}], "loss": "mse", "data": {"inputs": [)";
    text.reserve(text.size() + rows * (row.size() + 1) + 64);
    for (long n = 0; n < rows; ++n) (text += n ? "," : "") += row;
    return text + R"(], "targets": [[0]]}})";
}

TEST(BadInput, EveryFileIsListedWithItsExpectedMessage) {
    std::set<std::string> listed, present;
    for (const BadFile& b : bad_files()) EXPECT_TRUE(listed.insert(b.file).second) << "listed twice: " << b.file;
    for (const auto& entry : fs::directory_iterator(kBadDir))
        if (entry.path().extension() == ".json") present.insert(entry.path().filename().string());
    EXPECT_EQ(listed, present) << "tests/data/bad/expected.tsv and the files in tests/data/bad differ";
    EXPECT_GE(listed.size(), 100u);
}

TEST(BadInput, EachFileIsRefusedWithAMessageNamingTheField) {
    std::map<std::string, int> per_kind;
    for (const BadFile& b : bad_files()) {
        const std::string path = kBadDir + "/" + b.file;
        const std::string msg = load_error(path);
        // load_document prefixes the path, then the field and the reason.
        EXPECT_EQ(msg.rfind(path + ": ", 0), 0u) << b.file << ": " << msg;
        EXPECT_NE(msg.find(b.expected), std::string::npos)
            << b.file << "\n  message:  " << msg << "\n  expected: " << b.expected;
        EXPECT_LT(msg.size(), 600u) << b.file << ": the message should be one readable line";
        EXPECT_EQ(msg.find('\n'), std::string::npos) << b.file << ": " << msg;
        ++per_kind[b.kind()];
    }
    std::ostringstream table;
    for (const auto& [kind, n] : per_kind) table << "  " << kind << ": " << n << "\n";
    std::cout << "bad-input files per class:\n" << table.str();
    EXPECT_GE(per_kind.size(), 15u);
}

// Inputs too large to keep in the repository, written to a temporary file and loaded the same way.
TEST(BadInput, HugeGeneratedInputsAreRefusedQuicklyAndWithoutAHugeAllocation) {
    struct Generated {
        const char* name;
        std::string text;
        const char* expected;
    };
    const std::string W3 = "[0.1, 0.2]";
    std::string million_rows = "[";
    for (int r = 0; r < 1000000; ++r) (million_rows += r ? "," : "") += W3;
    million_rows += "]";
    const std::string weights = "[[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]";
    const auto small_with = [](const std::string& from, const std::string& to) {
        std::string s = kSmall;
        return s.replace(s.find(from), from.size(), to);
    };
    const Generated cases[] = {
        {"nesting-100000", std::string(100000, '[') + std::string(100000, ']'), "deeper than 64 levels"},
        {"nesting-objects-100000", [] {
             std::string s;
             for (int i = 0; i < 100000; ++i) s += "{\"a\":";
             return s + "1" + std::string(100000, '}');
         }(), "deeper than 64 levels"},
        {"huge-million-weight-rows", small_with(weights, million_rows),
         "layers[1].weights has 1000000 rows, expected 3"},
        {"huge-million-and-one-inputs", with_inputs(2, 1000001, "[0,0]"), "data.inputs has too many rows (1000001)"},
        // 10^6 empty rows for a 256-wide input: refused at row 0 before a 10^6 x 256 matrix (2 GB) exists.
        {"huge-million-empty-rows", with_inputs(256, 1000000, "[]"), "data.inputs row 0 has 0 entries, expected 256"},
        {"huge-ten-megabytes-of-x", std::string(10 << 20, 'x'), "not valid JSON: parse error at line 1"},
        {"huge-number-of-digits", small_with("0.5, 0.6", "0." + std::string(1 << 20, '5') + ", 0.6"),
         ""},  // a million digits is still a number: loads (checked below)
    };
    for (const Generated& g : cases) {
        const std::string path = write_temp(g.name, g.text);
        const long rss_before = peak_rss_kb();
        const std::string msg = load_error(path);
        const long grown_mb = (peak_rss_kb() - rss_before) / 1024;
        fs::remove(path);
        if (std::string(g.expected).empty()) {
            EXPECT_EQ(msg, "(loaded)") << g.name;
            continue;
        }
        EXPECT_EQ(msg.rfind(path + ": ", 0), 0u) << g.name << ": " << msg.substr(0, 300);
        EXPECT_NE(msg.find(g.expected), std::string::npos) << g.name << ": " << msg.substr(0, 300);
        // The text and its parsed JSON are at most a few hundred MB; nothing in the order of 2 GB.
        EXPECT_LT(grown_mb, 700) << g.name << ": peak memory grew by " << grown_mb << " MB";
    }
}

TEST(BadInput, PathsThatAreNotNetworkFiles) {
    EXPECT_NE(load_error("/nonexistent/folder/net.json").find("/nonexistent/folder/net.json: cannot open"),
              std::string::npos);
    const std::string dir = fs::temp_directory_path().string();
    const std::string msg = load_error(dir);
    EXPECT_EQ(msg, dir + ": is a folder, not a network file");
    const std::string empty = write_temp("empty.json", "");
    EXPECT_NE(load_error(empty).find("not valid JSON"), std::string::npos) << load_error(empty);
    fs::remove(empty);
}

// Odd but valid inputs: these must load (the suite refuses bad files, not unusual good ones).
TEST(BadInput, OddButValidFilesStillLoad) {
    const std::string base = kSmall;
    const auto with = [&](const std::string& from, const std::string& to) {
        std::string s = base;
        return s.replace(s.find(from), from.size(), to);
    };
    const std::string title = R"({"layers")";
    const std::string nested_64 = std::string(63, '[') + std::string(63, ']');  // 64 levels with the top object
    const std::pair<const char*, std::string> cases[] = {
        {"UTF-8 byte order mark", "\xEF\xBB\xBF" + base},
        {"brackets inside a string", with(title, R"({"title": ")" + std::string(5000, '[') + R"(", "layers")")},
        {"escaped quote before brackets", with(title, R"({"title": "a\"[[[[", "layers")")},
        {"64 levels of nesting", with(title, R"({"view": )" + nested_64 + R"(, "layers")")},
        {"NUL escape and emoji in a title", with(title, R"({"title": "a\u0000b \ud83d\ude00 é", "layers")")},
        {"sizes written as 2.0", with(R"({"size": 2})", R"({"size": 2.0})")},
        {"denormal and negative-zero weights", with("0.1, 0.2]", "5e-324, -0.0]")},
        {"exponent forms", with("0.3, 0.4]", "3E-1, 0.04e+1]")},
        {"data: null", with(R"("data": {"inputs": [[1, 2]], "targets": [[0, 1, 0]]})", R"("data": null)")},
        {"unknown keys everywhere", with(R"("loss": "mse")", R"("loss": "mse", "x": {"y": [1, "z", null]})")},
        {"CRLF line ends and tabs", [&] {
             std::string s;
             for (char c : base) s += c == '\n' ? std::string("\r\n\t") : std::string(1, c);
             return s;
         }()},
    };
    for (const auto& [name, text] : cases) {
        const std::string path = write_temp("odd.json", text);
        EXPECT_EQ(load_error(path), "(loaded)") << name;
        fs::remove(path);
    }
}

}  // namespace
}  // namespace bp
