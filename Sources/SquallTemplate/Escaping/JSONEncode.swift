// JSON encoding, as Tornado's `json_encode`: Python's `json.dumps` defaults
// (ASCII-only output, `", "` and `": "` separators, `NaN`/`Infinity`) with
// `</` written as `<\/` so the result can sit inside a `<script>` element.

/// Encodes `value` as JSON the way Tornado's `json_encode` does.
///
/// Dates (which Python cannot serialize) are written as ISO 8601 strings;
/// dictionary keys that are numbers, booleans or `None` become strings.
/// - Throws: `TemplateError` (runtime) for functions, custom objects, and
///   keys that are containers.
public func jsonEncode(_ value: TemplateValue) throws(TemplateError) -> String {
    var out = OutputBuffer()
    try appendJSON(value, to: &out)
    return out.text
}

private func appendJSON(_ value: TemplateValue, to out: inout OutputBuffer) throws(TemplateError) {
    switch value {
    case .none: out.append("null")
    case .bool(let b): out.append(b ? "true" : "false")
    case .int(let i): out.append(String(i))
    case .double(let d): out.append(jsonNumber(d))
    case .string(let s): appendJSONString(s, to: &out)
    case .safe(let h): appendJSONString(h.html, to: &out)
    case .date(let d): appendJSONString(UTCDateParts(d).isoText, to: &out)
    case .list(let items), .tuple(let items):
        out.append(UInt8(ascii: "["))
        for (position, item) in items.enumerated() {
            if position > 0 { out.append(", ") }
            try appendJSON(item, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    case .dict(let dictionary):
        out.append(UInt8(ascii: "{"))
        for (position, entry) in dictionary.enumerated() {
            if position > 0 { out.append(", ") }
            appendJSONString(try jsonKey(entry.key), to: &out)
            out.append(": ")
            try appendJSON(entry.value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    case .function, .object:
        throw TemplateError(runtime: "Object of type \(value.typeName) is not JSON serializable")
    }
}

private func jsonNumber(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
    return pythonFloatText(value)
}

private func jsonKey(_ key: TemplateValue) throws(TemplateError) -> String {
    switch key {
    case .string(let s): return s
    case .safe(let h): return h.html
    case .none: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return jsonNumber(d)
    default: throw TemplateError(runtime: "keys must be str, int, float, bool or None, not \(key.typeName)")
    }
}

private func appendJSONString(_ text: String, to out: inout OutputBuffer) {
    out.append(UInt8(ascii: "\""))
    var previous: Unicode.Scalar = "\0"
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out.append("\\\"")
        case "\\": out.append("\\\\")
        case "\n": out.append("\\n")
        case "\r": out.append("\\r")
        case "\t": out.append("\\t")
        case "\u{08}": out.append("\\b")
        case "\u{0C}": out.append("\\f")
        case "/" where previous == "<": out.append("\\/")
        default:
            if scalar.value < 0x20 || scalar.value > 0x7E {
                appendUnicodeEscape(scalar.value, to: &out)
            } else {
                out.append(UInt8(scalar.value))
            }
        }
        previous = scalar
    }
    out.append(UInt8(ascii: "\""))
}

/// `\uXXXX` (lowercase hex, as Python), as a surrogate pair above U+FFFF.
private func appendUnicodeEscape(_ value: UInt32, to out: inout OutputBuffer) {
    if value > 0xFFFF {
        let offset = value - 0x10000
        appendUnicodeEscape(0xD800 + (offset >> 10), to: &out)
        appendUnicodeEscape(0xDC00 + (offset & 0x3FF), to: &out)
        return
    }
    out.append("\\u" + hexDigits(Int(value), width: 4))
}
