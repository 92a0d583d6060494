// The formula panel's text (see formula_text.h).
#include "app/studio/figures/formula_text.h"

namespace studio {

FormulaLines formula_lines(const bp::EventText& e) {
    FormulaLines f;
    const std::string sep = " = ";
    const std::size_t at = e.symbolic.find(sep);
    if (at == std::string::npos) {
        f.lhs = e.symbolic;
    } else {
        f.lhs = e.symbolic.substr(0, at);
        f.symbolic = e.symbolic.substr(at + sep.size());
    }
    if (e.substituted != e.result && e.substituted != f.symbolic) f.substituted = e.substituted;
    f.result = e.result;
    return f;
}

std::string formula_copy_text(const bp::EventText& e) { return e.full_text(); }

std::string formula_copy_latex(const bp::EventText& e) { return "\\[ " + e.latex + " \\]"; }

}  // namespace studio
