// What every command reads from its arguments (see input.h).
#include "app/cli/input.h"

#include "engine/core/error.h"
#include "engine/io/serialize.h"

namespace cli {

Input load_input(const ParsedArgs& a, std::string_view command) {
    const std::string cmd(command);
    if (a.positional.empty()) throw UsageError("missing the network file: backprop-cli " + cmd + " NET.json");
    if (a.positional.size() > 1) throw UsageError("unexpected argument '" + a.positional[1] + "' after NET.json");
    Input in;
    in.path = a.positional[0];
    in.doc = bp::load_document(in.path);
    return in;
}

const bp::Dataset& require_data(const Input& in, std::string_view command) {
    if (!in.doc.data)
        throw bp::Error(in.path + " has no \"data\": " + std::string(command) +
                        " needs \"data\": {\"inputs\": [[...]], \"targets\": [[...]]} in the file");
    return *in.doc.data;
}

std::optional<int> sample_option(const ParsedArgs& a, const bp::Dataset& d) {
    const auto text = a.get("--sample");
    if (!text) return std::nullopt;
    const long long n = parse_integer(*text, "--sample", 0, 1000000000);
    if (n >= d.size())
        throw UsageError("--sample " + *text + ": the data has " + std::to_string(d.size()) + " sample" +
                         (d.size() == 1 ? "" : "s") + " (0.." + std::to_string(d.size() - 1) + ")");
    return static_cast<int>(n);
}

Format format_option(const ParsedArgs& a, Format fallback) {
    const auto text = a.get("--format");
    if (!text) return fallback;
    return parse_choice(*text, "--format", {"json", "table"}) == 0 ? Format::json : Format::table;
}

bp::Notation notation_option(const ParsedArgs& a) {
    const auto text = a.get("--notation");
    if (!text) return bp::Notation::per_neuron;
    std::vector<std::string> names;
    for (bp::Notation n : bp::kNotations) names.emplace_back(bp::to_string(n));
    return bp::kNotations[static_cast<std::size_t>(parse_choice(*text, "--notation", names))];
}

}  // namespace cli
