// Frame masking (RFC 6455 §5.3): every client-to-server payload is XORed
// with a 4-byte key chosen per frame, byte i with key byte i mod 4. Masking
// and unmasking are the same operation. It runs over every byte a server
// receives, so it works eight bytes at a time with the key repeated into a
// 64-bit word.

/// The 4-byte masking key of a frame.
public struct WebSocketMaskKey: Sendable, Hashable, CustomStringConvertible {
    /// The key's bytes in wire order, packed as they lie in memory (so the
    /// value depends on the machine's byte order; only memory use matters).
    private let word: UInt32

    private init(word: UInt32) { self.word = word }

    /// A key made of the four given bytes, in wire order.
    public init(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8) {
        var word: UInt32 = 0
        withUnsafeMutableBytes(of: &word) {
            $0[0] = b0
            $0[1] = b1
            $0[2] = b2
            $0[3] = b3
        }
        self.word = word
    }

    /// Reads a key from the four bytes at `offset` of `bytes` (no bounds
    /// check beyond the caller's: `offset + 4 <= bytes.count`).
    init(readingFrom bytes: UnsafeRawBufferPointer, at offset: Int) {
        word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
    }

    /// A key from the system's cryptographically secure generator, as
    /// RFC 6455 §5.3 requires for client frames.
    public static func random() -> WebSocketMaskKey {
        var generator = SystemRandomNumberGenerator()
        return WebSocketMaskKey(word: generator.next())
    }

    /// The four key bytes in wire order.
    public var bytes: [UInt8] { withUnsafeBytes(of: word) { Array($0) } }

    /// E.g. "37fa213d".
    public var description: String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Writes the four key bytes at `pointer`.
    func write(to pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: word, as: UInt32.self)
    }

    /// Masks (or unmasks) `buffer` in place. `phase` is the position of the
    /// buffer's first byte within the frame payload, so a payload can be
    /// processed in pieces.
    public func apply(to buffer: UnsafeMutableRawBufferPointer, phase: Int = 0) {
        apply(from: UnsafeRawBufferPointer(buffer), to: buffer, phase: phase)
    }

    /// Writes `source` masked (or unmasked) into `destination`, which must
    /// hold at least `source.count` bytes and may be the same memory.
    /// `phase` is the position of `source`'s first byte within the payload.
    public func apply(from source: UnsafeRawBufferPointer, to destination: UnsafeMutableRawBufferPointer, phase: Int = 0) {
        let count = source.count
        guard count > 0, let input = source.baseAddress, let output = destination.baseAddress else { return }
        let rotated = rotated(by: phase)
        // The rotated key twice: its memory reads key, key whatever the byte order.
        let pattern = UInt64(rotated) | UInt64(rotated) << 32
        var i = 0
        while i + 32 <= count {
            for lane in stride(from: i, to: i + 32, by: 8) {
                let chunk = input.loadUnaligned(fromByteOffset: lane, as: UInt64.self)
                output.storeBytes(of: chunk ^ pattern, toByteOffset: lane, as: UInt64.self)
            }
            i += 32
        }
        while i + 8 <= count {
            let chunk = input.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            output.storeBytes(of: chunk ^ pattern, toByteOffset: i, as: UInt64.self)
            i += 8
        }
        withUnsafeBytes(of: rotated) { key in
            while i < count {
                output.storeBytes(of: input.load(fromByteOffset: i, as: UInt8.self) ^ key[i & 3], toByteOffset: i, as: UInt8.self)
                i += 1
            }
        }
    }

    /// The key as seen from payload position `phase`: its bytes rotated so
    /// that the first one applies to that position.
    private func rotated(by phase: Int) -> UInt32 {
        let shift = phase & 3
        guard shift != 0 else { return word }
        var result: UInt32 = 0
        withUnsafeBytes(of: word) { key in
            withUnsafeMutableBytes(of: &result) {
                for j in 0..<4 { $0[j] = key[(j + shift) & 3] }
            }
        }
        return result
    }
}
