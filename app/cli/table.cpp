// A plain-text table with aligned columns (see table.h).
#include "app/cli/table.h"

#include <algorithm>

namespace cli {

std::size_t display_width(const std::string& s) {
    // Count every byte that does not continue a multi-byte sequence (10xxxxxx).
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void TextTable::print(std::ostream& out, int indent) const {
    std::vector<std::size_t> width;
    const auto measure = [&](const std::vector<std::string>& row) {
        if (width.size() < row.size()) width.resize(row.size(), 0);
        for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));
    };
    measure(header_);
    for (const auto& row : rows_) measure(row);
    const auto print_row = [&](const std::vector<std::string>& row) {
        std::string line(static_cast<std::size_t>(indent), ' ');
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size()) line += std::string(width[c] - display_width(row[c]) + 2, ' ');
        }
        out << line << '\n';
    };
    if (!header_.empty()) print_row(header_);
    for (const auto& row : rows_) print_row(row);
}

}  // namespace cli
