// backprop-cli lesson check | list: the exact counts line of every built-in lesson ("N pages, M questions,
// K tasks", always plural), FILE: before it with several files, a broken lesson's errors as FILE:LINE on
// stderr with exit status 2 (a preset, an event that does not exist, a malformed file, a missing file),
// the list of the program's lessons as a table and as JSON, and the usage errors.
#include <gtest/gtest.h>

#include "cli_harness.h"

using namespace cli_test;
using nlohmann::json;

namespace {

const std::string kLessons = BP_LESSONS_DIR;

void expect_refused(const RunResult& r, const std::vector<std::string>& error_lines) {
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(lines(r.err), error_lines) << r.err;
}

}  // namespace

TEST(CliLesson, EveryBuiltInLessonPassesWithItsCounts) {
    const std::pair<const char*, const char*> expected[] = {
        {"first-steps", "10 pages, 7 questions, 2 tasks"},
        {"notes-000-linear-model", "10 pages, 10 questions, 1 tasks"},
        {"notes-001-chain-rule", "11 pages, 10 questions, 2 tasks"},
        {"notes-002-matrix-rules", "10 pages, 9 questions, 2 tasks"},
        {"notes-003-fc-recurrences", "10 pages, 9 questions, 1 tasks"},
        {"notes-004-delta-recurrence", "11 pages, 10 questions, 2 tasks"},
    };
    for (const auto& [stem, counts] : expected) {
        const RunResult r = run_cli({"lesson", "check", kLessons + "/" + stem + ".md"});
        EXPECT_EQ(r.status, 0) << stem << ": " << r.err;
        EXPECT_EQ(r.out, std::string(counts) + "\n");
        EXPECT_EQ(r.err, "");
    }
}

TEST(CliLesson, SeveralFilesEachNamedAndTheCountsAlwaysPlural) {
    TempDir dir;
    const std::string one = dir.write("one.md",
                                      "# A lesson of one page\n\n## The page\n\n```state\npreset: mazur-2-2-2\n```\n\n"
                                      "```question\nask: loss\n```\n\n"
                                      "```task\ngoal: Lower the loss.\nwhen: L < 0.25\nhint: Drag w²₁₁.\nshow: It sets w²₁₁.\n"
                                      "do: set w 2,0,0 = -0.5\n```\n");
    const RunResult single = run_cli({"lesson", "check", one});
    EXPECT_EQ(single.status, 0) << single.err;
    EXPECT_EQ(single.out, "1 pages, 1 questions, 1 tasks\n");
    const std::string tour = kLessons + "/first-steps.md";
    const RunResult both = run_cli({"lesson", "check", one, tour});
    EXPECT_EQ(both.status, 0) << both.err;
    EXPECT_EQ(both.out, one + ": 1 pages, 1 questions, 1 tasks\n" + tour + ": 10 pages, 7 questions, 2 tasks\n");
}

TEST(CliLesson, ABrokenLessonIsRefusedWithEachErrorsFileAndLine) {
    TempDir dir;
    const std::string path = dir.write("broken.md",
                                       "# Broken\n"
                                       "\n"
                                       "## Page\n"
                                       "\n"
                                       "Some **bold.\n"
                                       "\n"
                                       "```state\n"
                                       "preset: mazur-2-2-2\n"
                                       "colour: red\n"
                                       "```\n"
                                       "\n"
                                       "```task\n"
                                       "goal: g\n"
                                       "when: L < (0.25\n"
                                       "hint: h\n"
                                       "```\n");
    expect_refused(run_cli({"lesson", "check", path}),
                   {path + ":5:6: ** without its closing **",
                    path + ":9: 'colour' is not a key of a ```state block (its keys: preset, file, expression, expression-preset, "
                           "document, at, sample, set, lr, train, step, select, pin-path, neurons, edges, notation, hide, tab)",
                    path + ":12: a task needs a way to show how: show: a sentence, do: what the program does, or both",
                    path + ":14:16: the condition: missing ')'"});
}

TEST(CliLesson, APresetOrAnEventThatDoesNotExistIsAnError) {
    TempDir dir;
    const std::string path = dir.write("names.md",
                                       "# Names\n\n## One\n\n```state\npreset: mazur-2-2-3\n```\n\n"
                                       "## Two\n\n```state\npreset: mazur-2-2-2\nstep: update b 1,0\n```\n\n"
                                       "## Three\n\n```state\nexpression-preset: multi-path\nstep: adjoint h7\n```\n");
    const RunResult r = run_cli({"lesson", "check", path});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    const std::vector<std::string> e = lines(r.err);
    ASSERT_EQ(e.size(), 3u) << r.err;
    EXPECT_EQ(e[0].rfind(path + ":6: there is no preset 'mazur-2-2-3' (the presets: ", 0), 0u) << e[0];
    EXPECT_EQ(e[1], path + ":13: step: the pass has no event 'update b 1,0': the file freezes the biases");
    EXPECT_EQ(e[2], path + ":20: step: the expression has no node 'h7'");
    // One good file and one bad: the good one's counts, the bad one's errors, exit 2.
    const RunResult mixed = run_cli({"lesson", "check", kLessons + "/first-steps.md", path});
    EXPECT_EQ(mixed.status, 2);
    EXPECT_EQ(mixed.out, kLessons + "/first-steps.md: 10 pages, 7 questions, 2 tasks\n");
    EXPECT_EQ(lines(mixed.err).size(), 3u);
}

TEST(CliLesson, AFileThatCannotBeReadIsNamed) {
    TempDir dir;
    expect_refused(run_cli({"lesson", "check", dir.path("none.md")}), {dir.path("none.md") + ": cannot open (No such file or directory)"});
    expect_refused(run_cli({"lesson", "check", dir.path("")}), {dir.path("") + ": is a folder, not a lesson"});
}

TEST(CliLesson, ListsTheProgramsOwnLessons) {
    const RunResult r = run_cli({"lesson", "list"});
    ASSERT_EQ(r.status, 0) << r.err;
    const std::vector<std::string> out = lines(r.out);
    ASSERT_EQ(out.size(), 7u) << r.out;
    EXPECT_EQ(out[0], kLessons);  // run from the build tree: the source tree's lessons
    EXPECT_EQ(out[1].rfind("  first-steps                 First steps: ", 0), 0u) << out[1];
    EXPECT_EQ(out[6].rfind("  notes-004-delta-recurrence  Notes 004: ", 0), 0u) << out[6];

    const json j = run_json({"lesson", "list", "--format", "json"});
    ASSERT_EQ(j.size(), 6u);
    EXPECT_EQ(j[2]["stem"], "notes-001-chain-rule");
    EXPECT_EQ(j[2]["path"], kLessons + "/notes-001-chain-rule.md");
    EXPECT_EQ(j[2]["title"].get<std::string>().rfind("Notes 001: ", 0), 0u);
}

TEST(CliLesson, UsageErrors) {
    const RunResult none = run_cli({"lesson"});
    EXPECT_EQ(none.status, 2);
    EXPECT_EQ(lines(none.err).at(0), "backprop-cli lesson: lesson needs a subcommand: check FILE.md... or list");
    EXPECT_EQ(run_cli({"lesson", "check"}).err.rfind("backprop-cli lesson: lesson check needs one or more lesson files (FILE.md)", 0), 0u);
    EXPECT_EQ(run_cli({"lesson", "teach"}).err.rfind("backprop-cli lesson: unknown subcommand 'teach' (check or list)", 0), 0u);
    EXPECT_EQ(run_cli({"lesson", "list", "extra"}).status, 2);
    EXPECT_EQ(run_cli({"lesson", "check", "--format", "json", "x.md"}).status, 2);
    const RunResult help = run_cli({"lesson", "--help"});
    EXPECT_EQ(help.status, 0);
    EXPECT_EQ(help.out.rfind("Usage: backprop-cli lesson check FILE.md...", 0), 0u);
    EXPECT_NE(run_cli({"--help"}).out.find("  lesson     check a lesson"), std::string::npos);
}
