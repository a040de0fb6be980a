// URL percent-encoding, as Tornado's `url_escape` / `url_unescape`
// (Python's `quote_plus`/`quote` and `unquote_plus`/`unquote`).

/// Percent-encodes `text` for a URL.
///
/// With `plus` (the default, as in Tornado) spaces become `+` and `/` is
/// encoded, as query strings want; with `plus: false` spaces become `%20` and
/// `/` is kept, as paths want. Letters, digits and `_.-~` are never encoded.
public func urlEscape(_ text: String, plus: Bool = true) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."),
             UInt8(ascii: "-"), UInt8(ascii: "~"):
            out.append(byte)
        case UInt8(ascii: "/") where !plus:
            out.append(byte)
        case UInt8(ascii: " ") where plus:
            out.append(UInt8(ascii: "+"))
        default:
            out.append(UInt8(ascii: "%"))
            out.append(upperHexDigit(byte >> 4))
            out.append(upperHexDigit(byte & 0x0F))
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// Decodes `%XX` escapes (and, with `plus`, `+` as space) and reads the result
/// as UTF-8, replacing invalid sequences with U+FFFD. Malformed escapes are
/// kept literally. Equivalent to Tornado's `url_unescape`.
public func urlUnescape(_ text: String, plus: Bool = true) -> String {
    let input = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(input.count)
    var position = 0
    while position < input.count {
        let byte = input[position]
        if byte == UInt8(ascii: "%"), position + 2 < input.count,
           let high = hexValue(input[position + 1]), let low = hexValue(input[position + 2]) {
            out.append(high << 4 | low)
            position += 3
            continue
        }
        out.append(plus && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
        position += 1
    }
    return String(decoding: out, as: UTF8.self)
}

/// `0`–`9`, `A`–`F` for a nibble.
@inline(__always)
func upperHexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "A")
}

/// The value of an ASCII hex digit (either case), or `nil`.
@inline(__always)
func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
}
