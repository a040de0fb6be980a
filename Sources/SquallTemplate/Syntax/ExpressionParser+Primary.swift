// Atoms and trailers of template expressions: literals, names, displays
// (`[...]`, `(...)`, `{...}`), comprehensions, calls with keyword and
// unpacking arguments, subscripts and slices, attribute access; plus the
// assignment targets of `for` and `set`.

extension ExpressionParser {
    mutating func parsePrimary() throws(TemplateError) -> Expression {
        var expression = try parseAtom()
        var levels = 0
        defer { nesting -= levels }
        while true {
            let start = current.offset
            if current.isSymbol("(") || current.isSymbol("[") || current.isSymbol(".") { try deepen(&levels) }
            if current.isSymbol("(") {
                advance()
                expression = Expression(kind: .call(expression, try parseArguments()), offset: start)
            } else if current.isSymbol("[") {
                advance()
                expression = try parseSubscript(of: expression, at: start)
            } else if current.isSymbol(".") {
                advance()
                guard case .name(let name) = current.kind else {
                    throw error("expected an attribute name after '.' but found \(current.displayText)")
                }
                advance()
                expression = Expression(kind: .attribute(expression, name), offset: start)
            } else {
                return expression
            }
        }
    }

    private mutating func parseAtom() throws(TemplateError) -> Expression {
        let token = current
        switch token.kind {
        case .int(let value):
            advance()
            return Expression(kind: .literal(.int(value)), offset: token.offset)
        case .double(let value):
            advance()
            return Expression(kind: .literal(.double(value)), offset: token.offset)
        case .string(var text):
            advance()
            while case .string(let more) = current.kind {
                text += more
                advance()
            }
            return Expression(kind: .literal(.string(text)), offset: token.offset)
        case .name(let name):
            if let literal = Self.namedLiterals[name] {
                advance()
                return Expression(kind: .literal(literal), offset: token.offset)
            }
            guard !Self.reservedWords.contains(name) else {
                throw error("expected an expression but found \(token.displayText)")
            }
            advance()
            return Expression(kind: .name(name), offset: token.offset)
        case .symbol("("), .symbol("["):
            advance()
            return try parseBracketed(closing: token.isSymbol("(") ? ")" : "]", at: token.offset)
        case .symbol("{"):
            advance()
            return try parseDictDisplay(at: token.offset)
        default:
            throw error("expected an expression but found \(token.displayText)")
        }
    }

    /// `True`/`False`/`None` plus the lowercase spellings Swift users reach for.
    static let namedLiterals: [String: TemplateValue] = [
        "True": .bool(true), "true": .bool(true), "False": .bool(false), "false": .bool(false),
        "None": .none, "nil": .none,
    ]

    static let reservedWords: Set<String> = [
        "and", "or", "not", "in", "is", "if", "else", "for", "lambda", "import", "from", "def", "class",
        "return", "yield", "while", "with", "as", "del", "pass", "raise", "try", "except", "finally",
    ]

    /// `(…)` or `[…]` after its opening bracket: an empty tuple or list, a
    /// parenthesized expression, a tuple, a list, or a comprehension (a
    /// generator expression is evaluated into a list).
    private mutating func parseBracketed(closing: String, at start: Int) throws(TemplateError) -> Expression {
        let isList = closing == "]"
        if current.isSymbol(closing) {
            advance()
            return Expression(kind: isList ? .list([]) : .tuple([]), offset: start)
        }
        try enter()
        defer { exitNesting() }
        let first = try parseExpression()
        if current.isKeyword("for") {
            let comprehension = try parseComprehension(element: first, at: start)
            try expectSymbol(closing, "to close the comprehension")
            return comprehension
        }
        if !isList, !current.isSymbol(",") {
            try expectSymbol(")", "to close '('")
            return first
        }
        let items = try parseSequenceRest(first: first, closing: closing)
        return Expression(kind: isList ? .list(items) : .tuple(items), offset: start)
    }

    /// The rest of `first, second, …` up to and including `closing`.
    private mutating func parseSequenceRest(first: Expression, closing: String) throws(TemplateError) -> [Expression] {
        var items = [first]
        while current.isSymbol(",") {
            advance()
            if current.isSymbol(closing) { break }
            items.append(try parseExpression())
        }
        try expectSymbol(closing, "to close the sequence")
        return items
    }

    private mutating func parseDictDisplay(at start: Int) throws(TemplateError) -> Expression {
        try enter()
        defer { exitNesting() }
        var pairs: [(Expression, Expression)] = []
        while !current.isSymbol("}") {
            let key = try parseExpression()
            try expectSymbol(":", "after dictionary key")
            pairs.append((key, try parseExpression()))
            guard current.isSymbol(",") else { break }
            advance()
        }
        try expectSymbol("}", "to close the dictionary")
        return Expression(kind: .dict(pairs), offset: start)
    }

    /// `for target in iterable [if condition]…` after the element expression.
    private mutating func parseComprehension(element: Expression, at start: Int) throws(TemplateError) -> Expression {
        try expectKeyword("for", "in comprehension")
        let target = try parseTargetList()
        try expectKeyword("in", "in comprehension")
        let iterable = try parseOr()
        var conditions: [Expression] = []
        while current.isKeyword("if") {
            advance()
            conditions.append(try parseOr())
        }
        if current.isKeyword("for") {
            throw error("nested 'for' clauses in comprehensions are not supported")
        }
        return Expression(kind: .comprehension(element: element, target: target, iterable: iterable, conditions: conditions),
                          offset: start)
    }

    private mutating func parseArguments() throws(TemplateError) -> [Expression.Argument] {
        var arguments: [Expression.Argument] = []
        while !current.isSymbol(")") {
            if current.isSymbol("**") {
                advance()
                arguments.append(.unpackedMapping(try parseExpression()))
            } else if current.isSymbol("*") {
                advance()
                arguments.append(.unpackedSequence(try parseExpression()))
            } else if case .name(let name) = current.kind, peek().isSymbol("=") {
                advance()
                advance()
                arguments.append(.keyword(name, try parseExpression()))
            } else {
                let value = try parseExpression()
                if current.isKeyword("for") {
                    arguments.append(.positional(try parseComprehension(element: value, at: value.offset)))
                } else {
                    arguments.append(.positional(value))
                }
            }
            guard current.isSymbol(",") else { break }
            advance()
        }
        try expectSymbol(")", "to close the argument list")
        return arguments
    }

    private mutating func parseSubscript(of base: Expression, at start: Int) throws(TemplateError) -> Expression {
        var bounds: [Expression?] = [nil]
        var isSlice = false
        while true {
            if current.isSymbol(":") {
                isSlice = true
                guard bounds.count < 3 else { throw error("a slice has at most three parts") }
                advance()
                bounds.append(nil)
            } else if current.isSymbol("]") {
                break
            } else if bounds[bounds.count - 1] == nil {
                bounds[bounds.count - 1] = isSlice ? try parseExpression() : try parseExpressionList()
            } else {
                throw error("expected ']' to close the subscript but found \(current.displayText)")
            }
        }
        advance()
        if isSlice {
            let step = bounds.count > 2 ? bounds[2] : nil
            return Expression(kind: .slice(base, lower: bounds[0], upper: bounds[1], step: step), offset: start)
        }
        guard let key = bounds[0] else { throw error("expected an index inside '[]'", at: current) }
        return Expression(kind: .subscripted(base, key), offset: start)
    }
}
