// Which desktop dialog to ask, and the order of the fallbacks (see native_dialog.h).
#include "app/studio/desktop/native_dialog.h"

#include <unistd.h>

#include <cstdlib>
#include <string_view>

#include "app/studio/desktop/native_dialog_backends.h"

namespace studio {
namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

// An executable called `program` in one of PATH's folders.
bool on_path(const std::string& path, std::string_view program) {
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = path.find(':', start);
        std::string dir = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (dir.empty()) dir = ".";
        if (::access((dir + "/" + std::string(program)).c_str(), X_OK) == 0) return true;
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return false;
}

}  // namespace

const char* to_string(DialogBackend b) {
    switch (b) {
        case DialogBackend::portal: return "the desktop portal";
        case DialogBackend::zenity: return "zenity";
        case DialogBackend::kdialog: return "kdialog";
    }
    return "";
}

DialogEnvironment current_environment() {
    DialogEnvironment e;
    // GLib finds the session bus in DBUS_SESSION_BUS_ADDRESS, else at $XDG_RUNTIME_DIR/bus. Without
    // either there is none to ask (and libportal must not be started: it needs one).
    const std::string runtime = env("XDG_RUNTIME_DIR");
    e.session_bus = !env("DBUS_SESSION_BUS_ADDRESS").empty() ||
                    (!runtime.empty() && ::access((runtime + "/bus").c_str(), F_OK) == 0);
    e.display = !env("DISPLAY").empty() || !env("WAYLAND_DISPLAY").empty();
    e.kde = env("XDG_CURRENT_DESKTOP").find("KDE") != std::string::npos;
    e.path = env("PATH");
    return e;
}

std::vector<DialogBackend> dialog_backends(const DialogEnvironment& e) {
    std::vector<DialogBackend> out;
    if (e.session_bus) out.push_back(DialogBackend::portal);
    if (!e.display) return out;
    const DialogBackend first = e.kde ? DialogBackend::kdialog : DialogBackend::zenity;
    const DialogBackend second = e.kde ? DialogBackend::zenity : DialogBackend::kdialog;
    for (DialogBackend b : {first, second})
        if (on_path(e.path, to_string(b))) out.push_back(b);
    return out;
}

NativeDialog::NativeDialog(std::vector<DialogBackend> backends, DialogRequest request)
    : backends_(std::move(backends)), request_(std::move(request)) {
    start_next();
}

NativeDialog::~NativeDialog() = default;

void NativeDialog::start_next() {
    attempt_.reset();
    if (next_ >= backends_.size()) return;
    const DialogBackend b = backends_[next_++];
    attempt_ = b == DialogBackend::portal ? start_portal_dialog(request_) : start_child_dialog(b, request_);
}

DialogAnswer NativeDialog::poll() {
    while (attempt_) {
        DialogAnswer a = attempt_->poll();
        if (a.state != DialogState::failed) return a;
        reasons_ += (reasons_.empty() ? "" : "; ") + std::string(to_string(backends_[next_ - 1])) + ": " + a.reason;
        start_next();
    }
    return failed_answer(reasons_.empty() ? "no desktop portal, zenity or kdialog here" : reasons_);
}

std::optional<DialogBackend> NativeDialog::backend() const {
    if (!attempt_) return std::nullopt;
    return backends_[next_ - 1];
}

}  // namespace studio
