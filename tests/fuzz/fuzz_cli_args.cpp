// libFuzzer target for backprop-cli's argument parsing (app/cli/args.h): arbitrary argument vectors
// against each command's option list, then every value through the conversion the command applies.
// Only cli::UsageError may come out; accepted values are checked against strtoll/strtod.
#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "app/cli/args.h"

namespace {

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz_cli_args: %s\n", what.c_str());
    std::abort();
}

// The option lists of the commands (as in app/cli/cmd_*.cpp), plus one with every option at once.
const std::vector<std::vector<cli::OptionSpec>> kOptionLists = {
    {{"--format", true}},                                                                  // trace, gradcheck
    {{"--steps", true}, {"--lr", true}, {"--batch", true}, {"--optimizer", true}, {"--out", true}, {"--log", true},
     {"--every", true}, {"--force", false}},                                               // train
    {{"--weight", true}, {"--bias", true}, {"--sample", true}, {"--format", true}},        // paths
    {{"--sample", true}, {"--format", true}},                                              // steps
    {{"--steps", true}, {"--lr", true}, {"--batch", true}, {"--optimizer", true}, {"--weight", true},
     {"--bias", true}, {"--sample", true}, {"--format", true}, {"--verbose", false}, {"--quiet", false}},
};

// strtoll over the whole text: the independent reading of an integer the parser accepted.
bool reference_integer(const std::string& text, long long& out) {
    if (text.empty()) return false;
    errno = 0;
    char* end = nullptr;
    out = std::strtoll(text.c_str(), &end, 10);
    return errno == 0 && end == text.c_str() + text.size();
}

void check_integer(const std::string& text, long long lo, long long hi) {
    try {
        const long long v = cli::parse_integer(text, "--n", lo, hi);
        long long ref = 0;
        if (v < lo || v > hi) fail("parse_integer returned a value outside its bounds: " + text);
        if (!reference_integer(text, ref) || ref != v) fail("parse_integer disagrees with strtoll on '" + text + "'");
    } catch (const cli::UsageError&) {
    }
}

void check_number(const std::string& text) {
    try {
        const double v = cli::parse_number(text, "--lr");
        if (!std::isfinite(v)) fail("parse_number returned a non-finite value for '" + text + "'");
        char* end = nullptr;
        const double ref = std::strtod(text.c_str(), &end);
        if (end != text.c_str() + text.size() || ref != v) fail("parse_number disagrees with strtod on '" + text + "'");
    } catch (const cli::UsageError&) {
    }
}

void check_indices(const std::string& text, int count) {
    try {
        const std::vector<int> idx = cli::parse_indices(text, count, "--weight");
        if (static_cast<int>(idx.size()) != count) fail("parse_indices returned the wrong count for '" + text + "'");
        std::size_t start = 0;
        for (int i = 0; i < count; ++i) {
            const std::size_t comma = text.find(',', start);
            long long ref = 0;
            const std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!reference_integer(part, ref) || ref != idx[i] || idx[i] < 0)
                fail("parse_indices disagrees with strtoll on '" + text + "'");
            start = comma + 1;
        }
    } catch (const cli::UsageError&) {
    }
}

void check_choice(const std::string& text) {
    const std::vector<std::string> choices = {"sgd", "momentum", "adam"};
    try {
        const int i = cli::parse_choice(text, "--optimizer", choices);
        if (i < 0 || i >= 3 || choices[i] != text) fail("parse_choice returned the wrong choice for '" + text + "'");
    } catch (const cli::UsageError&) {
    }
}

void run(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return;
    const auto& options = kOptionLists[data[0] % kOptionLists.size()];
    std::vector<std::string> args(1);  // NUL-separated arguments after the selector byte
    for (std::size_t i = 1; i < size; ++i) {
        if (data[i] == 0) args.emplace_back();
        else args.back().push_back(static_cast<char>(data[i]));
    }
    cli::ParsedArgs a;
    try {
        a = cli::parse_args("fuzz", args, options);
    } catch (const cli::UsageError& e) {
        if (std::string(e.what()).empty()) fail("UsageError without a message");
        return;
    }
    // --help / -h counts before "--" and where it is not the value of the option before it.
    bool help = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& s = args[i];
        if (s == "--") break;
        help = help || s == "--help" || s == "-h";
        for (const cli::OptionSpec& o : options)
            if (o.takes_value && s == o.name) ++i;  // "--name value": skip the value
    }
    if (help != a.help) fail("help flag not reported as given");
    if (a.positional.size() + a.values.size() > args.size()) fail("more results than arguments");
    // Every value belongs to a declared option; flags carry no value.
    for (const auto& [name, value] : a.values) {
        const cli::OptionSpec* spec = nullptr;
        for (const cli::OptionSpec& o : options)
            if (o.name == name) spec = &o;
        if (spec == nullptr) fail("value for an undeclared option " + name);
        if (!spec->takes_value && !value.empty()) fail("flag " + name + " carries a value");
        if (a.get(name) != value) fail("get() disagrees with values for " + name);
    }
    // Each value through the conversions the commands use (and through all of them, for coverage).
    for (const auto& [name, value] : a.values) {
        check_integer(value, 0, 1000000000);
        check_integer(value, -5, 5);
        check_number(value);
        check_indices(value, 3);
        check_indices(value, 2);
        check_choice(value);
    }
    for (const std::string& p : a.positional) check_number(p);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        run(data, size);
    } catch (const std::exception& e) {
        fail(std::string("an exception other than UsageError: ") + e.what());
    }
    return 0;
}
