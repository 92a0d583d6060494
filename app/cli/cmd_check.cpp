// backprop-cli check NET.json ANSWERS.json [--format json|table] [--notation NAME]: marks hand-computed
// answers against one pass of the network (issue 12): right to the digits written, or wrong with the
// classic mistake, told in the notation of the student's notes (issue 21).
#include "app/cli/cmd_check.h"

#include "app/cli/answer_sheet.h"
#include "app/cli/args.h"
#include "app/cli/input.h"
#include "app/cli/output.h"
#include "app/cli/pass_check.h"
#include "app/cli/table.h"
#include "engine/homework/homework.h"
#include "engine/teaching/notation.h"
#include "engine/io/serialize.h"

namespace {
using namespace cli;

const std::string kCheckHelp = R"HELP(Usage: backprop-cli check NET.json ANSWERS.json [--format table|json]
                          [--notation NAME]

Marks hand-computed answers for one forward pass, one backward pass and one SGD step of the network
(with the file's training.learning_rate, l2 and freeze_biases; whatever the optimizer).

ANSWERS.json:
  {"sample": 0,
   "answers": [{"what": "a",  "layer": 2, "neuron": 0, "value": "0.7514"},
               {"what": "dW", "layer": 2, "j": 0, "k": 0, "value": "0.0822"},
               {"what": "loss", "value": "0.2984"}]}
  what    z, a, delta (per sample); dW, db, loss (of the batch); W_after, b_after (after the step)
  layer   0-based as in the file (the input is 0); neuron for z, a, delta, db, b_after;
          j (neuron of the layer) and k (neuron of the layer before) for dW and W_after
  value   as the student wrote it: "0.7514", "-0.0381", "4.39e-4" (a JSON number is accepted too)
  sample  given: that sample alone (no 1/N). Absent: all of data as one batch (δ carries the 1/N);
          then each z, a or delta entry names its own "sample" (unless the data has one sample).

An answer is right when it agrees with the exact value to the digits written, give or take one unit in
the last digit: "0.7514" is right for 0.75136507. Fewer than two significant digits is not accepted
(verdict need_more_digits). A wrong answer that matches a classic mistake — f′(z) left out or taken of
a, a sign error, the batch's 1/N left out or doubled, the factor 2 of MSE, swapped weight indices,
updated weights in the backward pass, the bias left out — is told which, in one sentence.

  --format table  (default) one line per answer, then the formula and diagnosis of each one not right
  --format json   {"results": [{"index", "label", "correct", "verdict", "given", "expected",
                  "formula", "diagnosis", "mistake"}], "correct": n, "total": m}
                  verdict: correct | wrong | need_more_digits | unreadable; mistake: null or its name;
                  label, formula and diagnosis in the chosen notation, the numbers the same in every one
)HELP" + std::string(kNotationHelp) + R"HELP(

Exit status: 0 all answers right; 1 some are not; 2 a bad file or argument (the message names the
entry and field, e.g. "answers[3].layer 5 is past the last layer (2)").
)HELP";

std::string verdict_word(bp::Verdict v) {
    switch (v) {
        case bp::Verdict::correct: return "right";
        case bp::Verdict::wrong: return "WRONG";
        case bp::Verdict::need_more_digits: return "more digits";
        case bp::Verdict::unreadable: return "unreadable";
    }
    return "?";
}

Json results_json(const std::vector<bp::MarkedAnswer>& marked) {
    Json results = Json::array();
    int right = 0;
    for (std::size_t i = 0; i < marked.size(); ++i) {
        const bp::MarkedAnswer& m = marked[i];
        right += m.correct() ? 1 : 0;
        results.push_back({{"index", i},
                           {"label", m.label},
                           {"correct", m.correct()},
                           {"verdict", bp::to_string(m.verdict)},
                           {"given", m.given},
                           {"expected", m.expected},
                           {"formula", m.formula},
                           {"diagnosis", m.diagnosis},
                           {"mistake", m.mistake ? Json(bp::to_string(m.mistake->mistake)) : Json(nullptr)}});
    }
    return {{"results", std::move(results)}, {"correct", right}, {"total", marked.size()}};
}

void print_table(const std::vector<bp::MarkedAnswer>& marked, const Input& in, const AnswerSheet& sheet,
                 std::ostream& out) {
    out << "Marked " << marked.size() << " answer" << (marked.size() == 1 ? "" : "s") << " for " << in.path << ", "
        << (sheet.sample ? "sample " + std::to_string(*sheet.sample) : "all of data as one batch")
        << " (one SGD step, η = " << bp::format_number(in.doc.training.learning_rate, 6) << ")\n\n";
    TextTable table({"#", "value", "given", "expected", "verdict"});
    int right = 0;
    for (std::size_t i = 0; i < marked.size(); ++i) {
        const bp::MarkedAnswer& m = marked[i];
        right += m.correct() ? 1 : 0;
        table.add_row({std::to_string(i), m.label, m.given, table_number(m.expected), verdict_word(m.verdict)});
    }
    table.print(out);
    for (std::size_t i = 0; i < marked.size(); ++i) {
        const bp::MarkedAnswer& m = marked[i];
        if (m.correct()) continue;
        out << "\n[" << i << "] " << m.formula << '\n';
        if (!m.diagnosis.empty()) out << "    " << m.diagnosis << '\n';
    }
    out << '\n' << right << " of " << marked.size() << " right.\n";
}

}  // namespace

int run_check(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    const ParsedArgs a = parse_args("check", args, {{"--format", true}, {"--notation", true}});
    if (a.help) {
        out << kCheckHelp;
        return 0;
    }
    const Format format = format_option(a, Format::table);
    const bp::Notation notation = notation_option(a);
    if (a.positional.size() != 2)
        throw UsageError(a.positional.size() < 2 ? "check needs two files: backprop-cli check NET.json ANSWERS.json"
                                                 : "unexpected argument '" + a.positional[2] + "' after ANSWERS.json");
    Input in;
    in.path = a.positional[0];
    in.doc = bp::load_document(in.path);
    const bp::Dataset& data = require_data(in, "check");
    const AnswerSheet sheet = load_answer_sheet(a.positional[1], in.doc.net, data.size());
    check_converges(in.doc.net, data);

    bp::Homework hw(in.doc.net, data, in.doc.training, sheet.sample);
    hw.set_notation(notation);
    std::vector<bp::MarkedAnswer> marked;
    for (std::size_t i = 0; i < sheet.answers.size(); ++i) {
        marked.push_back(hw.mark(sheet.answers[i]));
        require_finite(marked.back().expected, "answers[" + std::to_string(i) + "]: " + marked.back().label);
    }
    if (format == Format::json) write_json(out, results_json(marked));
    else print_table(marked, in, sheet, out);
    for (const bp::MarkedAnswer& m : marked)
        if (!m.correct()) return 1;
    return 0;
}
