// "Correct to the digits written": reads a number as a student typed it ("0.7514", "−0.0381", "4.39e-4",
// " .5 ") and judges it against the exact value: right when within one unit of its last written digit.
// Fewer than two significant digits is neither right nor wrong: the student is asked for more digits.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bp {

inline constexpr int kMinSignificantDigits = 2;

struct WrittenNumber {
    double value = 0.0;  // the number as written
    int significant = 0; // significant digits written: "0.00877" → 3, "0.750" → 3, "0" → 0
    double unit = 1.0;   // one unit in the last written digit: "0.7514" → 1e-4, "4.39e-4" → 1e-6
};

// The number in `text`, or nullopt with the reason in *error ("'0.7.5' is not a number: ...").
// Accepts surrounding spaces, a sign (+, -, or the Unicode minus −), a decimal point, and an exponent
// written e-4, E-4, ×10^-4, x10^-4, *10^-4 or ×10⁻⁴.
std::optional<WrittenNumber> parse_written_number(std::string_view text, std::string* error = nullptr);

// |x − exact| ≤ one unit of `given`'s last digit, plus a tiny relative allowance for binary rounding.
bool within_last_digit(const WrittenNumber& given, double x, double exact);
inline bool agrees_to_digits_written(const WrittenNumber& given, double exact) {
    return within_last_digit(given, given.value, exact);
}

enum class Verdict { correct, wrong, need_more_digits, unreadable };
std::string_view to_string(Verdict);  // "correct", "wrong", "need_more_digits", "unreadable"

struct AnswerCheck {
    Verdict verdict = Verdict::unreadable;
    WrittenNumber given;  // meaningful unless unreadable
    std::string reason;   // why unreadable / why more digits are needed; empty otherwise
};

// The digit rule. Sign and magnitude always count: a one-digit answer that disagrees is wrong, one that
// agrees asks for more digits (unless it is exactly the value: "2" for 2 is right). A written zero is
// right only for an exact zero.
AnswerCheck check_answer(std::string_view text, double exact);

}  // namespace bp
