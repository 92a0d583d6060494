// Files from the window: open, save, the unsaved-changes question, recent files, the browser's listing
// and the autosave (see files.h).
#include "app/studio/handlers/files.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "app/studio/desktop/native_dialog.h"
#include "app/studio/handlers/autosave.h"
#include "app/studio/handlers/document.h"
#include "app/studio/handlers/example.h"
#include "app/studio/handlers/expression.h"
#include "app/studio/handlers/export.h"
#include "app/studio/handlers/lesson.h"
#include "app/studio/state/file_queries.h"
#include "app/studio/state/settings.h"
#include "engine/core/error.h"
#include "engine/io/serialize.h"

namespace studio {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string lower(std::string t) {
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t;
}

inline constexpr const char* kNewExpressionTitle = "New expression";

std::string stem(const std::string& path) { return fs::path(path).stem().string(); }

std::string parent_dir(const std::string& path) {
    const fs::path p = fs::path(path).parent_path();
    return p.empty() ? working_directory() : p.string();
}


// ---- the recent list and the last folder (config_dir()/recent.json) ----

void save_store(const FilesState& f) {
    if (f.store_path.empty()) return;
    try {
        std::error_code ec;
        fs::create_directories(fs::path(f.store_path).parent_path(), ec);
        bp::write_file_atomically(f.store_path, json{{"recent", f.recent}, {"last_dir", f.last_dir}}.dump(1) + "\n");
    } catch (const bp::Error&) {  // the list is a convenience: a read-only config dir costs nothing else
    }
}

void remember(FilesState& f, const std::string& path) {
    std::error_code ec;
    const std::string full = fs::absolute(path, ec).lexically_normal().string();
    f.recent.erase(std::remove(f.recent.begin(), f.recent.end(), full), f.recent.end());
    f.recent.insert(f.recent.begin(), full);
    if (f.recent.size() > static_cast<std::size_t>(kMaxRecent)) f.recent.resize(kMaxRecent);
    f.last_dir = parent_dir(full);
    save_store(f);
}

// ---- opening and saving ----

void open_file(AppState& s, const std::string& path) {
    const std::string name = fs::path(path).filename().string();
    AnyDocument doc;  // a network, or an expression ("kind": "expression")
    try {
        doc = load_any_document(path);
    } catch (const bp::Error& e) {
        return show_error(s, "Could not open " + name, e.what());
    }
    if (const std::string why = open_any_document(s, std::move(doc), path, stem(path)); !why.empty())
        return show_error(s, "Could not open " + name, why);
    remember(s.files, path);
    remove_autosave(s.files.autosave);  // what it held was saved or discarded before this
    s.files.browser.open = false;
    set_status(s, "Opened " + path);
}

void open_preset(AppState& s, const std::string& path, const std::string& title) {
    AnyDocument doc;  // the Presets menu lists networks and expressions
    try {
        doc = load_any_document(path);
    } catch (const bp::Error& e) {
        return show_error(s, "Could not open the preset " + title, e.what());
    }
    // Untitled: saving asks for a name, so the preset itself is never overwritten.
    if (const std::string why = open_any_document(s, std::move(doc), "", title); !why.empty())
        return show_error(s, "Could not open the preset " + title, why);
    remove_autosave(s.files.autosave);
    set_status(s, "Opened the preset " + title + ".");
}

void new_document(AppState& s) {
    replace_document(s, builtin_example(), "", "Untitled");
    remove_autosave(s.files.autosave);
    set_status(s, "A new document: the 2-2-2 example, not saved yet (File ▸ Save As… names it).");
}

// An expression made in the window (File ▸ New expression, a network's neuron as a graph): untitled.
void new_expression(AppState& s, ExpressionSource source, const std::string& title) {
    if (const std::string why = open_expression(s, std::move(source), "", title); !why.empty())
        return show_error(s, "Could not show " + title, why);
    remove_autosave(s.files.autosave);
    set_status(s, title + ": → steps forward, ← back; drag a variable's slider to watch every value move.");
}

void continue_pending(AppState& s);

// Returns whether the document is on disk now. A read-only target is not replaced unless `force`: the
// question "Save anyway?" is asked instead (FilesState::read_only_path), as editors do.
bool save_to(AppState& s, std::string path, bool force = false) {
    if (fs::path(path).extension().empty()) path += ".json";
    try {
        save_open_document(s, path, "", "", bp::WriteOptions{force});
    } catch (const bp::WriteError& e) {
        if (e.failure != bp::WriteFailure::read_only) {
            show_error(s, "Could not save " + fs::path(path).filename().string(),
                       std::string(e.what()) + "\nNothing was lost: the document is still open and unsaved.");
            return false;
        }
        s.files.read_only_path = path;
        s.files.browser.open = false;  // the question is a dialog of its own
        set_status(s, fs::path(path).filename().string() + " is read-only: replace it anyway?");
        return false;
    } catch (const bp::Error& e) {
        show_error(s, "Could not save " + fs::path(path).filename().string(),
                   std::string(e.what()) + "\nNothing was lost: the document is still open and unsaved.");
        return false;
    }
    document_saved(s, path);
    s.title = stem(path);
    remember(s.files, path);
    remove_autosave(s.files.autosave);
    s.files.browser.open = false;
    set_status(s, "Saved " + path);
    return true;
}

void continue_pending(AppState& s) {
    const Pending p = s.files.pending;
    const std::string path = s.files.pending_path, title = s.files.pending_title;
    const std::shared_ptr<const ExpressionSource> expression = std::move(s.files.pending_expression);
    s.files.pending = Pending::none;
    s.files.pending_path.clear();
    s.files.pending_title.clear();
    s.files.pending_expression.reset();
    s.files.pending_from_browser = false;
    switch (p) {
        case Pending::new_document: return new_document(s);
        case Pending::open_file: return open_file(s, path);
        case Pending::open_preset: return open_preset(s, path, title);
        case Pending::new_expression: return new_expression(s, ExpressionSource(new_expression_document()), title);
        case Pending::open_expression: return new_expression(s, *expression, title);
        case Pending::open_lesson: open_lesson_now(s, path, s.lesson.pending_page); return;
        case Pending::quit:  // discarded explicitly
            remove_autosave(s.files.autosave);
            s.files.quit = true;
            return;
        case Pending::none: return;
    }
}

// Asks about unsaved changes before `p`; true when it may go ahead now. The question is a dialog of its
// own: an open browser gives way to it (and comes back on Cancel).
bool may_discard(AppState& s, Pending p, const std::string& path, bool discard, const std::string& title = "",
                 std::shared_ptr<const ExpressionSource> expression = nullptr) {
    if (!is_modified(s) || discard) return true;
    s.files.pending = p;
    s.files.pending_path = path;
    s.files.pending_title = title;
    s.files.pending_expression = std::move(expression);
    s.files.pending_from_browser = s.files.browser.open && !s.files.browser.saving;
    s.files.browser.open = false;
    return false;
}

void list_into(FileBrowser& b, const std::string& dir) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(fs::path(dir), ec);
    b.dir = ec ? dir : canonical.string();
    b.entries = list_directory(b.dir, b.error);
}

struct FilesHandler {
    AppState& s;

    void operator()(const files_cmd::New& c) {
        if (may_discard(s, Pending::new_document, "", c.discard)) new_document(s);
    }
    void operator()(const files_cmd::Open& c) {
        if (may_discard(s, Pending::open_file, c.path, c.discard)) open_file(s, c.path);
    }
    void operator()(const files_cmd::OpenPreset& c) {
        if (may_discard(s, Pending::open_preset, c.path, c.discard, c.title)) open_preset(s, c.path, c.title);
    }
    void operator()(const files_cmd::NewExpression& c) {
        if (may_discard(s, Pending::new_expression, "", c.discard, kNewExpressionTitle))
            new_expression(s, ExpressionSource(new_expression_document()), kNewExpressionTitle);
    }
    void operator()(const files_cmd::OpenExpression& c) {
        if (may_discard(s, Pending::open_expression, "", c.discard, c.title, std::make_shared<const ExpressionSource>(c.source)))
            new_expression(s, c.source, c.title);
    }
    void operator()(const files_cmd::ShowAsGraph& c) {
        NetworkGraphOpening g;
        try {
            g = network_graph_of(s, c.neuron, c.whole_layer);
        } catch (const bp::Error& e) {
            return show_error(s, "Could not show it as a computation graph", e.what());
        }
        (*this)(files_cmd::OpenExpression{std::move(g.source), g.title, c.discard});
    }
    void operator()(const files_cmd::Save&) {
        if (s.file_path.empty()) return (*this)(files_cmd::ShowBrowser{true});
        if (save_to(s, s.file_path) && s.files.pending != Pending::none) continue_pending(s);
    }
    void operator()(const files_cmd::SaveAs& c) {
        if (c.path.empty()) return;
        if (save_to(s, c.path) && s.files.pending != Pending::none) continue_pending(s);
    }
    void operator()(const files_cmd::ShowBrowser& c) {
        if (s.settings.desktop_dialogs && ask_the_desktop(c.saving)) return;
        show_in_app_browser(c.saving);
    }
    void operator()(const files_cmd::BrowseTo& c) { list_into(s.files.browser, c.dir); }
    void operator()(const files_cmd::SetName& c) { s.files.browser.name = c.name; }
    void operator()(const files_cmd::CloseBrowser&) {
        s.files.browser.open = false;
        if (s.files.browser.saving) s.files.pending = Pending::none;  // a save asked by the question: cancelled
    }
    void operator()(const files_cmd::AnswerPending& c) {
        if (s.files.pending == Pending::none) return;
        switch (c.answer) {
            case files_cmd::Answer::cancel:
                s.files.pending = Pending::none;
                s.files.browser.open = s.files.pending_from_browser;  // back where the user was
                s.files.pending_from_browser = false;
                return;
            case files_cmd::Answer::discard: return continue_pending(s);
            case files_cmd::Answer::save: return (*this)(files_cmd::Save{});
        }
    }
    void operator()(const files_cmd::DismissError&) { s.files.error_title.clear(), s.files.error_text.clear(); }
    void operator()(const files_cmd::AnswerReadOnly& c) {
        const std::string path = s.files.read_only_path;
        if (path.empty()) return;
        s.files.read_only_path.clear();
        if (!c.replace) {
            s.files.pending = Pending::none;  // a save asked by the unsaved-changes question: cancelled
            return set_status(s, "Not saved: " + fs::path(path).filename().string() + " is read-only and was left as it was.");
        }
        if (save_to(s, path, true) && s.files.pending != Pending::none) continue_pending(s);
    }
    void operator()(const files_cmd::RequestQuit&) {
        if (may_discard(s, Pending::quit, "", false)) {
            remove_autosave(s.files.autosave);
            s.files.quit = true;
        }
    }
    void operator()(const files_cmd::ClearRecent&) {
        s.files.recent.clear();
        save_store(s.files);
    }
    void operator()(const files_cmd::Tick& c) {
        if (s.files.desktop_dialog) take_the_desktops_answer();
        Autosave& a = s.files.autosave;
        if (a.path.empty() || !a.offers.empty()) return;  // answer the offer first: one document at a time
        a.since_write += c.dt;
        if (a.since_write < kAutosaveSeconds) return;
        // A large data set is tens of MB of JSON: not written every few seconds while training changes
        // the parameters every frame (a frame would stall), but at the first tick after the pause.
        if (s.lab.training && sample_count(s) > kAutosaveWhileTrainingSamples) return;
        a.since_write = 0;
        if (is_modified(s)) write_autosave(s);
    }
    void operator()(const files_cmd::Export& c) {
        if (s.expression && c.kind != ExportKind::formula_text && c.kind != ExportKind::formula_latex)
            return set_status(s, "Export writes a network's pass, loss or training: an expression is open.", true);
        try {
            set_status(s, "Exported " + write_export(s, c.kind));
        } catch (const bp::Error& e) {
            show_error(s, "Could not export", e.what());
        }
    }
    // ---- Open… and Save As…: the desktop's dialog, else the in-app browser ----
    std::string start_folder() const {
        return is_directory_path(s.files.last_dir) ? s.files.last_dir : documents_dir();
    }
    std::string suggested_name() const { return (s.file_path.empty() ? s.title : stem(s.file_path)) + ".json"; }

    void show_in_app_browser(bool saving) {
        FileBrowser& b = s.files.browser;
        b.open = true;
        b.saving = saving;
        b.name = saving ? suggested_name() : "";
        list_into(b, start_folder());
    }

    // True when a desktop dialog is on the screen now (or still was: it answers first).
    bool ask_the_desktop(bool saving) {
        if (s.files.desktop_dialog) return true;
        const std::vector<DialogBackend> backends = dialog_backends(current_environment());
        if (backends.empty()) return false;
        DialogRequest r;
        r.saving = saving;
        r.title = saving ? "Save the network as" : "Open a network file";
        r.folder = start_folder();
        r.name = saving ? suggested_name() : "";
        auto dialog = std::make_shared<NativeDialog>(backends, r);
        const DialogAnswer first = dialog->poll();
        if (first.state == DialogState::failed) {
            set_status(s, "The in-app browser: no desktop file dialog here (" + first.reason + ").");
            return false;
        }
        s.files.desktop_dialog = std::move(dialog);
        s.files.desktop_dialog_saving = saving;
        if (const auto b = s.files.desktop_dialog->backend())
            set_status(s, std::string(saving ? "Save As…" : "Open…") + ": waiting for the desktop's dialog (" + to_string(*b) + ").");
        return true;
    }

    void take_the_desktops_answer() {
        const DialogAnswer a = s.files.desktop_dialog->poll();
        if (a.state == DialogState::waiting) return;
        const bool saving = s.files.desktop_dialog_saving;
        s.files.desktop_dialog.reset();
        switch (a.state) {
            case DialogState::chosen:
                return saving ? (*this)(files_cmd::SaveAs{a.path}) : (*this)(files_cmd::Open{a.path});
            case DialogState::cancelled:
                if (saving) s.files.pending = Pending::none;  // a save asked by the question: cancelled
                return set_status(s, std::string(saving ? "Save As…" : "Open…") + " cancelled.");
            case DialogState::failed:
                set_status(s, "The in-app browser: the desktop's file dialog failed (" + a.reason + ").");
                return show_in_app_browser(saving);
            case DialogState::waiting: return;
        }
    }

    void operator()(const files_cmd::Restore& c) {
        Autosave& a = s.files.autosave;
        if (a.offers.empty()) return;
        if (!c.yes) return drop_offer(a);  // discarded explicitly
        const AutosaveOffer o = a.offers.front();
        AnyDocument doc;
        try {
            doc = load_any_document(o.path);
        } catch (const bp::Error& e) {
            return show_error(s, "Could not restore the unsaved work", e.what());  // the file stays, offered again
        }
        erase_extra_key(doc, kAutosaveKey);
        if (const std::string why = open_any_document(s, std::move(doc), o.origin, o.origin.empty() ? "Untitled (restored)" : stem(o.origin));
            !why.empty())
            return show_error(s, "Could not restore the unsaved work", why);
        mark_changed(s);        // restored work is unsaved work
        write_autosave(s);      // in this instance's own autosave before the old one goes
        drop_offer(s.files.autosave);
        set_status(s, "Restored the unsaved work of " + o.time + (o.origin.empty() ? "" : " (" + o.origin + ")") +
                   ". Save it to keep it.");
    }
};

}  // namespace

void show_error(AppState& s, std::string title, std::string text) {
    s.files.error_title = std::move(title);
    s.files.error_text = std::move(text);
    set_status(s, s.files.error_title + ": " + s.files.error_text, true);
}

std::vector<DirEntry> list_directory(const std::string& dir, std::string& error) {
    error.clear();
    std::vector<DirEntry> out;
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        error = "cannot list " + dir + ": " + ec.message();
        return out;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e2;
        if (it->is_directory(e2)) out.push_back({name, true});
        else if (lower(it->path().extension().string()) == ".json") out.push_back({name, false});
    }
    std::sort(out.begin(), out.end(), [](const DirEntry& a, const DirEntry& b) {
        if (a.dir != b.dir) return a.dir;
        return lower(a.name) < lower(b.name);
    });
    return out;
}

std::string documents_dir() {
    const char* h = std::getenv("HOME");
    if (!h || !*h) return "/";
    std::error_code ec;
    const fs::path docs = fs::path(h) / "Documents";
    return fs::is_directory(docs, ec) ? docs.string() : std::string(h);
}

std::string data_dir() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x && x[0] == '/') return std::string(x) + "/backprop-studio";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/share/backprop-studio";
    return "";
}


std::string recent_store_path() {
    const std::string d = config_dir();
    return d.empty() ? "" : d + "/recent.json";
}

void attach_files(FilesState& f, const std::string& store_path, const std::string& autosave_dir) {
    f.store_path = store_path;
    if (!store_path.empty()) {
        std::ifstream in(store_path);
        std::stringstream text;
        text << in.rdbuf();
        const json j = json::parse(text.str(), nullptr, false);
        if (j.is_object()) {
            if (j.contains("recent") && j["recent"].is_array())
                for (const json& p : j["recent"])
                    if (p.is_string() && path_exists(p.get<std::string>()) && f.recent.size() < kMaxRecent)
                        f.recent.push_back(p.get<std::string>());  // files gone since are left out
            if (j.contains("last_dir") && j["last_dir"].is_string()) f.last_dir = j["last_dir"].get<std::string>();
        }
    }
    attach_autosave(f.autosave, autosave_dir);
}



void apply_files(AppState& s, const FilesCommand& c) { std::visit(FilesHandler{s}, c); }

}  // namespace studio
