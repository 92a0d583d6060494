// backprop-cli gradcheck NET.json [--format json|table]: every parameter's backprop gradient on all of
// data against central finite differences (bp::gradient_check); exit 0 when the worst relative error
// is below 1e-5.
#include <ostream>

#include "app/cli/commands.h"
#include "app/cli/input.h"
#include "app/cli/output.h"
#include "app/cli/pass_check.h"
#include "app/cli/table.h"
#include "engine/teaching/grad_check.h"
#include "engine/teaching/notation.h"

namespace {
using namespace cli;

constexpr double kTolerance = 1e-5;  // worst relative error that still passes

const char* const kGradcheckHelp = R"(Usage: backprop-cli gradcheck NET.json [--format table|json]

Checks backprop against calculus: for every weight and bias, the gradient of the batch loss over all
of data compared with the central difference (L(θ+h) − L(θ−h)) / 2h, h = 1e-6. The relative error
of a parameter is |analytic − numeric| / max(1e-8, |analytic| + |numeric|).

  --format table  (default) one line per parameter, then the worst one and OK / NOT OK
  --format json   {"max_relative_error": e, "tolerance": 1e-5, "ok": true, "worst": {...},
                  "parameters": [{"weight": [l,j,k] or "bias": [l,j], "label", "analytic",
                  "numeric", "relative_error"}]}   (indices 0-based; labels number neurons from 1)

Exit status 0 when the worst relative error is below 1e-5, 1 otherwise (or when a gradient is not
a finite number).
)";

Json entry_json(const bp::GradCheckEntry& e) {
    Json j = parameter_json(e.parameter);
    j["label"] = parameter_label(e.parameter);
    j["analytic"] = e.analytic;
    j["numeric"] = e.numeric;
    j["relative_error"] = e.relative_error;
    return j;
}

void check_report(const bp::GradCheckReport& r) {
    for (const bp::GradCheckEntry& e : r.entries) {
        const std::string name = "∂L/∂" + parameter_label(e.parameter);
        require_finite(e.analytic, "the backprop gradient " + name);
        require_finite(e.numeric, "the finite-difference gradient " + name);
    }
    require_finite(r.max_relative_error, "the maximum relative error");
}

void print_table(const bp::GradCheckReport& r, bool ok, std::ostream& out) {
    TextTable table({"parameter", "backprop", "finite difference", "relative error"});
    for (const bp::GradCheckEntry& e : r.entries)
        table.add_row({parameter_label(e.parameter), table_number(e.analytic), table_number(e.numeric),
                       bp::format_number(e.relative_error, 2)});
    table.print(out);
    out << "\nmax relative error " << bp::format_number(r.max_relative_error, 3);
    if (r.worst >= 0) out << " at " << parameter_label(r.entries[r.worst].parameter);
    out << ": " << (ok ? "OK" : "NOT OK") << " (tolerance " << bp::format_number(kTolerance) << ")\n";
}

}  // namespace

int run_gradcheck(const CommandArgs& args, std::ostream& out, std::ostream&) {
    const ParsedArgs a = parse_args("gradcheck", args, {{"--format", true}});
    if (a.help) {
        out << kGradcheckHelp;
        return 0;
    }
    const Format format = format_option(a, Format::table);
    const Input in = load_input(a, "gradcheck");
    const bp::Dataset& data = require_data(in, "gradcheck");
    check_converges(in.doc.net, data);
    const bp::GradCheckReport r = bp::gradient_check(in.doc.net, data.X, data.Y);
    check_report(r);
    const bool ok = r.max_relative_error < kTolerance;
    if (format == Format::json) {
        Json j = {{"max_relative_error", r.max_relative_error}, {"tolerance", kTolerance}, {"ok", ok}};
        if (r.worst >= 0) j["worst"] = entry_json(r.entries[r.worst]);
        Json entries = Json::array();
        for (const bp::GradCheckEntry& e : r.entries) entries.push_back(entry_json(e));
        j["parameters"] = std::move(entries);
        write_json(out, j);
    } else {
        print_table(r, ok, out);
    }
    return ok ? 0 : 1;
}
