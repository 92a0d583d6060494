// The shared command-line parser and argument conversions (see args.h).
#include "app/cli/args.h"

#include <charconv>
#include <cmath>

namespace cli {
namespace {

const OptionSpec* find_option(const std::vector<OptionSpec>& options, std::string_view name) {
    for (const OptionSpec& o : options)
        if (o.name == name) return &o;
    return nullptr;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

}  // namespace

std::optional<std::string> ParsedArgs::get(const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

ParsedArgs parse_args(std::string_view command, const std::vector<std::string>& args,
                      const std::vector<OptionSpec>& options) {
    ParsedArgs out;
    const std::string cmd(command);
    bool only_positional = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (only_positional || arg.size() < 2 || arg[0] != '-') {
            out.positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            only_positional = true;
            continue;
        }
        if (arg == "--help" || arg == "-h") {
            out.help = true;
            continue;
        }
        const auto eq = arg.find('=');
        const std::string name = arg.substr(0, eq);
        const OptionSpec* spec = find_option(options, name);
        if (spec == nullptr)
            throw UsageError("unknown option " + quoted(name) + " for " + cmd);
        if (out.has(name)) throw UsageError(name + " is given twice");
        if (!spec->takes_value) {
            if (eq != std::string::npos) throw UsageError(name + " takes no value");
            out.values[name] = "";
        } else if (eq != std::string::npos) {
            out.values[name] = arg.substr(eq + 1);
        } else {
            if (i + 1 >= args.size()) throw UsageError(name + " needs a value");
            out.values[name] = args[++i];
        }
    }
    return out;
}

long long parse_integer(const std::string& text, const std::string& what, long long lo, long long hi) {
    long long v = 0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v);
    if (text.empty() || r.ec == std::errc::invalid_argument || r.ptr != end)
        throw UsageError(what + " " + quoted(text) + ": not an integer");
    if (r.ec == std::errc::result_out_of_range || v < lo || v > hi)
        throw UsageError(what + " " + text + ": must be between " + std::to_string(lo) + " and " +
                         std::to_string(hi));
    return v;
}

double parse_number(const std::string& text, const std::string& what) {
    double v = 0.0;
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (end - begin > 1 && *begin == '+' && begin[1] != '-') ++begin;  // from_chars refuses a leading '+'; "+-1" stays refused
    const auto r = std::from_chars(begin, end, v);
    if (begin == end || r.ec == std::errc::invalid_argument || r.ptr != end)
        throw UsageError(what + " " + quoted(text) + ": not a number");
    if (r.ec == std::errc::result_out_of_range || !std::isfinite(v))
        throw UsageError(what + " " + text + ": not a finite number");
    return v;
}

std::vector<int> parse_indices(const std::string& text, int count, const std::string& what) {
    std::vector<int> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        const std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        long long v = 0;
        const char* end = part.data() + part.size();
        const auto r = std::from_chars(part.data(), end, v);
        if (part.empty() || r.ec != std::errc() || r.ptr != end)
            throw UsageError(what + " " + quoted(text) + ": expected " + std::to_string(count) +
                             " integers separated by commas");
        if (v < 0) throw UsageError(what + " " + text + ": indices count from 0 and cannot be negative");
        if (v > 1000000) throw UsageError(what + " " + text + ": index " + part + " is far too large");
        out.push_back(static_cast<int>(v));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (static_cast<int>(out.size()) != count)
        throw UsageError(what + " " + text + ": expected " + std::to_string(count) + " integers separated by commas, got " +
                         std::to_string(out.size()));
    return out;
}

int parse_choice(const std::string& text, const std::string& what, const std::vector<std::string>& choices) {
    std::string list;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (choices[i] == text) return static_cast<int>(i);
        list += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
    }
    throw UsageError(what + " " + quoted(text) + ": expected " + list);
}

}  // namespace cli
