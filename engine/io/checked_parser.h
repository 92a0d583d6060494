// The JSON parser of network files (serialize.h's parse_json_checked): nesting capped, a duplicate key
// refused, a syntax error or a number out of double's range named with its place. For a network file it
// also reads the number arrays — the bulk of the file — straight into rows of doubles instead of the tree.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace bp {

constexpr int kMaxJsonNesting = 64;  // deeper JSON than any network file: refused before parsing

// An array of arrays of numbers as the file wrote it (rows may differ in length: the reader names the
// row that does not fit). values holds the rows one after the other.
struct NumberRows {
    std::vector<double> values;
    std::vector<std::size_t> row_sizes;
};

// The number arrays read beside the tree, by their place in the file: "layers[2].weights", "data.inputs",
// "data.targets", "data.test.inputs", "data.test.targets". Only an array whose every element is an array
// of numbers is read so; the tree holds an empty array at its place. Any other value there (a row that
// is not an array, an entry that is not a number) stays in the tree, whole, for the reader's message.
using NumberArrays = std::map<std::string, NumberRows>;

struct ParsedJson {
    nlohmann::json tree;
    NumberArrays arrays;  // empty unless asked for
};

// Throws bp::Error ("not valid JSON: …", "duplicate key …", "the file nests …"), the same words with and
// without number arrays.
ParsedJson parse_checked(const std::string& text, bool read_number_arrays);

}  // namespace bp
