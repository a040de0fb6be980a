// ExpressionParser: recursive-descent parser for template expressions with
// Python's precedence, from loosest to tightest:
//   a if c else b  <  or  <  and  <  not  <  comparisons (in, is, <, ==, …)
//   <  + -  <  * / // %  <  unary + -  <  **  <  calls, subscripts, attributes
// Syntax errors say what was expected and where (template, line, column).

struct ExpressionParser {
    /// Bounds recursion on hostile input such as ten thousand `(`.
    static let maximumNesting = 100

    let source: SourceText
    private var tokens: [ExpressionToken]
    private var index = 0
    var nesting = 0

    /// A parser over `source.bytes[range]` (the inside of one directive).
    init(source: SourceText, range: Range<Int>) throws(TemplateError) {
        self.source = source
        var lexer = ExpressionLexer(source: source, range: range)
        tokens = try lexer.tokenize()
    }

    var current: ExpressionToken { tokens[index] }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    func error(_ message: String, at token: ExpressionToken? = nil) -> TemplateError {
        source.syntaxError(message, at: (token ?? current).offset)
    }

    mutating func expectSymbol(_ symbol: String, _ context: String) throws(TemplateError) {
        guard current.isSymbol(symbol) else {
            throw error("expected '\(symbol)' \(context) but found \(current.displayText)")
        }
        advance()
    }

    mutating func expectKeyword(_ keyword: String, _ context: String) throws(TemplateError) {
        guard current.isKeyword(keyword) else {
            throw error("expected '\(keyword)' \(context) but found \(current.displayText)")
        }
        advance()
    }

    /// Requires that nothing follows what was parsed.
    func expectEnd() throws(TemplateError) {
        guard current.kind == .end else {
            throw error("expected end of expression but found \(current.displayText)")
        }
    }

    // MARK: Entry points

    /// A whole directive body: one expression, or a tuple if commas follow.
    mutating func parseComplete() throws(TemplateError) -> Expression {
        let expression = try parseExpressionList()
        try expectEnd()
        return expression
    }

    // MARK: Expressions

    /// `a, b, c` (a tuple) or a single expression.
    mutating func parseExpressionList() throws(TemplateError) -> Expression {
        let first = try parseExpression()
        guard current.isSymbol(",") else { return first }
        var items = [first]
        while current.isSymbol(",") {
            advance()
            if !startsExpression(current) { break }
            items.append(try parseExpression())
        }
        return Expression(kind: .tuple(items), offset: first.offset)
    }

    mutating func parseExpression() throws(TemplateError) -> Expression {
        try enter()
        defer { exitNesting() }
        if current.isKeyword("lambda") { throw error("lambda expressions are not supported in templates") }
        let value = try parseOr()
        guard current.isKeyword("if") else { return value }
        advance()
        let test = try parseOr()
        try expectKeyword("else", "in conditional expression")
        let otherwise = try parseExpression()
        return Expression(kind: .conditional(test: test, then: value, otherwise: otherwise), offset: value.offset)
    }

    /// `or` over `and` operands, or (with `conjunction`) `and` over `not`
    /// operands; both left-associative.
    mutating func parseOr(conjunction: Bool = false) throws(TemplateError) -> Expression {
        let keyword = conjunction ? "and" : "or"
        var left = conjunction ? try parseNot() : try parseOr(conjunction: true)
        var levels = 0
        defer { nesting -= levels }
        while current.isKeyword(keyword) {
            try deepen(&levels)
            advance()
            let right = conjunction ? try parseNot() : try parseOr(conjunction: true)
            left = Expression(kind: conjunction ? .and(left, right) : .or(left, right), offset: left.offset)
        }
        return left
    }

    private mutating func parseNot() throws(TemplateError) -> Expression {
        guard current.isKeyword("not") else { return try parseComparison() }
        let start = current.offset
        try enter()
        defer { exitNesting() }
        advance()
        return Expression(kind: .unary(.not, try parseNot()), offset: start)
    }

    private mutating func parseComparison() throws(TemplateError) -> Expression {
        let first = try parseArithmetic()
        var rest: [(ComparisonOperator, Expression)] = []
        while let comparison = comparisonOperator() {
            rest.append((comparison, try parseArithmetic()))
        }
        return rest.isEmpty ? first : Expression(kind: .comparison(first, rest), offset: first.offset)
    }

    /// Consumes a comparison operator (one or two tokens) if one is next.
    private mutating func comparisonOperator() -> ComparisonOperator? {
        switch current.kind {
        case .symbol(let symbol):
            guard let comparison = ComparisonOperator(rawValue: symbol) else { return nil }
            advance()
            return comparison
        case .name("in"):
            advance()
            return .contains
        case .name("is"):
            advance()
            guard current.isKeyword("not") else { return .identical }
            advance()
            return .notIdentical
        case .name("not") where tokens[index + 1].isKeyword("in"):
            advance()
            advance()
            return .notContains
        default:
            return nil
        }
    }

    /// `+`/`-` over terms, or (with `multiplicative`) `*`, `/`, `//`, `%`
    /// over factors; both left-associative.
    private mutating func parseArithmetic(multiplicative: Bool = false) throws(TemplateError) -> Expression {
        let operators: [BinaryOperator] = multiplicative ? [.multiply, .divide, .floorDivide, .modulo] : [.add, .subtract]
        var left = multiplicative ? try parseFactor() : try parseArithmetic(multiplicative: true)
        var levels = 0
        defer { nesting -= levels }
        while let operation = binaryOperator(among: operators) {
            try deepen(&levels)
            let right = multiplicative ? try parseFactor() : try parseArithmetic(multiplicative: true)
            left = Expression(kind: .binary(operation, left, right), offset: left.offset)
        }
        return left
    }

    private mutating func binaryOperator(among operators: [BinaryOperator]) -> BinaryOperator? {
        guard case .symbol(let symbol) = current.kind, let operation = BinaryOperator(rawValue: symbol),
              operators.contains(operation) else { return nil }
        advance()
        return operation
    }

    private mutating func parseFactor() throws(TemplateError) -> Expression {
        let start = current.offset
        let operation: UnaryOperator? = current.isSymbol("-") ? .negate : current.isSymbol("+") ? .plus : nil
        guard let operation else { return try parsePower() }
        try enter()
        defer { exitNesting() }
        advance()
        return Expression(kind: .unary(operation, try parseFactor()), offset: start)
    }

    private mutating func parsePower() throws(TemplateError) -> Expression {
        let base = try parsePrimary()
        guard current.isSymbol("**") else { return base }
        try enter()
        defer { exitNesting() }
        advance()
        return Expression(kind: .binary(.power, base, try parseFactor()), offset: base.offset)
    }

    /// The token after the current one.
    func peek() -> ExpressionToken {
        tokens[min(index + 1, tokens.count - 1)]
    }

    mutating func exitNesting() {
        nesting -= 1
    }

    /// Counts one more link of a left-deep chain (`a + b + c …`,
    /// `a.b.c …`) against the nesting limit: such chains compile to trees as
    /// deep as they are long. The caller gives the levels back when done.
    mutating func deepen(_ levels: inout Int) throws(TemplateError) {
        try enter()
        levels += 1
    }

    mutating func enter() throws(TemplateError) {
        nesting += 1
        guard nesting <= Self.maximumNesting else {
            throw error("expression nested too deeply (more than \(Self.maximumNesting) levels)")
        }
    }

    /// Whether `token` can begin an expression (to allow trailing commas).
    func startsExpression(_ token: ExpressionToken) -> Bool {
        switch token.kind {
        case .end: return false
        case .symbol(let symbol): return ["(", "[", "{", "-", "+"].contains(symbol)
        case .name(let name): return !["in", "for", "if", "else", "and", "or", "is"].contains(name)
        default: return true
        }
    }
}
