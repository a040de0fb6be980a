// HTML un-escaping, as Tornado's `xhtml_unescape` (Python's `html.unescape`):
// named references from the HTML5 list (including the legacy ones that may
// omit `;`, matched by longest prefix) and numeric references with the HTML5
// replacement rules for invalid code points.

/// Replaces character references (`&amp;`, `&eacute;`, `&#39;`, `&#x1F389;`)
/// with the characters they stand for, following the HTML5 rules exactly as
/// Python's `html.unescape`. Unknown references are left as they are.
public func xhtmlUnescape(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var position = 0
    while position < scalars.count {
        let scalar = scalars[position]
        position += 1
        guard scalar == "&", position < scalars.count else {
            result.append(scalar)
            continue
        }
        let reference = scalars[position] == "#"
            ? numericReference(scalars, from: position + 1)
            : namedReference(scalars, from: position)
        if let (replacement, end) = reference {
            result.append(contentsOf: replacement.unicodeScalars)
            position = end
        } else {
            result.append(scalar)
        }
    }
    return String(result)
}

/// `#123;` / `#x7B;` starting after the `#`: the replacement and where the
/// reference ends, or `nil` when no digits follow.
private func numericReference(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
    var position = start
    var radix: UInt32 = 10
    if position + 1 < scalars.count, scalars[position] == "x" || scalars[position] == "X",
       scalars[position + 1].properties.isASCIIHexDigit {
        radix = 16
        position += 1
    }
    var value: UInt32 = 0
    let digitsStart = position
    while position < scalars.count, let digit = digitValue(scalars[position], radix: radix) {
        // Saturate: anything above U+10FFFF is replaced the same way.
        value = min(value &* radix &+ digit, 0x11_0000)
        position += 1
    }
    guard position > digitsStart else { return nil }
    if position < scalars.count, scalars[position] == ";" { position += 1 }
    return (numericReplacement(value), position)
}

private func digitValue(_ scalar: Unicode.Scalar, radix: UInt32) -> UInt32? {
    guard scalar.isASCII, let digit = hexValue(UInt8(scalar.value)) else { return nil }
    return UInt32(digit) < radix ? UInt32(digit) : nil
}

/// What `&#128;`…`&#159;` mean: the Windows-1252 characters at those bytes.
private let windows1252: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
]

/// HTML5's numeric reference rules (as `html._invalid_charrefs` and
/// `html._invalid_codepoints`).
private func numericReplacement(_ value: UInt32) -> String {
    switch value {
    case 0x00: return "\u{FFFD}"
    case 0x0D: return "\r"
    case 0x80...0x9F:
        return String(Unicode.Scalar(windows1252[Int(value - 0x80)]) ?? "\u{FFFD}")
    case 0xD800...0xDFFF, 0x11_0000...:
        return "\u{FFFD}"
    case 0x01...0x08, 0x0B, 0x0E...0x1F, 0x7F, 0xFDD0...0xFDEF:
        return ""
    default:
        if value & 0xFFFE == 0xFFFE { return "" }
        return Unicode.Scalar(value).map { String($0) } ?? "\u{FFFD}"
    }
}

/// A named reference starting after the `&`: up to 32 characters other than
/// tab, newline, form feed, space, `<`, `&`, `#` and `;`, plus an optional
/// `;`. Returns `nil` when the name is empty.
private func namedReference(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
    var end = start
    while end < scalars.count, end - start < htmlEntityMaximumNameLength, !isReferenceTerminator(scalars[end]) {
        end += 1
    }
    guard end > start else { return nil }
    if end < scalars.count, scalars[end] == ";" { end += 1 }
    var name = String(String.UnicodeScalarView(scalars[start..<end]))
    if let replacement = htmlNamedEntities[name] { return (replacement, end) }
    // The longest known prefix of at least two characters wins; the rest of
    // the name is kept as text.
    var length = end - start - 1
    while length >= 2 {
        name = String(String.UnicodeScalarView(scalars[start..<(start + length)]))
        if let replacement = htmlNamedEntities[name] {
            return (replacement + String(String.UnicodeScalarView(scalars[(start + length)..<end])), end)
        }
        length -= 1
    }
    return nil
}

private func isReferenceTerminator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\t", "\n", "\u{0C}", " ", "<", "&", "#", ";": return true
    default: return false
    }
}
