// ExpressionLexer: splits the text of one `{{ }}` / `{% %}` directive into
// Python-style tokens: names, numbers (decimal, hex, octal, binary, floats,
// `_` separators), string literals (quotes, triple quotes, `r` prefix,
// backslash escapes, implicit concatenation is left to the parser) and
// operators.

struct ExpressionLexer {
    let source: SourceText
    let end: Int
    var position: Int

    /// Lexes `source.bytes[range]`.
    init(source: SourceText, range: Range<Int>) {
        self.source = source
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    /// All tokens, ending with `.end`.
    mutating func tokenize() throws(TemplateError) -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private static let threeCharacterSymbols: Set<String> = ["//=", "**="]
    private static let twoCharacterSymbols: Set<String> = ["==", "!=", "<=", ">=", "//", "**", "+=", "-=", "*=", "/=", "%="]
    private static let oneCharacterSymbols: Set<UInt8> = Set("()[]{},:.=+-*/%<>".utf8)

    private mutating func next() throws(TemplateError) -> ExpressionToken {
        while position < end, isSpace(source.bytes[position]) { position += 1 }
        guard position < end else { return ExpressionToken(kind: .end, offset: end) }
        let start = position
        let byte = source.bytes[position]
        if isDigit(byte) || (byte == UInt8(ascii: ".") && position + 1 < end && isDigit(source.bytes[position + 1])) {
            return ExpressionToken(kind: try number(), offset: start)
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            return ExpressionToken(kind: .string(try stringLiteral(raw: false)), offset: start)
        }
        if isIdentifierStart(at: position) {
            let name = identifier()
            if position < end, source.bytes[position] == UInt8(ascii: "\"") || source.bytes[position] == UInt8(ascii: "'") {
                return ExpressionToken(kind: .string(try prefixedString(prefix: name, at: start)), offset: start)
            }
            return ExpressionToken(kind: .name(name), offset: start)
        }
        for length in [3, 2] where position + length <= end {
            let symbol = source.text(position..<(position + length))
            let known = length == 3 ? Self.threeCharacterSymbols : Self.twoCharacterSymbols
            if known.contains(symbol) {
                position += length
                return ExpressionToken(kind: .symbol(symbol), offset: start)
            }
        }
        if Self.oneCharacterSymbols.contains(byte) {
            position += 1
            return ExpressionToken(kind: .symbol(String(UnicodeScalar(byte))), offset: start)
        }
        let character = source.text(position..<min(end, position + utf8Length(byte))).debugDescription
        throw source.syntaxError("unexpected character \(character) in expression", at: start)
    }

    // MARK: Names

    private func isIdentifierStart(at offset: Int) -> Bool {
        let byte = source.bytes[offset]
        if byte < 0x80 { return byte == UInt8(ascii: "_") || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) }
        return decodeScalar(at: offset).isPythonWordCharacter
    }

    private mutating func identifier() -> String {
        let start = position
        while position < end {
            let byte = source.bytes[position]
            if byte < 0x80 {
                guard byte == UInt8(ascii: "_") || isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) else { break }
                position += 1
            } else {
                guard decodeScalar(at: position).isPythonWordCharacter else { break }
                position += utf8Length(byte)
            }
        }
        return source.text(start..<position)
    }

    private func decodeScalar(at offset: Int) -> Unicode.Scalar {
        let slice = source.bytes[offset..<min(end, offset + utf8Length(source.bytes[offset]))]
        return String(decoding: slice, as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
    }

    // MARK: Numbers

    private mutating func number() throws(TemplateError) -> ExpressionToken.Kind {
        let start = position
        if source.bytes[position] == UInt8(ascii: "0"), position + 1 < end {
            let radix: Int? = switch source.bytes[position + 1] | 0x20 {
            case UInt8(ascii: "x"): 16
            case UInt8(ascii: "o"): 8
            case UInt8(ascii: "b"): 2
            default: nil
            }
            if let radix {
                position += 2
                let digits = consumeDigits { hexValue($0).map { Int($0) < radix } ?? false }
                guard !digits.isEmpty, let value = Int(digits, radix: radix) else {
                    throw source.syntaxError("invalid integer literal '\(source.text(start..<position))'", at: start)
                }
                return .int(value)
            }
        }
        var text = consumeDigits(isDigit)
        var isFloat = false
        if position < end, source.bytes[position] == UInt8(ascii: ".") {
            isFloat = true
            position += 1
            text += "." + consumeDigits(isDigit)
        }
        if position < end, source.bytes[position] | 0x20 == UInt8(ascii: "e") {
            let mark = position
            position += 1
            var exponent = "e"
            if position < end, source.bytes[position] == UInt8(ascii: "+") || source.bytes[position] == UInt8(ascii: "-") {
                exponent.append(Character(UnicodeScalar(source.bytes[position])))
                position += 1
            }
            let digits = consumeDigits(isDigit)
            if digits.isEmpty {
                position = mark
            } else {
                isFloat = true
                text += exponent + digits
            }
        }
        if isFloat, let value = Double(text) { return .double(value) }
        guard let value = Int(text) else {
            throw source.syntaxError("integer literal '\(text)' is too large", at: start)
        }
        return .int(value)
    }

    /// Digits accepted by `accept`, with Python's `_` separators removed.
    private mutating func consumeDigits(_ accept: (UInt8) -> Bool) -> String {
        var digits = ""
        while position < end {
            let byte = source.bytes[position]
            if accept(byte) {
                digits.append(Character(UnicodeScalar(byte)))
            } else if byte != UInt8(ascii: "_") || digits.isEmpty {
                break
            }
            position += 1
        }
        return digits
    }

    // MARK: Bytes

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    func utf8Length(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    }
}
