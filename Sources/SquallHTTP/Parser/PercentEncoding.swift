// Percent-encoding (RFC 3986 §2.1) as Tornado's url_escape/url_unescape and
// Python's quote/quote_plus/unquote_plus do it.
//
// Decoding policy: a "%" not followed by two hex digits is kept literally (as
// Python does); decoded bytes that are not valid UTF-8 become U+FFFD in the
// String APIs (Python's errors="replace"), so a stray byte never fails a whole
// request. `decodeBytes` returns the exact bytes for callers that need them.

/// Percent-encoding and decoding helpers.
public enum PercentEncoding {
    /// Decodes `%XX` escapes (and "+" as space when `plusAsSpace`, the form
    /// convention) to bytes, exactly.
    public static func decodeBytes(_ text: String, plusAsSpace: Bool = false) -> [UInt8] {
        var text = text
        return text.withUTF8 { decodeBytes(UnsafeRawBufferPointer($0), plusAsSpace: plusAsSpace) }
    }

    /// Decodes `%XX` escapes (and "+" when `plusAsSpace`) as UTF-8, invalid sequences
    /// becoming U+FFFD. Tornado's `url_unescape(value, plus=...)`.
    public static func decode(_ text: String, plusAsSpace: Bool = false) -> String {
        var text = text
        return text.withUTF8 { decodeString(UnsafeRawBufferPointer($0), plusAsSpace: plusAsSpace) }
    }

    /// Percent-encodes UTF-8 bytes outside `A-Z a-z 0-9 _ . - ~` with uppercase hex.
    /// With `plusForSpace` (the default, Python's `quote_plus`) a space becomes "+"
    /// and "/" is escaped; without it (Python's `quote`) a space becomes "%20" and
    /// "/" is kept. Tornado's `url_escape(value, plus=...)`.
    public static func encode(_ text: String, plusForSpace: Bool = true) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (!plusForSpace && byte == HTTPBytes.slash) {
                output.append(byte)
            } else if plusForSpace && byte == HTTPBytes.space {
                output.append(HTTPBytes.plus)
            } else {
                output.append(HTTPBytes.percent)
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `name=value&…` with both sides encoded like `encode(_:plusForSpace: true)`
    /// (Python's `urlencode`), for query strings and form bodies.
    public static func encodeQuery(_ pairs: [(name: String, value: String)]) -> String {
        pairs.map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&")
    }

    /// Decodes `bytes` to a String, avoiding the decode buffer when nothing is escaped.
    static func decodeString(_ bytes: UnsafeRawBufferPointer, plusAsSpace: Bool) -> String {
        let escaped = bytes.contains { $0 == HTTPBytes.percent || (plusAsSpace && $0 == HTTPBytes.plus) }
        guard escaped else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: decodeBytes(bytes, plusAsSpace: plusAsSpace), as: UTF8.self)
    }

    /// Decodes escapes in `bytes`; invalid escapes are copied through.
    static func decodeBytes(_ bytes: UnsafeRawBufferPointer, plusAsSpace: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == HTTPBytes.percent, index + 2 < bytes.count,
                let high = HTTPBytes.hexValue(bytes[index + 1]), let low = HTTPBytes.hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            output.append(plusAsSpace && byte == HTTPBytes.plus ? HTTPBytes.space : byte)
            index += 1
        }
        return output
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
