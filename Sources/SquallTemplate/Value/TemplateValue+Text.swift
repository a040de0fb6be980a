// Python's `str()` and `repr()` for template values: what `{{ value }}` shows
// and how values look inside containers (`['a', 1]`, `{'k': None}`).

extension TemplateValue: CustomStringConvertible {
    /// Python `str(value)`: the text `{{ value }}` writes (before escaping).
    public var description: String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return pythonFloatText(d)
        case .string(let s): return s
        case .safe(let h): return h.html
        case .date(let d): return UTCDateParts(d).pythonText
        case .function(let f): return "<function \(f.name)>"
        case .object(let o): return o.templateDescription
        case .list, .tuple, .dict: return repr
        }
    }

    /// Python `repr(value)`: strings quoted, containers shown with their items' reprs.
    public var repr: String {
        switch self {
        case .string(let s): return pythonQuoted(s)
        case .safe(let h): return "SafeHTML(\(pythonQuoted(h.html)))"
        case .list(let items):
            return "[" + items.map(\.repr).joined(separator: ", ") + "]"
        case .tuple(let items):
            if items.count == 1 { return "(" + items[0].repr + ",)" }
            return "(" + items.map(\.repr).joined(separator: ", ") + ")"
        case .dict(let d):
            return "{" + d.map { $0.key.repr + ": " + $0.value.repr }.joined(separator: ", ") + "}"
        case .date(let d):
            return UTCDateParts(d).pythonRepr
        default:
            return description
        }
    }
}

extension TemplateValue {
    /// Python `ascii(value)`: `repr` with every non-ASCII character escaped
    /// (`\xe9`, `\u4f60`, `\U0001f389`).
    var asciiRepr: String {
        var result = ""
        for scalar in repr.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: result.unicodeScalars.append(scalar)
            case 0x80..<0x100: result += "\\x" + hexDigits(Int(scalar.value), width: 2)
            case 0x100..<0x10000: result += "\\u" + hexDigits(Int(scalar.value), width: 4)
            default: result += "\\U" + hexDigits(Int(scalar.value), width: 8)
            }
        }
        return result
    }
}

/// Python's float repr: shortest round-trip digits, `1e+16` style exponents,
/// `inf`/`nan` — which is what Swift's `description` already produces.
func pythonFloatText(_ value: Double) -> String {
    value.description
}

/// A Python-style quoted string literal: single quotes unless the text holds a
/// single quote and no double quote; control characters escaped.
func pythonQuoted(_ text: String) -> String {
    let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
    var result = String(quote)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if Character(scalar) == quote {
                result += "\\" + String(quote)
            } else if scalar.value < 0x20 || (0x7F...0xA0).contains(scalar.value) {
                result += "\\x" + hexDigits(Int(scalar.value), width: 2)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    result.append(quote)
    return result
}

/// Lowercase hexadecimal, zero-padded to `width`.
func hexDigits(_ value: Int, width: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
