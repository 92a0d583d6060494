// Marking the Quiz tab's homework table (see homework_table.h).
#include "app/studio/figures/homework_table.h"

#include <optional>

#include "engine/teaching/notation.h"

namespace studio {
namespace {

std::string mark_word(bp::Verdict v) {
    switch (v) {
        case bp::Verdict::correct: return "✓ right";
        case bp::Verdict::wrong: return "✗ wrong";
        case bp::Verdict::need_more_digits: return "more digits";
        case bp::Verdict::unreadable: return "not a number";
    }
    return "";
}

bool blank(const std::string& t) { return t.find_first_not_of(" \t") == std::string::npos; }

}  // namespace

bp::QuantityRef homework_ref(const AppState& s, const HomeworkRow& row) {
    bp::QuantityRef r{row.what, row.l, row.j, row.k, 0};
    if (bp::is_per_sample(row.what) && s.stepper) r.n = s.stepper->shown_sample();
    if (row.what == bp::Quantity::loss) r.l = r.j = r.k = 0;
    return r;
}

std::vector<HomeworkMark> mark_homework(const AppState& s, const std::vector<HomeworkRow>& rows) {
    std::vector<HomeworkMark> out;
    if (rows.empty()) return out;
    const std::optional<int> sample = s.sample >= 0 ? std::optional<int>(s.sample) : std::nullopt;
    bp::Homework hw(s.doc.net, *s.doc.data, s.doc.training, sample);
    hw.set_notation(s.settings.notation);
    for (const HomeworkRow& row : rows) {
        HomeworkMark m;
        const bp::QuantityRef ref = homework_ref(s, row);
        if (const auto problem = hw.check(ref)) {
            m.problem = problem->field + ": " + problem->message;
            out.push_back(m);
            continue;
        }
        m.label = bp::label(ref, symbols(s));
        m.point_at = bp::value_ref(ref);
        if (blank(row.value)) {
            out.push_back(m);
            continue;
        }
        const bp::MarkedAnswer a = hw.mark({ref, row.value});
        m.checked = true;
        m.verdict = a.verdict;
        m.mark = mark_word(a.verdict);
        m.diagnosis = a.diagnosis;
        m.expected = bp::format_number(a.expected, 6);
        m.formula = a.formula;
        if (a.mistake) {
            m.has_point = true;
            m.point_at = a.mistake->point_at;
        }
        out.push_back(m);
    }
    return out;
}

const std::vector<HomeworkMark>& HomeworkTableCache::get(const AppState& s) {
    if (!have_ || revision_ != s.pass_revision || rows_ != s.quiz.homework || notation_ != s.settings.notation) {
        marks_ = mark_homework(s, s.quiz.homework);
        have_ = true;
        revision_ = s.pass_revision;
        rows_ = s.quiz.homework;
        notation_ = s.settings.notation;
        ++builds_;
    }
    return marks_;
}

}  // namespace studio
