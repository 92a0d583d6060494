// Output helpers shared by the commands: JSON text (round-trip numbers, short arrays on one line, never
// NaN/Inf), the JSON forms of matrices and parameters, numbers and labels for tables, and the
// Diverged error that turns a non-finite value into a message and exit status 1.
#pragma once
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/teaching/chain_rule.h"
#include "engine/core/matrix.h"

namespace cli {

// A value that should be a number is NaN or infinite (training or the pass diverged). Exit status 1.
struct Diverged : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Writes the document (json_layout.h: objects and long arrays one entry per line, arrays of numbers and
// short values on one line, every number in its shortest round-trip form) as it goes, never as one
// string. Throws Diverged naming the JSON path of the first NaN/Inf, before writing anything (a safety
// net: commands check their own numbers first, with better words).
// Json keeps keys in the order they were inserted, so the output reads in the contract's order.
using Json = nlohmann::ordered_json;
void write_json(std::ostream& out, const Json& j);
void write_json(std::ostream& out, const nlohmann::json& j);

Json matrix_json(const bp::Matrix& m);  // one array per row

// {"weight": [l, j, k]} or {"bias": [l, j]}: 0-based, as on the command line.
Json parameter_json(const bp::ParameterRef& p);
std::string parameter_label(const bp::ParameterRef& p);  // "w²₁₁" / "b²₁" (subscripts from 1)

// A number for a table: 9 significant digits, Unicode minus.
std::string table_number(double x);
// "label = value" for a table cell.
std::string labelled(const std::string& label, double x);

// The words of `text` in lines of at most `width` characters (code points), each line as full as it goes.
std::string wrap_words(const std::string& text, std::size_t width);

// Throws Diverged("<what> is <NaN|inf>...") when x is not finite.
void require_finite(double x, const std::string& what);

}  // namespace cli
