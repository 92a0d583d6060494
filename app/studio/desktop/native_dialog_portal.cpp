// The XDG desktop portal's FileChooser through libportal (GLib): the request goes out on the session
// bus and its answer comes back as a GAsyncReadyCallback, dispatched when poll() iterates GLib's default
// main context — once a frame, never waiting. Why libportal and not `gdbus call` from a child process:
// the portal answers with a Response signal to the caller's own bus connection and drops requests whose
// caller has gone, so the connection must live as long as the dialog, which a child `gdbus call` does not.
#include <gio/gio.h>
#include <libportal/portal.h>

#include "app/studio/desktop/native_dialog_backends.h"

namespace studio {
namespace {

// What the callback fills in; shared, because the callback may run after the attempt is gone (it was
// cancelled: the app quit or moved on), and then it only releases its share.
struct PortalAnswer {
    DialogAnswer answer;
};

// One XdpPortal for the program (it holds the session bus connection).
XdpPortal* portal() {
    static XdpPortal* p = xdp_portal_new();
    return p;
}

// The portal's results: {"uris": ["file:///…"], …} → the first file's local path.
DialogAnswer chosen_file(GVariant* results) {
    const char** uris = nullptr;
    DialogAnswer a = failed_answer("the portal answered no file");
    if (g_variant_lookup(results, "uris", "^a&s", &uris) && uris && uris[0]) {
        GFile* file = g_file_new_for_uri(uris[0]);
        if (char* path = g_file_get_path(file)) {  // percent-decoded
            a = DialogAnswer{DialogState::chosen, path, ""};
            g_free(path);
        } else {
            a = failed_answer(std::string("the portal answered ") + uris[0] + ", not a local file");
        }
        g_object_unref(file);
    }
    g_free(uris);
    return a;
}

void finished(GObject* source, GAsyncResult* result, gpointer data, bool saving) {
    auto* share = static_cast<std::shared_ptr<PortalAnswer>*>(data);
    GError* error = nullptr;
    GVariant* results = saving ? xdp_portal_save_file_finish(XDP_PORTAL(source), result, &error)
                               : xdp_portal_open_file_finish(XDP_PORTAL(source), result, &error);
    DialogAnswer& a = (*share)->answer;
    if (results) {
        a = chosen_file(results);
        g_variant_unref(results);
    } else if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
        a = DialogAnswer{DialogState::cancelled, "", ""};
    } else {
        a = failed_answer(error ? error->message : "it failed");
    }
    if (error) g_error_free(error);
    delete share;
}

void opened(GObject* source, GAsyncResult* result, gpointer data) { finished(source, result, data, false); }
void saved(GObject* source, GAsyncResult* result, gpointer data) { finished(source, result, data, true); }

class PortalDialog final : public NativeDialog::Attempt {
public:
    explicit PortalDialog(const DialogRequest& r) : answer_(std::make_shared<PortalAnswer>()) {
        // libportal needs a session bus (without one it crashes): make sure there is one first.
        GError* error = nullptr;
        GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error);
        if (!bus) {
            answer_->answer = failed_answer(std::string("no session bus (") + (error ? error->message : "") + ")");
            if (error) g_error_free(error);
            return;
        }
        g_object_unref(bus);
        cancellable_ = g_cancellable_new();
        GVariant* filters = g_variant_new_parsed("[('Network files (*.json)', [(uint32 0, '*.json')]), "
                                                 "('All files', [(uint32 0, '*')])]");
        auto* share = new std::shared_ptr<PortalAnswer>(answer_);
        if (r.saving)
            xdp_portal_save_file(portal(), nullptr, r.title.c_str(), r.name.c_str(),
                                 r.folder.empty() ? nullptr : r.folder.c_str(), nullptr, filters, nullptr, nullptr,
                                 XDP_SAVE_FILE_FLAG_NONE, cancellable_, saved, share);
        else
            xdp_portal_open_file(portal(), nullptr, r.title.c_str(), filters, nullptr, nullptr,
                                 XDP_OPEN_FILE_FLAG_NONE, cancellable_, opened, share);
    }

    ~PortalDialog() override {
        if (!cancellable_) return;
        g_cancellable_cancel(cancellable_);  // closes the portal's request; the callback still runs later
        g_object_unref(cancellable_);
    }

    DialogAnswer poll() override {
        while (g_main_context_iteration(nullptr, FALSE)) {
        }
        return answer_->answer;
    }

private:
    std::shared_ptr<PortalAnswer> answer_;
    GCancellable* cancellable_ = nullptr;
};

}  // namespace

std::unique_ptr<NativeDialog::Attempt> start_portal_dialog(const DialogRequest& r) {
    return std::make_unique<PortalDialog>(r);
}

}  // namespace studio
