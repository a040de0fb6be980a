// Path arguments in and out: percent-decoding of captured groups (Tornado's
// `_unquote_or_none`: %XX decoded, '+' left alone, UTF-8 required) and percent-encoding
// of reverse() arguments (Tornado's `url_escape(plus=False)`, i.e. `quote(safe="/")`).

/// Percent-coding for values captured from, or substituted into, URL paths.
enum PathArgument {
    /// Decodes `%XX` escapes (either hex case) to bytes and requires valid UTF-8. Malformed
    /// escapes such as `%zz` or a trailing `%4` stay as written, as in Python; `+` is not
    /// a space in paths. Returns nil when the decoded bytes are not UTF-8. `raw` must be
    /// whole UTF-8 (a slice of a path string at character boundaries).
    static func decode<Bytes: Collection<UInt8>>(_ raw: Bytes) -> String? {
        // Without escapes the bytes are a piece of a valid string, so no validation is needed.
        guard raw.contains(UInt8(ascii: "%")) else { return String(decoding: raw, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var input = raw[...]
        while let byte = input.popFirst() {
            if byte == UInt8(ascii: "%"), let high = input.first.flatMap(hexValue),
               let low = input.dropFirst().first.flatMap(hexValue) {
                bytes.append(high << 4 | low)
                input = input.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The error for a captured argument that `decode` rejected, quoting it as sent.
    static func invalid<Bytes: Collection<UInt8>>(_ raw: Bytes) -> RouteError {
        RouteError(code: .invalidPathArgument, pattern: nil, name: nil,
                   message: "Invalid unicode in path argument '\(String(decoding: raw, as: UTF8.self))': "
                       + "percent-decoded bytes are not UTF-8")
    }

    /// Percent-encodes every byte of the UTF-8 form except `A-Z a-z 0-9 _ . - ~ /`,
    /// using upper-case hex (`"a b/c"` → `"a%20b/c"`).
    static func escape(_ value: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if isUnescaped(byte) {
                out.append(byte)
            } else {
                out.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isUnescaped(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
