// OutputBuffer: the byte sink every render and escaping function writes to.
//
// `Array.append(contentsOf:)` costs tens of nanoseconds per call, and a
// render is mostly small appends. This buffer keeps its bytes in an array
// whose spare capacity is already initialized (zero-filled when it grows),
// so each append is a bounds check and a `memcpy`; `finish()` trims the
// spare bytes and hands the array over without copying.
import Glibc

/// A growable UTF-8 byte buffer with cheap appends.
struct OutputBuffer {
    /// `storage[0..<count]` is the content; the rest is spare room.
    private var storage: [UInt8]
    private(set) var count: Int

    /// A buffer continuing `initial`, with room for `capacity` bytes in all.
    init(_ initial: [UInt8] = [], capacity: Int = 0) {
        storage = initial
        count = initial.count
        reserve(max(0, capacity - count))
    }

    /// Ensures room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > storage.count { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let capacity = max(needed, storage.count * 2, 64)
        let length = count
        // Copy the content and zero the rest with memcpy/memset; Swift's
        // element-wise initializers are several times slower for bytes.
        storage = storage.withUnsafeBytes { old in
            [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                let base = UnsafeMutableRawPointer(buffer.baseAddress!)
                if length > 0 { base.copyMemory(from: old.baseAddress!, byteCount: length) }
                memset(base + length, 0, capacity - length)
                initialized = capacity
            }
        }
    }

    /// Appends raw bytes.
    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        let offset = count
        storage.withUnsafeMutableBytes { target in
            (target.baseAddress! + offset).copyMemory(from: source, byteCount: bytes.count)
        }
        count += bytes.count
    }

    /// Appends bytes.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UnsafeRawBufferPointer(bytes))
    }

    /// Appends bytes.
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// Appends the UTF-8 of `text`.
    @inline(__always)
    mutating func append(_ text: String) {
        withUTF8Bytes(text) { append($0) }
    }

    /// Appends a literal.
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends `bytes` with `&`, `<`, `>`, `"` and `'` replaced by entities,
    /// copying the runs between special characters in bulk.
    mutating func appendEscapedHTML(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        while true {
            let special = nextHTMLSpecial(base, from: runStart, count: bytes.count)
            append(UnsafeRawBufferPointer(start: base + runStart, count: special - runStart))
            guard special < bytes.count else { return }
            append(htmlEntity(for: base[special]))
            runStart = special + 1
        }
    }

    /// Appends the UTF-8 of `text`, HTML-escaped.
    mutating func appendEscapedHTML(_ text: String) {
        withUTF8Bytes(text) { appendEscapedHTML($0) }
    }

    /// Runs `body` over the bytes in `range`.
    func withBytes<R>(in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The content as an array (trimming the spare room in place).
    mutating func finish() -> [UInt8] {
        storage.removeLast(storage.count - count)
        return storage
    }

    /// The content as a string.
    var text: String {
        withBytes(in: 0..<count) { String(decoding: $0, as: UTF8.self) }
    }
}

/// Runs `body` over the UTF-8 bytes of `text`, copying only when the string
/// is not stored contiguously (bridged or lazily-decoded strings).
@inline(__always)
func withUTF8Bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return try Array(text.utf8).withUnsafeBufferPointer(body)
}
