// Splits a Tornado URL pattern (Python `re` syntax) into `PatternToken`s, rejecting what
// Python would reject with a message that says where and why. The regex engine still
// validates the result; this pass exists so the router understands literals and groups.

/// A tokenised pattern and its capturing groups in order (nil = positional group).
struct ScannedPattern: Sendable {
    let tokens: [PatternToken]
    let groupNames: [String?]
}

/// Single-use scanner over one pattern's Unicode scalars.
struct PatternScanner {
    private let source: String
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var tokens: [PatternToken] = []
    private var groupNames: [String?] = []
    private var depth = 0

    /// Tokenises `pattern`.
    /// - Throws: `RouteError.invalidPattern` for malformed or unsupported syntax.
    static func scan(_ pattern: String) throws(RouteError) -> ScannedPattern {
        var scanner = PatternScanner(source: pattern, scalars: Array(pattern.unicodeScalars))
        try scanner.run()
        return ScannedPattern(tokens: scanner.tokens, groupNames: scanner.groupNames)
    }

    private init(source: String, scalars: [Unicode.Scalar]) {
        self.source = source
        self.scalars = scalars
    }

    private func fail(_ reason: String) -> RouteError {
        .invalidPattern(source, reason)
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private mutating func run() throws(RouteError) {
        while let scalar = peek() {
            position += 1
            switch scalar {
            case "\\": try scanEscape()
            case "[": try scanCharacterClass()
            case "(": try scanGroupOpen()
            case ")":
                guard depth > 0 else { throw fail("unbalanced parenthesis at position \(position - 1)") }
                depth -= 1
                tokens.append(.groupClose)
            case "*", "+", "?": appendQuantifier(String(scalar))
            case "{": scanBrace()
            case ".": tokens.append(.anyCharacter)
            case "^": tokens.append(.startAnchor)
            case "$": tokens.append(.endAnchor)
            case "|": tokens.append(.alternation)
            default: tokens.append(.literal(scalar))
            }
        }
        if depth > 0 { throw fail("missing ')': unterminated group") }
    }

    /// Appends a quantifier plus an optional lazy `?` or possessive `+` suffix.
    private mutating func appendQuantifier(_ text: String) {
        var text = text
        if let suffix = peek(), suffix == "?" || suffix == "+" {
            text.unicodeScalars.append(suffix)
            position += 1
        }
        tokens.append(.quantifier(text))
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}` are quantifiers (normalised to `{0,n}` when m is
    /// omitted); any other `{` is a literal brace, as in Python.
    private mutating func scanBrace() {
        var end = position
        var low = "", high = "", comma = false
        while end < scalars.count, scalars[end] != "}" {
            let scalar = scalars[end]
            if scalar == ",", !comma {
                comma = true
            } else if ("0"..."9").contains(scalar) {
                if comma { high.unicodeScalars.append(scalar) } else { low.unicodeScalars.append(scalar) }
            } else {
                break
            }
            end += 1
        }
        guard end < scalars.count, scalars[end] == "}", !(low.isEmpty && !comma) else {
            tokens.append(.literal("{"))
            return
        }
        position = end + 1
        let bounds = comma ? (low.isEmpty ? "0" : low) + "," + high : low
        appendQuantifier("{" + bounds + "}")
    }

    private mutating func scanEscape() throws(RouteError) {
        guard let scalar = peek() else { throw fail("pattern ends with a backslash") }
        position += 1
        guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else {
            tokens.append(.literal(scalar))
            return
        }
        var raw = "\\" + String(scalar)
        switch scalar {
        case "d", "D", "w", "W", "s", "S", "b", "B", "A", "Z", "n", "t", "r", "f", "v", "a":
            break
        case "x": raw += try takeHex(count: 2, after: raw)
        case "u": raw += try takeHex(count: 4, after: raw)
        case "U": raw += try takeHex(count: 8, after: raw)
        case "0"..."9":
            // Python: a group reference of up to two digits, or an octal escape.
            while raw.unicodeScalars.count < 4, let digit = peek(), ("0"..."9").contains(digit) {
                raw.unicodeScalars.append(digit)
                position += 1
            }
        default:
            throw fail("bad escape \(raw) at position \(position - 2)")
        }
        tokens.append(.escape(raw))
    }

    private mutating func takeHex(count: Int, after raw: String) throws(RouteError) -> String {
        var digits = ""
        for _ in 0..<count {
            guard let digit = peek(), digit.properties.isASCIIHexDigit else {
                throw fail("incomplete escape \(raw)\(digits) at position \(position - 2 - digits.unicodeScalars.count)")
            }
            digits.unicodeScalars.append(digit)
            position += 1
        }
        return digits
    }

    /// Copies a `[...]` set verbatim: `]` right after `[` or `[^` is a member, and
    /// backslash escapes are skipped over.
    private mutating func scanCharacterClass() throws(RouteError) {
        let start = position - 1
        var raw = "["
        if peek() == "^" { raw += "^"; position += 1 }
        if peek() == "]" { raw += "]"; position += 1 }
        while let scalar = peek() {
            position += 1
            raw.unicodeScalars.append(scalar)
            if scalar == "]" {
                tokens.append(.characterClass(raw))
                return
            }
            if scalar == "\\", let escaped = peek() {
                raw.unicodeScalars.append(escaped)
                position += 1
            }
        }
        throw fail("unterminated character set at position \(start)")
    }

    private mutating func scanGroupOpen() throws(RouteError) {
        let start = position - 1
        guard peek() == "?" else {
            openGroup(.capturing(name: nil))
            return
        }
        position += 1
        guard let next = peek() else { throw fail("missing ')': unterminated group") }
        switch next {
        case "P" where peek(1) == "<":
            position += 2
            openGroup(.capturing(name: try scanGroupName(closedBy: ">", start: start)))
        case "P" where peek(1) == "=":
            position += 2
            let name = try scanGroupName(closedBy: ")", start: start)
            guard let index = groupNames.firstIndex(of: name) else {
                throw fail("unknown group name '\(name)' at position \(start)")
            }
            tokens.append(.backreference(index + 1))
        case "<" where peek(1) == "=" || peek(1) == "!":
            openGroup(.other("(?<" + String(scalars[position + 1])))
            position += 2
        case "<":
            position += 1
            openGroup(.capturing(name: try scanGroupName(closedBy: ">", start: start)))
        case ":", "=", "!", ">":
            openGroup(.other("(?" + String(next)))
            position += 1
        case "#":
            while let scalar = peek(), scalar != ")" { position += 1 }
            guard peek() == ")" else { throw fail("missing ')' after comment at position \(start)") }
            position += 1
        default:
            try scanFlags(start: start)
        }
    }

    private mutating func openGroup(_ kind: GroupKind) {
        if case .capturing(let name) = kind { groupNames.append(name) }
        depth += 1
        tokens.append(.groupOpen(kind))
    }

    /// A Python identifier terminated by `terminator`; must not repeat an earlier group name.
    private mutating func scanGroupName(closedBy terminator: Unicode.Scalar, start: Int) throws(RouteError) -> String {
        var name = ""
        while let scalar = peek(), scalar != terminator {
            name.unicodeScalars.append(scalar)
            position += 1
        }
        guard peek() == terminator else { throw fail("missing '\(terminator)' in group name at position \(start)") }
        position += 1
        let isIdentifier = name.unicodeScalars.first.map { $0 == "_" || $0.properties.isXIDStart } ?? false
            && name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
        guard isIdentifier else { throw fail("bad group name '\(name)' at position \(start)") }
        if terminator == ">", groupNames.contains(name) {
            throw fail("redefinition of group name '\(name)' at position \(start)")
        }
        return name
    }

    /// `(?aiLmsux-imsx)` or `(?flags:...)`. Verbose mode is refused: it changes what
    /// whitespace and `#` mean, which the router's literal analysis relies on.
    private mutating func scanFlags(start: Int) throws(RouteError) {
        var flags = ""
        while let scalar = peek(), "aiLmsux-".unicodeScalars.contains(scalar) {
            flags.unicodeScalars.append(scalar)
            position += 1
        }
        let terminator = peek()
        guard !flags.isEmpty, terminator == ")" || terminator == ":" else {
            let shown = terminator.map { "(?" + flags + String($0) } ?? "(?" + flags
            throw fail("unknown extension \(shown) at position \(start)")
        }
        guard !flags.contains("x") else { throw fail("verbose mode (?x) is not supported in URL patterns") }
        position += 1
        if terminator == ")" {
            tokens.append(.inlineFlags("(?" + flags + ")"))
        } else {
            openGroup(.other("(?" + flags + ":"))
        }
    }
}
