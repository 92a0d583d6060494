// The path explorer's data (see paths_panel.h): engine paths turned into rows, chips and sentences.
#include "app/studio/figures/paths_panel.h"

#include <algorithm>
#include <cmath>

#include "engine/core/error.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

using Kind = bp::ValueRef::Kind;

// "h¹₁" for a hidden neuron, "out²₂" for an output neuron, "x₁" for an input; in another notation the
// neuron's activation ("h[1]", "z₂¹", "H[1,1]").
std::string node_name(const bp::Network& net, const bp::Symbols& sym, int l, int j) {
    if (sym.notation() != bp::Notation::per_neuron) return sym.activation(l, j).text;
    if (l == 0) return "x" + bp::subscript(j + 1);
    return (l == net.L() ? "out" : "h") + bp::superscript(l) + bp::subscript(j + 1);
}

std::string paths_word(double n) { return n == 1 ? "path" : "paths"; }

}  // namespace

std::string path_route(const bp::Network& net, const bp::ParameterRef& p, const bp::ChainPath& path,
                       bp::Notation notation) {
    const bp::Symbols sym(notation, net);
    std::string route = (p.bias ? sym.bias(p.l, p.j) : sym.weight(p.l, p.j, p.k)).text;
    for (const auto& [l, j] : path.neurons) route += " → " + node_name(net, sym, l, j);
    if (path.softmax_output >= 0) route += " → " + sym.activation(net.L(), path.softmax_output).text;
    return route + " → L";
}

std::vector<bp::ValueRef> path_refs(const bp::Network& net, const bp::ParameterRef& p, const bp::ChainPath& path) {
    std::vector<bp::ValueRef> refs;
    if (p.bias) {
        refs.push_back({Kind::bias, p.l, p.j, 0});
    } else {
        refs.push_back({Kind::weight, p.l, p.j, p.k});
        refs.push_back({Kind::a, p.l - 1, p.k, 0});  // the neuron the weight reads
    }
    const int L = net.L();
    for (std::size_t i = 0; i < path.neurons.size(); ++i) {
        const auto [l, j] = path.neurons[i];
        if (i > 0) refs.push_back({Kind::weight, l, j, path.neurons[i - 1].second});  // w^l_j,prev
        // The output neuron's a carries the line to the loss; through a softmax the path leaves by a^L_i.
        const bool to_loss = l == L && path.softmax_output < 0;
        refs.push_back({to_loss ? Kind::a : Kind::z, l, j, 0});
    }
    if (path.softmax_output >= 0) refs.push_back({Kind::a, L, path.softmax_output, 0});
    refs.push_back({Kind::loss, 0, 0, 0});
    return refs;
}

PathPanelModel build_path_panel(const bp::Network& net, const bp::Matrix& x, const bp::Matrix& y, const Selection& sel,
                                int sample, int sample_count, int batch_size, int shown_rows, bp::Notation notation) {
    PathPanelModel m;
    if (!sel.is_parameter() || !valid(net, sel)) {
        m.hint = sel.kind == Selection::Kind::neuron
                     ? "Select a weight or a bias: click an edge of the network (or a bias edge). A neuron has no "
                       "paths of its own; the paths run from a parameter through the neurons to the loss."
                     : "Select a weight or a bias: click an edge of the network to list every path from it to "
                       "the loss, each with the product of the local derivatives along it.";
        return m;
    }
    const bp::ParameterRef p{sel.kind == Selection::Kind::bias, sel.l, sel.j, sel.k};
    const bp::Symbols sym(notation, net);
    m.parameter = (p.bias ? sym.bias(p.l, p.j) : sym.weight(p.l, p.j, p.k)).text;
    m.gradient_label = (p.bias ? sym.bias_gradient(p.l, p.j) : sym.weight_gradient(p.l, p.j, p.k)).text;
    bp::PathListing listing;
    try {
        listing = bp::enumerate_paths(net, x, y, p, shown_rows, shown_rows, notation);  // only the rows shown are built
    } catch (const bp::Error& e) {
        m.hint = std::string("No paths: ") + e.what();
        return m;
    }

    m.total_count = listing.total_count;
    m.walked = listing.walked;
    const double total = listing.total_count;
    m.title = m.gradient_label + " = Σ over " + (total == 1 ? std::string("the only path") : bp::path_count_text(total) + " paths") +
              " of the product of the local derivatives along it";
    m.sample_note = "Sample " + std::to_string(sample + 1) + " of " + std::to_string(sample_count) + " alone";
    if (batch_size > 1)
        m.sample_note += " (no 1/N). The pass averages a batch of " + std::to_string(batch_size) +
                         " samples: its " + m.gradient_label + " is the mean of such sums, one per sample.";
    else
        m.sample_note += ", as the pass uses it.";

    const int shown = std::max(0, std::min(shown_rows, static_cast<int>(listing.paths.size())));
    double shown_sum = 0;
    for (int i = 0; i < shown; ++i) {
        const bp::ChainPath& path = listing.paths[i];
        PathRow row;
        row.route = path_route(net, p, path, notation);
        for (const bp::PathFactor& f : path.factors) row.chips.push_back({f.label, bp::format_number(f.value), f.source});
        row.product = path.product;
        row.product_text = bp::format_number(path.product);
        row.refs = path_refs(net, p, path);
        m.rows.push_back(std::move(row));
        shown_sum += path.product;
    }
    m.more_count = total - shown;
    m.more_sum = listing.sum - shown_sum;  // the listed-but-not-shown paths and the engine's rest together
    if (m.more_count > 0)
        m.more_text = "and " + bp::path_count_text(m.more_count) + " more " + paths_word(m.more_count) +
                      " summing to " + bp::format_number(m.more_sum, 6);

    m.sum = listing.sum;
    m.gradient = listing.gradient;
    m.difference = m.sum - m.gradient;
    m.agree = std::fabs(m.difference) <= kPathAgreeTolerance * std::max(1.0, std::fabs(m.gradient));
    m.sum_name = "Σ of all " + (total == 1 ? std::string("1 path") : bp::path_count_text(total) + " paths");
    m.sum_value = bp::format_number(m.sum, 9);
    m.sum_line = m.sum_name + " = " + m.sum_value;
    const std::string factored = p.bias ? sym.delta(p.l, p.j).text
                                        : sym.activation(p.l - 1, p.k).text + "·" + sym.delta(p.l, p.j).text;
    m.gradient_name = "backprop: " + m.gradient_label + " = " + factored;
    m.gradient_value = bp::format_number(m.gradient, 9);
    m.gradient_line = m.gradient_name + " = " + m.gradient_value;
    m.difference_line = "difference " + bp::format_number(m.difference, 2);
    if (!m.walked)
        m.check_line = "Too many paths to walk one by one: the total is backprop's gradient, and the rows are the "
                       "largest paths, found without listing the others.";
    else if (m.agree)
        m.check_line = "✓ they agree to 1e-12";
    else
        m.check_line = "✗ they differ by " + bp::format_number(m.difference, 3);
    m.compact = listing.compact;
    return m;
}

int path_sample(const AppState& s) {
    if (s.sample >= 0) return s.sample;
    return s.stepper ? s.stepper->shown_sample() : 0;
}

PathPanelModel build_path_panel(const AppState& s) {
    const bp::Dataset& d = training_data(s);
    const int n = std::clamp(path_sample(s), 0, std::max(0, d.size() - 1));
    const int batch = s.sample >= 0 ? 1 : d.size();
    return build_path_panel(s.doc.net, bp::take_rows(d.X, n, 1), bp::take_rows(d.Y, n, 1), s.selection, n, d.size(),
                            batch, kShownPathRows, s.settings.notation);
}

int pinned_row(const AppState& s, const PathPanelModel& m) {
    const PathPin& pin = s.path_pin;
    if (pin.row < 0 || !(pin.parameter == s.selection) || pin.row >= static_cast<int>(m.rows.size())) return -1;
    return pin.row;
}

const PathPanelModel& PathPanelCache::get(const AppState& s) {
    const int sample = path_sample(s);
    if (!have_ || revision_ != s.pass_revision || !(selection_ == s.selection) || sample_ != sample ||
        notation_ != s.settings.notation) {
        model_ = build_path_panel(s);
        have_ = true;
        revision_ = s.pass_revision;
        selection_ = s.selection;
        sample_ = sample;
        notation_ = s.settings.notation;
        ++builds_;
    }
    return model_;
}

}  // namespace studio
