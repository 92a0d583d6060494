// The checked parser's fast path for network files (checked_parser.h): a light scan of the text finds the
// number arrays at NumberArrays' places and reads them with std::from_chars, and nlohmann parses only the
// rest of the text, with [] in their place. nlohmann's lexer costs about 1.5 k instructions a number.
#pragma once
#include <optional>
#include <string>

#include "engine/io/checked_parser.h"

namespace bp {

struct SkimmedText {
    std::string rest;     // the text with "[]" in place of each array read
    NumberArrays arrays;  // the arrays read, by place
};

// nullopt where the scan does not follow the text (not an object at the top, a byte-order mark, text it
// cannot skip): the caller parses the whole text instead. An array at one of the places that is not rows
// of JSON numbers each read as a finite double (a string, an overflow, a syntax error) stays in `rest`.
// Whether the text is valid JSON is for the parse of `rest` to say; when it is, the document is the
// whole text's: the arrays hold the values nlohmann reads (the correctly rounded double, +0 for "-0").
std::optional<SkimmedText> skim_number_arrays(const std::string& text);

}  // namespace bp
