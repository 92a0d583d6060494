// The digit rule and the reader of hand-written numbers (see answer_check.h).
#include "engine/homework/answer_check.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace bp {
namespace {

constexpr std::string_view kUnicodeMinus = "\xE2\x88\x92";    // −  U+2212
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";        //    U+00A0
constexpr std::string_view kSuperMinus = "\xE2\x81\xBB";      // ⁻  U+207B
constexpr std::string_view kSuperPlus = "\xE2\x81\xBA";       // ⁺  U+207A
// ⁰ ¹ ² ³ ⁴ ⁵ ⁶ ⁷ ⁸ ⁹
constexpr std::string_view kSuperDigits[] = {"\xE2\x81\xB0", "\xC2\xB9", "\xC2\xB2", "\xC2\xB3", "\xE2\x81\xB4",
                                             "\xE2\x81\xB5", "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8",
                                             "\xE2\x81\xB9"};
constexpr int kMaxExponent = 400;  // beyond any double

// Reads text left to right; each eat_* consumes what it recognises and reports whether it did.
struct Reader {
    std::string_view s;
    std::size_t i = 0;

    bool done() const { return i >= s.size(); }
    bool eat(std::string_view token) {
        if (s.substr(i, token.size()) != token) return false;
        i += token.size();
        return true;
    }
    bool eat_space() { return eat(" ") || eat("\t") || eat("\n") || eat("\r") || eat(kNoBreakSpace); }
    std::string eat_digits() {
        std::string d;
        while (!done() && s[i] >= '0' && s[i] <= '9') d += s[i++];
        return d;
    }
    int eat_sign() {  // -1, +1, or 0 when there is none
        if (eat("-") || eat(kUnicodeMinus)) return -1;
        return eat("+") ? 1 : 0;
    }
    std::string eat_superscript_digits() {
        std::string d;
        for (bool found = true; found;) {
            found = false;
            for (int v = 0; v < 10 && !found; ++v)
                if (eat(kSuperDigits[v])) {
                    d += static_cast<char>('0' + v);
                    found = true;
                }
        }
        return d;
    }
};

// The exponent after the mantissa: e-4, E+2, ×10^-4, x10^-4, *10^-4, ·10^-4, ×10⁻⁴. "" when none,
// "?" when a marker is there but no digits follow.
std::string read_exponent(Reader& r) {
    if (r.eat("e") || r.eat("E")) {
        const int sign = r.eat_sign();
        const std::string d = r.eat_digits();
        return d.empty() ? "?" : (sign < 0 ? "-" : "") + d;
    }
    while (r.eat_space()) {}
    const bool times = r.eat("\xC3\x97") /* × */ || r.eat("x") || r.eat("*") || r.eat("\xC2\xB7") /* · */;
    if (!times) return "";
    while (r.eat_space()) {}
    if (!r.eat("10")) return "?";
    if (r.eat("^")) {
        const int sign = r.eat_sign();
        const std::string d = r.eat_digits();
        return d.empty() ? "?" : (sign < 0 ? "-" : "") + d;
    }
    const bool negative = r.eat(kSuperMinus);
    if (!negative) r.eat(kSuperPlus);
    const std::string d = r.eat_superscript_digits();
    return d.empty() ? "?" : (negative ? "-" : "") + d;
}

std::optional<WrittenNumber> fail(std::string* error, std::string_view text, const std::string& why) {
    if (error != nullptr) *error = "'" + std::string(text) + "' is not a number: " + why;
    return std::nullopt;
}

}  // namespace

std::optional<WrittenNumber> parse_written_number(std::string_view text, std::string* error) {
    Reader r{text};
    while (r.eat_space()) {}
    if (r.done()) {
        if (error != nullptr) *error = "the answer is empty";
        return std::nullopt;
    }
    const int sign = r.eat_sign();
    const std::string whole = r.eat_digits();
    std::string fraction;
    const bool point = r.eat(".");
    if (point) fraction = r.eat_digits();
    if (whole.empty() && fraction.empty())
        return fail(error, text, r.eat(",") ? "write the decimal point as '.'" : "it has no digits");
    if (!point && r.eat(",")) return fail(error, text, "write the decimal point as '.'");
    const std::string exponent = read_exponent(r);
    if (exponent == "?") return fail(error, text, "the exponent has no digits");
    while (r.eat_space()) {}
    if (!r.done()) {
        std::size_t n = 1;  // the whole character, never half of one (the message must stay UTF-8)
        while (r.i + n < text.size() && (static_cast<unsigned char>(text[r.i + n]) & 0xC0) == 0x80) ++n;
        return fail(error, text, "unexpected '" + std::string(text.substr(r.i, n)) + "'");
    }

    int e = 0;
    if (!exponent.empty()) {
        const auto digits = exponent.substr(exponent[0] == '-' ? 1 : 0);
        if (digits.size() > 4 || std::atoi(digits.c_str()) > kMaxExponent) return fail(error, text, "the exponent is too large");
        e = std::atoi(exponent.c_str());
    }
    // Significant digits: every digit written after the first non-zero one ("0.00877" → 877).
    const std::string all = whole + fraction;
    const auto first = all.find_first_not_of('0');
    WrittenNumber w;
    w.significant = first == std::string::npos ? 0 : static_cast<int>(all.size() - first);
    w.unit = std::pow(10.0, e - static_cast<int>(fraction.size()));  // 10^(exponent − decimals written)

    const std::string ascii = (sign < 0 ? "-" : "") + (whole.empty() ? std::string("0") : whole) +
                              (fraction.empty() ? "" : "." + fraction) + "e" + std::to_string(e);
    const auto res = std::from_chars(ascii.data(), ascii.data() + ascii.size(), w.value);
    if (res.ec == std::errc::result_out_of_range && w.significant > 0 && e > 0) return fail(error, text, "it is too large");
    if (res.ec == std::errc::result_out_of_range) w.value = sign < 0 ? -0.0 : 0.0;  // underflow: as good as 0
    if (!std::isfinite(w.value)) return fail(error, text, "it is too large");
    return w;
}

bool within_last_digit(const WrittenNumber& given, double x, double exact) {
    if (!std::isfinite(x) || !std::isfinite(exact)) return false;
    // One unit in the last digit, widened by a hair so a decimal that binary cannot hold exactly
    // (0.7514 is 0.75139999…) is not refused for the rounding of its representation.
    const double allowance = given.unit * (1.0 + 1e-9) + 1e-12 * std::max(std::fabs(x), std::fabs(exact));
    return std::fabs(x - exact) <= allowance;
}

std::string_view to_string(Verdict v) {
    switch (v) {
        case Verdict::correct: return "correct";
        case Verdict::wrong: return "wrong";
        case Verdict::need_more_digits: return "need_more_digits";
        case Verdict::unreadable: return "unreadable";
    }
    return "?";
}

AnswerCheck check_answer(std::string_view text, double exact) {
    AnswerCheck c;
    const auto w = parse_written_number(text, &c.reason);
    if (!w) return c;  // unreadable, with the reason
    c.given = *w;
    c.reason.clear();
    const bool agrees = agrees_to_digits_written(*w, exact);
    const bool exactly = std::fabs(w->value - exact) <= 1e-12 * std::fabs(exact) && std::isfinite(exact);
    if (w->significant >= kMinSignificantDigits) {
        c.verdict = agrees ? Verdict::correct : Verdict::wrong;
    } else if (exactly) {
        c.verdict = Verdict::correct;  // "2" for exactly 2, "0" for exactly 0
    } else if (agrees) {
        c.verdict = Verdict::need_more_digits;
        const std::string n = std::to_string(w->significant);
        c.reason = std::string(text.substr(text.find_first_not_of(" \t"), std::string_view::npos));
        while (!c.reason.empty() && (c.reason.back() == ' ' || c.reason.back() == '\t')) c.reason.pop_back();
        c.reason += w->significant == 0 ? " has no significant digit" : " has only " + n + " significant digit";
        c.reason += ": write at least " + std::to_string(kMinSignificantDigits) + " so it can be checked.";
    } else {
        c.verdict = Verdict::wrong;
    }
    return c;
}

}  // namespace bp
