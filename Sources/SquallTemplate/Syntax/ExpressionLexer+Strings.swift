// String literals of template expressions: single, double and triple
// quotes, the `r`/`u`/`b` prefixes (f-strings are refused with a hint), and
// Python's backslash escapes, including \x, \u and \U.

extension ExpressionLexer {
    mutating func prefixedString(prefix: String, at start: Int) throws(TemplateError) -> String {
        switch prefix.lowercased() {
        case "r", "rb", "br": return try stringLiteral(raw: true)
        case "u", "b": return try stringLiteral(raw: false)
        case "f", "rf", "fr":
            throw source.syntaxError("f-strings are not supported; use \"...\" % (...) or \"...\".format(...)", at: start)
        default:
            throw source.syntaxError("unknown string prefix '\(prefix)'", at: start)
        }
    }

    mutating func stringLiteral(raw: Bool) throws(TemplateError) -> String {
        let start = position
        let quote = source.bytes[position]
        let triple = position + 2 < end && source.bytes[position + 1] == quote && source.bytes[position + 2] == quote
        position += triple ? 3 : 1
        var bytes: [UInt8] = []
        while position < end {
            let byte = source.bytes[position]
            if byte == quote {
                if !triple {
                    position += 1
                    return String(decoding: bytes, as: UTF8.self)
                }
                if position + 2 < end, source.bytes[position + 1] == quote, source.bytes[position + 2] == quote {
                    position += 3
                    return String(decoding: bytes, as: UTF8.self)
                }
            }
            if byte == UInt8(ascii: "\n"), !triple { break }
            if byte == UInt8(ascii: "\\"), position + 1 < end {
                if raw {
                    bytes.append(contentsOf: source.bytes[position...(position + 1)])
                    position += 2
                } else {
                    try appendEscape(to: &bytes)
                }
                continue
            }
            bytes.append(byte)
            position += 1
        }
        throw source.syntaxError("unterminated string literal", at: start)
    }

    /// Decodes the backslash escape at `position` (Python's rules: unknown
    /// escapes keep their backslash).
    private mutating func appendEscape(to bytes: inout [UInt8]) throws(TemplateError) {
        let start = position
        let letter = source.bytes[position + 1]
        position += 2
        let simple: UInt8? = switch letter {
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "0"): 0x00
        case UInt8(ascii: "a"): 0x07
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "v"): 0x0B
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): letter
        default: nil
        }
        if let simple {
            bytes.append(simple)
            return
        }
        let width: Int? = switch letter {
        case UInt8(ascii: "x"): 2
        case UInt8(ascii: "u"): 4
        case UInt8(ascii: "U"): 8
        default: nil
        }
        guard let width else {
            // A backslash-newline continues the line; anything else is literal.
            if letter != UInt8(ascii: "\n") { bytes.append(contentsOf: [UInt8(ascii: "\\"), letter]) }
            return
        }
        guard position + width <= end,
              let value = UInt32(source.text(position..<(position + width)), radix: 16),
              let scalar = Unicode.Scalar(value) else {
            throw source.syntaxError("invalid \\\(Character(UnicodeScalar(letter))) escape in string literal", at: start)
        }
        position += width
        bytes.append(contentsOf: Array(String(scalar).utf8))
    }
}
