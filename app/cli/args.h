// The command-line parser every backprop-cli command shares: options declared per command, values
// converted with messages that name the argument ("--steps abc: not an integer"). No engine dependency,
// so it can be fuzzed on its own.
#pragma once
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

// Bad usage: unknown option, missing or malformed value. main prints it and exits 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string name;          // "--lr"
    bool takes_value = true;   // false for flags
};

struct ParsedArgs {
    std::vector<std::string> positional;        // in order
    std::map<std::string, std::string> values;  // option name -> value ("" for a flag)
    bool help = false;                          // --help or -h anywhere

    bool has(const std::string& name) const { return values.count(name) != 0; }
    std::optional<std::string> get(const std::string& name) const;
};

// Parses `--name value`, `--name=value`, flags and positionals (everything after "--" is positional).
// Throws UsageError naming the offending argument; `command` is used in messages.
ParsedArgs parse_args(std::string_view command, const std::vector<std::string>& args,
                      const std::vector<OptionSpec>& options);

// Conversions of one argument's text; `what` names it in the message ("--steps").
long long parse_integer(const std::string& text, const std::string& what, long long lo, long long hi);
double parse_number(const std::string& text, const std::string& what);  // finite doubles only
// "1,0,2" -> {1, 0, 2}: exactly `count` non-negative integers separated by commas.
std::vector<int> parse_indices(const std::string& text, int count, const std::string& what);
// `text` must be one of `choices`; returns its position in the list.
int parse_choice(const std::string& text, const std::string& what, const std::vector<std::string>& choices);

}  // namespace cli
