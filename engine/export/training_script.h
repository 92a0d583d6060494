// A network file's training exported as a self-contained Python script (backprop-cli export, File ▸
// Export): the same network, data, loss, optimiser and batch order as backprop-cli train, in float64,
// written with PyTorch (nn.Sequential, torch.optim, autograd) or with NumPy alone (the forward and the
// backward pass written out layer by layer). It prints "step loss" per step as train does, then the
// trained parameters as JSON. The engine only writes the text; it never runs Python.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "engine/core/document.h"

namespace bp {

enum class ScriptKind { pytorch, numpy };
std::string_view to_string(ScriptKind);  // "pytorch", "numpy"
std::optional<ScriptKind> parse_script_kind(std::string_view);

inline constexpr long kDefaultScriptSteps = 100;
inline constexpr long kMaxScriptSteps = 1000000000;  // as backprop-cli train --steps
// With training.shuffle the script holds every epoch's sample order, computed by the engine's seeded
// generator (never re-implemented in Python): at most this many sample indices, about 8 MB of text.
inline constexpr long kMaxScriptOrder = 1000000;

// The script for `steps` steps (0 … kMaxScriptSteps). Throws bp::Error when the document has no data,
// or when the shuffled order it would hold has more than kMaxScriptOrder indices.
std::string training_script(const Document& doc, ScriptKind kind, long steps);

}  // namespace bp
