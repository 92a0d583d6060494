// ExtraJson (see extra_json.h): the only place that needs the whole nlohmann header for it.
#include "engine/core/extra_json.h"

#include <nlohmann/json.hpp>

namespace bp {

ExtraJson::ExtraJson() : j_(std::make_unique<nlohmann::json>(nlohmann::json::object())) {}
ExtraJson::ExtraJson(const nlohmann::json& j) : j_(std::make_unique<nlohmann::json>(j)) {}
ExtraJson::ExtraJson(const ExtraJson& other) : j_(std::make_unique<nlohmann::json>(*other.j_)) {}
ExtraJson::ExtraJson(ExtraJson&& other) noexcept : j_(std::move(other.j_)) {}
ExtraJson& ExtraJson::operator=(const ExtraJson& other) {
    if (this == &other) return *this;
    if (j_) *j_ = *other.j_;
    else j_ = std::make_unique<nlohmann::json>(*other.j_);  // this one was moved from
    return *this;
}
ExtraJson& ExtraJson::operator=(ExtraJson&& other) noexcept {
    j_.swap(other.j_);
    return *this;
}
ExtraJson::~ExtraJson() = default;

}  // namespace bp
