// Splitting a block's body at its `elif`/`else`/`except`/`finally` markers
// and checking that the clauses come in an order Python would accept.

extension TemplateParser {
    /// A block body split at its clause markers.
    struct BlockClauses {
        let source: SourceText
        /// Nodes before the first marker.
        let body: [TemplateNode]
        /// Each marker with the nodes that follow it.
        let clauses: [(directive: Directive, body: [TemplateNode])]

        /// For `for`/`while`: at most one `else`.
        func onlyElse() throws(TemplateError) -> [TemplateNode]? {
            if clauses.count > 1 {
                throw source.syntaxError("only one {% else %} is allowed here", at: clauses[1].directive.offset)
            }
            return clauses.first?.body
        }

        /// For `if`: `elif`s, then at most one `else`, last.
        func conditional(firstCondition: Expression, at offset: Int) throws(TemplateError) -> TemplateNode {
            var branches = [ConditionalBranch(condition: firstCondition, body: body, offset: offset)]
            var otherwise: [TemplateNode]?
            for clause in clauses {
                if otherwise != nil {
                    throw source.syntaxError("{% \(clause.directive.name) %} after {% else %}", at: clause.directive.offset)
                }
                if clause.directive.name == "else" {
                    try requireEmpty(clause.directive)
                    otherwise = clause.body
                } else {
                    guard !clause.directive.suffix.isEmpty else {
                        throw source.syntaxError("{% elif %} needs a condition", at: clause.directive.offset)
                    }
                    var parser = try ExpressionParser(source: source, range: clause.directive.suffix)
                    branches.append(ConditionalBranch(condition: try parser.parseComplete(), body: clause.body,
                                                      offset: clause.directive.offset))
                }
            }
            return .conditional(branches, otherwise: otherwise)
        }

        /// For `try`: `except`, `else`, `finally`, each at most once and in
        /// that order; `else` needs an `except`; at least one of `except` and
        /// `finally` must be present.
        func tryClauses() throws(TemplateError) -> TryClauses {
            var result = TryClauses(body: body)
            let order = ["except", "else", "finally"]
            var lastRank = -1
            for clause in clauses {
                let name = clause.directive.name
                let rank = order.firstIndex(of: name) ?? 0
                guard rank > lastRank else {
                    throw source.syntaxError("{% \(name) %} is out of order (expected except, else, finally, each at most once)",
                                             at: clause.directive.offset)
                }
                lastRank = rank
                switch name {
                case "except":
                    result.handler = clause.body
                    result.errorBinding = try exceptBinding(clause.directive)
                case "else":
                    guard result.handler != nil else {
                        throw source.syntaxError("{% else %} in a {% try %} block needs an {% except %} before it", at: clause.directive.offset)
                    }
                    try requireEmpty(clause.directive)
                    result.otherwise = clause.body
                default:
                    try requireEmpty(clause.directive)
                    result.finally = clause.body
                }
            }
            guard result.handler != nil || result.finally != nil else {
                throw source.syntaxError("{% try %} needs an {% except %} or {% finally %}", at: clauses.first?.directive.offset ?? 0)
            }
            return result
        }

        /// `except`, `except SomeError` or `except SomeError as name`. Every
        /// template error is caught whatever class is named (there is one
        /// error type); only the bound name matters.
        private func exceptBinding(_ directive: Directive) throws(TemplateError) -> String? {
            guard !directive.suffix.isEmpty else { return nil }
            var parser = try ExpressionParser(source: source, range: directive.suffix)
            _ = try parser.parseOr()
            guard parser.current.isKeyword("as") else {
                try parser.expectEnd()
                return nil
            }
            parser.advance()
            guard case .name(let name) = parser.current.kind else {
                throw parser.error("expected a variable name after 'as' but found \(parser.current.displayText)")
            }
            parser.advance()
            try parser.expectEnd()
            return name
        }

        private func requireEmpty(_ directive: Directive) throws(TemplateError) {
            guard directive.suffix.isEmpty else {
                throw source.syntaxError("unexpected text after {% \(directive.name) %}", at: directive.suffix.lowerBound)
            }
        }
    }

    /// Parses a block's body through its `{% end %}` and splits it.
    mutating func parseClauses(of directive: Directive, inLoop: Bool) throws(TemplateError) -> BlockClauses {
        let chunks = try parseBody(opener: directive, inLoop: inLoop)
        var body: [TemplateNode] = []
        var clauses: [(directive: Directive, body: [TemplateNode])] = []
        for chunk in chunks {
            switch chunk {
            case .node(let node):
                if clauses.isEmpty { body.append(node) } else { clauses[clauses.count - 1].body.append(node) }
            case .clause(let marker):
                clauses.append((marker, []))
            }
        }
        return BlockClauses(source: source, body: body, clauses: clauses)
    }
}
