// The headers of `{% for %}` and `{% set %}` and their assignment targets:
// a name or a (nested) tuple of names, as Python's target lists — `a`,
// `a, b`, `(a, (b, c))`, `[a, b]` — plus `=` or an augmented `+=`-style operator.

extension ExpressionParser {
    /// `target in iterable` of a `{% for %}` directive.
    mutating func parseForHeader() throws(TemplateError) -> (AssignmentTarget, Expression) {
        let target = try parseTargetList()
        try expectKeyword("in", "after the loop variables")
        let iterable = try parseExpressionList()
        try expectEnd()
        return (target, iterable)
    }

    /// `target = value` or `name op= value` of a `{% set %}` directive.
    mutating func parseAssignment() throws(TemplateError) -> (AssignmentTarget, BinaryOperator?, Expression) {
        let target = try parseTargetList()
        let operatorToken = current
        var augmented: BinaryOperator?
        if case .symbol(let symbol) = current.kind, symbol.count >= 2, symbol.hasSuffix("="), symbol != "==", symbol != "!=",
           symbol != "<=", symbol != ">=" {
            augmented = BinaryOperator(rawValue: String(symbol.dropLast()))
        } else if !current.isSymbol("=") {
            throw error("expected '=' after the variable name but found \(current.displayText)")
        }
        if augmented != nil, case .tuple = target {
            throw error("augmented assignment needs a single variable", at: operatorToken)
        }
        advance()
        let value = try parseExpressionList()
        try expectEnd()
        return (target, augmented, value)
    }

    /// `a`, `a, b`, `(a, (b, c))`, `[a, b]`.
    mutating func parseTargetList() throws(TemplateError) -> AssignmentTarget {
        let start = current.offset
        let first = try parseTarget()
        guard current.isSymbol(",") else { return first }
        var items = [first]
        while current.isSymbol(",") {
            advance()
            guard startsTarget(current) else { break }
            items.append(try parseTarget())
        }
        return .tuple(items, offset: start)
    }

    private func startsTarget(_ token: ExpressionToken) -> Bool {
        if token.isSymbol("(") || token.isSymbol("[") { return true }
        guard case .name(let name) = token.kind else { return false }
        return !Self.reservedWords.contains(name)
    }

    private mutating func parseTarget() throws(TemplateError) -> AssignmentTarget {
        let token = current
        if token.isSymbol("(") || token.isSymbol("[") {
            let closing = token.isSymbol("(") ? ")" : "]"
            advance()
            try enter()
            defer { exitNesting() }
            let inner = try parseTargetList()
            try expectSymbol(closing, "to close the variable list")
            // `(a)` is just `a`; `[a]` unpacks a one-element sequence.
            if closing == "]", case .name = inner { return .tuple([inner], offset: token.offset) }
            return inner
        }
        guard case .name(let name) = token.kind, !Self.reservedWords.contains(name), Self.namedLiterals[name] == nil else {
            throw error("expected a variable name but found \(token.displayText)")
        }
        advance()
        return .name(name, offset: token.offset)
    }
}
