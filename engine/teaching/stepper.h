// The pass as a sequence of small named events, in the order a teacher writes them on the board:
// z then a for each neuron of each layer; the loss; delta of each output neuron; delta of each hidden
// neuron, layer by layer backwards; dW and db; then the update of each parameter.
// Every value is computed by the same kernels as passes.h, so the end state equals run_pass bit for bit.
// Values whose event lies at or after the cursor are "unknown": the UI must not show them.
// Grouping: granularity `layer` steps over a run of events of the same phase and layer (all z and a of
// layer l; the loss; all δ of layer l; all ∂L/∂w, ∂L/∂b of layer l; all updates of layer l), `phase`
// over a whole phase. Gradients and updates go layer by layer from layer 1 to the output.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/core/document.h"
#include "engine/core/passes.h"
#include "engine/teaching/notation.h"

namespace bp {

class FormulaWriter;

enum class Phase { forward, loss, backward, gradients, update };
enum class Granularity { neuron, layer, phase };
enum class EventKind { z, a, loss, output_delta, hidden_delta, weight_gradient, bias_gradient,
                       weight_update, bias_update };
std::string_view to_string(Phase);
std::string_view to_string(Granularity);
std::string_view to_string(EventKind);

// What an event reads or writes, for highlighting: a neuron's z/a/delta, a weight, a bias, the loss.
// l, j, k as in the network (0-based; k only for weight and dW); a target is {target, L, j}.
struct ValueRef {
    enum class Kind { z, a, delta, weight, bias, dW, db, loss, target } kind = Kind::loss;
    int l = 0, j = 0, k = 0;
    bool operator==(const ValueRef&) const = default;
};

struct StepEvent {
    EventKind kind;
    Phase phase;
    int layer = 0, neuron = 0, k = 0;  // k: source neuron for weight events
    ValueRef writes;
    std::vector<ValueRef> reads;
    double value = 0.0;  // the value produced (for the shown sample, or the batch value for dW/db/loss)
};

// The words of an event, written when asked for (Stepper::text): a large pass has tens of thousands of
// events and a student reads a few of them at a time.
struct EventText {
    std::string symbolic;     // "z²₁ = w²₁₁·a¹₁ + w²₁₂·a¹₂ + b²₁"
    std::string substituted;  // "0.15·0.05 + 0.2·0.1 + 0.35"
    std::string result;       // "0.3775"
    std::string latex;        // the whole equation in LaTeX
    std::string title;        // "Forward pass — z of hidden neuron 1"
    std::string full_text() const;  // "symbolic = substituted = result" (without an empty substitution)
};

class Stepper {
public:
    // Walks one pass over the batch (X, Y); the update events use config (learning rate, frozen biases,
    // l2; always the plain SGD form w - eta dL/dw, whatever config.optimizer says). shown_sample picks
    // whose numbers the formulas substitute (clamped into the batch). Throws bp::Error when X or Y does
    // not fit the network or the batch is empty. A layer without bias (or with frozen biases) has no
    // bias update events; without bias it has no db events either (its db is still in trace()).
    Stepper(const Network& net, const Matrix& X, const Matrix& Y, const TrainingConfig& config,
            int shown_sample = 0);

    const std::vector<StepEvent>& events() const { return events_; }
    int cursor() const { return cursor_; }  // events [0, cursor) are done
    int size() const { return static_cast<int>(events_.size()); }
    bool at_end() const { return cursor_ >= size(); }
    const StepEvent* current() const;  // the last event done (cursor - 1), or nullptr at the start
    const StepEvent* next() const;     // the event about to be done, or nullptr at the end
    Phase phase() const;               // phase of the next event (update when at the end)

    void step_forward(Granularity g = Granularity::neuron);
    void step_back(Granularity g = Granularity::neuron);
    void run_to_end_of_phase();
    void run_to_end();
    void restart() { cursor_ = 0; }
    void seek(int cursor);  // clamps into [0, size]

    // Whether the value is computed at the cursor (inputs, targets and parameters always are).
    // O(1). A value that does not exist in the network is never known.
    bool known(const ValueRef& r) const;
    // Index of the event after which r is known; -1 when it is always known or does not exist.
    int writer_of(const ValueRef& r) const;
    // The complete pass (every value), and the network after the update events.
    const Trace& trace() const { return trace_; }
    const Network& network_before() const { return before_; }
    const Network& network_after() const { return after_; }
    int shown_sample() const { return shown_; }

    // The formula and title of event `index` (of events()), or of an event of this stepper. Written on
    // demand from the complete pass, so a copy of the text is returned; not safe to call from two threads.
    EventText text(int index) const;
    EventText text(const StepEvent& e) const { return text(static_cast<int>(&e - events_.data())); }
    // The notation text() writes in (per-neuron unless set); the events and their values never change.
    void set_notation(Notation n);
    Notation notation() const { return notation_; }
    // The batch notation's whole-matrix equation of event `index`, with the shapes (notes 000):
    // "Z₁ = X·W₁ + b₁  (4×2 = 4×3 · 3×2 + 1×2)"; empty in the other notations and for the loss.
    std::string shapes(int index) const;
    // The title with the shapes after it ("…;  Z₁ = X·W₁ + b₁  (…)"), as the CLI writes it.
    std::string full_title(int index) const;

private:
    int slot(const ValueRef& r) const;  // index into writer_index_, or -1
    bool same_group(int a, int b, Granularity g) const;
    int group_end(int from, Granularity g) const;
    int group_start(int to, Granularity g) const;
    // A FormulaWriter over this stepper's own members: a copied or moved stepper starts without one.
    struct WriterSlot {
        WriterSlot();
        WriterSlot(const WriterSlot&);
        WriterSlot& operator=(const WriterSlot&);
        ~WriterSlot();
        std::unique_ptr<FormulaWriter> writer;
    };
    FormulaWriter& writer() const;

    Network before_, after_;
    Trace trace_;
    Matrix Y_;                // the batch's targets (the loss and output δ formulas write them)
    TrainingConfig config_;   // the update events' learning rate, l2
    mutable WriterSlot writer_;
    std::vector<StepEvent> events_;
    std::vector<int> writer_index_;  // for known(): index into events_ by a flattened ValueRef
    std::vector<int> slot_base_;     // per layer: first slot of its z, a, delta, dW, db (in that order)
    int cursor_ = 0;
    int shown_ = 0;
    Notation notation_ = Notation::per_neuron;
};

}  // namespace bp
