// XHTML escaping, as Tornado's `xhtml_escape` (Python's `html.escape`):
// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#x27;`.
// The byte-level variant (`OutputBuffer.appendEscapedHTML`) is what `{{ }}`
// uses on the render hot path.

/// Escapes `&`, `<`, `>`, `"` and `'` for use in HTML text and quoted
/// attribute values. Equivalent to Tornado's `xhtml_escape`.
public func xhtmlEscape(_ text: String) -> String {
    withUTF8Bytes(text) { bytes in
        guard bytes.contains(where: isHTMLSpecial) else { return text }
        var out = OutputBuffer(capacity: bytes.count + 16)
        out.appendEscapedHTML(bytes)
        return out.text
    }
}

/// Whether `byte` must be replaced by an entity. The constant is `"`, `&`,
/// `'`, `<` and `>` (0x22, 0x26, 0x27, 0x3C, 0x3E) as bits of a 64-bit mask,
/// written as a literal so the hot loop needs no lazy global.
@inline(__always)
func isHTMLSpecial(_ byte: UInt8) -> Bool {
    byte < 0x40 && (0x5000_00C4_0000_0000 as UInt64 >> byte) & 1 != 0
}

/// The length of `bytes` once HTML-escaped.
func escapedLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    var length = bytes.count
    var position = nextHTMLSpecial(base, from: 0, count: bytes.count)
    while position < bytes.count {
        length += htmlEntity(for: base[position]).utf8CodeUnitCount - 1
        position = nextHTMLSpecial(base, from: position + 1, count: bytes.count)
    }
    return length
}

extension UnsafeMutableBufferPointer where Element == UInt8 {
    /// Writes `source` HTML-escaped at the start of this buffer, which must
    /// hold `escapedLength(source)` bytes; returns the written part.
    func initializeEscapedHTML(from source: UnsafeBufferPointer<UInt8>) -> UnsafeMutableBufferPointer<UInt8> {
        guard let base = source.baseAddress, let target = baseAddress else { return self }
        var written = 0
        var runStart = 0
        while true {
            let special = nextHTMLSpecial(base, from: runStart, count: source.count)
            UnsafeMutableRawPointer(target + written).copyMemory(from: base + runStart, byteCount: special - runStart)
            written += special - runStart
            guard special < source.count else { return UnsafeMutableBufferPointer(rebasing: self[..<written]) }
            let entity = htmlEntity(for: base[special])
            UnsafeMutableRawPointer(target + written).copyMemory(from: entity.utf8Start, byteCount: entity.utf8CodeUnitCount)
            written += entity.utf8CodeUnitCount
            runStart = special + 1
        }
    }
}

/// The position of the first HTML-special byte at or after `start`, or
/// `count` if there is none. Scans eight bytes at a time (SWAR): a word is
/// only inspected byte by byte when it contains one of the five characters.
@inline(__always)
func nextHTMLSpecial(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
    var position = start
    while position + 8 <= count {
        let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: position, as: UInt64.self)
        if wordContainsHTMLSpecial(word) { break }
        position += 8
    }
    while position < count, !isHTMLSpecial(base[position]) { position += 1 }
    return position
}

/// Whether any byte of `word` is `"`, `&`, `'`, `<` or `>`.
@inline(__always)
private func wordContainsHTMLSpecial(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    // A byte of `v` is zero exactly when `(v - 1) & ~v` sets its high bit.
    func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & (ones &* 0x80) }
    return hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x26)) | hasZeroByte(word ^ (ones &* 0x27))
        | hasZeroByte(word ^ (ones &* 0x3C)) | hasZeroByte(word ^ (ones &* 0x3E)) != 0
}

/// The entity replacing an HTML-special byte (call only when `isHTMLSpecial`).
@inline(__always)
func htmlEntity(for byte: UInt8) -> StaticString {
    switch byte {
    case UInt8(ascii: "&"): return "&amp;"
    case UInt8(ascii: "<"): return "&lt;"
    case UInt8(ascii: ">"): return "&gt;"
    case UInt8(ascii: "\""): return "&quot;"
    default: return "&#x27;"
    }
}
