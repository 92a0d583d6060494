// What the user can do in the Training lab, as plain values. They travel inside one studio Action
// (act::Lab), and lab.cpp carries them out (apply_lab). Data edits are undoable; training settings
// (learning rate, batch size, optimiser, L2) take effect at once without resetting the optimiser and
// are not undo entries (a slider would flood the undo stack).
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "app/studio/state/lab_data.h"
#include "engine/core/datasets.h"
#include "engine/core/document.h"
#include "engine/core/network.h"

namespace studio {
namespace lab {

struct Tick { double seconds = 0; };             // a frame passed: train if playing, refresh what is drawn
struct SetTraining { bool on = true; };          // play / pause
struct Step {};                                  // one training step
struct Train { long count = 1; };                // `count` steps at once (--train-steps, tests)
struct Reset { bp::InitScheme scheme = bp::InitScheme::xavier; std::uint64_t seed = 1; };  // re-initialise
struct SetConfig { bp::TrainingConfig config; }; // learning rate, batch size, optimiser, L2, …
struct SetSpeed { int steps_per_frame = 10; bool automatic = true; };
struct SetStops { long at_step = 0; double at_loss = 0; };  // 0 = off
struct Rewind {};                                // back to the last good parameters
struct Dismiss {};                               // hide the divergence message, keep the parameters

struct SetSpec { bp::DatasetSpec spec; };        // the generator's fields
struct Generate { bp::DatasetSpec spec; };       // replace the data (undoable)
struct SetBrush { int cls = 1; double value = 0.5; };
struct SetShownOutput { int k = 0; };
struct ShowTable { bool test = false; };
struct AddPoint { bool test = false; std::vector<double> x, y; };
struct RemovePoint { PointRef p; };
struct MovePoint { PointRef p; double u = 0, v = 0; };  // 2 inputs: x₁, x₂; 1 input: x₁ and target y₁
struct SetValue { PointRef p; bool target = false; int col = 0; double value = 0; };
struct AddRow { bool test = false; };
struct SetVisible { bool on = true; };           // the Lab tab is (not) the one shown

using Op = std::variant<Tick, SetTraining, Step, Train, Reset, SetConfig, SetSpeed, SetStops, Rewind, Dismiss, SetSpec,
                        Generate, SetBrush, SetShownOutput, ShowTable, AddPoint, RemovePoint, MovePoint, SetValue,
                        AddRow, SetVisible>;

}  // namespace lab

namespace act {
struct Lab { lab::Op op; };  // one Training-lab action (see lab_actions.h)
}  // namespace act

}  // namespace studio
