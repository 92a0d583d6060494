// Files from the window (files.h): open, save, the unsaved-changes question, a load error that leaves
// everything as it was, recent files, the browser's listing, autosave and its restore, and saves and
// autosaves killed (SIGKILL) mid-write that leave a complete file behind.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>

#include <nlohmann/json.hpp>

#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/autosave.h"
#include "app/studio/handlers/example.h"
#include "app/studio/handlers/export.h"
#include "app/studio/handlers/files.h"
#include "app/studio/handlers/lab.h"
#include "engine/core/error.h"
#include "engine/core/passes.h"
#include "engine/export/training_script.h"
#include "engine/io/serialize.h"
#include "tests/studio/scratch_dir.h"

using namespace studio;
namespace fs = std::filesystem;

namespace {

using test::Scratch;

AppState example() { return make_state(builtin_example(), "", "example"); }

void files(AppState& s, FilesCommand c) { apply(s, act::Files{std::move(c)}); }

std::string text_of(const bp::Document& d) { return bp::dump_document(d); }

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void edit_w111(AppState& s, double v) { apply(s, act::EditParameter{Selection::weight(1, 0, 0), v}); }

}  // namespace

TEST(Files, OpenReplacesTheDocumentAndIsRemembered) {
    Scratch t("open");
    bp::Document d = builtin_example();
    d.net.layers[1].W(0, 0) = 0.123;
    bp::save_document(t / "net.json", d);
    AppState s = example();
    attach_files(s.files, t / "recent.json", "");
    files(s, files_cmd::Open{t / "net.json"});
    EXPECT_TRUE(s.files.error_title.empty()) << s.files.error_text;
    EXPECT_DOUBLE_EQ(s.doc.net.layers[1].W(0, 0), 0.123);
    EXPECT_EQ(s.file_path, t / "net.json");
    EXPECT_EQ(s.title, "net");
    EXPECT_FALSE(is_modified(s));
    ASSERT_EQ(s.files.recent.size(), 1u);
    EXPECT_EQ(s.files.recent[0], t / "net.json");
    EXPECT_EQ(s.files.last_dir, t.dir.string());
    FilesState again;  // the list survives a restart
    attach_files(again, t / "recent.json", "");
    EXPECT_EQ(again.recent, s.files.recent);
    EXPECT_EQ(again.last_dir, s.files.last_dir);
}

TEST(Files, AFileThatFailsToLoadShowsTheEnginesMessageAndChangesNothing) {
    const std::string bad = std::string(BP_TEST_DATA) + "/bad/dims-weights-transposed.json";
    std::string engine_message;
    try {
        bp::load_document(bad);
    } catch (const bp::Error& e) {
        engine_message = e.what();
    }
    ASSERT_FALSE(engine_message.empty());
    AppState s = example();
    edit_w111(s, 0.5);
    apply(s, act::Select{Selection::weight(2, 1, 0)});
    const std::string before = text_of(s.doc);
    const std::size_t undo = s.undo.size();
    files(s, files_cmd::Open{bad});  // asked first (unsaved changes); "Discard" then fails to load
    files(s, files_cmd::AnswerPending{files_cmd::Answer::discard});
    EXPECT_FALSE(s.files.error_title.empty());
    EXPECT_EQ(s.files.error_text, engine_message) << "the engine's precise message, as it is";
    EXPECT_EQ(text_of(s.doc), before);
    EXPECT_TRUE(is_modified(s));
    EXPECT_EQ(s.undo.size(), undo);
    EXPECT_EQ(s.selection, Selection::weight(2, 1, 0));
    files(s, files_cmd::DismissError{});
    EXPECT_TRUE(s.files.error_title.empty());
    files(s, files_cmd::Open{"/nonexistent/net.json", true});  // I/O errors too
    EXPECT_NE(s.files.error_text.find("/nonexistent/net.json"), std::string::npos) << s.files.error_text;
    EXPECT_EQ(text_of(s.doc), before);
}

TEST(Files, UnsavedChangesAreAskedAboutFirst) {
    Scratch t("ask");
    bp::save_document(t / "other.json", builtin_example());
    AppState s = example();
    edit_w111(s, 0.9);
    const std::string edited = text_of(s.doc);
    files(s, files_cmd::Open{t / "other.json"});
    EXPECT_EQ(s.files.pending, Pending::open_file);
    EXPECT_EQ(text_of(s.doc), edited) << "nothing happens before the answer";
    files(s, files_cmd::AnswerPending{files_cmd::Answer::cancel});
    EXPECT_EQ(s.files.pending, Pending::none);
    EXPECT_EQ(text_of(s.doc), edited);

    files(s, files_cmd::New{});
    EXPECT_EQ(s.files.pending, Pending::new_document);
    files(s, files_cmd::AnswerPending{files_cmd::Answer::discard});
    EXPECT_EQ(s.files.pending, Pending::none);
    EXPECT_EQ(text_of(s.doc), text_of(builtin_example()));
    EXPECT_FALSE(is_modified(s));

    edit_w111(s, 0.7);  // "Save" on an untitled document asks for a name, then goes on
    files(s, files_cmd::Open{t / "other.json"});
    files(s, files_cmd::AnswerPending{files_cmd::Answer::save});
    EXPECT_TRUE(s.files.browser.open);
    EXPECT_TRUE(s.files.browser.saving);
    EXPECT_EQ(s.files.pending, Pending::open_file);
    files(s, files_cmd::SaveAs{t / "mine"});
    EXPECT_EQ(bp::load_document(t / "mine.json").net.layers[1].W(0, 0), 0.7) << "\".json\" added, the edit saved";
    EXPECT_EQ(s.file_path, t / "other.json") << "and then the file asked for was opened";
    EXPECT_FALSE(is_modified(s));
}

// Issue 18, item 1: a preset over an edit replaced the document without asking, and Ctrl+Q then quit
// and deleted the autosave.
TEST(Files, APresetOverUnsavedChangesAsksFirst) {
    Scratch t("preset_asks");
    AppState s = example();
    attach_files(s.files, "", t.dir.string());
    edit_w111(s, 0.7);
    write_autosave(s);
    const std::string own = s.files.autosave.path;
    const std::string preset = std::string(BP_PRESETS_DIR) + "/xor-2-3-1.json";
    files(s, files_cmd::OpenPreset{preset, "XOR"});
    EXPECT_EQ(s.files.pending, Pending::open_preset) << "the question is shown";
    EXPECT_DOUBLE_EQ(s.doc.net.layers[1].W(0, 0), 0.7) << "nothing replaced yet";
    files(s, files_cmd::AnswerPending{files_cmd::Answer::cancel});
    EXPECT_TRUE(is_modified(s));
    EXPECT_DOUBLE_EQ(s.doc.net.layers[1].W(0, 0), 0.7);
    EXPECT_TRUE(fs::exists(own)) << "the unsaved work is still kept";
    files(s, files_cmd::RequestQuit{});
    EXPECT_FALSE(s.files.quit) << "quitting asks too";
    files(s, files_cmd::AnswerPending{files_cmd::Answer::cancel});
    files(s, files_cmd::OpenPreset{preset, "XOR"});
    files(s, files_cmd::AnswerPending{files_cmd::Answer::discard});
    EXPECT_EQ(s.title, "XOR");
    EXPECT_EQ(s.doc.net.layers[1].size, 3);
    EXPECT_FALSE(is_modified(s));
    EXPECT_FALSE(fs::exists(own)) << "discarded explicitly: the autosave goes";
}

// Issue 18, item 2: Open in the browser over unsaved changes did nothing until Cancel.
TEST(Files, OpenFromTheBrowserOverUnsavedChangesAsksAtOnceAndCancelReturnsToIt) {
    Scratch t("browser_asks");
    bp::save_document(t / "other.json", builtin_example());
    AppState s = example();
    edit_w111(s, 0.7);
    files(s, files_cmd::ShowBrowser{false});
    files(s, files_cmd::BrowseTo{t.dir.string()});
    files(s, files_cmd::Open{t / "other.json"});
    EXPECT_EQ(s.files.pending, Pending::open_file);
    EXPECT_FALSE(s.files.browser.open) << "the browser gives way to the question";
    files(s, files_cmd::AnswerPending{files_cmd::Answer::cancel});
    EXPECT_TRUE(s.files.browser.open) << "Cancel goes back to the browser";
    EXPECT_DOUBLE_EQ(s.doc.net.layers[1].W(0, 0), 0.7);
    files(s, files_cmd::Open{t / "other.json"});
    files(s, files_cmd::AnswerPending{files_cmd::Answer::discard});
    EXPECT_EQ(s.file_path, t / "other.json");
    EXPECT_FALSE(s.files.browser.open);
    EXPECT_FALSE(is_modified(s));
}

TEST(Files, QuitAsksWhenThereAreUnsavedChanges) {
    AppState s = example();
    files(s, files_cmd::RequestQuit{});
    EXPECT_TRUE(s.files.quit) << "nothing to lose";
    AppState m = example();
    edit_w111(m, 0.3);
    files(m, files_cmd::RequestQuit{});
    EXPECT_FALSE(m.files.quit);
    EXPECT_EQ(m.files.pending, Pending::quit);
    files(m, files_cmd::AnswerPending{files_cmd::Answer::discard});
    EXPECT_TRUE(m.files.quit);
}

TEST(Files, SaveAsWritesTheDocumentAndAFailedSaveLosesNothing) {
    Scratch t("save");
    AppState s = example();
    edit_w111(s, 0.42);
    files(s, files_cmd::SaveAs{t / "a.json"});
    EXPECT_FALSE(is_modified(s));
    EXPECT_EQ(s.file_path, t / "a.json");
    EXPECT_EQ(s.title, "a");
    EXPECT_EQ(text_of(bp::load_document(t / "a.json")), text_of(s.doc)) << "reads back as the same document";

    edit_w111(s, 0.43);
    files(s, files_cmd::SaveAs{"/nonexistent/dir/b.json"});
    EXPECT_FALSE(s.files.error_title.empty());
    EXPECT_TRUE(is_modified(s)) << "still unsaved, still open";
    EXPECT_EQ(s.file_path, t / "a.json");
    EXPECT_DOUBLE_EQ(bp::load_document(t / "a.json").net.layers[1].W(0, 0), 0.42) << "the old file untouched";
    files(s, files_cmd::DismissError{});
    files(s, files_cmd::Save{});  // Ctrl+S: to the file it came from
    EXPECT_DOUBLE_EQ(bp::load_document(t / "a.json").net.layers[1].W(0, 0), 0.43);
}

// Issue 24: a read-only (0444) file was only refused ("cannot be replaced"); as editors do, the window
// asks, and "Save anyway" replaces it with the engine's force option, keeping its mode.
TEST(Files, SavingOverAReadOnlyFileAsksAndSaveAnywayReplacesIt) {
    Scratch t("read_only");
    const std::string path = t / "ro.json";
    AppState s = example();
    files(s, files_cmd::SaveAs{path});
    ASSERT_EQ(::chmod(path.c_str(), 0444), 0);
    const std::string before = read_text(path);

    edit_w111(s, 0.31);
    files(s, files_cmd::Save{});
    EXPECT_EQ(s.files.read_only_path, path) << "the question is asked";
    EXPECT_TRUE(s.files.error_title.empty()) << "a question, not an error";
    EXPECT_EQ(read_text(path), before) << "nothing replaced before the answer";
    EXPECT_TRUE(is_modified(s));

    files(s, files_cmd::AnswerReadOnly{false});  // Cancel: the file and the work stay as they are
    EXPECT_TRUE(s.files.read_only_path.empty());
    EXPECT_EQ(read_text(path), before);
    EXPECT_TRUE(is_modified(s));

    files(s, files_cmd::Save{});
    ASSERT_EQ(s.files.read_only_path, path);
    files(s, files_cmd::AnswerReadOnly{true});  // Save anyway
    EXPECT_TRUE(s.files.read_only_path.empty());
    EXPECT_FALSE(is_modified(s));
    EXPECT_DOUBLE_EQ(bp::load_document(path).net.layers[1].W(0, 0), 0.31);
    EXPECT_EQ(fs::status(path).permissions() & fs::perms::all, fs::perms(0444)) << "still read-only";
}

// Quitting with unsaved work, Save, a read-only file: Save anyway saves and then quits; Cancel stays.
TEST(Files, TheReadOnlyQuestionOnTheWayOutDecidesTheQuit) {
    Scratch t("read_only_quit");
    const std::string path = t / "ro.json";
    for (const bool replace : {false, true}) {
        AppState s = example();
        files(s, files_cmd::SaveAs{path});
        ASSERT_EQ(::chmod(path.c_str(), 0444), 0);
        edit_w111(s, 0.27);
        files(s, files_cmd::RequestQuit{});
        files(s, files_cmd::AnswerPending{files_cmd::Answer::save});
        ASSERT_EQ(s.files.read_only_path, path);
        EXPECT_FALSE(s.files.quit);
        files(s, files_cmd::AnswerReadOnly{replace});
        EXPECT_EQ(s.files.quit, replace);
        EXPECT_EQ(s.files.pending, Pending::none);
        EXPECT_EQ(is_modified(s), !replace);
        ::chmod(path.c_str(), 0644);
    }
}

// Issue 24: an autosave folder that cannot be written (gone, read-only, full) was silent: the user believed
// the work was kept. The status line says so once, and once more when it works again.
TEST(Files, AnAutosaveThatCannotBeWrittenSaysSo) {
    Scratch t("autosave_fails");
    AppState s = example();
    const std::string dir = t / "autosave";
    fs::create_directories(dir);
    attach_files(s.files, "", dir);
    ASSERT_FALSE(s.files.autosave.path.empty());
    fs::remove_all(dir);  // the folder is gone under the running program
    edit_w111(s, 0.52);
    files(s, files_cmd::Tick{kAutosaveSeconds + 1});
    EXPECT_TRUE(s.status_is_error);
    EXPECT_NE(s.status.find("autosave cannot write"), std::string::npos) << s.status;
    set_status(s, "something else");
    files(s, files_cmd::Tick{kAutosaveSeconds + 1});
    EXPECT_EQ(s.status, "something else") << "said once, not every tick";
    fs::create_directories(dir);
    files(s, files_cmd::Tick{kAutosaveSeconds + 1});
    EXPECT_TRUE(fs::exists(s.files.autosave.path));
    EXPECT_NE(s.status.find("works again"), std::string::npos) << s.status;
}

// A FIFO or a device opened from the window is refused at once with the engine's message (it blocked forever
// or exhausted memory before the engine's loader refused them); the open document stays.
TEST(Files, AFifoOrADeviceOpenedFromTheWindowIsRefusedAtOnce) {
    Scratch t("special");
    const std::string fifo = t / "pipe.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    for (const std::string& path : {fifo, std::string("/dev/zero")}) {
        AppState s = example();
        edit_w111(s, 0.44);
        const std::string before = text_of(s.doc);
        files(s, files_cmd::Open{path, true});
        EXPECT_NE(s.files.error_text.find(path == fifo ? "is a FIFO" : "is a character device"), std::string::npos) << s.files.error_text;
        EXPECT_EQ(text_of(s.doc), before);
        EXPECT_TRUE(is_modified(s));
    }
}

// A large data set (tens of MB of JSON) is not autosaved every few seconds while the Lab trains (each
// write stalled a frame for a second or more); it is written at the first tick after the pause.
TEST(Files, ALargeDataSetIsAutosavedWhenTrainingPauses) {
    Scratch t("autosave_large");
    bp::Document doc = builtin_example();
    doc.data = bp::Dataset{bp::Matrix(kAutosaveWhileTrainingSamples + 1, 2, 0.5), bp::Matrix(kAutosaveWhileTrainingSamples + 1, 2, 0.5)};
    AppState s = make_state(doc, "", "large");
    attach_files(s.files, "", t.dir.string());
    apply(s, act::Lab{lab::SetTraining{true}});
    edit_w111(s, 0.3);
    files(s, files_cmd::Tick{kAutosaveSeconds + 1});
    EXPECT_FALSE(fs::exists(s.files.autosave.path)) << "not while training";
    apply(s, act::Lab{lab::SetTraining{false}});
    files(s, files_cmd::Tick{0.1});
    EXPECT_TRUE(fs::exists(s.files.autosave.path)) << "at the first tick after the pause";
}

TEST(Files, TheRecentListKeepsEightMostRecentFirst) {
    Scratch t("recent");
    AppState s = example();
    attach_files(s.files, t / "recent.json", "");
    for (int i = 0; i < 10; ++i) files(s, files_cmd::SaveAs{t / std::string("n").append(std::to_string(i)).append(".json")});
    ASSERT_EQ(s.files.recent.size(), static_cast<std::size_t>(kMaxRecent));
    EXPECT_EQ(s.files.recent[0], t / "n9.json");
    EXPECT_EQ(s.files.recent[7], t / "n2.json");
    files(s, files_cmd::Open{t / "n5.json"});
    EXPECT_EQ(s.files.recent[0], t / "n5.json") << "moves to the front, no duplicate";
    EXPECT_EQ(std::count(s.files.recent.begin(), s.files.recent.end(), t / "n5.json"), 1);
    fs::remove(t / "n9.json");
    FilesState again;
    attach_files(again, t / "recent.json", "");
    EXPECT_EQ(again.recent.size(), static_cast<std::size_t>(kMaxRecent - 1)) << "a file gone since is left out";
}

TEST(Files, TheBrowserListsFoldersFirstThenJsonFiles) {
    Scratch t("list");
    fs::create_directories(t.dir / "b-folder");
    fs::create_directories(t.dir / "A-folder");
    fs::create_directories(t.dir / ".hidden");
    for (const char* f : {"zeta.json", "Alpha.JSON", "notes.txt", ".secret.json"}) std::ofstream(t / f) << "{}";
    std::string error;
    const std::vector<DirEntry> e = list_directory(t.dir.string(), error);
    EXPECT_TRUE(error.empty());
    const std::vector<DirEntry> want = {{"A-folder", true}, {"b-folder", true}, {"Alpha.JSON", false}, {"zeta.json", false}};
    EXPECT_EQ(e, want);
    EXPECT_TRUE(list_directory(t / "missing", error).empty());
    EXPECT_FALSE(error.empty());

    AppState s = example();
    s.files.last_dir = t.dir.string();
    files(s, files_cmd::ShowBrowser{false});
    EXPECT_TRUE(s.files.browser.open);
    EXPECT_EQ(s.files.browser.entries, want);
    files(s, files_cmd::BrowseTo{t / "A-folder/.."});
    EXPECT_EQ(s.files.browser.dir, fs::weakly_canonical(t.dir).string());
}

TEST(Files, AutosaveWritesUnsavedWorkAndOffersItAtTheNextStart) {
    Scratch t("autosave");
    AppState s = example();
    attach_files(s.files, "", t.dir.string());
    const std::string path = s.files.autosave.path;
    ASSERT_FALSE(path.empty());
    EXPECT_TRUE(s.files.autosave.offers.empty());
    files(s, files_cmd::Tick{kAutosaveSeconds + 1});
    EXPECT_FALSE(fs::exists(path)) << "nothing unsaved, nothing written";
    edit_w111(s, 0.61);
    files(s, files_cmd::Tick{1.0});
    EXPECT_FALSE(fs::exists(path)) << "not before a few seconds";
    files(s, files_cmd::Tick{kAutosaveSeconds});
    ASSERT_TRUE(fs::exists(path));
    EXPECT_DOUBLE_EQ(bp::load_document(path).net.layers[1].W(0, 0), 0.61) << "the engine reads it like any file";

    // While s runs, another instance must not offer its work...
    AppState second = example();
    attach_files(second.files, "", t.dir.string());
    EXPECT_TRUE(second.files.autosave.offers.empty()) << "a live instance's autosave is not offered";
    EXPECT_NE(second.files.autosave.path, path) << "each instance has its own file";
    detach_autosave(second.files.autosave);
    EXPECT_TRUE(fs::exists(path)) << "and never removes it";

    // ... but once s is gone (a crash: its lock released, its file left), the next start offers it.
    close(s.files.autosave.lock_fd);
    AppState next = example();
    attach_files(next.files, "", t.dir.string());
    ASSERT_EQ(next.files.autosave.offers.size(), 1u);
    EXPECT_EQ(next.files.autosave.offers[0].path, path);
    EXPECT_FALSE(next.files.autosave.offers[0].time.empty());
    AppState rival = example();  // started at the same time: the offer is already taken
    attach_files(rival.files, "", t.dir.string());
    EXPECT_TRUE(rival.files.autosave.offers.empty()) << "one offer, one instance";
    files(next, files_cmd::Tick{kAutosaveSeconds * 3});
    EXPECT_DOUBLE_EQ(bp::load_document(path).net.layers[1].W(0, 0), 0.61) << "unanswered: not overwritten";
    files(next, files_cmd::Restore{true});
    EXPECT_DOUBLE_EQ(next.doc.net.layers[1].W(0, 0), 0.61);
    EXPECT_TRUE(is_modified(next)) << "restored work is still unsaved";
    EXPECT_FALSE(next.doc.extra->contains(kAutosaveKey));
    EXPECT_FALSE(fs::exists(path)) << "the old file goes...";
    ASSERT_TRUE(fs::exists(next.files.autosave.path)) << "...once the restored work is in this instance's own";
    EXPECT_DOUBLE_EQ(bp::load_document(next.files.autosave.path).net.layers[1].W(0, 0), 0.61);
    files(next, files_cmd::SaveAs{t / "kept.json"});
    EXPECT_FALSE(fs::exists(next.files.autosave.path)) << "a save clears it";
    EXPECT_FALSE(bp::load_document(t / "kept.json").extra->contains(kAutosaveKey));

    edit_w111(next, 0.62);
    files(next, files_cmd::Tick{kAutosaveSeconds});
    const std::string second_path = next.files.autosave.path;
    ASSERT_TRUE(fs::exists(second_path));
    close(next.files.autosave.lock_fd);  // a crash again
    AppState third = example();
    attach_files(third.files, "", t.dir.string());
    ASSERT_EQ(third.files.autosave.offers.size(), 1u);
    EXPECT_EQ(third.files.autosave.offers[0].origin, t / "kept.json");
    files(third, files_cmd::Restore{false});
    EXPECT_FALSE(fs::exists(second_path)) << "declined: gone";
    EXPECT_TRUE(third.files.autosave.offers.empty());
}

// Issue 24: a recent list or last folder that cannot be looked at (a symlink loop, a name too long) made
// every start abort with std::filesystem::filesystem_error.
TEST(Files, RecentEntriesThatCannotBeLookedAtAreSkippedNotFatal) {
    Scratch t("bad_recent");
    fs::create_symlink("loop", t.dir / "loop");
    bp::save_document(t / "good.json", builtin_example());
    const std::string long_name = "/tmp/" + std::string(300, 'a') + "/x.json";
    std::ofstream(t / "recent.json") << nlohmann::json{{"recent", {t / "loop/x.json", long_name, t / "good.json"}},
                                                       {"last_dir", t / "loop"}}.dump();
    AppState s = example();
    ASSERT_NO_THROW(attach_files(s.files, t / "recent.json", ""));
    EXPECT_EQ(s.files.recent, std::vector<std::string>{t / "good.json"});
    ASSERT_NO_THROW(files(s, files_cmd::ShowBrowser{false}));
    EXPECT_TRUE(s.files.browser.open) << "the browser opens elsewhere";
    EXPECT_NE(s.files.browser.dir, t / "loop");
    ASSERT_NO_THROW(files(s, files_cmd::BrowseTo{t / "loop"}));
    EXPECT_FALSE(s.files.browser.error.empty()) << "the loop is named as a folder that cannot be listed";
}

namespace {

// SIGKILLs a child that writes `write` over and over at random moments; after each kill the file must
// load and be either the old or the new document, complete.
void kill_while_writing(const std::string& path, const std::string& old_text, const std::string& new_text,
                        const std::function<void()>& write) {
    std::mt19937 rng(7);
    for (int round = 0; round < 12; ++round) {
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            for (;;) write();
        }
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(200, 20000)(rng)));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status));
        bp::Document d;
        ASSERT_NO_THROW(d = bp::load_document(path)) << "round " << round;
        d.extra->erase(kAutosaveKey);
        const std::string got = text_of(d);
        EXPECT_TRUE(got == old_text || got == new_text) << "round " << round << ": a mixed or partial file";
    }
}

bp::Document big_document(double w) {  // large enough that a write takes a while
    bp::Document d = builtin_example();
    d.net = bp::make_network({64, 128, 128, 2}, {bp::Activation::tanh, bp::Activation::tanh, bp::Activation::sigmoid},
                             bp::Loss::mse_half, bp::InitScheme::xavier, 3);
    d.net.layers[1].W(0, 0) = w;
    d.data.reset();
    d.test.reset();
    return d;
}

}  // namespace

TEST(Files, ASaveKilledMidWriteLeavesACompleteFile) {
    Scratch t("kill_save");
    const bp::Document old_doc = big_document(1), new_doc = big_document(2);
    bp::save_document(t / "net.json", old_doc);
    kill_while_writing(t / "net.json", text_of(old_doc), text_of(new_doc),
                       [&] { bp::save_document(t / "net.json", new_doc); });
}

TEST(Files, AnAutosaveKilledMidWriteLeavesACompleteFile) {
    Scratch t("kill_autosave");
    AppState s = make_state(big_document(1), "", "big");
    attach_files(s.files, "", t.dir.string());
    mark_changed(s);
    write_autosave(s);
    const std::string old_text = text_of(s.doc);
    apply(s, act::EditParameter{Selection::weight(1, 0, 0), 2.0});
    const std::string new_text = text_of(s.doc);
    kill_while_writing(s.files.autosave.path, old_text, new_text, [&] {
        s.files.autosave.last_text.clear();  // write every time
        write_autosave(s);
    });
}

// ---- File ▸ Export (export.h): the files parse back to exactly the engine's numbers ----

namespace {

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> out;
    std::stringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream l(line);
        std::string c;
        while (std::getline(l, c, ',')) cells.push_back(c);
        if (!line.empty() && line.back() == ',') cells.push_back("");
        out.push_back(cells);
    }
    return out;
}

}  // namespace

TEST(Export, TheTraceAsCsvAndJsonReadsBackToTheEnginesNumbers) {
    AppState s = make_state(bp::load_document(std::string(BP_PRESETS_DIR) + "/relu-softmax-classifier.json"), "", "softmax");
    const bp::Trace t = bp::run_pass(s.doc.net, pass_inputs(s), pass_targets(s));
    const auto rows = csv_rows(trace_csv(s));
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0], (std::vector<std::string>{"quantity", "layer", "j", "k", "sample", "value"}));
    int checked = 0;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& c = rows[r];
        ASSERT_EQ(c.size(), 6u) << r;
        const double v = std::stod(c[5]);
        if (c[0] == "loss") {
            EXPECT_EQ(v, t.loss);
            ++checked;
            continue;
        }
        const int l = std::stoi(c[1]), j = std::stoi(c[2]);
        const bp::LayerTrace& lt = t.layers[l];
        if (c[0] == "z") EXPECT_EQ(v, lt.z(std::stoi(c[4]), j));
        else if (c[0] == "a") EXPECT_EQ(v, lt.a(std::stoi(c[4]), j));
        else if (c[0] == "delta") EXPECT_EQ(v, lt.delta(std::stoi(c[4]), j));
        else if (c[0] == "dW") EXPECT_EQ(v, lt.dW(j, std::stoi(c[3])));
        else if (c[0] == "db") EXPECT_EQ(v, lt.db[j]);
        else ADD_FAILURE() << "unknown quantity " << c[0];
        ++checked;
    }
    int expected = 1;  // the loss; then every value of every layer
    for (std::size_t l = 0; l < t.layers.size(); ++l)
        expected += t.N() * t.layers[l].a.cols * (l == 0 ? 1 : 3) +
                    (l == 0 ? 0 : t.layers[l].dW.rows * t.layers[l].dW.cols + static_cast<int>(t.layers[l].db.size()));
    EXPECT_EQ(checked, expected) << "every value, once";

    const nlohmann::json j = nlohmann::json::parse(export_text(s, ExportKind::trace_json));
    EXPECT_EQ(j["loss"].get<double>(), t.loss);
    for (std::size_t l = 1; l < t.layers.size(); ++l) {
        const bp::LayerTrace& lt = t.layers[l];
        for (int r = 0; r < lt.dW.rows; ++r)
            for (int c = 0; c < lt.dW.cols; ++c) EXPECT_EQ(j["layers"][l]["dW"][r][c].get<double>(), lt.dW(r, c));
        for (int n = 0; n < t.N(); ++n)
            for (int c = 0; c < lt.delta.cols; ++c) EXPECT_EQ(j["layers"][l]["delta"][n][c].get<double>(), lt.delta(n, c));
    }
}

TEST(Export, TheLossHistoryAndTheFormula) {
    AppState s = example();
    apply(s, act::TrainSteps{5});
    const auto rows = csv_rows(loss_csv(s));
    ASSERT_EQ(rows.size(), 6u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"step", "train_loss", "test_loss"}));
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(std::stoi(rows[i + 1][0]), i);
        EXPECT_EQ(std::stod(rows[i + 1][1]), s.history.points()[i].train);
        EXPECT_EQ(rows[i + 1][2], "") << "no test data: the test loss is left empty";
    }
    EXPECT_EQ(std::stod(rows[1][1]), 0.29837110876000272) << "Mazur's E_total before the first update";
    AppState f = example();
    apply(f, act::StepForward{});  // z¹₁ = 0.3775
    EXPECT_NE(export_text(f, ExportKind::formula_text).find("0.3775"), std::string::npos);
    EXPECT_NE(export_text(f, ExportKind::formula_latex).find("0.3775"), std::string::npos);
    Scratch t("export");
    f.file_path = t / "mazur.json";
    files(f, files_cmd::Export{ExportKind::formula_latex});
    EXPECT_TRUE(f.files.error_title.empty()) << f.files.error_text;
    EXPECT_TRUE(fs::exists(t / "mazur-formula.tex"));
}

TEST(Export, TheTrainingAsAPyTorchOrNumPyScript) {
    AppState s = example();
    apply(s, act::TrainSteps{3});  // the script starts from the document as it is now
    Scratch t("export-script");
    s.file_path = t / "mazur.json";
    for (const auto& [kind, script, name] : {std::tuple{ExportKind::pytorch_script, bp::ScriptKind::pytorch, "mazur-pytorch.py"},
                                             std::tuple{ExportKind::numpy_script, bp::ScriptKind::numpy, "mazur-numpy.py"}}) {
        files(s, files_cmd::Export{kind});
        EXPECT_TRUE(s.files.error_title.empty()) << s.files.error_text;
        EXPECT_EQ(read_text(t / name), bp::training_script(s.doc, script, bp::kDefaultScriptSteps));
    }
    s.doc.data.reset();  // no data, no training: said in a dialog
    files(s, files_cmd::Export{ExportKind::numpy_script});
    EXPECT_EQ(s.files.error_title, "Could not export");
}

TEST(Export, ALongLossHistoryKeepsItsRealStepNumbers) {
    AppState s = example();
    constexpr long kSteps = 100'000;  // past the capacity: thinned
    for (long t = 0; t < kSteps; ++t) s.history.append(1.0 / (1 + t), t % 2 ? std::optional<double>(0.5) : std::nullopt);
    const auto rows = csv_rows(loss_csv(s));
    ASSERT_EQ(rows.size(), s.history.size() + 1);
    ASSERT_LT(rows.size(), static_cast<std::size_t>(kSteps)) << "thinned";
    long prev = -1;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const long step = std::stol(rows[i][0]);
        EXPECT_GT(step, prev);
        EXPECT_EQ(std::stod(rows[i][1]), 1.0 / (1 + step)) << "the loss of that very step";
        EXPECT_EQ(rows[i][2], step % 2 ? "0.5" : "") << step;
        prev = step;
    }
    EXPECT_EQ(std::stol(rows[1][0]), 0);
    EXPECT_EQ(prev, kSteps - 1) << "the newest step is the last row";
}
