// A plain-text table with aligned columns (see table.h).
#include "app/cli/table.h"

#include <algorithm>

namespace cli {

std::size_t display_width(const std::string& s) {
    // Count every byte that does not continue a multi-byte sequence (10xxxxxx).
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void print_rows(std::ostream& out, const std::vector<std::string>& header, std::size_t count, const RowMaker& row,
                int indent) {
    std::vector<std::size_t> width;
    const auto measure = [&](const std::vector<std::string>& cells) {
        if (width.size() < cells.size()) width.resize(cells.size(), 0);
        for (std::size_t c = 0; c < cells.size(); ++c) width[c] = std::max(width[c], display_width(cells[c]));
    };
    std::vector<std::string> cells;
    measure(header);
    for (std::size_t i = 0; i < count; ++i) {
        cells.clear();
        row(i, cells);
        measure(cells);
    }
    std::string line;
    const auto print_row = [&](const std::vector<std::string>& r) {
        line.assign(static_cast<std::size_t>(indent), ' ');
        for (std::size_t c = 0; c < r.size(); ++c) {
            line += r[c];
            if (c + 1 < r.size()) line.append(width[c] - display_width(r[c]) + 2, ' ');
        }
        line += '\n';
        out << line;
    };
    if (!header.empty()) print_row(header);
    for (std::size_t i = 0; i < count; ++i) {
        cells.clear();
        row(i, cells);
        print_row(cells);
    }
}

void TextTable::print(std::ostream& out, int indent) const {
    print_rows(out, header_, rows_.size(), [&](std::size_t i, std::vector<std::string>& cells) { cells = rows_[i]; },
               indent);
}

}  // namespace cli
