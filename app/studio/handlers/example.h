// The built-in example, built in code so the app works without any asset file: Matt Mazur's 2-2-2
// sigmoid network from the course notes (inputs 0.05, 0.10; targets 0.01, 0.99; ½-MSE; η = 0.5;
// biases frozen), the network a newcomer sees first.
#pragma once
#include "engine/core/document.h"

namespace studio {

bp::Document builtin_example();

}  // namespace studio
