// A network document's JSON text written as nlohmann's dump(2) writes document_to_json's tree, byte for
// byte, but with the number arrays (weights, biases, inputs, targets) written straight from the document's
// matrices: no tree node, no vector per row (serialize.h's dump_document).
#pragma once
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "engine/core/document.h"

namespace bp {

// `tree`: document_to_json's tree with null in place of the number arrays (layers[l].weights and .biases
// for l ≥ 1, data.inputs and .targets, data.test.inputs and .targets); they are written from `doc`.
// Ends with a line break.
std::string write_document_json(const nlohmann::json& tree, const Document& doc);

}  // namespace bp
