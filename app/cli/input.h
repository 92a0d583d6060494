// What every command reads from its arguments: the network file (the one positional NET.json), its
// data set (a clear error when the file has none), --sample n and --format json|table.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "app/cli/args.h"
#include "engine/core/document.h"
#include "engine/teaching/notation.h"

namespace cli {

enum class Format { json, table };

struct Input {
    std::string path;  // NET.json as given
    bp::Document doc;
};

// Loads the single positional argument. UsageError when it is missing or there are extra ones;
// bp::Error (naming the file and the field) when the file cannot be read or is not a valid network.
Input load_input(const ParsedArgs& a, std::string_view command);

// The file's data set, or bp::Error "NET.json has no \"data\": COMMAND needs ..." when it has none.
const bp::Dataset& require_data(const Input& in, std::string_view command);

// --sample n (0-based) checked against the data set; nullopt when the option is absent.
std::optional<int> sample_option(const ParsedArgs& a, const bp::Dataset& d);

// --format json|table, `fallback` when absent.
Format format_option(const ParsedArgs& a, Format fallback);

// --notation per-neuron|vector|derivation|batch (per-neuron when absent); another name is a usage error.
bp::Notation notation_option(const ParsedArgs& a);
inline constexpr const char* kNotationHelp =
    "  --notation NAME per-neuron (default: w^l_jk, z, a, δ = ∂L/∂z), vector (notes 002: x, h, f, ∂L/∂f),\n"
    "                  derivation (notes 003: a = Wz + b, z = f(a), ε = ∂L/∂a, δ = ∂L/∂z of a layer's\n"
    "                  output) or batch (notes 000: X, Ŷ = XW + b, W as n_in × n_out, dL/dŶ): the words\n"
    "                  change, never a number\n";

}  // namespace cli
