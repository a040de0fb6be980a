// The `{% %}` directives of Tornado's template language: what each accepts
// and the errors it reports. Blocks (`if`, `for`, `while`, `try`, `apply`,
// `block`) recurse into `parseBody` and are split into clauses in
// TemplateParser+Clauses.swift.

extension TemplateParser {
    /// The clause markers and the blocks each may appear in.
    private static let clauseParents: [String: Set<String>] = [
        "else": ["if", "for", "while", "try"],
        "elif": ["if"],
        "except": ["try"],
        "finally": ["try"],
    ]

    /// Parses one directive; `nil` for directives that only change parser
    /// state (`comment`, `extends`, `autoescape`, `whitespace`).
    mutating func parseDirective(_ directive: Directive, opener: Directive?, inLoop: Bool) throws(TemplateError) -> Chunk? {
        let name = directive.name
        if let parents = Self.clauseParents[name] {
            guard let opener else {
                throw source.syntaxError("{% \(name) %} outside of a block (it belongs in \(Self.describe(parents)))", at: directive.offset)
            }
            guard parents.contains(opener.name) else {
                throw source.syntaxError("{% \(name) %} cannot be attached to a {% \(opener.name) %} block", at: directive.offset)
            }
            return .clause(directive)
        }
        switch name {
        case "comment":
            return nil
        case "extends":
            guard opener == nil else { throw source.syntaxError("{% extends %} must be at the top level of the template", at: directive.offset) }
            guard parent == nil else { throw source.syntaxError("a template can only {% extends %} one parent", at: directive.offset) }
            parent = (try quotedName(directive), directive.offset)
            return nil
        case "include":
            return .node(.include(try quotedName(directive), offset: directive.offset))
        case "set":
            guard !directive.suffix.isEmpty else { throw source.syntaxError("{% set %} needs an assignment like {% set x = 1 %}", at: directive.offset) }
            var parser = try ExpressionParser(source: source, range: directive.suffix)
            let (target, operation, value) = try parser.parseAssignment()
            return .node(.assign(target, operation, value, offset: directive.offset))
        case "import", "from":
            throw source.syntaxError("Python imports are not supported in templates; pass values and functions in the namespace instead",
                                     at: directive.offset)
        case "autoescape":
            try setAutoescape(directive)
            return nil
        case "whitespace":
            let mode = source.text(directive.suffix)
            guard let parsed = WhitespaceMode(name: mode) else {
                throw source.syntaxError("invalid whitespace mode '\(mode)' (expected all, single or oneline)", at: directive.offset)
            }
            whitespace = parsed
            return nil
        case "raw":
            return .node(.output(try expression(directive, what: "an expression"), raw: true, offset: directive.offset))
        case "module":
            return .node(try moduleCall(directive))
        case "break", "continue":
            guard inLoop else { throw source.syntaxError("{% \(name) %} outside of a {% for %} or {% while %} loop", at: directive.offset) }
            try requireEmptySuffix(directive)
            return .node(.loopControl(isBreak: name == "break", offset: directive.offset))
        case "if", "for", "while", "try", "apply", "block":
            return .node(try parseBlock(directive, inLoop: inLoop))
        default:
            throw source.syntaxError("unknown directive '\(name)' (expected one of if, elif, else, for, while, try, except, "
                + "finally, end, set, include, extends, block, module, raw, apply, autoescape, whitespace, comment, break, continue)",
                at: directive.offset)
        }
    }

    private mutating func parseBlock(_ directive: Directive, inLoop: Bool) throws(TemplateError) -> TemplateNode {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumBlockNesting else {
            throw source.syntaxError("blocks nested too deeply (more than \(Self.maximumBlockNesting) levels)", at: directive.offset)
        }
        // Validate the header before the body so errors come in reading order.
        switch directive.name {
        case "for":
            var parser = try ExpressionParser(source: source, range: try nonEmptySuffix(directive, what: "a loop like {% for x in items %}"))
            let (target, iterable) = try parser.parseForHeader()
            let clauses = try parseClauses(of: directive, inLoop: true)
            return .forLoop(target, iterable, body: clauses.body, otherwise: try clauses.onlyElse(), offset: directive.offset)
        case "while":
            let condition = try expression(directive, what: "a condition")
            let clauses = try parseClauses(of: directive, inLoop: true)
            return .whileLoop(condition, body: clauses.body, otherwise: try clauses.onlyElse(), offset: directive.offset)
        case "if":
            let condition = try expression(directive, what: "a condition")
            return try parseClauses(of: directive, inLoop: inLoop).conditional(firstCondition: condition, at: directive.offset)
        case "try":
            try requireEmptySuffix(directive)
            return .tryBlock(try parseClauses(of: directive, inLoop: inLoop).tryClauses())
        case "apply":
            let function = try expression(directive, what: "a function name")
            // The body becomes a separate function, so `break` cannot cross it.
            let clauses = try parseClauses(of: directive, inLoop: false)
            return .apply(function, body: clauses.body, offset: directive.offset)
        default:
            let name = source.text(try nonEmptySuffix(directive, what: "a block name"))
            let clauses = try parseClauses(of: directive, inLoop: inLoop)
            return .block(name: name, body: clauses.body, offset: directive.offset)
        }
    }

    private mutating func setAutoescape(_ directive: Directive) throws(TemplateError) {
        let function = source.text(directive.suffix)
        if function == "None" {
            autoescape = nil
            return
        }
        var parser = try ExpressionParser(source: source, range: try nonEmptySuffix(directive, what: "a function name or None"))
        guard case .name(let name) = try parser.parseComplete().kind else {
            throw source.syntaxError("{% autoescape %} takes a function name or None", at: directive.suffix.lowerBound)
        }
        autoescape = name
    }

    private func moduleCall(_ directive: Directive) throws(TemplateError) -> TemplateNode {
        let call = try expression(directive, what: "a module call like Template(\"item.html\")")
        guard case .call(let callee, let arguments) = call.kind, case .name(let name) = callee.kind else {
            throw source.syntaxError("{% module %} expects a call like Name(arguments)", at: directive.suffix.lowerBound)
        }
        return .module(name: name, arguments: arguments, offset: directive.offset)
    }

    /// The suffix parsed as one (tuple) expression.
    func expression(_ directive: Directive, what: String) throws(TemplateError) -> Expression {
        var parser = try ExpressionParser(source: source, range: try nonEmptySuffix(directive, what: what))
        return try parser.parseComplete()
    }

    func nonEmptySuffix(_ directive: Directive, what: String) throws(TemplateError) -> Range<Int> {
        guard !directive.suffix.isEmpty else {
            throw source.syntaxError("{% \(directive.name) %} needs \(what)", at: directive.offset)
        }
        return directive.suffix
    }

    /// `"base.html"` or `base.html`: Tornado strips surrounding quotes.
    private func quotedName(_ directive: Directive) throws(TemplateError) -> String {
        var name = Substring(source.text(directive.suffix))
        while name.first == "\"" { name.removeFirst() }
        while name.last == "\"" { name.removeLast() }
        while name.first == "'" { name.removeFirst() }
        while name.last == "'" { name.removeLast() }
        guard !name.isEmpty else { throw source.syntaxError("{% \(directive.name) %} needs a template name", at: directive.offset) }
        return String(name)
    }

    private static func describe(_ parents: Set<String>) -> String {
        parents.sorted().map { "{% \($0) %}" }.joined(separator: " or ")
    }
}
