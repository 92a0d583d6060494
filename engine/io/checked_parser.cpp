// The checked JSON parser of network files (see checked_parser.h): nlohmann's SAX events, passed on to
// its tree builder except inside a network file's number arrays, which are read into NumberRows.
#include "engine/io/checked_parser.h"

#include <optional>
#include <set>

#include "engine/core/error.h"
#include "engine/io/array_skimmer.h"

namespace bp {
namespace {
using nlohmann::json;

constexpr std::size_t kUnknownSize = static_cast<std::size_t>(-1);  // what nlohmann's parser passes

void check_nesting(const std::string& text) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonNesting)
                throw Error("the file nests arrays/objects deeper than " + std::to_string(kMaxJsonNesting) + " levels");
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

// nlohmann's DOM builder wrapped to know where the parser is, as a field path ("layers[1].weights[0]"):
// refuses duplicate keys (JSON leaves them undefined; nlohmann would keep the last one silently) and
// names the place of a number too large for a double (nlohmann's message gives no position). Asked to,
// it reads the number arrays of a network file into NumberRows instead of the tree: 10⁵ numbers are
// then 10⁵ doubles in one vector, not 10⁵ tree nodes in 10⁵/2 vectors.
class CheckedParser {
public:
    CheckedParser(json& result, NumberArrays* arrays) : dom_(result, true), arrays_(arrays) {}

    bool null() { return other_value() && value_done(dom_.null()); }
    bool boolean(bool x) { return other_value() && value_done(dom_.boolean(x)); }
    bool number_integer(json::number_integer_t x) {
        return reading_rows_ ? number(static_cast<double>(x)) : value_done(dom_.number_integer(x));
    }
    bool number_unsigned(json::number_unsigned_t x) {
        return reading_rows_ ? number(static_cast<double>(x)) : value_done(dom_.number_unsigned(x));
    }
    bool number_float(json::number_float_t x, const std::string& s) {
        return reading_rows_ ? number(x) : value_done(dom_.number_float(x, s));
    }
    bool string(std::string& x) { return other_value() && value_done(dom_.string(x)); }
    bool binary(json::binary_t& x) { return other_value() && value_done(dom_.binary(x)); }
    bool start_object(std::size_t n) {
        other_value();
        stack_.push_back({true, {}, {}, 0});
        return dom_.start_object(n);
    }
    bool start_array(std::size_t n) {
        if (reading_rows_) {
            if (rows_depth_ == 1) {  // a row begins
                rows_depth_ = 2;
                rows_.row_sizes.push_back(0);
                return true;
            }
            stop_reading_rows();  // an array inside a row: the tree takes it
        } else if (arrays_ && is_number_array_place()) {
            reading_rows_ = true;
            rows_depth_ = 1;
            rows_ = {};
            return true;
        }
        stack_.push_back({false, {}, {}, 0});
        return dom_.start_array(n);
    }
    bool end_object() { return end(dom_.end_object()); }
    bool end_array() {
        if (!reading_rows_) return end(dom_.end_array());
        if (rows_depth_ == 2) {
            rows_depth_ = 1;
            return true;
        }
        reading_rows_ = false;  // the array is complete: it joins the arrays, the tree gets an empty one
        (*arrays_)[path(stack_.size())] = std::move(rows_);
        return value_done(dom_.start_array(0) && dom_.end_array());
    }
    bool key(std::string& k) {
        Level& level = stack_.back();
        level.key = k;
        if (!level.keys.insert(k).second) {
            const std::string in = path(stack_.size() - 1);
            throw Error("duplicate key \"" + shorten(k) + "\" " + (in.empty() ? std::string("at the top level") : "in " + in) +
                        ": JSON leaves it undefined which one counts");
        }
        return dom_.key(k);
    }
    bool parse_error(std::size_t position, const std::string& token, const json::exception& e) {
        if (e.id == 406) {  // "number overflow parsing '1e999'": add the place (at layers[1].weights[0][0])
            const std::string p = path(stack_.size()) + rows_place();
            overflow_place_ = p.empty() ? "" : " (at " + p + ")";
        }
        return dom_.parse_error(position, token, e);  // throws e
    }
    const std::string& overflow_place() const { return overflow_place_; }

private:
    struct Level {
        bool object = false;
        std::set<std::string> keys;
        std::string key;  // objects: the key being read
        long count = 0;   // arrays: values read so far (the index of the next one)
    };
    static std::string shorten(const std::string& key) { return key.size() > 40 ? key.substr(0, 40) + "..." : key; }
    std::string path(std::size_t levels) const {
        std::string p;
        for (std::size_t i = 0; i < levels; ++i)
            p += stack_[i].object ? (p.empty() ? "" : ".") + shorten(stack_[i].key) : "[" + std::to_string(stack_[i].count) + "]";
        return p;
    }
    bool value_done(bool ok) {
        if (!stack_.empty() && !stack_.back().object) ++stack_.back().count;
        return ok;
    }
    bool end(bool ok) {
        stack_.pop_back();
        return value_done(ok);
    }

    // [SECTION] the number arrays
    bool key_is(std::size_t level, const char* k) const { return stack_[level].object && stack_[level].key == k; }
    // Where an array about to begin is one of NumberArrays' places.
    bool is_number_array_place() const {
        const std::size_t n = stack_.size();
        if (n == 3 && key_is(0, "layers") && !stack_[1].object && key_is(2, "weights")) return true;
        const auto inputs_or_targets = [&](std::size_t level) { return key_is(level, "inputs") || key_is(level, "targets"); };
        if (n == 2 && key_is(0, "data") && inputs_or_targets(1)) return true;
        return n == 3 && key_is(0, "data") && key_is(1, "test") && inputs_or_targets(2);
    }
    bool number(double x) {
        if (rows_depth_ == 1) {  // a number where a row belongs: the tree takes the array
            stop_reading_rows();
            return value_done(dom_.number_float(x, {}));
        }
        rows_.values.push_back(x);
        ++rows_.row_sizes.back();
        return true;
    }
    // Before any value other than a number or a row's array: inside a number array, the tree takes it.
    bool other_value() {
        if (reading_rows_) stop_reading_rows();
        return true;
    }
    // The array being read holds something else than rows of numbers: hands what was read so far to the
    // tree (numbers as doubles: the reader refuses this array anyway) and the tree takes the rest of it.
    void stop_reading_rows() {
        reading_rows_ = false;
        const bool in_row = rows_depth_ == 2;
        const std::size_t rows = rows_.row_sizes.size(), complete_rows = rows - (in_row ? 1 : 0);
        dom_.start_array(kUnknownSize);
        stack_.push_back({false, {}, {}, static_cast<long>(complete_rows)});
        std::size_t at = 0;
        for (std::size_t r = 0; r < rows; ++r) {
            dom_.start_array(kUnknownSize);
            for (std::size_t k = 0; k < rows_.row_sizes[r]; ++k) dom_.number_float(rows_.values[at++], {});
            if (r < complete_rows) dom_.end_array();
        }
        if (in_row) stack_.push_back({false, {}, {}, static_cast<long>(rows_.row_sizes.back())});
    }
    // The place inside a number array being read, as path() would write it: "[3][1]".
    std::string rows_place() const {
        if (!reading_rows_) return "";
        const std::size_t rows = rows_.row_sizes.size();
        if (rows_depth_ == 1) return "[" + std::to_string(rows) + "]";
        return "[" + std::to_string(rows - 1) + "][" + std::to_string(rows_.row_sizes.back()) + "]";
    }

    nlohmann::detail::json_sax_dom_parser<json> dom_;
    std::vector<Level> stack_;
    std::string overflow_place_;
    NumberArrays* arrays_;      // null: everything goes to the tree
    bool reading_rows_ = false;  // inside one of NumberArrays' places
    int rows_depth_ = 0;         // 1: between rows, 2: inside a row
    NumberRows rows_;
};

// nlohmann quotes the bytes it read: a 1 MB token would make a 1 MB message, and invalid UTF-8 among
// them would reach the terminal as is. Keeps 200 bytes and writes bytes >= 0x80 as \xNN.
std::string printable(const std::string& s) {
    std::string out;
    for (unsigned char c : s.size() > 200 ? s.substr(0, 200) + "..." : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            const char* hex = "0123456789abcdef";
            out += std::string("\\x") + hex[c >> 4] + hex[c & 15];
        }
    }
    return out;
}

// The whole text through nlohmann's lexer.
ParsedJson parse_whole(const std::string& text, bool read_number_arrays) {
    ParsedJson parsed;
    CheckedParser parser(parsed.tree, read_number_arrays ? &parsed.arrays : nullptr);
    try {
        json::sax_parse(text, &parser);
    } catch (const json::exception& e) {  // parse errors, and numbers out of double's range
        std::string what = e.what();
        if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
        throw Error("not valid JSON: " + printable(what) + parser.overflow_place());
    }
    return parsed;
}

// The rest of the text through nlohmann's lexer, the skimmed arrays in their places (array_skimmer.h);
// nullopt when the rest is refused (its message's line and column would be the rest's, not the file's)
// or does not hold [] where the scan took an array out.
std::optional<ParsedJson> parse_skimmed(SkimmedText& skimmed) {
    std::optional<ParsedJson> parsed;
    try {
        parsed = parse_whole(skimmed.rest, true);
    } catch (const Error&) {
        return std::nullopt;
    }
    for (auto& [place, rows] : skimmed.arrays) {
        const auto it = parsed->arrays.find(place);
        if (it == parsed->arrays.end() || !it->second.row_sizes.empty()) return std::nullopt;
        it->second = std::move(rows);
    }
    return parsed;
}

}  // namespace

ParsedJson parse_checked(const std::string& text, bool read_number_arrays) {
    // The scan refuses text nested deeper than check_nesting allows, so when the rest is valid JSON
    // check_nesting would not have refused the text: it runs only before the whole text is parsed.
    if (read_number_arrays)
        if (std::optional<SkimmedText> skimmed = skim_number_arrays(text))
            if (std::optional<ParsedJson> parsed = parse_skimmed(*skimmed)) return std::move(*parsed);
    check_nesting(text);
    return parse_whole(text, read_number_arrays);
}

}  // namespace bp
