// The key presses of one frame, in order, as the platform received them (GLFW's key codes and modifier
// bits, which ImGui 1.86's GLFW backend uses too). ImGui 1.86 reads the keyboard's *state* once a frame,
// so a clicker's 4 ms tap during a slow frame is pressed and released before it looks: the window's own
// keys are read from this list instead, and no press is ever lost.
#pragma once
#include <vector>

namespace studio {

struct KeyPress {
    int key = 0;      // GLFW key code
    int mods = 0;     // kModShift | kModControl | kModAlt
    bool repeat = false;  // the key is held: the system's auto-repeat
};
using KeyPresses = std::vector<KeyPress>;

inline constexpr int kModShift = 0x1, kModControl = 0x2, kModAlt = 0x4;

// GLFW's key codes (letters and digits are their ASCII capitals).
namespace key {
inline constexpr int space = 32, period = 46, minus = 45, equal = 61;
inline constexpr int escape = 256, enter = 257, tab = 258;
inline constexpr int right = 262, left = 263, down = 264, up = 265, page_up = 266, page_down = 267, home = 268,
                     end = 269;
inline constexpr int f1 = 290, f5 = 294, f11 = 300, f12 = 301;
inline constexpr int keypad_subtract = 333, keypad_add = 334;
}  // namespace key

}  // namespace studio
