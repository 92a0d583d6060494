// Everything the user can do, as plain values, and the one place that carries them out: apply().
// Views push actions into an ActionQueue while drawing; the frame applies them after drawing.
// Edits of the document go on the undo stack; a drag is one entry (BeginGesture ... EndGesture).
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "app/studio/handlers/expression.h"
#include "app/studio/handlers/files.h"
#include "app/studio/handlers/lab_actions.h"
#include "app/studio/handlers/lesson.h"
#include "app/studio/handlers/quiz.h"
#include "app/studio/state/studio_state.h"

namespace studio {
namespace act {

// ---- looking ----
struct Select { Selection target; };
struct Hover { Selection target; };
struct Highlight { std::vector<bp::ValueRef> refs; };  // replaces the extra emphasis
struct SetSettings { Settings settings; };               // any view option
struct SetPresent { bool on = true; };
struct SetKeyboardMode { bool on = true; };
struct SetBlank { bool on = true; };  // B or .: the canvas goes blank (the class looks at the teacher)  // arrows, Space, Enter drive the controls (ui_keyboard.h)

// ---- stepping (at settings.granularity) ----
struct StepForward { int count = 1; bool commit = true; };  // commit: past the end, apply the update
struct StepBack { int count = 1; };
struct RunPhase {};
struct RunPass {};  // to the end; at the end, commit and run the next pass
struct Restart {};
struct Seek { int cursor = 0; };  // to an event index of the current pass (clamped)
struct SetPlaying { bool on = true; };
struct Tick { double seconds = 0; };  // time passes: play mode steps at settings.play_speed
struct SetSample { int sample = 0; };  // -1 = the whole data set as one batch
struct TrainSteps { long count = 1; };  // train with the file's optimiser and batch size

// ---- editing the document (undoable) ----
struct BeginGesture {};
struct EndGesture {};
struct EditParameter { Selection target; double value = 0; };  // a weight or a bias
struct SetLearningRate { double value = 0.1; };
struct AddLayer { int after = 0; int size = 2; bp::Activation activation = bp::Activation::sigmoid; };
struct RemoveLayer { int l = 1; };
struct AddNeuron { int l = 1; };
struct RemoveNeuron { int l = 1; int j = 0; };
struct SetActivation { int l = 1; bp::Activation f = bp::Activation::sigmoid; };
struct SetLoss { bp::Loss loss = bp::Loss::mse_half; };
struct SetBias { int l = 1; bool on = true; };
struct Reinitialize { bp::InitScheme scheme = bp::InitScheme::xavier; std::uint64_t seed = 1; };
struct Undo {};
struct Redo {};

// ---- files ----
struct ReplaceDocument { bp::Document doc; std::string path; std::string title; };  // open / new
struct MarkSaved { std::string path; };

// ---- side panel, quiz mode, homework table ----
struct ShowTab { std::string tab; };  // bring a side-panel tab forward once ("" when done)
struct PinPath { PathPin pin; };      // the Paths tab's route that stays drawn (row −1: none)
struct Quiz { QuizCommand command; };  // see quiz.h
struct Files { FilesCommand command; };  // open, save, autosave: see files.h
struct Expression { ExpressionCommand command; };  // the open expression: see expression.h
struct Lesson { LessonCommand command; };  // the lesson panel: see lesson.h

}  // namespace act

using Action = std::variant<act::Select, act::Hover, act::Highlight, act::SetSettings, act::SetPresent, act::SetKeyboardMode, act::SetBlank,
                            act::StepForward, act::StepBack, act::RunPhase, act::RunPass, act::Restart, act::Seek,
                            act::SetPlaying, act::Tick, act::SetSample, act::TrainSteps,
                            act::BeginGesture, act::EndGesture, act::EditParameter, act::SetLearningRate,
                            act::AddLayer, act::RemoveLayer, act::AddNeuron, act::RemoveNeuron,
                            act::SetActivation, act::SetLoss, act::SetBias, act::Reinitialize, act::Undo,
                            act::Redo, act::ReplaceDocument, act::MarkSaved, act::ShowTab, act::Quiz, act::Lab, act::PinPath, act::Files, act::Expression, act::Lesson>;

using ActionQueue = std::vector<Action>;

// Carries out one action. While an expression is open, the stepping actions and undo/redo act on it and
// the network's edits are refused (expression.h). Never throws: a refused edit leaves the state as it was and says why in
// s.status (s.status_is_error set).
void apply(AppState& s, const Action& a);
void apply_all(AppState& s, ActionQueue& q);  // in order, then clears q
// The actions every frame ends with: the autosave clock, playing, the Lab's training and plots, the
// lesson's tasks. None of them stops the Lab's training worker (a frame must never cost it its chunk).
void push_frame_ticks(ActionQueue& q, double dt);

}  // namespace studio
