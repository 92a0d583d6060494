// A plain-text table with aligned columns for the commands' --format table output. Widths count
// UTF-8 code points, so course notation (z²₁, σ′) lines up like ASCII.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace cli {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> header = {}) : header_(std::move(header)) {}
    void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
    // Each row on one line, columns separated by two spaces, after `indent` spaces.
    void print(std::ostream& out, int indent = 2) const;

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

// Number of code points in a UTF-8 string (its width in a terminal for the text we print).
std::size_t display_width(const std::string& s);

}  // namespace cli
