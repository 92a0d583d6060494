// The desktop's own Open and Save dialogs, asked without blocking the frame loop: the XDG desktop
// portal's FileChooser through libportal (its D-Bus replies are dispatched when poll() iterates GLib's
// main context, once a frame), or zenity / kdialog as a child process whose answer is read when it
// exits. The backends are tried in order until one answers; when none can, the caller falls back to the
// in-app browser. Window-free: the tests use a fake zenity on PATH and a mock portal on a private D-Bus.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace studio {

enum class DialogBackend { portal, zenity, kdialog };
const char* to_string(DialogBackend b);  // "the desktop portal", "zenity", "kdialog"

// What the dialog shows.
struct DialogRequest {
    bool saving = false;  // Save As… (else Open…)
    std::string title;    // the dialog window's title
    std::string folder;   // where it starts (libportal 0.6 takes it for saving only)
    std::string name;     // saving: the suggested file name
};

// What the backends depend on, read from the environment (the tests make their own).
struct DialogEnvironment {
    bool session_bus = false;  // DBUS_SESSION_BUS_ADDRESS is set, or $XDG_RUNTIME_DIR/bus exists
    bool display = false;      // DISPLAY or WAYLAND_DISPLAY is set
    bool kde = false;          // XDG_CURRENT_DESKTOP names KDE
    std::string path;          // PATH, where zenity and kdialog are looked for
};
DialogEnvironment current_environment();

// The backends to try, in order: the portal when there is a session bus, then zenity and kdialog when
// there is a display and they are on PATH (kdialog first on KDE). Empty: only the in-app browser.
std::vector<DialogBackend> dialog_backends(const DialogEnvironment& env);

enum class DialogState { waiting, chosen, cancelled, failed };
struct DialogAnswer {
    DialogState state = DialogState::waiting;
    std::string path;    // chosen: the file's path
    std::string reason;  // failed: why no backend could ask, one clause per backend tried
};

// One dialog on the screen, from the first of `backends` that can show it.
class NativeDialog {
public:
    NativeDialog(std::vector<DialogBackend> backends, DialogRequest request);
    ~NativeDialog();  // a dialog still open is closed: the child process ended, the portal request cancelled
    NativeDialog(const NativeDialog&) = delete;
    NativeDialog& operator=(const NativeDialog&) = delete;

    // Never blocks: takes in what has arrived and says where the dialog is. When the backend in use
    // fails (no portal on the bus, zenity gone), the next one is started.
    DialogAnswer poll();
    std::optional<DialogBackend> backend() const;  // the one asking now; none once all have failed

    class Attempt;  // one backend's try (native_dialog_backends.h)

private:
    void start_next();
    std::vector<DialogBackend> backends_;
    DialogRequest request_;
    std::size_t next_ = 0;
    std::unique_ptr<Attempt> attempt_;
    std::string reasons_;
};

}  // namespace studio
