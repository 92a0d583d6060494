// What File ▸ Export writes, window-free: the full trace of the current pass (every z, a, δ of every
// sample of the pass and every ∂L/∂W, ∂L/∂b) as CSV and as JSON, the loss history as CSV, the
// current step's formula as text or LaTeX, and the document's training as a PyTorch or NumPy script
// (engine/export/training_script.h, 100 steps, as backprop-cli export). Numbers in full precision (%.17g: they read back exactly);
// indices 0-based as in the network file and backprop-cli.
#pragma once
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "app/studio/state/files_state.h"  // ExportKind

namespace studio {

struct AppState;


// quantity,layer,j,k,sample,value — z/a/delta have j and sample (k empty), dW has j and k, db has j,
// loss has neither (sample empty = the batch).
std::string trace_csv(const AppState& s);
nlohmann::json trace_json(const AppState& s);  // {"loss", "samples", "layers": [{"z","a","delta","dW","db"}]}
// step,train_loss,test_loss: the points of the loss history with their real step numbers (every step up
// to 16384 of them, then the thinned history of loss_history.h); test_loss empty without test data.
std::string loss_csv(const AppState& s);
std::string export_text(const AppState& s, ExportKind k);
const char* export_suffix(ExportKind k);       // "-trace.csv", "-loss.csv", "-formula.tex", ...

// Where an export goes: next to the document (or in the last folder / ~/Documents), named
// <document name><suffix>.
std::string export_path(const AppState& s, const std::string& suffix);
// Writes the export to export_path(s, export_suffix(k)) atomically. Returns the path written; throws
// bp::Error with the reason.
std::string write_export(const AppState& s, ExportKind k);
// "-canvas.png", "-canvas@2x.png": the network canvas's picture at a scale, 1 to kMaxCanvasScale
// (platform_offscreen.h draws and writes it).
inline constexpr int kMaxCanvasScale = 4;
std::string canvas_png_suffix(int scale);

}  // namespace studio
