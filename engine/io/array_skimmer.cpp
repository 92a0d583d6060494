// The scan of a network file for its number arrays (see array_skimmer.h). It follows JSON's structure
// without checking what nlohmann checks again on the rest (strings' contents, literals, duplicate keys):
// only the arrays it takes out are checked here, against JSON's grammar exactly.
#include "engine/io/array_skimmer.h"

#include <charconv>
#include <cmath>

namespace bp {
namespace {

// Where a value is: the places that may hold a number array (as in checked_parser.cpp).
enum class Where { other, top, layers, layer, data, test };

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }  // JSON's whitespace

class Skimmer {
public:
    explicit Skimmer(const std::string& text) : text_(text), p_(text.data()), end_(text.data() + text.size()) {}

    std::optional<SkimmedText> run() {
        space();
        if (p_ == end_ || *p_ != '{' || !value(Where::top, -1)) return std::nullopt;
        space();
        if (p_ != end_) return std::nullopt;
        out_.rest.append(copied_, end_);
        return std::move(out_);
    }

private:
    void space() {
        while (p_ != end_ && is_space(*p_)) ++p_;
    }
    bool at(char c) const { return p_ != end_ && *p_ == c; }

    // Skips one value (reading the number arrays inside it); false where the text is not JSON as far as
    // the scan can tell.
    bool value(Where where, int index) {
        if (at('{')) return object(where, index);
        if (at('[')) return array(where);
        if (at('"')) return string();
        const char* start = p_;  // a number or a literal: checked by nlohmann on the rest
        while (p_ != end_ && *p_ != ',' && *p_ != ']' && *p_ != '}' && !is_space(*p_)) ++p_;
        return p_ != start;
    }

    bool string() {
        for (++p_; p_ != end_; ++p_) {
            if (*p_ == '\\') {
                if (++p_ == end_) return false;
            } else if (*p_ == '"') {
                ++p_;
                return true;
            }
        }
        return false;
    }

    // One level deeper; false past kMaxJsonNesting (the whole parse then refuses the text with its message).
    bool deeper() { return ++depth_ <= kMaxJsonNesting; }

    bool object(Where where, int index) {
        if (!deeper()) return false;
        ++p_;
        space();
        if (at('}')) return ++p_, --depth_, true;
        for (;;) {
            if (!at('"')) return false;
            const char* key = p_ + 1;
            if (!string()) return false;
            const std::string_view k(key, static_cast<std::size_t>(p_ - 1 - key));  // as written: escapes not undone
            space();
            if (!at(':')) return false;
            ++p_;
            space();
            const std::string place = number_array_place(where, index, k);
            if (!(!place.empty() && at('[') && number_array(place)) && !value(child(where, k), -1)) return false;
            space();
            if (at('}')) return ++p_, --depth_, true;
            if (!at(',')) return false;
            ++p_;
            space();
        }
    }

    bool array(Where where) {
        if (!deeper()) return false;
        ++p_;
        space();
        if (at(']')) return ++p_, --depth_, true;
        for (int i = 0;; ++i) {
            if (!value(where == Where::layers ? Where::layer : Where::other, i)) return false;
            space();
            if (at(']')) return ++p_, --depth_, true;
            if (!at(',')) return false;
            ++p_;
            space();
        }
    }

    static Where child(Where where, std::string_view key) {
        if (where == Where::top && key == "layers") return Where::layers;
        if (where == Where::top && key == "data") return Where::data;
        if (where == Where::data && key == "test") return Where::test;
        return Where::other;
    }

    // NumberArrays' name of the place of `key`'s value, or "".
    static std::string number_array_place(Where where, int index, std::string_view key) {
        if (where == Where::layer && key == "weights") return "layers[" + std::to_string(index) + "].weights";
        if (key != "inputs" && key != "targets") return "";
        if (where == Where::data) return "data." + std::string(key);
        if (where == Where::test) return "data.test." + std::string(key);
        return "";
    }

    // An array of rows of numbers at p_, read into out_.arrays and replaced by [] in the rest. Anything
    // else there: false, p_ back at the array's start, for value() to skip it into the rest.
    bool number_array(const std::string& place) {
        const char* start = p_;
        NumberRows rows;
        if (depth_ + 2 > kMaxJsonNesting || !read_rows(rows)) {
            p_ = start;
            return false;
        }
        out_.rest.append(copied_, start);
        out_.rest += "[]";
        copied_ = p_;
        out_.arrays[place] = std::move(rows);
        return true;
    }

    bool read_rows(NumberRows& rows) {
        ++p_;  // [
        space();
        if (at(']')) return ++p_, true;
        for (;;) {
            if (!at('[')) return false;
            ++p_;
            space();
            rows.row_sizes.push_back(0);
            if (!at(']')) {
                for (;;) {
                    double x = 0;
                    if (!number(x)) return false;
                    rows.values.push_back(x);
                    ++rows.row_sizes.back();
                    space();
                    if (at(']')) break;
                    if (!at(',')) return false;
                    ++p_;
                    space();
                }
            }
            ++p_;  // ]
            space();
            if (at(']')) return ++p_, true;
            if (!at(',')) return false;
            ++p_;
            space();
        }
    }

    // A number of JSON's grammar, -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, as nlohmann reads it: an
    // integer as the integer converted to double (the correctly rounded value; "-0" is 0), anything else
    // by strtod (correctly rounded, as from_chars). False for a number out of double's range (nlohmann
    // refuses it with its place) or one from_chars does not read as a normal one (to be safe).
    bool number(double& x) {
        const char* start = p_;
        bool integer = true;
        if (at('-')) ++p_;
        if (at('0')) {
            ++p_;
        } else {
            if (p_ == end_ || !is_digit(*p_) ) return false;
            while (p_ != end_ && is_digit(*p_)) ++p_;
        }
        if (at('.')) {
            integer = false;
            ++p_;
            if (p_ == end_ || !is_digit(*p_)) return false;
            while (p_ != end_ && is_digit(*p_)) ++p_;
        }
        if (at('e') || at('E')) {
            integer = false;
            ++p_;
            if (at('+') || at('-')) ++p_;
            if (p_ == end_ || !is_digit(*p_)) return false;
            while (p_ != end_ && is_digit(*p_)) ++p_;
        }
        const auto [stop, error] = std::from_chars(start, p_, x);
        if (error != std::errc() || stop != p_ || !std::isfinite(x)) return false;
        if (integer && x == 0) x = 0.0;  // nlohmann's integer 0 for "-0"
        return true;
    }

    const std::string& text_;
    const char* p_;
    const char* end_;
    const char* copied_ = text_.data();  // the text up to here is in out_.rest
    int depth_ = 0;                      // arrays and objects open at p_
    SkimmedText out_;
};

}  // namespace

std::optional<SkimmedText> skim_number_arrays(const std::string& text) { return Skimmer(text).run(); }

}  // namespace bp
