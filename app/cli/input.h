// What every command reads from its arguments: the network file (the one positional NET.json), its
// data set (a clear error when the file has none), --sample n and --format json|table.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "app/cli/args.h"
#include "engine/core/document.h"

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

}  // namespace cli
