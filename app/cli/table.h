// A plain-text table with aligned columns for the commands' --format table output. Widths count
// UTF-8 code points, so course notation (z²₁, σ′) lines up like ASCII.
#pragma once
#include <functional>
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

// The same layout for rows made on demand, so that a table of a million rows never sits in memory:
// row(i, cells) fills the cells of row i (0 ≤ i < count); it is called twice per row, once to measure
// the columns and once to print.
using RowMaker = std::function<void(std::size_t i, std::vector<std::string>& cells)>;
void print_rows(std::ostream& out, const std::vector<std::string>& header, std::size_t count, const RowMaker& row,
                int indent = 2);

// Number of code points in a UTF-8 string (its width in a terminal for the text we print).
std::size_t display_width(const std::string& s);

}  // namespace cli
