// The path explorer's data, window-free: for the selected weight or bias, every chain-rule path from it to
// the loss as one row (the route in course notation, each factor as a labelled chip with its value, the
// product), the rest of a many-path network summed, Σ of all paths against backprop's gradient, and the
// compact form ∂L/∂w = a·δ with δ's recurrence. A cache recomputes it only when the pass, the selection
// or the sample changes, never every frame.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/studio/state/studio_state.h"
#include "engine/teaching/chain_rule.h"

namespace studio {

struct PathChip {
    std::string label;    // "∂L/∂a²₁"
    std::string value;    // "0.7414"
    bp::ValueRef source;  // the neuron or edge it comes from
};

struct PathRow {
    std::string route;               // "w¹₁₁ → h¹₁ → out²₂ → L"
    std::vector<PathChip> chips;     // from the loss back to the parameter, as on the board
    double product = 0;
    std::string product_text;        // "0.0002219"
    std::vector<bp::ValueRef> refs;  // the route on the canvas: parameter, neurons, weights, the loss
};

struct PathPanelModel {
    std::string hint;         // non-empty: nothing is listed; show this sentence instead
    std::string parameter;    // "w¹₁₁"
    std::string gradient_label;  // "∂L/∂w¹₁₁"
    std::string title;        // "∂L/∂w¹₁₁ = Σ over 2 paths of the product of local derivatives"
    std::string sample_note;  // which sample, and (for a batch pass) that the paths carry no 1/N
    std::vector<PathRow> rows;  // at most the shown rows, largest |product| first
    double total_count = 0;        // exact below 2^53 (bp::PathListing::total_count)
    bool walked = true;            // every path was walked: the sum is theirs, not backprop's
    double more_count = 0;         // paths not shown as rows
    double more_sum = 0;           // their summed products
    std::string more_text;         // "and 14 more paths summing to 0.0001212"
    double sum = 0, gradient = 0, difference = 0;
    bool agree = false;            // |Σ − gradient| ≤ kPathAgreeTolerance·max(1, |gradient|)
    std::string sum_line;          // "Σ of all 2 paths = 0.000438567734"
    std::string gradient_line;     // "backprop: ∂L/∂w¹₁₁ = a⁰₁·δ¹₁ = 0.000438567734"
    std::string sum_name, sum_value;            // the same, as two columns: "Σ of all 2 paths", "0.000438567734"
    std::string gradient_name, gradient_value;  // "backprop: ∂L/∂w¹₁₁ = a⁰₁·δ¹₁", "0.000438567734"
    std::string check_line;        // "✓ they agree to 1e-12" or "✗ they differ by 3e-9"
    std::string difference_line;   // "difference −5.4e-20"
    std::vector<std::string> compact;  // ∂L/∂w = a·δ, then δ's recurrence with the numbers
};

inline constexpr int kShownPathRows = 12;
inline constexpr double kPathAgreeTolerance = 1e-12;

// The route of one path: "w¹₁₁ → h¹₁ → out²₂ → L" (a softmax cross term: "… → out²₁ → a²₂ → L").
// In another notation the neurons are named by their activations ("W₁[1,1] → h[1] → ŷ[2] → L").
std::string path_route(const bp::Network& net, const bp::ParameterRef& p, const bp::ChainPath& path,
                       bp::Notation notation = bp::Notation::per_neuron);
// What the canvas highlights for a path: the parameter, the neuron it reads, each neuron and weight on
// the route, the output's a (the line to the loss) and the loss.
std::vector<bp::ValueRef> path_refs(const bp::Network& net, const bp::ParameterRef& p, const bp::ChainPath& path);

// The panel for parameter `sel` of `net` on one sample (x, y: one row each). `batch_size` > 1 adds the
// note that the pass averages a batch while the paths use this sample alone. A selection that is not a
// weight or a bias gives a model with only a hint.
PathPanelModel build_path_panel(const bp::Network& net, const bp::Matrix& x, const bp::Matrix& y, const Selection& sel,
                                int sample, int sample_count, int batch_size, int shown_rows = kShownPathRows,
                                bp::Notation notation = bp::Notation::per_neuron);
// The same for the app: the selection and the pass's shown sample.
PathPanelModel build_path_panel(const AppState& s);
// The data row the path explorer uses: the pass's sample, or the batch's shown sample.
int path_sample(const AppState& s);
// The pinned row of model m for the current selection, or -1.
int pinned_row(const AppState& s, const PathPanelModel& m);

class PathPanelCache {
public:
    // The model for s, rebuilt only when s.pass_revision, the selection, the sample or the notation changed.
    const PathPanelModel& get(const AppState& s);
    int builds() const { return builds_; }  // how many times it was rebuilt (for tests)

private:
    bool have_ = false;
    std::uint64_t revision_ = 0;
    Selection selection_;
    int sample_ = 0;
    bp::Notation notation_ = bp::Notation::per_neuron;
    PathPanelModel model_;
    int builds_ = 0;
};

}  // namespace studio
