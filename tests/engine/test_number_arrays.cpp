// The loader reads a network file's number arrays (weights, inputs, targets) beside the tree
// (engine/io/checked_parser.h): every file must give the same document, or the same message, as when
// the whole file goes through nlohmann's tree (parse_json_checked + document_from_json).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/error.h"
#include "engine/core/rng.h"
#include "engine/io/serialize.h"
#include "engine/io/text_file.h"

namespace bp {
namespace {

// "Document <dump>" when the text loads, else "Error <message>".
template <class Load>
std::string outcome(Load load) {
    try {
        return "Document " + dump_document(load());
    } catch (const Error& e) {
        return std::string("Error ") + e.what();
    }
}

std::string through_arrays(const std::string& text) { return outcome([&] { return parse_document(text); }); }
std::string through_tree(const std::string& text) {
    return outcome([&] { return document_from_json(parse_json_checked(text)); });
}

// A 2-2-1 network with a training set of 3 and a test set of 1; one of its arrays replaced by `text`.
struct Slots {
    std::string w1 = "[[1, 2], [3, 4]]", w2 = "[[1, 2]]", inputs = "[[1, 2], [3, 4], [5, 6]]",
                targets = "[[0], [1], [1]]", test_inputs = "[[0.5, 0.5]]", test_targets = "[[1]]";
    std::string file() const {
        return R"({"title": "t", "layers": [{"size": 2},
            {"size": 2, "activation": "tanh", "weights": )" + w1 + R"(, "biases": [0, 0.5]},
            {"size": 1, "activation": "sigmoid", "weights": )" + w2 + R"(, "biases": [-1]}],
          "loss": "binary_cross_entropy",
          "data": {"inputs": )" + inputs + R"(, "targets": )" + targets + R"(,
                   "test": {"inputs": )" + test_inputs + R"(, "targets": )" + test_targets + "}}}";
    }
};

TEST(NumberArrays, EveryArrayGivesTheTreesDocumentOrMessage) {
    const std::vector<std::string> replacements = {
        "[]", "[[]]", "[[], []]", "[1, 2]", "[[1, 2], 3]", "[[1, \"a\"]]", "[[1, [2]]]", "[[1, 2], [[3], 4]]",
        "[[1, {}]]", "[[1, {\"a\": 1}], [2]]", "[[1, null]]", "[[true, 1]]", "[{}]", "[\"x\"]", "[null]",
        "[[1, 2], [3, 4], [5]]", "[[1, 2], [3, 4], [5, 6, 7]]", "[[1e999]]", "[[1, 2], [1e999, 0]]",
        "[[1, 2], 1e999]", "[[1, 2], [3, -1e400]]", "[[1, 2], [3, 4]]", "[[1], [0], [1]]", "{}", "null", "7",
        "\"text\"", "[[-0, 18446744073709551615], [1e-320, -9223372036854775808], [0.1, 2.5e+300]]",
        "[[0], [1], [0.5]]", "[[1, 2]]", "[[2]]", "[[1, 2], [3, 4], [5, 6], [7, 8]]", "[[1, 2],,]", "[[1, 2]",
        "[[1 2]]", "[[01]]", "[[1, 2], [3, \"x\"], [1e999]]", "[[1, 2], \"x\", [1e999]]",
        "[[1, 2], [3, 4, \"x\", 1e999]]", "[[1, 2], [3, 4], null, 1e999]", "[[1.]]", "[[NaN]]", "[[1, 2], [3, 4], [5, 6]] ", "[[1, 2], []]",
    };
    std::string Slots::*const slots[] = {&Slots::w1, &Slots::w2, &Slots::inputs, &Slots::targets, &Slots::test_inputs,
                                         &Slots::test_targets};
    int documents = 0, errors = 0;
    for (std::string Slots::*slot : slots)
        for (const std::string& replacement : replacements) {
            Slots s;
            s.*slot = replacement;
            const std::string text = s.file();
            const std::string got = through_arrays(text);
            EXPECT_EQ(got, through_tree(text)) << text;
            (got.rfind("Document", 0) == 0 ? documents : errors)++;
        }
    EXPECT_GT(documents, 5);  // both kinds of outcome are exercised
    EXPECT_GT(errors, 100);
}

TEST(NumberArrays, AnOverflowInAnArrayIsNamedByItsPlace) {
    Slots s;
    s.inputs = "[[1, 2], [3, 1e999], [5, 6]]";
    EXPECT_EQ(through_arrays(s.file()),
              "Error not valid JSON: number overflow parsing '1e999' (at data.inputs[1][1])");
    s = {};
    s.test_targets = "[[1], -2e999]";
    EXPECT_EQ(through_arrays(s.file()),
              "Error not valid JSON: number overflow parsing '-2e999' (at data.test.targets[1])");
    s = {};
    s.w2 = "[[1, \"x\"], [1e999]]";  // the array went to the tree at "x": the tree's place, the same words
    EXPECT_EQ(through_arrays(s.file()),
              "Error not valid JSON: number overflow parsing '1e999' (at layers[2].weights[1][0])");
}

TEST(NumberArrays, ArraysElsewhereStayInTheTree) {
    // Only the places of a network file are read beside the tree: the same keys elsewhere are kept.
    const std::string text = R"({"layers": [{"size": 1}, {"size": 1, "activation": "linear", "weights": [[2]],
        "biases": [0]}], "loss": "mse", "view": {"weights": [[1, 2]], "inputs": [[3]]}, "inputs": [[4]]})";
    const Document d = parse_document(text);
    EXPECT_EQ((*d.extra)["view"]["weights"][0][1], 2);
    EXPECT_EQ((*d.extra)["view"]["inputs"][0][0], 3);
    EXPECT_EQ((*d.extra)["inputs"][0][0], 4);
    EXPECT_EQ(d.net.layers[1].W(0, 0), 2.0);
    EXPECT_EQ(through_arrays(text), through_tree(text));
}

TEST(NumberArrays, TextTheScanLeavesToNlohmannGivesTheSameOutcome) {
    const std::string file = Slots{}.file();
    const auto with = [&](const std::string& from, const std::string& to) {
        std::string s = file;
        return s.replace(s.find(from), from.size(), to);
    };
    const std::vector<std::string> texts = {
        "\xEF\xBB\xBF" + file,                                    // a byte-order mark: nlohmann skips it
        with("\"weights\": [[1, 2]]", "\"weig\\u0068ts\": [[1, 2]]"),  // an escaped key: the tree's place
        with("\"inputs\": ", "\"inputs\": [[1, 2]], \"inputs\": "),   // a duplicate key
        with("\"targets\": [[0]", "\"targets\": [[0.5e1]"),           // a target out of range
        with("\"title\": \"t\"", "\"title\": \"a\tb\""),            // a raw tab in a string: invalid
        with("\"title\": \"t\"", "\"title\": \"\\\"inputs\\\": [[1]]\""),  // an array's text inside a string
        with("{\"size\": 2}", "{\"size\": 2, \"weights\": [[1]]}"),   // weights on the input layer
        with("\"title\": \"t\"", "\"title\": " + std::string(63, '[') + std::string(63, ']')),  // 64 levels: kept
        with("\"title\": \"t\"", "\"title\": " + std::string(64, '[') + std::string(64, ']')),  // 65: refused
        file + " x", file.substr(0, file.size() - 1), "[" + file + "]", "{\"data\": [[[1]]]}",
    };
    for (const std::string& text : texts) EXPECT_EQ(through_arrays(text), through_tree(text)) << text;
}

// Decimal texts of every shape: integers past 2^64, long mantissas, halfway cases, subnormals, underflow
// to 0, "-0" (an integer 0 to nlohmann, so +0) and "-0.0"; read by the scan's from_chars and by nlohmann's
// lexer they must give the same doubles (the dumps differ in the last digit, or in 0.0 against -0.0).
std::string random_json_number(Rng& rng) {
    static const char* kSpecial[] = {"0", "-0", "-0.0", "0e0", "-0e-5", "1", "-1", "18446744073709551615",
                                     "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
                                     "123456789012345678901234567890", "9007199254740993", "2.2250738585072011e-308",
                                     "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
                                     "1e-400", "-1e-400", "1.7976931348623157e308", "1.7976931348623158e308",
                                     "0.1e1", "1E+2", "1e-2", "0.30000000000000004", "7.2057594037927933e16"};
    if (rng.below(4) == 0) return kSpecial[rng.below(static_cast<int>(std::size(kSpecial)))];
    std::string s = rng.below(2) ? "-" : "";
    const int digits = 1 + rng.below(25);
    s += static_cast<char>('1' + rng.below(9));
    for (int i = 1; i < digits; ++i) s += static_cast<char>('0' + rng.below(10));
    if (rng.below(2)) {
        s += '.';
        for (int i = 0, n = 1 + rng.below(20); i < n; ++i) s += static_cast<char>('0' + rng.below(10));
    }
    if (rng.below(2)) s += (rng.below(2) ? "e" : "E") + std::string(rng.below(3) == 0 ? "-" : rng.below(2) ? "+" : "") +
                           std::to_string(rng.below(340));
    return s;
}

TEST(NumberArrays, NumbersAreReadAsNlohmannReadsThem) {
    Rng rng(25);
    int documents = 0;
    for (int file = 0; file < 300; ++file) {
        Slots s;  // 2-column inputs with 3 rows: 6 numbers a file in the training inputs, 4 in the weights
        s.inputs = "[";
        for (int r = 0; r < 3; ++r)
            s.inputs += std::string(r ? ", " : "") + "[" + random_json_number(rng) + ", " + random_json_number(rng) + "]";
        s.inputs += "]";
        s.w1 = "[[" + random_json_number(rng) + ", " + random_json_number(rng) + "], [" + random_json_number(rng) +
               ",\n" + random_json_number(rng) + "]]";
        const std::string text = s.file();
        const std::string got = through_arrays(text);
        EXPECT_EQ(got, through_tree(text)) << text;
        documents += got.rfind("Document", 0) == 0;
    }
    EXPECT_GT(documents, 100);  // most files load: their numbers are compared through the dumps
}

TEST(NumberArrays, EveryPresetLoadsAsThroughTheTree) {
    int files = 0;
    for (const char* dir : {BP_PRESETS_DIR, BP_TEST_DATA})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
            if (entry.path().extension() != ".json") continue;
            const std::string text = read_text_file(entry.path().string(), "a test file");
            EXPECT_EQ(through_arrays(text), through_tree(text)) << entry.path();
            ++files;
        }
    EXPECT_GT(files, 10);
}

}  // namespace
}  // namespace bp
