// backprop-cli lesson check FILE.md... | lesson list [--format table|json]: checks lessons as the window
// would walk them (engine/lessons/lesson_check.h) and lists the program's own lessons.
#include <ostream>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/input.h"
#include "app/cli/output.h"
#include "engine/lessons/lesson_check.h"
#include "engine/lessons/lesson_library.h"

namespace {
using namespace cli;

const char* const kLessonHelp = R"(Usage: backprop-cli lesson check FILE.md...
       backprop-cli lesson list [--format table|json]

A lesson walks a student through a set of course notes, page by page, with the live network (or
expression graph) beside the text, questions computed from the state on screen and tasks checked as
the student drags a weight. It is a Markdown file a teacher writes in a text editor: the format is in
docs/LESSONS.md (installed with the README).

  check FILE.md...  reads each lesson and sets up every page without a window: its preset, file or
                    expression loads, its step, selection and pinned path exist, every question's
                    answer can be computed, every task's condition names only quantities the page
                    has, is not met before the student moves, and is met after its "do:" actions.
                    Prints "N pages, M questions, K tasks" (with several files, "FILE: ..." for
                    each), or each error as FILE:LINE: reason on stderr.
  list              the program's own lessons: their names, titles and the folder they are in
                    (copy one from there to make your own). --format json: [{"stem", "title", "path"}]

Presets (preset: NAME) and expression presets (expression-preset: NAME) are looked up among the
program's own (share/backprop-studio/presets and .../expressions); file: PATH is relative to the lesson.

Exit status: 0 every lesson is well formed; 2 a lesson has errors, or a bad argument.
)";

int check_lessons(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
    if (files.empty()) throw UsageError("lesson check needs one or more lesson files (FILE.md)");
    const bp::LessonResolver resolver = bp::installed_resolver();
    bool all_ok = true;
    for (const std::string& path : files) {
        const bp::LessonCheck check = bp::check_lesson_file(path, resolver);
        if (!check.ok()) {
            all_ok = false;
            for (const bp::LessonError& e : check.errors) err << e.text() << '\n';
            continue;
        }
        if (files.size() > 1) out << path << ": ";
        out << bp::counts_text(check.counts) << '\n';
    }
    return all_ok ? 0 : 2;
}

int list_lessons(const ParsedArgs& a, std::ostream& out) {
    if (a.positional.size() > 1) throw UsageError("lesson list takes no files: '" + a.positional[1] + "'");
    const std::string dir = bp::asset_dir("lessons");
    const std::vector<bp::LessonInfo> lessons = bp::list_lessons(dir);
    if (lessons.empty())
        throw bp::Error(dir.empty() ? "no lessons are installed (share/backprop-studio/lessons beside the program does not exist)"
                                    : "no lessons in " + dir);
    if (format_option(a, Format::table) == Format::json) {
        Json list = Json::array();
        for (const bp::LessonInfo& l : lessons) list.push_back({{"stem", l.stem}, {"title", l.title}, {"path", l.path}});
        write_json(out, list);
        return 0;
    }
    std::size_t width = 0;
    for (const bp::LessonInfo& l : lessons) width = std::max(width, l.stem.size());
    out << dir << '\n';
    for (const bp::LessonInfo& l : lessons) out << "  " << l.stem << std::string(width - l.stem.size() + 2, ' ') << l.title << '\n';
    return 0;
}

}  // namespace

int run_lesson(const CommandArgs& args, std::ostream& out, std::ostream& err) {
    const ParsedArgs a = parse_args("lesson", args, {{"--format", true}});
    if (a.help) {
        out << kLessonHelp;
        return 0;
    }
    if (a.positional.empty()) throw UsageError("lesson needs a subcommand: check FILE.md... or list");
    const std::string& sub = a.positional[0];
    if (sub == "check") {
        if (a.has("--format")) throw UsageError("lesson check has no --format: it prints the counts or the errors");
        return check_lessons({a.positional.begin() + 1, a.positional.end()}, out, err);
    }
    if (sub == "list") return list_lessons(a, out);
    throw UsageError("unknown subcommand '" + sub + "' (check or list)");
}
