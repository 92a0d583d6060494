// Numbers as text: for a formula (a few significant digits, "−" for minus) and for files (the shortest
// text that reads back to exactly the same double). Below the notation (engine/teaching/notation.h),
// so that the core's messages (training_settings.cpp) write numbers as the formulas do.
#pragma once
#include <string>

namespace bp {

// A number for a formula: up to `digits` significant digits, trailing zeros dropped, "−" for minus
// when unicode is true; scientific notation for very small or large magnitudes. NaN/Inf as words.
std::string format_number(double x, int digits = 4, bool unicode = true);
// Shortest text that reads back to exactly x (round-trip), for files and JSON.
std::string round_trip(double x);

}  // namespace bp
