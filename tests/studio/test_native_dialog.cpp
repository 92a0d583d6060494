// The desktop's file dialogs (native_dialog.h) and File ▸ Open… / Save As… with them (files.cpp),
// window-free: which backends an environment offers, zenity's and kdialog's command lines, a fake zenity
// and kdialog on PATH (chosen, cancelled, failed → the next backend, never blocking, closed when the app
// moves on), the in-app browser as the fallback (no portal and no dialog program, as under Xvfb; a
// dialog that fails; the setting off), and — under dbus-run-session (tests/dialogs/portal_test.sh) — the
// XDG portal itself against a mock portal, and a bus without one.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/example.h"
#include "app/studio/handlers/files.h"
#include "app/studio/desktop/native_dialog.h"
#include "app/studio/desktop/native_dialog_backends.h"
#include "app/studio/state/studio_state.h"
#include "engine/io/serialize.h"

using namespace studio;
namespace fs = std::filesystem;

namespace {

// A fresh folder, removed at the end.
struct Folder {
    fs::path dir;
    explicit Folder(const std::string& name)
        : dir(fs::temp_directory_path() / ("bp_dialog_" + name + "_" + std::to_string(getpid()))) {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Folder() { fs::remove_all(dir); }
    std::string operator/(const std::string& f) const { return (dir / f).string(); }
};

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A fake dialog program: a shell script that records its arguments, then runs `body`.
void fake_program(const Folder& bin, const std::string& name, const std::string& body) {
    const std::string path = bin / name;
    std::ofstream(path) << "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$0.args\"\n" << body << "\n";
    ::chmod(path.c_str(), 0755);
}

// Environment variables set for one test and put back after it.
class Env {
public:
    void set(const std::string& name, const std::optional<std::string>& value) {
        if (!saved_.count(name)) {
            const char* old = std::getenv(name.c_str());
            saved_[name] = old ? std::optional<std::string>(old) : std::nullopt;
        }
        if (value) ::setenv(name.c_str(), value->c_str(), 1);
        else ::unsetenv(name.c_str());
    }
    ~Env() {
        for (const auto& [name, value] : saved_) {
            if (value) ::setenv(name.c_str(), value->c_str(), 1);
            else ::unsetenv(name.c_str());
        }
    }

private:
    std::map<std::string, std::optional<std::string>> saved_;
};

// As under Xvfb in CI: a display, no session bus; PATH = `bin` (for the fake dialog programs), then
// the system's. Everything put back at the end of the test.
struct DesktopWithoutPortal {
    Folder bin, runtime;
    Env env;
    explicit DesktopWithoutPortal(const std::string& name) : bin(name), runtime(name + "_run") {
        env.set("DBUS_SESSION_BUS_ADDRESS", std::nullopt);
        env.set("XDG_RUNTIME_DIR", runtime.dir.string());  // no "bus" socket in it
        env.set("DISPLAY", ":99");
        env.set("XDG_CURRENT_DESKTOP", "GNOME");
        env.set("PATH", bin.dir.string() + ":/usr/bin:/bin");
    }
};

DialogAnswer wait_for(NativeDialog& d, double seconds = 10) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        const DialogAnswer a = d.poll();
        if (a.state != DialogState::waiting || std::chrono::steady_clock::now() > until) return a;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

// Ticks the app's frames until the desktop dialog has answered (or `seconds` pass).
void tick_until_answered(AppState& s, double seconds = 10) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (s.files.desktop_dialog && std::chrono::steady_clock::now() < until) {
        apply(s, act::Files{files_cmd::Tick{0.016}});
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

DialogRequest request(bool saving, const std::string& folder) {
    DialogRequest r;
    r.saving = saving;
    r.title = saving ? "Save the network as" : "Open a network file";
    r.folder = folder;
    r.name = saving ? "mine.json" : "";
    return r;
}

AppState example_state() { return make_state(builtin_example(), "", "example"); }

// ---- which backends ----
TEST(DesktopDialog, TheEnvironmentDecidesTheBackendsAndTheirOrder) {
    Folder bin("backends");
    fake_program(bin, "zenity", "exit 0");
    fake_program(bin, "kdialog", "exit 0");
    DialogEnvironment e;
    EXPECT_TRUE(dialog_backends(e).empty()) << "no bus, no display: the in-app browser";
    e.path = bin.dir.string();
    EXPECT_TRUE(dialog_backends(e).empty()) << "dialog programs need a display";
    e.display = true;
    EXPECT_EQ(dialog_backends(e), (std::vector<DialogBackend>{DialogBackend::zenity, DialogBackend::kdialog}));
    e.kde = true;
    EXPECT_EQ(dialog_backends(e), (std::vector<DialogBackend>{DialogBackend::kdialog, DialogBackend::zenity}));
    e.session_bus = true;
    EXPECT_EQ(dialog_backends(e).front(), DialogBackend::portal) << "the portal first when there is a bus";
    e.path = "/nonexistent";
    EXPECT_EQ(dialog_backends(e), std::vector<DialogBackend>{DialogBackend::portal});
}

TEST(DesktopDialog, ZenityAndKdialogAreAskedForJsonFilesInTheFolder) {
    const auto open = child_dialog_command(DialogBackend::zenity, request(false, "/home/a"));
    EXPECT_EQ(open, (std::vector<std::string>{"zenity", "--file-selection", "--title=Open a network file",
                                              "--filename=/home/a/", "--file-filter=Network files (*.json) | *.json",
                                              "--file-filter=All files | *"}));
    const auto save = child_dialog_command(DialogBackend::zenity, request(true, "/home/a"));
    EXPECT_NE(std::find(save.begin(), save.end(), "--save"), save.end());
    EXPECT_NE(std::find(save.begin(), save.end(), "--confirm-overwrite"), save.end());
    EXPECT_NE(std::find(save.begin(), save.end(), "--filename=/home/a/mine.json"), save.end());
    EXPECT_EQ(child_dialog_command(DialogBackend::kdialog, request(true, "/home/a")),
              (std::vector<std::string>{"kdialog", "--title", "Save the network as", "--getsavefilename",
                                        "/home/a/mine.json", "*.json|Network files (*.json)"}));
    EXPECT_EQ(child_dialog_command(DialogBackend::kdialog, request(false, "/home/a"))[3], "--getopenfilename");
}

// ---- a fake zenity and kdialog ----
TEST(DesktopDialog, ZenitysChoiceAndCancel) {
    DesktopWithoutPortal desktop("zenity");
    const Folder& bin = desktop.bin;
    fake_program(bin, "zenity", "echo '/home/a/my net.json'");
    NativeDialog chosen({DialogBackend::zenity}, request(true, "/home/a"));
    const DialogAnswer a = wait_for(chosen);
    EXPECT_EQ(a.state, DialogState::chosen);
    EXPECT_EQ(a.path, "/home/a/my net.json");
    EXPECT_NE(read_text(bin / "zenity.args").find("--filename=/home/a/mine.json\n"), std::string::npos);

    fake_program(bin, "zenity", "exit 1");
    NativeDialog cancelled({DialogBackend::zenity}, request(false, "/home/a"));
    EXPECT_EQ(wait_for(cancelled).state, DialogState::cancelled);
}

TEST(DesktopDialog, AFailingBackendHandsOverToTheNext) {
    DesktopWithoutPortal desktop("fallback");
    const Folder& bin = desktop.bin;
    fake_program(bin, "zenity", "exit 5");  // a broken install
    fake_program(bin, "kdialog", "echo /home/b/from-kdialog.json");
    NativeDialog d({DialogBackend::zenity, DialogBackend::kdialog}, request(false, "/home/b"));
    const DialogAnswer a = wait_for(d);
    EXPECT_EQ(a.state, DialogState::chosen);
    EXPECT_EQ(a.path, "/home/b/from-kdialog.json");
    EXPECT_EQ(d.backend(), DialogBackend::kdialog);

    fake_program(bin, "kdialog", "echo 'not a path'");  // exit 0 without a file: no answer either
    NativeDialog none({DialogBackend::zenity, DialogBackend::kdialog}, request(false, "/home/b"));
    const DialogAnswer n = wait_for(none);
    EXPECT_EQ(n.state, DialogState::failed);
    EXPECT_NE(n.reason.find("zenity: it exited with status 5"), std::string::npos) << n.reason;
    EXPECT_NE(n.reason.find("kdialog: it answered no file"), std::string::npos) << n.reason;

    desktop.env.set("PATH", "/nonexistent");
    NativeDialog missing({DialogBackend::zenity}, request(false, "/home/b"));
    EXPECT_EQ(wait_for(missing).state, DialogState::failed);
}

TEST(DesktopDialog, NeverBlocksAndIsClosedWhenTheAppMovesOn) {
    DesktopWithoutPortal desktop("slow");
    const Folder& bin = desktop.bin;
    // A person who takes their time: the dialog stays open 30 s unless it is closed.
    fake_program(bin, "zenity", "echo $$ > \"$0.pid\"; exec sleep 30");
    auto d = std::make_unique<NativeDialog>(std::vector<DialogBackend>{DialogBackend::zenity}, request(false, "/tmp"));
    const auto started = std::chrono::steady_clock::now();
    for (int frame = 0; frame < 20; ++frame) {
        EXPECT_EQ(d->poll().state, DialogState::waiting);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2)) << "20 polls, no waiting";
    while (!fs::exists(bin / "zenity.pid")) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const pid_t pid = std::stoi(read_text(bin / "zenity.pid"));
    d.reset();  // the app quits, or opens something else
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
    EXPECT_NE(::kill(pid, 0), 0) << "the dialog's process is gone";
}

// ---- File ▸ Open… and Save As… with them ----
TEST(DesktopDialog, OpenAndSaveAsThroughZenity) {
    DesktopWithoutPortal desktop("files");
    Folder docs("files_docs");
    const Folder& bin = desktop.bin;
    AppState s = example_state();
    s.files.last_dir = docs.dir.string();
    bp::save_document(docs / "chosen.json", s.doc);

    fake_program(bin, "zenity", "echo '" + (docs / "chosen.json") + "'");
    apply(s, act::Files{files_cmd::ShowBrowser{false}});
    ASSERT_TRUE(s.files.desktop_dialog) << s.status;
    EXPECT_FALSE(s.files.browser.open) << "no in-app browser while the desktop asks";
    tick_until_answered(s);
    EXPECT_EQ(s.file_path, docs / "chosen.json");
    EXPECT_NE(read_text(bin / "zenity.args").find("--filename=" + docs.dir.string() + "/\n"), std::string::npos)
        << "the dialog starts in the last folder";

    fake_program(bin, "zenity", "echo '" + (docs / "copy") + "'");  // no extension: .json is added
    apply(s, act::Files{files_cmd::ShowBrowser{true}});
    tick_until_answered(s);
    EXPECT_TRUE(fs::exists(docs / "copy.json"));
    EXPECT_EQ(s.file_path, docs / "copy.json");
    EXPECT_NE(read_text(bin / "zenity.args").find("--filename=" + (docs / "chosen.json")), std::string::npos)
        << "Save As… suggests the document's name";
}

TEST(DesktopDialog, CancellingTheSaveThatQuitAskedForKeepsTheApp) {
    DesktopWithoutPortal desktop("quit");
    const Folder& bin = desktop.bin;
    fake_program(bin, "zenity", "exit 1");
    AppState s = example_state();
    mark_changed(s);
    apply(s, act::Files{files_cmd::RequestQuit{}});
    ASSERT_EQ(s.files.pending, Pending::quit);
    apply(s, act::Files{files_cmd::AnswerPending{files_cmd::Answer::save}});  // untitled: Save As…
    ASSERT_TRUE(s.files.desktop_dialog);
    tick_until_answered(s);
    EXPECT_EQ(s.files.pending, Pending::none);
    EXPECT_FALSE(s.files.quit);
}

TEST(DesktopDialog, TheInAppBrowserWhenTheDesktopHasNoDialog) {
    DesktopWithoutPortal desktop("none");
    const Folder& bin = desktop.bin;
    desktop.env.set("PATH", bin.dir.string());  // no zenity, no kdialog; no bus: Xvfb in CI
    AppState s = example_state();
    apply(s, act::Files{files_cmd::ShowBrowser{false}});
    EXPECT_FALSE(s.files.desktop_dialog);
    EXPECT_TRUE(s.files.browser.open);

    fake_program(bin, "zenity", "exit 5");  // there is one, and it fails: the browser after its answer
    AppState t = example_state();
    apply(t, act::Files{files_cmd::ShowBrowser{true}});
    tick_until_answered(t);
    EXPECT_TRUE(t.files.browser.open);
    EXPECT_TRUE(t.files.browser.saving);
    EXPECT_NE(t.status.find("in-app browser"), std::string::npos) << t.status;

    fake_program(bin, "zenity", "echo /tmp/never.json");  // the setting off: never asked
    fs::remove(bin / "zenity.args");
    AppState u = example_state();
    u.settings.desktop_dialogs = false;
    apply(u, act::Files{files_cmd::ShowBrowser{false}});
    EXPECT_FALSE(u.files.desktop_dialog);
    EXPECT_TRUE(u.files.browser.open);
    EXPECT_FALSE(fs::exists(bin / "zenity.args"));
}

// ---- the XDG desktop portal, on a private bus (tests/dialogs/portal_test.sh) ----
std::string portal_mode() {
    const char* m = std::getenv("BP_TEST_PORTAL");
    return m ? m : "";
}

TEST(DesktopDialogOnTheBus, ThePortalOpensSavesAndCancels) {
    if (portal_mode() != "mock") GTEST_SKIP() << "runs under dbus-run-session with the mock portal (portal_test.sh)";
    const std::string folder = std::getenv("BP_TEST_PORTAL_DIR");
    NativeDialog open({DialogBackend::portal}, request(false, folder));
    const DialogAnswer a = wait_for(open);
    EXPECT_EQ(a.state, DialogState::chosen) << a.reason;
    EXPECT_EQ(a.path, folder + "/chosen network ü.json") << "the URI, percent-decoded";

    NativeDialog save({DialogBackend::portal}, request(true, folder));
    const DialogAnswer b = wait_for(save);
    EXPECT_EQ(b.state, DialogState::chosen) << b.reason;
    EXPECT_EQ(b.path, folder + "/mine.json") << "the suggested name in the suggested folder";

    DialogRequest r = request(false, folder);
    r.title = "please cancel";
    NativeDialog cancelled({DialogBackend::portal}, r);
    EXPECT_EQ(wait_for(cancelled).state, DialogState::cancelled);
}

TEST(DesktopDialogOnTheBus, FileSaveAsThroughThePortal) {
    if (portal_mode() != "mock") GTEST_SKIP() << "runs under dbus-run-session with the mock portal (portal_test.sh)";
    Env env;
    env.set("XDG_CURRENT_DESKTOP", "GNOME");
    AppState s = example_state();
    s.files.last_dir = std::getenv("BP_TEST_PORTAL_DIR");
    apply(s, act::Files{files_cmd::ShowBrowser{true}});
    ASSERT_TRUE(s.files.desktop_dialog);
    EXPECT_EQ(s.files.desktop_dialog->backend(), DialogBackend::portal);
    tick_until_answered(s);
    EXPECT_EQ(s.file_path, s.files.last_dir + "/example.json");
    EXPECT_TRUE(fs::exists(s.file_path));
}

TEST(DesktopDialogOnTheBus, ABusWithoutAPortalFallsBackToZenity) {
    if (portal_mode() != "none") GTEST_SKIP() << "runs under dbus-run-session with no portal (portal_test.sh)";
    Folder bin("noportal");
    Env env;
    env.set("PATH", bin.dir.string() + ":/usr/bin:/bin");
    fake_program(bin, "zenity", "echo /home/c/net.json");
    NativeDialog d({DialogBackend::portal, DialogBackend::zenity}, request(false, "/home/c"));
    const DialogAnswer a = wait_for(d);
    EXPECT_EQ(a.state, DialogState::chosen) << a.reason;
    EXPECT_EQ(a.path, "/home/c/net.json");
    EXPECT_EQ(d.backend(), DialogBackend::zenity);
}

}  // namespace
