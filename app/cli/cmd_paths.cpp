// backprop-cli paths NET.json --weight l,j,k | --bias l,j [--sample n]: every chain-rule path from
// one parameter to the loss (bp::enumerate_paths on one sample), its factors and product, the sum of
// the products and backprop's gradient, which must agree.
#include <algorithm>
#include <cmath>
#include <ostream>

#include "app/cli/commands.h"
#include "app/cli/input.h"
#include "app/cli/output.h"
#include "app/cli/pass_check.h"
#include "app/cli/table.h"
#include "engine/teaching/chain_rule.h"
#include "engine/teaching/notation.h"

namespace {
using namespace cli;

const std::string kPathsHelp = R"(Usage: backprop-cli paths NET.json (--weight l,j,k | --bias l,j) [--sample n]
                          [--format table|json] [--notation NAME]

Every path by which one parameter reaches the loss, for one sample alone (no 1/N): one path per
choice of a neuron in each later layer. Each path lists its factors from the loss back to the
parameter, ∂L/∂a^L_m · f′(z^L_m) · w^L_mi · f′(z^(L−1)_i) · … · f′(z^l_j) · a^(l−1)_k, and their
product. The products sum to ∂L/∂w^l_jk, the gradient backprop computes.

  --weight l,j,k  the weight w^l_jk = layers[l].weights[j][k] (0-based: l >= 1 is the layer,
                  j its neuron, k the neuron of layer l−1). On screen it is w^l_(j+1)(k+1).
  --bias l,j      the bias b^l_j = layers[l].biases[j] (its last factor is 1, not a^(l−1)_k)
  --sample n      the sample of data to use, 0-based (default 0)
  --format table  (default) one path per line: route, "label = value" factors, product; then the
                  sum, the gradient and whether they agree
  --format json   {"weight": [l,j,k] (or "bias": [l,j]), "sample": n, "count": total,
                  "paths": [{"neurons": [[l,j],…,[L,m]], "output": i, "factors": [...],
                  "labels": [...], "product": x}], "rest": {"count", "sum"}, "sum": x,
                  "gradient": x, "agree": true, "compact": [...]}
                  "count" (and rest's) is an integer below 2^53, above that a double
                  such as 3.777893186295716e+22 (a 16 × 32 network has 32^15 paths)

Through a softmax output every a^L_i depends on every z^L_m, so the Jacobian's cross terms become
paths of their own: a path ends z^L_m → a^L_i, one path per output i (its "output" in JSON), with the
factors ∂L/∂a^L_i · ∂a^L_i/∂z^L_m in place of ∂L/∂a^L_m · f′(z^L_m).
Up to 10 000 paths are all listed; beyond that the 200 with the largest |product|, and "rest"
gives the number and the sum of the others. "sum" is always the total of all paths.
Exit status 1 if the sum and the gradient differ by more than 1e-12 (relative).

The labels, the routes and the compact form are written in --notation:
)" + std::string(kNotationHelp);

// The parameter named by --weight or --bias, checked against the network with a precise message.
bp::ParameterRef parameter_option(const ParsedArgs& a, const bp::Network& net) {
    const auto weight = a.get("--weight"), bias = a.get("--bias");
    if (weight && bias) throw UsageError("give --weight l,j,k or --bias l,j, not both");
    if (!weight && !bias) throw UsageError("paths needs --weight l,j,k or --bias l,j (0-based, e.g. --weight 1,0,0)");
    const std::string option = weight ? "--weight" : "--bias";
    const std::string text = weight ? *weight : *bias;
    const std::vector<int> idx = parse_indices(text, weight ? 3 : 2, option);
    bp::ParameterRef p;
    p.bias = !weight;
    p.l = idx[0];
    p.j = idx[1];
    p.k = weight ? idx[2] : 0;
    const std::string head = option + " " + text + ": ";
    const auto neurons = [](int n) { return std::to_string(n) + (n == 1 ? " neuron" : " neurons"); };
    if (p.l == 0)
        throw UsageError(head + "layer 0 is the input layer, which has no " + (p.bias ? "biases" : "weights") +
                         " (they start at layer 1)");
    if (p.l > net.L())
        throw UsageError(head + "layer " + std::to_string(p.l) + " is past the output layer " + std::to_string(net.L()));
    const int n_l = net.layers[p.l].size, n_prev = net.layers[p.l - 1].size;
    if (p.j >= n_l)
        throw UsageError(head + "j = " + std::to_string(p.j) + " but layer " + std::to_string(p.l) + " has " +
                         neurons(n_l) + " (j is 0.." + std::to_string(n_l - 1) + ")");
    if (!p.bias && p.k >= n_prev)
        throw UsageError(head + "k = " + std::to_string(p.k) + " but layer " + std::to_string(p.l - 1) + " has " +
                         neurons(n_prev) + " (k is 0.." + std::to_string(n_prev - 1) + ")");
    bp::check_parameter(net, p);
    return p;
}

bool agree(double sum, double gradient) {
    return std::fabs(sum - gradient) <= 1e-12 * std::max({1.0, std::fabs(sum), std::fabs(gradient)});
}

void check_listing(const bp::PathListing& pl) {
    for (const bp::ChainPath& path : pl.paths) {
        for (const bp::PathFactor& f : path.factors) require_finite(f.value, "the path factor " + f.label);
        require_finite(path.product, "a path product");
    }
    require_finite(pl.rest_sum, "the sum of the paths not listed");
    require_finite(pl.sum, "the sum of the path products");
    require_finite(pl.gradient, "the gradient");
}

// A path count in JSON: an integer while it is exact (below 2^53), else a double (3.777893186295716e+22).
Json count_json(double count) {
    if (count < bp::kExactCountLimit) return static_cast<long long>(count);
    return count;
}

Json listing_json(const bp::PathListing& pl, int sample) {
    Json paths = Json::array();
    for (const bp::ChainPath& path : pl.paths) {
        Json neurons = Json::array(), factors = Json::array(), labels = Json::array();
        for (const auto& [l, j] : path.neurons) neurons.push_back({l, j});
        for (const bp::PathFactor& f : path.factors) {
            factors.push_back(f.value);
            labels.push_back(f.label);
        }
        Json p = {{"neurons", std::move(neurons)}};
        if (path.softmax_output >= 0) p["output"] = path.softmax_output;
        p["factors"] = std::move(factors);
        p["labels"] = std::move(labels);
        p["product"] = path.product;
        paths.push_back(std::move(p));
    }
    Json out = parameter_json(pl.parameter);
    out["sample"] = sample;
    out["count"] = count_json(pl.total_count);
    out["paths"] = std::move(paths);
    if (pl.rest_count > 0) out["rest"] = {{"count", count_json(pl.rest_count)}, {"sum", pl.rest_sum}};
    out["sum"] = pl.sum;
    out["gradient"] = pl.gradient;
    out["agree"] = agree(pl.sum, pl.gradient);
    out["compact"] = pl.compact;
    return out;
}

// "z¹₁ → z²₁ → z³₂" (and "→ a³ᵢ" for the output a path ends on through a softmax).
std::string route(const bp::ChainPath& path, const bp::Symbols& sym) {
    std::string s;
    for (const auto& [l, j] : path.neurons) s += (s.empty() ? "" : " → ") + sym.pre_activation(l, j).text;
    if (path.softmax_output >= 0) s += " → " + sym.activation(path.neurons.back().first, path.softmax_output).text;
    return s;
}

void print_table(const bp::PathListing& pl, int sample, const bp::Symbols& sym, std::ostream& out) {
    const bp::ParameterRef& p = pl.parameter;
    const std::string name = (p.bias ? sym.bias_gradient(p.l, p.j) : sym.weight_gradient(p.l, p.j, p.k)).text;
    const std::string parameter = (p.bias ? sym.bias(p.l, p.j) : sym.weight(p.l, p.j, p.k)).text;
    out << name << " for sample " << sample << ": " << bp::path_count_text(pl.total_count)
        << (pl.total_count == 1 ? " path" : " paths")
        << " from " << parameter << " to the loss\n\n";
    TextTable table({"#", "route", "factors, from the loss back to the parameter", "product"});
    int index = 1;
    for (const bp::ChainPath& path : pl.paths) {
        std::string factors;
        for (const bp::PathFactor& f : path.factors) factors += (factors.empty() ? "" : " · ") + labelled(f.label, f.value);
        table.add_row({std::to_string(index++), route(path, sym), factors, table_number(path.product)});
    }
    table.print(out);
    if (pl.rest_count > 0)
        out << "  … and " << bp::path_count_text(pl.rest_count) << " more paths, not listed, whose products sum to "
            << table_number(pl.rest_sum) << '\n';
    out << '\n';
    TextTable totals;
    totals.add_row({"sum of all " + bp::path_count_text(pl.total_count) + " products", "= " + bp::round_trip(pl.sum)});
    totals.add_row({"gradient from backprop " + name, "= " + bp::round_trip(pl.gradient)});
    totals.add_row({"agree", std::string(agree(pl.sum, pl.gradient) ? "yes" : "NO") +
                                 " (|sum − gradient| = " + bp::format_number(std::fabs(pl.sum - pl.gradient), 2) + ")"});
    totals.print(out, 0);
    if (!pl.compact.empty()) {
        out << "\nCompact form:\n";
        for (const std::string& line : pl.compact) out << "  " << line << '\n';
    }
}

}  // namespace

int run_paths(const CommandArgs& args, std::ostream& out, std::ostream&) {
    const ParsedArgs a =
        parse_args("paths", args, {{"--weight", true}, {"--bias", true}, {"--sample", true}, {"--format", true}, {"--notation", true}});
    if (a.help) {
        out << kPathsHelp;
        return 0;
    }
    const Format format = format_option(a, Format::table);
    const bp::Notation notation = notation_option(a);
    const Input in = load_input(a, "paths");
    const bp::Dataset& data = require_data(in, "paths");
    const bp::ParameterRef p = parameter_option(a, in.doc.net);
    const int n = sample_option(a, data).value_or(0);
    check_converges(in.doc.net, data);
    const bp::PathListing pl =
        bp::enumerate_paths(in.doc.net, bp::take_rows(data.X, n, 1), bp::take_rows(data.Y, n, 1), p, 10000, 200, notation);
    check_listing(pl);
    if (format == Format::json) write_json(out, listing_json(pl, n));
    else print_table(pl, n, bp::Symbols(notation, in.doc.net), out);
    return agree(pl.sum, pl.gradient) ? 0 : 1;
}
