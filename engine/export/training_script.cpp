// Training scripts (see training_script.h): checks the request and hands it to the PyTorch or NumPy writer.
#include "engine/export/training_script.h"

#include "engine/core/error.h"
#include "engine/export/script_parts.h"
#include "engine/core/optimizer.h"

namespace bp {

std::string_view to_string(ScriptKind k) { return k == ScriptKind::pytorch ? "pytorch" : "numpy"; }

std::optional<ScriptKind> parse_script_kind(std::string_view s) {
    if (s == "pytorch") return ScriptKind::pytorch;
    if (s == "numpy") return ScriptKind::numpy;
    return std::nullopt;
}

std::string training_script(const Document& doc, ScriptKind kind, long steps) {
    if (!doc.data || doc.data->size() == 0)
        throw Error("the network has no \"data\": a training script needs data.inputs and data.targets");
    if (steps < 0 || steps > kMaxScriptSteps)
        throw Error("steps = " + std::to_string(steps) + " is out of range (0 to " + std::to_string(kMaxScriptSteps) + ")");
    const script::Plan plan{doc, *doc.data, kind, steps, effective_batch_size(doc.training, doc.data->size())};
    return kind == ScriptKind::pytorch ? script::pytorch_script(plan) : script::numpy_script(plan);
}

}  // namespace bp
