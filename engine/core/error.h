// The one exception type the engine throws: a message meant for the user, naming field and reason.
#pragma once
#include <stdexcept>
#include <string>

namespace bp {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace bp
