// dump_document writes the number arrays itself (engine/io/document_writer.h): its text must be, byte for
// byte, nlohmann's dump(2) of document_to_json — for every preset and test file, and for random networks
// whose numbers reach every corner of double (subnormals, ±0, 1e±300, integers, NaN and ±∞ as null).
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/rng.h"
#include "engine/io/serialize.h"
#include "engine/io/text_file.h"

namespace bp {
namespace {
using nlohmann::json;

std::string through_tree(const Document& doc) { return document_to_json(doc).dump(2) + "\n"; }

// A double from one of the kinds that format differently.
double random_double(Rng& rng) {
    static const double kSpecial[] = {0.0, -0.0, 1.0, -1.0, 0.1, 1.0 / 3, 1e-7, 1e-5, 1e-4, 1e-3, 1e15, 1e16, 1e17,
                                      1e21, 1e22, 1e300, -1e300, 1e-300, 5e-324, -5e-324, 2.2250738585072014e-308,
                                      2.225073858507201e-308, std::numeric_limits<double>::max(),
                                      std::numeric_limits<double>::lowest(), 9007199254740993.0, 123456789012345678.0,
                                      std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                                      -std::numeric_limits<double>::infinity()};
    switch (rng.below(5)) {
        case 0: return kSpecial[rng.below(static_cast<int>(std::size(kSpecial)))];
        case 1: return std::bit_cast<double>(rng.next_u64());  // any bits: every exponent, subnormals, NaN
        case 2: return static_cast<double>(rng.below(2000001) - 1000000);  // an integer stored as a double
        case 3: return rng.uniform(-1, 1) * std::pow(10.0, rng.below(629) - 320);  // any decimal exponent
        default: return rng.uniform(-3, 3);  // a typical weight
    }
}

Matrix random_matrix(Rng& rng, int rows, int cols) {
    Matrix m(rows, cols);
    for (double& x : m.v) x = random_double(rng);
    return m;
}

// Keys the engine does not know, with strings that need escaping and values of every kind.
json random_extra(Rng& rng, int layers) {
    if (rng.below(10) == 0) return json::array({1, 2});  // not an object: the writer starts from {}
    json extra = json::object();
    if (rng.below(2)) extra["title"] = "Ré\"sumé\\ \n\t\x01 ∂L/∂w";
    if (rng.below(2)) extra["view"] = {{"zoom", random_double(rng)}, {"list", {1, 2.5, "x", nullptr, true, json::object(), json::array()}}};
    if (rng.below(2)) extra["z-last"] = json::array({json::array({1e-9, 3}), json::object({{"k", -0.0}})});
    if (rng.below(3)) {
        json old_layers = json::array();
        for (int l = 0; l < layers + rng.below(3) - 1; ++l) {
            json layer = {{"note", "layer " + std::to_string(l)}};
            if (l == 0 && rng.below(2)) layer["weights"] = {{1, 2}};  // kept as it is: not the engine's
            old_layers.push_back(rng.below(8) ? layer : json(7));
        }
        extra["layers"] = old_layers;
    }
    if (rng.below(2)) extra["data"] = {{"kind", "circle"}, {"test", rng.below(2) ? json{{"note", 1}} : json(nullptr)}};
    if (rng.below(2)) extra["training"] = rng.below(4) ? json{{"custom", 7}, {"learning_rate", 3}} : json("x");
    if (rng.below(4) == 0) extra["format_version"] = 1;
    return extra;
}

Document random_document(Rng& rng) {
    Document doc;
    const int L = 1 + rng.below(4);
    for (int l = 0; l <= L; ++l) {
        Layer layer;
        layer.size = 1 + rng.below(5);
        if (l > 0) {
            layer.bias = rng.below(4) != 0;
            layer.W = random_matrix(rng, layer.size, doc.net.layers.back().size);
            for (int j = 0; j < layer.size; ++j) layer.b.push_back(random_double(rng));
        }
        doc.net.layers.push_back(layer);
    }
    if (rng.below(3)) {
        const int n = rng.below(5);
        doc.data = Dataset{random_matrix(rng, n, doc.net.input_size()), random_matrix(rng, n, doc.net.output_size())};
        if (rng.below(2)) doc.test = Dataset{random_matrix(rng, 1, doc.net.input_size()), random_matrix(rng, 1, doc.net.output_size())};
    }
    doc.training.optimizer = static_cast<OptimizerKind>(rng.below(3));
    doc.training.learning_rate = random_double(rng);
    doc.training.seed = rng.next_u64();
    doc.extra = random_extra(rng, L + 1);
    return doc;
}

TEST(DocumentWriter, RandomNetworksAreWrittenAsDumpWritesThem) {
    Rng rng(2026);
    for (int i = 0; i < 600; ++i) {
        const Document doc = random_document(rng);
        ASSERT_EQ(dump_document(doc), through_tree(doc)) << "document " << i;
    }
}

TEST(DocumentWriter, EveryPresetAndTestFileIsWrittenAsDumpWritesIt) {
    int files = 0;
    for (const char* dir : {BP_PRESETS_DIR, BP_TEST_DATA})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
            if (entry.path().extension() != ".json") continue;
            Document doc;
            try {
                doc = parse_document(read_text_file(entry.path().string(), "a test file"));
            } catch (const Error&) {
                continue;  // the bad files of tests/data
            }
            EXPECT_EQ(dump_document(doc), through_tree(doc)) << entry.path();
            ++files;
        }
    EXPECT_GT(files, 10);
}

TEST(DocumentWriter, AnEmptyDataSetAndNonFiniteNumbers) {
    Document doc;
    doc.net.layers.resize(2);
    doc.net.layers[0].size = 2;
    doc.net.layers[1] = {1, Activation::sigmoid, true, Matrix(1, 2), {std::numeric_limits<double>::quiet_NaN()}};
    doc.net.layers[1].W(0, 1) = -std::numeric_limits<double>::infinity();
    doc.data = Dataset{Matrix(0, 2), Matrix(0, 1)};
    const std::string text = dump_document(doc);
    EXPECT_EQ(text, through_tree(doc));
    EXPECT_NE(text.find("\"inputs\": []"), std::string::npos) << text;
    EXPECT_NE(text.find("\"biases\": [\n        null\n      ]"), std::string::npos) << text;
}

}  // namespace
}  // namespace bp
