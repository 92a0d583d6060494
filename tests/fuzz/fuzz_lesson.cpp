// libFuzzer target for lessons (engine/lessons): arbitrary text is read as a lesson. Reading never throws:
// a malformed lesson comes back with errors, each naming a line of the text (or 0 for the whole file) and
// a column inside that line, with a message in valid UTF-8. A well-formed one is checked page by page
// against the program's presets (BP_FUZZ_ASSETS), unless it asks for much training, where again the only
// outcome is a list of errors. Anything else — an exception, a crash, a place outside the text — is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "engine/lessons/lesson_check.h"
#include "engine/lessons/page_scene.h"

namespace {

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz_lesson: %s\n", what.c_str());
    std::abort();
}

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

void expect_placed(const std::vector<bp::LessonError>& errors, int lines) {
    for (const bp::LessonError& e : errors) {
        if (e.line < 0 || e.line > lines + 1) fail("an error on line " + std::to_string(e.line) + " of " + std::to_string(lines));
        if (e.column < 0) fail("a negative column");
        if (e.message.empty()) fail("an error without a message");
        if (!valid_utf8(e.message)) fail("a message that is not UTF-8: " + e.message);
    }
}

long training_asked(const bp::Lesson& lesson) {
    long steps = 0;
    for (const bp::LessonPage& page : lesson.pages) {
        steps += page.state.train_steps;
        for (const bp::Task& t : page.tasks)
            for (const bp::DemoAction& a : t.demo) steps += a.steps;
    }
    return steps;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    int lines = 1;
    for (char c : text) lines += c == '\n' ? 1 : 0;
    try {
        const bp::LessonParse p = bp::parse_lesson(text, "fuzz.md");
        expect_placed(p.errors, lines);
        if (!p.ok() || training_asked(p.lesson) > 2000) return 0;
        const bp::LessonResolver resolver{BP_FUZZ_ASSETS "/presets", BP_FUZZ_ASSETS "/expressions"};
        const bp::LessonCheck c = bp::check_lesson(p.lesson, resolver);
        expect_placed(c.errors, lines);
        for (std::size_t i = 0; i < p.lesson.pages.size(); ++i) bp::effective_state(p.lesson, static_cast<int>(i));
    } catch (const std::exception& e) {
        fail(std::string("an exception escaped: ") + e.what());
    }
    return 0;
}
