// backprop-cli steps NET.json [--sample n] [--format table|json]: the pass as the Stepper's events, in
// the order a teacher writes them on the board, each with its title and its formula with numbers.
#include <cmath>
#include <ostream>

#include "app/cli/commands.h"
#include "app/cli/input.h"
#include "app/cli/output.h"
#include "app/cli/pass_check.h"
#include "app/cli/table.h"
#include "engine/teaching/notation.h"
#include "engine/teaching/stepper.h"

namespace {
using namespace cli;

const std::string kStepsHelp = R"(Usage: backprop-cli steps NET.json [--sample n] [--format table|json]
                          [--notation NAME]

The whole pass as a sequence of small events: z then a of each neuron, layer by layer; the loss;
δ of each output neuron; δ of each hidden neuron, backwards; ∂L/∂w and ∂L/∂b; the update of each
parameter (plain SGD with the file's learning rate, frozen biases and l2). Each event has a title and
its formula: symbols = numbers substituted = result.

  --sample n      that sample of data alone (0-based); without it, all of data as one batch, the
                  formulas showing sample 0's numbers
  --format table  (default) one event per line: index, phase, title, formula
  --format json   [{"index", "phase", "kind", "layer", "neuron", "k", "title", "formula",
                  "symbolic", "substituted", "result", "latex", "value"}, ...]
                  (layer, neuron, k 0-based; k only for weight events); title, formula,
                  symbolic, substituted, result and latex in the chosen notation, value the same
                  bits in every notation
)" + std::string(kNotationHelp);

bool has_source_neuron(bp::EventKind k) {
    return k == bp::EventKind::weight_gradient || k == bp::EventKind::weight_update;
}

Json event_json(const bp::StepEvent& e, const bp::EventText& t, const std::string& title, int index) {
    Json j = {{"index", index},
              {"phase", std::string(bp::to_string(e.phase))},
              {"kind", std::string(bp::to_string(e.kind))},
              {"layer", e.layer},
              {"neuron", e.neuron}};
    if (has_source_neuron(e.kind)) j["k"] = e.k;
    j["title"] = title;
    j["formula"] = t.full_text();
    j["symbolic"] = t.symbolic;
    j["substituted"] = t.substituted;
    j["result"] = t.result;
    j["latex"] = t.latex;
    j["value"] = e.value;
    return j;
}

}  // namespace

int run_steps(const CommandArgs& args, std::ostream& out, std::ostream&) {
    const ParsedArgs a = parse_args("steps", args, {{"--sample", true}, {"--format", true}, {"--notation", true}});
    if (a.help) {
        out << kStepsHelp;
        return 0;
    }
    const Format format = format_option(a, Format::table);
    const bp::Notation notation = notation_option(a);
    const Input in = load_input(a, "steps");
    const bp::Dataset& data = require_data(in, "steps");
    const std::optional<int> sample = sample_option(a, data);
    check_converges(in.doc.net, data);
    const bp::Matrix X = sample ? bp::take_rows(data.X, *sample, 1) : data.X;
    const bp::Matrix Y = sample ? bp::take_rows(data.Y, *sample, 1) : data.Y;
    bp::Stepper stepper(in.doc.net, X, Y, in.doc.training, 0);
    stepper.set_notation(notation);
    const auto& events = stepper.events();
    for (std::size_t i = 0; i < events.size(); ++i)
        if (!std::isfinite(events[i].value))
            require_finite(events[i].value, "the value of event " + std::to_string(i) + " (" +
                                                stepper.text(static_cast<int>(i)).title + ")");
    if (format == Format::json) {
        Json list = Json::array();
        for (std::size_t i = 0; i < events.size(); ++i) list.push_back(event_json(events[i], stepper.text(static_cast<int>(i)),
                                                                   stepper.full_title(static_cast<int>(i)), static_cast<int>(i)));
        write_json(out, list);
        return 0;
    }
    TextTable table({"#", "phase", "event", "formula"});
    for (std::size_t i = 0; i < events.size(); ++i) {
        const bp::EventText t = stepper.text(static_cast<int>(i));
        table.add_row({std::to_string(i), std::string(bp::to_string(events[i].phase)), stepper.full_title(static_cast<int>(i)),
                       t.full_text()});
    }
    table.print(out, 0);
    return 0;
}
