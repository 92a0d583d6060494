// A JSON value held by pointer, with value semantics (copies are deep), so that headers which only carry
// one — Document::extra — include json_fwd.hpp instead of the whole nlohmann header: that header takes
// about 2 s to compile, and nearly every file of the project includes document.h.
// Use it like a pointer: doc.extra->contains("title"), (*doc.extra)["title"].
#pragma once
#include <memory>

#include <nlohmann/json_fwd.hpp>

namespace bp {

class ExtraJson {
public:
    ExtraJson();  // an empty object
    ExtraJson(const nlohmann::json& j);  // NOLINT: implicit, so `doc.extra = j` reads naturally
    ExtraJson(const ExtraJson& other);
    ExtraJson(ExtraJson&& other) noexcept;
    ExtraJson& operator=(const ExtraJson& other);
    ExtraJson& operator=(ExtraJson&& other) noexcept;
    ~ExtraJson();

    nlohmann::json& operator*() { return *j_; }
    const nlohmann::json& operator*() const { return *j_; }
    nlohmann::json* operator->() { return j_.get(); }
    const nlohmann::json* operator->() const { return j_.get(); }

private:
    std::unique_ptr<nlohmann::json> j_;  // null only in a moved-from ExtraJson, which may be assigned or destroyed
};

}  // namespace bp
