// libFuzzer target for expressions (engine/graph): arbitrary text is parsed as an expression (or, when it
// starts with '{', read as an expression document). A malformed one is refused with ExpressionError or
// bp::Error; an accepted one is run with every variable at 0.7 and then stepped, its formulas written and
// its paths listed, where the only exception allowed is a DomainError naming an existing node. Anything
// else — another exception, a crash, a NaN where a number is promised — is a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "engine/graph/expression_document.h"
#include "engine/graph/expression_parser.h"
#include "engine/graph/graph_formulas.h"
#include "engine/graph/graph_paths.h"
#include "engine/graph/graph_stepper.h"

namespace {

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz_expression: %s\n", what.c_str());
    std::abort();
}

void exercise(const bp::ExpressionGraph& g, const bp::VariableValues& values) {
    try {
        const bp::GraphStepper stepper(g, values);
        const bp::GraphPass& p = stepper.pass();
        for (int i = 0; i < stepper.size(); ++i)
            if (stepper.text(i).symbolic.empty()) fail("an event without a formula");
        for (int id = 0; id < g.size(); ++id) {
            if (!std::isfinite(p.value[static_cast<std::size_t>(id)])) fail("a non-finite value without a DomainError");
            if (bp::has_adjoint(g, id) && !std::isfinite(p.adjoint[static_cast<std::size_t>(id)])) fail("a non-finite adjoint");
            bp::value_formula(g, p, id);
        }
        for (int id : g.variables) {
            const bp::GraphPathListing l = bp::enumerate_graph_paths(g, p, id, 1000, 20);
            for (const bp::GraphPath& path : l.paths)
                if (!std::isfinite(path.product)) fail("a non-finite path product");
            if (l.walked && std::fabs(l.sum - l.adjoint) > 1e-6 * std::max({1.0, std::fabs(l.sum), std::fabs(l.adjoint)}))
                fail("the paths do not sum to the adjoint");
        }
    } catch (const bp::DomainError& e) {
        if (e.node < 0 || e.node >= g.size()) fail("a DomainError naming no node");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        if (!text.empty() && text[0] == '{') {
            const bp::ExpressionDocument doc = bp::parse_expression_document(text);
            exercise(bp::document_graph(doc), doc.variables);
            return 0;
        }
        const bp::ExpressionGraph g = bp::parse_expression(text);
        bp::VariableValues values;
        for (int id : g.variables) values[g.node(id).name] = 0.7;
        exercise(g, values);
    } catch (const bp::Error& e) {
        if (std::string(e.what()).empty()) fail("an error without a message");
    } catch (const std::exception& e) {
        fail(std::string("something other than bp::Error: ") + e.what());
    }
    return 0;
}
