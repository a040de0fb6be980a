// Just enough of the HTTP field-value grammar (RFC 9110 §5.6) for the
// WebSocket handshake headers: tokens, quoted strings, optional whitespace
// and comma-separated lists, as used by Upgrade, Connection,
// Sec-WebSocket-Protocol and Sec-WebSocket-Extensions.

/// A cursor over a header value's bytes.
struct HeaderScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ value: String) { bytes = Array(value.utf8) }

    var isAtEnd: Bool { index == bytes.count }

    /// Skips spaces and horizontal tabs (OWS).
    mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }

    /// Consumes `character` if it is next.
    mutating func consume(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
        index += 1
        return true
    }

    /// Consumes a token (1*tchar), or returns `nil` if none is next.
    mutating func token() -> String? {
        let start = index
        while index < bytes.count, Self.isTokenCharacter(bytes[index]) { index += 1 }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    /// Consumes a quoted string and returns its unescaped content, or returns
    /// `nil` (consuming nothing useful) if none is next or it is unterminated.
    mutating func quotedString() -> String? {
        guard consume("\"") else { return nil }
        var content: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: content, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                content.append(bytes[index])
                index += 1
            case 0x00...0x08, 0x0A...0x1F, 0x7F:
                return nil
            default:
                content.append(byte)
            }
        }
        return nil
    }

    /// Parses a comma-separated list (`1#element`, RFC 9110 §5.6.1) with
    /// `element`, skipping empty elements and whitespace around commas.
    /// Returns `nil` if `element` fails or anything but a comma follows one.
    static func list<Element>(_ value: String, element: (inout HeaderScanner) -> Element?) -> [Element]? {
        var scanner = HeaderScanner(value)
        var elements: [Element] = []
        while true {
            scanner.skipWhitespace()
            if scanner.consume(",") { continue }
            if scanner.isAtEnd { return elements }
            guard let parsed = element(&scanner) else { return nil }
            elements.append(parsed)
            scanner.skipWhitespace()
            guard scanner.isAtEnd || scanner.consume(",") else { return nil }
        }
    }

    /// The elements of a comma-separated token list (`1#token`), ignoring
    /// empty elements; `nil` if an element is not a single token.
    static func tokenList(_ value: String) -> [String]? {
        list(value) { $0.token() }
    }

    /// Whether `value` is a non-empty token.
    static func isToken(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.allSatisfy(isTokenCharacter)
    }

    /// tchar: visible ASCII except delimiters `"(),/:;<=>?@[\]{}`.
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
