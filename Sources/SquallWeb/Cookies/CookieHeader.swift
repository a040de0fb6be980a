// Parsing the `Cookie` request header.
//
// Browsers do not follow the cookie RFCs when sending cookies, so, like
// Tornado (whose `parse_cookie` copies Django's algorithm), this parser is
// lenient: it never fails, it skips what it cannot use, and later
// duplicates replace earlier ones. It works on the header's UTF-8 bytes:
// `;`, `=` and ASCII whitespace never occur inside a multi-byte character.

/// The `Cookie` request header, parsed exactly as Tornado's
/// `HTTPServerRequest.cookies` does.
public enum CookieHeader {
    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// Parses a `Cookie` header value into a name → value dictionary.
    ///
    /// The header is split on `;`; each piece is split at its first `=`
    /// (a piece without `=` is a value with an empty name); names and values
    /// are trimmed of whitespace and a double-quoted value is unquoted
    /// (`"a\073b"` → `a;b`). When a name repeats, the last value wins. Pieces
    /// whose name is empty, has characters outside
    /// ``letters digits !#$%&'*+-.^_`|~:`` or is an attribute name (`path`,
    /// `expires`, … any case) are dropped, as Tornado does. Never fails:
    /// malformed pieces are skipped.
    ///
    /// Whitespace is what Python's `str.strip()` removes: ASCII space,
    /// `\t \n \r \u{0B} \u{0C}`, `\u{1C}`–`\u{1F}`, and Unicode `White_Space`
    /// characters such as U+0085 and U+00A0.
    public static func parse(_ header: String) -> [String: String] {
        var cookies: [String: String] = [:]
        var header = header
        header.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
                add(bytes[start..<end], to: &cookies)
                start = end + 1
            }
        }
        return cookies
    }

    private static func add(_ piece: Bytes, to cookies: inout [String: String]) {
        let equals = piece.firstIndex(of: UInt8(ascii: "="))
        let name = equals.map { trimmed(piece[..<$0]) } ?? piece[piece.startIndex..<piece.startIndex]
        guard CookieSyntax.isAcceptedName(name) else { return }
        let value = trimmed(equals.map { piece[($0 + 1)...] } ?? piece)
        cookies[String(decoding: name, as: UTF8.self)] = CookieSyntax.unquote(String(decoding: value, as: UTF8.self))
    }

    private static func trimmed(_ bytes: Bytes) -> Bytes {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, let width = whitespaceWidth(bytes.base, from: start, to: end, backwards: false) {
            start += width
        }
        while start < end, let width = whitespaceWidth(bytes.base, from: start, to: end, backwards: true) {
            end -= width
        }
        return bytes.base[start..<end]
    }

    /// The byte length of the character at `start` (or ending at `end` when
    /// `backwards`) if it is whitespace, else `nil`.
    private static func whitespaceWidth(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, backwards: Bool
    ) -> Int? {
        var first = backwards ? end - 1 : start
        if bytes[first] < 0x80 {
            return isWhitespace(Unicode.Scalar(bytes[first])) ? 1 : nil
        }
        if backwards {
            // Step back over continuation bytes (10xxxxxx) to the lead byte.
            while first > start, bytes[first] & 0xC0 == 0x80 { first -= 1 }
        }
        var iterator = bytes[first..<end].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), isWhitespace(scalar) else { return nil }
        return UTF8.width(scalar)
    }

    /// Python's `str.isspace`.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20: true
        case 0..<0x80: false
        default: scalar.properties.isWhitespace
        }
    }
}
