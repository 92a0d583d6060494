// A page's state set up without a window: the document loaded (a preset, a file beside the lesson, an
// expression), edited and trained as the page says, the pass stepped to the page's event, the selection
// and the pinned path checked against the network or graph. `lesson check` builds one for every page; the
// window applies the same PageState through its own actions and uses these functions to find the file to
// open, the stepper's cursor for `step:` and the values a task's condition reads.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/core/document.h"
#include "engine/graph/expression_document.h"
#include "engine/graph/graph_stepper.h"
#include "engine/lessons/lesson.h"
#include "engine/lessons/lesson_context.h"
#include "engine/lessons/lesson_library.h"
#include "engine/teaching/stepper.h"

namespace bp {

struct PageDocument {
    enum class Kind { network, expression } kind = Kind::network;
    std::string path;               // the file it was read from; empty for an expression written in the lesson
    Document network;               // Kind::network
    ExpressionDocument expression;  // Kind::expression
    bool is_network() const { return kind == Kind::network; }
};

// The state page `page` (0-based) opens with: its own, or for a page without a ```state block the one
// before it; `document: same` replaced by the document of the page that names it (whose key's line is kept
// as lines["document-source"], so an error about the document names that line). Throws bp::Error for a
// page out of range.
PageState effective_state(const Lesson& lesson, int page);

// The file a document comes from: a preset in the resolver's folders, a file relative to the lesson's
// folder; "" for an expression written in the lesson (and for `same`: resolve it with effective_state).
std::string document_path(const DocumentSource& d, const std::string& lesson_path, const LessonResolver& r);
// The document, loaded (bp::Error naming the file and the field; "there is no preset 'x' (the presets: …)").
PageDocument load_page_document(const DocumentSource& d, const std::string& lesson_path, const LessonResolver& r);

struct PageScene {
    PageDocument document;                // after the page's edits and training (and "show me how", when applied)
    int sample = 0;                       // the data row the pass uses, or kAllSamples
    TrainingConfig config;                // the file's training settings with the page's lr
    TrainingRun run;                      // training since the page opened
    std::optional<Stepper> stepper;       // a network: the pass at the page's event
    std::optional<GraphStepper> graph;    // an expression
    std::optional<SelectTarget> selection;
    int selected_node = -1;               // an expression's selected node
    int pinned_path = 0;                  // the Paths tab's row, from 1 (0: none)
};

// Sets up page `page` (0-based). Throws LessonFailure naming the line of each key at fault: a preset, file
// or event that does not exist, a selection outside the network, a path row past the paths, a key that
// does not fit the kind of document (a network's `train:` on an expression), training that diverges.
PageScene build_scene(const Lesson& lesson, int page, const LessonResolver& r);

// The cursor (events done) that shows a step target: 0 for start, the pass's size for end, one past the
// event otherwise; nullopt with *why when the pass has no such event.
std::optional<int> event_cursor(const Stepper& s, const Network& net, const StepTarget& t, std::string* why);
std::optional<int> graph_event_cursor(const GraphStepper& s, const StepTarget& t, std::string* why);

// "Show me how": the task's actions on the scene, the pass rebuilt after them. Throws bp::Error for an edit
// of something the document does not have. Training stops where it diverges (run.diverged).
void apply_demo(PageScene& scene, const std::vector<DemoAction>& actions);

// The values a task's condition reads on this scene (lesson_context.h).
ConditionContext scene_context(const PageScene& scene);

// The rows of data a network scene's pass runs on (one sample, or all of them).
Matrix scene_inputs(const PageScene& scene);
Matrix scene_targets(const PageScene& scene);

}  // namespace bp
