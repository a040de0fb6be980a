// HTTP byte classes: the RFC 9110 character sets (tchar, field-value bytes,
// hex digits) plus the ASCII case-folding compare that header lookups use.
// Everything here works on single bytes so the parsers can validate while
// they scan, without building Strings.

import Glibc

/// Byte-level helpers shared by the request parser, `HTTPHeaders` and the form parsers.
enum HTTPBytes {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")
    static let semicolon = UInt8(ascii: ";")
    static let comma = UInt8(ascii: ",")
    static let equals = UInt8(ascii: "=")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let percent = UInt8(ascii: "%")
    static let plus = UInt8(ascii: "+")
    static let ampersand = UInt8(ascii: "&")
    static let question = UInt8(ascii: "?")
    static let slash = UInt8(ascii: "/")

    /// RFC 9110 §5.6.2 `tchar`: the bytes allowed in a token (method, header name, coding).
    @inline(__always)
    static func isTokenByte(_ byte: UInt8) -> Bool {
        // Bitmaps of ALPHA / DIGIT / "!#$%&'*+-.^_`|~" for bytes 0-63 and 64-127.
        inBitmap(byte, low: 0x03FF_6CFA_0000_0000, high: 0x57FF_FFFF_C7FF_FFFE)
    }

    /// `isTokenByte` as a 256-entry table, for the header-name loop, where a load
    /// beats the bitmap's branches.
    static let tokenTable: [Bool] = (0...255).map { isTokenByte(UInt8($0)) }

    /// The end of the run of token bytes in `buffer[start..<end]`.
    @inline(__always)
    static func tokenEnd(_ buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        tokenTable.withUnsafeBufferPointer { table in
            var index = start
            while index < end && table[Int(buffer[index])] { index += 1 }
            return index
        }
    }

    /// Whether `byte` (< 128) has its bit set in the 128-bit map `high:low`.
    @inline(__always)
    static func inBitmap(_ byte: UInt8, low: UInt64, high: UInt64) -> Bool {
        if byte < 64 { return (low >> UInt64(byte)) & 1 != 0 }
        if byte < 128 { return (high >> UInt64(byte &- 64)) & 1 != 0 }
        return false
    }

    /// RFC 9110 §5.5 field-value bytes: HTAB, SP, VCHAR and obs-text. Every other
    /// control byte (NUL, CR, LF, DEL, …) is refused, which is what stops header injection.
    @inline(__always)
    static func isFieldValueByte(_ byte: UInt8) -> Bool {
        byte >= 0x20 ? byte != 0x7F : byte == tab
    }

    /// Whether `bytes` equals the static ASCII string `text` exactly.
    @inline(__always)
    static func equals(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount
            && (bytes.isEmpty || memcmp(bytes.baseAddress!, text.utf8Start, bytes.count) == 0)
    }

    /// Whether any of the eight bytes of `word` is a control byte (< 0x20, HTAB
    /// included) or DEL, by SWAR arithmetic: exact for the "any" question, and
    /// bytes >= 0x80 (obs-text) never count.
    @inline(__always)
    static func hasControlByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let belowSpace = (word &- ones &* 0x20) & ~word & highBits
        let xorDelete = word ^ (ones &* 0x7F)
        let isDelete = (xorDelete &- ones) & ~xorDelete & highBits
        return belowSpace | isDelete != 0
    }

    /// Whether every byte of `bytes` is a field-value byte; eight at a time while no
    /// control byte is in sight.
    static func isFieldValue(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while bytes.count - index >= 8 && !hasControlByte(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
        while index < bytes.count {
            if !isFieldValueByte(bytes[index]) { return false }
            index += 1
        }
        return true
    }

    /// Optional whitespace (RFC 9110 §5.6.3 OWS): SP or HTAB.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    /// ASCII lower-casing of one byte; other bytes pass through unchanged.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// The value of a hexadecimal digit, or nil.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte &- UInt8(ascii: "A") &+ 10
        default: return nil
        }
    }

    /// Whether `bytes` equals `name` ignoring ASCII case. `name` may be any case.
    @inline(__always)
    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ name: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == name.count else { return false }
        for index in 0..<bytes.count where lowercased(bytes[index]) != lowercased(name[index]) {
            return false
        }
        return true
    }

    /// Whether `bytes` equals the static ASCII `name` ignoring case.
    @inline(__always)
    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ name: StaticString) -> Bool {
        equalsIgnoringCase(bytes, raw(name))
    }

    /// The bytes of a static ASCII string, for appending constants such as CRLF.
    @inline(__always)
    static func raw(_ text: StaticString) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Index of the first `byte` in `buffer[from..<to]`, found with `memchr`.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in buffer: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        guard from < to, let base = buffer.baseAddress,
            let hit = memchr(base + from, Int32(byte), to - from)
        else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }

    /// The range of `buffer[range]` with leading and trailing SP/HTAB removed.
    @inline(__always)
    static func trimmingWhitespace(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isWhitespace(buffer[lower]) { lower += 1 }
        while upper > lower, isWhitespace(buffer[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Renders untrusted bytes for an error message: printable ASCII as is, anything
    /// else as `\xNN`, cut to `limit` bytes so a hostile line cannot bloat a log.
    static func printable(_ bytes: UnsafeRawBufferPointer, limit: Int = 80) -> String {
        var text = ""
        for byte in bytes.prefix(limit) {
            if byte >= 0x20 && byte < 0x7F && byte != backslash {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        if bytes.count > limit { text += "…" }
        return text
    }
}
