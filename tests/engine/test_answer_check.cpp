// The digit rule: reading numbers as students write them, and "correct to the digits written" (issue 12).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "engine/homework/answer_check.h"

namespace {

using bp::check_answer;
using bp::parse_written_number;
using bp::Verdict;

void expect_reads(const char* text, double value, int significant, double unit) {
    SCOPED_TRACE(text);
    std::string error;
    const auto w = parse_written_number(text, &error);
    ASSERT_TRUE(w.has_value()) << error;
    EXPECT_DOUBLE_EQ(w->value, value);
    EXPECT_EQ(w->significant, significant);
    EXPECT_DOUBLE_EQ(w->unit, unit);
}

TEST(DigitRuleParse, CountsSignificantDigitsAndTheLastDigitsUnit) {
    expect_reads("0.7514", 0.7514, 4, 1e-4);
    expect_reads("0.00877", 0.00877, 3, 1e-5);  // leading zeros are not significant
    expect_reads("0.750", 0.75, 3, 1e-3);       // a trailing zero written counts
    expect_reads("4.39e-4", 4.39e-4, 3, 1e-6);  // 4.39·10⁻⁴: last digit is 10⁻² · 10⁻⁴
    expect_reads("4.39E-4", 4.39e-4, 3, 1e-6);
    expect_reads("1200", 1200.0, 4, 1.0);
    expect_reads("12.", 12.0, 2, 1.0);
    expect_reads("0", 0.0, 0, 1.0);
    expect_reads("0.000", 0.0, 0, 1e-3);
}

TEST(DigitRuleParse, AcceptsSignsSpacesAndWrittenExponents) {
    expect_reads("-0.0381", -0.0381, 3, 1e-4);
    expect_reads("\xE2\x88\x92" "0.0381", -0.0381, 3, 1e-4);  // the Unicode minus −
    expect_reads("+0.0381", 0.0381, 3, 1e-4);
    expect_reads("  .5 ", 0.5, 1, 0.1);
    expect_reads("\t0.25\n", 0.25, 2, 1e-2);
    expect_reads("4.39×10^-4", 4.39e-4, 3, 1e-6);
    expect_reads("4.39 x 10^-4", 4.39e-4, 3, 1e-6);
    expect_reads("4.39*10^-4", 4.39e-4, 3, 1e-6);
    expect_reads("4.39×10⁻⁴", 4.39e-4, 3, 1e-6);
    expect_reads("2.5×10³", 2500.0, 2, 100.0);
    expect_reads("1e3", 1000.0, 1, 1000.0);
}

TEST(DigitRuleParse, RefusesWhatIsNotANumberWithAReason) {
    for (const char* text : {"", "   ", "abc", "0.7.5", "1e", "e5", "--1", "0.5abc", "1e99999", "4.39×10", ".", "-"}) {
        SCOPED_TRACE(text);
        std::string error;
        EXPECT_FALSE(parse_written_number(text, &error).has_value());
        EXPECT_FALSE(error.empty());
    }
    std::string error;
    EXPECT_FALSE(parse_written_number("0,75", &error).has_value());
    EXPECT_NE(error.find("'.'"), std::string::npos) << error;
    EXPECT_FALSE(parse_written_number("1 δ", &error).has_value());
    EXPECT_EQ(error, "'1 δ' is not a number: unexpected 'δ'");  // the whole character, never half of one
}

TEST(DigitRule, TheIssuesExamplesAreRight) {
    EXPECT_EQ(check_answer("0.7514", 0.75136507).verdict, Verdict::correct);
    EXPECT_EQ(check_answer("0.00877", 0.0087713).verdict, Verdict::correct);
    EXPECT_EQ(check_answer("4.39e-4", 0.00043857).verdict, Verdict::correct);
    EXPECT_EQ(check_answer("\xE2\x88\x92" "0.0381", -0.0380982).verdict, Verdict::correct);
}

TEST(DigitRule, OneUnitInTheLastDigitAndNoMore) {
    // 0.75136507: "0.7513" is 0.65 units off, "0.7515" 1.35 units off.
    EXPECT_EQ(check_answer("0.7513", 0.75136507).verdict, Verdict::correct);
    EXPECT_EQ(check_answer("0.7515", 0.75136507).verdict, Verdict::wrong);
    EXPECT_EQ(check_answer("0.7512", 0.75136507).verdict, Verdict::wrong);
    // Exactly one unit off is still right, although 0.7515 − 0.7514 is not exactly 1e-4 in binary.
    EXPECT_EQ(check_answer("0.7514", 0.7515).verdict, Verdict::correct);
    EXPECT_EQ(check_answer("0.7514", 0.7513).verdict, Verdict::correct);
    EXPECT_EQ(check_answer("0.7514", 0.75150002).verdict, Verdict::wrong);
    // More digits, finer judgement: 0.75 is right for 0.7514, 0.750 (three digits) is not.
    EXPECT_EQ(check_answer("0.75", 0.7514).verdict, Verdict::correct);
    EXPECT_EQ(check_answer("0.750", 0.7514).verdict, Verdict::wrong);
    // Scientific notation: 4.39e-4 for 0.00043857 is 0.14 units off; 4.37e-4 is 1.86 units off.
    EXPECT_EQ(check_answer("4.37e-4", 0.00043857).verdict, Verdict::wrong);
    // Seventeen digits: the relative allowance accepts binary rounding of the student's decimal.
    EXPECT_EQ(check_answer("0.29837110876000270", 0.2983711087600027).verdict, Verdict::correct);
}

TEST(DigitRule, SignAndMagnitudeAlwaysCount) {
    EXPECT_EQ(check_answer("-0.7514", 0.75136507).verdict, Verdict::wrong);
    EXPECT_EQ(check_answer("0.0381", -0.0380982).verdict, Verdict::wrong);
    EXPECT_EQ(check_answer("7.514", 0.75136507).verdict, Verdict::wrong);
    EXPECT_EQ(check_answer("0.07514", 0.75136507).verdict, Verdict::wrong);
    EXPECT_EQ(check_answer("7.514e-1", 0.75136507).verdict, Verdict::correct);
    // Even with one digit: the wrong sign or size is wrong, not a request for more digits.
    EXPECT_EQ(check_answer("-0.7", 0.75136507).verdict, Verdict::wrong);
    EXPECT_EQ(check_answer("3", 0.75136507).verdict, Verdict::wrong);
}

TEST(DigitRule, FewerThanTwoSignificantDigitsAsksForMore) {
    for (const char* text : {"0.7", ".8", "  .8 ", "0.8", "8e-1"}) {
        SCOPED_TRACE(text);
        const auto c = check_answer(text, 0.75136507);
        EXPECT_EQ(c.verdict, Verdict::need_more_digits);
        EXPECT_NE(c.reason.find("at least 2"), std::string::npos) << c.reason;
    }
    EXPECT_EQ(check_answer("0", 0.3).verdict, Verdict::need_more_digits);       // 0.3 is within one unit of 0
    EXPECT_EQ(check_answer("0.000", 0.0002).verdict, Verdict::need_more_digits);
    EXPECT_EQ(check_answer("0", 3.5).verdict, Verdict::wrong);
}

TEST(DigitRule, ExactValuesNeedNoMoreDigits) {
    EXPECT_EQ(check_answer("0", 0.0).verdict, Verdict::correct);
    EXPECT_EQ(check_answer("0.0", 0.0).verdict, Verdict::correct);
    EXPECT_EQ(check_answer("2", 2.0).verdict, Verdict::correct);
    EXPECT_EQ(check_answer("0.5", 0.5).verdict, Verdict::correct);
    EXPECT_EQ(check_answer("0", 1e-9).verdict, Verdict::need_more_digits);
}

TEST(DigitRule, UnreadableAnswersSaySo) {
    const auto c = check_answer("seven", 0.7);
    EXPECT_EQ(c.verdict, Verdict::unreadable);
    EXPECT_NE(c.reason.find("seven"), std::string::npos) << c.reason;
    EXPECT_EQ(check_answer("", 0.7).verdict, Verdict::unreadable);
    EXPECT_EQ(bp::to_string(Verdict::need_more_digits), "need_more_digits");
}

TEST(DigitRuleParse, EveryCombinationOfPiecesEitherReadsOrSaysWhy) {
    // All strings of up to four pieces: the reader never crashes, a number it reads is finite with a
    // positive unit, and a number always agrees with itself (right, or too few digits to say).
    const char* const pieces[] = {"0", "7", ".", "e", "-", "\xE2\x88\x92", "\xC3\x97" "10^", "\xE2\x81\xBB", " ", ",", "5"};
    constexpr int kPieces = sizeof pieces / sizeof pieces[0];
    int read = 0;
    for (int code = 0; code < kPieces * kPieces * kPieces * kPieces; ++code) {
        std::string text;
        for (int c = code, i = 0; i < 4; ++i, c /= kPieces) text += pieces[c % kPieces];
        std::string error;
        const auto w = parse_written_number(text, &error);
        if (!w) {
            EXPECT_FALSE(error.empty()) << text;
            continue;
        }
        ++read;
        EXPECT_TRUE(std::isfinite(w->value)) << text;
        EXPECT_GT(w->unit, 0.0) << text;
        const Verdict v = check_answer(text, w->value).verdict;
        EXPECT_TRUE(v == Verdict::correct || v == Verdict::need_more_digits) << text;
    }
    EXPECT_GT(read, 100);
}

}  // namespace
