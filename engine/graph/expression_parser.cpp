// The expression reader (see expression_parser.h): a lexer that turns the text into tokens, then a
// recursive-descent parser whose every level of nesting is counted against kMaxExpressionDepth.
// [SECTION] characters and positions
// [SECTION] tokens
// [SECTION] the parser: expression, term, unary, power, primary
#include "engine/graph/expression_parser.h"

#include <algorithm>
#include <charconv>
#include <numbers>
#include <vector>

namespace bp {
namespace {

// ---- [SECTION] characters and positions ---------------------------------------------------------------

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Length in bytes of the UTF-8 sequence starting at text[i], or 0 when it is not valid UTF-8.
std::size_t utf8_length(std::string_view text, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > text.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if (!continuation_byte(text[i + k])) return 0;
    return n;
}

// 1-based character position of byte offset `byte`.
int position_of(std::string_view text, std::size_t byte) {
    int p = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i)
        if (!continuation_byte(text[i])) ++p;
    return p;
}

std::size_t count_characters(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) n += continuation_byte(c) ? 0 : 1;
    return n;
}

// ---- [SECTION] tokens -------------------------------------------------------------------------------------

enum class Tok { number, name, plus, minus, star, slash, power, lparen, rparen, comma, end };

struct Token {
    Tok kind = Tok::end;
    std::size_t begin = 0, end = 0;  // bytes of the text
    double number = 0.0;             // Tok::number
    std::string name;                // Tok::name: the name ("sigmoid" for σ, "pi" for π)
    std::string text;                // as written
};

bool name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

// Non-ASCII characters the syntax reads: σ, π, and the minus and times signs of printed formulas.
struct Alias {
    std::string_view utf8;
    Tok kind;
    std::string_view name;
};
constexpr Alias kAliases[] = {{"σ", Tok::name, "sigmoid"}, {"π", Tok::name, "pi"}, {"−", Tok::minus, ""},
                              {"·", Tok::star, ""},        {"×", Tok::star, ""}};

class Lexer {
public:
    explicit Lexer(std::string_view text) : text_(text) {}

    std::vector<Token> tokens() {
        std::vector<Token> out;
        while (true) {
            while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t' || text_[i_] == '\n' || text_[i_] == '\r'))
                ++i_;
            if (i_ >= text_.size()) break;
            out.push_back(next());
        }
        Token end;
        end.begin = end.end = text_.size();
        out.push_back(end);
        return out;
    }

private:
    [[noreturn]] void fail(const std::string& what, std::size_t byte) const {
        const int p = position_of(text_, byte);
        throw ExpressionError(what + " at " + std::to_string(p), p, text_);
    }

    Token make(Tok kind, std::size_t length) {
        Token t;
        t.kind = kind;
        t.begin = i_;
        t.end = i_ + length;
        t.text = std::string(text_.substr(i_, length));
        i_ += length;
        return t;
    }

    Token next() {
        const char c = text_[i_];
        if (digit(c) || (c == '.' && i_ + 1 < text_.size() && digit(text_[i_ + 1]))) return number();
        if (name_start(c)) {
            std::size_t n = 1;
            while (i_ + n < text_.size() && name_char(text_[i_ + n])) ++n;
            Token t = make(Tok::name, n);
            t.name = t.text;
            return t;
        }
        switch (c) {
            case '+': return make(Tok::plus, 1);
            case '-': return make(Tok::minus, 1);
            case '*': return i_ + 1 < text_.size() && text_[i_ + 1] == '*' ? make(Tok::power, 2) : make(Tok::star, 1);
            case '/': return make(Tok::slash, 1);
            case '^': return make(Tok::power, 1);
            case '(': return make(Tok::lparen, 1);
            case ')': return make(Tok::rparen, 1);
            case ',': return make(Tok::comma, 1);
            default: break;
        }
        for (const Alias& a : kAliases) {
            if (text_.substr(i_, a.utf8.size()) != a.utf8) continue;
            Token t = make(a.kind, a.utf8.size());
            t.name = std::string(a.name);
            return t;
        }
        const std::size_t n = utf8_length(text_, i_);
        if (n == 0) {
            static const char* const kHex = "0123456789ABCDEF";
            const unsigned char b = static_cast<unsigned char>(c);
            fail(std::string("unexpected byte 0x") + kHex[b >> 4] + kHex[b & 15] + " (not UTF-8)", i_);
        }
        fail("unexpected character '" + std::string(text_.substr(i_, n)) + "'", i_);
    }

    // digits and points, then an exponent e±digits; the whole must read as one double.
    Token number() {
        std::size_t n = 0;
        while (i_ + n < text_.size() && (digit(text_[i_ + n]) || text_[i_ + n] == '.')) ++n;
        if (i_ + n < text_.size() && (text_[i_ + n] == 'e' || text_[i_ + n] == 'E')) {
            std::size_t k = n + 1;
            if (i_ + k < text_.size() && (text_[i_ + k] == '+' || text_[i_ + k] == '-')) ++k;
            if (i_ + k < text_.size() && digit(text_[i_ + k])) {
                n = k;
                while (i_ + n < text_.size() && digit(text_[i_ + n])) ++n;
            }
        }
        Token t = make(Tok::number, n);
        const char* first = text_.data() + t.begin;
        const char* last = text_.data() + t.end;
        const auto r = std::from_chars(first, last, t.number);
        if (r.ec == std::errc::invalid_argument || r.ptr != last) fail("malformed number '" + t.text + "'", t.begin);
        if (r.ec == std::errc::result_out_of_range)
            fail("the number " + t.text + " is out of the range of a double", t.begin);
        return t;
    }

    std::string_view text_;
    std::size_t i_ = 0;
};

// ---- [SECTION] the parser -------------------------------------------------------------------------------

// A function of the syntax: one of the mathematical functions, or an element-wise activation of the engine
// (its ScalarFunction: the network graphs and the expressions compute it alike).
struct Function {
    std::string_view name;
    Op op;
    const ScalarFunction* function = nullptr;  // Op::function
};
constexpr Function kMathFunctions[] = {{"exp", Op::exp}, {"log", Op::log}, {"sqrt", Op::sqrt}, {"sin", Op::sin}, {"cos", Op::cos}};
constexpr Function kLastFunctions[] = {{"abs", Op::abs}};

// exp … cos, then every activation that is a function of one number (not linear, not softmax), then abs.
const std::vector<Function>& functions() {
    static const std::vector<Function> all = [] {
        std::vector<Function> f(std::begin(kMathFunctions), std::end(kMathFunctions));
        for (const ActivationInfo& e : kActivations)
            if (!e.output_only && !e.identity) f.push_back({e.fn.name, Op::function, &e.fn});
        f.insert(f.end(), std::begin(kLastFunctions), std::end(kLastFunctions));
        return f;
    }();
    return all;
}

// "exp, log, sqrt, sin, cos, sigmoid or σ, tanh, relu, leaky_relu, abs": a name with its non-ASCII alias.
std::string function_list(std::string_view separator, std::string_view alias_open, std::string_view alias_close) {
    std::string list;
    for (const Function& f : functions()) {
        list.append(list.empty() ? "" : separator).append(f.name);
        for (const Alias& a : kAliases)
            if (a.kind == Tok::name && a.name == f.name) list.append(alias_open).append(a.utf8).append(alias_close);
    }
    return list;
}

const Function* find_function(std::string_view name) {
    for (const Function& f : functions())
        if (f.name == name) return &f;
    return nullptr;
}

bool is_constant_name(std::string_view name) { return name == "pi" || name == "e"; }

bool starts_operand(Tok t) { return t == Tok::number || t == Tok::name || t == Tok::lparen; }

class Parser {
public:
    explicit Parser(std::string_view text) : text_(text), tokens_(Lexer(text).tokens()) {}

    ExpressionGraph parse() {
        if (cur().kind == Tok::end) throw ExpressionError("the expression is empty", 0, text_);
        const int y = expression();
        if (cur().kind != Tok::end) fail("unexpected '" + cur().text + "'", cur());
        return builder_.finish(y, std::string(text_));
    }

private:
    // One level of nesting, counted while it lasts.
    class Level {
    public:
        Level(Parser& p, const Token& at) : p_(p) {
            if (++p_.depth_ > kMaxExpressionDepth)
                p_.fail("the expression nests deeper than " + std::to_string(kMaxExpressionDepth) + " levels", at);
        }
        ~Level() { --p_.depth_; }
        Level(const Level&) = delete;
        Level& operator=(const Level&) = delete;

    private:
        Parser& p_;
    };

    // "<what> at <position><tail>": the place right after the words that name the problem.
    [[noreturn]] void fail(const std::string& what, const Token& at, const std::string& tail = "") const {
        const int p = position_of(text_, at.begin);
        throw ExpressionError(what + " at " + std::to_string(p) + tail, p, text_);
    }

    const Token& cur() const { return tokens_[pos_]; }
    const Token& peek(std::size_t ahead) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
    const Token& take() { return tokens_[pos_++]; }

    // Every new node passes here: the node limit is checked with the place that asked for one more.
    void room_for_node(const Token& at) const {
        if (builder_.size() >= kMaxGraphNodes)
            fail("the expression needs more than " + std::to_string(kMaxGraphNodes) + " nodes (the limit)", at);
    }
    int operation(Op op, std::vector<int> inputs, const Token& at, std::size_t begin, std::size_t end) {
        room_for_node(at);
        const int id = builder_.operation(op, std::move(inputs));
        builder_.set_source(id, static_cast<int>(begin), static_cast<int>(end));
        return id;
    }
    int begin_of(int id) const { return builder_.node(id).source_begin; }
    int end_of(int id) const { return builder_.node(id).source_end; }

    // expression := term (('+' | '-') term)*
    int expression() {
        int left = term();
        while (cur().kind == Tok::plus || cur().kind == Tok::minus) {
            const Token& op = take();
            const int right = term();
            left = operation(op.kind == Tok::plus ? Op::add : Op::sub, {left, right}, op,
                             static_cast<std::size_t>(begin_of(left)), static_cast<std::size_t>(end_of(right)));
        }
        return left;
    }

    // term := unary (('*' | '/') unary)*; an operand right after an operand is an implicit product.
    int term() {
        int left = unary();
        while (true) {
            if (cur().kind == Tok::star || cur().kind == Tok::slash) {
                const Token& op = take();
                const int right = unary();
                left = operation(op.kind == Tok::star ? Op::mul : Op::div, {left, right}, op,
                                 static_cast<std::size_t>(begin_of(left)), static_cast<std::size_t>(end_of(right)));
            } else if (starts_operand(cur().kind)) {
                fail("implicit product", cur(), ": write " + tokens_[pos_ - 1].text + "*" + cur().text);
            } else {
                return left;
            }
        }
    }

    // unary := ('-' | '+') unary | power. A minus directly before a number that no power follows is that
    // number's sign (-2^2 stays −(2²)).
    int unary() {
        if (cur().kind != Tok::minus && cur().kind != Tok::plus) return power();
        const Token& sign = take();
        const Level level(*this, sign);
        if (sign.kind == Tok::minus && cur().kind == Tok::number && peek(1).kind != Tok::power) {
            const Token& number = take();
            room_for_node(number);
            const int id = builder_.constant(-number.number);
            builder_.set_source(id, static_cast<int>(sign.begin), static_cast<int>(number.end));
            return id;
        }
        const int operand = unary();
        if (sign.kind == Tok::plus) return operand;
        return operation(Op::neg, {operand}, sign, sign.begin, static_cast<std::size_t>(end_of(operand)));
    }

    // power := primary (('^' | '**') unary)?   — right-associative through unary.
    int power() {
        const int base = primary();
        if (cur().kind != Tok::power) return base;
        const Token& op = take();
        const Level level(*this, op);
        const int exponent = unary();
        return operation(Op::pow, {base, exponent}, op, static_cast<std::size_t>(begin_of(base)),
                         static_cast<std::size_t>(end_of(exponent)));
    }

    int primary() {
        const Token& t = cur();
        switch (t.kind) {
            case Tok::number: {
                take();
                room_for_node(t);
                const int id = builder_.constant(t.number);
                builder_.set_source(id, static_cast<int>(t.begin), static_cast<int>(t.end));
                return id;
            }
            case Tok::name: return named();
            case Tok::lparen: {
                const Token& open = take();
                const Level level(*this, open);
                if (cur().kind == Tok::rparen) fail("nothing inside the parentheses", cur());
                const int inner = expression();
                if (cur().kind == Tok::comma) fail("unexpected ','", cur());
                if (cur().kind != Tok::rparen) fail("missing ')'", cur());
                take();
                return inner;
            }
            default: break;
        }
        missing_operand(t);
    }

    [[noreturn]] void missing_operand(const Token& t) const {
        if (t.kind == Tok::comma) fail("unexpected ','", t);
        if (pos_ == 0) fail("missing an operand before '" + t.text + "'", t);
        const Token& before = tokens_[pos_ - 1];
        if (before.kind == Tok::lparen && t.kind == Tok::rparen) fail("nothing inside the parentheses", t);
        if (before.kind == Tok::lparen) fail("missing an operand after '('", t);
        fail("missing an operand after '" + before.text + "'", t);
    }

    // A function call, a constant or a variable.
    int named() {
        const Token& t = take();
        if (const Function* f = find_function(t.name)) {
            if (cur().kind != Tok::lparen) fail("missing '(' after " + t.text, cur(), ": write " + t.text + "(…)");
            const Token& open = take();
            const Level level(*this, open);
            if (cur().kind == Tok::rparen) fail(t.text + " needs an argument", cur());
            const int argument = expression();
            if (cur().kind == Tok::comma) fail("unexpected ','", cur(), ": " + t.text + " takes one argument");
            if (cur().kind != Tok::rparen) fail("missing ')'", cur());
            const Token& close = take();
            if (f->op != Op::function) return operation(f->op, {argument}, t, t.begin, close.end);
            room_for_node(t);
            const int id = builder_.function(*f->function, argument);
            builder_.set_source(id, static_cast<int>(t.begin), static_cast<int>(close.end));
            return id;
        }
        if (is_constant_name(t.name)) {
            room_for_node(t);
            const int id = builder_.constant(t.name == "pi" ? std::numbers::pi : std::numbers::e);
            builder_.set_source(id, static_cast<int>(t.begin), static_cast<int>(t.end));
            return id;
        }
        if (cur().kind == Tok::lparen) {
            if (t.name == "ln") fail("unknown function 'ln'", t, ": write log (the natural logarithm)");
            fail("unknown function '" + t.name + "'", t,
                 " (the functions are " + function_list(", ", " or ", "") + "; for a product write " + t.name + "*(…))");
        }
        const bool known = builder_.find_variable(t.name) >= 0;
        if (!known) room_for_node(t);
        const int id = builder_.variable(t.name);
        if (!known) builder_.set_source(id, static_cast<int>(t.begin), static_cast<int>(t.end));
        return id;
    }

    std::string_view text_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    GraphBuilder builder_;
};

}  // namespace

ExpressionError::ExpressionError(const std::string& why, int where, std::string_view text)
    : Error(where > 0 ? why + "\n" + caret_lines(text, where) : why), reason(why), position(where) {}

std::string caret_lines(std::string_view text, int position) {
    constexpr int kHalfWindow = 30;
    std::vector<std::string_view> chars;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = std::max<std::size_t>(1, utf8_length(text, i));
        chars.push_back(text.substr(i, n));
        i += n;
    }
    const int count = static_cast<int>(chars.size());
    const int at = std::clamp(position, 1, count + 1) - 1;  // 0-based
    const int first = std::max(0, at - kHalfWindow);
    const int last = std::min(count, at + kHalfWindow);
    std::string line = "  ";
    if (first > 0) line += "…";
    for (int i = first; i < last; ++i) {
        const std::string_view c = chars[static_cast<std::size_t>(i)];
        const bool printable = c.size() > 1 ? utf8_length(c, 0) == c.size() : static_cast<unsigned char>(c[0]) >= 0x20 &&
                                                                                    static_cast<unsigned char>(c[0]) < 0x7F;
        line += printable ? std::string(c) : std::string(" ");
    }
    if (last < count) line += "…";
    const int column = 2 + (first > 0 ? 1 : 0) + (at - first);
    return line + "\n" + std::string(static_cast<std::size_t>(column), ' ') + "^";
}

std::string expression_functions() { return function_list(" ", " (", ")"); }

bool is_reserved_name(std::string_view name) {
    return find_function(name) != nullptr || is_constant_name(name) || name == "σ" || name == "π";
}

ExpressionGraph parse_expression(std::string_view text) {
    const std::size_t length = count_characters(text);
    if (length > static_cast<std::size_t>(kMaxExpressionLength))
        throw ExpressionError("the expression has " + std::to_string(length) + " characters; the limit is " +
                                  std::to_string(kMaxExpressionLength),
                              0, text);
    return Parser(text).parse();
}

}  // namespace bp
