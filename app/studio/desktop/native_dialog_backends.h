// Inside native_dialog: one backend's try at a dialog. The portal's lives in native_dialog_portal.cpp
// (libportal), zenity's and kdialog's in native_dialog_child.cpp (a child process).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/studio/desktop/native_dialog.h"

namespace studio {

class NativeDialog::Attempt {
public:
    virtual ~Attempt() = default;
    virtual DialogAnswer poll() = 0;  // never blocks
};

// The answer of a backend that could not ask, and why.
inline DialogAnswer failed_answer(std::string reason) {
    DialogAnswer a;
    a.state = DialogState::failed;
    a.reason = std::move(reason);
    return a;
}

// Each returns an attempt whose poll() says `failed` with the reason when it could not start.
std::unique_ptr<NativeDialog::Attempt> start_portal_dialog(const DialogRequest& r);
std::unique_ptr<NativeDialog::Attempt> start_child_dialog(DialogBackend b, const DialogRequest& r);

// The command line of zenity's or kdialog's file dialog for a request (program name first).
std::vector<std::string> child_dialog_command(DialogBackend b, const DialogRequest& r);

}  // namespace studio
